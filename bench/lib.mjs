// Shared helpers for the benchmark: statistics, side-by-side timing, fits, inputs, and the
// measured build of the API.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ECB_DIR = process.env.STORYDIFF_ECB_DIR || join(ROOT, '..', 'shared', 'data', 'ecbplus');
export const CORE_WASM = join(ROOT, 'target', 'bench-wasm', 'core.wasm');
/**
 * What the benchmark measures, copied at build time (pkg/ and the native binary) so that a
 * rebuild by other work during the run cannot change or tear them: storydiff.js,
 * storydiff_bg.wasm, bench-native.
 */
export const SNAPSHOT = join(ROOT, 'target', 'bench-wasm', 'snapshot');
/**
 * The `handover` build (`scripts/build.sh --features handover --out-dir`): the same module with
 * the report's other two hand-overs, JS objects (`compare`) and a JSON string (`compareJson`),
 * which the shipped one leaves out. Only the benchmark builds it (into its own Cargo target
 * directory, HANDOVER_TARGET), so it needs no snapshot.
 */
export const HANDOVER = join(ROOT, 'target', 'bench-wasm', 'handover');
export const HANDOVER_TARGET = join(ROOT, 'target', 'bench-handover');

/**
 * Median, min and max of a list of numbers (milliseconds, bytes...), and how many; anything
 * else in the list (null for a figure a run did not give) is left out. Null when no number is left.
 */
export function stats(samples) {
  const s = (samples ?? []).filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const n = s.length;
  const median = n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], runs: n };
}

/**
 * Times several functions side by side: one call of each per round, in turn, so that drift
 * (frequency, other load, GC state) falls on all of them alike. Each function runs at most
 * `maxRuns` times; at least `minRuns` times unless its first run alone exceeded `budgetMs`
 * (then once); beyond that, while its own time spent is under `budgetMs`. The value each
 * function returned last is kept (for checks). Beside wall time, the process's CPU time per call
 * (all its threads, so V8's background work too): on a busy machine wall time includes waiting
 * for a core, CPU time does not. Before timing, each function is called at least
 * once and until `warmupMs` of its calls have passed (at most 50 calls), so that V8 has moved
 * the hot wasm and JS code from its baseline compiler to the optimizing one; `warmupMs: 0`
 * skips the warm-up.
 */
export function sideBySide(fns, { maxRuns = 15, minRuns = 3, budgetMs = 10_000, warmupMs = 300 } = {}) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  const values = {};
  if (warmupMs > 0) {
    const spent = Object.fromEntries(names.map((n) => [n, 0]));
    for (let w = 0; w < 50; w++) {
      const round = names.filter((n) => w === 0 || spent[n] < warmupMs);
      if (round.length === 0) break;
      for (const n of round) {
        const t = performance.now();
        values[n] = fns[n]();
        spent[n] += performance.now() - t;
      }
    }
  }
  const wants = (n) => {
    const s = samples[n];
    const spent = s.reduce((a, b) => a + b, 0);
    if (s.length >= maxRuns) return false;
    if (s.length === 0) return true;
    if (s.length < minRuns) return s[0] <= budgetMs;
    return spent < budgetMs;
  };
  for (;;) {
    const round = names.filter(wants);
    if (round.length === 0) break;
    for (const n of round) {
      const c = process.cpuUsage();
      const t = performance.now();
      values[n] = fns[n]();
      samples[n].push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[n].push((d.user + d.system) / 1000);
    }
  }
  return {
    times: Object.fromEntries(names.map((n) => [n, stats(samples[n])])),
    cpu: Object.fromEntries(names.map((n) => [n, stats(cpu[n])])),
    values,
  };
}

/** Least-squares slope of log(y) against log(x): the growth exponent. */
export function fitExponent(xs, ys) {
  const pts = xs.map((x, i) => [x, ys[i]]).filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(y));
  if (pts.length < 2) return null;
  const lx = pts.map(([x]) => Math.log(x));
  const ly = pts.map(([, y]) => Math.log(y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** The seeds (seeds/index.json), as file paths, in the page's order. */
export function seedFiles() {
  const names = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8'));
  return names.map((n) => join(ROOT, 'seeds', n));
}

/**
 * The ECB+ clusters: `[{ name, files }]` in natural order of the cluster name, each cluster's
 * files sorted, or null when the data is not on this machine.
 */
export function ecbClusters(dir = ECB_DIR) {
  if (!existsSync(dir)) return null;
  const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true });
  const clusters = readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort(natural)
    .map((d) => ({
      name: d,
      files: readdirSync(join(dir, d))
        .filter((f) => f.endsWith('.txt'))
        .sort(natural)
        .map((f) => join(dir, d, f)),
    }))
    .filter((c) => c.files.length > 0);
  return clusters.length > 0 ? clusters : null;
}

/**
 * The clusters in the order the scaling curve takes their articles: whole stories, each next
 * one the story that keeps the mean article length of all taken so far closest to the mean of
 * the corpus (ties: the earlier in `clusters`). So the first n articles grow as the input
 * does, and the fitted exponent measures the engine rather than the corpus: in natural order
 * the first 30 articles average about half the corpus's length, which alone added 0.1 to the
 * exponent in articles.
 */
export function balancedOrder(clusters) {
  const sized = clusters.map((c) => ({ c, n: c.files.length, bytes: c.files.reduce((a, f) => a + statSync(f).size, 0) }));
  const mean = sized.reduce((a, x) => a + x.bytes, 0) / sized.reduce((a, x) => a + x.n, 0);
  const out = [];
  let [bytes, n] = [0, 0];
  while (sized.length > 0) {
    let best = 0;
    const gap = (x) => Math.abs((bytes + x.bytes) / (n + x.n) - mean);
    for (let k = 1; k < sized.length; k++) if (gap(sized[k]) < gap(sized[best])) best = k;
    const [x] = sized.splice(best, 1);
    out.push(x.c);
    bytes += x.bytes;
    n += x.n;
  }
  return out;
}

/** Reads files as `[{ name, text }]`. */
export function readSources(files) {
  return files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
}

/** Size of sources (`[{ text }]`) in UTF-8 bytes, all together. */
export const inputBytes = (sources) => sources.reduce((a, s) => a + Buffer.byteLength(s.text ?? s.html), 0);

/**
 * The snapshot of pkg/ (see SNAPSHOT), instantiated: `{ glue, wasm, apiCompare }`, where
 * `wasm` holds the module's exports (its memory) and `apiCompare(sources, options)` is the
 * public API's path, what js/node.js's compare() runs: js/validate.js's callWasm around the
 * glue's compareTape, and js/tape.js's decodeTape.
 */
/**
 * The sentence vectors, loaded into an instance as js/node.js loads them, so that what is timed
 * is the semantic matching that ships (STORYDIFF_BENCH_LEXICAL=1 times matching by words alone).
 */
function loadVectors(glue) {
  if (process.env.STORYDIFF_BENCH_LEXICAL === '1') return;
  glue.loadVectors(readFileSync(join(ROOT, 'vectors', 'minilm-static.bin')));
}

export async function loadApi({ html = false } = {}) {
  // The html module (pkg/html/, snapshotted to SNAPSHOT/html/) for web pages, else the core.
  const dir = html ? join(SNAPSHOT, 'html') : SNAPSHOT;
  const glue = await import(pathToFileURL(join(dir, 'storydiff.js')).href);
  const wasm = glue.initSync({ module: readFileSync(join(dir, 'storydiff_bg.wasm')) });
  loadVectors(glue);
  const { callWasm } = await import(pathToFileURL(join(ROOT, 'js', 'validate.js')).href);
  if (typeof callWasm !== 'function') throw new Error('js/validate.js exports no callWasm');
  const { decodeTape } = await import(pathToFileURL(join(ROOT, 'js', 'tape.js')).href);
  if (typeof glue.compareTape !== 'function') throw new Error('the glue has no compareTape: rebuild with scripts/build.sh');
  const apiCompare = (sources, options) => {
    const [ints, floats, text] = callWasm(glue.compareTape, sources, options);
    return decodeTape(ints, floats, text);
  };
  return { glue, wasm, apiCompare };
}

/** The `handover` build (see HANDOVER), instantiated: `{ glue, wasm }`. */
export async function loadHandover() {
  const glue = await import(pathToFileURL(join(HANDOVER, 'storydiff.js')).href);
  const wasm = glue.initSync({ module: readFileSync(join(HANDOVER, 'storydiff_bg.wasm')) });
  loadVectors(glue);
  if (typeof glue.compare !== 'function' || typeof glue.compareJson !== 'function') {
    throw new Error(`${HANDOVER} has no compare or compareJson: rebuild it with bench/run.mjs`);
  }
  return { glue, wasm };
}

/**
 * The browser tests' helpers (tests/e2e/lib.mjs: a server, Chromium through playwright-core) for
 * the benchmark's runs in a browser: `{ e2e }`, or `{ skipped }` saying why they cannot run here.
 * Imported when asked: it imports playwright-core, which may not be installed.
 */
export async function browserKit() {
  let e2e;
  try {
    e2e = await import('../tests/e2e/lib.mjs');
  } catch (err) {
    const missing = err.code === 'ERR_MODULE_NOT_FOUND' && /playwright/.test(err.message);
    return { skipped: missing ? 'playwright-core is not installed (npm install)' : `tests/e2e/lib.mjs did not load: ${err.message.split('\n')[0]}` };
  }
  if (!existsSync(e2e.CHROMIUM)) return { skipped: `no Chromium at ${e2e.CHROMIUM}` };
  return { e2e };
}
