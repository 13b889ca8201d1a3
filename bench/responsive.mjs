// Whether the page stays responsive with a 1 MB article, in headless Chromium: the longest
// main-thread task (PerformanceObserver "longtask") in each step a visitor takes with it.
//
//   node bench/responsive.mjs      # prints JSON
//
// The steps: adding the article through the paste dialog until every sentence is on screen;
// opening the claim table; searching it ("the", the commonest word, then clearing the box);
// typing a query and pressing Enter at once, while the rows are still being filtered; and the
// same in the columns while a new comparison's columns are still being built. A task over the
// budget (200 ms) is a frozen page a visitor notices. The browser tests (tests/e2e/) check what
// these steps do; how long they hold the main thread is measured here, since tests hold no
// timings.

import { bigArticle } from '../tests/synthetic.mjs';
import { browserKit } from './lib.mjs';

/** What each step is, in the order they run. */
export const STEPS = [
  ['add', 'a 1 MB article added (paste dialog) until every sentence is on screen'],
  ['table', 'the claim table opened (8,000 rows)'],
  ['search', 'the table searched for "the", then the box cleared'],
  ['enterTable', 'a query typed and Enter pressed at once in the table'],
  ['enterColumns', 'the same in the columns while a new comparison is still being built'],
];

// Runs in the page: starts collecting long tasks afresh.
const watch = () => {
  window.__tasks = [];
  if (!window.__observing) new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
  window.__observing = true;
};

/** Runs the steps once; returns each step's longest task and all its long tasks (ms). */
export async function measureResponsiveness() {
  const { e2e, skipped } = await browserKit();
  if (skipped) return { skipped };
  const { launch, startServer, waitReady, ownSeeds, typeAndEnter, enterWhileRendering } = e2e;
  const { server, url } = await startServer();
  let browser;
  try {
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await waitReady(page);
    await ownSeeds(page);
    const seeds = await page.evaluate(() => document.querySelector('story-diff').report.sources.length);
    const steps = {};
    const collect = async (id) => {
      await page.waitForTimeout(500); // a task still running when the step's work ends is counted
      const tasks = await page.evaluate(() => window.__tasks);
      steps[id] = { longest: Math.max(0, ...tasks), tasks };
    };

    const text = bigArticle(1_000_000);
    await page.click('#add-button');
    await page.fill('#add-name', 'Big Wire');
    await page.evaluate((t) => { document.getElementById('add-text').value = t; }, text);
    await page.waitForTimeout(500);
    await page.evaluate(watch);
    await page.click('#add-submit');
    await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources.length === n, seeds + 1, { timeout: 180_000 });
    await waitReady(page, 180_000);
    await collect('add');
    const sentences = await page.evaluate((col) => document.querySelector('story-diff').report.sources[col].sentences.length, seeds);

    await page.evaluate(watch);
    await page.locator('story-diff .view-switch button:text-is("Table")').click();
    await page.waitForFunction(() => /unique/.test(document.querySelector('story-diff').shadowRoot.querySelector('.claims-count')?.textContent || ''), null, { timeout: 120_000 });
    await collect('table');
    const rows = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('.claims .trow[data-row]').length);

    await page.evaluate(watch);
    await page.locator('story-diff input[type="search"]').fill('the');
    await page.waitForTimeout(1000);
    await page.locator('story-diff input[type="search"]').fill('');
    await collect('search');

    await page.evaluate(watch);
    await page.evaluate(typeAndEnter, ['river', '.claims-count']);
    await collect('enterTable');
    await page.locator('story-diff input[type="search"]').fill('');

    await page.locator('story-diff .view-switch button:text-is("Columns")').click();
    await page.evaluate(watch);
    await page.evaluate(enterWhileRendering, 'river');
    await waitReady(page, 180_000);
    await collect('enterColumns');
    await context.close();
    return { chromium: browser.version(), sentences, rows, steps };
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureResponsiveness(), null, 2));
}
