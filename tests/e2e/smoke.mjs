// Browser smoke test: serves the repo with scripts/serve.mjs, opens /www/ in headless Chromium
// (Debian's, driven by playwright-core, which gives it a fresh temporary profile), waits for the page to compare the seeds, and checks
// what a person would see. Saves screenshots to tests/e2e/out/. Exits non-zero on failure.
//
//   node tests/e2e/smoke.mjs        (CHROMIUM_PATH overrides /usr/bin/chromium)

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'tests/e2e/out');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SEEDS = 5;

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok - ${what}`);
  } else {
    failed++;
    console.log(`not ok - ${what}${detail ? `: ${detail}` : ''}`);
  }
}

function startServer() {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (chunk) => {
      buf += chunk;
      const m = buf.match(/storydiff: (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited early with code ${code}`)));
    setTimeout(() => reject(new Error('serve.mjs printed no URL within 10 s')), 10_000).unref();
  });
  return { server, url };
}

const watchdog = setTimeout(() => {
  console.log('not ok - smoke test timed out after 120 s');
  process.exit(1);
}, 120_000);

const { server, url } = startServer();
let browser;
try {
  const pageUrl = await url;
  check(/^http:\/\/localhost:\d+\/www\/$/.test(pageUrl), 'serve.mjs prints the page URL', pageUrl);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1680, height: 1050 } });
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });

  const wasmResponse = page.waitForResponse((res) => res.url().endsWith('.wasm'), { timeout: 30_000 });
  await page.goto(pageUrl);
  const wasm = await wasmResponse.catch(() => null);
  check(wasm && wasm.headers()['content-type'] === 'application/wasm', 'the .wasm is served as application/wasm');

  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  const status = await page.textContent('#status');
  check(state === 'ready', 'the page reaches the ready state', `state=${state}, status: ${status}`);

  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'smoke.png'), fullPage: false });

  const columns = await page.locator('section.source').count();
  check(columns === SEEDS, `one column per seed (${SEEDS})`, `found ${columns}`);

  const facts = await page.evaluate(() => ({
    shared: document.querySelectorAll('.sentence.shared').length,
    unique: document.querySelectorAll('.sentence.unique').length,
    columnsWithSentences: [...document.querySelectorAll('section.source')].filter(
      (c) => c.querySelector('.sentence') !== null,
    ).length,
    titles: [...document.querySelectorAll('section.source h2')].map((h) => h.textContent.trim()),
    legend: !document.getElementById('legend').hidden,
    removedDetails: document.querySelectorAll('details.removed').length,
    openDetails: document.querySelectorAll('details.removed[open]').length,
  }));
  check(facts.columnsWithSentences === SEEDS, 'every column shows sentences', JSON.stringify(facts));
  check(facts.shared > 0, 'some sentences are marked shared', `shared=${facts.shared}`);
  check(facts.unique > 0, 'some sentences are marked unique', `unique=${facts.unique}`);
  check(facts.titles.length === SEEDS && facts.titles.every((t) => t.length > 0), 'every column has a headline line');
  check(facts.legend, 'the legend is shown');
  check(facts.removedDetails > 0 && facts.openDetails === 0, 'removed spans sit in collapsed <details>',
    `details=${facts.removedDetails}, open=${facts.openDetails}`);

  // Open every "removed" list for a second picture.
  await page.evaluate(() => document.querySelectorAll('details.removed').forEach((d) => { d.open = true; }));
  await page.screenshot({ path: join(OUT, 'smoke-removed.png'), fullPage: true });

  check(problems.length === 0, 'no console errors, page errors or failed requests', problems.join(' | '));
} catch (err) {
  check(false, 'smoke test ran to the end', err && err.message ? err.message.split('\n')[0] : String(err));
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill('SIGTERM');
  clearTimeout(watchdog);
}

console.log(`screenshots (if taken): ${OUT}`);
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
