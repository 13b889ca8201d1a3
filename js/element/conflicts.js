// Conflicts where the eye is (issue 13, point 3): which sentences state a detail differently from a
// matched sentence of another source, marked ⚠ in the columns, counted in each column head, and
// listed in the claim table's cells. Built once per report, on the report's index (view._idx).

import { h, plural } from '../dom.js';
import { conflictLabel } from './labels.js';

/**
 * The conflicts of the report by sentence: `at` maps "s:j" to a list of { kind, here, there,
 * other } (here: the detail as sentence s:j states it; there: as sentence `other` of another
 * source does), and `counts[s]` is how many conflicting details involve source s.
 */
export function conflictIndex(view) {
  const idx = view._idx;
  if (idx.conflicts) return idx.conflicts;
  const r = view._report;
  const at = new Map();
  const counts = r.sources.map(() => 0);
  const add = (self, other, kind, here, there) => {
    const k = `${self[0]}:${self[1]}`;
    if (!at.has(k)) at.set(k, []);
    at.get(k).push({ kind, here, there, other });
  };
  for (const m of r.matches) {
    for (const c of m.conflicts) {
      add(m.a, m.b, c.kind, c.a, c.b);
      add(m.b, m.a, c.kind, c.b, c.a);
      counts[m.a[0]]++;
      counts[m.b[0]]++;
    }
  }
  idx.conflicts = { at, counts, any: counts.some((n) => n > 0) };
  return idx.conflicts;
}

/** The conflicting details of sentence j of source s ([] when there are none). */
export const conflictsOf = (view, s, j) => conflictIndex(view).at.get(`${s}:${j}`) || [];

/** One conflict in words, from sentence s's side: "number: “120” here, “150” in Herald". */
export const conflictText = (view, c) => `${conflictLabel(c.kind)}: “${c.here}” here, “${c.there}” in ${view._label(c.other[0])}`;

/**
 * Puts a ⚠ on a column's sentence that has conflicting details (and says them in its title);
 * returns whether it has any (the caller adds the has-conflict class).
 */
export function markConflict(view, node, s, j) {
  const list = conflictsOf(view, s, j);
  if (list.length === 0) return false;
  node.append(
    h('span', { class: 'conflict-mark', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
    h('span', { class: 'sr-only', text: `${plural(list.length, 'conflicting detail')}: ` }),
  );
  node.title = `${node.title ? `${node.title}. ` : ''}⚠ ${list.map((c) => conflictText(view, c)).join('; ')}`;
  return true;
}

/** "⚠ 2 conflicts" for a column head: how many conflicting details involve source i. */
export function conflictStat(view, i) {
  const { counts, any } = conflictIndex(view);
  if (!any) return null;
  const n = counts[i];
  return h('span', {
    class: n ? 'stat-conflicts' : 'stat-conflicts none',
    text: n ? `⚠ ${plural(n, 'conflict')}` : 'no conflicts',
    attrs: { title: n ? `${plural(n, 'detail')} (numbers, names, places, dates, opposite claims) stated differently by another source: see the ⚠ sentences` : 'No detail of this source is stated differently by another source' },
  });
}
