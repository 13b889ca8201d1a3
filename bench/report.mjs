// Writes BENCHMARKS.md from the results of bench/run.mjs.

import { existsSync, readFileSync } from 'node:fs';
import { stats } from './lib.mjs';
import { STEPS } from './responsive.mjs';

// The semantic matching issue's budgets: the public compare with the vectors loaded.
const BUDGETS = {
  seedsMs: 2.5,
  allMs: 1000,
  allBytes: 300e6,
  exponent: 1.2,
  wasmGzip: 250e3,
  pageMs: 500,
  // The page's own: no main-thread task over this while a visitor works with a 1 MB article
  // (bench/responsive.mjs; the browser tests check what the steps do, not how long they take).
  taskMs: 200,
};

function num(v, digits) {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
/** Milliseconds with sensible precision. */
function ms(v) {
  if (v == null || !Number.isFinite(v)) return '–';
  if (v < 10) return num(v, 2);
  if (v < 100) return num(v, 1);
  return num(v, 0);
}
const cell = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '–');
const runs = (s) => (s ? String(s.runs) : '–');
const int = (v) => (v == null ? '–' : Math.round(v).toLocaleString('en-US'));
function bytes(v) {
  if (v == null) return '–';
  if (v >= 1e6) return `${num(v / 1e6, 1)} MB`;
  if (v >= 1e3) return `${num(v / 1e3, 1)} kB`;
  return `${v} B`;
}
const ratio = (a, b) => (a != null && b != null && b > 0 ? `${num(a / b, a / b >= 10 ? 0 : 1)}×` : '–');
const exp = (v) => (v == null ? '–' : num(v, 2));
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function verdict(value, limit, fmt) {
  if (value == null) return { status: 'not measured', detail: '' };
  if (value <= limit) return { status: 'met', detail: '' };
  return { status: 'missed', detail: `by ${fmt(value - limit)} (${num(value / limit, 1)}× the budget)` };
}

/** The peak RSS a wasm `compare` added to the Node process, in bytes (from a run's `memory`). */
const rssAdded = (wm) => (wm.rssAfterCompareKiB - wm.rssBeforeCompareKiB) * 1024;

/**
 * Native `compare` (a run of examples/bench.rs `time`) split into `prepare`, matching (candidates
 * + align) and the rest (the sentence vectors, their candidates, and assembling the report), as medians: of thread CPU time when `cpu` is
 * asked for and all three were measured on it (then `cpu` is true in the result), else of wall time.
 */
function nativeSplit(n, { cpu = true } = {}) {
  const onCpu = cpu && !!(n.compareCpu && n.prepareCpu && n.indexed.totalCpu);
  const [compare, prepare, matching] = onCpu
    ? [n.compareCpu.median, n.prepareCpu.median, n.indexed.totalCpu.median]
    : [n.compare.median, n.prepare.median, n.indexed.total.median];
  return { cpu: onCpu, compare, prepare, matching, rest: compare - prepare - matching };
}

export function writeMarkdown(r) {
  const out = [];
  const p = (...lines) => out.push(...lines);
  const m = r.machine;
  // Any section may be missing (skipped, or a file written by `--only-pathological` alone).
  const seedsW = r.seeds?.wasm;
  const seedsN = r.seeds?.native;
  const scaling = r.scaling ?? [];
  const biggest = scaling.length ? scaling[scaling.length - 1] : null;
  const sizes = r.sizes ?? [];
  const wasmSize = sizes.find((s) => s.file === 'pkg/storydiff_bg.wasm');
  const glueSize = sizes.find((s) => s.file === 'pkg/storydiff.js');

  // --- budgets ---
  const budgets = [];
  const add = (id, name, target, measured, v, cpu = null) => budgets.push({ id, name, target, measured, status: v.status, detail: v.detail, cpu });
  const statusOf = (id) => budgets.find((b) => b.id === id).status;
  const onCpu = (st, limit) => (st ? `${ms(st.median)} ms: ${verdict(st.median, limit, ms).status}` : '–');
  // Called alone, as a page calls it (see bench/node-wasm.mjs); older results have only the
  // figure interleaved with the other hand-overs.
  const seedsApi = seedsW?.alone ?? seedsW?.handoff.api;
  const seedsMeasured = !seedsW ? 'not measured'
    : seedsW.alone ? `${ms(seedsW.alone.median)} ms (min ${ms(seedsW.alone.min)}) called alone; ${ms(seedsW.handoff.api.median)} ms interleaved with the other hand-overs`
    : `${ms(seedsW.handoff.api.median)} ms (min ${ms(seedsW.handoff.api.min)})`;
  add('seeds', 'seeds: one `compare` in Node (wasm), median', `≤ ${BUDGETS.seedsMs} ms`, seedsMeasured,
    verdict(seedsApi?.median, BUDGETS.seedsMs, (d) => `${ms(d)} ms`), onCpu(seedsW?.aloneCpu ?? seedsW?.handoffCpu?.api, BUDGETS.seedsMs));
  const all = biggest && r.ecb?.articles && biggest.articles === r.ecb.articles ? biggest : null;
  const allLabel = all ? `all ${all.articles} ECB+ articles` : 'all ECB+ articles';
  add('allTime', `${allLabel} in one \`compare\` (Node wasm): time, median`, `≤ ${BUDGETS.allMs / 1000} s`, all ? `${ms(all.wasm.handoff.api.median)} ms (min ${ms(all.wasm.handoff.api.min)})` : 'not measured',
    verdict(all?.wasm.handoff.api.median, BUDGETS.allMs, (d) => `${ms(d)} ms`), onCpu(all?.wasm.handoffCpu?.api, BUDGETS.allMs));
  let allMem = null;
  if (all) {
    const wm = all.wasm.memory;
    allMem = { wasm: wm.apiWasmAfterCompareBytes, rssAdded: rssAdded(wm), worst: Math.max(wm.apiWasmAfterCompareBytes, rssAdded(wm)) };
  }
  add('allMemory', `${allLabel} in one \`compare\`: memory (the larger of wasm memory and the peak RSS the call added)`, `≤ ${BUDGETS.allBytes / 1e6} MB`,
    allMem ? `${bytes(allMem.worst)} (wasm ${bytes(allMem.wasm)}, RSS +${bytes(allMem.rssAdded)})` : 'not measured',
    verdict(allMem?.worst, BUDGETS.allBytes, bytes));
  const g = r.growth?.wasmCompare;
  const gv = verdict(g?.articles, BUDGETS.exponent, (d) => num(d, 2));
  if (gv.status === 'missed' && g.articles <= BUDGETS.exponent + 0.1) gv.status = 'borderline';
  add('growth', 'growth of `compare` time (Node wasm) with articles, fitted exponent', `≲ ${BUDGETS.exponent}`,
    g ? `n^${exp(g.articles)} (n^${exp(g.last)} between the last two sizes; sentences^${exp(g.sentences)})` : 'not measured', gv,
    r.growth?.wasmCompareCpu?.articles != null ? `n^${exp(r.growth.wasmCompareCpu.articles)}` : null);
  add('wasmGzip', 'core wasm, gzipped', `≤ ${BUDGETS.wasmGzip / 1e3} kB`, wasmSize ? `${bytes(wasmSize.gzip)} (${bytes(wasmSize.raw)} raw)` : 'not measured',
    verdict(wasmSize?.gzip, BUDGETS.wasmGzip, bytes));
  add('page', 'page: navigation to the seeds shown highlighted (Chromium), median', `≤ ${BUDGETS.pageMs} ms`,
    r.page?.shown ? `${ms(r.page.shown.median)} ms (${ms(r.page.shown.min)}–${ms(r.page.shown.max)})` : 'not measured',
    verdict(r.page?.shown?.median, BUDGETS.pageMs, (d) => `${ms(d)} ms`));
  const resp = r.responsive?.steps;
  const slowest = resp ? Math.max(...Object.values(resp).map((x) => x.longest)) : null;
  add('responsive', `page with a 1 MB article (Chromium): the longest main-thread task in each of ${STEPS.length} steps (below)`, `≤ ${BUDGETS.taskMs} ms`,
    resp ? `${ms(slowest)} ms at most (${STEPS.map(([id]) => `${id} ${ms(resp[id]?.longest)}`).join(', ')})` : 'not measured',
    verdict(slowest, BUDGETS.taskMs, (d) => `${ms(d)} ms`));
  const patho = r.pathological?.rows ?? [];
  const pathoMissed = patho.filter((x) => x.status !== 'met');
  add('pathological', `pathological input (${patho.length || 'the'} rows below): each within its own budget`, 'per row, below',
    patho.length ? `${patho.length - pathoMissed.length} of ${patho.length} met${pathoMissed.length ? `; missed: ${pathoMissed.map((x) => x.id).join(', ')}` : ''}` : 'not measured',
    patho.length ? { status: pathoMissed.length ? 'missed' : 'met', detail: '' } : { status: 'not measured', detail: '' });

  p('# Benchmarks', '');
  p('Written by `npm run bench` (`bench/run.mjs`); the same figures, and more, are in',
    '[`bench/results.json`](bench/results.json). Times are milliseconds: **median (min–max)** over the',
    'number of runs given; where two things are compared they were timed side by side in one',
    'loop, one call of each in turn. kB and MB are 1000 and 1000² bytes.', '');
  p(`- Date: ${m.date.slice(0, 10)} (${m.date}); the whole run took ${m.seconds} s${m.quick ? ' (`--quick`: fewer runs, noisier figures)' : ''}`);
  p(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`);
  p(`- Node ${m.node}, ${m.rustc}${r.page?.chromium ? `, Chromium ${r.page.chromium}` : ''}`);
  if (m.load1) {
    p(`- Load average (1 min) through the run: ${m.load1.min} to ${m.load1.max} on ${m.cores} cores${m.load1.max > 1.5 ? ': the machine was shared with other work, so absolute times are noisier than the ratios timed side by side (the minimums are the closest to an idle machine)' : ''}` +
      `${m.nice ? `; the benchmark ran at nice ${m.nice}${m.nice < 0 ? ', ahead of that other work' : ''}` : ''}`);
  }
  p(`- Code: commit ${m.commit}${m.uncommitted.length ? `, with uncommitted changes in ${m.uncommitted.map((f) => `\`${f}\``).join(', ')} (measured as built)` : ''}`);
  for (const n of r.notes) p(`- Note: ${n}`);
  p('');

  p('## Budgets', '');
  p(table(['Budget', 'Target', 'Measured (wall clock)', 'Status', 'On CPU time'], budgets.map((b) => [b.name, b.target, b.measured, `**${b.status}**${b.detail ? ` ${b.detail}` : ''}`, b.cpu ?? '']))); 
  p('', 'Budgets are judged on wall-clock medians. "On CPU time" is the same figure measured as the CPU time the',
    'process used per call (all its threads), which leaves out waiting for a core: on a busy machine it is the',
    'better guide to what an idle one would show.', '');
  const missNotes = [];
  const split = (n) => {
    const x = nativeSplit(n);
    const pc = (v) => `${num((100 * v) / x.compare, 0)}%`;
    return `\`prepare\` ${pc(x.prepare)}, matching ${pc(x.matching)}, the sentence vectors and assembling the report ${pc(x.rest)}${x.cpu ? ' of its CPU time' : ''}`;
  };
  if (seedsN && statusOf('seeds') === 'missed') {
    missNotes.push(`Seeds: the native core alone takes ${ms(seedsN.compare.median)} ms per \`compare\`${seedsN.compareCpu ? ` (${ms(seedsN.compareCpu.median)} ms of CPU)` : ''}, over the budget by itself (${split(seedsN)}); wasm in Node is ` +
      `${num(seedsW.handoff.core.median / seedsN.compare.median, 1)}× native, and handing the report to JS adds ${ms(seedsW.handoff.api.median - seedsW.handoff.core.median)} ms.`);
  }
  if (all && (statusOf('allTime') === 'missed' || statusOf('growth') !== 'met')) {
    const gr = r.growth;
    missNotes.push(`${all.articles} articles: native \`compare\` ${ms(all.native.compare.median)} ms${all.native.compareCpu ? ` (${ms(all.native.compareCpu.median)} ms of CPU)` : ''} (${split(all.native)}); ` +
      `candidate pairs grow as n^${exp(gr.candidatePairs.articles)} and indexed matching as n^${exp(gr.nativeIndexed.articles)} (native), ` +
      `\`prepare\` as n^${exp(gr.nativePrepare.articles)}.`);
  }
  if (m.load1 && m.load1.max > 1.5 * m.cores) {
    missNotes.push(`The machine was busy (load up to ${m.load1.max} on ${m.cores} cores): see "On CPU time" for which misses would remain on an idle machine.`);
  }
  if (missNotes.length) {
    p('Where the misses come from (figures below; profile at the end):', '');
    for (const n of missNotes) p(`- ${n}`);
    p('');
  }
  // The hand-written account of what was done about the misses (kept beside this file).
  const analysis = new URL('./analysis.md', import.meta.url);
  if (existsSync(analysis)) p(readFileSync(analysis, 'utf8').trimEnd(), '');

  // --- seeds ---
  p(seedsW ? `## The ${seedsW.articles} seeds` : '## The seeds', '');
  if (!seedsW || !seedsN) {
    p('Not measured.', '');
  } else {
    p(`${seedsW.articles} articles, ${int(seedsW.bytes)} bytes, ${seedsN.sentences} sentences (${seedsN.comparable} comparable);`,
      `${seedsN.candidatePairs} candidate pairs from the index against ${int(seedsN.allPairs)} cross-source pairs in all.`, '');
    const hw = seedsW.handoff;
    const hc = seedsW.handoffCpu ?? {};
    p(table(['What', 'Median (min–max) ms', 'CPU time ms', 'Runs'], [
      ...(seedsW.alone ? [['`compare` (js/node.js, the public API), called alone', cell(seedsW.alone), cell(seedsW.aloneCpu), runs(seedsW.alone)]] : []),
      ['`compare` (js/node.js, the public API: tape, then decoded), Node wasm', cell(hw.api), cell(hc.api), runs(hw.api)],
      ...(hw.tape ? [['the glue\'s `compareTape`: report as a tape, not decoded', cell(hw.tape), cell(hc.tape), runs(hw.tape)]] : []),
      ['`handover` build: the glue\'s `compare`, report as JS objects (serde-wasm-bindgen)', cell(hw.object), cell(hc.object), runs(hw.object)],
      ['`handover` build: the glue\'s `compareJson`, report as a JSON string', cell(hw.json), cell(hc.json), runs(hw.json)],
      ['`handover` build: `compareJson` + `JSON.parse`', cell(hw.jsonParsed), cell(hc.jsonParsed), runs(hw.jsonParsed)],
      ['the core alone in wasm (report built, not handed to JS)', cell(hw.core), cell(hc.core), runs(hw.core)],
      ['first `compare` in a fresh Node process (V8 baseline code), one run', ms(seedsW.memory?.firstCompareMs), '–', '1'],
      ['native `compare` (Rust, release)', cell(seedsN.compare), cell(seedsN.compareCpu), runs(seedsN.compare)],
      ['native: `prepare` (clean, split, normalize, index)', cell(seedsN.prepare), '–', runs(seedsN.prepare)],
    ]));
    p('', 'The rows below the first are measured side by side, one call of each in turn; the first is the public API called',
      'again and again on its own, as a page runs it: in turn with the others (three wasm instances), each short call starts',
      'with the caches full of the others\' code and data. The budget is judged on the first.',
      'CPU time: in Node, of the whole process (V8\'s background threads included); natively, of the thread.',
      '`handover` build: see "Handing the report to JS" below.');
    p('');
    {
      const x = nativeSplit(seedsN);
      const pc = (v) => `${num((100 * v) / x.compare, 0)}%`;
      p(`Native \`compare\` (${ms(x.compare)} ms${x.cpu ? ' of thread CPU time, median' : ''}) splits into \`prepare\` ${ms(x.prepare)} ms (${pc(x.prepare)}),`,
        `matching (candidates + align) ${ms(x.matching)} ms (${pc(x.matching)})`,
        `and the sentence vectors (embedding, their candidates and scores) with assembling the report (diffs, conflicts, quotes, groups, offsets) about ${ms(x.rest)} ms (${pc(x.rest)}, the remainder).`, '');
    }
    p('Matching the seeds the indexed way against the straightforward way (every cross-source pair of',
      'sentences scored by the same `align::align`), on the same `prepare` output, side by side:', '');
    p(matchingTable([{ label: 'seeds', w: seedsW, n: seedsN }]));
    p('');
    p(`With the straightforward way in place of the index, a seeds \`compare\` in Node would take about`,
      `${ms(hw.api.median - seedsW.matching.indexed.median + (seedsW.matching.allPairs?.median ?? NaN))} ms (derived: the measured \`compare\` minus indexed matching plus all-pairs matching).`, '');
    p(matchesNote(seedsN), '');
  }

  // --- ECB+ ---
  p('## ECB+ clusters', '');
  if (!r.ecb || r.ecb.skipped) {
    p(`${r.ecb?.skipped ?? 'Not measured'}.`, '');
  } else {
    const cs = r.ecb.clusters;
    const med = (xs) => stats(xs)?.median;
    const wasmT = cs.map((c) => c.wasm.handoff.api.median);
    const ratios = cs.filter((c) => c.wasm.matching.allPairs).map((c) => c.wasm.matching.allPairs.median / c.wasm.matching.indexed.median);
    const slowest = cs.reduce((a, c) => (c.wasm.handoff.api.median > a.wasm.handoff.api.median ? c : a));
    p(`${cs.length} clusters, ${r.ecb.articles} articles (${Math.min(...cs.map((c) => c.articles))} to ${Math.max(...cs.map((c) => c.articles))} per cluster), from \`${r.ecb.dir.replace(/.*\/shared\//, '../shared/')}\`.`,
      `One \`compare\` per cluster in Node wasm: median over clusters ${ms(med(wasmT))} ms, slowest ${ms(slowest.wasm.handoff.api.median)} ms`,
      `(${slowest.name}, ${slowest.articles} articles), all ${cs.length} one after another ${ms(wasmT.reduce((a, b) => a + b, 0))} ms.`,
      `The all-pairs way of matching costs ${ratios.length ? `${num(Math.min(...ratios), 1)}× to ${num(Math.max(...ratios), 1)}× (median ${num(med(ratios), 1)}×)` : '–'} the indexed way in wasm.`, '');
    p('<details><summary>Every cluster</summary>', '');
    p(table(['Cluster', 'Articles', 'Sentences', 'Node wasm `compare`', 'Native `compare`', 'Wasm matching: indexed', 'all pairs', 'ratio', 'Native matching: indexed', 'all pairs', 'ratio', 'Matches: indexed / all pairs'],
      cs.map((c) => [c.name, c.articles, c.native.sentences, cell(c.wasm.handoff.api), cell(c.native.compare),
        cell(c.wasm.matching.indexed), cell(c.wasm.matching.allPairs), ratio(c.wasm.matching.allPairs?.median, c.wasm.matching.indexed?.median),
        cell(c.native.indexed.total), cell(c.native.allPairsWay.total), ratio(c.native.allPairsWay.total?.median, c.native.indexed.total?.median),
        `${c.native.indexed.matches} / ${c.native.allPairsWay.matches ?? '–'}`])));
    p('', `Runs per figure: up to ${r.method.runs.cluster}.`, '', '</details>', '');
  }

  // --- all in one ---
  let extrapolated = null;
  if (all) {
    const wm = all.wasm.memory;
    const lastAll = [...scaling].reverse().find((x) => x.native.allPairsWay.total);
    p(`## All ${all.articles} ECB+ articles in one comparison`, '');
    p(`${int(all.native.sentences)} sentences; the index proposes ${int(all.native.candidatePairs)} pairs, against ${int(all.native.allPairs)} cross-source pairs in all.`, '');
    const ac = all.wasm.handoffCpu ?? {};
    const rows = [
      ['`compare` in Node wasm (the public API)', cell(all.wasm.handoff.api), cell(ac.api), runs(all.wasm.handoff.api)],
      ['the core alone in wasm', cell(all.wasm.handoff.core), cell(ac.core), runs(all.wasm.handoff.core)],
      ['native `compare`', cell(all.native.compare), cell(all.native.compareCpu), runs(all.native.compare)],
      ['matching, indexed: wasm', cell(all.wasm.matching.indexed), '–', runs(all.wasm.matching.indexed)],
      ['matching, indexed: native', cell(all.native.indexed.total), '–', runs(all.native.indexed.total)],
    ];
    if (all.native.allPairsWay.skipped && lastAll) {
      // Not run: extrapolated from the cost per pair at the largest size where it ran.
      const perN = lastAll.native.allPairsWay.total.median / lastAll.native.allPairs;
      const perW = lastAll.wasm.matching.allPairs ? lastAll.wasm.matching.allPairs.median / lastAll.native.allPairs : null;
      rows.push(['matching, all pairs: wasm', `not run; about ${perW ? ms(perW * all.native.allPairs) : '–'} extrapolated`, '–', '–']);
      rows.push(['matching, all pairs: native', `not run; about ${ms(perN * all.native.allPairs)} extrapolated`, '–', '–']);
      extrapolated = { articles: all.articles, from: lastAll.articles, nativeMs: perN * all.native.allPairs, wasmMs: perW ? perW * all.native.allPairs : null };
    }
    p(table(['What', 'Median (min–max) ms', 'CPU time ms', 'Runs'], rows));
    p('');
    p(`Memory: wasm linear memory ${bytes(wm.apiWasmAfterCompareBytes)} after \`compare\` (${bytes(wm.handoverWasmAfterJsonBytes)} after \`compareJson\` in an instance of the \`handover\` build),`,
      `the Node process's peak RSS grew by ${bytes(rssAdded(wm))} during \`compare\`; natively the whole process peaks at ${bytes(all.nativeMemory.peakRssKiB * 1024)}.`,
      `The report is ${bytes(all.wasm.reportJsonBytes)} as JSON.`);
    if (extrapolated) {
      p(`The all-pairs way was not run at this size (${int(all.native.allPairs)} pairs, above the cap of ${int(r.method.allPairsMax)}): the estimates scale`,
        `its measured cost per pair at ${extrapolated.from} articles, and its list of pairs alone would take ${bytes(all.native.allPairs * 16)} natively (${bytes(all.native.allPairs * 8)} in wasm32).`);
    }
    p('');
  }

  // --- scaling ---
  p('## Scaling', '');
  if (!scaling.length) {
    p('Not measured (see ECB+ clusters above).', '');
  } else {
    p('The first n ECB+ articles, one `compare` over all of them. Stories are taken whole, in the order that keeps the',
      'mean article length of the articles so far nearest the corpus mean (`balancedOrder` in `bench/lib.mjs`), so that n',
      'grows with the input: in natural order the first 30 articles are half the mean length, and the exponent in articles',
      'measured that drift (natural order, natively on 2026-11-21: n^1.34 in articles against n^1.11 in this order;',
      'n^1.15 in sentences either way).',
      `The all-pairs way is skipped above ${int(r.method.allPairsMax)} pairs (said so in the table); a figure over a single run`,
      `means one run already took longer than the ${r.method.runs.budgetMs / 1000} s budget per figure.`, '');
    p('### Time', '');
    p(table(['Articles', 'Sentences', 'Candidate pairs', 'All pairs', 'Node wasm `compare`', 'its CPU time', 'Native `compare`', 'Native `prepare`', 'Native matching', 'Native rest (report)'],
      scaling.map((s) => [s.articles, int(s.native.sentences), int(s.native.candidatePairs), int(s.native.allPairs),
        cell(s.wasm.handoff.api), cell(s.wasm.handoffCpu?.api), cell(s.native.compare), cell(s.native.prepare), cell(s.native.indexed.total),
        restCell(s.native)])));
    p('', '"Native rest" is `compare` (with the sentence vectors, as the public API runs) minus `prepare` minus matching by words (medians of wall time, and of thread CPU time): the sentence vectors (embedding, their candidates and scores) and assembling the report (diffs, conflicts, quotes, groups, offsets).', '');
    p('Matching only (on one `prepare` output), indexed against all pairs, side by side:', '');
    p(matchingTable(scaling.map((s) => ({ label: String(s.articles), w: s.wasm, n: s.native }))));
    p('');
    p('### Memory', '');
    p('Each size in a fresh process. Wasm memory is the linear memory after the call (it only grows,',
      'so this is the peak); Node RSS is the peak resident set the call added to the process',
      '(wasm memory, the report as JS objects, V8 heap); native is the peak RSS (VmHWM) of a process',
      'that reads the files and runs the job once.', '');
    p(table(['Articles', 'Wasm memory after `compare`', '`handover` build: after `compareJson`', 'Node peak RSS added by `compare`', 'Native peak RSS: `compare`', 'Native peak RSS: prepare + all pairs', 'Core wasm memory: indexed', 'all pairs'],
      scaling.map((s) => {
        const wm = s.wasm.memory;
        return [s.articles, bytes(wm.apiWasmAfterCompareBytes), bytes(wm.handoverWasmAfterJsonBytes), bytes(rssAdded(wm)),
          bytes(s.nativeMemory.peakRssKiB * 1024), s.nativeMemoryAllPairs ? bytes(s.nativeMemoryAllPairs.peakRssKiB * 1024) : 'skipped',
          bytes(wm.coreWasmAfterIndexedBytes), wm.coreWasmAfterAllPairsBytes ? bytes(wm.coreWasmAfterAllPairsBytes) : 'skipped'];
      })));
    p('');
    p('### Growth', '');
    p('Least-squares slope of log(median time) against log(articles) and against log(sentences), over',
      'every size measured; "last two" is the slope between the two largest sizes measured.', '');
    const gr = r.growth;
    const grow = (label, k) => [label, exp(gr[k].articles), exp(gr[k].sentences), exp(gr[k].last), gr[k].points];
    p(table(['Figure', 'Exponent vs articles', 'vs sentences', 'Last two sizes', 'Sizes'], [
      grow('Node wasm `compare`', 'wasmCompare'),
      grow('Node wasm `compare`, CPU time', 'wasmCompareCpu'),
      grow('native `compare`, thread CPU time', 'nativeCompareCpu'),
      grow('core alone in wasm', 'wasmCore'),
      grow('native `compare`', 'nativeCompare'),
      grow('native `prepare`', 'nativePrepare'),
      grow('wasm matching, indexed', 'wasmIndexed'),
      grow('wasm matching, all pairs', 'wasmAllPairs'),
      grow('native matching, indexed', 'nativeIndexed'),
      grow('native matching, all pairs', 'nativeAllPairs'),
      grow('candidate pairs (count)', 'candidatePairs'),
      grow('wasm memory after `compare`', 'wasmMemory'),
    ]));
    p('');
  }

  // --- pathological ---
  pathologicalSection(r, p);

  // --- handoff ---
  p('## Handing the report to JS', '');
  p('The same comparison returned as JS objects built by serde-wasm-bindgen (the glue\'s `compare`), as a',
    'JSON string (`compareJson`, with `JSON.parse` after it), and as a tape decoded in JS (the public API\'s',
    '`compare`: a Uint32Array, a Float64Array and one string, see `src/tape.rs` and `js/tape.js`), and the core alone in',
    'wasm (the report built and dropped), side by side. The hand-over is each minus the core alone.', '');
  const hs = r.handoverWasmSize;
  p('The shipped wasm hands the report over only as a tape: the objects and JSON exports would make it',
    `${hs && wasmSize ? `${bytes(hs.gzip - wasmSize.gzip)} larger gzipped (${bytes(hs.gzip)} against ${bytes(wasmSize.gzip)})` : 'larger'}, and nothing in the product uses them.`,
    'So the objects and JSON columns come from a second build of the same code, the `handover` build',
    '(`scripts/build.sh --features handover`, which adds the two exports), timed in an instance of its own beside',
    'the shipped one; the tape and core columns, and every size in this file, are of the shipped build.', '');
  const hrows = [...(seedsW ? [{ label: 'seeds', w: seedsW }] : []), ...scaling.map((s) => ({ label: String(s.articles), w: s.wasm }))];
  if (!hrows.length) {
    p('Not measured.', '');
  } else {
    p(table(['Articles', 'Report as JSON', 'Core alone', '`compare` (tape, decoded)', 'objects', '`compareJson` (string)', 'string + `JSON.parse`', 'Hand-over: tape + decode', 'objects', 'string', 'string + parse', 'Objects / tape + decode'],
      hrows.map(({ label, w }) => {
        const h = w.handoff;
        const [ha, ho] = [h.api.median - h.core.median, h.object.median - h.core.median];
        const both = (k) => `${ms(h[k].median - h.core.median)} (${ms(h[k].min - h.core.min)})`;
        return [label, bytes(w.reportJsonBytes), cell(h.core), cell(h.api), cell(h.object), cell(h.json), cell(h.jsonParsed),
          both('api'), both('object'), both('json'), both('jsonParsed'), ha > 0 && ho > 0 ? ratio(ho, ha) : '–'];
      })));
    p('', 'Hand-over columns: difference of the medians (difference of the minimums). Where the hand-over is small',
      'against the run-to-run spread these are noise and can come out negative; under load the minimums are the steadier estimate.', '');
    p('');
  }

  // --- sizes ---
  p('## Size', '');
  if (!sizes.length) p('Not measured.');
  else p(table(['File', 'What', 'Raw', 'gzip -9', 'brotli 11'], sizes.map((s) => [`\`${s.file}\``, s.what, bytes(s.raw), bytes(s.gzip), bytes(s.brotli)])));
  p('');
  if (wasmSize && glueSize) p(`What a page downloads for the engine: ${bytes(wasmSize.gzip + glueSize.gzip)} gzipped (wasm + glue), plus the small JS API files.`, '');

  // --- page ---
  p('## The page in Chromium', '');
  if (!r.page || r.page.skipped) {
    p(`Not measured: ${r.page?.skipped ?? 'no result'}.`, '');
  } else {
    const pg = r.page;
    p(`\`node scripts/serve.mjs\` on a free port, headless Chromium ${pg.chromium} (playwright-core), ${pg.shown.runs} loads of`,
      '`/www/`, each in a fresh browser context. Times from navigation start, on the page\'s clock:', '');
    p(table(['Moment', 'Median (min–max) ms'], [
      ['HTML received', cell(pg.responseEnd ?? stats(pg.runs.map((x) => x.responseEnd)))],
      ['DOMContentLoaded', cell(pg.domContentLoaded)],
      ['wasm downloaded', cell(pg.wasmLoaded)],
      ['`compare` inside the page (its own status line, whole ms)', cell(pg.compareMs)],
      ['ready: `data-state="ready"` with shaded sentences in the DOM', cell(pg.ready)],
      ['**shown**: the next frame after ready', cell(pg.shown)],
    ]));
    p('', `Per load (shown, ms): ${pg.runs.map((x) => ms(x.shown)).join(', ')}; the first load is the first page of a freshly started browser.`,
      `The page's \`compare\` is its first call of the engine, on V8's baseline code, hence far slower than the warm Node median.`, '');
  }

  // --- responsiveness ---
  p('## The page with a 1 MB article', '');
  if (!r.responsive || r.responsive.skipped) {
    p(`Not measured: ${r.responsive?.skipped ?? 'no result'}.`, '');
  } else {
    const rs = r.responsive;
    p(`\`bench/responsive.mjs\`: headless Chromium ${rs.chromium}, the seeds and a generated 1 MB article (${int(rs.sentences)} sentences;`,
      `${int(rs.rows)} rows in the claim table). Each step's main-thread tasks over 50 ms (PerformanceObserver \`longtask\`),`,
      `from its first action until half a second after its work is done; one run. Budget: no task over ${BUDGETS.taskMs} ms.`, '');
    p(table(['Step', 'Longest task ms', 'Long tasks ms', 'Status'], STEPS.map(([id, what]) => {
      const x = rs.steps[id];
      return [what, ms(x?.longest), x?.tasks.length ? x.tasks.join(', ') : 'none', verdict(x?.longest, BUDGETS.taskMs, ms).status === 'met' ? '**met**' : '**missed**'];
    })), '');
  }

  // --- profile ---
  p('## Profile', '');
  const profs = (r.profile ?? []).filter((x) => !x.skipped);
  for (const x of r.profile ?? []) if (x.skipped) p(`${x.name}: ${x.skipped}.`, '');
  if (!profs.length) p('Not measured.', '');
  for (const x of profs) {
    p(`### ${x.name} (native, \`valgrind --tool=callgrind\`, ${x.iters} × \`compare\`, ${int(x.totalIr)} instructions)`, '');
    if (x.compareCallees?.length) {
      p('What `compare` calls, each with everything below it (whatever the compiler inlined into `compare` itself,',
        `such as most of assembling the report, is in its own cost: ${x.compareSelfPct}% of all instructions here):`, '');
      p(table(['Callee of `compare`', 'Inclusive', 'Calls per `compare`'], x.compareCallees.map((f) => [`\`${f.fn}\``, `${num(f.pct, 1)}%`, int(f.calls)])));
      p('');
    }
    p('Inclusive cost of the crate\'s functions (after inlining: a function\'s share includes what was inlined into it):', '');
    p(table(['Function', 'Inclusive'], x.inclusive.map((f) => [`\`${f.fn}\``, `${num(f.pct, 1)}%`])));
    p('', 'Self cost, top functions:', '');
    p(table(['Function', 'Self'], x.self.map((f) => [`\`${f.fn}\``, `${num(f.pct, 1)}%`])));
    p('', `Allocation (malloc/free/realloc and Vec growth), self: ${x.allocationSelfPct}% of instructions.`, '');
  }

  p('## Method', '');
  p('- `npm run bench` runs `bench/run.mjs`: it builds `pkg/` (`scripts/build.sh`), the `handover` build',
    '  (`scripts/build.sh --features handover`, into `target/bench-wasm/handover`), the native',
    '  benchmark (`cargo build --release --example bench`) and `bench/core` for `wasm32-unknown-unknown`',
    '  (the core without the JS layer, same release profile, `scripts/wasm-opt.sh` like `pkg/`), then runs',
    '  each job in a child process: `target/release/examples/bench` natively, `bench/node-wasm.mjs` in Node,',
    '  `bench/browser.mjs` in Chromium. `--quick`, `--no-build`, `--no-browser`, `--no-profile`, `--no-ecb`, `--no-pathological`',
    '  shorten it.',
    '- `pkg/` and the native binary are copied when built and the copies measured, so a rebuild by other',
    '  work during the run cannot change what is measured mid-way (the page loads `pkg/` itself; a note',
    '  above says if it changed). The API figure in Node is `js/validate.js`\'s `callWasm` around the',
    '  glue\'s `compareTape`, then `js/tape.js`\'s `decodeTape`, which is what `js/node.js` runs.',
    '- Every timed call is warmed up first: in Node until 0.5 s of calls have passed for the first input',
    '  of a process (V8 compiles wasm with a baseline compiler first and optimizes hot functions later),',
    '  at least once otherwise. The first-call and page figures are cold on purpose. Runs per figure: at',
    '  most the stated count, at least 3 unless one run exceeds the budget per figure, then more while',
    '  within it.',
    '- The straightforward way: every pair of comparable sentences from different sources, scored by',
    '  `storydiff::align::align` (the same scoring and the same mutual-best filter for paraphrases),',
    '  against `storydiff::index::candidates` + `align::align`, on one `storydiff::prepare` output.',
    '  Matches of both are reported: the index may miss pairs the full scan finds, and more competitors',
    '  can change which paraphrases survive the mutual-best filter.',
    '- Pathological input: `bench/pathological.mjs` (inputs, budgets and the timed job), one process per',
    '  input; `node bench/run.mjs --only-pathological` builds `pkg/` and measures only that section, and',
    '  merges it into the existing `bench/results.json` and this file without touching the other figures.',
    '- Growth exponents are least-squares fits of log(time) on log(n); fixed costs flatten small sizes, so',
    '  the slope between the two largest sizes is given too.',
    '- Not a test: budgets are reported, never enforced; the command exits 0 unless it crashes.', '');

  return { text: out.join('\n'), budgets, extrapolated };
}

/** The "Pathological input" section (rows from bench/pathological.mjs, run by bench/run.mjs). */
function pathologicalSection(r, p) {
  p('## Pathological input', '');
  const x = r.pathological;
  if (!x || x.skipped || !x.rows?.length) {
    p(`Not measured${x?.skipped ? `: ${x.skipped}` : ''}.`, '');
    return;
  }
  const m = x.machine ?? {};
  if (m.date && m.date !== r.machine?.date) {
    p(`Measured apart from the sections above (\`node bench/run.mjs --only-pathological\`) on ${m.date.slice(0, 10)} (${m.date}),`,
      `commit ${m.commit}${m.uncommitted?.length ? ` with uncommitted changes in ${m.uncommitted.map((f) => `\`${f}\``).join(', ')}` : ''}` +
      `${m.wasmSha256 ? `, core wasm sha256 ${m.wasmSha256}…` : ''}; load average (1 min) ${m.load1 ? `${m.load1.min} to ${m.load1.max}` : 'unknown'}` +
      ` on ${m.cores ?? '?'} cores${m.nice ? `, nice ${m.nice}` : ''}; ${m.seconds} s with the build.`, '');
  }
  for (const n of x.notes ?? []) p(`- Note: ${n}`);
  if (x.notes?.length) p('');
  p('Hostile inputs (the same kinds as `tests/hostile.rs`, which checks its own untimed), generated deterministically by',
    '`bench/pathological.mjs`, each beside one normal article (the first seed), through the public API\'s path',
    '(`js/validate.js` around the glue\'s `compareTape`, then `js/tape.js`) in wasm under Node, each in a fresh process killed at a cap',
    '(20× its budget, at least 20 s). Time: median (min–max) of warm calls, after a first call timed apart',
    '(V8 baseline code) and a warm-up (calls until 300 ms have passed, the first included); a rejected input is',
    'timed the same way. Wasm memory: linear memory after the first call',
    '(it only grows, so this is the peak). Sentences: all sources (the hostile source\'s own in brackets).', '');
  const budgetCell = (b) => `≤ ${int(b.ms)} ms (${b.rule})`;
  const size = (row) => (row.bytes == null ? '–' : `${bytes(row.bytes)}${row.sources > 2 ? ` in ${row.sources} sources` : ''}`);
  const result = (row) => {
    if (row.timedOut) return `no result in ${row.timedOut / 1000} s`;
    if (row.crashed) return `crashed: ${row.crashed}`;
    if (row.error) return `${/internal error/.test(row.error) ? 'error' : 'rejected'}: “${row.error}”`;
    const bound = row.matchesBound ? ` (≤ ${int(row.matchesBound.limit)})` : '';
    return `${int(row.sentences)} sentences (${int(row.hostileSentences)}), ${int(row.matches)} match${row.matches === 1 ? '' : 'es'}${bound}`;
  };
  p(table(['Input', 'Size', 'Time ms', 'CPU ms', 'Runs', 'First call ms', 'Result', 'Wasm memory', 'Budget', 'Status'],
    x.rows.map((row) => [row.what, size(row), cell(row.time), cell(row.cpu), runs(row.time), ms(row.firstMs), result(row),
      bytes(row.wasmAfterBytes), budgetCell(row.budget), `**${row.status}**${row.detail ? ` ${row.detail}` : ''}`])));
  p('', 'Budgets, by rule (met: the expected outcome, a report or the API\'s refusal and never an internal error; the',
    'median within the budget; and the matches within their bound where one is given):', '');
  for (const rule of x.rules ?? []) p(`- ${rule}`);
  p('');
}

/** "Native rest" of a scaling row: wall-time median, and the CPU-time one where measured. */
function restCell(n) {
  const wall = nativeSplit(n, { cpu: false });
  const cpu = nativeSplit(n);
  return cpu.cpu ? `${ms(wall.rest)} (CPU ${ms(cpu.rest)})` : ms(wall.rest);
}

function matchingTable(rows) {
  return table(['Input', 'Pairs scored: indexed', 'all pairs', 'Wasm: indexed', 'all pairs', 'ratio', 'Native: indexed', 'all pairs', 'ratio', 'Matches: indexed', 'all pairs', 'only via all pairs'],
    rows.map(({ label, w, n }) => {
      const skipped = n.allPairsWay.skipped ? 'skipped' : null;
      return [label, int(n.candidatePairs), int(n.allPairs),
        cell(w.matching.indexed), w.matching.allPairs ? cell(w.matching.allPairs) : 'skipped', ratio(w.matching.allPairs?.median, w.matching.indexed?.median),
        cell(n.indexed.total), skipped ?? cell(n.allPairsWay.total), ratio(n.allPairsWay.total?.median, n.indexed.total?.median),
        int(n.indexed.matches), skipped ?? int(n.allPairsWay.matches), skipped ?? int(n.allPairsWay.onlyAllPairs)];
    }));
}

function matchesNote(n) {
  const a = n.allPairsWay;
  if (a.skipped) return '';
  const same = a.matches === n.indexed.matches && a.onlyIndexed === 0 && a.onlyAllPairs === 0;
  return same
    ? `Both ways find the same ${n.indexed.matches} matches.`
    : `Matches: ${n.indexed.matches} indexed, ${a.matches} all pairs; ${a.common} in common, ${a.onlyAllPairs} only via all pairs ` +
        `(kinds: ${a.kinds.identical}/${a.kinds.minor}/${a.kinds.paraphrase} identical/minor/paraphrase against ` +
        `${n.indexed.kinds.identical}/${n.indexed.kinds.minor}/${n.indexed.kinds.paraphrase}), ${a.onlyIndexed} only indexed.`;
}
