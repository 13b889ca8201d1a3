// Where the articles come from and what is sent for them: the `src` attribute's files, child
// elements as text, spans put back rebuilt into the text, and a web page with spans put back sent
// as its article text. Also maps the report back onto the element's sources (blank ones, offsets).

import { isHtmlSource } from '../validate.js';

/** Text of a light-DOM child: block elements become paragraphs. */
export function textOf(node) {
  if (node instanceof HTMLTemplateElement) return textOf(node.content);
  if (node instanceof HTMLTextAreaElement) return node.value;
  let out = '';
  const walk = (n) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) out += c.data;
      else if (c.nodeType === Node.ELEMENT_NODE) {
        const tag = c.tagName.toLowerCase();
        if (tag === 'br') {
          out += '\n';
          continue;
        }
        if (tag === 'script' || tag === 'style') continue;
        const block = /^(p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|header|footer|section|article|pre|tr)$/.test(tag);
        if (block) out += '\n\n';
        walk(c);
        if (block) out += '\n\n';
      }
    }
  };
  walk(node);
  if (node.nodeType === Node.ELEMENT_NODE && node.tagName.toLowerCase() === 'pre') return node.textContent;
  return out.replace(/[ \t]*\n[ \t]*(\n[ \t]*)+/g, '\n\n').trim();
}

/**
 * Rebuilds a source's text with restored removed spans standing as their own paragraphs, so the
 * engine reads them as article text. Returns the text and the restored spans' places in it.
 * `cut` spans (for a web page: what its HTML read removed, and the reader did not put back) are
 * left out, a paragraph break in their place; `segments` map the result back to `text`.
 */
export function rebuildText(text, restored, cut = []) {
  const valid = ([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= text.length && s < e;
  const kept = [...(restored || [])].filter(valid);
  const spans = [
    ...kept.map(([s, e]) => [s, e, true]),
    ...cut.filter(valid).filter(([s, e]) => !kept.some(([a, b]) => s < b && e > a)).map(([s, e]) => [s, e, false]),
  ].sort((x, y) => x[0] - y[0]);
  if (spans.length === 0) return { text, places: [], segments: [{ from: 0, to: text.length, orig: 0 }] };
  let out = '';
  let pos = 0;
  const places = [];
  const segments = [];
  for (const [s, e, keep] of spans) {
    if (s < pos) continue; // overlapping: the first one wins
    segments.push({ from: out.length, to: out.length + (s - pos), orig: pos });
    out += text.slice(pos, s);
    if (!keep) {
      out += '\n\n';
      pos = e;
      continue;
    }
    let piece = text.slice(s, e).trim();
    if (!/[.!?…"'”’)\]]$/.test(piece)) piece += '.';
    out += '\n\n';
    const start = out.length;
    out += piece;
    places.push({ origStart: s, origEnd: e, start, end: out.length, text: text.slice(s, e) });
    out += '\n\n';
    pos = e;
  }
  segments.push({ from: out.length, to: out.length + (text.length - pos), orig: pos });
  out += text.slice(pos);
  return { text: out, places, segments };
}

/**
 * Puts the sources left out of a comparison (blank ones) back into its report as sources without
 * sentences, so that source indices in the report follow the element's sources. `sent[k]` is the
 * index among `inputs` of the k-th source the engine compared.
 */
export function withBlanks(report, sent, inputs) {
  if (sent.length === inputs.length) return report;
  const ref = ([s, j]) => [sent[s], j];
  const sources = inputs.map(({ name }) => ({ name, title: null, outlet: null, published: null, authors: [], sentences: [], removed: [], format: 'text', text: null, url: null, lang: null, datetime: null }));
  const near = (x) => (x.nearest ? { ...x, nearest: { ...x.nearest, source: sent[x.nearest.source] } } : x);
  report.sources.forEach((src, k) => { sources[sent[k]] = { ...src, sentences: src.sentences.map(near) }; });
  const similarity = inputs.map((_, a) => inputs.map((_, b) => (a === b ? 1 : 0)));
  report.similarity.forEach((row, a) => row.forEach((v, b) => { similarity[sent[a]][sent[b]] = v; }));
  return {
    ...report,
    sources,
    matches: report.matches.map((m) => ({ ...m, a: ref(m.a), b: ref(m.b) })),
    groups: report.groups.map((g) => ({ ...g, members: g.members.map(ref) })),
    quotes: report.quotes.map((q) => ({ ...q, occurrences: q.occurrences.map((o) => ({ ...o, source: sent[o.source] })) })),
    similarity,
  };
}

/** Maps an offset in rebuilt text back to the original text (null inside an inserted part). */
export function toOriginal(segments, offset, isEnd = false) {
  for (const seg of segments) {
    if (offset >= seg.from && (offset < seg.to || (isEnd && offset === seg.to))) return seg.orig + (offset - seg.from);
  }
  return null;
}

/**
 * Loads articles as the `src` attribute names them: URLs of .txt (or .html) files separated by
 * spaces (each named by its file name), or one .json URL listing file names, { name, url },
 * { name, text } or { name, html } (URLs in it relative to it). Relative URLs resolve against
 * `base` (the document's by default). Resolves to [{ name, text }] (or { name, html } for a web
 * page: an .html/.htm URL or an answer typed as HTML); rejects with a message naming what could
 * not be loaded.
 */
export async function loadSources(src, base = document.baseURI) {
  const urls = String(src).trim().split(/\s+/).filter(Boolean).map((u) => new URL(u, base));
  let items;
  if (urls.length === 1 && /\.json$/i.test(urls[0].pathname)) {
    const res = await fetch(urls[0]);
    if (!res.ok) throw new Error(`could not load ${urls[0].href} (HTTP ${res.status})`);
    const list = await res.json();
    if (!Array.isArray(list)) throw new Error(`${urls[0].href} must hold an array`);
    items = list.map((item) => {
      if (typeof item === 'string') return { name: item, url: new URL(item, urls[0]) };
      if (item && typeof item.text === 'string') return { name: String(item.name ?? ''), text: item.text };
      if (item && typeof item.html === 'string') return { name: String(item.name ?? ''), html: item.html };
      if (item && typeof item.url === 'string') return { name: String(item.name ?? item.url), url: new URL(item.url, urls[0]) };
      throw new Error(`${urls[0].href}: each entry must be a file name, { name, url }, { name, text } or { name, html }`);
    });
  } else {
    items = urls.map((url) => ({ name: decodeURIComponent(url.pathname.split('/').pop() || url.href), url }));
  }
  return Promise.all(
    items.map(async (item) => {
      if (item.text !== undefined) return { name: item.name, text: item.text };
      if (item.html !== undefined) return { name: item.name, html: item.html };
      const res = await fetch(item.url);
      if (!res.ok) throw new Error(`could not load ${item.url.href} (HTTP ${res.status})`);
      // A web page (by its name or its type) is read as HTML.
      const page = /\.html?$/i.test(item.url.pathname) || /html/i.test(res.headers.get('content-type') || '');
      return { name: item.name, [page ? 'html' : 'text']: await res.text() };
    }),
  );
}

// The compiled wasm module and the sentence vectors (an ArrayBuffer, copied to each worker: not a

/**
 * What to send for source `s`, with how its report maps back to it: { name, sent, places,
 * segments, cut, markup }. Text is rebuilt with its put-back spans. A web page is sent as HTML,
 * and its report indexes its visible text; but the engine has no way to keep a span of a page it
 * removed, so a page with spans put back is sent as text: its visible text (from a report that
 * read it as HTML, kept in _reads) without what that read removed (`cut`) and with the spans
 * put back as paragraphs. Returns null for such a page when no read is at hand (or, with
 * asRead, the page as HTML, put-back spans ignored: the comparison that reads it).
 */
export function inputFor(view, s, { asRead = false } = {}) {
  const markup = s.html ?? (isHtmlSource(s) ? s.text : null);
  if (markup === null) {
    const rebuilt = rebuildText(s.text, s.restored);
    return { name: s.name, sent: { text: rebuilt.text }, ...rebuilt, cut: [], markup };
  }
  const asPage = { name: s.name, sent: { html: markup }, places: [], segments: [{ from: 0, to: Infinity, orig: 0 }], cut: [], markup };
  if (s.restored.length === 0) return asPage;
  const read = view._reads.get(markup);
  if (!read) return asRead ? asPage : null;
  const cut = read.removed.filter((x) => !s.restored.some(([a, b]) => x.start < b && x.end > a));
  const rebuilt = rebuildText(read.text, s.restored, cut.map((x) => [x.start, x.end]));
  return { name: s.name, sent: { text: rebuilt.text }, ...rebuilt, cut, markup, read };
}

/**
 * Keeps the HTML reads of `report` (compared from `inputs`, of the sources at `sent`) for
 * inputFor, forgetting those of pages no longer listed, and returns the report with each page
 * compared as text (spans put back) given its read's page fields: format html, the metadata its
 * markup gave, and as `text` the text its offsets index.
 */
export function keepReads(view, inputs, report, sent) {
  const listed = new Set(inputs.map((x) => x.markup).filter((m) => m !== null));
  for (const key of view._reads.keys()) if (!listed.has(key)) view._reads.delete(key);
  const sources = report.sources.map((src, k) => {
    const input = inputs[sent[k]];
    if (input.markup !== null && src.format === 'html') view._reads.set(input.markup, src);
    if (!input.read) return src;
    const { read } = input;
    return {
      ...src,
      title: read.title ?? src.title,
      outlet: read.outlet ?? src.outlet,
      published: read.published ?? src.published,
      authors: read.authors.length ? read.authors : src.authors,
      format: 'html',
      text: input.sent.text,
      url: read.url,
      lang: read.lang,
      datetime: read.datetime,
    };
  });
  return { ...report, sources };
}
