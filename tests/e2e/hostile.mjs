// Hostile input in the page, in Chromium:
//
// 1. XSS: articles (and article names) made of a known XSS vector list (tests/e2e/fixtures/
//    xss-vectors.txt: <script>, <img onerror>, javascript: links, SVG, iframes, entities, …) are
//    pasted, compared, focused, summarised, put back and exported. The browser context bypasses
//    the page's Content-Security-Policy, so the CSP cannot hide an HTML insertion: the test fails
//    if any script runs (alert/confirm/prompt or the vectors' own hook are called, a dialog
//    opens, a javascript: URL is navigated) or if any vector became an element.
// 2. A crashed worker: the worker script is replaced by one that throws; the page shows an
//    error with a Retry button, the pasted articles are still there after a reload, and Retry
//    with a working worker compares them.
// 3. A source named "internal error x": its ordinary error (empty, not text) is not taken for a
//    crash of the engine, by the worker or by the element.
//
//   node tests/e2e/hostile.mjs

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, ownSeeds, runBrowserTest, waitReady, waitSettled, pasteArticle } from './lib.mjs';

const vectors = readFileSync(join(ROOT, 'tests/e2e/fixtures/xss-vectors.txt'), 'utf8').split('\n').filter((l) => l.trim());

// Article A: the vectors as paragraphs, in a byline, a headline, quotes and boilerplate; B shares
// some of those sentences (so they show up in matches, diffs, groups and quotations).
const articleA = [
  'Vector News',
  `Trump <img src=x onerror=alert(1)> receptive to contact with Kim <script>alert(1)</script>`,
  'By <script>alert(1)</script> Smith and <img src=x onerror=window.top.__xssHit("byline")> Jones',
  'Subscribe to our newsletter <img src=x onerror=alert(1)> for more stories.',
  ...vectors.map((v, i) => `Report ${i + 1} says the officials met on Monday and saw ${v} in the letter.`),
  '“The president remains receptive <script>alert(1)</script> to correspondence,” Karoline <img src=x onerror=alert(1)> Leavitt told reporters.',
  'Copyright 2025 <a href="javascript:alert(1)">Vector News</a>. All rights reserved.',
].join('\n\n');
const articleB = [
  'Other Wire',
  ...vectors.filter((_, i) => i % 3 === 0).map((v, i) => `Report ${i * 3 + 1} says the officials met on Tuesday and saw ${v} in that letter.`),
  '“The president remains receptive <script>alert(1)</script> to correspondence,” Leavitt <svg onload=alert(1)> said on Wednesday.',
  'Zebras <iframe src="javascript:alert(1)"></iframe> grazed by the river.',
].join('\n\n');

// Installed before any page script: every way a vector could run reports here.
function trap() {
  window.__xss = [];
  const hit = (what) => (...args) => { window.__xss.push(`${what}(${args.map(String).join(',')})`); };
  window.alert = hit('alert');
  window.confirm = hit('confirm');
  window.prompt = hit('prompt');
  window.print = hit('print');
  window.__xssHit = hit('hook');
}

// The elements the view itself creates (<wbr>: the break opportunities in the heatmap's names).
const ALLOWED = new Set(['div', 'section', 'header', 'p', 'span', 'h2', 'h3', 'details', 'summary', 'ol', 'ul', 'li', 'button', 'input', 'select', 'option', 'label', 'fieldset', 'legend', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'ins', 'del', 'mark', 'q', 'blockquote', 'article', 'style', 'wbr']);

await runBrowserTest('hostile', 300, async ({ url, browser, check }) => {
  // --- 1. XSS ------------------------------------------------------------------------------------------------
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, acceptDownloads: true });
  await ctx.addInitScript(trap);
  const page = await ctx.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const jsNavigations = [];
  page.on('framenavigated', (frame) => { if (/^javascript:/i.test(frame.url())) jsNavigations.push(frame.url()); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await waitSettled(page);
  check(vectors.length >= 80, `the XSS vector list is loaded (${vectors.length} vectors)`);

  // Start from no articles: remove the seeds, then paste the two hostile ones through the dialog.
  await page.evaluate(() => localStorage.setItem('storydiff:articles:v1', JSON.stringify({ version: 1, sources: [] })));
  await page.reload();
  await waitSettled(page);
  for (const [name, text] of [['<img src=x onerror=alert(1)>.txt', articleA], ['<script>alert(1)</script>', articleB]]) {
    await pasteArticle(page, name, text);
  }
  await waitReady(page);
  const n = await page.evaluate(() => document.querySelector('story-diff').report.sources.length);
  check(n === 2, 'both hostile articles are compared', String(n));

  // Rename one to another vector.
  await page.click('#sources-panel summary');
  await page.fill('#source-list li:nth-child(2) .source-name', '<svg/onload=alert("rename")>');
  await page.press('#source-list li:nth-child(2) .source-name', 'Enter');
  await page.waitForFunction(() => document.querySelector('story-diff').report?.sources[1]?.name === '<svg/onload=alert("rename")>', null, { timeout: 30_000 });
  await waitReady(page);

  // Walk everything that renders article text: every sentence focused (panel, diffs, conflicts),
  // every summary tab, every removed-span list opened, a span put back.
  const count = await page.evaluate(() => document.querySelector('story-diff').report.sources.map((s) => s.sentences.length));
  for (let s = 0; s < count.length; s++) {
    for (let j = 0; j < count[s]; j++) await page.evaluate(([a, b]) => document.querySelector('story-diff').select(a, b), [s, j]);
  }
  for (const tab of ['only', 'quotes', 'conflicts', 'similarity']) await page.locator(`story-diff #tab-${tab}`).click();
  await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const putBack = await page.evaluate(() => !!document.querySelector('story-diff').shadowRoot.querySelector('.put-back'));
  if (putBack) {
    await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelector('.put-back').click());
    await page.waitForFunction(() => document.querySelector('story-diff').shadowRoot.querySelector('li.restored'), null, { timeout: 30_000 });
    await waitReady(page);
  }
  // The claim table (its cells, their word differences and conflicts) and its CSV and Markdown.
  await page.locator('story-diff .view-switch button:text-is("Table")').click();
  await page.evaluate(() => { const v = document.querySelector('story-diff'); v.exportCSV(); v.exportMarkdown(); });
  for (const c of (await page.locator('story-diff .claims .tcell.filled').all()).slice(0, 15)) await c.hover().catch(() => {});
  await page.locator('story-diff .view-switch button:text-is("Columns")').click();
  await page.locator('story-diff input[type="search"]').fill('script');
  await page.locator('story-diff input[type="search"]').fill('');
  // Hover and click around, so on* handlers would have had their chance.
  const boxes = await page.locator('story-diff .sentence').all();
  for (const b of boxes.slice(0, 25)) await b.hover().catch(() => {});
  await page.mouse.click(5, 5);
  await page.waitForTimeout(800); // onerror of broken images, animations, meta refresh

  const dom = await page.evaluate((allowed) => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const bad = [...root.querySelectorAll('*')].map((e) => e.localName).filter((t) => !new Set(allowed).has(t));
    const handlers = [...root.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length;
    const pageBad = [...document.body.querySelectorAll('img, iframe, svg, object, embed, a[href^="javascript" i], script, base, meta, link')].map((e) => e.localName);
    const texts = [...root.querySelectorAll('.sentence .text')].map((t) => t.textContent);
    return {
      bad: [...new Set(bad)],
      handlers,
      pageBad,
      literalScript: texts.some((t) => t.includes('<script>alert(1)</script>')),
      literalImg: texts.some((t) => t.includes('<img src=x onerror=alert(1)>')),
      literalJs: texts.some((t) => t.includes('javascript:alert(1)')),
      panelDiff: root.querySelectorAll('.panel .diff').length,
      columnName: [...root.querySelectorAll('.column-head .outlet, .column-head .name')].map((e) => e.textContent).join(' | '),
    };
  }, [...ALLOWED]);
  check(dom.bad.length === 0, 'no vector became an element in the view', dom.bad.join(', '));
  check(dom.handlers === 0, 'no element in the view carries an on* handler attribute', String(dom.handlers));
  check(dom.pageBad.length === 0, 'no vector became an element in the page around the view', dom.pageBad.join(', '));
  check(dom.literalScript && dom.literalImg && dom.literalJs, 'the vectors are shown as text (<script>, <img onerror>, javascript:)', JSON.stringify(dom));
  check(/<svg\/onload=alert\("rename"\)>/.test(dom.columnName) || /<img src=x onerror=alert\(1\)>/.test(dom.columnName), 'hostile article names are shown as text', dom.columnName);

  // The exports: the JSON holds the text; the standalone HTML, opened with scripts allowed and
  // the CSP bypassed, runs nothing either.
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const htmlPath = join(OUT, 'hostile-export.html');
  await htmlDownload.saveAs(htmlPath);
  const html = readFileSync(htmlPath, 'utf8');
  const parsed = await page.evaluate(([text, allowed]) => {
    // Parse the export as a browser would (template contents included) and list its elements.
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const all = [];
    const walk = (node) => {
      for (const e of node.querySelectorAll('*')) {
        all.push(e);
        if (e.localName === 'template') walk(e.content);
      }
    };
    walk(doc);
    const ok = new Set([...allowed, 'html', 'head', 'body', 'meta', 'title', 'h1', 'story-diff', 'template']);
    return {
      bad: [...new Set(all.map((e) => e.localName).filter((t) => !ok.has(t)))],
      handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      literal: text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
    };
  }, [html, [...ALLOWED]]);
  check(parsed.bad.length === 0 && parsed.handlers === 0 && parsed.literal, 'the HTML export carries the vectors as escaped text (parsed: no foreign elements, no handlers)', JSON.stringify(parsed));
  const ex = await ctx.newPage();
  ex.on('dialog', (d) => { dialogs.push(`export: ${d.message()}`); d.dismiss().catch(() => {}); });
  await ex.goto(`file://${htmlPath}`);
  await ex.waitForTimeout(800);
  const exported = await ex.evaluate(() => ({ hits: window.__xss, sentences: document.querySelector('story-diff')?.shadowRoot?.querySelectorAll('.sentence').length || 0 }));
  check(exported.sentences > 0 && exported.hits.length === 0, 'the standalone HTML export shows the vectors and runs none of them', JSON.stringify(exported));
  await ex.close();

  const hits = await page.evaluate(() => window.__xss);
  check(hits.length === 0, 'no script from the vectors ran (alert, confirm, prompt, print, hook)', hits.join(' | '));
  check(dialogs.length === 0, 'no dialog opened', dialogs.join(' | '));
  check(jsNavigations.length === 0, 'no javascript: URL was navigated', jsNavigations.join(' | '));
  check(pageErrors.length === 0, 'no page errors', pageErrors.join(' | '));
  await ctx.close();

  // --- 2. A crashed worker -----------------------------------------------------------------------------------------
  const c2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p2 = await c2.newPage();
  await p2.goto(url);
  await waitReady(p2);
  await ownSeeds(p2); // the article joins the seeds (the demo's seeds would leave)
  await p2.click('#add-button');
  await p2.fill('#add-name', 'My own article');
  await p2.fill('#add-text', 'My Own Paper\n\nThe president remains receptive to correspondence with Kim Jong Un, the White House said.\n\nGiraffes were counted at the zoo on Sunday.');
  await p2.click('#add-submit');
  await waitReady(p2);
  const seeded = await p2.evaluate(() => document.querySelector('story-diff').report.sources.length);

  // The page's worker is the bundle build/worker.js (scripts/bundle.mjs); js/worker.js is the package's.
  const WORKER = /\/(js|build)\/worker\.js$/;
  const crashing = "self.onmessage = () => { throw new Error('simulated crash'); };";
  await c2.route(WORKER, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: crashing }));
  await p2.reload();
  await p2.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 60_000 });
  const crashed = await p2.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    const box = root.querySelector('.error');
    return {
      alert: box?.getAttribute('role'),
      text: box?.textContent || '',
      retry: !!root.querySelector('.error button.retry'),
      status: document.getElementById('status').textContent,
      list: [...document.querySelectorAll('#source-list .source-name')].map((i) => i.value),
    };
  });
  check(crashed.alert === 'alert' && /stopped/.test(crashed.text) && crashed.retry, 'a crashed worker shows an error with a Retry button', JSON.stringify(crashed));
  check(/Something went wrong/.test(crashed.status), 'the page status tells of the error', crashed.status);
  check(crashed.list.includes('My own article'), 'the pasted article is still listed after the crash');
  await p2.screenshot({ path: join(OUT, 'worker-crash.png') });

  await p2.reload();
  await p2.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 60_000 });
  const afterReload = await p2.evaluate(() => [...document.querySelectorAll('#source-list .source-name')].map((i) => i.value));
  check(afterReload.includes('My own article') && afterReload.length === seeded, 'the pasted article survives a reload while the worker keeps crashing', afterReload.join(', '));

  await c2.unroute(WORKER);
  await p2.locator('story-diff button.retry').click();
  await waitReady(p2);
  const recovered = await p2.evaluate(() => document.querySelector('story-diff').report.sources.map((s) => s.name));
  check(recovered.length === seeded && recovered.includes('My own article'), 'Retry with a working worker compares the articles again', recovered.join(', '));
  await c2.close();

  // --- 3. A source named like an engine crash --------------------------------------------------------------------
  // Error messages quote source names, so a name must not make an ordinary error pass for a trap
  // in the engine (which ends the worker and shows the "engine stopped" error with Retry).
  const c3 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p3 = await c3.newPage();
  await p3.goto(url);
  await waitSettled(p3);
  const direct = await p3.evaluate(async () => {
    const { decodeTape } = await import(new URL('../js/tape.js', location.href).href);
    const worker = new Worker(new URL('../js/worker.js', location.href), { type: 'module' });
    const ask = (msg) => new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ id: msg.id, timedOut: true }), 15_000);
      worker.addEventListener('message', function answer({ data }) {
        if (data.id !== msg.id) return;
        clearTimeout(timer);
        worker.removeEventListener('message', answer);
        resolve(data);
      });
      worker.postMessage(msg);
    });
    worker.postMessage({ type: 'init' });
    const first = await ask({ id: 1, sources: [{ name: 'internal error x', text: '' }, { name: 'b', text: 'Rain fell on Paris on Monday.' }] });
    const second = await ask({ id: 2, sources: [{ name: 'a', text: 'Rain fell on Paris on Monday.' }, { name: 'b', text: 'Rain fell on Paris on Monday.' }] });
    worker.terminate();
    const sources = second.tape ? decodeTape(...second.tape).sources.length : null;
    return { first, second: { timedOut: !!second.timedOut, sources, error: second.error } };
  });
  check(/"internal error x" is empty/.test(direct.first.error || '') && direct.first.internal === false, 'the worker answers a blank source named "internal error x" with an ordinary error, not an internal one', JSON.stringify(direct.first));
  check(direct.second.sources === 2, 'the worker keeps running after that error and compares the next request', JSON.stringify(direct.second));
  const viaElement = await p3.evaluate(async () => {
    const v = document.createElement('story-diff');
    document.body.append(v);
    const failed = new Promise((resolve) => v.addEventListener('comparisonerror', (e) => resolve(e.detail), { once: true }));
    v.sources = [{ name: 'internal error x', text: 'PNG\u0000\u0001 not text' }, { name: 'b', text: 'Rain fell on Paris on Monday.' }];
    const detail = await failed;
    const root = v.shadowRoot;
    const out = { detail, text: root.querySelector('.error')?.textContent || '', retry: !!root.querySelector('.error .retry') };
    v.remove();
    return out;
  });
  check(!viaElement.detail.retryable && /cannot be compared: source "internal error x" is not text/.test(viaElement.text) && !viaElement.retry,
    'the element shows an ordinary error for it (no "engine stopped", no Retry)', JSON.stringify(viaElement));
  await c3.close();
});
