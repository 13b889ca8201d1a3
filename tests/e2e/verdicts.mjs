// Honest verdicts (issue 13, point 5), in headless Chromium: beside two English seeds, a Korean
// article's column says it is compared only with sources in the same language, and its sentences
// carry no UNIQUE mark (nor do its rows in the claim table and its CSV and Markdown exports, which
// say "not compared"); a copy of a seed says, in both columns, that it is the same text; a unique
// sentence's focus panel shows its closest sentence elsewhere; with two web pages that give times,
// the column heads show them and a shared sentence's panel names the page that had it first; axe-core finds no serious or
// critical violation with the notices on screen, desktop and phone. Screenshot:
// tests/e2e/out/verdicts-desktop.png.
//
//   node tests/e2e/verdicts.mjs

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, axe, runBrowserTest, waitReady, watchProblems } from './lib.mjs';
import { DOUBTFUL_MIN } from '../../js/verdicts.js';

const SEEDS = JSON.parse(readFileSync(join(ROOT, 'seeds/index.json'), 'utf8'));
const seed = (k) => ({ name: SEEDS[k], text: readFileSync(join(ROOT, 'seeds', SEEDS[k]), 'utf8'), restored: [] });
const KOREAN = readFileSync(join(ROOT, 'tests/fixtures/languages/ko.txt'), 'utf8');
const SOURCES = [seed(0), seed(1), { name: 'Korean daily', text: KOREAN, restored: [] }, { ...seed(0), name: 'Copy of the first' }];

// Runs in the page: the notices and marks of each column.
const columns = () => {
  const root = document.querySelector('story-diff').shadowRoot;
  return [...root.querySelectorAll('.column-head')].map((head) => {
    const i = Number(head.dataset.source);
    const rows = [...root.querySelectorAll(`.sentences[data-source="${i}"] .sentence[data-sentence]`)];
    return {
      language: head.querySelector('.verdict-language')?.textContent || null,
      repeat: head.querySelector('.verdict-repeat')?.textContent || null,
      stats: head.querySelector('.stats')?.textContent,
      unique: rows.filter((n) => n.classList.contains('unique') || n.querySelector('.badge-unique')).length,
      apart: rows.filter((n) => n.classList.contains('other-language')).length,
      rows: rows.length,
    };
  });
};

await runBrowserTest('verdicts', 240, async ({ url, browser, check }) => {
  for (const [label, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const ctx = await browser.newContext({ viewport, ...(label === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    await ctx.addInitScript((list) => {
      if (!sessionStorage.getItem('verdicts-set')) {
        localStorage.setItem('storydiff:articles:v1', JSON.stringify({ version: 1, sources: list }));
        sessionStorage.setItem('verdicts-set', '1');
      }
    }, SOURCES);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    await waitReady(page);
    const report = await page.evaluate(() => document.querySelector('story-diff').report);
    const cols = await page.evaluate(columns);
    if (label === 'desktop') {
      check(report.sources.map((s) => s.lang).join() === 'en,en,ko,en', 'the engine reads the languages of text sources: en, en, ko, en', report.sources.map((s) => s.lang).join());
      const ko = cols[2];
      check(/^Written in Korean: compared only with sources in the same language: there is none here\./.test(ko.language || ''), 'the Korean column says it is compared only with sources in the same language', ko.language);
      check(ko.rows > 0 && ko.unique === 0 && ko.apart === ko.rows, 'no sentence of the Korean column is marked unique: each is marked as in another language', JSON.stringify(ko));
      check(/\d+ not compared/.test(ko.stats) && !/unique/.test(ko.stats), 'the Korean column counts sentences not compared, not unique ones', ko.stats);
      check(cols[0].language === null && cols[1].language === null && cols[3].language === null && cols[1].unique > 0, 'the English columns have no language notice, and keep their unique marks', JSON.stringify(cols.map((c) => c.language)));
      const note = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelector('.language-note')?.textContent);
      check(/These articles are in 2 languages \(English 3 sources, Korean 1 source\)/.test(note || ''), 'the toolbar says the articles are in two languages', note);
      check(cols[3].repeat?.startsWith(`The same text as Reuters (${SEEDS[0]}): every sentence word for word.`) && /^The same text as Reuters \(Copy of the first\): every sentence word for word\./.test(cols[0].repeat || ''),
        'the copy and the article it copies both say they are the same text', JSON.stringify([cols[0].repeat, cols[3].repeat]));
      check(cols[1].repeat === null && cols[2].repeat === null, 'the other columns have no repeat notice');
      const only = await page.evaluate(() => {
        const root = document.querySelector('story-diff').shadowRoot;
        root.querySelector('#tab-only').click();
        return [...root.querySelectorAll('#tabpanel-only section')].map((sec) => sec.querySelector('.verdict-language')?.textContent || null);
      });
      check(only.length === 4 && only[2] === 'In Korean: compared only with sources in the same language, so these are not known to be unique.' && only.filter(Boolean).length === 1,
        'the "Only in one source" summary says the Korean source was compared only with its own language', JSON.stringify(only));

      // The claim table and its exports: the Korean sentences are "not compared", not unique.
      const table = await page.evaluate(async () => {
        const v = document.querySelector('story-diff');
        const root = v.shadowRoot;
        root.querySelector('.view-switch .mode[data-mode="table"]').click();
        await new Promise((resolve) => { const wait = () => (root.querySelector('.claims-table[aria-busy]') ? setTimeout(wait, 50) : resolve()); wait(); });
        const rows = [...root.querySelectorAll('.claims .tbody .trow')].map((r) => ({
          head: r.querySelector('.rowhead .row-what').textContent,
          filled: [...r.querySelectorAll('.tcell[data-source]')].map((c) => !c.classList.contains('empty')),
          info: r.querySelector('.tcell.filled .cell-info')?.textContent,
        }));
        return { rows, count: root.querySelector('.claims-count').textContent, csv: v.exportCSV(), md: v.exportMarkdown() };
      });
      const korean = table.rows.filter((r) => r.filled.filter(Boolean).length === 1 && r.filled[2]);
      check(korean.length > 0 && korean.every((r) => r.head === 'Korean daily, not compared (Korean)' && /^Not compared: written in Korean, compared only with sources in the same language \(there is none here\)/.test(r.info || '')),
        'the claim table: the Korean rows say "not compared (Korean)", not "only in", and their cells say why', JSON.stringify(korean.slice(0, 2)));
      const english = table.rows.filter((r) => r.filled.filter(Boolean).length === 1 && r.filled[1]);
      check(english.length > 0 && english.every((r) => /^only in \S/.test(r.head)), 'the claim table: an English sentence no other source has is still "only in" its source', JSON.stringify(english.map((r) => r.head).slice(0, 2)));
      check(new RegExp(`, \\d+ unique, ${korean.length} not compared \\(another language\\)$`).test(table.count), "the table's count tells the rows not compared from the unique ones", table.count);
      const csvRows = table.csv.split('\r\n').slice(1).filter(Boolean);
      const koCsv = csvRows.filter((line) => /[\uAC00-\uD7AF]/.test(line) && /^\d+,1,/.test(line));
      check(koCsv.length === korean.length && koCsv.every((line) => /^\d+,1,not compared \(other language\),/.test(line)), 'the CSV export: the Korean rows\' match column says "not compared (other language)", not unique', koCsv[0]);
      const mdRows = table.md.split('\n').filter((line) => /^\| \d+ \| 1 \|/.test(line) && /[\uAC00-\uD7AF]/.test(line));
      check(mdRows.length === korean.length && mdRows.every((line) => line.includes('| not compared (other language) |')), 'the Markdown export says the same', mdRows[0]);
      await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelector('.view-switch .mode[data-mode="columns"]').click());

      // The focus panel of a unique sentence that the report gives a closest sentence for.
      const ref = report.sources.flatMap((s, i) => s.sentences.map((x, j) => (x.support === 0 && x.nearest ? [i, j, x.nearest] : null))).find(Boolean);
      if (check(!!ref, 'the report gives a unique sentence its closest sentence elsewhere')) {
        await page.evaluate(([i, j]) => document.querySelector('story-diff').select(i, j), ref);
        const panel = await page.evaluate(() => {
          const root = document.querySelector('story-diff').shadowRoot;
          const box = root.querySelector('.panel .nearest');
          return box && { title: box.querySelector('.nearest-title').textContent, text: box.querySelector('.nearest-text').textContent, card: Number(box.closest('.card').dataset.source), head: root.querySelector('#panel-title').textContent };
        });
        const want = report.sources[ref[2].source].sentences[ref[2].sentence].text;
        check(panel && panel.title === 'Closest in other sources:' && panel.text === want && panel.card === ref[2].source,
          "a unique sentence's focus panel shows its closest sentence, in that source's card", JSON.stringify(panel));
        const doubtful = ref[2].score >= DOUBTFUL_MIN;
        check(doubtful ? /unique to this source\? \(.+ may state the same claim\)$/.test(panel?.head || '') : /unique to this source$/.test(panel?.head || ''),
          `the panel calls it unique to this source${doubtful ? ', with a doubt' : ''}, as its column does`, panel?.head);
        // A sentence of the Korean source: not compared, in the panel as in its column.
        const ko = report.sources[2].sentences.findIndex((x) => x.role !== 'speaker');
        await page.evaluate((j) => document.querySelector('story-diff').select(2, j), ko);
        const koHead = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelector('#panel-title').textContent);
        check(/: not compared \(written in Korean, compared only with sources in the same language\)$/.test(koHead), 'the panel of a Korean sentence says it is not compared, not unique', koHead);
      }
      await page.screenshot({ path: join(OUT, 'verdicts-desktop.png') });

      // Provenance: web pages with publication times; the earlier page had the shared claim first.
      const pageHtml = (extra, time) => `<!doctype html><html lang="en"><head><title>Flood closes bridge</title><meta property="article:published_time" content="${time}"></head><body><article><h1>Flood closes bridge</h1><p>The river rose two metres overnight and the council closed the old bridge on Monday. ${extra}</p></article></body></html>`;
      const prov = await page.evaluate(async ([a, b]) => {
        const v = document.querySelector('story-diff');
        const done = new Promise((resolve) => v.addEventListener('report', resolve, { once: true }));
        v.sources = [{ name: 'late.html', html: a }, { name: 'early.html', html: b }];
        await done;
        const j = v.report.sources[0].sentences.findIndex((x) => x.support > 0);
        v.select(0, j);
        const root = v.shadowRoot;
        return { first: root.querySelector('.panel .first-line')?.textContent, dates: [...root.querySelectorAll('.column-head .meta span:first-child')].map((n) => n.textContent) };
      }, [pageHtml('Volunteers filled sandbags all night.', '2024-01-02T08:04:05Z'), pageHtml('Schools stayed open in the town.', '2024-01-02T03:04:05+01:00')]);
      check(/^First published by early\.html, 2024-01-02 03:04\+01:00: the earliest of the 2 sources sharing it with a publication time\.$/.test(prov.first || ''),
        "a shared sentence's focus panel says which source published it first, where the pages give times", JSON.stringify(prov));
      check(prov.dates.join() === '2024-01-02 08:04 UTC,2024-01-02 03:04+01:00', 'the column heads show each page\'s publication time', JSON.stringify(prov.dates));
    } else {
      check(cols[2].language !== null && cols[2].unique === 0, 'at phone width the Korean column has its notice and no unique mark', JSON.stringify(cols[2]));
    }
    const violations = await axe(page);
    check(violations.length === 0, `axe-core (${label}): no serious or critical violations with the language and repeat notices`, JSON.stringify(violations));
    check(problems.length === 0, `no console errors, page errors or failed requests (${label})`, problems.join(' | '));
    await ctx.close();
  }
});
