// Web pages on the page (www/), run by tests/e2e/page.mjs (section 14): a paste carrying the
// clipboard's text/html and a dropped .html file are read as web pages (their headline and
// article shown, format html), a span removed from a web page can be put back (and is kept across
// a reload), a pasted page full of script payloads runs nothing and puts no element of its own
// into the DOM, and the browser API (js/index.js) reads a web page once loadHtml() has resolved.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, ownSeeds, waitReady, waitSettled, watchProblems } from './lib.mjs';

const PAGE = readFileSync(join(ROOT, 'tests/fixtures/pages/valley.html'), 'utf8');
// What copying the page's article in Chromium puts on the clipboard: a fragment, no <head>.
const FRAGMENT = `<meta charset='utf-8'>${PAGE.slice(PAGE.indexOf('<main>'), PAGE.indexOf('</main>') + 7)}`;
const PLAIN = 'Flood closes bridge\n\nBy Ann Lee, 5 March 2024\n\nThe river rose two metres overnight and the old bridge was closed to traffic on Monday.\n\nEngineers said the structure would be inspected before it reopens, which could take a week.\n\nShare Tweet\n\nResidents were asked to use the ferry, which will run every hour until further notice.\n\nComments\n\nThey should have fixed that bridge years ago, as everyone in town knows.';
const BODY = 'The river rose two metres overnight and the old bridge was closed to traffic on Monday.';
const COMMENT = 'They should have fixed that bridge years ago, as everyone in town knows.';

// A page whose markup tries to run script or fetch something, every way the hostile list tries;
// each payload is marked (class or id "pwn") so that an element of its making would be found.
const HOSTILE = `<meta charset='utf-8'><article class="pwn"><h1>Dam inspected after storm</h1>
<script id="pwn">window.__pwned = 'script';</script>
<p>Engineers inspected the old dam on Tuesday after the storm raised the lake by a metre.</p>
<img class="pwn" src="/pwn.png" onerror="window.__pwned = 'img'">
<svg class="pwn" onload="window.__pwned = 'svg'"><circle r="1"/></svg>
<iframe class="pwn" src="javascript:parent.__pwned = 'iframe'"></iframe>
<p>The lake will be lowered slowly over the next week, officials said.</p>
<a class="pwn" href="javascript:window.__pwned = 'link'">Read more</a>
<style class="pwn">body { display: none; }</style><object class="pwn" data="/pwn.swf"></object>
<p onclick="window.__pwned = 'click'">Residents below the dam were told they need not leave their homes.</p></article>`;

/** Runs in the page: the last source of the view, as the report and the column show it. */
const lastSource = () => {
  const v = document.querySelector('story-diff');
  const i = v.report.sources.length - 1;
  const s = v.report.sources[i];
  const col = v.shadowRoot.querySelectorAll('.sentences')[i];
  const head = v.shadowRoot.querySelectorAll('.column-head')[i];
  return {
    name: s.name,
    format: s.format,
    title: s.title,
    hasText: typeof s.text === 'string',
    offsetsIndexText: typeof s.text === 'string' && s.sentences.every((x) => s.text.slice(x.start, x.end) === x.text),
    heading: head.querySelector('h3').textContent,
    rows: [...col.querySelectorAll('.sentence')].map((n) => n.dataset.text),
    restoredRows: [...col.querySelectorAll('.sentence.restored')].map((n) => n.dataset.text),
    reasons: [...v.shadowRoot.querySelectorAll('details.removed')[i].querySelectorAll('li[data-reason]')].map((li) => li.dataset.reason),
    listed: document.querySelector('#source-list li:last-child .source-info').textContent,
  };
};

/** Runs in the page: pastes `html` and `plain` into the empty article box as a ClipboardEvent. */
const pasteIntoBox = ([html, plain]) => {
  const box = document.getElementById('add-text');
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', plain);
  box.focus();
  box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return { value: box.value, note: !document.getElementById('add-html-note').hidden };
};

/** Runs the web-page checks in a fresh context of `browser` on the page at `url`. */
export async function checkWebPages({ browser, url, check, seeds }) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  const problems = watchProblems(page, { ignore: [/pwn/] });
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  check((await waitSettled(page)) === 'ready', 'web pages: the seeds are ready');
  await ownSeeds(page); // pages added join the seeds (the demo's seeds would leave)
  const count = (n) => page.waitForFunction((k) => document.querySelector('story-diff').report?.sources.length === k, n, { timeout: 60_000 });

  // A paste carrying text/html, into the dialog's empty box: its plain text shows, its HTML is sent.
  await page.click('#add-button');
  const pasted = await page.evaluate(pasteIntoBox, [FRAGMENT, PLAIN]);
  check(pasted.value === PLAIN && pasted.note, 'a paste with text/html shows its plain text in the box and says the page will be read', JSON.stringify(pasted));
  await page.click('#add-submit');
  await count(seeds + 1);
  await waitReady(page);
  let last = await page.evaluate(lastSource);
  check(last.format === 'html' && last.title === 'Flood closes bridge' && last.heading === 'Flood closes bridge',
    'the pasted page is read as HTML: format html, its headline in the column head', JSON.stringify(last));
  check(last.rows.includes(BODY) && !last.rows.includes(COMMENT) && !last.rows.some((t) => /Share|Tweet|<|>/.test(t)),
    'the pasted page shows its article\'s sentences, not its comments, share bar or markup', JSON.stringify(last.rows));
  check(last.hasText && last.offsetsIndexText && last.reasons.includes('comments') && /^web page/.test(last.listed),
    'its report gives the page text its offsets index; its comments are listed as removed; the list calls it a web page', JSON.stringify(last));
  await page.screenshot({ path: join(OUT, 'pasted-web-page-desktop.png') });

  // Put the comment back: it is compared as article text, the page stays a web page.
  const comment = page.locator('story-diff details.removed').last().locator('li[data-reason="comments"]', { hasText: 'fixed that bridge' });
  await page.locator('story-diff details.removed').last().locator('summary').click();
  await comment.locator('button.put-back').click();
  await page.waitForFunction((t) => {
    const v = document.querySelector('story-diff');
    const s = v.report?.sources.at(-1);
    return v.getAttribute('state') === 'ready' && s && s.sentences.some((x) => x.text === t);
  }, COMMENT, { timeout: 60_000 });
  last = await page.evaluate(lastSource);
  check(last.restoredRows.includes(COMMENT) && last.format === 'html' && last.heading === 'Flood closes bridge' && last.rows.includes(BODY) && !last.rows.some((t) => /Most read|Tweet/.test(t)),
    'a comment removed from a web page can be put back: shown as a sentence, the rest of the page as before', JSON.stringify(last));
  await page.reload();
  await waitSettled(page);
  await count(seeds + 1);
  await waitReady(page);
  last = await page.evaluate(lastSource);
  check(last.format === 'html' && last.restoredRows.includes(COMMENT) && last.heading === 'Flood closes bridge', 'after a reload the pasted page and its put-back span are kept', JSON.stringify(last));

  // A dropped .html file is read as a web page.
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'valley.html', { type: 'text/html' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, PAGE);
  await count(seeds + 2);
  await waitReady(page);
  last = await page.evaluate(lastSource);
  check(last.name === 'valley.html' && last.format === 'html' && last.heading === 'Flood closes bridge' && last.rows.includes(BODY) && !last.rows.some((t) => /Mayor resigns|Most read/.test(t)),
    'a dropped .html file is read as a web page: its headline and article, not its teasers', JSON.stringify(last));

  // A hostile page pasted anywhere on the page (no field focused): nothing of it runs or becomes an element.
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(([html, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [HOSTILE, 'Dam inspected after storm\n\nEngineers inspected the old dam on Tuesday after the storm raised the lake by a metre.']);
  await count(seeds + 3);
  await waitReady(page);
  last = await page.evaluate(lastSource);
  // Focus each of its sentences and open every removed list, so every path that shows its text ran.
  const n = last.rows.length;
  for (let j = 0; j < n; j++) await page.evaluate(([i, k]) => document.querySelector('story-diff').select(i, k), [seeds + 2, j]);
  await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('details.removed').forEach((d) => { d.open = true; }));
  await page.waitForTimeout(500);
  const safe = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      elements: document.querySelectorAll('.pwn, #pwn').length + root.querySelectorAll('.pwn, #pwn, script, iframe, object, img, svg circle').length,
      violations: window.__violations,
    };
  });
  check(last.format === 'html' && last.heading === 'Dam inspected after storm' && last.rows.some((t) => t.startsWith('Engineers inspected the old dam')),
    'a page pasted anywhere (no field focused) is added and read as HTML', JSON.stringify(last));
  check(safe.pwned === null && safe.elements === 0 && safe.violations.length === 0 && !requests.some((u) => /pwn/.test(u)),
    'a pasted page with <script>, <img onerror>, <svg onload>, javascript: URLs and <object> runs nothing, fetches nothing and adds no element of its own',
    JSON.stringify({ ...safe, requests: requests.filter((u) => /pwn/.test(u)) }));
  // The browser API (js/index.js): a web page needs loadHtml() first, then is read as HTML.
  const api = await page.evaluate(async (html) => {
    const m = await import('../js/index.js');
    const sources = [{ name: 'page', html }, { name: 'wire', text: 'The river rose two metres overnight and the old bridge was closed to traffic on Monday.' }];
    let before = null;
    try {
      m.compare(sources);
    } catch (err) {
      before = err.message;
    }
    await m.loadHtml();
    const r = m.compare(sources);
    return { before, format: r.sources[0].format, title: r.sources[0].title, matching: r.matching, shared: r.sources[1].sentences[0].support };
  }, PAGE);
  check(/source "page" is a web page \(HTML\): call `await loadHtml\(\)`/.test(api.before || '') && api.format === 'html' && api.title === 'Flood closes bridge' && api.matching === 'semantic' && api.shared === 1,
    'js/index.js: compare asks for loadHtml() before a web page, then reads it with the vectors loaded', JSON.stringify(api));
  check(problems.length === 0, 'no console errors, page errors or failed requests (web pages)', problems.join(' | '));
  await ctx.close();
}
