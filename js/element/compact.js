// The toolbar folded at phone width, and the view made whole for printing.
//
// At phone width (the element's container query, as for the bottom-sheet panel) the filters and
// the legend fold behind one "Filters and legend" button, so that the first sentences are on the
// first screen; the notes (filters off, words only, languages) stay in view. The button shows only
// at phone width; wider, the toolbar is as it always was. Whether it is open is kept across
// comparisons (view._toolbarOpen).
//
// Printing (and saving as PDF) needs every sentence on the page: before the browser prints, the
// rendering still under way is finished at once (the print styles in js/element-style.js undo
// the scroll boxes and the lazy layout).

import { h } from '../dom.js';
import { finishTable } from './table.js';

/** Adds the fold button to `toolbar` (its filters and legend are what it folds). */
export function addToolbarToggle(view, toolbar) {
  const open = !!view._toolbarOpen;
  const ids = [];
  for (const part of toolbar.querySelectorAll(':scope > .filters, :scope > .legend')) {
    part.id ||= `toolbar-${part.classList.contains('legend') ? 'legend' : 'filters'}`;
    ids.push(part.id);
  }
  const button = h('button', { class: 'toolbar-toggle', attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': ids.join(' ') } },
    h('span', { text: 'Filters and legend' }), h('span', { class: 'chevron', text: open ? ' ▴' : ' ▾', attrs: { 'aria-hidden': 'true' } }));
  button.addEventListener('click', () => {
    view._toolbarOpen = !view._toolbarOpen;
    toolbar.classList.toggle('open', view._toolbarOpen);
    button.setAttribute('aria-expanded', String(view._toolbarOpen));
    button.querySelector('.chevron').textContent = view._toolbarOpen ? ' ▴' : ' ▾';
  });
  toolbar.classList.toggle('open', open);
  toolbar.prepend(button);
  // The search key (/) needs the field on screen: it opens the toolbar first (see keys.js).
  view._openToolbar = () => { if (!view._toolbarOpen) button.click(); };
}

/**
 * Finishes any rendering under way before the page is printed, the claim table's rows too (not
 * in `_flush`, which a jump to a sentence not yet built also asks for); returns the listener to
 * remove.
 */
export function listenForPrint(view) {
  if (typeof window === 'undefined') return null;
  const listener = () => {
    view._flush?.();
    if (view._table?.model) finishTable(view);
  };
  window.addEventListener('beforeprint', listener);
  return listener;
}
