// A real start (issue 13, point 1), in headless Chromium: while the seed articles are shown as the
// demo, the visitor's first article (pasted or dropped) starts a comparison of their own, the
// seeds leave, and Undo brings them back (then Redo); "New comparison" clears everything, with an
// Undo; Remove and "Start over with the seeds" are undone; Esc in the paste dialog keeps its text
// as a draft, across a reload too, and a draft the storage refuses is said to be lost on reload;
// the visitor's articles survive a reload and are never called the seeds, nor the seeds "yours";
// the Undo of New comparison and Start over is still offered after a reload; an article removed
// and followed by another change (a rename, a paste) stays set aside with Put back, across a reload
// too, instead of vanishing; Start over from an empty list offers no Undo of "your 0 articles".
// axe-core finds no serious or critical violation with the new controls on screen. The first-paste
// screenshot goes to docs/screenshots/first-paste-desktop.png.
//
//   node tests/e2e/start.mjs

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, axe, runBrowserTest, waitReady, waitSettled, watchProblems, pasteArticle } from './lib.mjs';

const SEEDS = JSON.parse(readFileSync(join(ROOT, 'seeds/index.json'), 'utf8')).length;
const STORE = 'storydiff:articles:v1';
const DRAFT = 'storydiff:draft:v1';

const MINE = 'Harbour Post\n\nFerry strike halts crossings to the islands\n\nFerry crews walked out on Monday over pay, halting every crossing to the islands for the day.\n\nThe union said the strike would continue on Tuesday unless talks resumed.\n';
const OTHER = 'Island Herald\n\nFerries stop as crews strike\n\nFerry crews walked out on Monday over pay, halting every crossing to the islands.\n\nShops on the islands ran short of fresh milk by the afternoon.\n';

// Runs in the page: what the visitor sees of the list, the view and the notices.
const seen = () => {
  const v = document.querySelector('story-diff');
  const notices = [...document.querySelectorAll('#notices .notice')].filter((n) => n.checkVisibility());
  return {
    state: v.getAttribute('state'),
    page: document.body.dataset.state,
    columns: v.shadowRoot.querySelectorAll('.column-head').length,
    list: [...document.querySelectorAll('#source-list .source-name')].map((i) => i.value),
    summary: document.getElementById('source-summary').textContent,
    status: document.getElementById('status').textContent,
    notices: notices.map((n) => ({ kind: n.dataset.kind, text: n.querySelector('p').textContent, buttons: [...n.querySelectorAll('button')].map((b) => b.textContent) })),
    stored: localStorage.getItem('storydiff:articles:v1'),
  };
};
const undoNotice = (s) => s.notices.find((n) => n.kind === 'undo');
/** Waits until `page` lists `n` articles. */
const listedOn = (page, n) => page.waitForFunction((k) => document.querySelectorAll('#source-list .source-name').length === k, n, { timeout: 30_000 });
/** Opens the page in `p` and pastes the two test articles, Harbour Post and Island Herald. */
async function openWithTwo(p, url) {
  await p.goto(url);
  await waitReady(p);
  await pasteArticle(p, 'Harbour Post', MINE);
  await listedOn(p, 1);
  await pasteArticle(p, 'Island Herald', OTHER);
  await listedOn(p, 2);
  await waitReady(p);
}

await runBrowserTest('start', 300, async ({ url, browser, check }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const problems = watchProblems(page);
  const listed = (n) => listedOn(page, n);
  await page.goto(url);
  await waitReady(page);
  let s = await page.evaluate(seen);
  check(s.columns === SEEDS && /\(the seeds\)/.test(s.summary) && !/\byour/i.test(`${s.summary} ${s.status}`) && s.stored === null,
    'the seeds are shown as the demo: the list says "the seeds", nothing calls them yours, nothing is stored', JSON.stringify(s));
  // (Not even an empty IndexedDB database: a first visit that keeps nothing opens none.)
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  check(databases.length === 0, 'a first visit that keeps nothing creates no IndexedDB database', JSON.stringify(databases));

  // --- The first article pasted replaces the seeds, with an Undo. ---------------------------------
  await pasteArticle(page, 'Harbour Post', MINE);
  await listed(1);
  await waitSettled(page);
  s = await page.evaluate(seen);
  const first = undoNotice(s);
  check(s.list.join() === 'Harbour Post' && s.state === 'empty' && /\(yours/.test(s.summary),
    'the first pasted article starts a comparison of its own: the seeds leave, the list is the article alone, called yours', JSON.stringify(s));
  check(first && /Started your own comparison with “Harbour Post”/.test(first.text) && new RegExp(`${SEEDS} seed articles were set aside`).test(first.text) && first.buttons.includes('Undo'),
    'a notice says the seeds left and offers Undo', JSON.stringify(s.notices));
  check(JSON.parse(s.stored || 'null')?.sources?.length === 1, 'the article is kept in local storage', s.stored?.slice(0, 80));
  await page.screenshot({ path: join(ROOT, 'docs/screenshots/first-paste-desktop.png') });
  let violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations (the Undo notice, New comparison)', JSON.stringify(violations));

  await page.click('#notices .notice-undo button:text-is("Undo")');
  await listed(SEEDS);
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.columns === SEEDS && /\(the seeds\)/.test(s.summary) && s.stored === null && /Undone/.test(undoNotice(s)?.text || '') && undoNotice(s)?.buttons.includes('Redo'),
    'Undo brings the seeds back as the demo (nothing stored), and offers Redo', JSON.stringify(s));
  const focusAfterUndo = await page.evaluate(() => document.activeElement?.textContent);
  check(focusAfterUndo === 'Redo', 'the keyboard focus moves from Undo to Redo', focusAfterUndo);
  await page.click('#notices .notice-undo button:text-is("Redo")');
  await listed(1);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Harbour Post' && undoNotice(s)?.buttons.includes('Undo'), 'Redo takes the seeds away again, with an Undo', JSON.stringify(s));

  // A second article joins the first: they are compared.
  await pasteArticle(page, 'Island Herald', OTHER);
  await listed(2);
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.columns === 2 && s.list.join() === 'Harbour Post,Island Herald' && /^Compared 2 sources/.test(s.status), 'the second article joins the first and the two are compared', JSON.stringify(s));

  // --- Reload keeps the visitor's articles. ----------------------------------------------------------
  await page.reload();
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald' && s.columns === 2 && /\(yours/.test(s.summary), 'a reload keeps the visitor\'s articles (and not the seeds)', JSON.stringify(s));

  // --- Remove, then Undo. ---------------------------------------------------------------------------------
  await page.click('#sources-panel summary');
  await page.click('#source-list button[aria-label="Remove Harbour Post"]');
  await listed(1);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Island Herald' && /Removed “Harbour Post”/.test(undoNotice(s)?.text || '') && undoNotice(s)?.buttons.includes('Undo'), 'Remove takes the article away and offers Undo', JSON.stringify(s));
  await page.click('#notices .notice-undo button:text-is("Undo")');
  await listed(2);
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald' && s.columns === 2 && JSON.parse(s.stored).sources.length === 2, 'Undo puts the removed article back in its place (and in storage)', JSON.stringify(s));

  // --- New comparison, then Undo. -------------------------------------------------------------------------
  await page.click('#new-button');
  await listed(0);
  await waitSettled(page);
  // The list is saved in a task of its own after the click (www/app.js store()).
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('storydiff:articles:v1') || '{}').sources?.length === 0, null, { timeout: 5000 }).catch(() => {});
  s = await page.evaluate(seen);
  check(s.list.length === 0 && s.state === 'empty' && /Cleared 2 articles/.test(undoNotice(s)?.text || '') && JSON.parse(s.stored).sources.length === 0,
    'New comparison clears every article (kept so, across a reload) and offers Undo', JSON.stringify(s));
  violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations (after New comparison)', JSON.stringify(violations));
  await page.locator('#notices .notice-undo button:text-is("Undo")').focus();
  await page.keyboard.press('Enter');
  await listed(2);
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald' && s.columns === 2, 'Undo (from the keyboard) brings every article back', JSON.stringify(s));

  // --- Start over with the seeds, then Undo. ------------------------------------------------------------
  await page.click('#reset-button');
  await listed(SEEDS);
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.columns === SEEDS && /\(the seeds\)/.test(s.summary) && /Started over with the seed articles: your 2 articles were set aside/.test(undoNotice(s)?.text || '') && s.stored === null,
    'Start over shows the seeds and offers Undo', JSON.stringify(s));
  await page.click('#notices .notice-undo button:text-is("Undo")');
  await listed(2);
  await waitReady(page);
  await page.reload();
  await waitReady(page);
  s = await page.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald' && /\(yours/.test(s.summary), 'Undo of Start over brings the visitor\'s articles back, kept across a reload', JSON.stringify(s));

  // --- Esc in the paste dialog keeps the text as a draft, across a reload. ------------------------------
  const draftText = 'Quay Times\n\nThe harbour master said the ferries could run again by Wednesday.\n';
  await page.click('#add-button');
  await page.fill('#add-name', 'Quay Times');
  await page.fill('#add-text', draftText);
  await page.keyboard.press('Escape');
  // The dialog's close event (which writes the notice) comes in a task of its own, after the key.
  await page.waitForSelector('#notices .notice-draft', { timeout: 5000 }).catch(() => {});
  const afterEsc = await page.evaluate(() => ({ open: document.getElementById('add-dialog').open, notice: document.querySelector('#notices .notice-draft p')?.textContent }));
  check(!afterEsc.open && /Your draft “Quay Times” is kept/.test(afterEsc.notice || ''), 'Esc closes the paste dialog and a notice says the draft is kept', JSON.stringify(afterEsc));
  await page.click('#add-button');
  const reopened = await page.evaluate(() => ({ name: document.getElementById('add-name').value, text: document.getElementById('add-text').value }));
  check(reopened.name === 'Quay Times' && reopened.text === draftText, 'opening the dialog again shows the draft as it was', JSON.stringify(reopened));
  await page.click('#add-cancel');
  await page.reload();
  await waitReady(page);
  await page.waitForSelector('#notices .notice-draft', { timeout: 5000 }).catch(() => {});
  const draftNotice = await page.evaluate(() => document.querySelector('#notices .notice-draft p')?.textContent || '');
  await page.click('#notices .notice-draft button:text-is("Open the draft")');
  const restored = await page.evaluate(() => ({ open: document.getElementById('add-dialog').open, name: document.getElementById('add-name').value, text: document.getElementById('add-text').value }));
  check(/unsent draft “Quay Times”/.test(draftNotice) && restored.open && restored.name === 'Quay Times' && restored.text === draftText,
    'after a reload the draft is still there: a notice says so and opens it', JSON.stringify({ draftNotice, restored }));
  await page.click('#add-submit');
  await listed(3);
  await waitReady(page);
  const sent = await page.evaluate((k) => ({ draft: localStorage.getItem(k), notice: !!document.querySelector('#notices .notice-draft'), box: document.getElementById('add-text').value }), DRAFT);
  check(sent.draft === null && !sent.notice && sent.box === '', 'adding the draft clears it (from storage too)', JSON.stringify(sent));
  check(problems.length === 0, 'no console errors, page errors or failed requests', problems.join(' | '));
  await ctx.close();

  // --- At phone width: the first file dropped replaces the seeds too; Undo brings them back. ---------
  const c2 = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p2 = await c2.newPage();
  await p2.goto(url);
  await waitReady(p2);
  await p2.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'harbour.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, MINE);
  await p2.waitForFunction(() => document.querySelectorAll('#source-list .source-name').length === 1, null, { timeout: 30_000 });
  s = await p2.evaluate(seen);
  check(s.list.join() === 'harbour.txt' && /Started your own comparison with “harbour\.txt”/.test(undoNotice(s)?.text || ''), 'a file dropped on the seeds starts a comparison of its own, with an Undo', JSON.stringify(s));
  const fit = await p2.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth, undo: document.querySelector('#notices .notice-undo button')?.getBoundingClientRect().right }));
  check(fit.doc <= fit.win && fit.undo <= fit.win, 'phone: the notice and its Undo fit the screen (nothing scrolls sideways)', JSON.stringify(fit));
  await p2.screenshot({ path: join(ROOT, 'docs/screenshots/first-paste-phone.png') });
  violations = await axe(p2);
  check(violations.length === 0, 'axe-core: no serious or critical violations (phone, the Undo notice)', JSON.stringify(violations));
  await p2.locator('#notices .notice-undo button:text-is("Undo")').tap();
  await p2.waitForFunction((n) => document.querySelectorAll('#source-list .source-name').length === n, SEEDS, { timeout: 30_000 });
  await waitReady(p2);
  check((await p2.evaluate(seen)).columns === SEEDS, 'Undo brings the seeds back');
  await c2.close();

  // --- A draft the storage refuses: kept while the page is open, and the dialog says so. -------------
  const c3 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await c3.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, DRAFT);
  const p3 = await c3.newPage();
  const p3problems = watchProblems(p3);
  await p3.goto(url);
  await waitReady(p3);
  await p3.click('#add-button');
  await p3.fill('#add-text', draftText);
  await p3.waitForTimeout(600); // the draft is saved a moment after the last key
  const refused = await p3.evaluate(() => {
    const n = document.getElementById('add-draft-note');
    return n.checkVisibility() ? n.textContent : null;
  });
  await p3.keyboard.press('Escape');
  const kept = await p3.evaluate(() => ({ notice: document.querySelector('#notices .notice-draft p')?.textContent || '', text: document.getElementById('add-text').value }));
  check(/not kept across a reload \(there is no room left/.test(refused || '') && /kept while this page is open/.test(kept.notice) && kept.text === draftText,
    'a draft the storage refuses stays while the page is open, and the dialog and the notice say it is not kept across a reload', JSON.stringify({ refused, kept }));
  check(p3problems.length === 0, 'no console errors, page errors or failed requests (storage refusing the draft)', p3problems.join(' | '));
  await p3.screenshot({ path: join(OUT, 'draft-not-kept-desktop.png') });
  await c3.close();

  // --- Undo survives a reload; what a change took away stays restorable after later changes. -------
  const c4 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p4 = await c4.newPage();
  const p4problems = watchProblems(p4);
  const listed4 = (n) => listedOn(p4, n);
  const aside = (st) => st.notices.filter((n) => n.kind.startsWith('aside-'));
  await openWithTwo(p4, url);

  await p4.click('#new-button');
  await listed4(0);
  await p4.reload();
  await waitSettled(p4);
  await p4.waitForSelector('#notices .notice-undo', { timeout: 5000 }).catch(() => {});
  s = await p4.evaluate(seen);
  check(s.list.length === 0 && /^Cleared 2 articles for a new comparison\.$/.test(undoNotice(s)?.text || '') && undoNotice(s)?.buttons.includes('Undo'),
    'after New comparison and a reload, its Undo is still offered', JSON.stringify(s.notices));
  await p4.click('#notices .notice-undo button:text-is("Undo")');
  await listed4(2);
  await waitReady(p4);
  s = await p4.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald' && s.columns === 2, 'that Undo, after the reload, brings the cleared articles back', JSON.stringify(s.list));

  await p4.click('#reset-button');
  await listed4(SEEDS);
  await waitReady(p4);
  await p4.reload();
  await waitReady(p4);
  await p4.waitForSelector('#notices .notice-undo', { timeout: 5000 }).catch(() => {});
  s = await p4.evaluate(seen);
  check(/the seeds/.test(s.summary) && /^Started over with the seed articles: your 2 articles were set aside\.$/.test(undoNotice(s)?.text || '') && undoNotice(s)?.buttons.includes('Undo'),
    'after Start over and a reload, its Undo is still offered', JSON.stringify(s.notices));
  await p4.click('#notices .notice-undo button:text-is("Undo")');
  await listed4(2);
  await waitReady(p4);

  // Remove, then rename another: the "Removed" notice does not vanish with the article; it stays
  // to be put back (after a reload too), and putting it back keeps the rename.
  await p4.click('#sources-panel summary');
  await p4.click('#source-list button[aria-label="Remove Harbour Post"]');
  await listed4(1);
  await waitSettled(p4);
  await p4.fill('#source-list .source-name', 'Island Herald (morning)');
  await p4.press('#source-list .source-name', 'Tab');
  await p4.waitForFunction(() => /\(yours/.test(document.getElementById('source-summary').textContent) && JSON.parse(localStorage.getItem('storydiff:articles:v1') || '{}').sources?.[0]?.name === 'Island Herald (morning)');
  s = await p4.evaluate(seen);
  let set = aside(s);
  check(!undoNotice(s) && set.length === 1 && set[0].text === 'Removed “Harbour Post”. “Harbour Post” is set aside: put it back, or dismiss this to let it go.' && set[0].buttons.join() === 'Put back,Dismiss',
    'Remove then a rename: the removed article is not gone, a notice keeps it set aside with Put back', JSON.stringify(s.notices));
  violations = await axe(p4);
  check(violations.length === 0, 'axe-core: no serious or critical violations (the Put back notice)', JSON.stringify(violations));
  await p4.reload();
  await waitSettled(p4);
  await p4.waitForSelector('#notices [data-kind^="aside-"]', { timeout: 5000 }).catch(() => {});
  s = await p4.evaluate(seen);
  set = aside(s);
  check(s.list.join() === 'Island Herald (morning)' && set.length === 1 && /^Removed “Harbour Post”/.test(set[0].text), 'the article set aside is still offered after a reload', JSON.stringify(s.notices));
  await p4.click('#notices [data-kind^="aside-"] button:text-is("Put back")');
  await listed4(2);
  await waitReady(p4);
  s = await p4.evaluate(seen);
  check(s.list.join() === 'Harbour Post,Island Herald (morning)' && s.columns === 2 && aside(s).length === 0 && /^Put back “Harbour Post”\.$/.test(undoNotice(s)?.text || '') && undoNotice(s)?.buttons.includes('Undo'),
    'Put back returns it to its place, keeps the rename, and offers Undo', JSON.stringify(s));

  // Remove, then paste an article: the same.
  await p4.evaluate(() => { document.getElementById('sources-panel').open = true; });
  await p4.click('#source-list button[aria-label="Remove Harbour Post"]');
  await listed4(1);
  await pasteArticle(p4, 'Quay Times', 'Quay Times\n\nFerry crews walked out on Monday over pay, halting every crossing to the islands.\n\nThe harbour master said the ferries could run again by Wednesday.\n');
  await listed4(2);
  await waitReady(p4);
  s = await p4.evaluate(seen);
  set = aside(s);
  check(set.length === 1 && /^Removed “Harbour Post”\. “Harbour Post” is set aside/.test(set[0].text) && !undoNotice(s), 'Remove then a paste: the removed article stays set aside, with Put back', JSON.stringify(s.notices));

  // "Start over with the seeds" from an empty list: nothing of the visitor's was set aside, and no
  // notice says "your 0 articles" (the cleared ones stay set aside, to be put back).
  await p4.click('#new-button');
  await listed4(0);
  await p4.click('#reset-button');
  await listed4(SEEDS);
  await waitReady(p4);
  s = await p4.evaluate(seen);
  check(!undoNotice(s) && !s.notices.some((n) => /\b0 articles/.test(n.text)) && aside(s).some((n) => /^Cleared 2 articles for a new comparison\. “Island Herald \(morning\)” and “Quay Times” are set aside/.test(n.text)),
    'Start over from an empty list offers no Undo of "your 0 articles"; the articles cleared before stay set aside', JSON.stringify(s.notices));
  check(p4problems.length === 0, 'no console errors, page errors or failed requests (undo across reloads)', p4problems.join(' | '));
  await c4.close();

  // --- Keyboard focus after a notice's button; a Put back that adds nothing; Start over while the
  // seeds load. ---------------------------------------------------------------------------------------
  const c5 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p5 = await c5.newPage();
  const p5problems = watchProblems(p5);
  const listed5 = (n) => listedOn(p5, n);
  const focused = () => p5.evaluate(() => ({ text: document.activeElement?.textContent, notice: document.activeElement?.closest('.notice')?.dataset.kind ?? null }));
  await openWithTwo(p5, url);
  await p5.click('#sources-panel summary');
  await p5.click('#source-list button[aria-label="Remove Harbour Post"]');
  await listed5(1);
  await p5.fill('#source-list .source-name', 'Island Herald (morning)');
  await p5.press('#source-list .source-name', 'Tab');
  await p5.waitForSelector('#notices [data-kind^="aside-"]');
  await p5.locator('#notices [data-kind^="aside-"] button:text-is("Put back")').focus();
  await p5.keyboard.press('Enter');
  await listed5(2);
  let f = await focused();
  check(f.text === 'Undo' && f.notice === 'undo', 'Put back from the keyboard: the focus goes to the Undo it offers, not to the top of the page', JSON.stringify(f));
  // Dismissing the Undo of a Remove: what it removed is set aside (said so), and the focus goes to its Put back.
  await p5.click('#source-list button[aria-label="Remove Harbour Post"]');
  await listed5(1);
  await p5.locator('#notices .notice-undo button:text-is("Dismiss")').focus();
  await p5.keyboard.press('Enter');
  s = await p5.evaluate(seen);
  f = await focused();
  check(!undoNotice(s) && s.notices.some((n) => n.kind.startsWith('aside-') && /^Removed “Harbour Post”\. “Harbour Post” is set aside/.test(n.text)) && f.text === 'Put back' && /^aside-/.test(f.notice || ''),
    'dismissing an Undo sets aside what it removed, in a notice with Put back that takes the focus', JSON.stringify({ notices: s.notices, f }));
  // The same article pasted again as it was, then another removed: a Put back of what is listed
  // already adds nothing, and leaves the Undo of that removal in place.
  await pasteArticle(p5, 'Harbour Post', MINE);
  await listed5(2);
  await waitReady(p5);
  await p5.evaluate(() => { document.getElementById('sources-panel').open = true; });
  await p5.click('#source-list button[aria-label="Remove Island Herald (morning)"]');
  await listed5(1);
  await p5.click('#notices [data-kind^="aside-"] button:text-is("Put back")');
  s = await p5.evaluate(seen);
  check(s.list.join() === 'Harbour Post' && undoNotice(s)?.text === 'Removed “Island Herald (morning)”.' && undoNotice(s)?.buttons.includes('Undo') && /“Harbour Post” is listed already/.test(s.status),
    'a Put back of an article listed already as it was adds nothing, says so, and leaves the Undo of the last change', JSON.stringify(s));
  await p5.click('#notices .notice-undo button:text-is("Undo")');
  await listed5(2);
  await waitReady(p5);

  // Start over, and an article pasted while the seeds load: it is set aside with the rest.
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await p5.route('**/build/seeds.json', async (route) => { await gate; await route.continue(); });
  await p5.click('#reset-button');
  await pasteArticle(p5, 'Quay Times', 'Quay Times\n\nThe harbour master said the ferries could run again by Wednesday.\n');
  await listed5(3);
  release();
  await listed5(SEEDS);
  await waitReady(p5);
  s = await p5.evaluate(seen);
  check(/^Started over with the seed articles: your 3 articles were set aside\.$/.test(undoNotice(s)?.text || ''), 'Start over counts an article added while the seeds loaded among those set aside', JSON.stringify(s.notices));
  await p5.click('#notices .notice-undo button:text-is("Undo")');
  await listed5(3);
  s = await p5.evaluate(seen);
  check(s.list.includes('Quay Times'), 'its Undo brings back the article added while the seeds loaded', JSON.stringify(s.list));
  check(p5problems.length === 0, 'no console errors, page errors or failed requests (focus, Put back, Start over)', p5problems.join(' | '));
  await c5.close();
});
