// Keyboard navigation of the overview: arrows within and across columns, n/N and u/U to the next
// shared or unique sentence, Enter into the panel, Esc out of it, / to search; Enter (Shift+Enter)
// in the search box to the next (previous) match.

import { counterpartsOf } from './report-index.js';
import { focusQuietly, selectRef } from './focus.js';
import { stepRow } from './table.js';
import { buildRows } from './columns.js';
import { itemFacts, passes } from './filters.js';
import { fold } from './text.js';

export function visibleButtons(view) {
  const out = [];
  view._nodes.forEach((col) => col.forEach((n) => { if (n && !n.hidden && n.getAttribute('role') === 'button') out.push(n); }));
  return out;
}

/**
 * Steps to the next (dir 1) or previous (-1) visible sentence matching `pred`, wrapping around;
 * `focus` false leaves the keyboard focus where it is. Returns the sentence's node, or null.
 */
export function stepTo(view, dir, pred, { focus = true } = {}) {
  const all = visibleButtons(view);
  if (all.length === 0) return null;
  const cur = view._selected ? view._node(...view._selected) : null;
  let i = cur ? all.indexOf(cur) : dir > 0 ? -1 : 0;
  for (let k = 0; k < all.length; k++) {
    i = (i + dir + all.length) % all.length;
    if (pred(all[i])) {
      selectRef(view, [Number(all[i].dataset.source), Number(all[i].dataset.sentence)], { focus });
      return all[i];
    }
  }
  return null;
}

/**
 * Enter in the search box: the next (dir 1) or previous (-1) match, the focus staying in the box.
 * In the columns, the next sentence the search shows is focused (its panel opened); in the table,
 * the next row is marked and scrolled into view. The count beside the box says which match it is.
 */
export function nextMatch(view, dir) {
  if (!view._report || view._query.trim() === '') return;
  let at = null;
  if (view._mode === 'table') at = stepRow(view, dir);
  else at = stepMatch(view, dir);
  const count = view._mode === 'table' ? view._table?.count : view._shownCount;
  if (count) showMatchAt(count, at);
}

/**
 * Selects the next (dir 1) or previous (-1) sentence the filters show in the columns, wrapping
 * around; returns [its place, of how many], or null. Counted over every sentence, those of
 * columns still being built too (read from the report, as countShown counts them), and rows are
 * built only as far as the one selected: building all of a 1 MB article's rows at once held
 * the page for 185-216 ms (bench/responsive.mjs).
 */
function stepMatch(view, dir) {
  const q = fold(view._query.trim());
  const matches = []; // [column, item], in the order the columns show them
  view._cols.forEach((col, i) => {
    col.items.forEach((item, k) => {
      const row = k < col.pos ? view._rows[i][k] : itemFacts(view, i, k);
      const shown = row.node ? !row.node.hidden : passes(view, row, q);
      if (row.button && shown) matches.push([i, k]);
    });
  });
  if (matches.length === 0) return null;
  const sel = view._selected;
  const cur = sel ? matches.findIndex(([i, k]) => i === sel[0] && view._cols[i].items[k].j === sel[1]) : -1;
  const at = cur < 0 ? (dir > 0 ? 0 : matches.length - 1) : (cur + dir + matches.length) % matches.length;
  const [i, k] = matches[at];
  const col = view._cols[i];
  if (k >= col.pos) buildRows(view, i, k + 1 - col.pos);
  selectRef(view, [i, col.items[k].j], { focus: false });
  return [at + 1, matches.length];
}

/**
 * Says which match the search is at ("match 2 of 5"), after what `count` says (the rows or
 * sentences shown), in a span of its own inside it: the count's own text is left alone, and
 * when the filters count again (setting its text) the span goes with the match it named.
 */
function showMatchAt(count, at) {
  let span = count.querySelector('.match-at');
  if (!at) {
    span?.remove();
    return;
  }
  if (!span) {
    span = document.createElement('span');
    span.className = 'match-at';
    count.append(span);
  }
  const base = [...count.childNodes].filter((n) => n !== span).map((n) => n.textContent).join('');
  span.textContent = `${base ? ' · ' : ''}match ${at[0]} of ${at[1]}`;
}

export function onKey(view, e) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.composedPath()[0];
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  const node = target?.closest?.('.sentence[role="button"]');
  const inPanel = !!target?.closest?.('.panel');
  if (!node && !inPanel && !target?.closest?.('.board')) {
    // Outside the overview only Escape and "/" are ours.
    if (e.key !== 'Escape' && e.key !== '/') return;
  }
  const shared = (n) => Number(n.dataset.support) > 0;
  const unique = (n) => n.classList.contains('unique');
  let handled = true;
  switch (e.key) {
    case 'n': stepTo(view, 1, shared); break;
    case 'N': stepTo(view, -1, shared); break;
    case 'u': stepTo(view, 1, unique); break;
    case 'U': stepTo(view, -1, unique); break;
    case 'Escape':
      if (view._selected) {
        const back = view._node(...view._selected);
        selectRef(view, null);
        if (inPanel || !node) focusQuietly(view, back);
      } else handled = false;
      break;
    case '/': view._openToolbar?.(); view._search?.focus(); break;
    case 'ArrowDown': case 'ArrowUp': case 'Home': case 'End': {
      if (!node) { handled = false; break; }
      const list = view._rows[Number(node.dataset.source)].filter((row) => row.button && !row.node.hidden).map((row) => row.node);
      const i = list.indexOf(node);
      const to = e.key === 'ArrowDown' ? list[i + 1] : e.key === 'ArrowUp' ? list[i - 1] : e.key === 'Home' ? list[0] : list[list.length - 1];
      if (to) selectRef(view, [Number(to.dataset.source), Number(to.dataset.sentence)]);
      break;
    }
    case 'ArrowLeft': case 'ArrowRight': {
      if (!node) { handled = false; break; }
      const s = Number(node.dataset.source);
      const j = Number(node.dataset.sentence);
      const step = e.key === 'ArrowRight' ? 1 : -1;
      const cps = counterpartsOf(view, s, j);
      for (let k = s + step; k >= 0 && k < view._nodes.length; k += step) {
        const c = cps[k].find((x) => !view._node(...x.ref)?.hidden);
        if (c) { selectRef(view, c.ref); break; }
        const col = view._board.querySelectorAll('.sentences')[k];
        const fallback = col && (col.querySelector('.sentence[role="button"][tabindex="0"]:not([hidden])') || col.querySelector('.sentence[role="button"]:not([hidden])'));
        if (fallback) { selectRef(view, [Number(fallback.dataset.source), Number(fallback.dataset.sentence)]); break; }
      }
      break;
    }
    case 'Enter':
      if (node && view._selected) view._panel.querySelector('#panel-title')?.focus();
      else handled = false;
      break;
    default: handled = false;
  }
  if (handled) e.preventDefault();
}
