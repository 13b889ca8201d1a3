// Rendering in slices: a long report is put on screen a few milliseconds at a time so that the
// page keeps painting and answering input (a 1 MB article is about 9,000 sentences).

// A long report is put on screen in slices, so the page never freezes: the top of every column is
// built with the rest of the view, the remaining sentences in slices of a few milliseconds between
// which the browser paints and handles input (a 1 MB article is about 9,000 sentences).
export const FIRST_ROWS = 60; // per column, built at once
export const SLICE_MS = 8; // the work of one slice
export const BATCH = 16; // rows built between two looks at the clock
export const LONG_LIST = 150; // rows: a longer column (or list) lays out only what is near the screen
export const CHUNK = 100; // rows per block of a long column: see _buildRows

/**
 * Resolves in a later task: lets the browser paint and handle input in between. (A timer rather
 * than scheduler.yield(), whose continuations run ahead of painting.)
 */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The slices of work left once the first part is done at once: `step(until)` runs in each later
 * task, working until the clock passes `until`, and returns true when all is done. Stops as soon
 * as `isCurrent()` says the work was dropped. Resolves to true when it finished, else false.
 */
export async function slices(step, isCurrent) {
  for (;;) {
    await nextTask();
    if (!isCurrent()) return false;
    if (step(performance.now() + SLICE_MS)) return true;
  }
}

/**
 * Appends `make(item)` for each of `items` to `parent`: the first ones at once, the rest of a
 * long list in slices between which the browser paints (see FIRST_ROWS). An export finishes it
 * at once (_flush).
 */
export function appendSliced(view, parent, items, make) {
  let pos = 0;
  const build = (until) => {
    const frag = document.createDocumentFragment();
    while (pos < items.length && (pos < 2 * FIRST_ROWS || performance.now() < until)) {
      for (let k = 0; k < BATCH && pos < items.length; k++) frag.append(make(items[pos++]));
    }
    parent.append(frag);
    return pos === items.length;
  };
  if (build(0)) return;
  if (items.length > LONG_LIST) parent.classList.add('long');
  const list = { finish: () => { build(Infinity); view._lists.delete(list); } };
  view._lists.add(list);
  // Stops when finished by an export, or when the view is rendered again.
  slices((until) => {
    if (!build(until)) return false;
    view._lists.delete(list);
    return true;
  }, () => view._lists.has(list));
}
