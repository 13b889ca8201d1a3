// Output to hand on (issue 13, point 6), in headless Chromium: the "Print or save as PDF" button
// calls the browser's print; in print media every sentence of the report is laid out on the page
// (none hidden, none inside a scroll box, the long column's lazily laid-out blocks too), the page's
// controls are left out, and a PDF is made; a rendering still under way is finished before
// printing (beforeprint). The claim table prints every row, without the screen's hints, its
// sources named with their outlet, name and date (in the head row, or a list before the cards).
// axe-core on the page with the new button. Screenshot of the printed page
// (print media, A4 width): docs/screenshots/print.png; the PDF: tests/e2e/out/print.pdf.
//
//   node tests/e2e/print.mjs

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, axe, runBrowserTest, waitReady, watchProblems } from './lib.mjs';

const SEEDS = JSON.parse(readFileSync(join(ROOT, 'seeds/index.json'), 'utf8'));
const seed = (k) => ({ name: SEEDS[k], text: readFileSync(join(ROOT, 'seeds', SEEDS[k]), 'utf8'), restored: [] });
// A long article: 400 sentences, more than a column lays out at once (LONG_LIST, 150 rows).
const LONG = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} of the council minutes records motion number ${1000 + i} on the ${['bridge', 'harbour', 'school', 'library'][i % 4]} budget.`).join(' ');

// Put in the page before its scripts: whether a box around `node` (a scroll box, a fixed height)
// hides part of it, up to the element `root` belongs to.
const defineCutOff = () => {
  window.__cutOff = (node, root) => {
    const r = node.getBoundingClientRect();
    for (let p = node.parentElement; p && p !== root.host; p = p.parentElement || p.getRootNode().host) {
      const cs = getComputedStyle(p);
      if (cs.overflowY !== 'visible' || cs.overflowX !== 'visible') {
        const b = p.getBoundingClientRect();
        if (r.top < b.top - 1 || r.bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1) return true;
      }
    }
    return false;
  };
};

// Runs in the page: how many of the report's sentences are laid out on the page, and where not.
const laidOut = () => {
  const v = document.querySelector('story-diff');
  const root = v.shadowRoot;
  const total = v.report.sources.reduce((n, s) => n + s.sentences.length, 0);
  const nodes = [...root.querySelectorAll('.sentence[data-sentence]')];
  const shown = nodes.filter((n) => n.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && n.getBoundingClientRect().height > 0);
  const cut = shown.filter((n) => window.__cutOff(n, root));
  const hiddenPage = ['.actions', '.sources-panel'].map((s) => document.querySelector(s)).filter((n) => n && n.checkVisibility()).length;
  const hiddenView = ['.filters', '.panel', '.tabs'].map((s) => root.querySelector(s)).filter((n) => n && n.checkVisibility()).length;
  return { total, built: nodes.length, shown: shown.length, cut: cut.length, controls: hiddenPage + hiddenView, height: document.documentElement.scrollHeight };
};

// Runs in the page, in print media: the claim table's rows laid out against the rows the report
// makes, cells outside the page's width or cut by a box around them, and controls still shown.
const laidOutTable = () => {
  const v = document.querySelector('story-diff');
  const root = v.shadowRoot;
  const W = document.documentElement.clientWidth;
  const rows = [...root.querySelectorAll('.claims-table .tbody .trow')].filter((r) => r.checkVisibility({ contentVisibilityAuto: true }) && r.getBoundingClientRect().height > 0);
  const cells = rows.flatMap((r) => [...r.querySelectorAll('.tcell')]).filter((c) => c.checkVisibility({ contentVisibilityAuto: true }));
  const outside = cells.filter((c) => { const b = c.getBoundingClientRect(); return b.left < -1 || b.right > W + 1 || b.width < 60; });
  const cut = cells.filter((n) => window.__cutOff(n, root));
  const first = rows[0] ? [...rows[0].querySelectorAll('.tcell')].filter((c) => c.checkVisibility()) : [];
  const sideBySide = first.length > 2 && first.every((c) => Math.abs(c.getBoundingClientRect().top - first[0].getBoundingClientRect().top) < 2);
  const controls = ['.view-switch', '.claims-actions'].map((q) => root.querySelector(q)).filter((n) => n && n.checkVisibility()).length;
  // The rows the table has (its head row aside), as it tells assistive technology.
  const model = Number(root.querySelector('.claims-table').getAttribute('aria-rowcount')) - 1;
  // What paper keeps of the screen's hints, and how it names the sources: the head row (side by
  // side) or the list above the cards.
  const hint = /Hover or focus/.test(root.querySelector('.claims-note')?.innerText || '');
  const heads = [...root.querySelectorAll('.claims-table .thead .tcell:not(.rowhead)')].filter((c) => c.checkVisibility()).map((c) => c.innerText.replace(/\s+/g, ' ').trim());
  const list = root.querySelector('.claims-sources');
  const listed = list?.checkVisibility() ? [...list.querySelectorAll('li')].map((li) => li.textContent) : null;
  const days = v.report.sources.map((x) => (x.datetime ?? x.published ?? '').slice(0, 10));
  return { model, rows: rows.length, cells: cells.length, outside: outside.length, cut: cut.length, sideBySide, controls, hint, heads, listed, days };
};

await runBrowserTest('print', 300, async ({ url, browser, check }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(defineCutOff);
  await page.goto(url);
  await waitReady(page);

  // The button prints (the browser's dialog is stubbed: headless Chromium has none).
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  const enabled = await page.isEnabled('#print-button');
  await page.click('#print-button');
  check(enabled && (await page.evaluate(() => window.__printed)) === 1, 'the "Print or save as PDF" button is enabled once the view is ready and calls the print dialog once');
  const violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations with the print button', JSON.stringify(violations));

  const screen = await page.evaluate(laidOut);
  check(screen.cut > 0, 'on screen the columns are scroll boxes that cut sentences off (the check sees them)', JSON.stringify(screen));
  await page.emulateMedia({ media: 'print' });
  let printed = await page.evaluate(laidOut);
  check(printed.total > 60 && printed.shown === printed.total && printed.cut === 0, `print media lays out every sentence of the seeds, none cut (${printed.shown} of ${printed.total})`, JSON.stringify(printed));
  check(printed.controls === 0, 'print media leaves out the page buttons, the articles list, the filters, the focus panel and the tabs', JSON.stringify(printed));

  // The printed page, at A4 width: its first screen for the README, the whole as a PDF.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(ROOT, 'docs/screenshots/print.png') });
  const pdf = await page.pdf({ path: join(OUT, 'print.pdf'), format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(pages >= 3, `a PDF is made: ${pages} A4 pages`, `${pdf.length} bytes`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A long column (400 sentences, laid out lazily on screen) prints whole too; and a rendering
  // still under way when the print starts is finished first.
  const under = await page.evaluate(async ([a, b, long]) => {
    const v = document.querySelector('story-diff');
    const before = v.report;
    v.sources = [a, b, { name: 'Council minutes', text: long, restored: [] }];
    // The first frame after the new report arrives: its rendering has only begun.
    await new Promise((resolve) => {
      const look = () => (v.report !== before ? resolve() : requestAnimationFrame(look));
      look();
    });
    const total = v.report.sources.reduce((n, s) => n + s.sentences.length, 0);
    const builtBefore = v.shadowRoot.querySelectorAll('.sentence[data-sentence]').length;
    window.dispatchEvent(new Event('beforeprint'));
    const builtAfter = v.shadowRoot.querySelectorAll('.sentence[data-sentence]').length;
    return { total, builtBefore, builtAfter };
  }, [seed(0), seed(1), LONG]);
  check(under.builtAfter === under.total, `beforeprint finishes the rendering under way: ${under.builtAfter} of ${under.total} sentences built (${under.builtBefore} before it)`, JSON.stringify(under));
  await waitReady(page);
  await page.emulateMedia({ media: 'print' });
  printed = await page.evaluate(laidOut);
  check(printed.total > 400 && printed.shown === printed.total && printed.cut === 0, `print media lays out every sentence with a 400-sentence column (${printed.shown} of ${printed.total})`, JSON.stringify(printed));
  await page.emulateMedia({ media: 'screen' });

  // --- The claim table printed: every row (those still to be built too), every cell within the
  // page's width and none cut, no controls; three sources side by side, five as one card per claim.
  const tablePrinted = async (sources, shot = null) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate((list) => {
      const v = document.querySelector('story-diff');
      v.viewMode = 'table';
      v.sources = list;
    }, sources);
    await waitReady(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    const r = await page.evaluate(laidOutTable);
    if (shot) await page.screenshot({ path: join(OUT, shot) });
    await page.emulateMedia({ media: 'screen' });
    return r;
  };
  let table = await tablePrinted([seed(0), seed(1), seed(2)], 'print-table-3.png');
  check(table.rows === table.model && table.cells > 0 && table.outside === 0 && table.cut === 0 && table.controls === 0,
    `the claim table printed, three sources: all ${table.model} rows, every cell within the page, none cut, no controls`, JSON.stringify(table));
  check(table.sideBySide, 'three sources print side by side, one column each', JSON.stringify(table));
  // (Each seed's date, where it has one: Al Jazeera's gives none.)
  const dated = (texts, days) => texts.length === days.length && days.some(Boolean) && texts.every((t, i) => (days[i] ? t.includes(days[i]) : !/\d{4}-\d\d-\d\d/.test(t)));
  check(!table.hint && table.heads.length === 3 && dated(table.heads, table.days) && table.heads[0].startsWith('REUTERS 000_') && table.listed === null,
    'the printed table leaves out the on-screen hint (hover, click) and heads each column with its outlet, name and date', JSON.stringify({ hint: table.hint, heads: table.heads }));
  table = await tablePrinted([...SEEDS.keys()].map(seed), 'print-table-5.png');
  check(table.rows === table.model && table.outside === 0 && table.cut === 0 && !table.sideBySide,
    `the claim table printed, five sources: all ${table.model} rows as one card per claim, every cell within the page, none cut`, JSON.stringify(table));
  check(!table.hint && table.listed?.length === 5 && dated(table.listed, table.days) && table.listed[0] === `Reuters (${SEEDS[0]}, published ${table.days[0]})`,
    'printed as cards, the table is preceded by a list naming each source with its outlet, name and date', JSON.stringify(table.listed));
  // A 400-row table, printed while its rows are still being built in slices.
  await page.setViewportSize({ width: 1280, height: 800 });
  const building = await page.evaluate(async ([a, b, long]) => {
    const v = document.querySelector('story-diff');
    const before = v.report;
    v.sources = [a, b, { name: 'Council minutes', text: long, restored: [] }];
    const rows = () => v.shadowRoot.querySelectorAll('.claims-table .tbody .trow').length;
    await new Promise((resolve) => {
      const look = () => (v.report !== before && rows() > 0 ? resolve() : requestAnimationFrame(look));
      look();
    });
    const builtBefore = rows();
    window.dispatchEvent(new Event('beforeprint'));
    return { builtBefore, builtAfter: rows() };
  }, [seed(0), seed(1), LONG]);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  table = await page.evaluate(laidOutTable);
  await page.emulateMedia({ media: 'screen' });
  check(building.builtBefore < table.model && building.builtAfter === table.model && table.model > 400 && table.rows === table.model && table.cut === 0,
    `a 400-row claim table printed while it is being built prints every row: beforeprint builds the rest (${building.builtBefore}, then ${building.builtAfter} of ${table.model})`, JSON.stringify({ building, table }));
  await page.evaluate(() => { document.querySelector('story-diff').viewMode = 'columns'; });
  check(problems.length === 0, 'no console errors, page errors or failed requests', problems.join(' | '));
});
