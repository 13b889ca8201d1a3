// Lookups over the report the view needs again and again: each sentence's matches and quotations,
// which sentences came from spans put back, a sentence's match kind, its counterparts and its
// closest sentence elsewhere. Built once per report (indexReport), kept on the element as _idx.

import { KINDS } from '../validate.js';

export function indexReport(view) {
  const r = view._report;
  const byRef = new Map();
  const key = (s, j) => `${s}:${j}`;
  r.matches.forEach((m, i) => {
    for (const [self, other] of [[m.a, m.b], [m.b, m.a]]) {
      const k = key(...self);
      if (!byRef.has(k)) byRef.set(k, []);
      byRef.get(k).push({ other, match: m, index: i, selfIsA: self === m.a });
    }
  });
  const quotesAt = new Map();
  r.quotes.forEach((q, qi) => {
    for (const o of q.occurrences) {
      const k = key(o.source, o.sentence);
      if (!quotesAt.has(k)) quotesAt.set(k, []);
      quotesAt.get(k).push(qi);
    }
  });
  // Restored spans: which sentences come from them, and which were removed again by the engine.
  const restoredSentences = new Set();
  const notCompared = r.sources.map(() => []);
  view._inputs.forEach((input, i) => {
    for (const place of input.places) {
      let hit = false;
      r.sources[i].sentences.forEach((s, j) => {
        if (s.start < place.end && s.end > place.start) {
          restoredSentences.add(key(i, j));
          hit = true;
        }
      });
      if (!hit) notCompared[i].push(place);
      else {
        // Parts of it the engine still removes are shown in place too.
        for (const x of r.sources[i].removed) {
          if (x.start < place.end && x.end > place.start) notCompared[i].push({ start: x.start, end: x.end, text: x.text });
        }
      }
    }
  });
  // Per quotation, the sources that carry it (in order of first occurrence).
  const carriers = r.quotes.map((q) => [...new Set(q.occurrences.map((o) => o.source))]);
  view._idx = { byRef, quotesAt, key, restoredSentences, notCompared, carriers };
}

export function kindOf(view, s, j) {
  const sent = view._report.sources[s].sentences[j];
  if (sent.group !== null && view._report.groups[sent.group]) return view._report.groups[sent.group].kind;
  const list = view._idx.byRef.get(`${s}:${j}`) || [];
  let best = null;
  for (const { match } of list) if (!best || KINDS.indexOf(match.kind) < KINDS.indexOf(best)) best = match.kind;
  return best;
}

/**
 * Counterparts of a sentence, per other source: direct matches first, then group members. Other
 * sentences of its own source (a group may hold two) are not counterparts.
 */
export function counterpartsOf(view, s, j) {
  const r = view._report;
  const out = r.sources.map(() => []);
  for (const m of view._idx.byRef.get(`${s}:${j}`) || []) {
    if (m.other[0] !== s) out[m.other[0]].push({ ref: m.other, match: m.match, selfIsA: m.selfIsA });
  }
  const sent = r.sources[s].sentences[j];
  if (sent.group !== null && r.groups[sent.group]) {
    for (const ref of r.groups[sent.group].members) {
      if (ref[0] === s) continue;
      if (out[ref[0]].some((c) => c.ref[1] === ref[1])) continue;
      out[ref[0]].push({ ref, match: null, groupKind: r.groups[sent.group].kind });
    }
  }
  return out;
}

/** The closest sentence of another source to unique sentence `sent`, when the report names one. */
export function nearest(view, sent) {
  const n = sent.nearest;
  const other = n && view._report.sources[n.source]?.sentences[n.sentence];
  return other ? { ref: [n.source, n.sentence], text: other.text, score: n.score } : null;
}
