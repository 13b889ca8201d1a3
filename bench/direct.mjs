// The page's timing through the DevTools protocol alone, beside the benchmark's own (Playwright).
//
//   node bench/direct.mjs [RUNS]      # prints JSON
//
// bench/browser.mjs drives Chromium through Playwright, which attaches to the page and to every
// worker it starts and holds each new worker until its Node process answers, and follows the
// page's network and lifecycle events: work no visitor's browser does. This harness starts the
// same Chromium (tests/e2e/lib.mjs's path and flags) with --remote-debugging-pipe and sends the
// few DevTools protocol commands a load needs (a fresh browser context, the viewport, the same
// marker script as bench/browser.mjs, navigate, read the marks), with nothing attached to the
// worker. Each round loads the page once this way and once through Playwright, in turn (the
// order alternating from round to round), from the same server. Not the budget's measure (that
// is bench/browser.mjs, unchanged): a second view of it, to judge how much of it is the harness.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DONE, marker } from './browser.mjs';
import { stats } from './lib.mjs';

/** Chromium driven over --remote-debugging-pipe: { send(method, params, sessionId), on(listener), close() }. */
async function pipeChromium(executable, args) {
  const dir = mkdtempSync(join(tmpdir(), 'storydiff-cdp-'));
  const proc = spawn(executable, [...args, '--remote-debugging-pipe', `--user-data-dir=${dir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const pending = new Map();
  const listeners = new Set();
  let seq = 0;
  let buffer = '';
  fromBrowser.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    for (let end; (end = buffer.indexOf('\0')) >= 0; ) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const waiting = message.id !== undefined && pending.get(message.id);
      if (waiting) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject, method });
    toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  });
  const on = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const close = async () => {
    await send('Browser.close').catch(() => {});
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    proc.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return { send, on, close };
}

const READ = `JSON.stringify({ ...window.__bench, domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null })`;

/** One load over the pipe, in a fresh browser context. */
async function loadDirect(cdp, url) {
  const { browserContextId } = await cdp.send('Target.createBrowserContext');
  try {
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1680, height: 1050, deviceScaleFactor: 1, mobile: false }, sessionId);
    await cdp.send('Page.enable', {}, sessionId);
    await cdp.send('Runtime.enable', {}, sessionId);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${marker})(${JSON.stringify(DONE)})` }, sessionId);
    let off;
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the page showed no shaded sentences within 60 s')), 60_000);
      off = cdp.on((m) => {
        if (m.sessionId === sessionId && m.method === 'Runtime.consoleAPICalled' && m.params.args[0]?.value === DONE) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('Page.navigate', { url }, sessionId);
    await done.finally(() => off());
    const { result } = await cdp.send('Runtime.evaluate', { expression: READ, returnByValue: true }, sessionId);
    return JSON.parse(result.value);
  } finally {
    await cdp.send('Target.disposeBrowserContext', { browserContextId });
  }
}

/** One load through Playwright, as bench/browser.mjs does it. */
async function loadPlaywright(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1680, height: 1050 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(marker, DONE);
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 60_000 });
    await page.goto(url);
    await done;
    return JSON.parse(await page.evaluate(READ));
  } finally {
    await context.close();
  }
}

/** `runs` rounds, each one load of each kind; returns both sets of timings. */
export async function measureBoth({ runs = 7 } = {}) {
  const { ARGS, CHROMIUM, launch, startServer } = await import('../tests/e2e/lib.mjs');
  const { server, url } = await startServer();
  let cdp;
  let browser;
  try {
    cdp = await pipeChromium(CHROMIUM, ARGS);
    browser = await launch();
    const direct = [];
    const playwright = [];
    const loads = [];
    for (let r = 0; r < runs; r++) {
      if (r % 2 === 0) {
        direct.push(await loadDirect(cdp, url));
        playwright.push(await loadPlaywright(browser, url));
      } else {
        playwright.push(await loadPlaywright(browser, url));
        direct.push(await loadDirect(cdp, url));
      }
      loads.push(+loadavg()[0].toFixed(2));
    }
    for (const s of [...direct, ...playwright]) if (s.state !== 'ready') throw new Error(`a load ended in state ${s.state}`);
    const sum = (list) => ({ shown: stats(list.map((s) => s.shown)), ready: stats(list.map((s) => s.ready)), domContentLoaded: stats(list.map((s) => s.domContentLoaded)), runs: list.map((s) => Math.round(s.shown)) });
    return { url, chromium: browser.version(), load1: { min: Math.min(...loads), max: Math.max(...loads) }, direct: sum(direct), playwright: sum(playwright) };
  } finally {
    await browser?.close().catch(() => {});
    await cdp?.close().catch(() => {});
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2]) || 7;
  console.log(JSON.stringify(await measureBoth({ runs }), null, 2));
}
