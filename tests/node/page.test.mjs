// The page and the element, without a browser: article text never goes in as HTML, the page
// ships a CSP, and the put-back rebuild (rebuildText) keeps offsets straight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { thousands } from '../../js/dom.js';
import { rebuildText } from '../../js/element.js';
import { compare } from '../../js/node.js';
import { ROOT, loadSeeds } from './helpers.mjs';

const read = (f) => readFileSync(join(ROOT, f), 'utf8');

// Every script of the page and the package: www/*.js and js/**/*.js (the element's modules too).
const scripts = (dir) => readdirSync(join(ROOT, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));

test('no HTML sinks in the page or the element: text goes in as text', () => {
  const files = [...scripts('www'), ...scripts('js')];
  assert.ok(files.includes('js/element.js') && files.includes('www/app.js'));
  for (const file of files) {
    const src = read(file).replace(/^\s*\/\/.*$/gm, '');
    for (const sink of [/\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /createContextualFragment/, /setHTMLUnsafe/, /parseHTMLUnsafe/]) {
      assert.doesNotMatch(src, sink, `${file} uses ${sink}`);
    }
  }
});

test('the page ships a Content-Security-Policy that allows only its own scripts and wasm', () => {
  const html = read('www/index.html');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(m, 'a CSP meta tag');
  const csp = m[1];
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  assert.doesNotMatch(csp, /'unsafe-(inline|eval)'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('the page loads its scripts as one bundle that holds every module app.js imports', () => {
  const html = read('www/index.html');
  const scriptsLoaded = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scriptsLoaded, ['../build/app.js'], 'one script: the bundle scripts/bundle.mjs makes of www/app.js');
  assert.doesNotMatch(html, /rel="modulepreload"/, 'nothing to preload: the bundle is one file');
  // The static imports of app.js, followed through every module (dynamic import() is left out).
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)) {
      walk(relative(ROOT, join(ROOT, dirname(file), m[1] ?? m[2])));
    }
  };
  walk('www/app.js');
  assert.ok(seen.has('js/element.js') && seen.has('js/element/engine.js'), 'app.js imports the element');
  let meta;
  try {
    meta = JSON.parse(read('build/meta.json'));
  } catch {
    assert.fail('build/meta.json is missing: run bash scripts/build.sh (or node scripts/bundle.mjs)');
  }
  const missing = [...seen].filter((f) => !(f in meta.inputs));
  assert.deepEqual(missing, [], 'modules imported by app.js but not in the bundle');
  assert.ok('build/worker.js' in meta.outputs && 'build/seeds.json' in meta.outputs, 'the worker and the seeds are built too');
});

test('thousands: word counts read with commas between thousands, as in English', () => {
  const cases = [[0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [12345, '12,345'], [1234567, '1,234,567'], [1000000000, '1,000,000,000']];
  for (const [n, text] of cases) assert.equal(thousands(n), text);
});

test('rebuildText: a put-back span stands as its own paragraph; offsets map back', () => {
  const text = 'Rain fell on Monday. Read more: subscribe now\nRoads were closed.';
  const start = text.indexOf('Read more');
  const end = text.indexOf('\nRoads');
  const { text: out, places, segments } = rebuildText(text, [[start, end]]);
  assert.equal(places.length, 1);
  const [p] = places;
  assert.equal(out.slice(p.start, p.end), 'Read more: subscribe now.', 'the span, with a period');
  assert.equal(p.text, text.slice(start, end));
  assert.ok(out.slice(0, p.start).endsWith('\n\n') && out.slice(p.end).startsWith('\n\n'), 'its own paragraph');
  // Text outside the span maps back to the same characters of the original.
  for (const seg of segments) assert.equal(out.slice(seg.from, seg.to), text.slice(seg.orig, seg.orig + (seg.to - seg.from)));
  assert.equal(rebuildText(text, []).text, text, 'nothing restored: the text as it was');
  assert.equal(rebuildText(text, [[5, 2], [-1, 3], [0, 999]]).text, text, 'bad spans are ignored');
});

test('a put-back span of a seed is compared as article text (or left for the view to show)', () => {
  const seeds = loadSeeds();
  const before = compare(seeds);
  const k = before.sources.findIndex((s) => s.removed.some((r) => r.reason === 'navigation' || r.reason === 'boilerplate'));
  assert.ok(k >= 0, 'a seed with removed chrome');
  const span = before.sources[k].removed.find((r) => r.reason === 'navigation' || r.reason === 'boilerplate');
  const rebuilt = rebuildText(seeds[k].text, [[span.start, span.end]]);
  const inputs = seeds.map((s, i) => (i === k ? { name: s.name, text: rebuilt.text } : s));
  const after = compare(inputs);
  const [p] = rebuilt.places;
  const kept = after.sources[k].sentences.filter((s) => s.start < p.end && s.end > p.start);
  const removedAgain = after.sources[k].removed.filter((r) => r.start < p.end && r.end > p.start);
  // Either way the element shows it: as compared sentences, or as "put back, not compared".
  assert.ok(kept.length > 0 || removedAgain.length > 0, 'the span is read again');
  assert.equal(after.sources.length, seeds.length);
});
