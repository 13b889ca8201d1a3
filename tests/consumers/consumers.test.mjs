// The npm package, used three ways from the tarball `npm pack` makes:
//   1. Node 20+: `import { compare } from 'storydiff'`, and TypeScript type-checks a consumer
//      against the shipped types (and rejects a wrong one);
//   2. a plain static page importing the ES module with no bundler, under a strict CSP: three
//      <story-diff> elements fed by child elements, by property and by a URL list, styled by
//      custom properties and ::part(), firing `select`;
//   3. a Vite 7 app (no plugins) that installs the tarball, built and served from dist/.
// Each matches with the sentence vectors the tarball carries (report.matching is 'semantic').
// The pages run in Debian's Chromium (playwright-core). Only the npm registry is used (for vite).
//
//   node --test tests/consumers/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticHandler } from '../../scripts/static.mjs';
import { ROOT, launch, watchProblems } from '../e2e/lib.mjs';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules/.bin/tsc');

const WIRE = 'Capital Wire\n\nRain fell on Paris on Monday. Officials said roads were closed.\n\nThe mayor thanked volunteers for their work.';
const PAPER = 'Daily Paper\n\nRain fell on Paris on Monday. A museum shut its doors early.\n\nThe mayor thanked volunteers for their work.';

let dir;
let tarball;
let browser;

function npm(args, cwd) {
  const r = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function app(name, files) {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(d, file, '..'), { recursive: true });
    writeFileSync(join(d, file), text);
  }
  return d;
}

/** Serves `root` on 127.0.0.1 (any free port) with the page server's handler; records request paths. */
async function serve(root) {
  const handle = staticHandler(root);
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(new URL(req.url, 'http://localhost').pathname);
    handle(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Opens a page, waits for every <story-diff> to settle, returns facts and collected problems. */
async function visit(url, { wait = 'story-diff' } = {}) {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  await page.waitForFunction((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((e) => ['ready', 'error', 'empty'].includes(e.getAttribute('state')));
  }, wait, { timeout: 60_000 });
  return { page, problems };
}

const elementFacts = () => [...document.querySelectorAll('story-diff')].map((el) => ({
  id: el.id,
  state: el.getAttribute('state'),
  sentences: el.shadowRoot.querySelectorAll('.sentences .sentence').length,
  shared: el.shadowRoot.querySelectorAll('.sentence.shared').length,
  unique: el.shadowRoot.querySelectorAll('.sentence.unique').length,
  names: el.report ? el.report.sources.map((s) => s.name) : [],
}));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'storydiff-consumers-'));
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const info = JSON.parse(out.slice(out.indexOf('[')));
  tarball = join(dir, info[0].filename);
  browser = await launch();
});

after(async () => {
  await browser?.close().catch(() => {});
  if (dir && !process.env.STORYDIFF_KEEP_CONSUMERS) rmSync(dir, { recursive: true, force: true });
});

test('Node 20+: import { compare } from "storydiff" (installed from the tarball)', () => {
  const d = app('node-app', {
    'package.json': JSON.stringify({ name: 'node-consumer', private: true, type: 'module' }),
    'main.js': [
      "import { compare, compareJson, matching, REPORT_VERSION } from 'storydiff';",
      "await import('storydiff/element');", // importable in Node too (defines nothing without a DOM)
      `const sources = [{ name: 'wire', text: ${JSON.stringify(WIRE)} }, { name: 'paper', text: ${JSON.stringify(PAPER)} }];`,
      'const report = compare(sources);',
      'const kinds = report.matches.map((m) => m.kind);',
      // A web page: read by the HTML build the tarball ships (pkg/html/).
      `const page = compare([{ name: 'page', html: ${JSON.stringify(`<!doctype html><html lang="en"><body><nav><a href="/">Home</a></nav><article><h1>Rain in Paris</h1><p>${WIRE}</p></article></body></html>`)} }, sources[1]]).sources[0];`,
      'console.log(JSON.stringify({ version: REPORT_VERSION, matching, reportMatching: report.matching, sources: report.sources.length, kinds, json: JSON.parse(compareJson(sources)).matches.length, page: [page.format, page.lang, page.title] }));',
    ].join('\n'),
  });
  npm(['install', tarball, '--no-package-lock'], d);
  const r = spawnSync(process.execPath, ['main.js'], { cwd: d, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'no warning: the tarball carries the sentence vectors');
  const got = JSON.parse(r.stdout);
  assert.equal(got.version, 1);
  assert.equal(got.matching, 'semantic');
  assert.equal(got.reportMatching, 'semantic');
  assert.equal(got.sources, 2);
  assert.ok(got.kinds.includes('identical'), `an identical match: ${got.kinds}`);
  assert.equal(got.json, got.kinds.length);
  assert.deepEqual(got.page, ['html', 'en', 'Rain in Paris'], 'a web page is read by the shipped HTML build');
});

test('TypeScript: the shipped types check a consumer of the API, the report and the element', () => {
  const d = join(dir, 'node-app');
  writeFileSync(join(d, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
    files: ['good.ts'],
  }));
  writeFileSync(join(d, 'good.ts'), [
    "import { compare, compareJson, loadHtml, matching, REPORT_VERSION, type Report, type Match, type Kind, type Quote, type Matching, type Nearest, type Format, type SourceInput } from 'storydiff';",
    "import type { StoryDiffElement, SelectDetail, ElementSource } from 'storydiff/element';",
    "import { decodeTape } from 'storydiff/tape';",
    "const report: Report = compare([{ name: 'a', text: 'One. Two.' }, { name: 'b', text: 'One. Three.' }], { kinds: ['identical'], minScore: 0.5 });",
    'const first: Match | undefined = report.matches[0];',
    'const kinds: Kind[] = report.matches.map((m) => m.kind);',
    'const quotes: Quote[] = report.quotes;',
    'const support: number = report.sources[0].sentences[0].support;',
    'const group: number | null = report.sources[0].sentences[0].group;',
    'const ran: Matching = report.matching;',
    'const loaded: Matching = matching;',
    'const near: Nearest | null = report.sources[0].sentences[0].nearest;',
    'const polarity: boolean = report.matches.some((m) => m.conflicts.some((c) => c.kind === "polarity"));',
    'const json: string = compareJson([]);',
    "const decoded: Report = decodeTape(new Uint32Array(), new Float64Array(), '');",
    'const v: 1 = REPORT_VERSION;',
    "const inputs: SourceInput[] = [{ name: 'page', html: '<p>One.</p>' }, { name: 'b', text: 'One.' }];",
    'const format: Format = report.sources[0].format;',
    'const pageText: string | null = report.sources[0].text;',
    'const pageFields: (string | null)[] = [report.sources[0].url, report.sources[0].lang, report.sources[0].datetime];',
    'const loading: Promise<void> = loadHtml();',
    'export function wire(el: StoryDiffElement): void {',
    "  const sources: ElementSource[] = [{ name: 'x', text: 'y', restored: [[0, 1]] }];",
    '  el.sources = sources;',
    "  el.addEventListener('select', (e) => { const d: SelectDetail = e.detail; console.log(d.counterparts.length, d.kind, d.nearest?.score); });",
    "  el.addEventListener('report', (e) => console.log(e.detail.report.version, e.detail.ms));",
    '  el.select(0, 1);',
    '  const html: string = el.exportHTML();',
    '  console.log(html.length);',
    '}',
    "const created: StoryDiffElement = document.createElement('story-diff');",
    'console.log(first, kinds, quotes, support, group, ran, loaded, near, polarity, json, decoded, v, created, inputs, format, pageText, pageFields, loading);',
  ].join('\n'));
  const good = spawnSync(TSC, ['-p', 'tsconfig.json'], { cwd: d, encoding: 'utf8' });
  assert.equal(good.status, 0, `tsc rejected the good consumer:\n${good.stdout}${good.stderr}`);
  writeFileSync(join(d, 'tsconfig.bad.json'), JSON.stringify({
    extends: './tsconfig.json',
    files: ['bad.ts'],
  }));
  writeFileSync(join(d, 'bad.ts'), [
    "import { compare } from 'storydiff';",
    "const report = compare([{ name: 'a', text: 'x' }], { kinds: ['similar'] });",
    'console.log(report.sources[0].headline);',
    "const m: 'fuzzy' = report.matching;",
    "compare([{ name: 'both', text: 'x', htmlx: '<p>y</p>' }, { name: 'b', text: 'y' }]);",
  ].join('\n'));
  const bad = spawnSync(TSC, ['-p', 'tsconfig.bad.json'], { cwd: d, encoding: 'utf8' });
  assert.notEqual(bad.status, 0, 'tsc accepted a wrong consumer');
  assert.match(bad.stdout + bad.stderr, /similar/);
  assert.match(bad.stdout + bad.stderr, /headline/);
  assert.match(bad.stdout + bad.stderr, /fuzzy/);
  assert.match(bad.stdout + bad.stderr, /htmlx/);
});

test('a plain static page (no bundler, strict CSP) renders <story-diff> from children, a property and a URL list', async () => {
  const d = app('plain', {
    'package.json': JSON.stringify({ name: 'plain-consumer', private: true }),
    'index.html': `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:">
<title>plain consumer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="page.css">
<script type="module" src="main.js"></script>
</head>
<body>
<h1>Plain page</h1>
<story-diff id="kids">
  <article name="Capital Wire"><p>Rain fell on Paris on Monday. Officials said roads were closed.</p><p>The mayor thanked volunteers for their work.</p></article>
  <article name="Daily Paper"><p>Rain fell on Paris on Monday. A museum shut its doors early.</p><p>The mayor thanked volunteers for their work.</p></article>
</story-diff>
<story-diff id="prop"></story-diff>
<story-diff id="urls" src="articles/wire.txt articles/paper.txt"></story-diff>
</body>
</html>
`,
    'page.css': '#prop { --storydiff-level-4: rgb(200, 230, 201); --storydiff-height: 30rem; }\nstory-diff::part(sentence) { letter-spacing: 1px; }\n',
    'main.js': [
      "import './node_modules/storydiff/js/element.js';",
      'window.selects = [];',
      "document.addEventListener('select', (e) => { if (e.target.localName === 'story-diff') window.selects.push({ id: e.target.id, ...e.detail }); });",
      `document.getElementById('prop').sources = [{ name: 'wire', text: ${JSON.stringify(WIRE)} }, { name: 'paper', text: ${JSON.stringify(PAPER)} }];`,
    ].join('\n'),
    'articles/wire.txt': WIRE,
    'articles/paper.txt': PAPER,
  });
  npm(['install', tarball, '--no-package-lock'], d);
  const server = await serve(d);
  try {
    const { page, problems } = await visit(server.url);
    const facts = await page.evaluate(elementFacts);
    for (const f of facts) {
      assert.equal(f.state, 'ready', `${f.id}: ${JSON.stringify(f)}`);
      assert.ok(f.sentences >= 4 && f.shared >= 2 && f.unique >= 1, `${f.id} renders shared and unique sentences: ${JSON.stringify(f)}`);
    }
    assert.deepEqual(facts.find((f) => f.id === 'kids').names, ['Capital Wire', 'Daily Paper'], 'names from the child elements');
    assert.deepEqual(facts.find((f) => f.id === 'urls').names, ['wire.txt', 'paper.txt'], 'names from the URL list');
    const style = await page.evaluate(() => {
      const n = document.getElementById('prop').shadowRoot.querySelector('.sentence.shared');
      return { bg: getComputedStyle(n).backgroundColor, spacing: getComputedStyle(n).letterSpacing };
    });
    assert.equal(style.bg, 'rgb(200, 230, 201)', 'a CSS custom property styles the shading');
    assert.equal(style.spacing, '1px', '::part(sentence) reaches the sentences');
    await page.locator('#prop .sentence.shared').first().click();
    const selects = await page.evaluate(() => window.selects);
    assert.equal(selects.length, 1);
    assert.equal(selects[0].id, 'prop');
    assert.ok(selects[0].counterparts.length >= 1 && typeof selects[0].text === 'string', JSON.stringify(selects[0]));
    assert.ok(server.requests.some((p) => p.endsWith('/js/worker.js')), 'the comparison ran in the worker');
    const matchings = await page.evaluate(() => [...document.querySelectorAll('story-diff')].map((e) => e.report.matching));
    assert.deepEqual(matchings, ['semantic', 'semantic', 'semantic'], 'every element matched with the sentence vectors');
    assert.equal(server.requests.filter((p) => p.endsWith('/vectors/minilm-static.bin')).length, 1, 'the vectors were fetched once for the three elements');
    assert.deepEqual(problems, [], 'no console errors, page errors or failed requests (CSP included)');
    await page.close();
  } finally {
    await server.close();
  }
});

test('a Vite 7 app (no plugins) installing the npm pack tarball renders <story-diff>', { timeout: 300_000 }, async () => {
  const d = app('vite-app', {
    'package.json': JSON.stringify({ name: 'vite-consumer', private: true, type: 'module', scripts: { build: 'vite build' } }),
    'index.html': `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>vite consumer</title><link rel="icon" href="data:,"></head>
<body><h1>Vite app</h1><story-diff id="view"></story-diff><script type="module" src="/main.js"></script></body>
</html>
`,
    'main.js': [
      "import 'storydiff/element';",
      'window.selects = [];',
      "const view = document.getElementById('view');",
      "view.addEventListener('select', (e) => window.selects.push(e.detail));",
      `view.sources = [{ name: 'wire', text: ${JSON.stringify(WIRE)} }, { name: 'paper', text: ${JSON.stringify(PAPER)} }];`,
    ].join('\n'),
  });
  npm(['install', tarball, 'vite@7', '--no-package-lock'], d);
  const build = spawnSync(process.execPath, [join(d, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: d, encoding: 'utf8' });
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
  const assets = readdirSync(join(d, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is emitted: ${assets}`);
  assert.ok(assets.some((f) => /^worker.*\.js$/.test(f)), `the worker is bundled: ${assets}`);
  assert.ok(assets.some((f) => /^minilm-static.*\.bin$/.test(f)), `the sentence vectors are emitted: ${assets}`);
  const server = await serve(join(d, 'dist'));
  try {
    const { page, problems } = await visit(server.url);
    const [f] = await page.evaluate(elementFacts);
    assert.equal(f.state, 'ready', JSON.stringify(f));
    assert.ok(f.sentences >= 4 && f.shared >= 2 && f.unique >= 1, JSON.stringify(f));
    assert.equal(await page.evaluate(() => document.getElementById('view').report.matching), 'semantic', 'matched with the sentence vectors');
    assert.ok(server.requests.some((p) => /\/assets\/minilm-static.*\.bin$/.test(p)), `the vectors were fetched: ${server.requests}`);
    await page.locator('#view .sentence.shared').first().click();
    const selects = await page.evaluate(() => window.selects);
    assert.ok(selects.length === 1 && selects[0].counterparts.length >= 1, JSON.stringify(selects));
    assert.ok(server.requests.some((p) => /\/assets\/worker.*\.js$/.test(p)), `the worker ran: ${server.requests}`);
    assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
    await page.close();
  } finally {
    await server.close();
  }
});
