// The filters at work on the columns: minimum support and search show or hide rows, and search
// hits are marked. Runs on every keystroke, so it touches only the rows whose state changes.

import { FIRST_ROWS, slices } from './slices.js';
import { fillText, fold } from './text.js';
import { rowFacts, sizeChunk } from './columns.js';
import { selectRef } from './focus.js';
import { filterTable } from './table.js';

/**
 * Shows the sentences that pass the filters (minimum support, search) and marks the search hits.
 * Runs on every keystroke in the search box, so it touches a sentence's text only when its
 * highlight changes, and folds each text once.
 */
export function applyFilters(view) {
  if (!view._report) return;
  const q = fold(view._query.trim());
  const marks = []; // rows whose highlight changes: the top of each column first
  view._tally = { shown: 0, total: 0 };
  view._rows.forEach((rows, i) => {
    let tabStop = null;
    let firstVisible = null;
    rows.forEach((row, k) => {
      const visible = filterRow(view, row, q, marks, k);
      if (row.button) {
        if (!tabStop && row.node.tabIndex === 0) tabStop = row.node;
        if (!firstVisible && visible) firstVisible = row.node;
      }
    });
    // Keep one visible sentence per column in the tab order.
    if (!tabStop || tabStop.hidden) {
      for (const row of rows) if (row.button) row.node.tabIndex = -1;
      if (firstVisible) firstVisible.tabIndex = 0;
      tabStop = firstVisible;
    }
    if (view._cols[i]) {
      view._cols[i].stop = !!tabStop;
      for (const chunk of view._cols[i].chunks) sizeChunk(view, chunk);
    }
  });
  view._shownCount.querySelector('.match-at')?.remove(); // it named a match of other filters
  countShown(view);
  if (view._selected) {
    const node = view._node(...view._selected);
    if (!node || node.hidden) selectRef(view, null);
  }
  // Highlighting thousands of hits (a short query in a long report) would hold up typing: the
  // top rows of each column are marked now, the rest in slices.
  marks.sort((a, b) => a[2] - b[2]);
  const job = { marks, pos: 0 };
  view._marking = job;
  const markSome = (until) => {
    for (; job.pos < marks.length && (job.pos < 2 * FIRST_ROWS || performance.now() < until); job.pos++) {
      const [row, mark] = marks[job.pos];
      markRow(view, row, mark);
    }
    return job.pos === marks.length;
  };
  if (!markSome(0)) slices(markSome, () => view._marking === job); // stops if the filters change again
  filterTable(view); // the claim table, when it is built
}

/**
 * Shows or hides one row as the filters say (query `q`, folded) and marks its hits, or, given
 * `later`, lists it there to be marked ([row, mark, place in column]); returns whether it shows.
 * Counts it in `_tally` (reset when every row is filtered again).
 */
export function filterRow(view, row, q, later = null, place = 0) {
  const visible = passes(view, row, q);
  row.node.hidden = !visible;
  if (!row.speaker) {
    view._tally.total++;
    if (visible) view._tally.shown++;
  }
  const mark = visible ? q : '';
  if (row.mark !== mark) {
    if (later) later.push([row, mark, place]);
    else markRow(view, row, mark);
  }
  return visible;
}

/**
 * Whether the filters (minimum support, query `q`, folded) show a row, or what a row will be
 * made of: `{ text, support, speaker }`, its folded text kept in `folded` once searched.
 */
export function passes(view, x, q) {
  if (view._minSupport > 0 && (x.support < view._minSupport || x.speaker)) return false;
  return !q || (x.folded ??= fold(x.text)).includes(q);
}

/**
 * What the filters need of the row item `k` of column `i` that is not built yet: its
 * `rowFacts`, as its row will have them, kept on the item.
 */
export function itemFacts(view, i, k) {
  const item = view._cols[i].items[k];
  item.facts ??= { ...rowFacts(item.place ? null : view._report.sources[i].sentences[item.j], item.place), folded: null };
  return item.facts;
}

export function markRow(view, row, mark) {
  if (row.mark === mark) return;
  row.textEl.replaceChildren();
  fillText(row.textEl, row.text, mark);
  row.mark = mark;
}

/**
 * "showing 12 of 80 sentences" when the filters hide some: the rows built, as filterRow counted
 * them, and those of columns still being built as the filters will show them. The text is left
 * alone when it is the same (the match Enter found, named in a span inside it, stays).
 */
export function countShown(view) {
  let { shown, total } = view._tally;
  const q = fold(view._query.trim());
  // Unfiltered, every sentence shows and the count says nothing.
  if (view._minSupport > 0 || q !== '') {
    view._cols?.forEach((col, i) => {
      for (let k = col.pos; k < col.items.length; k++) {
        const x = itemFacts(view, i, k);
        if (x.speaker) continue;
        total++;
        if (passes(view, x, q)) shown++;
      }
    });
  }
  const text = shown !== total ? `showing ${shown} of ${total} sentences` : '';
  // The count's own text is its first child when it has any; a match-at span may follow it.
  const first = view._shownCount.firstChild;
  if ((first?.nodeType === Node.TEXT_NODE ? first.data : '') === text) return;
  view._shownCount.textContent = text;
}
