#!/usr/bin/env node
// The storydiff benchmark (`npm run bench`): measures, then writes BENCHMARKS.md and
// bench/results.json. Not a test: budgets are reported as met or missed, and the exit code is
// 0 unless something crashes.
//
//   node bench/run.mjs [--quick] [--no-build] [--no-browser] [--no-profile] [--no-ecb]
//                      [--no-pathological | --only-pathological]
//
//   --quick              fewer runs (for trying the benchmark itself; figures are noisier)
//   --no-build           use pkg/ and the bench binaries as they are
//   --no-browser         skip the Chromium page timing
//   --no-profile         skip the callgrind profile
//   --no-ecb             skip the ECB+ clusters and the scaling curve
//   --no-pathological    skip the pathological input rows (bench/pathological.mjs)
//   --only-pathological  build pkg/ only (scripts/build.sh; not the native or core benches) and
//                        run only the pathological input rows, a few minutes at most. The other
//                        sections are not measured and not overwritten: the new section replaces
//                        the `pathological` key of the existing bench/results.json (everything
//                        else in it is kept as it was, with its own date and commit), and
//                        BENCHMARKS.md is regenerated from that merged data; it says when the
//                        section was measured apart from the rest. Without a bench/results.json,
//                        both files hold the pathological section alone.
//
// ECB+ articles are read from ../shared/data/ecbplus/<cluster>/*.txt (STORYDIFF_ECB_DIR
// overrides); when they are missing, those rows are skipped and the report says so.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, totalmem, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { CORE_WASM, ECB_DIR, HANDOVER, HANDOVER_TARGET, ROOT, SNAPSHOT, balancedOrder, ecbClusters, fitExponent, inputBytes, seedFiles } from './lib.mjs';
import { writeMarkdown } from './report.mjs';

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
for (const a of argv) {
  if (!['--quick', '--no-build', '--no-browser', '--no-profile', '--no-ecb', '--no-pathological', '--only-pathological'].includes(a)) {
    console.error(`bench: unknown argument ${a}`);
    process.exit(2);
  }
}
if (flag('--no-pathological') && flag('--only-pathological')) {
  console.error('bench: --no-pathological and --only-pathological exclude each other');
  process.exit(2);
}
const QUICK = flag('--quick');
const ONLY_PATHOLOGICAL = flag('--only-pathological');
const NATIVE = join(SNAPSHOT, 'bench-native');
const ALL_PAIRS_MAX = 20_000_000; // above this many pairs, the all-pairs way is not run
const SIZES = [10, 30, 100, 300]; // first n ECB+ articles in balancedOrder; all of them are added as the last size
const RUNS = QUICK
  ? { seeds: 40, cluster: 3, scale: 3, page: 3, budgetMs: 2_000 }
  : { seeds: 300, cluster: 7, scale: 7, page: 11, budgetMs: 15_000 };

const loads = [];
const log = (...a) => {
  loads.push(+loadavg()[0].toFixed(2));
  console.error('bench:', ...a);
};
const tmp = mkdtempSync(join(tmpdir(), 'storydiff-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
}
function tryText(cmd, args) {
  try {
    return sh(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

// --- machine -----------------------------------------------------------------------------
function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let srcDirty = null;
  try {
    srcDirty = sh('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'js', 'www'], { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpu: model.trim(),
    cores: cpus().length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    os: tryText('uname', ['-sr']),
    node: process.version,
    rustc: tryText('rustc', ['--version']),
    commit: tryText('git', ['rev-parse', '--short', 'HEAD']),
    uncommitted: srcDirty ? srcDirty.split('\n').filter(Boolean).map((l) => l.slice(3)) : [],
    quick: QUICK,
    nice: getPriority(),
  };
}

// --- build -------------------------------------------------------------------------------
function build({ pkgOnly = false } = {}) {
  const notes = [];
  if (!flag('--no-build')) {
    log('building pkg/ (scripts/build.sh)');
    const r = spawnSync('bash', ['scripts/build.sh'], { cwd: ROOT, env, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      if (!existsSync(join(ROOT, 'pkg', 'storydiff_bg.wasm'))) throw new Error('scripts/build.sh failed and pkg/ has no build');
      notes.push('scripts/build.sh failed; the pkg/ already there was measured');
    }
  }
  if (!flag('--no-build') && !pkgOnly) {
    // The objects and JSON rows time the hand-overs the shipped module leaves out: they need a
    // build of their own, in a Cargo target directory of its own (features change the crate).
    log(`building the handover wasm (scripts/build.sh --features handover, into ${relative(ROOT, HANDOVER)})`);
    const r = spawnSync('bash', ['scripts/build.sh', '--features', 'handover', '--out-dir', HANDOVER], {
      cwd: ROOT, env: { ...env, CARGO_TARGET_DIR: HANDOVER_TARGET }, encoding: 'utf8',
    });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      throw new Error('building the handover wasm failed');
    }
    log('building the native bench (cargo build --release --example bench)');
    sh('cargo', ['build', '--release', '--quiet', '--example', 'bench'], { stdio: ['ignore', 'ignore', 'inherit'] });
    log('building the core bench for wasm (bench/core, into target/bench-wasm)');
    // The same dependency versions as the main build: start from its lock file.
    const coreDir = join(ROOT, 'bench', 'core');
    copyFileSync(join(ROOT, 'Cargo.lock'), join(coreDir, 'Cargo.lock'));
    const coreBuild = (extra) =>
      spawnSync('cargo', ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', ...extra], {
        cwd: coreDir,
        env: { ...env, CARGO_TARGET_DIR: join(ROOT, 'target', 'bench-wasm') },
        stdio: ['ignore', 'ignore', 'inherit'],
      }).status;
    if (coreBuild(['--offline']) !== 0 && coreBuild([]) !== 0) throw new Error('building bench/core for wasm32 failed');
    const profileOf = (f) => /^\[profile\.release\]([^[]*)/m.exec(readFileSync(f, 'utf8'))?.[1].replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim();
    if (profileOf(join(ROOT, 'Cargo.toml')) !== profileOf(join(coreDir, 'Cargo.toml'))) {
      notes.push('the release profile of bench/core/Cargo.toml differs from the root Cargo.toml: the core-alone wasm figures are built with other settings');
    }
    const raw = join(ROOT, 'target', 'bench-wasm', 'wasm32-unknown-unknown', 'release', 'storydiff_bench_core.wasm');
    // Optimized as pkg/ is (scripts/wasm-opt.sh, which says 3 when wasm-opt is missing).
    const opt = spawnSync('bash', ['scripts/wasm-opt.sh', raw, CORE_WASM], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).status;
    if (opt === 3) {
      sh('cp', [raw, CORE_WASM]);
      notes.push('binaryen wasm-opt missing: the core bench wasm is not optimized');
    } else if (opt !== 0) {
      throw new Error('wasm-opt failed on the core bench wasm');
    }
  }
  const built = join(ROOT, 'target', 'release', 'examples', 'bench');
  const handover = [join(HANDOVER, 'storydiff_bg.wasm'), join(HANDOVER, 'storydiff.js')];
  for (const f of [...(pkgOnly ? [] : [built, CORE_WASM, ...handover]), join(ROOT, 'pkg', 'storydiff_bg.wasm'), join(ROOT, 'pkg', 'storydiff.js')]) {
    if (!existsSync(f)) throw new Error(`${relative(ROOT, f)} is missing (run without --no-build)`);
  }
  // Other work may rebuild pkg/ while this runs: measure a copy, and make sure the copy is one
  // build (the glue provides every import the wasm asks for).
  mkdirSync(SNAPSHOT, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    copyFileSync(join(ROOT, 'pkg', 'storydiff.js'), join(SNAPSHOT, 'storydiff.js'));
    copyFileSync(join(ROOT, 'pkg', 'storydiff_bg.wasm'), join(SNAPSHOT, 'storydiff_bg.wasm'));
    // The html module, for the web-page rows (bench/pathological.mjs).
    mkdirSync(join(SNAPSHOT, 'html'), { recursive: true });
    copyFileSync(join(ROOT, 'pkg', 'html', 'storydiff.js'), join(SNAPSHOT, 'html', 'storydiff.js'));
    copyFileSync(join(ROOT, 'pkg', 'html', 'storydiff_bg.wasm'), join(SNAPSHOT, 'html', 'storydiff_bg.wasm'));
    const glue = readFileSync(join(SNAPSHOT, 'storydiff.js'), 'utf8');
    const bytes = readFileSync(join(SNAPSHOT, 'storydiff_bg.wasm'));
    const whole = WebAssembly.validate(bytes) &&
      WebAssembly.Module.imports(new WebAssembly.Module(bytes)).every((i) => glue.includes(i.name));
    if (whole) break;
    if (attempt === 3) throw new Error('pkg/ is not one consistent build (is another build running?)');
    log('pkg/ looks mid-rebuild; waiting and copying again');
    spawnSync('sleep', ['10']);
  }
  if (!pkgOnly) copyFileSync(built, NATIVE);
  return notes;
}

const sha = (f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16) : null);

// --- sizes -------------------------------------------------------------------------------
/** A file's size: raw, gzip -9 and brotli 11. */
function sizeOf(path) {
  const buf = readFileSync(path);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** What is shipped (the snapshot of pkg/ and the JS API), file by file. */
function sizes() {
  const files = [
    ['pkg/storydiff_bg.wasm', 'core wasm', join(SNAPSHOT, 'storydiff_bg.wasm')],
    ['pkg/storydiff.js', 'wasm-bindgen JS glue', join(SNAPSHOT, 'storydiff.js')],
    ['js/index.js', 'JS API (browser)'],
    ['js/validate.js', 'JS API argument checks'],
    ['js/tape.js', 'JS API report decoder'],
    ['js/node.js', 'JS API (Node)'],
    ['www/app.js', 'page script'],
    ['build/app.js', 'page script bundled with the element (what the page loads; scripts/bundle.mjs)'],
    ['build/worker.js', 'the worker bundled (what the page starts)'],
  ];
  return files
    .map(([f, what, at]) => [f, what, at ?? join(ROOT, f)])
    .filter(([, , at]) => existsSync(at))
    .map(([f, what, at]) => ({ file: f, what, ...sizeOf(at) }));
}

// --- native and wasm jobs ----------------------------------------------------------------
function listFile(files) {
  const path = join(tmp, `list-${files.length}-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, files.join('\n') + '\n');
  return path;
}

function native(mode, files, extra = []) {
  const out = sh(NATIVE, [mode, ...extra, '--list', listFile(files)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out);
}

function nativeTime(files, runs, budgetMs) {
  return native('time', files, ['--runs', String(runs), '--budget-ms', String(budgetMs), '--all-pairs-max', String(ALL_PAIRS_MAX)]);
}

function wasmJob(sets, { maxRuns, budgetMs, memory, progress = false }) {
  const job = join(tmp, `job-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(job, JSON.stringify({ sets, maxRuns, budgetMs, allPairsMax: ALL_PAIRS_MAX, memory, progress }));
  const out = sh(process.execPath, [join(ROOT, 'bench', 'node-wasm.mjs'), job], { stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out).results;
}

// --- profile -----------------------------------------------------------------------------
function profile(name, files, iters) {
  if (!tryText('which', ['valgrind'])) return { name, skipped: 'valgrind is not installed' };
  const out = join(tmp, `callgrind-${iters}.out`);
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, NATIVE, 'loop', '--iters', String(iters), '--list', listFile(files)], {
    cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0 || !existsSync(out)) return { name, skipped: `valgrind failed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}` };
  const parse = (inclusive) => {
    const text = sh('callgrind_annotate', [`--inclusive=${inclusive ? 'yes' : 'no'}`, out], { stdio: ['ignore', 'pipe', 'ignore'] });
    const rows = [];
    let total = null;
    for (const line of text.split('\n')) {
      const t = /^\s*([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS/.exec(line);
      if (t) total = Number(t[1].replace(/,/g, ''));
      const m = /^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+([^:\s]*):(.+?)(?: \[(.*)\])?$/.exec(line);
      if (m) rows.push({ ir: Number(m[1].replace(/,/g, '')), pct: Number(m[2]), fn: m[4].trim(), object: m[5] ?? '' });
    }
    return { total, rows };
  };
  // What compare calls directly, with each callee's inclusive cost: the stages that are not
  // inlined into it (what is inlined shows as compare's own cost).
  const callees = [];
  const tree = sh('callgrind_annotate', ['--inclusive=yes', '--tree=calling', out], { stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
  const at = tree.findIndex((l) => /\*\s+\S*?:storydiff::compare(\s|$)/.test(l));
  for (let i = at + 1; at >= 0 && i < tree.length && tree[i].trim() !== ''; i++) {
    const c = /^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+>\s+[^:\s]*:(.+?) \(([\d,]+)x\)/.exec(tree[i]);
    if (c) callees.push({ pct: Number(c[2]), fn: c[3].trim(), calls: Number(c[4].replace(/,/g, '')) / iters });
  }
  const inc = parse(true);
  const self = parse(false);
  const short = (fn) => fn.replace(/<alloc::raw_vec::RawVecInner(<_>)?>/g, 'RawVec');
  return {
    name,
    iters,
    articles: files.length,
    totalIr: inc.total,
    inclusive: inc.rows.filter((r) => /storydiff::/.test(r.fn)).slice(0, 20).map((r) => ({ ...r, fn: short(r.fn) })),
    compareCallees: callees.slice(0, 15).map((r) => ({ ...r, fn: short(r.fn) })),
    compareSelfPct: +((inc.rows.find((r) => r.fn === 'storydiff::compare')?.pct ?? 0) - callees.reduce((a, r) => a + r.pct, 0)).toFixed(1),
    self: self.rows.slice(0, 15).map((r) => ({ ...r, fn: short(r.fn) })),
    allocationSelfPct: +self.rows
      .filter((r) => /^(malloc|free|realloc|_int_malloc|_int_free|_int_realloc|malloc_consolidate|unlink_chunk.*|__rustc::__rust_(alloc|dealloc|realloc)|cfree.*)$/.test(r.fn) || /RawVecInner/.test(r.fn))
      .reduce((a, r) => a + r.pct, 0)
      .toFixed(1),
  };
}

// --- pathological input ------------------------------------------------------------------
// One process per input (bench/pathological.mjs), each killed at an outer cap so that nothing
// hangs the benchmark: 20× the row's budget, at least 20 s. Budgets and their reasons are in
// bench/pathological.mjs.
async function pathological(notes = []) {
  const { CASES, RULES, judge } = await import('./pathological.mjs');
  const begun = Date.now();
  const rows = [];
  for (const c of CASES) {
    const input = c.build();
    const budget = c.budget(inputBytes(input));
    const capMs = Math.max(20_000, budget.ms * 20);
    const maxRuns = QUICK ? Math.ceil(c.runs / 3) : c.runs;
    log(`pathological: ${c.id} (budget ${budget.ms} ms, cap ${capMs / 1000} s)`);
    const job = join(tmp, `pathological-${c.id}.json`);
    writeFileSync(job, JSON.stringify({ case: c.id, maxRuns, loopMs: Math.min(capMs / 4, Math.max(2_000, budget.ms * 3)) }));
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'pathological.mjs'), job], {
      cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 24, timeout: capMs, killSignal: 'SIGKILL',
    });
    let row = { id: c.id };
    if (r.error?.code === 'ETIMEDOUT') {
      row.timedOut = capMs;
    } else if (r.status !== 0) {
      const last = (r.stderr || '').trim().split('\n').filter(Boolean).slice(-1)[0];
      row.crashed = `${r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`}${last ? `: ${last}` : ''}`;
    } else {
      row = JSON.parse(r.stdout);
    }
    row = { sources: input.length, bytes: inputBytes(input), ...row, what: c.what, expect: c.expect ?? 'report', budget, capMs };
    Object.assign(row, judge(row));
    rows.push(row);
    log(`pathological: ${c.id}: ${row.status}${row.detail ? ` (${row.detail})` : ''}`);
  }
  return { notes, rules: RULES, seconds: Math.round((Date.now() - begun) / 1000), rows };
}

/**
 * Writes bench/results.json and BENCHMARKS.md. The markdown is written from the rounded figures
 * that go into the JSON, so that regenerating it from bench/results.json (as --only-pathological
 * does) gives the same text.
 */
function writeResults(results) {
  // Five significant digits are far finer than the run-to-run spread.
  const round = (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toPrecision(5) : v);
  const rounded = JSON.parse(JSON.stringify(results, round));
  const md = writeMarkdown(rounded);
  rounded.budgets = md.budgets;
  rounded.allPairsExtrapolated = md.extrapolated;
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(rounded, round, 2) + '\n');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), md.text);
  return md;
}

const RESULTS = join(ROOT, 'bench', 'results.json');
if (ONLY_PATHOLOGICAL) {
  const started = Date.now();
  const notes = build({ pkgOnly: true });
  let results = null;
  try {
    results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {
    log('no readable bench/results.json: writing the pathological section alone');
  }
  const m = machine();
  const section = await pathological(notes);
  loads.push(+loadavg()[0].toFixed(2));
  m.seconds = Math.round((Date.now() - started) / 1000);
  m.load1 = { min: Math.min(...loads), max: Math.max(...loads), samples: loads };
  m.wasmSha256 = sha(join(SNAPSHOT, 'storydiff_bg.wasm'));
  // Without earlier results of a full run, this run is the whole record (same date: not
  // "measured apart").
  results ??= { notes: [], method: { allPairsMax: ALL_PAIRS_MAX, runs: RUNS, sizes: SIZES } };
  if (!results.seeds) results.machine = m;
  results.pathological = { machine: m, ...section };
  const md = writeResults(results);
  log(`merged the pathological section into bench/results.json and rewrote BENCHMARKS.md in ${m.seconds} s`);
  for (const b of md.budgets.filter((x) => x.id === 'pathological')) log(`${b.status.padEnd(10)} ${b.name}: ${b.measured}`);
  process.exit(0);
}

// --- run ---------------------------------------------------------------------------------
const started = Date.now();
const results = { machine: machine(), notes: [], method: { allPairsMax: ALL_PAIRS_MAX, runs: RUNS, sizes: SIZES } };
results.notes.push(...build());
results.sizes = sizes();
results.handoverWasmSize = sizeOf(join(HANDOVER, 'storydiff_bg.wasm'));

const seeds = seedFiles();
log(`seeds: ${seeds.length} articles, native (${RUNS.seeds} runs)`);
results.seeds = { native: nativeTime(seeds, RUNS.seeds, 5_000) };
log('seeds: wasm in Node');
results.seeds.wasm = wasmJob([{ name: 'seeds', files: seeds }], { maxRuns: RUNS.seeds, budgetMs: 5_000, memory: true })[0];

const clusters = flag('--no-ecb') ? null : ecbClusters();
if (!clusters) {
  results.ecb = { skipped: flag('--no-ecb') ? 'skipped (--no-ecb)' : `ECB+ data not found at ${ECB_DIR}: the ECB+ and scaling rows are skipped` };
  log(results.ecb.skipped);
} else {
  const all = clusters.flatMap((c) => c.files);
  results.ecb = { dir: ECB_DIR, clusters: [], articles: all.length };
  log(`ECB+: ${clusters.length} clusters, ${all.length} articles: native`);
  const nativeRows = clusters.map((c) => nativeTime(c.files, RUNS.cluster, 2_000));
  log('ECB+ clusters: wasm in Node');
  const wasmRows = wasmJob(clusters, { maxRuns: RUNS.cluster, budgetMs: 2_000, memory: false, progress: true });
  results.ecb.clusters = clusters.map((c, i) => ({ name: c.name, articles: c.files.length, native: nativeRows[i], wasm: wasmRows[i] }));

  results.scaling = [];
  const ordered = balancedOrder(clusters).flatMap((c) => c.files);
  for (const n of SIZES.filter((s) => s < ordered.length).concat(ordered.length)) {
    const files = ordered.slice(0, n);
    log(`scaling: ${n} articles: native time`);
    const time = nativeTime(files, RUNS.scale, RUNS.budgetMs);
    log(`scaling: ${n} articles: native memory`);
    const mem = native('mem', files);
    const memAll = time.allPairs <= ALL_PAIRS_MAX ? native('mem', files, ['--all-pairs']) : null;
    log(`scaling: ${n} articles: wasm in Node`);
    const wasm = wasmJob([{ name: `first ${n}`, files }], { maxRuns: RUNS.scale, budgetMs: RUNS.budgetMs, memory: true })[0];
    results.scaling.push({ articles: n, native: time, nativeMemory: mem, nativeMemoryAllPairs: memAll, wasm });
  }
  const pts = results.scaling;
  const fit = (get, rows = pts) => {
    const ok = rows.filter((r) => get(r) != null);
    return {
      articles: fitExponent(ok.map((r) => r.articles), ok.map(get)),
      sentences: fitExponent(ok.map((r) => r.native.sentences), ok.map(get)),
      points: ok.length,
      last: ok.length >= 2 ? fitExponent(ok.slice(-2).map((r) => r.articles), ok.slice(-2).map(get)) : null,
    };
  };
  results.growth = {
    wasmCompare: fit((r) => r.wasm.handoff.api?.median),
    wasmCompareCpu: fit((r) => r.wasm.handoffCpu?.api?.median),
    nativeCompareCpu: fit((r) => r.native.compareCpu?.median),
    wasmCore: fit((r) => r.wasm.handoff.core?.median),
    nativeCompare: fit((r) => r.native.compare?.median),
    nativePrepare: fit((r) => r.native.prepare?.median),
    wasmIndexed: fit((r) => r.wasm.matching.indexed?.median),
    wasmAllPairs: fit((r) => r.wasm.matching.allPairs?.median),
    nativeIndexed: fit((r) => r.native.indexed.total?.median),
    nativeAllPairs: fit((r) => r.native.allPairsWay.total?.median),
    candidatePairs: fit((r) => r.native.candidatePairs),
    wasmMemory: fit((r) => r.wasm.memory.apiWasmAfterCompareBytes),
  };
}

if (flag('--no-pathological')) {
  results.pathological = { skipped: 'skipped (--no-pathological)' };
} else {
  // Measured in this run: its machine record is the run's (same date).
  results.pathological = { machine: { date: results.machine.date, commit: results.machine.commit }, ...(await pathological()) };
}

if (flag('--no-browser')) {
  results.page = { skipped: 'skipped (--no-browser)' };
} else {
  log(`page: Chromium, ${RUNS.page} loads`);
  try {
    const { measurePage } = await import('./browser.mjs');
    results.page = await measurePage({ runs: RUNS.page });
    if (sha(join(ROOT, 'pkg', 'storydiff_bg.wasm')) !== sha(join(SNAPSHOT, 'storydiff_bg.wasm'))) {
      results.notes.push('pkg/ was rebuilt by other work during the run: the page (which loads pkg/) ran a different build from the rest');
    }
  } catch (err) {
    results.page = { skipped: `Chromium run failed: ${err.message.split('\n')[0]}` };
  }
}

if (flag('--no-browser')) {
  results.responsive = { skipped: 'skipped (--no-browser)' };
} else {
  log('page with a 1 MB article: Chromium, longest main-thread tasks');
  try {
    const { measureResponsiveness } = await import('./responsive.mjs');
    results.responsive = await measureResponsiveness();
  } catch (err) {
    results.responsive = { skipped: `Chromium run failed: ${err.message.split('\n')[0]}` };
  }
}

if (flag('--no-profile')) {
  results.profile = [];
} else {
  log('profile: callgrind on the native bench');
  results.profile = [profile('seeds', seeds, QUICK ? 5 : 20)];
  if (clusters) results.profile.push(profile('first 300 ECB+ articles', clusters.flatMap((c) => c.files).slice(0, 300), 1));
}

results.machine.seconds = Math.round((Date.now() - started) / 1000);
loads.push(+loadavg()[0].toFixed(2));
results.machine.load1 = { min: Math.min(...loads), max: Math.max(...loads), samples: loads };
const md = writeResults(results);
log(`wrote BENCHMARKS.md and bench/results.json in ${results.machine.seconds} s`);
for (const b of md.budgets) log(`${b.status.padEnd(10)} ${b.name}: ${b.measured} (budget ${b.target})`);
