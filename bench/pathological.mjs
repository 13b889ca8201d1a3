// Pathological input for the benchmark's "Pathological input" section: the inputs (generated
// here, deterministically), their budgets, and the job that times one of them.
//
//   node bench/pathological.mjs JOB.json     # prints one JSON result on stdout
//
// JOB: { case, maxRuns, loopMs }. bench/run.mjs starts one such process per input, each with
// an outer time cap, so that every row has wasm memory and peak RSS of its own and a row that
// hangs is killed and reported rather than hanging the benchmark.
//
// Each input goes through the public API's path, as bench/node-wasm.mjs's `api` does
// (lib.mjs's loadApi: js/validate.js's callWasm around the glue's compareTape, then
// js/tape.js's decodeTape, on the snapshot of pkg/ taken at build time). The first call is timed apart (it runs on V8's baseline code and
// reads wasm memory and the peak RSS it added); then lib.mjs's sideBySide warms up (calls until
// 300 ms have passed, the first included) and times up to `maxRuns` warm calls while their
// total stays under `loopMs` (at least one). A rejected input is timed the same way, and its
// message kept.
//
// These are the same kinds of input as tests/hostile.rs (which checks, untimed, that nothing
// panics and every span stays valid), larger where that makes the time per byte tell: line
// endings, invisible characters, lone surrogates and NULs are applied to a generated article of
// about 1 MB (`article()`), not to one short article. Beside each hostile text is one normal
// article, the first seed (seeds/index.json order); where a hostile text is paired with
// itself (one huge sentence repeated), the seed comes third.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { rng, syntheticArticle } from '../tests/synthetic.mjs';
import { inputBytes, loadApi, readSources, seedFiles, sideBySide } from './lib.mjs';

/**
 * src/index.rs's CLIQUE: the copies of a sentence in its first CLIQUE sources are matched with
 * each other, copies in further sources with the first only.
 */
const CLIQUE = 16;
const CLIQUE_PAIRS = (CLIQUE * (CLIQUE - 1)) / 2;

/** Warm calls are timed after calls (the first included) have taken this long. */
const WARMUP_MS = 300;

/** The vocabulary of tests/hostile.rs's pseudo_words. */
const VOCAB = ['river', 'council', 'rescue', 'night', 'people', 'bridge', 'said', 'the', 'of', 'storm', 'minister', 'report'];

/** `n` words of VOCAB, space-separated, no punctuation. */
function pseudoWords(n, seed) {
  const next = rng(seed);
  const words = new Array(n);
  for (let i = 0; i < n; i++) words[i] = VOCAB[next() % VOCAB.length];
  return words.join(' ');
}

const seed = () => readSources(seedFiles().slice(0, 1))[0];
const withSeedHtml = (name, html) => [{ name, html }, seed()];

/**
 * A web page of about 1 MB as news sites send them: mostly markup around a short article.
 * Twenty paragraphs of the generated article (about 12 kB of text) in an `<article>`, inside
 * 2,000 menu and sidebar links, a 450 kB inline script, a 200 kB stylesheet, 200 kB of inline
 * SVG icons and a comments section: what reading and extraction cost is the page's size, while
 * the comparison after it stays small.
 */
function webPage() {
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = article().split(/\n\s*\n/).slice(0, 20).map((p) => `<p>${escape(p.trim())}</p>`).join('\n');
  const links = (from) => Array.from({ length: 1000 }, (_, i) => `<li class="menu-item"><a href="/section/${from + i}/story">Story ${from + i} of the site</a></li>`).join('');
  const script = `<script>${'window.__data = window.__data || []; window.__data.push({ id: 1, title: "</div>" });\n'.repeat(5_500)}</script>`;
  const style = `<style>${'.menu-item a { color: #123456; padding: 2px 4px; }\n'.repeat(4_000)}</style>`;
  const icons = '<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5zm0 13l-10-5v6l10 5 10-5v-6l-10 5z"/></svg>'.repeat(1_900);
  return `<!doctype html><html lang="en"><head><title>A long page</title>${style}</head><body><nav><ul>${links(0)}</ul></nav>${icons}` +
    `<main><article><h1>A long page</h1>${paragraphs}</article><aside><ul>${links(1000)}</ul></aside>` +
    `<section class="comments"><p>A reader's comment on the long page, posted this morning.</p></section></main>${script}</body></html>`;
}
const withSeed = (name, text) => [{ name, text }, seed()];

/** Size of the generated article, in bytes (a little more: it ends on a whole paragraph). */
const ARTICLE_BYTES = 1_000_000;
let articleText = null;
/**
 * A generated article of about ARTICLE_BYTES (tests/synthetic.mjs): large enough that a row's
 * budget comes from its size rather than from a rule's floor.
 */
const article = () => (articleText ??= syntheticArticle(ARTICLE_BYTES));
const ARTICLE = `a generated ${ARTICLE_BYTES / 1e6} MB article`;

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
    'seeds then took about 2 MB/s of CPU per `compare` in Node wasm; the seeds section has today\'s figure), fixed so that ' +
    'the budgets do not move with the code. The inputs under this rule are hundreds of kB or more, so their size, not the ' +
    'floor, sets the budget; 20 ms would be a seed-sized comparison with room for a busy machine.',
  '**5 MB**: 2 s for each 5 MB input (2.5 MB/s): text with no sentence breaks or no word breaks has next to nothing to ' +
    'match, so it must cost less per byte than articles do.',
  '**lines**: 1 s for 100,000 one-word lines, 10 µs a line: lines are what the cleaner classifies and joins, so their ' +
    'number, not the bytes, is the load.',
  '**copies**: 2 s for 200 sources (the budget of one `compare` over all the ECB+ articles), and at most ' +
    `(sentences of one copy) × (${CLIQUE_PAIRS} + 200) matches: \`index::copies\` matches the copies of a sentence in its first ` +
    `${CLIQUE} sources (\`index::CLIQUE\`) with each other (${CLIQUE} × ${CLIQUE - 1} / 2 = ${CLIQUE_PAIRS} pairs) and each further copy ` +
    'with the first only (fewer than 200), where all pairs would be 200 × 199 / 2 = 19,900 per sentence.',
  '**rejected**: bytes ÷ 20 MB/s, at least 20 ms: refusing input is one pass over the text.',
  '**page**: 50 ms for a 1 MB web page (issue 12): reading the HTML and finding the article is one pass over the page, ' +
    'and the article it holds is small.',
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
    id: 'web-page-1mb',
    what: 'a 1 MB web page (HTML: twenty paragraphs in an `<article>` amid 2,000 links, a 450 kB script, a 200 kB stylesheet, 200 kB of SVG icons, comments) + a seed, read by the html module',
    build: () => withSeedHtml('web-page', webPage()),
    html: true,
    budget: () => ({ ms: 50, rule: 'page' }),
    runs: 7,
  },
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
    maxMatches: (r) => ({ limit: r.sources[0].sentences.length * (CLIQUE_PAIRS + 200), rule: `sentences of one copy × (${CLIQUE_PAIRS} + 200)` }),
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
    // tests/hostile.rs's bound: no more than CLIQUE matches per copy.
    maxMatches: () => ({ limit: 50 * CLIQUE, rule: `50 copies × ${CLIQUE} (tests/hostile.rs)` }),
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
    what: `NUL bytes: ${ARTICLE} with a NUL after every space + a seed`,
    build: () => withSeed('nul', article().replace(/ /g, ' \0')),
    expect: 'error',
    budget: rejected,
    runs: 15,
  },
  {
    id: 'lone-surrogates',
    what: `lone UTF-16 surrogates (\`\\uD800\`, \`\\uDC00\`) mixed into ${ARTICLE} + a seed`,
    build: () => {
      let k = 0;
      const text = article().replace(/ /g, () => [' ', ' \uD800', '\uDC00 ', ' '][k++ % 4]);
      return withSeed('lone-surrogates', `\uDC00${text}\uD800`);
    },
    budget: linear,
    runs: 5,
  },
  {
    id: 'crlf',
    what: `Windows line endings (CRLF): ${ARTICLE} + a seed`,
    build: () => withSeed('crlf', article().replace(/\n/g, '\r\n')),
    budget: linear,
    runs: 5,
  },
  {
    id: 'cr',
    what: `old Mac line endings (CR): ${ARTICLE} + a seed`,
    build: () => withSeed('cr', article().replace(/\n/g, '\r')),
    budget: linear,
    runs: 5,
  },
  {
    id: 'zero-width-bidi',
    what: `zero-width and bidi controls (U+200B, U+200F, U+202E, U+FEFF) in ${ARTICLE} + a seed`,
    build: () => withSeed('zero-width-bidi', `\uFEFF\u202E${article().replace(/ /g, ' \u200B\u200F')}\u202C\u200B`),
    budget: linear,
    runs: 5,
  },
  {
    id: 'scripts',
    what: 'Arabic and Hebrew, emoji, combining marks: 2,000 generated sentences + a seed',
    build: () => withSeed('scripts', scripts(2_000)),
    budget: linear,
    runs: 5,
  },
];

/**
 * A row's verdict: met when the outcome is the expected one (`row.expect`: a report, or the
 * API's error for input refused by design; never an internal error), the median of warm calls
 * is within `row.budget`, and the matches within their bound.
 */
export function judge(row) {
  const budget = row.budget;
  const out = (status, detail = '') => ({ status, detail });
  if (row.timedOut) return out('missed', `no result within the cap of ${row.timedOut / 1000} s`);
  if (row.crashed) return out('missed', `the job crashed: ${row.crashed}`);
  if (row.error && /internal error/.test(row.error)) return out('missed', 'internal error (a panic or trap in wasm)');
  if (row.expect === 'report' && row.error) return out('missed', `rejected: ${row.error}`);
  if (row.expect === 'error' && !row.error) return out('missed', 'accepted, but the API should refuse it');
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
  const { wasm, apiCompare } = await loadApi({ html: Boolean(c.html) });

  const sources = c.build();
  const input = (s) => s.text ?? s.html;
  const result = {
    id: c.id,
    sources: sources.length,
    bytes: inputBytes(sources),
    utf16: sources.reduce((a, s) => a + input(s).length, 0),
    hostileBytes: Buffer.byteLength(input(sources[0])),
  };
  const call = () => {
    try {
      return { report: apiCompare(sources) };
    } catch (err) {
      return { error: err.message };
    }
  };

  const rssBefore = rssKiB();
  result.wasmInitialBytes = wasm.memory.buffer.byteLength;
  const t = performance.now();
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
  // the background; calls go on until WARMUP_MS of calls (the first one included) have passed,
  // at most 50. A large input's first call is warm-up enough. Then warm calls: at most
  // `maxRuns`, while their total is under `loopMs`, at least one.
  const timed = sideBySide({ call }, { maxRuns: spec.maxRuns, minRuns: 1, budgetMs: spec.loopMs, warmupMs: Math.max(0, WARMUP_MS - result.firstMs) });
  const outcome = timed.values.call;
  if ((outcome.error ?? null) !== (first.error ?? null) || (!first.error && outcome.report.matches.length !== result.matches)) {
    result.unstable = 'a later call gave another outcome than the first';
  }
  result.time = timed.times.call;
  result.cpu = timed.cpu.call;
  result.wasmAfterRunsBytes = wasm.memory.buffer.byteLength;
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await job(process.argv[2]);
