// Provenance (issue 13, point 4), in headless Chromium: the paste dialog's outlet, address and
// publication time fields are shown in the new article's column head and in the JSON and HTML
// exports, and kept across a reload; an article's "Details" dialog is filled from what the engine
// read and changes what is shown, and a change closed with Esc is kept (a notice, across a reload)
// until saved; "Order by time" puts the articles in order of publication, with
// an Undo; the fields are kept in the draft; they are filled with what the engine reads from a
// pasted web page or typed text, and what the user typed in them is kept; a time typed is the
// visitor's local time (the context runs in Europe/Berlin), so of two articles typed in as
// published at 06:00 and 18:00 on one day the first is named, in the panel, the claim table and
// its exports. axe-core with both dialogs open. Screenshot:
// tests/e2e/out/provenance-details.png.
//
//   node tests/e2e/provenance.mjs

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, axe, ownSeeds, runBrowserTest, waitReady, watchProblems } from './lib.mjs';

const SEEDS = JSON.parse(readFileSync(join(ROOT, 'seeds/index.json'), 'utf8'));
const VALLEY = readFileSync(join(ROOT, 'tests/fixtures/pages/valley.html'), 'utf8');
const FERRY = 'Ferry service suspended after storm damage\n\nBy Lena Ortiz\nJune 3, 2025, 9:15 a.m.\n\nThe ferry between Port Alden and Kessel Island was suspended on Tuesday after a storm damaged the landing ramp.\n\nThe operator said repairs would take at least two weeks and that a replacement bus would run from Thursday.\n';
const MINE = 'North Korea rebuffs letter\n\nNorth Korean diplomats in New York refused to accept a letter from Trump to Kim, NK News reported.\n\nThe White House said the president remains receptive to correspondence with Kim Jong Un.\n';

// Two articles of one claim, typed in on one day: the morning's and the evening's.
const FARES_A = 'Ferry fares rise\n\nThe island ferry will raise its fares by ten percent from July, the operator said on Tuesday.\n\nCommuters had asked for a cheaper season ticket.\n';
const FARES_B = 'Fares up on island ferry\n\nThe island ferry will raise its fares by ten percent from July, the operator said on Tuesday.\n\nThe council said it would review the subsidy.\n';

// Runs in the page: each column head's outlet, date and address, and the list's names.
const heads = () => {
  const root = document.querySelector('story-diff').shadowRoot;
  return {
    heads: [...root.querySelectorAll('.column-head')].map((h) => ({ outlet: h.querySelector('.outlet')?.textContent, date: h.querySelector('.meta span')?.textContent, url: h.querySelector('.meta .url')?.textContent || null })),
    list: [...document.querySelectorAll('#source-list .source-name')].map((i) => i.value),
  };
};

await runBrowserTest('provenance', 300, async ({ url, browser, check }) => {
  // The visitor's time zone: the times typed in the Published fields are read in it.
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin' });
  const page = await ctx.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  await waitReady(page);
  await ownSeeds(page);
  const seedCount = SEEDS.length;

  // --- The paste dialog's details. -------------------------------------------------------------
  await page.click('#add-button');
  await page.fill('#add-name', 'Desk copy');
  await page.fill('#add-outlet', 'Harbour Post');
  await page.fill('#add-url', 'javascript:alert(1)');
  await page.fill('#add-when', '2025-06-11T09:30');
  await page.fill('#add-text', MINE);
  let violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations with the paste dialog and its detail fields', JSON.stringify(violations));
  await page.click('#add-submit');
  const refused = await page.evaluate(() => ({ open: document.getElementById('add-dialog').open, error: document.getElementById('add-error').textContent }));
  check(refused.open && /must be a web address starting with http/.test(refused.error), 'an address that is not http(s) is refused, the dialog stays open', JSON.stringify(refused));
  await page.fill('#add-url', 'https://harbour.example/story');
  await page.reload();
  await waitReady(page);
  await page.click('#add-button');
  const kept = await page.evaluate(() => ['name', 'outlet', 'url', 'when', 'text'].map((k) => document.getElementById(`add-${k}`).value));
  check(kept[1] === 'Harbour Post' && kept[2] === 'https://harbour.example/story' && kept[3] === '2025-06-11T09:30' && kept[4] === MINE, 'the detail fields are kept in the draft across a reload', JSON.stringify(kept));
  await page.click('#add-submit');
  await page.waitForFunction((n) => document.querySelectorAll('#source-list .source-name').length === n, seedCount + 1);
  await waitReady(page);
  let s = await page.evaluate(heads);
  const mine = s.heads[seedCount];
  check(mine.outlet === 'Harbour Post' && mine.date === '2025-06-11 09:30+02:00' && mine.url === 'https://harbour.example/story',
    'the new column head shows the outlet, time (typed in Berlin: +02:00) and address given', JSON.stringify(mine));
  const exports = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const json = JSON.parse(v.exportJSON()).sources.at(-1);
    return { json: [json.outlet, json.url, json.datetime, json.published], html: v.exportHTML() };
  });
  check(exports.json.join() === 'Harbour Post,https://harbour.example/story,2025-06-11T09:30+02:00,2025-06-11', 'the JSON export carries them (the time with the visitor\'s offset)', JSON.stringify(exports.json));
  check(exports.html.includes('Harbour Post') && exports.html.includes('https://harbour.example/story') && exports.html.includes('2025-06-11 09:30'), 'the HTML export shows them');
  await page.reload();
  await waitReady(page);
  s = await page.evaluate(heads);
  check(s.heads[seedCount]?.outlet === 'Harbour Post' && s.heads[seedCount]?.date === '2025-06-11 09:30+02:00', 'they are kept across a reload', JSON.stringify(s.heads[seedCount]));

  // --- An article's Details: filled from what the engine read, corrected. -----------------------
  await page.click('#sources-panel summary');
  await page.click('#source-list li:nth-child(2) button.details');
  const filled = await page.evaluate(() => ({ open: document.getElementById('details-dialog').open, outlet: document.getElementById('details-outlet').value, when: document.getElementById('details-when').value, title: document.getElementById('details-title').textContent }));
  const read = await page.evaluate(() => document.querySelector('story-diff').report.sources[1]);
  check(filled.open && filled.outlet === (read.outlet || '') && filled.when === `${read.published}T00:00` && filled.title === `Details of “${SEEDS[1]}”`,
    "an article's Details dialog is filled from what the engine read", JSON.stringify({ filled, read: [read.outlet, read.published] }));
  violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations with the Details dialog open', JSON.stringify(violations));
  await page.screenshot({ path: join(OUT, 'provenance-details.png') });
  await page.fill('#details-outlet', 'Yonhap News Agency');
  // A time the clocks skip in Berlin (summer time starts at 02:00 on 30 March 2025): refused, saying what it would be.
  await page.fill('#details-when', '2025-03-30T02:30');
  await page.click('#details-save');
  const gap = await page.evaluate(() => ({ open: document.getElementById('details-dialog').open, error: document.getElementById('details-error').hidden ? null : document.getElementById('details-error').textContent }));
  check(gap.open && /^2025-03-30 02:30 does not exist in your time zone, Europe\/Berlin: .*Did you mean 2025-03-30 03:30\?$/.test(gap.error || ''),
    'a time typed in the hour the clocks skip is refused (the dialog stays open) with the time it would be', JSON.stringify(gap));
  await page.fill('#details-when', '2025-06-12T07:15');
  await page.click('#details-save');
  await page.waitForFunction(() => document.querySelector('story-diff').report?.sources[1].outlet === 'Yonhap News Agency');
  await waitReady(page);
  s = await page.evaluate(heads);
  check(s.heads[1].outlet === 'Yonhap News Agency' && s.heads[1].date === '2025-06-12 07:15+02:00', 'the corrected details are shown in the column head', JSON.stringify(s.heads[1]));

  // Esc in the Details dialog after a change: the change is kept, a notice says so (after a reload
  // too) and opens it again; saved, it is shown and the notice goes. Two articles' changes are
  // kept side by side.
  const draftNotices = () => page.evaluate(() => [...document.querySelectorAll('#notices [data-kind^="details-draft"] p')].map((p) => p.textContent));
  await page.click('#source-list li:nth-child(3) button.details');
  await page.fill('#details-outlet', 'Typed Outlet');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#notices [data-kind^="details-draft"]', { timeout: 5000 }).catch(() => {});
  const esc = await page.evaluate(() => document.getElementById('details-dialog').open);
  let drafts = await draftNotices();
  check(!esc && drafts.length === 1 && drafts[0] === `Your changes to the details of “${SEEDS[2]}” are not saved: they are kept, and its Details button shows them again. Dismiss this to let them go.`,
    'Esc in the Details dialog keeps the typed change and says so', JSON.stringify({ esc, drafts }));
  await page.click('#source-list li:nth-child(4) button.details');
  await page.fill('#details-url', 'https://fourth.example/story');
  await page.click('#details-cancel');
  // The dialog's close event (which writes the notice) comes in a task of its own, after the click.
  await page.waitForFunction(() => document.querySelectorAll('#notices [data-kind^="details-draft"]').length === 2, null, { timeout: 5000 }).catch(() => {});
  drafts = await draftNotices();
  check(drafts.length === 2 && drafts[1].includes(`“${SEEDS[3]}”`), "a second article's change closed with Cancel is kept beside the first", JSON.stringify(drafts));
  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#notices [data-kind^="details-draft"]').length === 2, null, { timeout: 5000 }).catch(() => {});
  await page.click(`#notices [data-kind^="details-draft"]:has-text("${SEEDS[2]}") button:text-is("Open them")`);
  const again = await page.evaluate(() => ({ open: document.getElementById('details-dialog').open, outlet: document.getElementById('details-outlet').value }));
  check(again.open && again.outlet === 'Typed Outlet', 'after a reload the notices are still there and open the dialog with the change', JSON.stringify(again));
  const stays = await page.evaluate((name) => [...document.querySelectorAll('#notices [data-kind^="details-draft"] p')].some((p) => p.textContent.includes(`“${name}”`)), SEEDS[2]);
  check(stays, '"Open them" leaves its notice in place while the changes are not saved (closing the dialog again keeps them)');
  await page.click('#details-save');
  await page.waitForFunction(() => document.querySelector('story-diff').report?.sources[2].outlet === 'Typed Outlet');
  await waitReady(page);
  s = await page.evaluate(heads);
  drafts = await draftNotices();
  check(s.heads[2].outlet === 'Typed Outlet' && drafts.length === 1 && drafts[0].includes(`“${SEEDS[3]}”`), 'saved, the change is shown and its notice goes; the other stays', JSON.stringify({ head: s.heads[2], drafts }));
  await page.click('#notices [data-kind^="details-draft"] button:text-is("Dismiss")');
  const gone = await page.evaluate(() => ({ notices: document.querySelectorAll('#notices [data-kind^="details-draft"]').length, kept: localStorage.getItem('storydiff:details-draft:v2') ?? localStorage.getItem('storydiff:details-draft:v1') }));
  check(gone.notices === 0 && gone.kept === null, 'dismissed, the other change is let go (from storage too)', JSON.stringify(gone));
  await page.click('#sources-panel summary');

  // --- Order by time. ---------------------------------------------------------------------------
  const listBefore = s.list;
  await page.click('#order-time');
  await page.waitForFunction((first) => document.querySelector('#source-list .source-name')?.value === first, 'Desk copy');
  await waitReady(page);
  s = await page.evaluate(heads);
  check(s.list[0] === 'Desk copy' && s.list[1] === SEEDS[1] && s.heads[0].outlet === 'Harbour Post', 'Order by time puts the earliest first (2025-06-11, then the one with a time on 2025-06-12)', JSON.stringify(s.list));
  await page.click('#notices .notice-undo button:text-is("Undo")');
  await page.waitForFunction((first) => document.querySelector('#source-list .source-name')?.value === first, listBefore[0]);
  s = await page.evaluate(heads);
  check(s.list.join() === listBefore.join(), 'Undo puts the articles back in their order', JSON.stringify(s.list));

  // --- The paste dialog's fields, filled from what the engine reads as the article arrives. -----
  // A web page pasted (text/html on the clipboard): its publisher, canonical address and time.
  await page.click('#add-button');
  await page.evaluate(([html, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    document.getElementById('add-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [VALLEY, 'Flood closes bridge\n\nThe river rose two metres overnight and the old bridge was closed to traffic on Monday.']);
  await page.waitForFunction(() => document.getElementById('add-url').value !== '', null, { timeout: 20_000 });
  const fields = () => ({ ...Object.fromEntries(['outlet', 'url', 'when'].map((k) => [k, document.getElementById(`add-${k}`).value])), note: !document.getElementById('add-read-note').hidden });
  let pre = await page.evaluate(fields);
  check(pre.outlet === 'Valley News' && pre.url === 'https://valley.example/news/flood-bridge' && pre.when === '2024-03-05T08:30' && pre.note,
    "a pasted web page fills the dialog's outlet, address and time with what the engine reads, and says so", JSON.stringify(pre));
  violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations with the filled-in fields and their note', JSON.stringify(violations));
  // Corrected before adding: the column head shows the correction, and the rest as read.
  await page.fill('#add-outlet', 'Valley News Online');
  await page.click('#add-submit');
  await page.waitForFunction((n) => document.querySelectorAll('#source-list .source-name').length === n, seedCount + 2);
  await waitReady(page);
  s = await page.evaluate(heads);
  const valley = s.heads.find((h) => h.url === 'https://valley.example/news/flood-bridge');
  check(valley?.outlet === 'Valley News Online' && valley?.date?.startsWith('2024-03-05 08:30'), 'the corrected outlet and the time read (with its offset) are in the new column head', JSON.stringify(s.heads));

  // Plain text: the time the engine reads fills its field; an outlet typed first stays the user's.
  await page.click('#add-button');
  pre = await page.evaluate(fields);
  check(pre.outlet === '' && pre.url === '' && pre.when === '' && !pre.note, 'the fields start empty again after an article is added', JSON.stringify(pre));
  await page.fill('#add-outlet', 'Harbour Gazette');
  await page.fill('#add-text', FERRY);
  await page.waitForFunction(() => document.getElementById('add-when').value !== '', null, { timeout: 20_000 });
  pre = await page.evaluate(fields);
  check(pre.when === '2025-06-03T00:00' && pre.outlet === 'Harbour Gazette', 'typed text fills the time read from its dateline; the outlet typed first is kept', JSON.stringify(pre));
  await page.fill('#add-text', '');
  await page.waitForFunction(() => document.getElementById('add-when').value === '', null, { timeout: 20_000 });
  pre = await page.evaluate(fields);
  check(pre.outlet === 'Harbour Gazette' && !pre.note, 'emptying the text empties what was read, not what was typed', JSON.stringify(pre));
  await page.click('#add-cancel');

  // --- Times typed in the Published fields are the visitor's local time: on one day, 06:00 was
  // before 18:00, so the morning article had the shared claim first (panel, table, its exports). ---
  await page.click('#new-button');
  await page.waitForFunction(() => document.querySelectorAll('#source-list .source-name').length === 0);
  for (const [name, when, text, address] of [['Morning Desk', '2025-06-10T06:00', FARES_A, 'https://morning.example/fares'], ['Evening Desk', '2025-06-10T18:00', FARES_B, '']]) {
    await page.click('#add-button');
    await page.fill('#add-name', name);
    await page.fill('#add-outlet', ''); // the outlet typed above stayed in the draft
    await page.fill('#add-url', address);
    await page.fill('#add-when', when);
    await page.fill('#add-text', text);
    await page.click('#add-submit');
    await page.waitForFunction((n) => document.querySelectorAll('#source-list .source-name').length === n, name === 'Morning Desk' ? 1 : 2);
  }
  await waitReady(page);
  const firsts = await page.evaluate(async () => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const j = v.report.sources[1].sentences.findIndex((x) => x.support > 0);
    v.select(1, j);
    const panel = root.querySelector('.panel .first-line')?.textContent;
    root.querySelector('.view-switch .mode[data-mode="table"]').click();
    await new Promise((resolve) => { const wait = () => (root.querySelector('.claims-table[aria-busy]') ? setTimeout(wait, 50) : resolve()); wait(); });
    const rows = [...root.querySelectorAll('.claims .tbody .trow:not(.only)')].map((r) => r.querySelector('.row-first')?.textContent ?? null);
    const csv = v.exportCSV();
    const md = v.exportMarkdown().split('\n').filter((l) => l.startsWith('| '));
    root.querySelector('.view-switch .mode[data-mode="columns"]').click();
    return { times: v.report.sources.map((x) => x.datetime), panel, rows, csvHead: csv.split('\r\n')[0], csvFirst: csv.includes(',"Morning Desk, 2025-06-10 06:00+02:00"\r\n'), md: md.slice(0, 3) };
  });
  check(firsts.times.join() === '2025-06-10T06:00+02:00,2025-06-10T18:00+02:00', 'the times typed are kept with the visitor\'s UTC offset', JSON.stringify(firsts.times));
  check(firsts.panel === 'First published by Morning Desk, 2025-06-10 06:00+02:00: the earliest of the 2 sources sharing it with a publication time.',
    "the shared sentence's focus panel names the article typed as published at 06:00 first", firsts.panel);
  check(firsts.rows.length > 0 && firsts.rows.every((t) => t === 'First: Morning Desk, 2025-06-10 06:00+02:00'), "the claim table's shared rows say which source was first", JSON.stringify(firsts.rows));
  check(firsts.csvFirst, "the table's CSV has a First published column, filled for the shared row", JSON.stringify(firsts.csvHead));
  check(firsts.md[0].endsWith('| Conflicts | First published |') && firsts.md[2].endsWith('| Morning Desk, 2025-06-10 06:00+02:00 |'), "the table's Markdown too", JSON.stringify(firsts.md));
  // Provenance in the table exports' headers: each source's address and publication time.
  check(firsts.csvHead === '#,Sources,Match,"Morning Desk (https://morning.example/fares, published 2025-06-10 06:00+02:00)",Evening Desk (published 2025-06-10 18:00+02:00),Conflicts,First published',
    "the table's CSV names each source in its header with its address and publication time", firsts.csvHead);
  check(firsts.md[0] === '| \\# | Sources | Match | Morning Desk (https://morning.example/fares, published 2025-06-10 06:00+02:00) | Evening Desk (published 2025-06-10 18:00+02:00) | Conflicts | First published |',
    "the table's Markdown header too", firsts.md[0]);

  check(problems.length === 0, 'no console errors, page errors or failed requests', problems.join(' | '));
  await ctx.close();

  // --- Unsaved details, and the articles cannot be read back (kept in IndexedDB, gone there). -----
  // The drafts are not let go as those of articles removed: a reload may bring the articles back.
  const c2 = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Berlin' });
  await c2.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('storydiff:articles:v1', JSON.stringify({ version: 1, in: 'indexeddb' }));
    localStorage.setItem('storydiff:details-draft:v1', JSON.stringify({ version: 2, drafts: [{ key: 't10:abc', name: 'Gone for now', values: { outlet: 'Typed Outlet', url: '', when: '' } }] }));
  });
  const p2 = await c2.newPage();
  await p2.goto(url);
  await waitReady(p2);
  await p2.waitForSelector('#notices [data-kind^="details-draft"]', { timeout: 5000 }).catch(() => {});
  const unread = await p2.evaluate(() => ({
    storage: document.querySelector('#notices .notice-storage p')?.textContent || '',
    draft: JSON.parse(localStorage.getItem('storydiff:details-draft:v2') ?? localStorage.getItem('storydiff:details-draft:v1') ?? 'null')?.drafts?.map((d) => d.name),
    notice: document.querySelector('#notices [data-kind^="details-draft"] p')?.textContent || '',
  }));
  check(/could not be read back/.test(unread.storage) && unread.draft?.join() === 'Gone for now' && /“Gone for now”/.test(unread.notice),
    'articles that cannot be read back: their unsaved details are kept (in storage, and a notice), not deleted', JSON.stringify(unread));
  // Its article is not listed: "Open them" says so instead of doing nothing, and the notice stays.
  await p2.click('#notices [data-kind^="details-draft"] button:text-is("Open them")');
  const notListed = await p2.evaluate(() => ({ open: document.getElementById('details-dialog').open, notice: document.querySelector('#notices [data-kind^="details-draft"] p')?.textContent || '', focus: document.activeElement?.textContent }));
  check(!notListed.open && /“Gone for now”, whose unsaved details these are, is no longer listed/.test(notListed.notice) && notListed.focus === 'Open them',
    '"Open them" for an article not listed says so, and the notice (and the focus) stay', JSON.stringify(notListed));
  await c2.close();
});
