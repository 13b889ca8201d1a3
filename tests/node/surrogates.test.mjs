// Lone UTF-16 surrogates passed from JS (js/node.js over the wasm build).
//
// A JS string can hold an unpaired surrogate (\uD800-\uDBFF not followed by a low one, or
// \uDC00-\uDFFF not preceded by a high one); a Rust String cannot. wasm-bindgen hands strings to
// wasm as UTF-8 through TextEncoder, which writes each lone surrogate as U+FFFD (the WHATWG
// USVString conversion), and serde-wasm-bindgen reads `sources` the same way. U+FFFD is one UTF-16
// unit, like the surrogate it replaces, so the report's UTF-16 offsets still index the caller's
// own string. What differs is only that character: `input.slice(start, end)` has the lone
// surrogate where the report's `text` has U+FFFD, at the same position. That is asserted exactly
// here (same length, and equal once the slice's lone surrogates are replaced), along with: no
// internal error, every other sentence matched as before, and a source made of lone surrogates
// refused with the API's "not text" error. Source names are converted the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, compareJson } from '../../js/node.js';
import { loadSeeds } from './helpers.mjs';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const hasLone = (s) => new RegExp(LONE.source).test(s);
/** What the report says for a JS string: each lone surrogate as U+FFFD. */
const asReported = (s) => s.replace(LONE, '\uFFFD');

const seed = loadSeeds()[0];
const ORIGINAL = { name: 'original', text: seed.text };
const baseline = compare([{ name: 'copy', text: seed.text }, ORIGINAL]);
const sentences = baseline.sources[0].sentences;
/** The baseline's match of each sentence with its own copy. */
const copyMatches = baseline.matches.filter((m) => m.a[1] === m.b[1]);

/** Inserts strings at offsets of `text` (offsets of the original text). */
function insert(text, edits) {
  for (const [at, s] of [...edits].sort((x, y) => y[0] - x[0])) text = text.slice(0, at) + s + text.slice(at);
  return text;
}

/** A span of the report against the caller's string: exact, but for U+FFFD in place of a lone surrogate. */
function checkSpan(input, span, what) {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= input.length, `${what}: offsets in range`);
  const slice = input.slice(span.start, span.end);
  assert.equal(span.text.length, slice.length, `${what}: text is as long as input.slice(start, end)`);
  if (hasLone(slice)) {
    assert.equal(span.text, asReported(slice), `${what}: text is input.slice(start, end) with U+FFFD for each lone surrogate`);
  } else {
    assert.equal(span.text, slice, `${what}: text is input.slice(start, end)`);
  }
}

function checkSpans(report, inputs) {
  report.sources.forEach((s, i) => {
    assert.equal(s.name, asReported(inputs[i].name), `sources[${i}].name`);
    s.sentences.forEach((x, j) => checkSpan(inputs[i].text, x, `sources[${i}].sentences[${j}]`));
    s.removed.forEach((x, j) => checkSpan(inputs[i].text, x, `sources[${i}].removed[${j}]`));
  });
  for (const q of report.quotes) for (const o of q.occurrences) checkSpan(inputs[o.source].text, o, `quote occurrence in source ${o.source}`);
}

/** A sentence's words without what the tests insert (U+FFFD, the emoji), for finding it again. */
const plain = (t) => t.replace(/[\uFFFD😀🚒]/gu, '').replace(/\s+/g, ' ').trim();

/**
 * Every sentence the baseline (the seed against itself) matched with its copy is matched with it
 * again: with the same kind when it comes back unchanged (no surrogate in it), with any kind when
 * it carries a U+FFFD or was joined with its neighbour. (A lone surrogate between a period and the
 * next sentence, like any character there but a space, keeps the two in one sentence: the offsets
 * stay exact, and that sentence is matched with both originals.) Other matches the baseline has
 * (two sentences of the seed that say the same, matched by meaning across the copies) are not
 * what this file is about.
 */
function checkMatches(report) {
  const mine = report.sources[0].sentences;
  const theirs = report.sources[1].sentences;
  for (const m of copyMatches) {
    const text = baseline.sources[0].sentences[m.a[1]].text;
    const partner = baseline.sources[1].sentences[m.b[1]].text;
    const j = mine.findIndex((x) => plain(x.text).includes(plain(text)));
    assert.ok(j >= 0, `"${text.slice(0, 40)}…" is still a sentence (or part of one)`);
    const got = report.matches.filter((n) => n.a[0] === 0 && n.a[1] === j && n.b[0] === 1).map((n) => ({ text: theirs[n.b[1]].text, kind: n.kind }));
    if (mine[j].text === text) {
      assert.ok(got.some((g) => g.text === partner && g.kind === m.kind), `"${text.slice(0, 40)}…" keeps its match with its copy (${m.kind}): ${JSON.stringify(got)}`);
    } else {
      assert.ok(got.some((g) => g.text === partner), `"${text.slice(0, 40)}…", with U+FFFD, is still matched with its original`);
    }
  }
}

function run(name, text) {
  const inputs = [{ name, text }, ORIGINAL];
  const report = compare(inputs);
  checkSpans(report, inputs);
  checkMatches(report);
  return report;
}

test('the baseline: the seed against itself matches every sentence with its copy', () => {
  assert.ok(sentences.length >= 10);
  assert.equal(copyMatches.length, sentences.length);
  assert.ok(copyMatches.every((m) => m.kind === 'identical'));
});

const s = sentences[4];
const inWord = s.start + s.text.indexOf(' ', 10);
const cases = {
  'a lone high surrogate at the start of a sentence': [[s.start, '\uD800']],
  'a lone low surrogate in the middle of a sentence, after a word': [[inWord, '\uDC00']],
  'a lone low surrogate inside a word': [[s.start + 3, '\uDFFF']],
  'a lone high surrogate before the final period': [[s.end - 1, '\uDBFF']],
  'a lone high surrogate at the end of a sentence': [[s.end, '\uD800']],
  'lone surrogates at the very start and end of the text': [[0, '\uDC00'], [seed.text.length, '\uD800']],
  'a low then a high surrogate (reversed, so not a pair) between two sentences': [[s.end, ' \uDC00\uD800 ']],
  'lone surrogates next to emoji (valid pairs): high before one, low after one': [[s.start, '\uD800😀 '], [inWord, ' 🚒\uDC00']],
  'lone surrogates in every sentence, at start, middle and end': sentences.flatMap((x) => [[x.start, '\uD800'], [x.start + x.text.indexOf(' '), '\uDC00'], [x.end, '\uDBFF']]),
};
for (const [what, edits] of Object.entries(cases)) {
  test(`${what}: no error, offsets slice the JS string (U+FFFD in text for each lone surrogate), matches kept`, () => {
    const text = insert(seed.text, edits);
    assert.ok(hasLone(text));
    const report = run('lone \uD800 surrogates', text);
    const carried = report.sources[0].sentences.filter((x) => x.text.includes('\uFFFD'));
    if (edits.length === 1 && edits[0][0] > s.start && edits[0][0] < s.end) {
      assert.equal(carried.length, 1, 'the surrogate is in one sentence, as U+FFFD');
    }
  });
}

test('the JSON report (compareJson) is the same as the object one with lone surrogates', () => {
  const inputs = [{ name: 'json \uDC00', text: insert(seed.text, cases['lone surrogates in every sentence, at start, middle and end']) }, ORIGINAL];
  assert.deepEqual(JSON.parse(compareJson(inputs)), compare(inputs));
});

test('a source made of lone surrogates is refused as not text (an Error, not an internal error)', () => {
  const whole = {
    'high surrogates': '\uD800'.repeat(2000),
    'low surrogates': '\uDC00'.repeat(2000),
    'a low then a high surrogate, then a space (never a pair)': '\uDC00\uD800 '.repeat(700),
    'lone surrogates with spaces and periods': '\uD800\uDBFF \uDC00. '.repeat(400),
  };
  for (const [what, text] of Object.entries(whole)) {
    assert.throws(
      () => compare([{ name: 'surrogates', text }, ORIGINAL]),
      (err) => err instanceof Error && /"surrogates" is not text/.test(err.message) && !/internal error/.test(err.message),
      what,
    );
  }
  // The module is still usable afterwards.
  assert.equal(compare([{ name: 'copy', text: seed.text }, ORIGINAL]).matches.length, baseline.matches.length);
});
