// Step a (and the true headlines of step d): loads each benchmark page into Debian's Chromium
// with JavaScript off and every request aborted, and records
//   - `text`: document.body.innerText, the "pasted text" (what select-all + copy gives, near
//     enough: innerText is the rendered text the clipboard's text/plain carries);
//   - `headline`: the page's true headline for the headline score: the JSON-LD headline of an
//     Article (NewsArticle, BlogPosting, any *Article type, also inside @graph), else og:title,
//     else the first <h1>'s text; `headlineFrom` says which.
// Results are cached one JSON file per page under target/extract-eval/capture/ (the text and
// the raw JSON-LD blocks, og:title and first <h1>; trueHeadline picks from them), so a re-run
// only loads the pages not captured yet.
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', pound: '£', euro: '€' };

/** Character references left in JSON-LD strings (some sites encode their headline twice). */
export function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, ref) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return NAMED[ref] ?? all;
  });
}

const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();

/** The true headline of a captured page and where it came from: json-ld, og:title, h1 or none. */
export function trueHeadline(cap) {
  const ld = jsonLdHeadline(cap.jsonLd || []);
  if (ld) return { headline: squash(decodeEntities(ld)), from: 'json-ld' };
  if (squash(cap.og)) return { headline: squash(cap.og), from: 'og:title' };
  if (squash(cap.h1)) return { headline: squash(cap.h1), from: 'h1' };
  return { headline: null, from: 'none' };
}

/** The JSON-LD headline of the first Article-like node, or null. */
export function jsonLdHeadline(blocks) {
  const isArticle = (t) => (Array.isArray(t) ? t : [t]).some(
    (x) => typeof x === 'string' && (/Article$/.test(x) || /BlogPosting$/.test(x)));
  const nodes = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      nodes.push(v);
      if (v['@graph']) walk(v['@graph']);
      if (v.mainEntity) walk(v.mainEntity);
    }
  };
  for (const raw of blocks) {
    try {
      walk(JSON.parse(raw));
    } catch {
      // A page's broken JSON-LD (trailing commas, raw newlines in strings) is skipped.
    }
  }
  for (const n of nodes) {
    if (isArticle(n['@type']) && typeof n.headline === 'string' && n.headline.trim()) return n.headline.trim();
  }
  return null;
}

export async function capture(ids, htmlDir, cacheDir, log = () => {}) {
  mkdirSync(cacheDir, { recursive: true });
  const todo = ids.filter((id) => !existsSync(join(cacheDir, `${id}.json`)));
  if (todo.length === 0) return;
  log(`capture: ${todo.length} page(s) in Chromium (JavaScript off, no network)`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => route.abort());
    for (const id of todo) {
      const html = gunzipSync(readFileSync(join(htmlDir, `${id}.html.gz`))).toString('utf8');
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        const got = await page.evaluate(() => {
          const meta = document.querySelector('meta[property="og:title"], meta[name="og:title"]');
          const h1 = document.querySelector('h1');
          return {
            text: document.body ? document.body.innerText : '',
            jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
            og: meta ? meta.getAttribute('content') : null,
            h1: h1 ? h1.innerText || h1.textContent : null,
          };
        });
        writeFileSync(join(cacheDir, `${id}.json`), JSON.stringify({ id, ...got }));
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}
