#!/usr/bin/env node
// The extraction evaluation of issue 12 (`npm run eval:extract`; not part of `npm test`).
//
//   node scripts/extract-eval/run.mjs [--data DIR] [--refresh-peers] [--no-doc]
//
// On the 181 pages of Scrapinghub's article-extraction-benchmark (default
// ../shared/data/article-extraction-benchmark from the repository, or $EXTRACT_DATA):
//   1. captures each page's "pasted text" (Chromium's document.body.innerText, JavaScript off,
//      every request aborted) and its true headline (capture.mjs), cached per page;
//   2. runs the peers on the HTML, installed here for the evaluation only: trafilatura (a venv,
//      target/extract-eval/venv or $EXTRACT_VENV) and Readability.js with jsdom (npm --no-save
//      into target/extract-eval/peers); their outputs are cached (--refresh-peers runs them again);
//   3. runs storydiff's current pipeline (the built package, js/node.js: run `npm run build`
//      first, which `npm run eval:extract` does) on each pasted text;
//   4. scores each with the benchmark's metric (metric.mjs), writes every page's scores to
//      target/extract-eval/scores.json and the tables to docs/EXTRACTION.md, between its
//      `eval:begin` / `eval:end` markers (the rest of that file is written by hand and kept).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { capture, jsonLdHeadline, trueHeadline } from './capture.mjs';
import { aggregate, scorePage, titleRight } from './metric.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const DATA = resolve(option('--data') || process.env.EXTRACT_DATA || join(ROOT, '../shared/data/article-extraction-benchmark'));
const DATA_FALLBACK = '/work/shared/data/article-extraction-benchmark';
const data = existsSync(DATA) ? DATA : DATA_FALLBACK;
const OUT = join(ROOT, 'target/extract-eval');
const VENV = resolve(process.env.EXTRACT_VENV || join(OUT, 'venv'));
const PEERS = join(OUT, 'peers');
const log = (...m) => console.error(...m);

if (!existsSync(join(data, 'ground-truth.json'))) {
  log(`eval:extract: no benchmark at ${DATA} (give --data DIR or EXTRACT_DATA)`);
  process.exit(2);
}
const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8'));
const htmlDir = join(data, 'html');
const ids = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -8)).sort();
const readHtml = (id) => gunzipSync(readFileSync(join(htmlDir, `${id}.html.gz`))).toString('utf8');
mkdirSync(OUT, { recursive: true });

// --- peers, installed for the evaluation only ----------------------------------------------
const TRAFILATURA = ['trafilatura==2.3.1', 'lxml_html_clean==0.4.7'];
const READABILITY = ['@mozilla/readability@0.6.0', 'jsdom@29'];

function ensureVenv() {
  const py = join(VENV, 'bin/python');
  const ok = () => existsSync(py) && spawnSync(py, ['-c', 'import trafilatura'], { stdio: 'ignore' }).status === 0;
  if (ok()) return py;
  log(`eval:extract: creating ${VENV} with ${TRAFILATURA.join(' ')}`);
  if (!existsSync(py)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(py, ['-m', 'pip', 'install', '-q', ...TRAFILATURA], { stdio: 'inherit' });
  if (!ok()) throw new Error('trafilatura did not install');
  return py;
}

function ensureNodePeers() {
  const have = ['@mozilla/readability', 'jsdom'].every((p) => existsSync(join(PEERS, 'node_modules', p, 'package.json')));
  if (!have) {
    log(`eval:extract: installing ${READABILITY.join(' ')} into ${PEERS} (not saved to package.json)`);
    mkdirSync(PEERS, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS, ...READABILITY], { stdio: 'inherit' });
  }
  return createRequire(join(PEERS, 'peers.cjs'));
}

function cached(name, make) {
  const file = join(OUT, `${name}.json`);
  if (!flag('--refresh-peers') && existsSync(file)) {
    const got = JSON.parse(readFileSync(file, 'utf8'));
    if (ids.every((id) => got.pages[id])) return got;
  }
  const got = make();
  writeFileSync(file, JSON.stringify(got));
  return got;
}

function runTrafilatura() {
  const py = ensureVenv();
  log('eval:extract: trafilatura on the HTML');
  const res = spawnSync(py, [join(HERE, 'trafilatura_run.py'), htmlDir], { input: ids.join('\n'), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`trafilatura failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

function runReadability() {
  const require = ensureNodePeers();
  const { Readability } = require('@mozilla/readability');
  const { JSDOM, VirtualConsole } = require('jsdom');
  log('eval:extract: Readability.js (jsdom) on the HTML');
  const pages = {};
  for (const id of ids) {
    const t0 = performance.now();
    // No scripts run and no resources load: jsdom's defaults.
    const html = readHtml(id);
    const options = { url: truth[id].url, virtualConsole: new VirtualConsole() };
    let dom;
    let note = null;
    try {
      dom = new JSDOM(html, options);
    } catch (err) {
      // jsdom 29 throws on some stylesheets (a SCSS variable left in a calc()); Readability
      // reads no stylesheet (it drops <style> itself), so the page is parsed again without them.
      note = `jsdom threw (${err.message}); parsed again without <style> elements`;
      log(`  ${id.slice(0, 8)}: ${note}`);
      dom = new JSDOM(html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''), options);
    }
    let parsed = null;
    try {
      parsed = new Readability(dom.window.document).parse();
    } catch (err) {
      log(`  readability failed on ${id}: ${err.message}`);
    }
    pages[id] = { text: parsed?.textContent ?? '', title: parsed?.title ?? null, ms: performance.now() - t0, note };
    dom.window.close();
  }
  const version = require('@mozilla/readability/package.json').version;
  return { version, pages };
}

// --- storydiff --------------------------------------------------------------------------------
const SECOND = { name: 'other', text: 'A second source is needed to compare. It shares nothing with the page.' };

// Each page's kept text and removed spans go to target/extract-eval/storydiff/<id>.txt, for inspect.mjs.
export const REMOVED_MARK = '\n==== removed spans ====';

/**
 * storydiff on every page, each given as `input(id)` (`{ text }` or `{ html }`) beside the
 * placeholder; with `dir`, each page's kept text and removed spans are written there too.
 * Cleaning is per source, so the placeholder second source does not change the page's.
 */
async function runStorydiffOn(input, dir = null) {
  if (!existsSync(join(ROOT, 'pkg/storydiff_bg.wasm'))) {
    log('eval:extract: pkg/ is not built: run `npm run build` (or `npm run eval:extract`, which builds)');
    process.exit(2);
  }
  const { compare } = await import(pathToFileURL(join(ROOT, 'js/node.js')).href);
  if (dir) mkdirSync(dir, { recursive: true });
  const pages = {};
  for (const id of ids) {
    const t0 = performance.now();
    let source = null;
    let error = null;
    try {
      source = compare([{ name: id, ...input(id) }, SECOND], { kinds: [] }).sources[0];
    } catch (err) {
      error = err.message;
    }
    const ms = performance.now() - t0;
    const sentences = source ? source.sentences.filter((s) => s.role !== 'speaker') : [];
    const join_ = (ss) => ss.map((s) => s.text).join('\n');
    const kept = join_(sentences);
    const body = join_(sentences.filter((s) => s.role === 'body'));
    pages[id] = { text: kept, body, title: source?.title ?? null, error, ms, removed: source ? source.removed.length : 0 };
    if (dir) {
      const removed = source ? source.removed.map((r) => `[${r.reason}] ${r.text.replace(/\s+/g, ' ')}`).join('\n') : '';
      writeFileSync(join(dir, `${id}.txt`), `${source?.title ?? '(no title)'}\n\n${kept}\n${REMOVED_MARK}\n${error ?? removed}\n`);
    }
  }
  return { pages };
}

// --- scoring ----------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function main() {
  await capture(ids, htmlDir, join(OUT, 'capture'), log);
  const caps = Object.fromEntries(ids.map((id) => {
    const cap = JSON.parse(readFileSync(join(OUT, 'capture', `${id}.json`), 'utf8'));
    const { headline, from } = trueHeadline(cap);
    return [id, { ...cap, headline, headlineFrom: from }];
  }));
  writeFileSync(join(OUT, 'headlines.json'), JSON.stringify(Object.fromEntries(ids.map((id) => [id, { headline: caps[id].headline, from: caps[id].headlineFrom, url: truth[id].url }])), null, 1));
  const pastes = Object.fromEntries(ids.map((id) => [id, caps[id].text]));
  const traf = cached('trafilatura', runTrafilatura);
  const read = cached('readability', runReadability);
  log('eval:extract: storydiff on the pasted text');
  const sd = await runStorydiffOn((id) => ({ text: pastes[id] }), join(OUT, 'storydiff'));
  log('eval:extract: storydiff on the HTML');
  const sdHtml = await runStorydiffOn((id) => ({ html: readHtml(id) }));

  const systems = [
    { key: 'paste', label: 'Whole paste (innerText, no extraction)', input: 'pasted text', text: (id) => pastes[id], title: null },
    { key: 'storydiff', label: 'storydiff, kept sentences (title, captions, body)', input: 'pasted text', text: (id) => sd.pages[id].text, title: (id) => sd.pages[id].title },
    { key: 'storydiffBody', label: 'storydiff, body sentences only', input: 'pasted text', text: (id) => sd.pages[id].body, title: (id) => sd.pages[id].title },
    { key: 'storydiffHtml', label: 'storydiff, body sentences (the html module)', input: 'HTML', text: (id) => sdHtml.pages[id].body, title: (id) => sdHtml.pages[id].title },
    { key: 'storydiffHtmlKept', label: 'storydiff, kept sentences (title, captions, body; the html module)', input: 'HTML', text: (id) => sdHtml.pages[id].text, title: (id) => sdHtml.pages[id].title },
    { key: 'trafilatura', label: `trafilatura ${traf.version} (extract, defaults)`, input: 'HTML', text: (id) => traf.pages[id].text, title: (id) => traf.pages[id].title },
    { key: 'readability', label: `Readability.js ${read.version} + jsdom (textContent)`, input: 'HTML', text: (id) => read.pages[id].text, title: (id) => read.pages[id].title },
  ];
  const withHeadline = ids.filter((id) => caps[id].headline);
  // Every headline the page states of itself: its JSON-LD headline, og:title and first <h1>
  // often differ (an SEO headline, a site suffix), and each is the page's own.
  const anyHeadline = (cap) => [jsonLdHeadline(cap.jsonLd || []), cap.og, cap.h1].filter((h) => h && h.trim());
  const perPage = {};
  const table = [];
  for (const sys of systems) {
    const scores = ids.map((id) => scorePage(truth[id].articleBody, sys.text(id)));
    const agg = aggregate(scores);
    let headline = null;
    if (sys.title) {
      const right = withHeadline.filter((id) => titleRight(caps[id].headline, sys.title(id))).length;
      const rightAny = withHeadline.filter((id) => anyHeadline(caps[id]).some((h) => titleRight(h, sys.title(id)))).length;
      headline = { right, rightAny, of: withHeadline.length, share: right / withHeadline.length, shareAny: rightAny / withHeadline.length };
    }
    table.push({ ...sys, ...agg, headline });
    ids.forEach((id, i) => {
      perPage[id] ??= { url: truth[id].url, headline: caps[id].headline, headlineFrom: caps[id].headlineFrom, systems: {} };
      const s = scores[i];
      perPage[id].systems[sys.key] = {
        precision: s.precision, recall: s.recall, f1: s.f1, tp: s.tp, fp: s.fp, fn: s.fn,
        ...(sys.title ? { title: sys.title(id), titleRight: titleRight(caps[id].headline, sys.title(id)) } : {}),
      };
    });
  }
  const from = {};
  for (const id of ids) from[caps[id].headlineFrom] = (from[caps[id].headlineFrom] || 0) + 1;
  const sdMs = ids.map((id) => sd.pages[id].ms);
  const summary = {
    date: new Date().toISOString().slice(0, 10),
    pages: ids.length,
    headlineSources: from,
    storydiffMs: { median: median(sdMs), max: Math.max(...sdMs) },
    storydiffHtmlMs: { median: median(ids.map((id) => sdHtml.pages[id].ms)), max: Math.max(...ids.map((id) => sdHtml.pages[id].ms)) },
    storydiffHtmlErrors: ids.filter((id) => sdHtml.pages[id].error).map((id) => ({ id, error: sdHtml.pages[id].error })),
    storydiffErrors: ids.filter((id) => sd.pages[id].error).map((id) => ({ id, error: sd.pages[id].error })),
    table: table.map(({ key, label, input, precision, recall, f1, headline }) => ({ key, label, input, precision, recall, f1, headline })),
  };
  writeFileSync(join(OUT, 'scores.json'), JSON.stringify({ summary, pages: perPage }, null, 1));

  for (const r of table) {
    log(`${r.label.padEnd(55)} ${r.input.padEnd(12)} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F1=${r.f1.toFixed(3)}` +
      (r.headline ? `  headline ${r.headline.right}/${r.headline.of}` : ''));
  }
  if (!flag('--no-doc')) writeDoc(summary, perPage, ids);
}

const NOTES_FILE = join(HERE, 'worst-notes.json');
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const f3 = (x) => (x === null || x === undefined ? '–' : x.toFixed(3));

function writeDoc(summary, perPage) {
  const notes = existsSync(NOTES_FILE) ? JSON.parse(readFileSync(NOTES_FILE, 'utf8')) : {};
  const worst = Object.entries(perPage)
    .sort((a, b) => a[1].systems.storydiff.f1 - b[1].systems.storydiff.f1 || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10);
  const lines = [];
  lines.push(`Made by \`npm run eval:extract\` on ${summary.date}, ${summary.pages} pages.`, '');
  lines.push('| system | input | precision | recall | F1 | headline right (first of JSON-LD, og:title, h1) | headline right (any of them) |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of summary.table) {
    const h = r.headline ? `${pct(r.headline.share)} (${r.headline.right}/${r.headline.of})` : '–';
    const a = r.headline ? `${pct(r.headline.shareAny)} (${r.headline.rightAny}/${r.headline.of})` : '–';
    lines.push(`| ${r.label} | ${r.input} | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} | ${h} | ${a} |`);
  }
  const below = (key, x) => Object.values(perPage).filter((p) => p.systems[key].f1 < x).length;
  lines.push('', `Pages with F1 below 0.5 / below 0.8: ${summary.table.map((r) => `${r.key} ${below(r.key, 0.5)} / ${below(r.key, 0.8)}`).join('; ')}.`);
  const hs = Object.entries(summary.headlineSources).map(([k, v]) => `${k} ${v}`).join(', ');
  lines.push('', `True headlines (per page in \`target/extract-eval/headlines.json\`): ${hs}.`);
  lines.push(`storydiff per page from its HTML (read, extract and compare beside a one-line placeholder, in Node): median ${summary.storydiffHtmlMs.median.toFixed(1)} ms, max ${summary.storydiffHtmlMs.max.toFixed(1)} ms` +
    (summary.storydiffHtmlErrors.length ? `; refused ${summary.storydiffHtmlErrors.length} page(s)` : '; no page refused') + '.', '');
  lines.push(`storydiff per page (compare of the paste and a one-line placeholder, in Node): median ${summary.storydiffMs.median.toFixed(1)} ms, max ${summary.storydiffMs.max.toFixed(1)} ms` +
    (summary.storydiffErrors.length ? `; refused ${summary.storydiffErrors.length} page(s): ${summary.storydiffErrors.map((e) => `${e.id.slice(0, 8)} (${e.error})`).join('; ')}` : '; no page refused') + '.');
  lines.push('', '### The 10 worst pages for storydiff (pasted text)', '');
  lines.push('| page | site | P | R | F1 | why |', '| --- | --- | --- | --- | --- | --- |');
  for (const [id, p] of worst) {
    const s = p.systems.storydiff;
    const host = new URL(p.url).hostname.replace(/^www\./, '');
    lines.push(`| \`${id.slice(0, 8)}\` | ${host} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${notes[id] || '(not looked at yet)'} |`);
  }
  const docFile = join(ROOT, 'docs/EXTRACTION.md');
  const begin = '<!-- eval:begin (written by scripts/extract-eval/run.mjs) -->';
  const end = '<!-- eval:end -->';
  const generated = `${begin}\n${lines.join('\n')}\n${end}`;
  let doc = existsSync(docFile) ? readFileSync(docFile, 'utf8') : `# Article extraction\n\n${begin}\n${end}\n`;
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  doc = a >= 0 && b > a ? doc.slice(0, a) + generated + doc.slice(b + end.length) : `${doc}\n${generated}\n`;
  writeFileSync(docFile, doc);
  log(`eval:extract: wrote ${docFile} and ${join(OUT, 'scores.json')}`);
}

await main();
