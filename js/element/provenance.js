// Provenance in the view: the focus panel of a shared sentence says which source had it first,
// when two or more of the sources sharing it have a publication time and one is surely earliest
// (js/provenance.js); the column heads show the time when the page gives one. Only text goes into the page.

import { h } from '../dom.js';
import { firstOf } from '../provenance.js';

/** "First published by …" for sentence `j` of source `s`, whose counterparts are `cps`; or null. */
export function firstLine(view, s, j, cps) {
  const r = view._report;
  if (!(r.sources[s].sentences[j]?.support > 0)) return null;
  const list = [s, ...cps.map((c, k) => (c.length ? k : -1)).filter((k) => k >= 0)];
  const found = firstOf(r, list);
  // Days alone (the same day, mostly) tell nothing: said only when one source is surely first.
  if (found.first === null) return null;
  const text = `First published by ${view._label(found.first)}${found.first === s ? ' (this source)' : ''}, ${found.time}: the earliest of the ${found.known} sources sharing it with a publication time.`;
  return h('p', { class: 'first-line', text });
}
