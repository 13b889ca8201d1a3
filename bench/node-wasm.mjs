// One benchmark job in wasm under Node, in a process of its own (so that its peak memory is
// its own). bench/run.mjs starts it:
//
//   node bench/node-wasm.mjs JOB.json      # prints one JSON result on stdout
//
// JOB: { sets: [{ name, files }], maxRuns, minRuns?, budgetMs, allPairsMax, memory, progress }
// (minRuns: sideBySide's default when left out)
//
// Per set, side by side in one loop:
//   api        the public API's path: js/validate.js's checks around the glue's compareTape and
//              js/tape.js's decodeTape (what js/node.js's compare() does), on the snapshot of
//              pkg/ taken at build time (the shipped build)
//   tape       the shipped glue's compareTape(): the report handed over as a tape (a
//              Uint32Array, a Float64Array and one string), not yet decoded
//   object     the handover build's compare(): the report handed over as JS objects
//              (serde-wasm-bindgen)
//   json       the handover build's compareJson(): the report handed over as one JSON string
//   jsonParsed compareJson() then JSON.parse: a JS object by way of JSON
//   core       the same core in wasm (bench/core/lib.rs, driven by bench/core.mjs), report
//              built and not handed over
// The shipped module exports compareTape alone; object and json come from the handover build
// (lib.mjs's HANDOVER), the same code with those two exports added, in an instance of its own.
// On each job's first set, its report must equal the public API's (else the job fails).
// then, on one prepare() output, side by side: the indexed way (index::candidates +
// align::align) and the all-pairs way (every cross-source pair + align::align), in wasm.
// With `memory`, the first set is first run once of each kind to read wasm memory and the
// process's peak RSS, and the time of that first (cold) call.

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { CORE_WASM, ROOT, inputBytes, loadApi, loadHandover, readSources, sideBySide } from './lib.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rssKiB = () => process.resourceUsage().maxRSS;

const rssStart = rssKiB();
const { glue, wasm, apiCompare } = await loadApi();
const handover = await loadHandover();
const { Core } = await import('./core.mjs');

const results = [];
for (const [k, set] of job.sets.entries()) {
  const sources = readSources(set.files);
  const result = { name: set.name, articles: sources.length, bytes: inputBytes(sources) };

  let core;
  if (job.memory && k === 0) {
    // Fresh instances: wasm memory only grows, so its size after a call is that call's peak.
    const m = { rssStartKiB: rssStart, rssBeforeCompareKiB: rssKiB(), apiWasmInitialBytes: wasm.memory.buffer.byteLength };
    // The first call also runs on V8's baseline (Liftoff) code: what a page's first compare costs.
    const t = performance.now();
    const report = apiCompare(sources);
    m.firstCompareMs = performance.now() - t;
    m.apiWasmAfterCompareBytes = wasm.memory.buffer.byteLength;
    m.rssAfterCompareKiB = rssKiB();
    result.reportMatches = report.matches.length;
    const json = handover.glue.compareJson(sources);
    m.handoverWasmAfterJsonBytes = handover.wasm.memory.buffer.byteLength;
    m.reportJsonBytes = Buffer.byteLength(json);
    m.rssAfterJsonKiB = rssKiB();
    core = new Core(CORE_WASM);
    m.coreWasmInitialBytes = core.memoryBytes;
    core.load(sources);
    core.compare();
    m.coreWasmAfterCompareBytes = core.memoryBytes;
    core.prepare();
    core.indexed();
    m.coreWasmAfterIndexedBytes = core.memoryBytes;
    if (core.allPairsCount() <= job.allPairsMax) {
      core.allPairs();
      m.coreWasmAfterAllPairsBytes = core.memoryBytes;
    }
    result.memory = m;
  } else {
    core = new Core(CORE_WASM);
    core.load(sources);
  }
  if (k === 0 && !isDeepStrictEqual(apiCompare(sources), handover.glue.compare(sources))) {
    throw new Error(`${set.name}: the report decoded from the tape differs from the handover build's objects`);
  }

  // The first set warms V8 up for the rest (the same modules), so later sets need little.
  const opts = { maxRuns: job.maxRuns, minRuns: job.minRuns, budgetMs: job.budgetMs, warmupMs: k === 0 ? 500 : 50 };
  const handoff = sideBySide(
    {
      api: () => apiCompare(sources).matches.length,
      tape: () => glue.compareTape(sources)[0].length,
      object: () => handover.glue.compare(sources).matches.length,
      json: () => handover.glue.compareJson(sources),
      jsonParsed: () => JSON.parse(handover.glue.compareJson(sources)).matches.length,
      core: () => core.compare(),
    },
    opts,
  );
  result.handoff = handoff.times;
  result.handoffCpu = handoff.cpu;
  // The public API alone, as a page that calls compare again and again runs it. Interleaved with
  // the five others (three wasm instances), a short call starts with the caches full of the
  // others' code and data; that is fair between the hand-overs but not what a page sees.
  if (handoff.times.api.median < 50) {
    const alone = sideBySide({ api: () => apiCompare(sources).matches.length }, { ...opts, warmupMs: 200 });
    result.alone = alone.times.api;
    result.aloneCpu = alone.cpu.api;
  }
  result.matches = { api: handoff.values.api, object: handoff.values.object, jsonParsed: handoff.values.jsonParsed, core: handoff.values.core };
  result.reportJsonBytes = Buffer.byteLength(handoff.values.json);

  result.sentences = core.prepare();
  result.candidatePairs = core.candidates();
  result.allPairs = core.allPairsCount();
  const doAll = result.allPairs <= job.allPairsMax;
  const matching = sideBySide(
    doAll ? { indexed: () => core.indexed(), allPairs: () => core.allPairs() } : { indexed: () => core.indexed() },
    opts,
  );
  result.matching = {
    indexed: matching.times.indexed,
    allPairs: doAll ? matching.times.allPairs : null,
    allPairsSkipped: doAll ? null : `${result.allPairs} pairs is above the cap of ${job.allPairsMax}`,
    matchesIndexed: matching.values.indexed,
    matchesAllPairs: doAll ? matching.values.allPairs : null,
  };
  results.push(result);
  if (job.progress) process.stderr.write('.');
}
if (job.progress) process.stderr.write('\n');
process.stdout.write(JSON.stringify({ root: ROOT, node: process.version, results }) + '\n');
