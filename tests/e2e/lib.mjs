// Shared helpers for the browser tests: the repo's static server, Debian's Chromium through
// playwright-core (fresh temporary profile per launch), checks that print TAP-like lines, and a
// watchdog. CHROMIUM_PATH overrides /usr/bin/chromium.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT = join(ROOT, 'tests/e2e/out');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
mkdirSync(OUT, { recursive: true });

function makeChecks(name) {
  let passed = 0;
  let failed = 0;
  const check = (ok, what, detail = '') => {
    if (ok) {
      passed++;
      console.log(`ok - ${what}`);
    } else {
      failed++;
      console.log(`not ok - ${what}${detail ? `: ${detail}` : ''}`);
    }
    return !!ok;
  };
  const finish = () => {
    console.log(`${name}: ${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  };
  return { check, finish };
}

/**
 * Runs one browser test file: a watchdog of `seconds`, the page server and Chromium, then
 * `body({ url, browser, check })`. An exception fails the run (as one failed check); the
 * browser and server are stopped either way, the summary printed and the process exits with
 * 0 when every check passed.
 */
export async function runBrowserTest(name, seconds, body) {
  const { check, finish } = makeChecks(name);
  const dog = watchdog(seconds, `${name} test`);
  let server = null;
  let browser = null;
  try {
    let url;
    ({ url, server } = await startServer());
    browser = await launch();
    await body({ url, browser, check });
  } catch (err) {
    check(false, `${name} test ran to the end`, err && err.stack ? err.stack.split('\n').slice(0, 3).join(' / ') : String(err));
  } finally {
    await browser?.close().catch(() => {});
    server?.kill('SIGTERM');
    clearTimeout(dog);
  }
  console.log(`# output (screenshots, exports): ${OUT}`);
  process.exit(finish());
}

/** Starts scripts/serve.mjs on a free port; resolves to { url, server }. */
export async function startServer() {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (chunk) => {
      buf += chunk;
      const m = buf.match(/storydiff: (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited early with code ${code}`)));
    setTimeout(() => reject(new Error('serve.mjs printed no URL within 10 s')), 10_000).unref();
  });
  return { url, server };
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Collects console errors, page errors, failed requests and HTTP errors of a page. */
export function watchProblems(page, { ignore = [] } = {}) {
  const problems = [];
  const skip = (text) => ignore.some((re) => re.test(text));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !skip(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => { if (!skip(err.message)) problems.push(`page error: ${err.message}`); });
  page.on('requestfailed', (req) => {
    const text = `request failed: ${req.url()} (${req.failure()?.errorText})`;
    // Downloads are reported as aborted requests.
    if (!/blob:|net::ERR_ABORTED/.test(text) && !skip(text)) problems.push(text);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !skip(res.url())) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return problems;
}

/** Waits until body[data-state] is ready or error; returns the state. */
export async function waitSettled(page, timeout = 60_000) {
  await page.waitForFunction(() => ['ready', 'error', 'empty'].includes(document.body.dataset.state), null, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

/** Waits for a fresh comparison: the element's state leaves `comparing` and the page is ready. */
export async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const v = document.querySelector('story-diff');
    return v && v.getAttribute('state') === 'ready' && document.body.dataset.state === 'ready';
  }, null, { timeout });
}

/**
 * Makes the seed articles on show the visitor's own list (kept in local storage, no longer the
 * demo), as if they had added them, so that an article added next joins them instead of
 * replacing them (tests/e2e/start.mjs tests the replacing). Needs the seeds ready.
 */
export async function ownSeeds(page) {
  await page.evaluate(() => localStorage.setItem('storydiff:articles:v1', JSON.stringify({ version: 1, sources: document.querySelector('story-diff').sources })));
  await page.reload();
  await waitReady(page);
}

/** Adds an article through the paste dialog as a visitor does: open it, name it, paste, Add. */
export async function pasteArticle(page, name, text) {
  await page.click('#add-button');
  await page.fill('#add-name', name);
  await page.fill('#add-text', text);
  await page.click('#add-submit');
}

/** Runs axe-core in the page; returns the serious and critical violations (CSP does not apply to evaluate). */
export async function axe(page, context = null) {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (ctx) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(ctx || document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, context);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function watchdog(seconds, what) {
  const timer = setTimeout(() => {
    console.log(`not ok - ${what} timed out after ${seconds} s`);
    console.log(`${what}: 0 passed, 1 failed`);
    process.exit(1);
  }, seconds * 1000);
  timer.unref();
  return timer;
}

/**
 * Runs in the page: types `query` into the view's search box and presses Enter in the same task,
 * so that no slice of the filtering can run in between; returns the count beside the box (the
 * table's or the columns', as `count` selects).
 */
export const typeAndEnter = ([query, count]) => {
  const root = document.querySelector('story-diff').shadowRoot;
  const box = root.querySelector('input[type="search"]');
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  return root.querySelector(count).textContent;
};

/**
 * Runs in the page: compares the view's sources again and, in the first frame of the new
 * report's rendering, types `query` and presses Enter in one task; returns how many sentences
 * were built then, of how many (speaker labels aside), and the columns' count. It types as
 * typeAndEnter does, in its own lines: each function is sent to the page alone, as its text.
 */
export const enterWhileRendering = async (query) => {
  const v = document.querySelector('story-diff');
  const before = v.report;
  v.sources = [...v.sources];
  await new Promise((resolve) => {
    const look = () => (v.report !== before ? resolve() : requestAnimationFrame(look));
    look();
  });
  const root = v.shadowRoot;
  const built = root.querySelectorAll('.sentence[data-sentence]').length;
  const total = v.report.sources.reduce((n, s) => n + s.sentences.filter((x) => x.role !== 'speaker').length, 0);
  const box = root.querySelector('input[type="search"]');
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  return { built, total, count: root.querySelector('.shown-count').textContent };
};

