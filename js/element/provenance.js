// Provenance in the view: the focus panel of a shared sentence says which source had it first,
// when two or more of the sources sharing it have a publication time and one is surely earliest
// (js/provenance.js); the column heads show the time when the page gives one. Only text goes into the page.

import { h } from '../dom.js';
import { firstOf, timeOf } from '../provenance.js';
import { nameBeside } from './text.js';

/**
 * "First published by …": `first` ({ source, time, known }: the earliest source of a sentence and
 * how many of its sources have a publication time, from firstOf) in words, for the focus panel
 * and the claim table alike. `word`: how those sources hold it ("sharing", "carrying"); `self`:
 * the source the words are said from, named "(this source)" when it is the first.
 */
export function firstText(view, { source, time, known }, word, self = null) {
  return `First published by ${view._label(source)}${source === self ? ' (this source)' : ''}, ${time}: the earliest of the ${known} sources ${word} it with a publication time.`;
}

/** "First published by …" for sentence `j` of source `s`, whose counterparts are `cps`; or null. */
export function firstLine(view, s, j, cps) {
  const r = view._report;
  if (!(r.sources[s].sentences[j]?.support > 0)) return null;
  const list = [s, ...cps.map((c, k) => (c.length ? k : -1)).filter((k) => k >= 0)];
  const found = firstOf(r, list);
  // Days alone (the same day, mostly) tell nothing: said only when one source is surely first.
  if (found.first === null) return null;
  return h('p', { class: 'first-line', text: firstText(view, { source: found.first, time: found.time, known: found.known }, 'sharing', s) });
}

/**
 * What the table's head and its exports say of source `s` beside its label (the outlet, else its
 * name): { label, name (its name, when the label is the outlet), url, time (its publication time
 * as shown) }, null where it has none.
 */
export function provenanceParts(view, s) {
  const src = view._report.sources[s];
  const label = view._label(s);
  // Its name beside the outlet as the column heads show it: not when it says no more (`reuters.txt`).
  return { label, name: nameBeside(src), url: src.url || null, time: timeOf(src)?.text || null };
}

/**
 * A source as the exports' header names it, with its provenance (see provenanceParts): "Harbour
 * Post (Desk copy, https://harbour.example/story, published 2025-06-11 09:30+02:00)", those it has.
 */
export function sourceHeading({ label, name, url, time }) {
  const more = [name, url, time && `published ${time}`].filter(Boolean);
  return more.length ? `${label} (${more.join(', ')})` : label;
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
