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

/**
 * A source's details as the reader gave them (`{ outlet, url, datetime }`, each a string, or
 * left out): those that are strings and not blank, trimmed; null when none is.
 */
export function cleanMeta(meta) {
  if (!meta || typeof meta !== 'object') return null;
  const out = {};
  for (const key of ['outlet', 'url', 'datetime']) {
    if (typeof meta[key] === 'string' && meta[key].trim() !== '') out[key] = meta[key].trim().slice(0, 2000);
  }
  return Object.keys(out).length ? out : null;
}

/**
 * The report with each source's details as the reader gave them (`sources[i].meta`) in place of
 * what the engine read: outlet, url, datetime (and published, its day). So the column heads, the
 * focus panel and every export show them. Returns the report itself when no source has any.
 */
export function withMeta(report, sources) {
  if (!sources.some((s) => s.meta)) return report;
  return {
    ...report,
    sources: report.sources.map((src, i) => {
      const m = sources[i]?.meta;
      if (!m) return src;
      return {
        ...src,
        outlet: m.outlet ?? src.outlet,
        url: m.url ?? src.url,
        datetime: m.datetime ?? src.datetime,
        published: m.datetime ? m.datetime.slice(0, 10) : src.published,
      };
    }),
  };
}
