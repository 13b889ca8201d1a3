// Time from navigation to the seeds shown with their highlights, in headless Chromium.
//
//   node bench/browser.mjs [RUNS]      # prints JSON
//
// Serves the repository and launches Chromium with the browser tests' helpers
// (tests/e2e/lib.mjs: startServer, launch, CHROMIUM; /usr/bin/chromium unless CHROMIUM_PATH
// says otherwise, through playwright-core), and loads /www/ RUNS times, each in a fresh
// browser context (no cache, no storage; the server sends no-store anyway). Without
// playwright-core or Chromium the result says why it was skipped. An init
// script notes, on the page's own clock (performance.now(), 0 = navigation start):
//   ready  the first moment body[data-state] is "ready" with shaded (.sentence.shared) sentences
//          in the DOM or in an open shadow root (checked on each DOM change and each frame);
//   shown  the next animation frame after that, plus a task: the frame that paints them.
// The page then logs DONE to the console, which is what the harness waits for: waiting with
// page.waitForFunction would inject Playwright's own script into the page while it loads (about
// 35 ms of the main thread's time, measured in a trace, that no visitor's browser spends).

import { browserKit, stats } from './lib.mjs';

// Runs in the page before its own scripts. The page may render into shadow roots (a custom
// element), so shaded sentences are looked for in open shadow roots too, on every DOM change
// seen (document and shadow roots) and on every animation frame until found.
export const DONE = 'storydiff-bench:done';

export function marker(done) {
  const sharedIn = (root) => {
    let n = root.querySelectorAll('.sentence.shared').length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) n += sharedIn(el.shadowRoot);
    return n;
  };
  let observer;
  const check = () => {
    if (window.__bench || !document.body) return;
    const state = document.body.dataset.state;
    if (state === 'error') {
      window.__bench = { state, ready: performance.now(), shared: 0 };
      console.debug(done);
      return;
    }
    if (state !== 'ready') return;
    const shared = sharedIn(document);
    if (shared === 0) return;
    const b = (window.__bench = { state, ready: performance.now(), shared });
    observer.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        b.shown = performance.now();
        console.debug(done);
      };
      ch.port2.postMessage(0);
    });
  };
  observer = new MutationObserver(check);
  const watch = (root) => observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'class'] });
  watch(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...args) {
    const root = attach.apply(this, args);
    watch(root);
    return root;
  };
  const frame = () => {
    check();
    if (!window.__bench) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Loads the page `runs` times; returns per-run timings and their median/min/max. */
export async function measurePage({ runs = 7 } = {}) {
  const { e2e, skipped } = await browserKit();
  if (skipped) return { skipped };
  const { launch, startServer } = e2e;
  const { server, url: pageUrl } = await startServer();
  let browser;
  try {
    browser = await launch();
    const version = browser.version();
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1680, height: 1050 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(marker, DONE);
      const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 60_000 });
      await page.goto(pageUrl);
      await done
        .catch(async (err) => {
          const state = await page.evaluate(() => `${document.body?.dataset.state}: ${document.getElementById('status')?.textContent}`).catch(() => '?');
          throw new Error(`the page showed no shaded sentences within 60 s (state ${state}) ${errors.join(' | ')} ${err.message.split('\n')[0]}`);
        });
      const s = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        return {
          ...window.__bench,
          status: document.getElementById('status').textContent,
          responseEnd: nav ? nav.responseEnd : null,
          domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
          wasmLoaded: wasm ? wasm.responseEnd : null,
        };
      });
      await context.close();
      if (s.state !== 'ready') throw new Error(`the page ended in state ${s.state}: ${s.status} ${errors.join(' | ')}`);
      const m = /in (\d+) ms/.exec(s.status);
      samples.push({ ...s, compareMs: m ? Number(m[1]) : null, errors });
    }
    const pick = (k) => stats(samples.map((s) => s[k]));
    return {
      chromium: version,
      url: pageUrl,
      runs: samples,
      responseEnd: pick('responseEnd'),
      ready: pick('ready'),
      shown: pick('shown'),
      wasmLoaded: pick('wasmLoaded'),
      domContentLoaded: pick('domContentLoaded'),
      compareMs: pick('compareMs'),
      shared: samples[0]?.shared ?? null,
    };
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2]) || 7;
  console.log(JSON.stringify(await measurePage({ runs }), null, 2));
}
