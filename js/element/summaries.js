// The summaries under the overview, as tabs: the similarity heatmap, what only one source
// reports, the quotations and the conflicts. A tab's content is built when first shown.

import { h, plural } from '../dom.js';
import { conflictLabel } from './labels.js';
import { appendSliced } from './slices.js';
import { breakable, fold } from './text.js';
import { selectRef } from './focus.js';
import { onlyNote } from './verdicts.js';
import { percent } from '../verdicts.js';

/** Heatmap colour for a share 0..1 (light to dark blue) and whether it needs white text. */
export function heat(v) {
  const t = Math.max(0, Math.min(1, Number(v) || 0));
  const lo = [247, 251, 255];
  const hi = [8, 48, 107];
  const rgb = lo.map((c, i) => Math.round(c + (hi[i] - c) * t));
  const lum = (c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
  const onWhite = 1.05 / (L + 0.05);
  const onInk = (L + 0.05) / 0.05; // against black
  return [`rgb(${rgb.join(', ')})`, onWhite > onInk];
}

export function renderSummaries(view) {
  const r = view._report;
  const tabs = [
    ['similarity', 'Similarity', () => similarityPanel(view)],
    ['only', 'Only in one source', () => onlyPanel(view)],
    ['quotes', `Quotations (${r.quotes.length})`, () => quotesPanel(view)],
    ['conflicts', `Conflicts (${r.matches.reduce((n, m) => n + m.conflicts.length, 0)})`, () => conflictsPanel(view)],
  ];
  const list = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Summaries' } });
  const wrap = h('section', { class: 'summaries', part: 'summaries', attrs: { 'aria-labelledby': 'summaries-title' } }, h('h2', { text: 'Summaries', attrs: { id: 'summaries-title' } }), list);
  const buttons = [];
  const panels = [];
  for (const [id, text, build] of tabs) {
    const selected = id === view._tab;
    const btn = h('button', { class: 'tab', part: 'tab', text, attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `tabpanel-${id}`, 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? '0' : '-1' } });
    const panel = h('div', { class: 'tabpanel', part: 'tabpanel', attrs: { role: 'tabpanel', id: `tabpanel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: '0' }, data: { tab: id, title: text } });
    // Built when first shown (or exported), so the overview paints sooner.
    panel._build = () => {
      if (panel.dataset.built) return;
      panel.dataset.built = '1';
      panel.append(...[build()].flat());
    };
    panel.hidden = !selected;
    if (selected) panel._build();
    btn.addEventListener('click', () => activate(id));
    buttons.push(btn);
    panels.push(panel);
    list.append(btn);
  }
  const activate = (id, focus = false) => {
    view._tab = id;
    buttons.forEach((b, i) => {
      const on = tabs[i][0] === id;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
      if (on) panels[i]._build();
      if (on && focus) b.focus();
    });
  };
  list.addEventListener('keydown', (e) => {
    const i = tabs.findIndex(([id]) => id === view._tab);
    let to = null;
    if (e.key === 'ArrowRight') to = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') to = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = tabs.length - 1;
    if (to !== null) {
      e.preventDefault();
      activate(tabs[to][0], true);
    }
  });
  wrap.append(...panels);
  return wrap;
}

export function goButton(view, ref, text) {
  return h('button', { class: 'link-button', text, attrs: { type: 'button' }, on: { click: () => selectRef(view, ref) } });
}

export function similarityPanel(view) {
  const r = view._report;
  const table = h('table', { class: 'heatmap', part: 'heatmap' });
  table.append(h('caption', { class: 'sr-only', text: 'Share of the sentences of each pair of sources that match the other source' }));
  // Names wrap between words and between the parts of a file name, never inside a word. In a
  // narrow view the columns are headed by the sources' numbers, which start the rows' names.
  const headRow = h('tr', {}, h('td', { attrs: { 'aria-hidden': 'true' }, class: 'corner' }));
  r.sources.forEach((_, k) => headRow.append(h('th', { attrs: { scope: 'col' } },
    h('span', { class: 'th-full' }, breakable(view._label(k))), h('span', { class: 'th-num', text: String(k + 1), attrs: { 'aria-hidden': 'true' } }))));
  table.append(h('thead', {}, headRow));
  const body = h('tbody');
  r.similarity.forEach((row, a) => {
    const tr = h('tr', {}, h('th', { attrs: { scope: 'row' } }, h('span', { class: 'row-num', text: `${a + 1} `, attrs: { 'aria-hidden': 'true' } }), breakable(view._label(a))));
    row.forEach((v, b) => {
      if (a === b) {
        tr.append(h('td', { class: 'self', text: '—', attrs: { title: 'the same source' } }));
        return;
      }
      const td = h('td', { text: percent(v), attrs: { title: `${view._label(a)} and ${view._label(b)}: ${percent(v)} of their sentences match the other` } });
      const [bg, dark] = heat(v);
      td.style.backgroundColor = bg;
      if (dark) td.classList.add('dark');
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  return [h('p', { class: 'note', text: 'The share of the sentences of two sources that match a sentence of the other: darker is more alike.' }), scrollBox(view, table)];
}

/**
 * `content` in a box that scrolls sideways when it is too wide (many sources in a narrow
 * view), with a line saying so above it while it is.
 */
export function scrollBox(view, content) {
  const cue = h('p', { class: 'scroll-cue', text: 'Scroll sideways to see every source →' });
  const box = h('div', { class: 'scroll-x', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Similarity of each pair of sources' } }, content);
  if (typeof ResizeObserver !== 'undefined') {
    cue.hidden = true;
    box.tabIndex = -1;
    // While it scrolls, the box is in the tab order too, so the keyboard can scroll it.
    new ResizeObserver(() => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      cue.hidden = !wide;
      box.tabIndex = wide ? 0 : -1;
    }).observe(box);
  }
  return h('div', { class: 'scroll-wrap' }, cue, box);
}

export function onlyPanel(view) {
  if (view._kinds.length === 0) {
    return h('p', { class: 'note', text: 'Every match kind is switched off in the filters, so no sentence was matched with the other sources: there is nothing to tell apart. Switch a kind back on to see what only one source reports.' });
  }
  const r = view._report;
  const grid = h('div', { class: 'only-grid' });
  r.sources.forEach((src, k) => {
    const uniq = src.sentences.map((x, j) => [x, j]).filter(([x]) => x.support === 0 && x.role !== 'speaker');
    const sec = h('section', { attrs: { 'aria-label': `Only in ${view._label(k)}` } }, h('h3', { text: `${view._label(k)}: ${plural(uniq.length, 'sentence')}` }));
    const apart = onlyNote(view, k);
    if (apart) sec.append(apart);
    const ul = h('ul', { class: 'plain-list' });
    appendSliced(view, ul, uniq, ([x, j]) => h('li', {}, goButton(view, [k, j], x.text)));
    if (uniq.length === 0) ul.append(h('li', { class: 'missing', text: 'Nothing: every sentence is reported elsewhere.' }));
    sec.append(ul);
    grid.append(sec);
  });
  return [h('p', { class: 'note', text: 'What each source reports that no other source does.' }), grid];
}

export function quotesPanel(view) {
  const r = view._report;
  if (r.quotes.length === 0) return h('p', { class: 'note', text: 'No direct quotations found.' });
  const { carriers: carriedBy } = view._idx;
  const order = r.quotes.map((_, i) => i).sort((x, y) => carriedBy[y].length - carriedBy[x].length || x - y);
  // By default the quotations two or more sources carry; a toggle shows the rest.
  const shared = order.filter((i) => carriedBy[i].length >= 2).length;
  const single = order.length - shared;
  const out = [h('p', { class: 'note', text: shared
    ? `Direct quotations two or more sources carry (${shared}): who said what, which outlets carry it and how each words it.`
    : 'No quotation is carried by two or more sources.' })];
  const singles = [];
  let more = null; // the toggle, put before the first quotation only one source carries
  if (single) {
    const toggle = h('button', { class: 'quotes-toggle', attrs: { type: 'button', 'aria-expanded': 'false' } });
    const say = (open) => {
      toggle.textContent = open ? `Hide the ${plural(single, 'quotation')} only one source carries` : `Show the ${plural(single, 'quotation')} only one source carries`;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    say(false);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      for (const box of singles) box.hidden = !open;
      say(open);
    });
    more = h('p', { class: 'quotes-more' }, toggle);
  }
  for (const i of order) {
    const q = r.quotes[i];
    const carriers = carriedBy[i];
    const box = h('article', { class: carriers.length >= 2 ? 'quote' : 'quote quote-single' });
    if (carriers.length < 2) {
      box.hidden = true;
      if (singles.length === 0) out.push(more);
      singles.push(box);
    }
    box.append(h('p', { class: 'quote-head' }, h('span', { class: 'speaker', text: q.speaker || 'Unattributed' }), h('span', { class: 'carried', text: ` · carried by ${plural(carriers.length, 'source')}: ${carriers.map((k) => view._label(k)).join(', ')}` })));
    box.append(h('blockquote', { text: `“${q.text}”` }));
    // Variants: occurrences grouped by their wording.
    const variants = new Map();
    for (const o of q.occurrences) {
      const k = fold(o.text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (!variants.has(k)) variants.set(k, []);
      variants.get(k).push(o);
    }
    const ul = h('ul', { class: 'variants', attrs: { 'aria-label': 'Variants' } });
    for (const occ of variants.values()) {
      const li = h('li');
      li.append(h('q', { text: occ[0].text }), ' — ');
      occ.forEach((o, i) => {
        if (i > 0) li.append(', ');
        const who = o.speaker && o.speaker !== q.speaker ? ` (says ${o.speaker})` : '';
        li.append(h('button', { class: 'go', text: `${view._label(o.source)}${who}`, attrs: { type: 'button', title: 'Go to this quotation' }, on: { click: () => selectRef(view, [o.source, o.sentence]) } }));
      });
      ul.append(li);
    }
    box.append(ul);
    out.push(box);
  }
  return out;
}

export function conflictsPanel(view) {
  const r = view._report;
  const rows = [];
  for (const m of r.matches) for (const c of m.conflicts) rows.push([m, c]);
  if (rows.length === 0) return h('p', { class: 'note', text: 'No conflicting details between matched sentences.' });
  // In a narrow view each row is stacked as a card with its cells labelled (the ARIA roles keep
  // it a table for screen readers whatever its display).
  const heads = ['Detail', 'One source says', 'Another says', 'Sentences'];
  const table = h('table', { class: 'conflict-table', attrs: { role: 'table' } });
  table.append(h('thead', { attrs: { role: 'rowgroup' } }, h('tr', { attrs: { role: 'row' } }, ...heads.map((t) => h('th', { text: t, attrs: { scope: 'col', role: 'columnheader' } })))));
  const body = h('tbody', { attrs: { role: 'rowgroup' } });
  const cell = (k, ...kids) => h('td', { attrs: { role: 'cell' } }, h('span', { class: 'cell-label', text: `${heads[k]}: `, attrs: { 'aria-hidden': 'true' } }), ...kids);
  // Each value in its sentence: two figures or names often belong to two things (another
  // town, another player, a total and a part), which only the sentences tell.
  const said = ([s, i], value) => {
    const text = r.sources[s].sentences[i].text;
    // The value as a whole word (`12`, not the 12 of `2012`), else wherever it is.
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text);
    const at = whole ? whole.index : text.indexOf(value);
    const context = at < 0 ? [text] : [text.slice(0, at), h('mark', { text: value }), text.slice(at + value.length)];
    return [`${view._label(s)}: “${value}”`, h('span', { class: 'conflict-context' }, ...context)];
  };
  for (const [m, c] of rows) {
    body.append(h('tr', { attrs: { role: 'row' } },
      cell(0, `⚠ ${conflictLabel(c.kind)}`),
      cell(1, ...said(m.a, c.a)),
      cell(2, ...said(m.b, c.b)),
      cell(3,
        h('button', { class: 'go', text: `${view._label(m.a[0])} ${m.a[1] + 1}`, attrs: { type: 'button', title: 'Go to this sentence' }, on: { click: () => selectRef(view, m.a) } }), ' ',
        h('button', { class: 'go', text: `${view._label(m.b[0])} ${m.b[1] + 1}`, attrs: { type: 'button', title: 'Go to this sentence' }, on: { click: () => selectRef(view, m.b) } }))));
  }
  table.append(body);
  return [h('p', { class: 'note', text: 'Details that matched sentences state differently: numbers, names, places, dates, and claims one affirms and another denies. Read each in its sentence: two sources often give two figures or names because they speak of two things (another town, another player, a total and a part), not because they disagree.' }), table];
}

/** In the HTML export's copy of the view: every quotation shown, the toggle gone. */
export function quotesForExport(clone) {
  clone.querySelectorAll('.quotes-more').forEach((n) => n.remove());
  clone.querySelectorAll('.quote-single[hidden]').forEach((n) => n.removeAttribute('hidden'));
}
