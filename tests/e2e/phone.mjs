// Phone (issue 13, point 7), in headless Chromium at 390 x 844: the first sentence of the first
// column is on the first screen, whole; the toolbar's filters and legend are folded behind a
// "Filters and legend" button (aria-expanded) that opens and closes them, and "/" opens them to
// search; the HTML export has no such button and its legend open; a desktop shows no such button. axe-core, folded and open. Screenshot:
// docs/screenshots/phone-first-screen.png.
//
//   node tests/e2e/phone.mjs

import { join } from 'node:path';
import { ROOT, axe, runBrowserTest, waitReady, watchProblems } from './lib.mjs';

const VIEWPORT = { width: 390, height: 844 };

// Runs in the page: where the first sentence is, and the toolbar's state.
const firstScreen = () => {
  const root = document.querySelector('story-diff').shadowRoot;
  const first = root.querySelector('.sentences[data-source="0"] .sentence[data-sentence]');
  const r = first.getBoundingClientRect();
  const toggle = root.querySelector('.toolbar-toggle');
  const visible = (sel) => !!root.querySelector(sel)?.checkVisibility();
  return {
    top: Math.round(r.top),
    bottom: Math.round(r.bottom),
    left: Math.round(r.left),
    scrollY: window.scrollY,
    toggle: toggle && toggle.checkVisibility() ? toggle.getAttribute('aria-expanded') : null,
    filters: visible('.toolbar > .filters'),
    legend: visible('.toolbar > .legend'),
    search: root.activeElement?.getAttribute('type') === 'search',
  };
};

await runBrowserTest('phone', 240, async ({ url, browser, check }) => {
  const ctx = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  await waitReady(page);
  let s = await page.evaluate(firstScreen);
  check(s.scrollY === 0 && s.top >= 0 && s.bottom <= VIEWPORT.height && s.left >= 0 && s.left < VIEWPORT.width,
    `at 390 x 844 the first sentence of the first column is whole on the first screen (${s.top}-${s.bottom} px of 844)`, JSON.stringify(s));
  check(s.toggle === 'false' && !s.filters && !s.legend, 'the filters and the legend are folded behind a "Filters and legend" button', JSON.stringify(s));
  await page.screenshot({ path: join(ROOT, 'docs/screenshots/phone-first-screen.png') });
  let violations = await axe(page);
  check(violations.length === 0, 'axe-core (phone, toolbar folded): no serious or critical violations', JSON.stringify(violations));

  await page.locator('story-diff .toolbar-toggle').click();
  s = await page.evaluate(firstScreen);
  check(s.toggle === 'true' && s.filters && s.legend, 'the button opens the filters and the legend (aria-expanded true)', JSON.stringify(s));
  violations = await axe(page);
  check(violations.length === 0, 'axe-core (phone, toolbar open): no serious or critical violations', JSON.stringify(violations));
  await page.locator('story-diff .toolbar-toggle').click();
  s = await page.evaluate(firstScreen);
  check(s.toggle === 'false' && !s.filters, 'and folds them again', JSON.stringify(s));

  // "/" searches: it opens the toolbar and focuses the search field.
  await page.locator('story-diff .sentences[data-source="0"] .sentence[data-sentence]').first().focus();
  await page.keyboard.press('/');
  s = await page.evaluate(firstScreen);
  check(s.toggle === 'true' && s.search, '"/" opens the folded toolbar and focuses the search field', JSON.stringify(s));
  const exported = await page.evaluate(() => document.querySelector('story-diff').exportHTML());
  check(!/class="toolbar-toggle"/.test(exported) && /class="toolbar open"/.test(exported) && /class="legend"/.test(exported),
    'the HTML export has no fold button and its legend open', exported.match(/class="toolbar[^"]*"/g)?.join());
  check(problems.length === 0, 'no console errors, page errors or failed requests (phone)', problems.join(' | '));
  await ctx.close();

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const dpage = await desk.newPage();
  await dpage.goto(url);
  await waitReady(dpage);
  const d = await dpage.evaluate(firstScreen);
  check(d.toggle === null && d.filters && d.legend, 'on a desktop there is no fold: the filters and the legend are shown', JSON.stringify(d));
  await desk.close();
});
