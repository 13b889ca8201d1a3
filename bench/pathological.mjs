// Pathological input for the benchmark's "Pathological input" section: the inputs (generated
// here, deterministically), their budgets, and the job that times one of them.
//
//   node bench/pathological.mjs JOB.json     # prints one JSON result on stdout
//
// JOB: { case, maxRuns, loopMs }. bench/run.mjs starts one such process per input, each with
// an outer time cap, so that every row has wasm memory and peak RSS of its own and a row that
// hangs is killed and reported rather than hanging the benchmark.
//
// Each input goes through the public API's path, as bench/node-wasm.mjs's `api` does:
// js/validate.js's callWasm around the glue's compare, on the snapshot of pkg/ taken at build
// time. The first call is timed apart (it runs on V8's baseline code and reads wasm memory and
// the peak RSS it added); after a warm-up (calls until 300 ms have passed, the first included),
// up to `maxRuns` warm calls while their total stays under `loopMs` (at least one). A rejected
// input is timed the same way, and its message kept.
//
// These are the inputs of tests/hostile.rs (which checks, untimed, that nothing panics and every
// span stays valid), with one normal article beside each hostile text as there: the first seed
// (seeds/index.json order). Where that file pairs the text with itself (one huge sentence
// repeated), so does this, and the seed comes third.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SNAPSHOT, seedFiles, stats } from './lib.mjs';

/** The vocabulary of tests/hostile.rs's pseudo_words. */
const VOCAB = ['river', 'council', 'rescue', 'night', 'people', 'bridge', 'said', 'the', 'of', 'storm', 'minister', 'report'];

/** A deterministic stream of 32-bit numbers (xorshift32). */
function rng(seed = 0x9e3779b9) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** `n` words of VOCAB, space-separated, no punctuation. */
function pseudoWords(n, seed) {
  const next = rng(seed);
  const words = new Array(n);
  for (let i = 0; i < n; i++) words[i] = VOCAB[next() % VOCAB.length];
  return words.join(' ');
}

const seed = () => {
  const file = seedFiles()[0];
  return { name: file.replace(/.*\//, ''), text: readFileSync(file, 'utf8') };
};
const withSeed = (name, text) => [{ name, text }, seed()];

/** Right-to-left scripts, emoji (ZWJ sequences, flags, skin tones, keycaps) and combining marks. */
function scripts(sentences) {
  const arabic = ['قال', 'المسؤولون', 'إن', 'فرق', 'الإنقاذ', 'بحثت', 'طوال', 'الليل', 'في', 'المدينة', 'الناس', 'الجسر'];
  const hebrew = ['שלום', 'עולם', 'הצוותים', 'חיפשו', 'כל', 'הלילה', 'בעיר', 'אנשים', 'גשר'];
  const emoji = ['🚒', '🔥', '👩‍👩‍👧‍👦', '🇫🇷', '👍🏽', '1️⃣', '🏳️‍🌈', '🧑🏿‍🚒', '😀'];
  const marks = ['\u0301', '\u0308', '\u0324', '\u0354', '\u0367', '\u0311', '\u0313', '\u036e', '\u0312', '\u036b', '\u0328', '\u0348'];
  const next = rng(7);
  const pick = (xs) => xs[next() % xs.length];
  const zalgo = (w) => [...w].map((c) => c + pick(marks) + (next() % 2 ? pick(marks) : '')).join('');
  const out = ['قال المسؤولون إن فرق الإنقاذ بحثت طوال الليل. 🚒🔥 שלום עולם.',
    'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ g̨͈͚o̰͙ is here 👩‍👩‍👧‍👦. At least 12 people were taken to hospital on Monday.'];
  for (let s = 0; s < sentences; s++) {
    const words = [];
    const n = 6 + (next() % 12);
    for (let w = 0; w < n; w++) {
      const k = next() % 10;
      words.push(k < 4 ? pick(arabic) : k < 6 ? pick(hebrew) : k < 8 ? zalgo(VOCAB[next() % VOCAB.length]) : pick(emoji));
    }
    out.push(`${words.join(' ')}${s % 3 === 0 ? '؟' : '.'}`);
  }
  // Paragraphs of five sentences.
  return out.map((x, i) => x + (i % 5 === 4 ? '\n\n' : ' ')).join('').trim();
}

// --- budgets ---------------------------------------------------------------------------
/**
 * Each budget bounds the median of warm calls (wall clock), by one of these rules (also written
 * into bench/results.json and BENCHMARKS.md). The point is bounded, linear time: a quadratic
 * step on any of these inputs costs minutes, not a few times the budget.
 */
export const RULES = [
  '**linear**: bytes ÷ 2 MB/s, at least 20 ms: no slower per byte than ordinary articles were when the budgets were set (the ' +
    'five seeds, 18 kB, took about 9 ms of CPU per `compare` in Node wasm, 2 MB/s; about 4 ms now), fixed so that the budgets do not ' +
    'move with the code; 20 ms is a seed-sized comparison with room for a busy machine.',
  '**5 MB**: 2 s for each 5 MB input (2.5 MB/s): text with no sentence breaks or no word breaks has next to nothing to ' +
    'match, so it must cost less per byte than articles do.',
  '**lines**: 1 s for 100,000 one-word lines, 10 µs a line: lines are what the cleaner classifies and joins, so their ' +
    'number, not the bytes, is the load.',
  '**copies**: 2 s for 200 sources (the budget of one `compare` over all 982 ECB+ articles), and at most ' +
    '(sentences of one copy) × (120 + 200) matches: `index::copies` matches the copies of a sentence in its first 16 sources ' +
    'with each other (16 × 15 / 2 = 120 pairs) and each further copy with the first only (fewer than 200), where all pairs ' +
    'would be 200 × 199 / 2 = 19,900 per sentence.',
  '**rejected**: bytes ÷ 20 MB/s, at least 20 ms: refusing input is one pass over the text.',
];
const MB = 1e6;
const linear = (bytes) => ({ ms: Math.max(20, Math.round((bytes / (2 * MB)) * 1000)), rule: 'linear' });
const rejected = (bytes) => ({ ms: Math.max(20, Math.round((bytes / (20 * MB)) * 1000)), rule: 'rejected' });

/**
 * The inputs, in report order. `budget(bytes)`: the bound on the median of warm calls, and its
 * rule; `expect`: 'report', or 'error' for input the API refuses by design; `maxMatches(report)`:
 * a bound on the output where the output could blow up; `runs`: warm calls at most.
 */
export const CASES = [
  {
    id: 'no-punctuation',
    what: '5 MB of words with no punctuation (900,000 words) + a seed',
    build: () => withSeed('no-punctuation', pseudoWords(900_000, 1)),
    budget: () => ({ ms: 2_000, rule: '5 MB' }),
    runs: 3,
  },
  {
    id: 'no-spaces',
    what: '5 MB with no spaces (`abcdefghij` × 500,000) + a seed',
    build: () => withSeed('no-spaces', 'abcdefghij'.repeat(500_000)),
    budget: () => ({ ms: 2_000, rule: '5 MB' }),
    runs: 3,
  },
  {
    id: 'one-word-lines',
    what: '100,000 one-word lines + a seed',
    build: () => withSeed('one-word-lines', pseudoWords(100_000, 2).replace(/ /g, '\n')),
    budget: () => ({ ms: 1_000, rule: 'lines' }),
    runs: 5,
  },
  {
    id: '200-copies',
    what: '200 copies of the first seed, as 200 sources',
    build: () => {
      const s = seed();
      return Array.from({ length: 200 }, (_, i) => ({ name: `copy-${String(i).padStart(3, '0')}`, text: s.text }));
    },
    budget: () => ({ ms: 2_000, rule: 'copies' }),
    runs: 5,
    maxMatches: (r) => ({ limit: r.sources[0].sentences.length * (120 + 200), rule: 'sentences of one copy × (120 + 200)' }),
  },
  {
    id: 'huge-sentence',
    what: 'one 2,000-word sentence repeated 50 times, in two sources + a seed',
    build: () => {
      const sentence = `${pseudoWords(2_000, 3)}.`;
      const text = Array(50).fill(sentence).join(' ');
      return [{ name: 'huge-a', text }, { name: 'huge-b', text }, seed()];
    },
    budget: linear,
    runs: 5,
    // tests/hostile.rs's bound: no more than 16 matches per copy.
    maxMatches: () => ({ limit: 50 * 16, rule: '50 copies × 16 (tests/hostile.rs)' }),
  },
  {
    id: 'binary',
    what: '1 MB of random bytes (no NUL) decoded as UTF-8 + a seed',
    build: () => {
      const next = rng(11);
      const bytes = Buffer.alloc(1_000_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + (next() % 255);
      return withSeed('binary', bytes.toString('utf8'));
    },
    expect: 'error',
    budget: rejected,
    runs: 15,
  },
  {
    id: 'nul',
    what: 'NUL bytes: the first seed with a NUL after every space + the seed',
    build: () => withSeed('nul', seed().text.replace(/ /g, ' \0')),
    expect: 'error',
    budget: rejected,
    runs: 15,
  },
  {
    id: 'lone-surrogates',
    what: 'lone UTF-16 surrogates (`\\uD800`, `\\uDC00`) mixed into the first seed + the seed',
    build: () => {
      let k = 0;
      const text = seed().text.replace(/ /g, () => [' ', ' \uD800', '\uDC00 ', ' '][k++ % 4]);
      return withSeed('lone-surrogates', `\uDC00${text}\uD800`);
    },
    budget: linear,
    runs: 15,
  },
  {
    id: 'crlf',
    what: 'Windows line endings (CRLF): the first seed + the seed',
    build: () => withSeed('crlf', seed().text.replace(/\n/g, '\r\n')),
    budget: linear,
    runs: 15,
  },
  {
    id: 'cr',
    what: 'old Mac line endings (CR): the first seed + the seed',
    build: () => withSeed('cr', seed().text.replace(/\n/g, '\r')),
    budget: linear,
    runs: 15,
  },
  {
    id: 'zero-width-bidi',
    what: 'zero-width and bidi controls (U+200B, U+200F, U+202E, U+FEFF) in the first seed + the seed',
    build: () => withSeed('zero-width-bidi', `\uFEFF\u202E${seed().text.replace(/ /g, ' \u200B\u200F')}\u202C\u200B`),
    budget: linear,
    runs: 15,
  },
  {
    id: 'scripts',
    what: 'Arabic and Hebrew, emoji, combining marks: 2,000 generated sentences + a seed',
    build: () => withSeed('scripts', scripts(2_000)),
    budget: linear,
    runs: 5,
  },
];

/** Size of a case's input in UTF-8 bytes (all sources). */
export const inputBytes = (sources) => sources.reduce((a, s) => a + Buffer.byteLength(s.text), 0);

/**
 * A row's verdict: met when the outcome is the expected one (a report, or the API's error for
 * input refused by design; never an internal error), the median of warm calls is within the
 * budget, and the matches within their bound.
 */
export function judge(c, row) {
  const budget = row.budget;
  const out = (status, detail = '') => ({ status, detail });
  if (row.timedOut) return out('missed', `no result within the cap of ${row.timedOut / 1000} s`);
  if (row.crashed) return out('missed', `the job crashed: ${row.crashed}`);
  if (row.error && /internal error/.test(row.error)) return out('missed', 'internal error (a panic or trap in wasm)');
  const expect = c.expect ?? 'report';
  if (expect === 'report' && row.error) return out('missed', `rejected: ${row.error}`);
  if (expect === 'error' && !row.error) return out('missed', 'accepted, but the API should refuse it');
  const problems = [];
  if (row.time.median > budget.ms) problems.push(`time ${(row.time.median / budget.ms).toFixed(1)}× the budget`);
  if (row.matchesBound && row.matches > row.matchesBound.limit) problems.push(`${row.matches} matches, above ${row.matchesBound.limit}`);
  if (row.unstable) problems.push(row.unstable);
  return problems.length ? out('missed', problems.join('; ')) : out('met');
}

// --- the job -------------------------------------------------------------------------------
async function job(path) {
  const spec = JSON.parse(readFileSync(path, 'utf8'));
  const c = CASES.find((x) => x.id === spec.case);
  if (!c) throw new Error(`unknown case ${spec.case}`);
  const rssKiB = () => process.resourceUsage().maxRSS;
  const glue = await import(pathToFileURL(join(SNAPSHOT, 'storydiff.js')).href);
  const wasm = glue.initSync({ module: readFileSync(join(SNAPSHOT, 'storydiff_bg.wasm')) });
  const { callWasm } = await import(pathToFileURL(join(ROOT, 'js', 'validate.js')).href);

  const sources = c.build();
  const result = {
    id: c.id,
    sources: sources.length,
    bytes: inputBytes(sources),
    utf16: sources.reduce((a, s) => a + s.text.length, 0),
    hostileBytes: Buffer.byteLength(sources[0].text),
  };
  const call = () => {
    try {
      return { report: callWasm(glue.compare, sources) };
    } catch (err) {
      return { error: err.message };
    }
  };

  const rssBefore = rssKiB();
  result.wasmInitialBytes = wasm.memory.buffer.byteLength;
  let t = performance.now();
  const first = call();
  result.firstMs = performance.now() - t;
  result.wasmAfterBytes = wasm.memory.buffer.byteLength;
  result.rssAddedBytes = (rssKiB() - rssBefore) * 1024;
  if (first.error) {
    result.error = first.error;
  } else {
    const r = first.report;
    result.sentences = r.sources.reduce((a, s) => a + s.sentences.length, 0);
    result.hostileSentences = r.sources[0].sentences.length;
    result.matches = r.matches.length;
    if (c.maxMatches) result.matchesBound = c.maxMatches(r);
  }

  // Warm-up: V8 compiles wasm with its baseline compiler first and optimizes hot functions in
  // the background; small inputs are called until 300 ms of calls (the first one included) have
  // passed, at most 50 calls. A large input's first call is warm-up enough.
  let outcome = first;
  let warm = result.firstMs;
  for (let n = 0; warm < (spec.warmupMs ?? 300) && n < 50; n++) {
    t = performance.now();
    outcome = call();
    warm += performance.now() - t;
  }
  const wall = [];
  const cpu = [];
  while (wall.length < spec.maxRuns && (wall.length === 0 || wall.reduce((a, b) => a + b, 0) < spec.loopMs)) {
    const u = process.cpuUsage();
    t = performance.now();
    outcome = call();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(u);
    cpu.push((d.user + d.system) / 1000);
  }
  if ((outcome.error ?? null) !== (first.error ?? null) || (!first.error && outcome.report.matches.length !== result.matches)) {
    result.unstable = 'a later call gave another outcome than the first';
  }
  result.time = stats(wall);
  result.cpu = stats(cpu);
  result.wasmAfterRunsBytes = wasm.memory.buffer.byteLength;
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await job(process.argv[2]);
