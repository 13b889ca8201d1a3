// The toolbar above the columns: the match-kind toggles, the minimum-support and search fields,
// the legend of shades, and the notes on what the filters or a words-only match leave out.

import { h } from '../dom.js';
import { KINDS } from '../validate.js';
import { applyFilters } from './filters.js';
import { KIND_INFO, LEXICAL_NOTE } from './labels.js';
import { languageNote } from './verdicts.js';
import { addToolbarToggle } from './compact.js';
import { nextMatch } from './keys.js';

/** Shade level 1..4 for a sentence shared with `support` of `others` other sources. */
export function level(support, others) {
  if (support <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((support / Math.max(others, 1)) * 4)));
}

/**
 * The legend's entries: each shade level in use with the range of support counts it stands for,
 * as [level, from, to] (with more than four other sources a level covers several counts).
 */
export function levelRanges(others) {
  const out = [];
  for (let s = 1; s <= others; s++) {
    const lv = level(s, others);
    const last = out[out.length - 1];
    if (last && last[0] === lv) last[2] = s;
    else out.push([lv, s, s]);
  }
  return out;
}

/** "1 other", "3 others", "all 4 others", "2–3 others": what a legend entry stands for. */
export function rangeLabel(from, to, others) {
  if (from !== to) return `${from}–${to} others`;
  if (to === others && others > 1) return `all ${to} others`;
  return `${to} other${to === 1 ? '' : 's'}`;
}

export function renderToolbar(view) {
  const r = view._report;
  const others = r.sources.length - 1;
  const kinds = h('fieldset', { class: 'filters', part: 'filters' }, h('legend', { text: 'Show matches' }));
  for (const k of KINDS) {
    const box = h('input', { attrs: { type: 'checkbox', name: 'kind', value: k } });
    box.checked = view._options.kinds.includes(k);
    box.addEventListener('change', () => {
      const on = [...kinds.querySelectorAll('input[name="kind"]')].filter((b) => b.checked).map((b) => b.value);
      view._options = { ...view._options, kinds: on };
      view._compare();
    });
    kinds.append(h('label', { class: 'kind-toggle' }, box, h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
  }
  const min = h('select', { attrs: { 'aria-label': 'Minimum number of other sources sharing a sentence' } });
  for (let v = 0; v <= others; v++) min.append(h('option', { text: v === 0 ? 'any' : `${v}+ other${v === 1 ? '' : 's'}`, attrs: { value: v } }));
  min.value = String(Math.min(view._minSupport, others));
  min.addEventListener('change', () => {
    view._minSupport = Number(min.value);
    applyFilters(view);
  });
  const search = h('input', { attrs: { type: 'search', placeholder: 'Find text…', 'aria-label': 'Find sentences containing' } });
  search.value = view._query;
  search.addEventListener('input', () => {
    view._query = search.value;
    applyFilters(view);
  });
  // Enter goes to the next match (Shift+Enter the previous one), as a browser's find does.
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    e.preventDefault();
    nextMatch(view, e.shiftKey ? -1 : 1);
  });
  view._search = search;
  view._shownCount = h('span', { class: 'shown-count', attrs: { 'aria-live': 'polite' } });
  kinds.append(
    h('label', { class: 'field' }, 'Shared with', min),
    h('label', { class: 'field' }, h('span', { class: 'sr-only', text: 'Search' }), search),
    view._shownCount,
  );
  const legend = h('ul', { class: 'legend', part: 'legend', attrs: { 'aria-label': 'Legend' } });
  legend.append(h('li', { class: 'legend-title', text: 'Shared with:' }));
  legend.append(h('li', {}, h('span', { class: 'swatch unique', attrs: { 'aria-hidden': 'true' } }), 'no other source (unique; "unique?" where another source comes close)'));
  // One entry per shade: with more than four other sources a shade stands for a range.
  for (const [lv, from, to] of levelRanges(others)) {
    legend.append(h('li', { data: { level: lv, from, to } }, h('span', { class: `swatch level-${lv}`, attrs: { 'aria-hidden': 'true' } }), rangeLabel(from, to, others)));
  }
  legend.append(h('li', { class: 'legend-title kind-part', text: 'Match:' }));
  for (const k of KINDS) {
    legend.append(h('li', { class: 'kind-part' }, h('span', { class: `kind-sample kind-${k}`, attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
  }
  const toolbar = h('div', { class: 'toolbar', part: 'toolbar' }, kinds, legend);
  // With match kinds switched off, "unique" means less (or nothing): say so.
  const on = KINDS.filter((k) => view._kinds.includes(k));
  if (on.length === 0) {
    toolbar.append(h('p', { class: 'filter-note', attrs: { role: 'note' }, text: 'Every match kind is switched off in the filters, so no sentence is matched with the other sources and none is marked unique. Switch a kind back on to compare.' }));
  } else if (on.length < KINDS.length) {
    const off = KINDS.filter((k) => !on.includes(k));
    const names = off.map((k) => KIND_INFO[k].label).join(' and ');
    const ways = off.map((k) => ({ identical: 'word for word', minor: 'with minor edits', paraphrase: 'in other words' })[k]).join(' or ');
    toolbar.append(h('p', { class: 'filter-note', attrs: { role: 'note' }, text: `${names[0].toUpperCase()}${names.slice(1)} ${off.length === 1 ? 'is' : 'are'} switched off in the filters: a sentence marked unique may still be reported elsewhere ${ways}.` }));
  }
  // Without the sentence vectors the engine matched by words only: say what that misses.
  if (r.matching === 'lexical') {
    toolbar.append(h('p', { class: 'matching-note', attrs: { role: 'note' }, text: LEXICAL_NOTE }));
  }
  const languages = languageNote(view);
  if (languages) toolbar.append(languages);
  addToolbarToggle(view, toolbar);
  return toolbar;
}
