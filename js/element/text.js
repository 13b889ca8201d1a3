// Text helpers shared by the view's parts: folding for search (case and accents ignored), search
// hits marked as text nodes (never HTML), names that wrap at their parts, HTML escaping for the
// export.

import { h } from '../dom.js';

export const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Appends `text` to `node` as text nodes, wrapping case/accent-insensitive hits of `query` in <mark>. */
export function fillText(node, text, query) {
  if (!query) {
    node.append(text);
    return;
  }
  if (/^[\x00-\x7f]*$/.test(text)) {
    // ASCII: folding is lower-casing, and offsets stay as they are.
    const lower = text.toLowerCase();
    let pos = 0;
    for (let hit = lower.indexOf(query); hit >= 0; hit = lower.indexOf(query, hit + query.length)) {
      if (hit > pos) node.append(text.slice(pos, hit));
      node.append(h('mark', { text: text.slice(hit, hit + query.length) }));
      pos = hit + query.length;
    }
    node.append(text.slice(pos));
    return;
  }
  // Fold character by character so offsets in the folded string map back to the original.
  const map = [];
  let folded = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  let pos = 0;
  let from = 0;
  for (;;) {
    const hit = folded.indexOf(query, from);
    if (hit < 0) break;
    const a = map[hit];
    const b = map[hit + query.length] ?? text.length;
    if (a > pos) node.append(text.slice(pos, a));
    node.append(h('mark', { text: text.slice(a, b) }));
    pos = b;
    from = hit + query.length;
  }
  node.append(text.slice(pos));
}

/** Whether a source's name says no more than its outlet ("Reuters" and "reuters.txt"). */
export const sameName = (name, outlet) => fold(name.replace(/\.(txt|text|md|html?)$/i, '')).trim() === fold(outlet).trim();

/** The source's name, where it is shown beside its outlet (which names it otherwise); else null. */
export const nameBeside = (src) => (src.outlet && !sameName(src.name, src.outlet) ? src.name : null);

/**
 * A label as text with line-break opportunities (<wbr>) after "_", ".", "/" and "-", so a file
 * name such as 003_eb91be4df2256679.txt wraps between its parts instead of inside a word.
 */
export function breakable(text) {
  const parts = String(text).split(/(?<=[_./-])(?=[^_./-])/);
  const out = [];
  parts.forEach((part, k) => {
    if (k > 0) out.push(document.createElement('wbr'));
    out.push(part);
  });
  return out;
}

export const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
