// The claim table's pure parts (js/element/table.js), without a browser: CSV fields (RFC 4180),
// Markdown cells, the word differences and the story order of the groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../../js/node.js';
import { storyOrder, wordDiff } from '../../js/element/table.js';
import { csvField, mdEscape as mdCell } from '../../js/formats.js';
import { ROOT } from './helpers.mjs';

test('csvField: quoted when it holds a comma, a quote or a line break; quotes doubled', () => {
  assert.equal(csvField('plain text'), 'plain text');
  assert.equal(csvField('9,000 cars'), '"9,000 cars"');
  assert.equal(csvField('"Never," she said'), '"""Never,"" she said"');
  assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
  assert.equal(csvField(''), '');
  assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)", 'a formula is not run when the export is opened');
});

test('mdCell: pipes and markup characters escaped, line breaks made spaces', () => {
  assert.equal(mdCell('a | b'), 'a \\| b');
  assert.equal(mdCell('<script>*x*_y_`z`[l](u)'), '\\<script\\>\\*x\\*\\_y\\_\\`z\\`\\[l\\](u)');
  assert.equal(mdCell('back\\slash'), 'back\\\\slash');
  assert.equal(mdCell('one\n two'), 'one two');
});

test('wordDiff: the words a wording has that the reference lacks, and those it leaves out', () => {
  const d = wordDiff('Flood waters closed the Millbrook river bridge early on Tuesday.', 'Flood waters closed the river bridge at Millbrook on Tuesday morning.');
  assert.deepEqual(d.runs.filter((r) => r.changed).map((r) => r.text), ['Millbrook', 'early']);
  assert.equal(d.runs.map((r) => r.text).join(''), 'Flood waters closed the Millbrook river bridge early on Tuesday.', 'the runs are the text');
  assert.deepEqual(d.missing, ['at', 'Millbrook', 'morning']);
  assert.deepEqual(wordDiff('Same words, SAME.', 'same words same').runs.filter((r) => r.changed), [], 'case and punctuation ignored');
});

test('storyOrder: a group comes after those any source puts before it', () => {
  const dir = join(ROOT, 'tests/e2e/fixtures/three');
  const r = compare(['wire.txt', 'herald.txt', 'times.txt'].map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })));
  const order = storyOrder(r).map((g) => r.groups[g].text.slice(0, 24));
  // The times put "Engineers will inspect" second of its three, but the wire puts it after the
  // quotation: it stays last. (The three headlines and the three leads state one claim, the
  // flood closing the bridge; with the version 2 vectors they are one group, no longer two.)
  assert.deepEqual(order, ['Flood waters close the r', 'The county said 120 home', '"We have never seen the ', 'Engineers will inspect t']);
});

test('doubtWords: one wording of a doubtful "unique" for the columns, the claim table and its exports, the score as a percentage', async () => {
  const { doubtWords, percent } = await import('../../js/verdicts.js');
  assert.deepEqual(doubtWords('Herald', 'Wire', 0.342), {
    status: 'unique?',
    head: 'only in Herald? (Wire comes close)',
    detail: 'Unique as matched, but its closest sentence in Wire may state the same claim (score 34%): check it.',
  });
  assert.equal(percent(0.995), '100%');
});

test('verdictOf: speaker, shared, unmatched, other language, doubtful and unique are decided in that order', async () => {
  const { verdictOf, DOUBTFUL_MIN } = await import('../../js/verdicts.js');
  const close = { source: 1, sentence: 0, score: DOUBTFUL_MIN };
  const far = { source: 1, sentence: 0, score: DOUBTFUL_MIN - 0.01 };
  assert.equal(verdictOf({ role: 'speaker', support: 0, nearest: close }), 'speaker');
  assert.equal(verdictOf({ role: 'body', support: 2, nearest: null }, { apart: true, matched: false }), 'shared');
  assert.equal(verdictOf({ role: 'body', support: 0, nearest: close }, { apart: true, matched: false }), 'unmatched');
  assert.equal(verdictOf({ role: 'body', support: 0, nearest: close }, { apart: true }), 'other-language');
  assert.equal(verdictOf({ role: 'title', support: 0, nearest: close }), 'doubtful');
  assert.equal(verdictOf({ role: 'body', support: 0, nearest: far }), 'unique');
  assert.equal(verdictOf({ role: 'body', support: 0, nearest: null }), 'unique');
});
