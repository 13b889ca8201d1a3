// Web pages through the JS API (js/node.js): { name, html }, a text that is a whole HTML
// document, the page fields of the report, and the errors of the HTML path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compare, loadHtml } from '../../js/node.js';
import { isHtmlDocument } from '../../js/validate.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
const PAGE = fixture('valley.html');
const WIRE = { name: 'wire', text: fixture('wire.txt') };
const BODY = [
  'The river rose two metres overnight and the old bridge was closed to traffic on Monday.',
  'Engineers said the structure would be inspected before it reopens, which could take a week.',
  'Residents were asked to use the ferry, which will run every hour until further notice.',
];

/** Checks that every offset of source `s` indexes the text its report gives (`source.text`). */
function assertOffsetsIndexPageText(s) {
  for (const x of [...s.sentences, ...s.removed]) assert.equal(s.text.slice(x.start, x.end), x.text);
}

test('{ name, html }: the article of a web page is compared, with its metadata', () => {
  const r = compare([{ name: 'valley', html: PAGE }, WIRE]);
  const [page, wire] = r.sources;
  assert.equal(page.format, 'html');
  assert.equal(page.title, 'Flood closes bridge');
  assert.equal(page.outlet, 'Valley News');
  assert.deepEqual(page.authors, ['Ann Lee']);
  assert.equal(page.published, '2024-03-05');
  assert.equal(page.datetime, '2024-03-05T08:30:00+01:00');
  assert.equal(page.url, 'https://valley.example/news/flood-bridge');
  assert.equal(page.lang, 'en');
  assert.deepEqual(page.sentences.filter((x) => x.role === 'body').map((x) => x.text), BODY);
  assert.equal(page.sentences[1].support, 1, 'the first body sentence is shared with the wire');
  // The page chrome is removed with reasons, the comments and teasers too.
  const reasons = new Set(page.removed.map((x) => x.reason));
  for (const reason of ['navigation', 'comments', 'boilerplate']) assert.ok(reasons.has(reason), reason);
  assert.ok(!page.sentences.some((x) => /bridge years ago|Mayor resigns/.test(x.text)));
  // The text source beside it is unchanged: its offsets index its input.
  assert.equal(wire.format, 'text');
  assert.equal(wire.text, null);
});

test('a web page\'s offsets index source.text, its visible text, which holds no markup', () => {
  const page = compare([{ name: 'valley', html: PAGE }, WIRE]).sources[0];
  assert.equal(typeof page.text, 'string');
  assert.doesNotMatch(page.text, /<|ld\+json|NewsArticle/);
  assertOffsetsIndexPageText(page);
});

test('a text that is a whole HTML document is read as a web page', () => {
  const byText = compare([{ name: 'valley', text: PAGE }, WIRE]);
  const byHtml = compare([{ name: 'valley', html: PAGE }, WIRE]);
  assert.equal(byText.sources[0].format, 'html');
  assert.deepEqual(byText.sources[0], byHtml.sources[0]);
});

test('text that only quotes a tag or two stays text', () => {
  const quoting = { name: 'quoting', text: 'The <body> tag holds the page. Engineers said the bridge was closed on Monday.' };
  assert.equal(isHtmlDocument(quoting.text), false);
  const r = compare([quoting, WIRE]);
  assert.equal(r.sources[0].format, 'text');
});

test('the detection follows the engine\'s rule', () => {
  for (const yes of ['<!DOCTYPE html><p>x</p>', '\uFEFF  <HTML><p>x</p>', '<div>x</div><body><p>y</p></body>', '\n<meta charset="utf-8"><head></head>']) {
    assert.equal(isHtmlDocument(yes), true, yes);
  }
  for (const no of ['<p>x</p>', 'Some text <body>', `<p>${'x'.repeat(2100)}</p><body>`, '']) {
    assert.equal(isHtmlDocument(no), false, no.slice(0, 30));
  }
});

test('a fragment given as html (what a browser copies) is read as a web page', () => {
  const fragment = `<meta charset="utf-8"><h1>Flood closes bridge</h1><p>${BODY[0]}</p><p>${BODY[1]}</p>`;
  const page = compare([{ name: 'copied', html: fragment }, WIRE]).sources[0];
  assert.equal(page.format, 'html');
  assert.equal(page.title, 'Flood closes bridge');
  assert.deepEqual(page.sentences.filter((x) => x.role === 'body').map((x) => x.text), BODY.slice(0, 2));
  assertOffsetsIndexPageText(page);
});

test('html errors: empty, not a string, and both text and html', () => {
  assert.throws(() => compare([{ name: 'blank', html: ' \n ' }, WIRE]), { name: 'Error', message: 'source "blank" is empty' });
  assert.throws(() => compare([{ name: 'n', html: 42 }, WIRE]), { name: 'TypeError', message: /sources\[0\]\.html must be a string/ });
  assert.throws(() => compare([{ name: 'both', text: 'x', html: '<p>x</p>' }, WIRE]), { name: 'TypeError', message: /has both text and html/ });
});

test('loadHtml resolves in Node (the HTML build is loaded on demand anyway)', async () => {
  await loadHtml();
});

test('the core module alone refuses a web page with a clear message', async () => {
  // What a build without pkg/html/ would say: the core (pkg/) reads text only.
  const glue = await import('../../pkg/storydiff.js');
  glue.initSync({ module: readFileSync(new URL('../../pkg/storydiff_bg.wasm', import.meta.url)) });
  assert.throws(() => glue.compareTape([{ name: 'valley', html: PAGE }, WIRE]), (err) => {
    assert.match(String(err.message ?? err), /source "valley" is HTML, and this build of storydiff reads text only/);
    return true;
  });
});
