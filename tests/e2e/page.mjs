// The page (www/) end to end in headless Chromium: the seeds load and the expected shared and
// unique sentences are marked; focusing a sentence shows its counterparts; keyboard navigation;
// filters and summaries; putting a removed span back; pasting, opening, dropping, renaming and
// removing articles (kept across a reload); the JSON and HTML exports open (the HTML offline);
// a blank article among others shows as an empty column while the rest are compared;
// axe-core finds no serious or critical violations at desktop and phone width; the seeds show
// within the time budget. Screenshots go to tests/e2e/out/.
//
//   node tests/e2e/page.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { OUT, ROOT, axe, runBrowserTest, waitReady, waitSettled, watchProblems } from './lib.mjs';

const labels = JSON.parse(readFileSync(join(ROOT, 'tests/labels/seeds.json'), 'utf8'));
const SEEDS = JSON.parse(readFileSync(join(ROOT, 'seeds/index.json'), 'utf8')).length;
const BUDGET_MS = Number(process.env.STORYDIFF_PAGE_BUDGET_MS || 500);

// Runs in the page: facts about the rendered view.
const facts = () => {
  const v = document.querySelector('story-diff');
  const root = v.shadowRoot;
  const report = v.report;
  const cols = [...root.querySelectorAll('.sentences')];
  const bad = [];
  cols.forEach((col, i) => {
    for (const node of col.querySelectorAll('.sentence[data-sentence]')) {
      const j = Number(node.dataset.sentence);
      const s = report.sources[i].sentences[j];
      const wantShared = s.support > 0;
      const wantUnique = s.support === 0 && s.role !== 'speaker';
      if (node.classList.contains('shared') !== wantShared || node.classList.contains('unique') !== wantUnique) bad.push(`${i}:${j}`);
      if (wantShared && !node.querySelector('.kind-icon')) bad.push(`${i}:${j} no kind icon`);
      if (wantUnique && node.querySelector('.badge-unique')?.textContent !== 'unique') bad.push(`${i}:${j} no unique badge`);
    }
  });
  return {
    columns: root.querySelectorAll('.column-head').length,
    sentences: cols.map((c) => c.querySelectorAll('.sentence').length),
    shared: root.querySelectorAll('.sentence.shared').length,
    unique: root.querySelectorAll('.sentence.unique').length,
    bad,
    titles: [...root.querySelectorAll('.column-head h3')].map((h) => h.textContent),
    legend: root.querySelectorAll('.legend li').length,
    removed: root.querySelectorAll('details.removed:not([hidden])').length,
    removedOpen: root.querySelectorAll('details.removed[open]').length,
    sources: report.sources.length,
  };
};

/** The sentence node (in the shadow root) of column `col` whose text contains `snippet`. */
const findSentence = ([col, snippet]) => {
  const root = document.querySelector('story-diff').shadowRoot;
  const list = root.querySelectorAll('.sentences')[col];
  const norm = (s) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  const node = [...list.querySelectorAll('.sentence')].find((n) => norm(n.dataset.text || '').includes(norm(snippet)));
  return node ? { source: Number(node.dataset.source), sentence: Number(node.dataset.sentence), classes: node.className } : null;
};

const selected = () => document.querySelector('story-diff').selected;

await runBrowserTest('page', 420, async ({ url, browser, check }) => {
  check(/^http:\/\/localhost:\d+\/www\/$/.test(url), 'serve.mjs prints the page URL', url);

  // --- 1. Time from navigation to the seeds shown highlighted (fresh context each time). ------
  const times = [];
  for (let run = 0; run < 5; run++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (window.__shownAt || !document.body || document.body.dataset.state !== 'ready') return;
        const v = document.querySelector('story-diff');
        if (!v || !v.shadowRoot || v.shadowRoot.querySelectorAll('.sentence.shared').length === 0) return;
        requestAnimationFrame(() => setTimeout(() => { window.__shownAt = performance.now(); }));
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__shownAt, null, { timeout: 60_000 });
    times.push(Math.round(await page.evaluate(() => window.__shownAt)));
    await ctx.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`# seeds shown highlighted, ms from navigation: ${times.join(', ')} (median ${median}, best ${sorted[0]})`);
  writeFileSync(join(OUT, 'timing.json'), JSON.stringify({ times, median, best: sorted[0], budget: BUDGET_MS, load: loadavg()[0], cpus: cpus().length }, null, 2));
  // The machine may be shared with builds: the best of five shows what the page can do, the
  // median guards against a slow page (twice the budget). When the machine is overloaded (load
  // average over 1.5 per CPU) the best load gets twice the budget too, and the test says so.
  const load = loadavg()[0];
  const overloaded = load > 1.5 * cpus().length;
  if (overloaded) console.log(`# note: load average ${load.toFixed(1)} on ${cpus().length} CPUs: the ${BUDGET_MS} ms budget is checked at twice its value`);
  const best = overloaded ? 2 * BUDGET_MS : BUDGET_MS;
  check(sorted[0] <= best, `the seeds show highlighted within ${best} ms of navigation (best of 5)`, `times ${times.join(', ')}`);
  check(median <= 2 * BUDGET_MS, `median time to the seeds is under ${2 * BUDGET_MS} ms`, `median ${median}`);

  // --- 2. Desktop: the overview. ----------------------------------------------------------------
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = watchProblems(page);
  const wasmResponse = page.waitForResponse((res) => res.url().endsWith('.wasm'), { timeout: 30_000 });
  await page.goto(url);
  const wasm = await wasmResponse.catch(() => null);
  check(wasm && wasm.headers()['content-type'] === 'application/wasm', 'the .wasm is served as application/wasm');
  const state = await waitSettled(page);
  check(state === 'ready', 'the page reaches the ready state', `state=${state}: ${await page.textContent('#status')}`);
  check(/Compared \d+ sources in \d+ ms/.test(await page.textContent('#status')), 'the status line tells what was compared');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  check(/script-src 'self' 'wasm-unsafe-eval'/.test(csp || '') && /object-src 'none'/.test(csp || ''), 'the page ships a Content-Security-Policy', csp);
  const usedWorker = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/js/worker.js')));
  check(usedWorker, 'the comparison runs in a Web Worker (js/worker.js loaded)');

  let f = await page.evaluate(facts);
  check(f.columns === SEEDS, `one column per seed (${SEEDS})`, JSON.stringify(f.columns));
  check(f.sentences.every((n) => n > 0), 'every column shows sentences', JSON.stringify(f.sentences));
  check(f.shared > 0 && f.unique > 0, 'shared and unique sentences are both marked', `shared=${f.shared} unique=${f.unique}`);
  check(f.bad.length === 0, 'every sentence is marked as the report says (shared with a kind icon, unique with a badge)', f.bad.slice(0, 5).join(', '));
  check(f.legend >= 6, 'the legend is shown');
  check(f.removed > 0 && f.removedOpen === 0, 'removed spans sit in collapsed <details> per source', `details=${f.removed} open=${f.removedOpen}`);

  for (const [col, snippet] of labels.unique) {
    const hit = await page.evaluate(findSentence, [col, snippet]);
    check(hit && / unique/.test(hit.classes), `labeled unique sentence is marked unique: [${col}] ${snippet.slice(0, 50)}`, hit ? hit.classes : 'not found');
  }
  for (const [col, snippet] of labels.titles) {
    const hit = await page.evaluate(findSentence, [col, snippet]);
    check(hit && / shared/.test(hit.classes), `labeled shared headline is marked shared: [${col}] ${snippet.slice(0, 50)}`, hit ? hit.classes : 'not found');
  }
  const quoteCols = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    return [...root.querySelectorAll('.sentence.shared')].filter((n) => /remains receptive to correspondence/i.test(n.dataset.text)).map((n) => n.dataset.source);
  });
  check(new Set(quoteCols).size >= 4, 'the Leavitt quotation is marked shared in at least 4 columns', quoteCols.join(','));

  const styles = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    const st = (sel) => { const n = root.querySelector(sel); return n ? getComputedStyle(n).borderLeftStyle : null; };
    const removed = root.querySelector('details.removed summary');
    const want = { identical: 'solid', minor: 'double', paraphrase: 'dotted' };
    const shared = [...root.querySelectorAll('.sentence.shared')];
    return {
      minor: st('.kind-sample.kind-minor'),
      paraphrase: st('.kind-sample.kind-paraphrase'),
      identicalSample: st('.kind-sample.kind-identical'),
      sentencesAgree: shared.length > 0 && shared.every((n) => getComputedStyle(n).borderLeftStyle === want[n.dataset.kind]),
      unique: getComputedStyle(root.querySelector('.sentence.unique')).borderTopStyle,
      icons: [...new Set([...root.querySelectorAll('.sentence .kind-icon')].map((n) => n.textContent))],
      removedColor: removed ? getComputedStyle(removed).color : null,
    };
  });
  check(styles.minor === 'double' && styles.paraphrase === 'dotted' && styles.identicalSample === 'solid' && styles.sentencesAgree,
    'match kinds differ by border style (solid, double, dotted), not only colour', JSON.stringify(styles));
  check(styles.icons.length >= 2 && styles.icons.every((i) => ['=', '≈', '∼'].includes(i)), 'match kinds carry an icon', styles.icons.join(' '));
  check(styles.unique === 'dashed', 'unique sentences have a dashed border');
  check(styles.removedColor && styles.removedColor !== 'rgb(31, 35, 40)', 'removed spans are greyed', styles.removedColor);

  await page.screenshot({ path: join(OUT, 'overview-desktop.png') });

  // --- 3. Focus a sentence by clicking. -------------------------------------------------------------
  await page.evaluate(() => {
    window.__selects = [];
    document.querySelector('story-diff').addEventListener('select', (e) => window.__selects.push(e.detail));
  });
  const target = await page.evaluate(findSentence, [0, 'The president remains receptive to correspondence']);
  await page.locator(`story-diff .sentence[data-source="${target.source}"][data-sentence="${target.sentence}"]`).click();
  await page.waitForTimeout(150);
  const panel = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    const within = (n) => {
      const c = n.parentElement.getBoundingClientRect();
      const r = n.getBoundingClientRect();
      return r.top >= c.top - 2 && r.top < c.bottom - 10;
    };
    const cps = [...root.querySelectorAll('.sentence.counterpart')];
    const focusedCol = root.querySelector('.sentence.focused').parentElement;
    // Per other column with counterparts: is one of them in view?
    const perCol = new Map();
    for (const n of cps) {
      if (n.parentElement === focusedCol) continue;
      perCol.set(n.parentElement, (perCol.get(n.parentElement) || false) || within(n));
    }
    return {
      title: root.querySelector('#panel-title')?.textContent,
      cards: root.querySelectorAll('.panel .card').length,
      items: root.querySelectorAll('.panel .counterpart-item').length,
      kinds: [...root.querySelectorAll('.panel .kind-badge')].map((b) => b.textContent),
      scores: [...root.querySelectorAll('.panel .score')].map((b) => b.textContent),
      diffMarks: root.querySelectorAll('.panel .diff ins, .panel .diff del').length,
      counterparts: cps.length,
      inView: [...perCol.values()],
      focused: root.querySelectorAll('.sentence.focused').length,
      pressed: root.querySelector('.sentence.focused')?.getAttribute('aria-pressed'),
      selects: window.__selects,
    };
  });
  check(panel.title && /shared with/.test(panel.title), 'the focus panel opens for the clicked sentence', panel.title);
  check(panel.cards === SEEDS, 'the panel has a card per source', String(panel.cards));
  check(panel.items >= 3 && panel.counterparts >= 3, 'its counterparts in the other sources are listed and outlined', `items=${panel.items} outlined=${panel.counterparts}`);
  check(panel.kinds.length > 0 && panel.scores.every((s) => /score \d+%|linked/.test(s)), 'each counterpart shows its match kind and score', panel.kinds.join('|'));
  check(panel.diffMarks > 0, 'word-level differences are marked (ins/del)', String(panel.diffMarks));
  check(panel.inView.length >= 3 && panel.inView.every(Boolean), 'the counterparts scroll into view in their columns', JSON.stringify(panel.inView));
  check(panel.focused === 1 && panel.pressed === 'true', 'the focused sentence is marked (aria-pressed)');
  const sel = panel.selects.at(-1);
  check(sel && sel.source === target.source && sel.sentence === target.sentence && sel.counterparts.length >= 3, 'a select event fires with the sentence and its counterparts', JSON.stringify(sel && { s: sel.source, j: sel.sentence, n: sel.counterparts.length }));
  await page.screenshot({ path: join(OUT, 'focus-desktop.png') });

  // Conflicts show in the panel.
  const conflictRef = await page.evaluate(() => {
    const m = document.querySelector('story-diff').report.matches.find((x) => x.conflicts.length > 0);
    return m ? m.a : null;
  });
  if (conflictRef) {
    await page.evaluate(([s, j]) => document.querySelector('story-diff').select(s, j), conflictRef);
    const conflicts = await page.evaluate(() => [...document.querySelector('story-diff').shadowRoot.querySelectorAll('.panel .conflicts li')].map((l) => l.textContent));
    check(conflicts.length > 0 && conflicts.every((c) => /here, .* in the focused sentence/.test(c)), 'conflicting details are listed in the panel', conflicts.join(' | '));
  } else {
    check(true, 'no conflicts in this report (skipped the panel check)');
  }

  // --- 4. Keyboard-only navigation. -----------------------------------------------------------------
  await page.reload();
  await waitSettled(page);
  await page.keyboard.press('Tab'); // the skip link
  const skip = await page.evaluate(() => document.activeElement?.textContent);
  check(/Skip to the comparison/.test(skip || ''), 'the first Tab reaches the skip link', skip);
  let tabs = 0;
  let onSentence = false;
  while (tabs < 40 && !onSentence) {
    await page.keyboard.press('Tab');
    tabs++;
    onSentence = await page.evaluate(() => {
      const a = document.querySelector('story-diff').shadowRoot.activeElement;
      return !!(a && a.classList.contains('sentence'));
    });
  }
  check(onSentence, 'Tab reaches the sentences', `after ${tabs} presses`);
  const first = await page.evaluate(selected);
  check(first && first.source === 0, 'focusing a sentence by keyboard selects it', JSON.stringify(first));
  await page.keyboard.press('ArrowDown');
  const down = await page.evaluate(selected);
  check(down && down.source === 0 && down.sentence > first.sentence, 'ArrowDown steps to the next sentence in the column', JSON.stringify(down));
  const supportOf = (ref) => page.evaluate(([s, j]) => document.querySelector('story-diff').report.sources[s].sentences[j].support, [ref.source, ref.sentence]);
  await page.keyboard.press('u');
  const u1 = await page.evaluate(selected);
  check(u1 && (await supportOf(u1)) === 0, 'u steps to the next unique sentence', JSON.stringify(u1));
  await page.keyboard.press('u');
  const u2 = await page.evaluate(selected);
  await page.keyboard.press('Shift+U');
  const u3 = await page.evaluate(selected);
  check(u2 && u3 && (await supportOf(u2)) === 0 && u3.source === u1.source && u3.sentence === u1.sentence, 'Shift+U steps back to the previous unique sentence', JSON.stringify([u1, u2, u3]));
  await page.keyboard.press('n');
  const n1 = await page.evaluate(selected);
  check(n1 && (await supportOf(n1)) > 0, 'n steps to the next shared sentence', JSON.stringify(n1));
  await page.keyboard.press('n');
  const n2 = await page.evaluate(selected);
  await page.keyboard.press('Shift+N');
  const n3 = await page.evaluate(selected);
  check(n2 && n3 && n3.source === n1.source && n3.sentence === n1.sentence && (n2.source !== n1.source || n2.sentence !== n1.sentence), 'Shift+N steps back to the previous shared sentence', JSON.stringify([n1, n2, n3]));
  const before = await page.evaluate(selected);
  await page.keyboard.press('ArrowRight');
  const right = await page.evaluate(selected);
  check(right && right.source > before.source, 'ArrowRight moves to the counterpart in a column to the right', JSON.stringify([before, right]));
  const activeIsSelected = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const a = v.shadowRoot.activeElement;
    return !!a && Number(a.dataset.source) === v.selected.source && Number(a.dataset.sentence) === v.selected.sentence;
  });
  check(activeIsSelected, 'keyboard focus follows the selection');
  await page.keyboard.press('Enter');
  const onPanel = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.activeElement?.id);
  check(onPanel === 'panel-title', 'Enter moves focus into the focus panel', onPanel);
  await page.keyboard.press('Escape');
  const back = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.activeElement?.classList.contains('sentence'));
  check((await page.evaluate(selected)) === null && back, 'Escape closes the focus panel and returns focus to the sentence');
  await page.evaluate(() => { window.__selects = []; });

  // --- 5. Filters. ------------------------------------------------------------------------------------
  await page.locator('story-diff input[name="kind"][value="paraphrase"]').uncheck();
  await page.waitForFunction(() => document.querySelector('story-diff').report.matches.every((m) => m.kind !== 'paraphrase'), null, { timeout: 30_000 });
  await waitReady(page);
  const noPara = await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('.sentence.kind-paraphrase').length);
  check(noPara === 0, 'turning paraphrase off re-compares without paraphrase matches', String(noPara));
  await page.locator('story-diff input[name="kind"][value="paraphrase"]').check();
  await page.waitForFunction(() => document.querySelector('story-diff').report.matches.some((m) => m.kind === 'paraphrase'), null, { timeout: 30_000 });
  await waitReady(page);
  await page.locator('story-diff select').selectOption('2');
  const minOk = await page.evaluate(() => {
    const nodes = [...document.querySelector('story-diff').shadowRoot.querySelectorAll('.sentences .sentence')];
    const shown = nodes.filter((n) => !n.hidden);
    return { shown: shown.length, all: nodes.length, ok: shown.every((n) => Number(n.dataset.support) >= 2) };
  });
  check(minOk.ok && minOk.shown > 0 && minOk.shown < minOk.all, 'minimum support hides sentences shared with fewer sources', JSON.stringify(minOk));
  await page.locator('story-diff select').selectOption('0');
  await page.locator('story-diff input[type="search"]').fill('leavitt');
  const searchOk = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    const shown = [...root.querySelectorAll('.sentences .sentence')].filter((n) => !n.hidden);
    return { shown: shown.length, ok: shown.every((n) => /leavitt/i.test(n.dataset.text)), marks: root.querySelectorAll('.sentences mark').length, count: root.querySelector('.shown-count').textContent };
  });
  check(searchOk.ok && searchOk.shown > 0 && searchOk.marks >= searchOk.shown, 'text search shows only matching sentences, hits marked', JSON.stringify(searchOk));
  await page.locator('story-diff input[type="search"]').fill('');

  // --- 6. Summaries. -------------------------------------------------------------------------------
  const summary = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const n = v.report.sources.length;
    return { cells: root.querySelectorAll('.heatmap tbody td').length, n, pct: [...root.querySelectorAll('.heatmap tbody td:not(.self)')].every((td) => /^\d+%$/.test(td.textContent)) };
  });
  check(summary.cells === summary.n * summary.n && summary.pct, 'the similarity heatmap has a cell per pair of sources', JSON.stringify(summary));
  await page.locator('story-diff [role="tab"]#tab-only').click();
  const only = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const want = v.report.sources.map((s) => s.sentences.filter((x) => x.support === 0 && x.role !== 'speaker').length);
    const got = [...v.shadowRoot.querySelectorAll('#tabpanel-only section')].map((s) => s.querySelectorAll('.link-button').length);
    return { want, got };
  });
  check(JSON.stringify(only.want) === JSON.stringify(only.got), 'per source, what only it reports', JSON.stringify(only));
  await page.locator('story-diff #tabpanel-only .link-button').first().click();
  check((await page.evaluate(selected)) !== null, 'a unique sentence in the summary focuses it in the overview');
  await page.locator('story-diff [role="tab"]#tab-quotes').click();
  const quotes = await page.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    return [...root.querySelectorAll('#tabpanel-quotes .quote')].map((q) => ({ speaker: q.querySelector('.speaker').textContent, carried: q.querySelector('.carried').textContent, variants: q.querySelectorAll('.variants li').length }));
  });
  check(quotes.length > 0 && quotes.some((q) => /Leavitt/.test(q.speaker) && /carried by [3-9] sources/.test(q.carried) && q.variants >= 2),
    'quotations: who said what, which outlets carry it, and their variants', JSON.stringify(quotes.slice(0, 2)));
  await page.keyboard.press('ArrowRight'); // tablist keyboard: quotes -> conflicts
  const conflictsTab = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    return { selected: root.querySelector('[role="tab"][aria-selected="true"]').id, rows: root.querySelectorAll('#tabpanel-conflicts tbody tr').length, want: v.report.matches.reduce((n, m) => n + m.conflicts.length, 0) };
  });
  check(conflictsTab.selected === 'tab-conflicts' && conflictsTab.rows === conflictsTab.want, 'conflicts between sources are listed (tabs work with arrow keys)', JSON.stringify(conflictsTab));
  await page.locator('story-diff [role="tab"]#tab-similarity').click();

  // axe-core on the desktop view with the panel open.
  await page.evaluate(findSentence, [0, 'The president remains receptive']).then((t) => page.evaluate(([s, j]) => document.querySelector('story-diff').select(s, j), [t.source, t.sentence]));
  let violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations (desktop, focus panel open)', JSON.stringify(violations));
  for (const tab of ['only', 'quotes', 'conflicts']) await page.locator(`story-diff #tab-${tab}`).click();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
  violations = await axe(page);
  check(violations.length === 0, 'axe-core: no serious or critical violations (summaries, every details open)', JSON.stringify(violations));
  await page.locator('story-diff #tab-similarity').click();
  await page.evaluate(() => document.querySelector('story-diff').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = false; }));

  // --- 7. Put a removed span back. -----------------------------------------------------------------
  const putBack = await page.evaluate(() => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const heads = [...root.querySelectorAll('.column-head')];
    const k = heads.findIndex((h) => h.querySelector('li[data-reason="navigation"] .put-back')) >= 0
      ? heads.findIndex((h) => h.querySelector('li[data-reason="navigation"] .put-back'))
      : heads.findIndex((h) => h.querySelector('.put-back'));
    const li = heads[k].querySelector('li[data-reason="navigation"]') || heads[k].querySelector('li[data-reason]');
    return { k, text: li.querySelector('.removed-text').textContent, count: heads[k].querySelectorAll('li[data-reason]').length, sentences: v.report.sources[k].sentences.length };
  });
  await page.evaluate(({ k, text }) => {
    const root = document.querySelector('story-diff').shadowRoot;
    const head = root.querySelectorAll('.column-head')[k];
    head.querySelector('details').open = true;
    [...head.querySelectorAll('li[data-reason]')].find((li) => li.querySelector('.removed-text').textContent === text).querySelector('.put-back').click();
  }, putBack);
  await page.waitForFunction(({ k, count }) => {
    const root = document.querySelector('story-diff').shadowRoot;
    return root.querySelectorAll('.column-head')[k].querySelectorAll('li[data-reason]').length === count - 1;
  }, putBack, { timeout: 30_000 });
  await waitReady(page);
  const restoredView = async () => page.evaluate(({ k, text }) => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const col = root.querySelectorAll('.sentences')[k];
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const shown = [...col.querySelectorAll('.sentence.restored, .sentence.not-compared')].map((n) => norm(n.dataset.text));
    return {
      shown,
      hasText: shown.some((t) => norm(text).includes(t.replace(/\.$/, '')) || t.includes(norm(text))),
      putBackItems: root.querySelectorAll('.column-head')[k].querySelectorAll('li.restored').length,
      compared: v.compared[k].text.includes(text.trim()),
      stored: JSON.parse(localStorage.getItem('storydiff:articles:v1') || 'null')?.sources?.[k]?.restored?.length || 0,
    };
  }, putBack);
  let rv = await restoredView();
  check(rv.hasText && rv.putBackItems === 1 && rv.compared, 'a removed span can be put back: it shows in its column and is compared as article text', JSON.stringify({ ...rv, text: putBack.text.slice(0, 60) }));
  check(rv.stored === 1, 'the put-back span is kept in local storage');
  await page.reload();
  await waitSettled(page);
  rv = await restoredView();
  check(rv.hasText && rv.putBackItems === 1, 'the put-back span is still there after a reload', JSON.stringify(rv));
  await page.evaluate(({ k }) => {
    const head = document.querySelector('story-diff').shadowRoot.querySelectorAll('.column-head')[k];
    head.querySelector('li.restored button').click();
  }, putBack);
  await page.waitForFunction(({ k }) => document.querySelector('story-diff').shadowRoot.querySelectorAll('.column-head')[k].querySelectorAll('li.restored').length === 0, putBack, { timeout: 30_000 });
  await waitReady(page);
  check((await restoredView()).putBackItems === 0, '"Remove again" takes the span out again');

  // --- 8. Paste an article; reload keeps it. ------------------------------------------------------------
  await page.click('#add-button');
  check(await page.evaluate(() => document.getElementById('add-dialog').open), 'the paste dialog opens');
  const pasted = 'Capital Wire\n\nTrump open to letters from Kim, aide says\n\n' +
    '“The president remains receptive to correspondence with Kim Jong Un,” White House press secretary Karoline Leavitt told reporters.\n\n' +
    'Zebras from the Pyongyang zoo were seen grazing near the river on Thursday, a local official said.\n';
  await page.fill('#add-name', 'Capital Wire');
  await page.fill('#add-text', pasted);
  await page.click('#add-submit');
  await page.waitForFunction((n) => document.querySelector('story-diff').shadowRoot.querySelectorAll('.column-head').length === n, SEEDS + 1, { timeout: 30_000 });
  await waitReady(page);
  const pastedView = () => page.evaluate((n) => {
    const v = document.querySelector('story-diff');
    const root = v.shadowRoot;
    const col = root.querySelectorAll('.sentences')[n];
    const nodes = [...col.querySelectorAll('.sentence')];
    return {
      name: v.report.sources[n].name,
      shared: nodes.filter((x) => x.classList.contains('shared') && /remains receptive/.test(x.dataset.text)).length,
      zebraUnique: nodes.some((x) => x.classList.contains('unique') && /Zebras/.test(x.dataset.text)),
      list: [...document.querySelectorAll('#source-list .source-name')].map((i) => i.value),
    };
  }, SEEDS);
  let pv = await pastedView();
  check(pv.name === 'Capital Wire' && pv.shared === 1 && pv.zebraUnique, 'a pasted article is compared: its shared quotation is marked shared, its own sentence unique', JSON.stringify(pv));
  await page.reload();
  check((await waitSettled(page)) === 'ready', 'the page is ready after a reload');
  pv = await pastedView();
  check(pv.name === 'Capital Wire' && pv.list.length === SEEDS + 1 && pv.zebraUnique, 'the pasted article survives a reload (local storage)', JSON.stringify(pv));

  // Rename it, then remove it.
  await page.click('#sources-panel summary');
  await page.fill(`#source-list li:nth-child(${SEEDS + 1}) .source-name`, 'Renamed Wire');
  await page.press(`#source-list li:nth-child(${SEEDS + 1}) .source-name`, 'Enter');
  await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources[n]?.name === 'Renamed Wire', SEEDS, { timeout: 30_000 });
  check(true, 'renaming an article re-labels its column');

  // Open a .txt file with the file picker, and drop another.
  const txt = join(OUT, 'picked-article.txt');
  writeFileSync(txt, 'Picked Times\n\nKim Jong Un has not answered the letter, officials in Seoul said on Friday.\n\nTrump and Kim held three summits during Trump\'s 2017-2021 first term.\n');
  await page.setInputFiles('#file-input', txt);
  await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources.length === n, SEEDS + 2, { timeout: 30_000 });
  check(true, 'a .txt file opened with the file picker is added and compared');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Dropped Daily\n\nNorth Korea has shown no interest in returning to talks, analysts said.\n'], 'dropped.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources.length === n, SEEDS + 3, { timeout: 30_000 });
  await waitReady(page);
  const names = await page.evaluate(() => document.querySelector('story-diff').report.sources.map((s) => s.name));
  check(names.includes('picked-article.txt') && names.includes('dropped.txt'), 'a dropped .txt file is added and compared', names.join(', '));
  // Remove the three added articles again.
  for (const name of ['dropped.txt', 'picked-article.txt', 'Renamed Wire']) {
    await page.click(`#source-list button[aria-label="Remove ${name}"]`);
    await page.waitForFunction((nm) => !document.querySelector('story-diff').report?.sources.some((s) => s.name === nm), name, { timeout: 30_000 });
  }
  await waitReady(page);
  check((await page.evaluate(() => document.querySelector('story-diff').report.sources.length)) === SEEDS, 'removing articles takes their columns away');

  // --- 9. Exports. -----------------------------------------------------------------------------------------
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const jsonPath = join(OUT, 'export.json');
  await jsonDownload.saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  check(exported.version === 1 && exported.sources.length === SEEDS && Array.isArray(exported.matches), 'the JSON export is the report', `version=${exported.version} sources=${exported.sources?.length}`);
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const htmlPath = join(OUT, 'export.html');
  await htmlDownload.saveAs(htmlPath);
  const html = readFileSync(htmlPath, 'utf8');
  check(!/<script/i.test(html), 'the HTML export has no script');
  const offline = await browser.newContext({ viewport: { width: 1440, height: 900 }, offline: true });
  const offPage = await offline.newPage();
  const offRequests = [];
  offPage.on('request', (r) => { if (!r.url().startsWith('file:')) offRequests.push(r.url()); });
  await offPage.goto(`file://${htmlPath}`);
  const off = await offPage.evaluate(() => {
    const host = document.querySelector('story-diff');
    const root = host && host.shadowRoot;
    return root ? {
      columns: root.querySelectorAll('.column-head').length,
      shared: root.querySelectorAll('.sentence.shared').length,
      unique: root.querySelectorAll('.sentence.unique').length,
      heat: root.querySelectorAll('.heatmap td').length,
      bg: getComputedStyle(root.querySelector('.sentence.shared')).backgroundColor,
    } : null;
  });
  check(off && off.columns === SEEDS && off.shared > 0 && off.unique > 0 && off.heat > 0 && off.bg !== 'rgba(0, 0, 0, 0)',
    'the HTML export opens offline and shows the styled view', JSON.stringify(off));
  check(offRequests.length === 0, 'the HTML export loads nothing from the network', offRequests.join(' '));
  await offPage.screenshot({ path: join(OUT, 'export-offline.png') });
  await offline.close();

  // --- 10. Start over. ----------------------------------------------------------------------------------------
  await page.click('#add-button');
  await page.fill('#add-text', 'A short extra article. It says one thing.');
  await page.click('#add-submit');
  await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources.length === n, SEEDS + 1, { timeout: 30_000 });
  await page.click('#reset-button');
  await page.waitForFunction((n) => document.querySelector('story-diff').report?.sources.length === n && document.body.dataset.state === 'ready', SEEDS, { timeout: 30_000 });
  const stored = await page.evaluate(() => localStorage.getItem('storydiff:articles:v1'));
  check(stored === null, 'start over brings the seeds back and forgets the stored articles');

  // --- 10b. A blank article among three: the other two are compared, it shows as empty. ----------
  const blank = await page.evaluate(async () => {
    const v = document.createElement('story-diff');
    document.body.append(v);
    const done = new Promise((resolve) => {
      v.addEventListener('report', (e) => resolve({ report: e.detail.report }), { once: true });
      v.addEventListener('comparisonerror', (e) => resolve({ error: e.detail.message }), { once: true });
    });
    v.sources = [
      { name: 'wire', text: 'Rain fell on Paris on Monday. Officials said roads were closed.' },
      { name: 'blank', text: '  \n ' },
      { name: 'paper', text: 'Rain fell on Paris on Monday. A museum shut its doors early.' },
    ];
    const got = await done;
    const root = v.shadowRoot;
    const cols = [...root.querySelectorAll('.sentences')];
    let selectDetail = null;
    if (got.report) {
      v.addEventListener('select', (e) => { selectDetail = e.detail; }, { once: true });
      const j = got.report.sources[2].sentences.findIndex((x) => x.support > 0);
      v.select(2, j);
    }
    const out = {
      error: got.error,
      state: v.state,
      names: got.report?.sources.map((x) => x.name),
      pairs: got.report?.matches.map((m) => `${m.a[0]}-${m.b[0]}`),
      similarity: got.report?.similarity,
      columns: root.querySelectorAll('.column-head').length,
      blankColumn: cols[1]?.textContent,
      shared: cols.map((c) => c.querySelectorAll('.sentence.shared').length),
      select: selectDetail && { source: selectDetail.source, counterparts: selectDetail.counterparts.map((c) => c.source) },
    };
    v.remove();
    return out;
  });
  check(!blank.error && blank.state === 'ready' && blank.columns === 3 && blank.names.join() === 'wire,blank,paper' && /empty/.test(blank.blankColumn) &&
    blank.shared[0] > 0 && blank.shared[1] === 0 && blank.shared[2] > 0 && blank.pairs.length > 0 && blank.pairs.every((x) => x === '0-2') &&
    blank.similarity[1].join() === '0,1,0' && blank.select?.source === 2 && blank.select.counterparts.join() === '0',
  'a blank article among three shows as an empty column and the other two are compared (indices follow the sources)', JSON.stringify(blank));

  check(problems.length === 0, 'no console errors, page errors or failed requests (desktop)', problems.join(' | '));
  await ctx.close();

  // --- 11. Phone width. ----------------------------------------------------------------------------------------
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  const phoneProblems = watchProblems(p2);
  await p2.goto(url);
  check((await waitSettled(p2)) === 'ready', 'phone: the page is ready');
  const fit = await p2.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
  check(fit.doc <= fit.win, 'phone: the page does not scroll sideways', JSON.stringify(fit));
  await p2.screenshot({ path: join(OUT, 'overview-phone.png') });
  const t2 = await p2.evaluate(findSentence, [0, 'The president remains receptive']);
  await p2.locator(`story-diff .sentence[data-source="${t2.source}"][data-sentence="${t2.sentence}"]`).tap();
  await p2.waitForTimeout(200);
  const sheet = await p2.evaluate(() => {
    const root = document.querySelector('story-diff').shadowRoot;
    const panel = root.querySelector('.panel');
    const r = panel.getBoundingClientRect();
    return { position: getComputedStyle(panel).position, bottom: Math.round(r.bottom), height: Math.round(r.height), items: root.querySelectorAll('.panel .counterpart-item').length };
  });
  check(sheet.position === 'fixed' && sheet.items >= 3 && sheet.height > 100, 'phone: tapping a sentence opens the focus panel as a bottom sheet', JSON.stringify(sheet));
  await p2.screenshot({ path: join(OUT, 'focus-phone.png') });
  violations = await axe(p2);
  check(violations.length === 0, 'axe-core: no serious or critical violations (phone, focus panel open)', JSON.stringify(violations));
  await p2.evaluate(() => document.querySelector('story-diff').clearSelection());
  violations = await axe(p2);
  check(violations.length === 0, 'axe-core: no serious or critical violations (phone overview)', JSON.stringify(violations));
  check(phoneProblems.length === 0, 'no console errors, page errors or failed requests (phone)', phoneProblems.join(' | '));
  await phone.close();
});
