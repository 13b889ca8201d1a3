// <story-diff>: the storydiff view as a custom element, no framework needed.
//
//   <script type="module">
//     import 'storydiff/element';            // from a checkout: './js/element.js'
//     const view = document.querySelector('story-diff');
//     view.sources = [{ name: 'wire', text: '…' }, { name: 'paper', html: '<!doctype html>…' }];
//     view.addEventListener('select', (e) => console.log(e.detail));
//   </script>
//   <story-diff></story-diff>
//
// Sources come from (first that is set): the `sources` property; the `src` attribute (URLs of
// .txt files separated by spaces, or one .json listing file names or { name, url | text }); the
// element's child elements (each child is one source, named by its `name`, `data-name` or `title`
// attribute). A source is { name, text } or, for a web page, { name, html } (a text that is a
// whole HTML document is one too): the worker then loads the HTML build of the engine, and the
// report's `source.text` (the page's visible text) is what that source's offsets index. The
// comparison runs in a Web Worker (js/worker.js). Article text, and any page's markup, only ever
// enters the DOM as text (textContent / text nodes), never as HTML.
//
// Events: `select` (a sentence was focused; detail: { source, sentence, text, support, kind,
// counterparts, nearest }), `report` (a comparison finished; detail: { report, ms }), `comparisonerror`
// (detail: { message, retryable }), `restore` (the restored removed spans changed; detail: { sources }).
// Styling: CSS custom properties (see js/element-style.js) and ::part() names: toolbar, legend,
// board, column-head, sentences, sentence, panel, card, summaries, tab, tabpanel, error.

import { h, plural } from './dom.js';
import { EXPORT_PAGE_STYLE, PROPERTIES, STYLE } from './element-style.js';
import { decodeTape } from './tape.js';
import { KINDS, errorMessage, isHtmlSource } from './validate.js';

const KIND_INFO = {
  identical: { icon: '=', label: 'identical', long: 'identical wording' },
  minor: { icon: '≈', label: 'minor edits', long: 'the same sentence with minor edits' },
  paraphrase: { icon: '∼', label: 'paraphrase', long: 'the same claim in other words' },
};
const REASONS = {
  boilerplate: ['boilerplate', 'Subscription, sign-in, app and newsletter prompts, share buttons'],
  navigation: ['navigation', 'Menus, related-story and headline lists'],
  contact: ['contact', 'Tip lines, phone numbers, e-mail addresses, addresses'],
  copyright: ['copyright', 'Copyright and rights lines'],
  credit: ['credit', 'Photo and image credits'],
  language: ['other language', 'Site chrome in another language than the article'],
  duplicate: ['duplicate', 'A repeated copy of text that appears earlier'],
  metadata: ['metadata', 'Date, byline, outlet and section lines, read into the header'],
  label: ['label', 'A line of a few words in square brackets, such as a label in a script or transcript'],
  comments: ['comments', 'Reader comments under the article'],
  outside: ['outside the article', 'Other parts of the web page: sidebars, teasers, page furniture'],
};
// How a conflict's kind is named on the page; the detail kinds are named as they are.
const CONFLICT_LABELS = { polarity: 'opposite claims' };
const conflictLabel = (kind) => CONFLICT_LABELS[kind] ?? kind;
const TIMEOUT_MS = 60_000;
const LEXICAL_NOTE = 'Matching by words only: the sentence vectors could not be loaded, so the same claim in other words may be marked unique.';

// A long report is put on screen in slices, so the page never freezes: the top of every column is
// built with the rest of the view, the remaining sentences in slices of a few milliseconds between
// which the browser paints and handles input (a 1 MB article is about 9,000 sentences).
const FIRST_ROWS = 60; // per column, built at once
const SLICE_MS = 8; // the work of one slice
const BATCH = 16; // rows built between two looks at the clock
const LONG_LIST = 150; // rows: a longer column (or list) lays out only what is near the screen
const CHUNK = 100; // rows per block of a long column: see _buildRows

/**
 * Resolves in a later task: lets the browser paint and handle input in between. (A timer rather
 * than scheduler.yield(), whose continuations run ahead of painting.)
 */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The slices of work left once the first part is done at once: `step(until)` runs in each later
 * task, working until the clock passes `until`, and returns true when all is done. Stops as soon
 * as `isCurrent()` says the work was dropped. Resolves to true when it finished, else false.
 */
async function slices(step, isCurrent) {
  for (;;) {
    await nextTask();
    if (!isCurrent()) return false;
    if (step(performance.now() + SLICE_MS)) return true;
  }
}

/** Whether a source's name says no more than its outlet ("Reuters" and "reuters.txt"). */
const sameName = (name, outlet) => fold(name.replace(/\.(txt|text|md|html?)$/i, '')).trim() === fold(outlet).trim();

/**
 * A label as text with line-break opportunities (<wbr>) after "_", ".", "/" and "-", so a file
 * name such as 003_eb91be4df2256679.txt wraps between its parts instead of inside a word.
 */
function breakable(text) {
  const parts = String(text).split(/(?<=[_./-])(?=[^_./-])/);
  const out = [];
  parts.forEach((part, k) => {
    if (k > 0) out.push(document.createElement('wbr'));
    out.push(part);
  });
  return out;
}

const Base = globalThis.HTMLElement ?? class {};

/** Shade level 1..4 for a sentence shared with `support` of `others` other sources. */
function level(support, others) {
  if (support <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((support / Math.max(others, 1)) * 4)));
}

/**
 * The legend's entries: each shade level in use with the range of support counts it stands for,
 * as [level, from, to] (with more than four other sources a level covers several counts).
 */
function levelRanges(others) {
  const out = [];
  for (let s = 1; s <= others; s++) {
    const lv = level(s, others);
    const last = out[out.length - 1];
    if (last && last[0] === lv) last[2] = s;
    else out.push([lv, s, s]);
  }
  return out;
}

/** "1 other", "3 others", "all 4 others", "2–3 others": what a legend entry stands for. */
function rangeLabel(from, to, others) {
  if (from !== to) return `${from}–${to} others`;
  if (to === others && others > 1) return `all ${to} others`;
  return `${to} other${to === 1 ? '' : 's'}`;
}

const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Heatmap colour for a share 0..1 (light to dark blue) and whether it needs white text. */
function heat(v) {
  const t = Math.max(0, Math.min(1, Number(v) || 0));
  const lo = [247, 251, 255];
  const hi = [8, 48, 107];
  const rgb = lo.map((c, i) => Math.round(c + (hi[i] - c) * t));
  const lum = (c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
  const onWhite = 1.05 / (L + 0.05);
  const onInk = (L + 0.05) / 0.05; // against black
  return [`rgb(${rgb.join(', ')})`, onWhite > onInk];
}

const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Appends `text` to `node` as text nodes, wrapping case/accent-insensitive hits of `query` in <mark>. */
function fillText(node, text, query) {
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

/** Text of a light-DOM child: block elements become paragraphs. */
function textOf(node) {
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
function withBlanks(report, sent, inputs) {
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
function toOriginal(segments, offset, isEnd = false) {
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
// Blob, since Chromium fails to read a preloaded response as one), shared by every element of the
// page (and reused after a crash).
let compiled = null;
let vectorFile = null;

/** Runs comparisons in a Web Worker (or, without Worker support, on the main thread). */
class Engine {
  constructor() {
    this.worker = null;
    this.pending = new Map();
    this.seq = 0;
    this.main = null;
  }

  start() {
    if (this.worker || this.main) return;
    if (typeof Worker === 'undefined') {
      this.main = import('./index.js');
      return;
    }
    let worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    } catch (err) {
      this.main = import('./index.js');
      return;
    }
    this.worker = worker;
    // Compile the wasm here while the worker starts, and hand the module over (falls back to the
    // worker loading it itself, e.g. under a CSP without 'wasm-unsafe-eval'). The sentence vectors
    // are fetched here too, in parallel, and posted when they arrive (null when they cannot be
    // loaded: the worker then matches by words only, and the report says so).
    const wasmUrl = new URL('../pkg/storydiff_bg.wasm', import.meta.url);
    const vectorsUrl = new URL('../vectors/minilm-static.bin', import.meta.url);
    const canFetch = typeof fetch === 'function';
    if (canFetch) {
      vectorFile ??= fetch(vectorsUrl)
        .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))
        .catch((err) => {
          console.warn(`storydiff: the sentence vectors could not be loaded (${errorMessage(err)}); matching by words only`);
          vectorFile = null; // a later engine (a retry) tries again
          return null;
        });
    }
    const vectors = vectorFile;
    const post = (message, fallback) => {
      try {
        worker.postMessage(message);
      } catch {
        worker.postMessage(fallback);
      }
    };
    const handOver = (module) => {
      const init = vectors ? { type: 'init', vectors: 'pending' } : { type: 'init' };
      post(module ? { ...init, module } : init, init);
      vectors?.then((file) => post({ type: 'vectors', vectors: file }, { type: 'vectors', vectors: null }));
    };
    // Requests are posted after the hand-over, so the worker never fetches the wasm twice.
    if (typeof WebAssembly !== 'undefined' && typeof WebAssembly.compileStreaming === 'function' && canFetch) {
      compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => {
        compiled = null;
        return null;
      });
      this.handed = compiled.then(handOver); // a failed compile resolves to null: the worker loads it
    } else {
      handOver(null);
      this.handed = Promise.resolve();
    }
    worker.onmessage = (event) => {
      const data = event.data || {};
      if (data.type === 'fatal') return this.crash(data.error, worker);
      if (data.type === 'ready') return;
      const job = this.pending.get(data.id);
      if (!job) return;
      this.pending.delete(data.id);
      clearTimeout(job.timer);
      if (data.internal) this.forget(worker);
      // retryable: the engine stopped (internal), or the HTML reader could not be loaded.
      if (typeof data.error === 'string') job.reject(Object.assign(new Error(data.error), { retryable: !!(data.internal || data.retryable) }));
      else job.resolve(data.tape);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crash(event.message ? `the comparison worker crashed: ${event.message}` : 'the comparison worker crashed or could not be loaded', worker);
    };
    worker.onmessageerror = () => this.crash('the comparison worker sent a message that could not be read', worker);
  }

  forget(worker) {
    if (this.worker === worker) {
      this.worker = null;
      worker.terminate();
    }
  }

  crash(message, worker) {
    if (worker && worker !== this.worker) return;
    if (this.worker) this.forget(this.worker);
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(Object.assign(new Error(message), { retryable: true }));
    }
    this.pending.clear();
  }

  /** Resolves to the report. */
  run(sources, options) {
    this.start();
    if (this.main) {
      return this.main.then(async (m) => {
        if (sources.some(isHtmlSource)) await m.loadHtml(); // web pages need the HTML build
        return m.compare(sources, options);
      });
    }
    const id = ++this.seq;
    const worker = this.worker;
    // The worker answers with the report's tape (see js/worker.js), decoded here.
    const tape = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.crash(`the comparison took longer than ${TIMEOUT_MS / 1000} s and was stopped`, worker);
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.handed.then(() => {
        if (!this.pending.has(id)) return;
        try {
          worker.postMessage({ id, sources, options });
        } catch (err) {
          this.pending.delete(id);
          clearTimeout(timer);
          reject(err);
        }
      });
    });
    return tape.then(([ints, floats, text]) => decodeTape(ints, floats, text));
  }

  stop() {
    this.crash('stopped');
    this.main = null;
  }
}

let sheet = null;
function styleSheet() {
  if (!sheet && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

export class StoryDiffElement extends Base {
  static get observedAttributes() {
    return ['src'];
  }

  constructor() {
    super();
    this._engine = new Engine();
    this._sources = null; // [{ name, text | html, restored? }]
    this._reads = new Map(); // a web page's markup -> its source in a report that read it as HTML (see _inputFor)
    this._fromProperty = false;
    this._options = { kinds: [...KINDS] };
    this._minSupport = 0;
    this._query = '';
    this._report = null;
    this._inputs = null; // what the engine compared, with restored-span places
    this._sent = null; // the indices of the sources sent to the engine (the others are blank)
    this._selected = null;
    this._run = 0;
    this._state = 'idle';
    this._tab = 'similarity';
    this._nodes = []; // per source, the node of each sentence
    this._rows = []; // per source, each row of its column as the filters see it
    this._tally = { shown: 0, total: 0 }; // sentences (not speaker labels) built and shown: see _filterRow
    this._cards = null; // the focus panel's cards, when a sentence is focused
    this._job = null; // the rendering under way: see _render
    this._cols = []; // per source, the rows of its column still to build
    this._lists = new Set(); // long summary lists still being built: see _appendSliced
    this._cpKeys = null; // "s:j" of the focused sentence's counterparts
    this._expanded = new Set(); // sources whose column head shows its headline and byline in full
    this._kinds = [...KINDS]; // the match kinds of the report on show
    const root = this.attachShadow({ mode: 'open' });
    const s = styleSheet();
    if (s) root.adoptedStyleSheets = [s];
    else root.append(h('style', { text: STYLE }));
    this._view = h('div', { class: 'view' });
    root.append(this._view);
    this._observer = null;
    this._narrow = null;
    // A resize may switch the phone layout on or off (see _isNarrow).
    this._resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => { this._narrow = null; });
    // A column head shows its "more" button only when its headline or byline is cut short.
    this._headSizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
      this._checkHeads([...new Set(entries.map((e) => e.target.closest('.column-head')))].filter(Boolean));
    });
  }

  connectedCallback() {
    this._engine.start();
    this._resizes?.observe(this);
    if (!this._observer && typeof MutationObserver !== 'undefined') {
      this._observer = new MutationObserver(() => {
        if (!this._fromProperty && !this.hasAttribute('src')) this._loadChildren();
      });
      this._observer.observe(this, { childList: true, subtree: true, characterData: true });
    }
    if (this._sources === null) {
      if (this.hasAttribute('src')) this._loadSrc();
      else this._loadChildren();
    } else if (!this._report && this._state !== 'comparing') this._compare();
    if (this._state === 'idle') this._renderMessage('Waiting for articles to compare…');
  }

  disconnectedCallback() {
    this._observer?.disconnect();
    this._observer = null;
    this._resizes?.disconnect();
    this._stopRendering();
    // A comparison under way is dropped (its answer would be stale); reconnecting compares again.
    if (this._state === 'comparing') {
      this._report = null;
      this._setState('idle');
    }
    this._run++;
    this._engine.stop();
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'src' && old !== value && this.isConnected && !this._fromProperty && value) this._loadSrc();
  }

  /**
   * The articles: an array of { name, text, restored? } or { name, html, restored? } (restored:
   * [start, end] spans of removed text put back; for a web page, offsets into its visible text,
   * the report's `source.text`).
   */
  get sources() {
    return this._sources ? this._sources.map((s) => ({ ...s, restored: [...(s.restored || [])] })) : [];
  }

  set sources(value) {
    if (!Array.isArray(value)) throw new TypeError('sources must be an array of { name, text } or { name, html } objects');
    this._fromProperty = true;
    this._setSources(value);
  }

  /** Comparison options ({ kinds, minScore }); the kind toggles in the toolbar follow them. */
  get options() {
    return { ...this._options, kinds: [...this._options.kinds] };
  }

  set options(value) {
    const v = value || {};
    this._options = { kinds: Array.isArray(v.kinds) ? v.kinds.filter((k) => KINDS.includes(k)) : [...KINDS] };
    if (typeof v.minScore === 'number') this._options.minScore = v.minScore;
    if (this._sources) this._compare();
  }

  /** The latest report (see js/index.d.ts), or null. */
  get report() {
    return this._report;
  }

  /**
   * What the engine compared last: [{ name, text }] or [{ name, html }] per source (restored spans
   * rebuilt into the text; a web page with spans put back is compared as its article text with
   * them; a blank one is listed but not sent).
   */
  get compared() {
    return this._inputs ? this._inputs.map(({ name, sent }) => ({ name, ...sent })) : null;
  }

  /** idle, comparing, ready, empty (fewer than two articles) or error. */
  get state() {
    return this._state;
  }

  /** The focused sentence as { source, sentence }, or null. */
  get selected() {
    return this._selected ? { source: this._selected[0], sentence: this._selected[1] } : null;
  }

  /** Focuses sentence `sentence` of source `source` (shows its counterparts). */
  select(source, sentence, { focus = true } = {}) {
    this._select([source, sentence], { focus });
  }

  clearSelection() {
    this._select(null);
  }

  /** Runs the comparison again (after an error, for instance), with a fresh worker. */
  retry() {
    this._engine.stop();
    this._engine.start();
    if (this._sources) this._compare();
    else if (this.hasAttribute('src')) this._loadSrc();
    else this._loadChildren();
  }

  /** Puts a removed span of source `i` back (it is compared as article text from then on). */
  restoreSpan(i, start, end) {
    const src = this._sources?.[i];
    if (!src) return;
    const list = (src.restored || []).filter(([s, e]) => e <= start || s >= end);
    list.push([start, end]);
    src.restored = list.sort((a, b) => a[0] - b[0]);
    this._emit('restore', { sources: this.sources });
    this._compare();
  }

  /** Removes a restored span again. */
  unrestoreSpan(i, start, end) {
    const src = this._sources?.[i];
    if (!src) return;
    src.restored = (src.restored || []).filter(([s, e]) => !(s === start && e === end));
    this._emit('restore', { sources: this.sources });
    this._compare();
  }

  /** The report as indented JSON. */
  exportJSON() {
    return JSON.stringify(this._report, null, 2);
  }

  /** A standalone HTML document of the current view: no scripts, opens offline. */
  exportHTML({ title = 'storydiff report' } = {}) {
    this._view.querySelectorAll('.tabpanel').forEach((p) => p._build?.());
    this._flush(); // every sentence and list item, also of a long report still being put on screen
    const clone = this._view.cloneNode(true);
    clone.querySelectorAll('.toolbar .filters, .removed button, .go, .panel-head .close, .error button, .tabs, .shown-count, .column-head .expand, .scroll-cue').forEach((n) => n.remove());
    // No script in the snapshot to show a cut headline in full: show them all in full.
    clone.querySelectorAll('.column-head').forEach((n) => n.classList.add('expanded'));
    clone.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
    clone.querySelectorAll('[role="button"]').forEach((n) => {
      n.removeAttribute('role');
      n.removeAttribute('aria-pressed');
    });
    clone.querySelectorAll('.tabpanel').forEach((p) => {
      p.hidden = false;
      p.removeAttribute('role');
      p.removeAttribute('aria-labelledby');
      const heading = p.dataset.title;
      if (heading) p.prepend(h('h2', { text: heading }));
    });
    clone.querySelectorAll('.link-button').forEach((b) => b.replaceWith(h('span', { class: b.className, text: b.textContent })));
    clone.querySelectorAll('.sentence[hidden]').forEach((n) => n.removeAttribute('hidden'));
    clone.querySelectorAll('mark').forEach((m) => m.replaceWith(m.textContent));
    for (const n of [clone, ...clone.querySelectorAll('*')]) for (const k of Object.keys(n.dataset)) delete n.dataset[k];
    const sheetText = STYLE + '\n.overview { height: auto; max-height: none; } .sentences { max-height: 70vh; } .panel { max-height: none; position: static; }';
    // The custom properties the page set for the element (its colours, say) go along. The values
    // are CSS the page's author wrote; "<" is escaped so none can close the <style> element.
    const computed = getComputedStyle(this);
    const props = PROPERTIES.map((p) => [p, computed.getPropertyValue(p).trim()]).filter(([, v]) => v);
    const rootRule = props.length ? `:root { ${props.map(([p, v]) => `${p}: ${v};`).join(' ')} }\n` : '';
    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const note = `${plural(this._report?.sources.length ?? 0, 'source')} compared by storydiff, ${stamp} UTC. A snapshot: open it in any browser, no network needed.`;
    // outerHTML escapes text (&, <, >) and attribute values, so article text stays text; the
    // view goes into a declarative shadow root, so its styles apply exactly as in the element.
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHTML(title)}</title>`,
      `<style>${(rootRule + EXPORT_PAGE_STYLE).replace(/</g, '\\3c ')}</style>`,
      '</head>',
      '<body>',
      `<h1>${escapeHTML(title)}</h1>`,
      `<p class="stamp">${escapeHTML(note)}</p>`,
      `<story-diff><template shadowrootmode="open"><style>${sheetText.replace(/<\//g, '<\\/')}</style>${clone.outerHTML}</template></story-diff>`,
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }

  // --- loading sources -------------------------------------------------------------------

  _loadChildren() {
    const kids = [...this.children].filter((c) => !(c instanceof HTMLScriptElement) && !(c instanceof HTMLStyleElement));
    if (kids.length === 0) return;
    const list = kids.map((c, i) => ({
      name: c.getAttribute('name') || c.dataset.name || c.getAttribute('title') || `Source ${i + 1}`,
      text: textOf(c),
    }));
    this._setSources(list);
  }

  async _loadSrc() {
    const src = (this.getAttribute('src') || '').trim();
    if (!src) return;
    const run = ++this._run;
    this._setState('comparing');
    this._renderMessage('Loading the articles…');
    try {
      const list = await loadSources(src);
      if (run !== this._run) return;
      this._setSources(list);
    } catch (err) {
      if (run !== this._run) return;
      this._fail(errorMessage(err), true);
    }
  }

  _setSources(list) {
    this._sources = list.map((s, i) => {
      if (!s || typeof s !== 'object') throw new TypeError(`sources[${i}] must be a { name, text } or { name, html } object`);
      const restored = Array.isArray(s.restored) ? s.restored.filter((r) => Array.isArray(r) && r.length === 2).map(([a, b]) => [a, b]) : [];
      const name = String(s.name ?? `Source ${i + 1}`);
      if (typeof s.html === 'string') return { name, html: s.html, restored };
      return { name, text: typeof s.text === 'string' ? s.text : String(s.text ?? ''), restored };
    });
    this._selected = null;
    this._expanded.clear();
    this._compare();
  }

  // --- comparing -------------------------------------------------------------------------

  async _compare() {
    if (!this._sources) return;
    const run = ++this._run;
    // Blank articles are not sent (the engine refuses them): they show as empty columns.
    const sent = this._sources.map((_, i) => i).filter((i) => (this._sources[i].html ?? this._sources[i].text).trim() !== '');
    if (sent.length < 2) {
      this._report = null;
      this._inputs = null;
      this._sent = null;
      this._setState('empty');
      this._renderMessage(
        this._sources.length === 0
          ? 'No articles yet: add two or more reports of the same story to compare them.'
          : 'Add at least one more article: a comparison needs two or more.',
      );
      return;
    }
    const options = { kinds: [...this._options.kinds] };
    if (typeof this._options.minScore === 'number') options.minScore = this._options.minScore;
    this._setState('comparing');
    if (!this._report) this._renderMessage('Comparing…');
    else this._view.classList.add('busy');
    const started = performance.now();
    performance.mark?.('storydiff:compare');
    let compared;
    let inputs;
    try {
      // A web page with spans put back needs its HTML read first (see _inputFor): one comparison
      // more, with every page read as it is, when a read is not at hand.
      if (this._sources.some((s, i) => sent.includes(i) && !this._inputFor(s))) {
        const first = this._sources.map((s) => this._inputFor(s, { asRead: true }));
        this._keepReads(first, await this._engine.run(sent.map((i) => ({ name: first[i].name, ...first[i].sent })), options), sent);
        if (run !== this._run) return;
      }
      inputs = this._sources.map((s) => this._inputFor(s) ?? this._inputFor(s, { asRead: true }));
      compared = await this._engine.run(sent.map((i) => ({ name: inputs[i].name, ...inputs[i].sent })), options);
      if (run === this._run) compared = this._keepReads(inputs, compared, sent);
    } catch (err) {
      if (run !== this._run) return;
      this._fail(errorMessage(err), err && err.retryable);
      return;
    }
    if (run !== this._run) return;
    performance.mark?.('storydiff:compared');
    const report = withBlanks(compared, sent, inputs);
    const ms = Math.round(performance.now() - started);
    this._report = report;
    this._inputs = inputs;
    this._sent = sent;
    this._kinds = options.kinds;
    if (this._selected) {
      const [s, j] = this._selected;
      if (!report.sources[s] || !report.sources[s].sentences[j]) this._selected = null;
    }
    // The view is ready once every sentence is on screen; a long report takes a few slices.
    const done = this._render();
    if (done !== true && !(await done)) return;
    if (run !== this._run) return;
    performance.mark?.('storydiff:rendered');
    this._setState('ready');
    this._emit('report', { report, ms });
  }

  /**
   * What to send for source `s`, with how its report maps back to it: { name, sent, places,
   * segments, cut, markup }. Text is rebuilt with its put-back spans. A web page is sent as HTML,
   * and its report indexes its visible text; but the engine has no way to keep a span of a page it
   * removed, so a page with spans put back is sent as text: its visible text (from a report that
   * read it as HTML, kept in _reads) without what that read removed (`cut`) and with the spans
   * put back as paragraphs. Returns null for such a page when no read is at hand (or, with
   * asRead, the page as HTML, put-back spans ignored: the comparison that reads it).
   */
  _inputFor(s, { asRead = false } = {}) {
    const markup = s.html ?? (isHtmlSource(s) ? s.text : null);
    if (markup === null) {
      const rebuilt = rebuildText(s.text, s.restored);
      return { name: s.name, sent: { text: rebuilt.text }, ...rebuilt, cut: [], markup };
    }
    const asPage = { name: s.name, sent: { html: markup }, places: [], segments: [{ from: 0, to: Infinity, orig: 0 }], cut: [], markup };
    if (s.restored.length === 0) return asPage;
    const read = this._reads.get(markup);
    if (!read) return asRead ? asPage : null;
    const cut = read.removed.filter((x) => !s.restored.some(([a, b]) => x.start < b && x.end > a));
    const rebuilt = rebuildText(read.text, s.restored, cut.map((x) => [x.start, x.end]));
    return { name: s.name, sent: { text: rebuilt.text }, ...rebuilt, cut, markup, read };
  }

  /**
   * Keeps the HTML reads of `report` (compared from `inputs`, of the sources at `sent`) for
   * _inputFor, forgetting those of pages no longer listed, and returns the report with each page
   * compared as text (spans put back) given its read's page fields: format html, the metadata its
   * markup gave, and as `text` the text its offsets index.
   */
  _keepReads(inputs, report, sent) {
    const listed = new Set(inputs.map((x) => x.markup).filter((m) => m !== null));
    for (const key of this._reads.keys()) if (!listed.has(key)) this._reads.delete(key);
    const sources = report.sources.map((src, k) => {
      const input = inputs[sent[k]];
      if (input.markup !== null && src.format === 'html') this._reads.set(input.markup, src);
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

  _fail(message, retryable) {
    this._stopRendering();
    this._setState('error');
    this._view.classList.remove('busy');
    const box = h('div', { class: 'error', part: 'error', attrs: { role: 'alert' } },
      h('p', { text: retryable ? `The comparison engine stopped: ${message}` : `These articles cannot be compared: ${message}` }));
    if (retryable) {
      box.append(h('button', { class: 'retry', text: 'Retry', attrs: { type: 'button' }, on: { click: () => this.retry() } }));
    }
    this._view.replaceChildren(box);
    this._emit('comparisonerror', { message, retryable: !!retryable });
  }

  _setState(state) {
    this._state = state;
    this.setAttribute('state', state);
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Stops every slice of rendering still to come: the view, long lists, search highlights. */
  _stopRendering() {
    this._job = null;
    this._lists.clear();
    this._marking = null;
  }

  _renderMessage(text) {
    this._stopRendering();
    this._view.classList.remove('busy');
    this._view.replaceChildren(h('p', { class: 'message', text, attrs: { role: 'status' } }));
  }

  // --- derived data ------------------------------------------------------------------------

  _index() {
    const r = this._report;
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
    this._inputs.forEach((input, i) => {
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
    this._idx = { byRef, quotesAt, key, restoredSentences, notCompared, carriers };
  }

  _kindOf(s, j) {
    const sent = this._report.sources[s].sentences[j];
    if (sent.group !== null && this._report.groups[sent.group]) return this._report.groups[sent.group].kind;
    const list = this._idx.byRef.get(`${s}:${j}`) || [];
    let best = null;
    for (const { match } of list) if (!best || KINDS.indexOf(match.kind) < KINDS.indexOf(best)) best = match.kind;
    return best;
  }

  /**
   * Counterparts of a sentence, per other source: direct matches first, then group members. Other
   * sentences of its own source (a group may hold two) are not counterparts.
   */
  _counterparts(s, j) {
    const r = this._report;
    const out = r.sources.map(() => []);
    for (const m of this._idx.byRef.get(`${s}:${j}`) || []) {
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

  // --- rendering ---------------------------------------------------------------------------

  /**
   * Renders the report: the toolbar, the column heads, the panel and the summaries at once, with
   * the top of every column; the rest of the sentences in slices (see FIRST_ROWS). Returns true
   * when everything is on screen, else a promise of true once it is (false if a newer rendering
   * or message took its place).
   */
  _render() {
    this._stopRendering();
    this._index();
    const r = this._report;
    // The number of columns, for the board's and the panel's grids.
    this._view.style.setProperty('--n', String(r.sources.length));
    this._view.classList.remove('busy');
    this._nodes = r.sources.map(() => []);
    this._rows = r.sources.map(() => []);
    this._tally = { shown: 0, total: 0 };
    this._cpKeys = null;
    this._narrow = null;
    this._headSizes?.disconnect();
    const job = { done: false, selected: this._selected };
    this._job = job;
    this._selected = null;
    this._toolbar = this._renderToolbar();
    this._board = h('div', { class: 'board', part: 'board', attrs: { role: 'region', 'aria-label': 'Sources side by side' } });
    this._cols = r.sources.map((_, i) => this._renderColumn(i));
    this._panel = h('section', { class: 'panel', part: 'panel', attrs: { 'aria-label': 'Focused sentence and its counterparts' } });
    const overview = h('div', { class: 'overview' }, this._board, this._panel);
    this._summaries = this._renderSummaries();
    this._view.replaceChildren(this._toolbar, overview, this._summaries);
    this._view.onkeydown = (e) => this._onKey(e);
    this._board.addEventListener('scroll', () => {
      // The panel's cards sit under their columns (except at phone width): keep them aligned.
      if (this._cards && !this._isNarrow()) this._cards.scrollLeft = this._board.scrollLeft;
    }, { passive: true });
    this._board.addEventListener('focusin', (e) => {
      if (this._quiet) return;
      const node = e.target.closest?.('.sentence[data-sentence]');
      if (node && node.getAttribute('role') === 'button') this._select([Number(node.dataset.source), Number(node.dataset.sentence)], { focus: false });
    });
    this._board.addEventListener('click', (e) => {
      const node = e.target.closest?.('.sentence[data-sentence]');
      if (node && node.getAttribute('role') === 'button') {
        if (this.shadowRoot.activeElement !== node) node.focus({ preventScroll: true });
        this._select([Number(node.dataset.source), Number(node.dataset.sentence)], { focus: false });
      }
    });
    // _buildRows filters each row as it builds it: only the count of those shown is left to write.
    this._cols.forEach((_, i) => this._buildRows(i, FIRST_ROWS));
    this._countShown();
    this._renderPanel();
    if (this._cols.every((c) => c.pos === c.items.length)) {
      this._finishRender(job);
      return true;
    }
    this._board.setAttribute('aria-busy', 'true');
    return this._renderRest(job);
  }

  /** Builds the rest of the columns, a slice at a time, round the columns. */
  _renderRest(job) {
    return slices((until) => {
      if (job.done) return true; // finished at once by _flush
      let left = true;
      while (left && performance.now() < until) {
        left = false;
        this._cols.forEach((col, i) => {
          if (col.pos < col.items.length) this._buildRows(i, BATCH);
          if (col.pos < col.items.length) left = true;
        });
      }
      if (this._query || this._minSupport > 0) this._countShown();
      if (left) return false;
      this._finishRender(job);
      return true;
    }, () => this._job === job);
  }

  /** Builds whatever is left of the rendering under way now (an export or a jump needs it all). */
  _flush() {
    const job = this._job;
    if (job && !job.done) {
      this._cols.forEach((col, i) => this._buildRows(i, Infinity));
      this._finishRender(job);
    }
    for (const list of [...this._lists]) list.finish();
  }

  _finishRender(job) {
    job.done = true;
    this._board.removeAttribute('aria-busy');
    this._countShown();
    // The sentence focused before the comparison stays focused (unless another was chosen since).
    if (job.selected && !this._selected) this._select(job.selected, { focus: false, scroll: false, quiet: true });
  }

  _renderToolbar() {
    const r = this._report;
    const others = r.sources.length - 1;
    const kinds = h('fieldset', { class: 'filters', part: 'filters' }, h('legend', { text: 'Show matches' }));
    for (const k of KINDS) {
      const box = h('input', { attrs: { type: 'checkbox', name: 'kind', value: k } });
      box.checked = this._options.kinds.includes(k);
      box.addEventListener('change', () => {
        const on = [...kinds.querySelectorAll('input[name="kind"]')].filter((b) => b.checked).map((b) => b.value);
        this._options = { ...this._options, kinds: on };
        this._compare();
      });
      kinds.append(h('label', { class: 'kind-toggle' }, box, h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
    }
    const min = h('select', { attrs: { 'aria-label': 'Minimum number of other sources sharing a sentence' } });
    for (let v = 0; v <= others; v++) min.append(h('option', { text: v === 0 ? 'any' : `${v}+ other${v === 1 ? '' : 's'}`, attrs: { value: v } }));
    min.value = String(Math.min(this._minSupport, others));
    min.addEventListener('change', () => {
      this._minSupport = Number(min.value);
      this._applyFilters();
    });
    const search = h('input', { attrs: { type: 'search', placeholder: 'Find text…', 'aria-label': 'Find sentences containing' } });
    search.value = this._query;
    search.addEventListener('input', () => {
      this._query = search.value;
      this._applyFilters();
    });
    this._search = search;
    this._shownCount = h('span', { class: 'shown-count', attrs: { 'aria-live': 'polite' } });
    kinds.append(
      h('label', { class: 'field' }, 'Shared with', min),
      h('label', { class: 'field' }, h('span', { class: 'sr-only', text: 'Search' }), search),
      this._shownCount,
    );
    const legend = h('ul', { class: 'legend', part: 'legend', attrs: { 'aria-label': 'Legend' } });
    legend.append(h('li', { class: 'legend-title', text: 'Shared with:' }));
    legend.append(h('li', {}, h('span', { class: 'swatch unique', attrs: { 'aria-hidden': 'true' } }), 'no other source (unique)'));
    // One entry per shade: with more than four other sources a shade stands for a range.
    for (const [lv, from, to] of levelRanges(others)) {
      legend.append(h('li', { data: { level: lv, from, to } }, h('span', { class: `swatch level-${lv}`, attrs: { 'aria-hidden': 'true' } }), rangeLabel(from, to, others)));
    }
    legend.append(h('li', { class: 'legend-title kind-part', text: 'Match:' }));
    for (const k of KINDS) {
      legend.append(h('li', { class: 'kind-part' }, h('span', { class: `kind-sample kind-${k}`, attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
    }
    const toolbar = h('div', { class: 'toolbar', part: 'toolbar' }, kinds, legend);
    // With match kinds switched off, "unique" means less (or nothing): say so.
    const on = KINDS.filter((k) => this._kinds.includes(k));
    if (on.length === 0) {
      toolbar.append(h('p', { class: 'filter-note', attrs: { role: 'note' }, text: 'Every match kind is switched off in the filters, so no sentence is matched with the other sources and none is marked unique. Switch a kind back on to compare.' }));
    } else if (on.length < KINDS.length) {
      const off = KINDS.filter((k) => !on.includes(k));
      const names = off.map((k) => KIND_INFO[k].label).join(' and ');
      const ways = off.map((k) => ({ identical: 'word for word', minor: 'with minor edits', paraphrase: 'in other words' })[k]).join(' or ');
      toolbar.append(h('p', { class: 'filter-note', attrs: { role: 'note' }, text: `${names[0].toUpperCase()}${names.slice(1)} ${off.length === 1 ? 'is' : 'are'} switched off in the filters: a sentence marked unique may still be reported elsewhere ${ways}.` }));
    }
    // Without the sentence vectors the engine matched by words only: say what that misses.
    if (r.matching === 'lexical') {
      toolbar.append(h('p', { class: 'matching-note', attrs: { role: 'note' }, text: LEXICAL_NOTE }));
    }
    return toolbar;
  }

  /** The column of source `i`: its head and an empty list of sentences, filled by _buildRows. */
  _renderColumn(i) {
    const r = this._report;
    const source = r.sources[i];
    const headId = `col-${i}-title`;
    const label = this._label(i);
    const head = h('header', { class: 'column-head', part: 'column-head', data: { source: i } });
    // The outlet and the source's name (which the page lets the reader change), never cut; under
    // the headline and byline, a "more" button when either is cut short.
    const top = h('div', { class: 'head-top' }, h('p', { class: source.outlet ? 'outlet' : 'outlet name-only', text: label }));
    if (source.outlet && !sameName(source.name, source.outlet)) top.append(h('p', { class: 'name', text: source.name }));
    const more = h('button', { class: 'expand', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': `col-${i}-info` } },
      h('span', { class: 'expand-text', text: 'more' }), h('span', { class: 'sr-only', text: `: the full headline and byline of ${label}` }), h('span', { class: 'chevron', text: ' ▾', attrs: { 'aria-hidden': 'true' } }));
    more.hidden = !!this._headSizes; // shown once it is known that something is cut (_checkHeads)
    more.addEventListener('click', () => this._toggleHead(head));
    head.append(top);
    const info = h('div', { class: 'head-info', attrs: { id: `col-${i}-info` } });
    info.append(h('h3', { class: source.title ? 'title' : 'title missing', text: source.title || '(no headline found)', attrs: { id: headId, title: source.title || null } }));
    const meta = h('p', { class: 'meta' });
    meta.append(h('span', { class: source.published ? null : 'missing', text: source.published || 'no date' }));
    meta.append(h('span', { class: source.authors.length ? null : 'missing', text: source.authors.length ? `By ${source.authors.join(', ')}` : 'no byline' }));
    info.append(meta);
    // A click on a cut headline or byline shows it in full, as the button does.
    info.addEventListener('click', () => {
      if (String(document.getSelection?.() ?? '') !== '') return; // the reader is selecting text
      if (head.classList.contains('clipped') || head.classList.contains('expanded')) this._toggleHead(head);
    });
    head.append(info);
    const counted = source.sentences.filter((x) => x.role !== 'speaker');
    const shared = counted.filter((x) => x.support > 0).length;
    const stats = h('p', { class: 'stats' }, h('span', { text: plural(counted.length, 'sentence') }));
    if (this._kinds.length === 0) stats.append(h('span', { class: 'stat-off', text: 'not matched (every match kind is off)' }));
    else stats.append(h('span', { class: 'stat-shared', text: `${shared} shared` }), h('span', { class: 'stat-unique', text: `${counted.length - shared} unique` }));
    stats.append(more);
    head.append(stats);
    head.append(this._renderRemoved(i));
    if (this._expanded.has(i)) this._toggleHead(head, true);
    this._headSizes?.observe(info.firstChild);
    this._headSizes?.observe(meta);

    const body = h('div', { class: 'sentences', part: 'sentences', data: { source: i }, attrs: { role: 'group', 'aria-labelledby': headId } });
    // Its rows: the sentences, with restored spans the engine removed again shown in place (not
    // compared). Built by _buildRows.
    const items = [];
    const extra = [...this._idx.notCompared[i]].sort((a, b) => a.start - b.start);
    let e = 0;
    source.sentences.forEach((s, j) => {
      while (e < extra.length && extra[e].start <= s.start) items.push({ place: extra[e++] });
      items.push({ j });
    });
    while (e < extra.length) items.push({ place: extra[e++] });
    // A long column lays out only the rows near the screen.
    if (items.length > LONG_LIST) body.classList.add('long');
    if (source.sentences.length === 0) {
      const blank = !this._sent.includes(i);
      body.append(h('p', { class: 'empty-col', text: blank ? 'This article is empty: there is nothing to compare.' : 'No article text was found in this source.' }));
    }
    this._board.append(head, body);
    return { items, pos: 0, body, chunk: null, chunks: [], stop: false };
  }

  /** Builds up to `max` more rows of column `i`, shown or hidden as the filters say. */
  _buildRows(i, max) {
    const col = this._cols[i];
    const end = Math.min(col.items.length, col.pos + max);
    if (col.pos >= end) return;
    const source = this._report.sources[i];
    const others = this._report.sources.length - 1;
    const q = fold(this._query.trim());
    const long = col.items.length > LONG_LIST;
    let frag = document.createDocumentFragment();
    for (; col.pos < end; col.pos++) {
      // A long column is built in blocks of CHUNK rows. The browser lays out only the blocks
      // near the screen (content-visibility: auto), sizing the others from an estimate until it
      // has seen them; and a block added leaves the others' layout alone.
      if (long && col.pos % CHUNK === 0) {
        if (col.chunk) this._fillChunk(col.chunk, frag);
        frag = document.createDocumentFragment();
        col.chunk = h('div', { class: 'chunk' });
        col.chunk.rows = [];
        col.chunks.push(col.chunk);
        col.body.append(col.chunk);
      }
      const item = col.items[col.pos];
      const row = item.place ? this._notComparedRow(i, item.place) : this._sentenceRow(i, item.j, source.sentences[item.j], others);
      const { node } = row;
      if (!item.place) {
        this._nodes[i][item.j] = node;
        if (this._cpKeys?.has(`${i}:${item.j}`)) node.classList.add('counterpart');
      }
      this._rows[i].push(row);
      const visible = this._filterRow(row, q);
      // One visible sentence per column is in the tab order.
      if (row.button && visible && !col.stop) {
        node.tabIndex = 0;
        col.stop = true;
      }
      frag.append(node);
      if (long) {
        // Its height, roughly: about 38 characters to a line of a column, 1.45em a line, 0.86em
        // of padding and margin.
        row.em = 0.86 + 1.45 * Math.max(1, Math.ceil(row.text.length / 38));
        col.chunk.rows.push(row);
      }
    }
    if (long) this._fillChunk(col.chunk, frag);
    else col.body.append(frag);
  }

  _fillChunk(chunk, frag) {
    chunk.append(frag);
    this._sizeChunk(chunk);
  }

  /**
   * Gives a block of a long column the height it has while the browser skips it (off screen): the
   * estimate of the rows the filters show; the block is hidden when they show none. Unfiltered,
   * the browser remembers the height it found once it has laid the block out ("auto"); while
   * filters hide rows that height would be stale, so the estimate is used alone.
   */
  _sizeChunk(chunk) {
    let em = 0;
    for (const row of chunk.rows) if (!row.node.hidden) em += row.em;
    chunk.hidden = em === 0;
    const filtered = this._minSupport > 0 || this._query.trim() !== '';
    chunk.style.containIntrinsicSize = `${filtered ? '' : 'auto '}${Math.max(1, Math.round(em))}em`;
  }

  /** Shows a column head's headline and byline in full (or cut to two lines again). */
  _toggleHead(head, open = !head.classList.contains('expanded')) {
    const i = Number(head.dataset.source);
    head.classList.toggle('expanded', open);
    if (open) this._expanded.add(i);
    else this._expanded.delete(i);
    const more = head.querySelector('.expand');
    more.setAttribute('aria-expanded', open ? 'true' : 'false');
    more.querySelector('.expand-text').textContent = open ? 'less' : 'more';
    more.querySelector('.chevron').textContent = open ? ' ▴' : ' ▾';
    this._checkHeads([head]);
  }

  /**
   * Marks the column heads whose headline or byline is cut short, and shows their buttons if so.
   * All are measured before any is changed: a change between two measurements would make the
   * browser lay the board out again for the next one.
   */
  _checkHeads(heads) {
    const cut = (n) => n && n.scrollHeight > n.clientHeight + 1;
    const found = heads.filter((head) => head.isConnected && head.querySelector('.expand')).map((head) => {
      const expanded = head.classList.contains('expanded');
      return { head, expanded, clipped: !expanded && (cut(head.querySelector('.title')) || cut(head.querySelector('.meta'))) };
    });
    for (const { head, expanded, clipped } of found) {
      head.classList.toggle('clipped', clipped);
      head.querySelector('.expand').hidden = !clipped && !expanded;
    }
  }

  _renderRemoved(i) {
    const r = this._report;
    const input = this._inputs[i];
    const removed = r.sources[i].removed
      .map((x) => {
        const start = toOriginal(input.segments, x.start);
        const end = toOriginal(input.segments, x.end, true);
        return start === null || end === null || end <= start ? null : { ...x, start, end };
      })
      .filter(Boolean);
    // A web page compared as text (spans put back): what its HTML read removed was left out of
    // that text, and is listed here, in the page's own offsets, to be put back too.
    if (input.cut.length) {
      removed.push(...input.cut);
      removed.sort((x, y) => x.start - y.start);
    }
    const restored = input.places;
    const details = h('details', { class: 'removed', part: 'removed' });
    const count = removed.length;
    details.append(h('summary', { text: `${plural(count, 'span')} removed${restored.length ? `, ${restored.length} put back` : ''}`, attrs: { title: 'Page chrome removed before comparing: menus, prompts, credits, bylines…' } }));
    const list = h('ol');
    for (const p of restored) {
      list.append(h('li', { class: 'restored' },
        h('span', { class: 'reason', text: 'put back' }),
        h('span', { class: 'removed-text', text: p.text }),
        h('button', { text: 'Remove again', attrs: { type: 'button', 'aria-label': `Remove again: ${p.text.slice(0, 60)}` }, on: { click: () => this.unrestoreSpan(i, p.origStart, p.origEnd) } })));
    }
    for (const x of removed) {
      const [label, why] = REASONS[x.reason] || [x.reason, ''];
      list.append(h('li', { data: { reason: x.reason } },
        h('span', { class: 'reason', text: label, attrs: { title: why || null } }),
        h('span', { class: 'removed-text', text: x.text }),
        h('button', { class: 'put-back', text: 'Put back', attrs: { type: 'button', 'aria-label': `Put back (${label}): ${x.text.slice(0, 60)}` }, on: { click: () => this.restoreSpan(i, x.start, x.end) } })));
    }
    details.append(list);
    if (count === 0 && restored.length === 0) details.hidden = true;
    return details;
  }

  /**
   * A row of a column: its node, and what the filters need of it (see _filterRow), taken from the
   * report rather than read back from the node.
   */
  _row(node, text, { support = 0, speaker = false, button = false } = {}) {
    const textEl = h('span', { class: 'text', text });
    node.append(textEl);
    return {
      node,
      text,
      folded: null, // the text folded for search, when first searched
      mark: '', // the query highlighted in the text now
      textEl,
      support,
      speaker,
      button, // a sentence that can be selected (not a speaker label, not a span put back)
    };
  }

  /** The row of a span the reader put back that the engine did not compare. */
  _notComparedRow(i, place) {
    const node = h('p', { class: 'sentence not-compared', data: { source: i, restored: '' }, attrs: { title: 'Put back by you; the engine still reads it as page chrome, so it is shown but not compared' } });
    node.append(h('span', { class: 'badge-restored', text: 'put back' }), h('span', { class: 'sr-only', text: 'Not compared. ' }));
    const text = place.text.trim();
    node.dataset.text = text;
    return this._row(node, text);
  }

  /** The row of sentence `j` (`s`) of source `i`. */
  _sentenceRow(i, j, s, others) {
    const classes = ['sentence', `role-${s.role}`];
    const key = `${i}:${j}`;
    const restored = this._idx.restoredSentences.has(key);
    const node = h('p', { data: { source: i, sentence: j, support: s.support } });
    node.dataset.text = s.text;
    if (s.group !== null) node.dataset.group = String(s.group);
    if (s.role === 'speaker') {
      node.title = 'Speaker label (not compared)';
    } else {
      node.setAttribute('role', 'button');
      node.setAttribute('aria-pressed', 'false');
      node.tabIndex = -1;
      if (s.support > 0) {
        const kind = this._kindOf(i, j) || 'paraphrase';
        classes.push('shared', `level-${level(s.support, others)}`, `kind-${kind}`);
        node.dataset.kind = kind;
        node.append(h('span', { class: 'kind-icon', text: KIND_INFO[kind].icon, attrs: { 'aria-hidden': 'true' } }));
        node.append(h('span', { class: 'sr-only', text: `Shared with ${plural(s.support, 'other source')}, ${KIND_INFO[kind].label}: ` }));
        node.title = `Shared with ${plural(s.support, 'other source')} (${KIND_INFO[kind].long})`;
      } else if (this._kinds.length === 0) {
        // Every match kind is off: nothing was matched, so nothing is known to be unique.
        classes.push('unmatched');
        node.title = 'Not matched: every match kind is switched off in the filters';
      } else {
        classes.push('unique');
        node.append(h('span', { class: 'badge-unique', text: 'unique' }), h('span', { class: 'sr-only', text: ': ' }));
        node.title = 'Only in this source';
      }
    }
    if (restored) {
      classes.push('restored');
      node.append(h('span', { class: 'badge-restored', text: 'put back' }));
    }
    node.className = classes.join(' ');
    node.setAttribute('part', 'sentence');
    const speaker = s.role === 'speaker';
    return this._row(node, s.text, { support: s.support, speaker, button: !speaker });
  }

  /**
   * Shows the sentences that pass the filters (minimum support, search) and marks the search hits.
   * Runs on every keystroke in the search box, so it touches a sentence's text only when its
   * highlight changes, and folds each text once.
   */
  _applyFilters() {
    if (!this._report) return;
    const q = fold(this._query.trim());
    const marks = []; // rows whose highlight changes: the top of each column first
    this._tally = { shown: 0, total: 0 };
    this._rows.forEach((rows, i) => {
      let tabStop = null;
      let firstVisible = null;
      rows.forEach((row, k) => {
        const visible = this._filterRow(row, q, marks, k);
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
      if (this._cols[i]) {
        this._cols[i].stop = !!tabStop;
        for (const chunk of this._cols[i].chunks) this._sizeChunk(chunk);
      }
    });
    this._countShown();
    if (this._selected) {
      const node = this._node(...this._selected);
      if (!node || node.hidden) this._select(null);
    }
    // Highlighting thousands of hits (a short query in a long report) would hold up typing: the
    // top rows of each column are marked now, the rest in slices.
    marks.sort((a, b) => a[2] - b[2]);
    const job = { marks, pos: 0 };
    this._marking = job;
    const markSome = (until) => {
      for (; job.pos < marks.length && (job.pos < 2 * FIRST_ROWS || performance.now() < until); job.pos++) {
        const [row, mark] = marks[job.pos];
        this._mark(row, mark);
      }
      return job.pos === marks.length;
    };
    if (!markSome(0)) slices(markSome, () => this._marking === job); // stops if the filters change again
  }

  /**
   * Shows or hides one row as the filters say (query `q`, folded) and marks its hits, or, given
   * `later`, lists it there to be marked ([row, mark, place in column]); returns whether it shows.
   * Counts it in `_tally` (reset when every row is filtered again).
   */
  _filterRow(row, q, later = null, place = 0) {
    let visible = !(this._minSupport > 0 && (row.support < this._minSupport || row.speaker));
    if (visible && q) visible = (row.folded ??= fold(row.text)).includes(q);
    row.node.hidden = !visible;
    if (!row.speaker) {
      this._tally.total++;
      if (visible) this._tally.shown++;
    }
    const mark = visible ? q : '';
    if (row.mark !== mark) {
      if (later) later.push([row, mark, place]);
      else this._mark(row, mark);
    }
    return visible;
  }

  _mark(row, mark) {
    if (row.mark === mark) return;
    row.textEl.replaceChildren();
    fillText(row.textEl, row.text, mark);
    row.mark = mark;
  }

  /** "showing 12 of 80 sentences" when the filters hide some (counted by _filterRow). */
  _countShown() {
    const { shown, total } = this._tally;
    this._shownCount.textContent = shown !== total ? `showing ${shown} of ${total} sentences` : '';
  }

  _node(s, j) {
    return this._nodes[s]?.[j] || null;
  }

  /** What source `k` is called in the view: its outlet, else its name. */
  _label(k) {
    const src = this._report.sources[k];
    return src.outlet || src.name;
  }

  /**
   * Whether the phone layout is on (the element's container query: columns swiped, the panel a
   * bottom sheet, one card per row). Read from the styles once, then kept until the element is
   * resized or rendered again, since scrolling asks on every frame.
   */
  _isNarrow() {
    if (this._narrow === null || !this._resizes) {
      this._narrow = !!this._panel && getComputedStyle(this._panel).position === 'fixed';
    }
    return this._narrow;
  }

  _select(ref, { focus = true, scroll = true, quiet = false } = {}) {
    if (!this._report) return;
    const same = ref && this._selected && ref[0] === this._selected[0] && ref[1] === this._selected[1];
    if (same && !quiet) {
      if (focus) this._node(...ref)?.focus({ preventScroll: true });
      return;
    }
    // A choice made while the report is still being built replaces the one the build would
    // restore when it finishes (see _finishRender).
    if (!quiet && this._job) this._job.selected = null;
    for (const n of this._board.querySelectorAll('.sentence.focused, .sentence.counterpart')) {
      n.classList.remove('focused', 'counterpart');
      if (n.getAttribute('role') === 'button') n.setAttribute('aria-pressed', 'false');
    }
    if (!ref) {
      this._selected = null;
      this._cpKeys = null;
      this._renderPanel();
      return;
    }
    // A sentence not built yet (a long report still being put on screen): build the rest now.
    if (!this._node(...ref) && this._job && !this._job.done) this._flush();
    const node = this._node(...ref);
    if (!node || node.getAttribute('role') !== 'button') return;
    this._selected = [...ref];
    node.classList.add('focused');
    node.setAttribute('aria-pressed', 'true');
    for (const row of this._rows[ref[0]]) if (row.button) row.node.tabIndex = row.node === node ? 0 : -1;
    const counterparts = this._counterparts(...ref);
    // Counterparts built later are marked as they are built (_buildRows).
    this._cpKeys = new Set(counterparts.flat().map((c) => `${c.ref[0]}:${c.ref[1]}`));
    const nodes = []; // per other column, the closest counterpart: it is scrolled into view
    counterparts.forEach((list, k) => {
      let best = null;
      let bestScore = -1;
      for (const c of list) {
        const cn = this._node(...c.ref);
        if (!cn) continue;
        cn.classList.add('counterpart');
        const score = c.match ? c.match.score : 0;
        if (score > bestScore) {
          best = cn;
          bestScore = score;
        }
      }
      if (best && k !== ref[0]) nodes.push(best);
    });
    this._renderPanel(counterparts);
    if (focus && this.shadowRoot.activeElement !== node) node.focus({ preventScroll: true });
    if (scroll && this._isNarrow()) {
      // Phone width: the panel is a bottom sheet, so bring the sentence to the top of the screen.
      node.scrollIntoView({ block: 'start', inline: 'nearest' });
    } else if (scroll) {
      this._scrollInto(node);
      for (const cn of nodes) this._scrollInto(cn, false);
    }
    if (!quiet) {
      const s = this._report.sources[ref[0]].sentences[ref[1]];
      const near = s.support === 0 ? this._nearest(s) : null;
      this._emit('select', {
        source: ref[0],
        sentence: ref[1],
        text: s.text,
        support: s.support,
        kind: s.support > 0 ? this._kindOf(...ref) : null,
        counterparts: counterparts.flat().map((c) => ({
          source: c.ref[0],
          sentence: c.ref[1],
          text: this._report.sources[c.ref[0]].sentences[c.ref[1]].text,
          kind: c.match ? c.match.kind : c.groupKind,
          score: c.match ? c.match.score : null,
          direct: !!c.match,
        })),
        nearest: near ? { source: near.ref[0], sentence: near.ref[1], text: near.text, score: near.score } : null,
      });
    }
  }

  /** Scrolls `node` into view inside its column (and the column into view on the board). */
  _scrollInto(node, horizontal = true) {
    const col = node.closest('.sentences');
    if (col && col.scrollHeight > col.clientHeight + 1) {
      const c = col.getBoundingClientRect();
      const n = node.getBoundingClientRect();
      if (n.top < c.top + 4 || n.bottom > c.bottom - 4) {
        col.scrollTop += n.top - c.top - Math.max(8, (c.height - n.height) / 3);
      }
    }
    const board = this._board;
    if (horizontal && board.scrollWidth > board.clientWidth + 1) {
      const b = board.getBoundingClientRect();
      const n = (col || node).getBoundingClientRect();
      if (n.left < b.left || n.right > b.right) board.scrollLeft += n.left - b.left - 8;
    }
  }

  _renderPanel(counterparts) {
    const panel = this._panel;
    if (!panel) return;
    const sel = this._selected;
    if (!sel) {
      this._cards = null;
      panel.replaceChildren(h('p', { class: 'panel-hint' },
        'Select a sentence (click it, or Tab to a column and use ↑ ↓) to see its counterparts in the other sources. ',
        'Keys: ← → other sources · n / Shift+N next / previous shared · u / Shift+U next / previous unique · / find · Esc close.'));
      return;
    }
    const r = this._report;
    const [s, j] = sel;
    const sent = r.sources[s].sentences[j];
    const cps = counterparts || this._counterparts(s, j);
    const off = this._kinds.length === 0;
    const near = sent.support === 0 && !off ? this._nearest(sent) : null;
    const how = sent.support > 0 ? `shared with ${plural(sent.support, 'other source')}` : off ? 'not matched (every match kind is switched off)' : 'unique to this source';
    const title = h('h2', { attrs: { id: 'panel-title', tabindex: '-1' }, text: `${this._label(s)}, sentence ${j + 1}: ${how}` });
    const close = h('button', { class: 'close', text: 'Close ✕', attrs: { type: 'button', 'aria-label': 'Close the focus panel' }, on: { click: () => {
      const node = this._node(...sel);
      this._select(null);
      this._focusQuietly(node);
    } } });
    const cards = h('div', { class: 'cards' });
    r.sources.forEach((src, k) => {
      const card = h('section', { class: 'card', part: 'card', data: { source: k }, attrs: { 'aria-label': this._label(k) } });
      card.append(h('h3', { text: this._label(k) }));
      if (k === s) {
        card.classList.add('self');
        card.append(h('p', { class: 'focused-text', text: sent.text }));
        const kind = sent.support > 0 ? this._kindOf(s, j) : null;
        card.append(h('p', { class: 'none', text: kind ? `Focused. Closest match: ${KIND_INFO[kind].long}.` : off ? 'Focused. Matching is switched off in the filters.' : 'Focused. No other source reports this.' }));
        const qs = this._idx.quotesAt.get(`${s}:${j}`) || [];
        if (qs.length) {
          const ul = h('ul', { class: 'quotes-here', attrs: { 'aria-label': 'Quotations in this sentence' } });
          for (const qi of qs) {
            const q = r.quotes[qi];
            ul.append(h('li', { text: `${q.speaker || 'Unattributed'}: “${q.text}” (in ${plural(this._idx.carriers[qi].length, 'source')})` }));
          }
          card.append(ul);
        }
      } else {
        const list = cps[k];
        if (list.length === 0) {
          card.append(h('p', { class: 'none', text: off ? 'Not matched: matching is switched off.' : 'Not reported in this source.' }));
          // A unique sentence's closest sentence elsewhere (too far to match) shows in its card.
          if (near && near.ref[0] === k) card.append(this._nearestItem(near));
          else card.classList.add('empty-card');
        }
        for (const c of list) card.append(this._counterpartItem(s, j, c));
      }
      cards.append(card);
    });
    const key = h('p', { class: 'diff-key' }, 'In the counterparts, ', h('ins', { text: 'underlined' }), ' words are only in that source and ', h('del', { text: 'struck' }), ' words only in the focused sentence; ⚠ marks details stated differently.');
    panel.replaceChildren(h('div', { class: 'panel-body' }, h('div', { class: 'panel-head' }, title, close), cards, key));
    this._cards = cards;
    cards.scrollLeft = this._board.scrollLeft;
  }

  /** The closest sentence of another source to unique sentence `sent`, when the report names one. */
  _nearest(sent) {
    const n = sent.nearest;
    const other = n && this._report.sources[n.source]?.sentences[n.sentence];
    return other ? { ref: [n.source, n.sentence], text: other.text, score: n.score } : null;
  }

  /** "Closest in other sources": the sentence nearest to a unique one, its score and a way to it. */
  _nearestItem(near) {
    const [k] = near.ref;
    const box = h('div', { class: 'nearest', attrs: { role: 'group', 'aria-labelledby': 'nearest-title' } });
    box.append(h('p', { class: 'nearest-title', text: 'Closest in other sources:', attrs: { id: 'nearest-title' } }));
    box.append(h('p', { class: 'match-line' },
      h('span', { class: 'nearest-source', text: this._label(k) }),
      h('span', { class: 'score', text: `score ${Math.round(near.score * 100)}%`, attrs: { title: 'How likely the two state the same claim: too low to count as a match' } }),
      h('button', { class: 'go', text: 'Go to', attrs: { type: 'button', 'aria-label': `Go to the closest sentence, in ${this._label(k)}` }, on: { click: () => this._select(near.ref) } })));
    box.append(h('p', { class: 'nearest-text', text: near.text }));
    return box;
  }

  _counterpartItem(s, j, c) {
    const r = this._report;
    const other = r.sources[c.ref[0]].sentences[c.ref[1]];
    const item = h('div', { class: 'counterpart-item', data: { source: c.ref[0], sentence: c.ref[1] } });
    const line = h('p', { class: 'match-line' });
    if (c.match) {
      const k = c.match.kind;
      line.append(h('span', { class: `kind-badge kind-${k}` }, h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
      line.append(h('span', { class: 'score', text: `score ${Math.round(c.match.score * 100)}%` }));
    } else {
      line.append(h('span', { class: 'kind-badge kind-group', text: 'same group' }));
      line.append(h('span', { class: 'score', text: 'linked through other sources' }));
    }
    line.append(h('button', { class: 'go', text: 'Go to', attrs: { type: 'button', 'aria-label': `Go to this sentence in ${this._label(c.ref[0])}` }, on: { click: () => this._select(c.ref) } }));
    item.append(line);
    const diff = h('p', { class: 'diff' });
    if (c.match) {
      // Oriented from the focused sentence (F) to this counterpart (C).
      const words = [];
      for (const op of c.match.diff) {
        if (op.op === 'equal') words.push(['', c.selfIsA ? op.b : op.a]);
        else if (op.op === 'delete') words.push([c.selfIsA ? 'del' : 'ins', op.a]);
        else words.push([c.selfIsA ? 'ins' : 'del', op.b]);
      }
      words.forEach(([tag, text], idx) => {
        if (idx > 0) diff.append(' ');
        if (tag === 'ins') diff.append(h('ins', { text, attrs: { title: 'only in this source' } }));
        else if (tag === 'del') diff.append(h('del', { text, attrs: { title: 'only in the focused sentence' } }));
        else diff.append(text);
      });
    } else {
      diff.append(other.text);
    }
    item.append(diff);
    if (c.match && c.match.conflicts.length) {
      const ul = h('ul', { class: 'conflicts', attrs: { 'aria-label': 'Conflicting details' } });
      for (const cf of c.match.conflicts) {
        const here = c.selfIsA ? cf.b : cf.a;
        const there = c.selfIsA ? cf.a : cf.b;
        ul.append(h('li', { text: `${conflictLabel(cf.kind)}: “${here}” here, “${there}” in the focused sentence` }));
      }
      item.append(ul);
    }
    return item;
  }

  /** Moves focus to a sentence without selecting it (after the panel was closed). */
  _focusQuietly(node) {
    if (!node) return;
    this._quiet = true;
    try {
      node.focus({ preventScroll: true });
    } finally {
      this._quiet = false;
    }
  }

  _visibleButtons() {
    const out = [];
    this._nodes.forEach((col) => col.forEach((n) => { if (n && !n.hidden && n.getAttribute('role') === 'button') out.push(n); }));
    return out;
  }

  /** Steps to the next (dir 1) or previous (-1) visible sentence matching `pred`, wrapping around. */
  _step(dir, pred) {
    const all = this._visibleButtons();
    if (all.length === 0) return;
    const cur = this._selected ? this._node(...this._selected) : null;
    let i = cur ? all.indexOf(cur) : dir > 0 ? -1 : 0;
    for (let k = 0; k < all.length; k++) {
      i = (i + dir + all.length) % all.length;
      if (pred(all[i])) {
        this._select([Number(all[i].dataset.source), Number(all[i].dataset.sentence)]);
        return;
      }
    }
  }

  _onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0];
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const node = target?.closest?.('.sentence[role="button"]');
    const inPanel = !!target?.closest?.('.panel');
    if (!node && !inPanel && !target?.closest?.('.board')) {
      // Outside the overview only Escape and "/" are ours.
      if (e.key !== 'Escape' && e.key !== '/') return;
    }
    const shared = (n) => Number(n.dataset.support) > 0;
    const unique = (n) => n.classList.contains('unique');
    let handled = true;
    switch (e.key) {
      case 'n': this._step(1, shared); break;
      case 'N': this._step(-1, shared); break;
      case 'u': this._step(1, unique); break;
      case 'U': this._step(-1, unique); break;
      case 'Escape':
        if (this._selected) {
          const back = this._node(...this._selected);
          this._select(null);
          if (inPanel || !node) this._focusQuietly(back);
        } else handled = false;
        break;
      case '/': this._search?.focus(); break;
      case 'ArrowDown': case 'ArrowUp': case 'Home': case 'End': {
        if (!node) { handled = false; break; }
        const list = this._rows[Number(node.dataset.source)].filter((row) => row.button && !row.node.hidden).map((row) => row.node);
        const i = list.indexOf(node);
        const to = e.key === 'ArrowDown' ? list[i + 1] : e.key === 'ArrowUp' ? list[i - 1] : e.key === 'Home' ? list[0] : list[list.length - 1];
        if (to) this._select([Number(to.dataset.source), Number(to.dataset.sentence)]);
        break;
      }
      case 'ArrowLeft': case 'ArrowRight': {
        if (!node) { handled = false; break; }
        const s = Number(node.dataset.source);
        const j = Number(node.dataset.sentence);
        const step = e.key === 'ArrowRight' ? 1 : -1;
        const cps = this._counterparts(s, j);
        for (let k = s + step; k >= 0 && k < this._nodes.length; k += step) {
          const c = cps[k].find((x) => !this._node(...x.ref)?.hidden);
          if (c) { this._select(c.ref); break; }
          const col = this._board.querySelectorAll('.sentences')[k];
          const fallback = col && (col.querySelector('.sentence[role="button"][tabindex="0"]:not([hidden])') || col.querySelector('.sentence[role="button"]:not([hidden])'));
          if (fallback) { this._select([Number(fallback.dataset.source), Number(fallback.dataset.sentence)]); break; }
        }
        break;
      }
      case 'Enter':
        if (node && this._selected) this._panel.querySelector('#panel-title')?.focus();
        else handled = false;
        break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  }

  _renderSummaries() {
    const r = this._report;
    const tabs = [
      ['similarity', 'Similarity', () => this._similarityPanel()],
      ['only', 'Only in one source', () => this._onlyPanel()],
      ['quotes', `Quotations (${r.quotes.length})`, () => this._quotesPanel()],
      ['conflicts', `Conflicts (${r.matches.reduce((n, m) => n + m.conflicts.length, 0)})`, () => this._conflictsPanel()],
    ];
    const list = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Summaries' } });
    const wrap = h('section', { class: 'summaries', part: 'summaries', attrs: { 'aria-labelledby': 'summaries-title' } }, h('h2', { text: 'Summaries', attrs: { id: 'summaries-title' } }), list);
    const buttons = [];
    const panels = [];
    for (const [id, text, build] of tabs) {
      const selected = id === this._tab;
      const btn = h('button', { class: 'tab', part: 'tab', text, attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `tabpanel-${id}`, 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? '0' : '-1' } });
      const panel = h('div', { class: 'tabpanel', part: 'tabpanel', attrs: { role: 'tabpanel', id: `tabpanel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: '0' }, data: { tab: id, title: text } });
      // Built when first shown (or exported), so the overview paints sooner.
      panel._build = () => {
        if (panel.dataset.built) return;
        panel.dataset.built = '1';
        panel.append(...[build()].flat());
      };
      panel.hidden = !selected;
      if (selected) panel._build();
      btn.addEventListener('click', () => activate(id));
      buttons.push(btn);
      panels.push(panel);
      list.append(btn);
    }
    const activate = (id, focus = false) => {
      this._tab = id;
      buttons.forEach((b, i) => {
        const on = tabs[i][0] === id;
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        b.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
        if (on) panels[i]._build();
        if (on && focus) b.focus();
      });
    };
    list.addEventListener('keydown', (e) => {
      const i = tabs.findIndex(([id]) => id === this._tab);
      let to = null;
      if (e.key === 'ArrowRight') to = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft') to = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = tabs.length - 1;
      if (to !== null) {
        e.preventDefault();
        activate(tabs[to][0], true);
      }
    });
    wrap.append(...panels);
    return wrap;
  }

  _goButton(ref, text) {
    return h('button', { class: 'link-button', text, attrs: { type: 'button' }, on: { click: () => this._select(ref) } });
  }

  _similarityPanel() {
    const r = this._report;
    const table = h('table', { class: 'heatmap', part: 'heatmap' });
    table.append(h('caption', { class: 'sr-only', text: 'Share of the sentences of each pair of sources that match the other source' }));
    // Names wrap between words and between the parts of a file name, never inside a word. In a
    // narrow view the columns are headed by the sources' numbers, which start the rows' names.
    const headRow = h('tr', {}, h('td', { attrs: { 'aria-hidden': 'true' }, class: 'corner' }));
    r.sources.forEach((_, k) => headRow.append(h('th', { attrs: { scope: 'col' } },
      h('span', { class: 'th-full' }, breakable(this._label(k))), h('span', { class: 'th-num', text: String(k + 1), attrs: { 'aria-hidden': 'true' } }))));
    table.append(h('thead', {}, headRow));
    const body = h('tbody');
    r.similarity.forEach((row, a) => {
      const tr = h('tr', {}, h('th', { attrs: { scope: 'row' } }, h('span', { class: 'row-num', text: `${a + 1} `, attrs: { 'aria-hidden': 'true' } }), breakable(this._label(a))));
      row.forEach((v, b) => {
        if (a === b) {
          tr.append(h('td', { class: 'self', text: '—', attrs: { title: 'the same source' } }));
          return;
        }
        const td = h('td', { text: `${Math.round(v * 100)}%`, attrs: { title: `${this._label(a)} and ${this._label(b)}: ${Math.round(v * 100)}% of their sentences match the other` } });
        const [bg, dark] = heat(v);
        td.style.backgroundColor = bg;
        if (dark) td.classList.add('dark');
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    return [h('p', { class: 'note', text: 'The share of the sentences of two sources that match a sentence of the other: darker is more alike.' }), this._scrollBox(table)];
  }

  /**
   * `content` in a box that scrolls sideways when it is too wide (many sources in a narrow
   * view), with a line saying so above it while it is.
   */
  _scrollBox(content) {
    const cue = h('p', { class: 'scroll-cue', text: 'Scroll sideways to see every source →' });
    const box = h('div', { class: 'scroll-x', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Similarity of each pair of sources' } }, content);
    if (typeof ResizeObserver !== 'undefined') {
      cue.hidden = true;
      box.tabIndex = -1;
      // While it scrolls, the box is in the tab order too, so the keyboard can scroll it.
      new ResizeObserver(() => {
        const wide = box.scrollWidth > box.clientWidth + 1;
        cue.hidden = !wide;
        box.tabIndex = wide ? 0 : -1;
      }).observe(box);
    }
    return h('div', { class: 'scroll-wrap' }, cue, box);
  }

  _onlyPanel() {
    if (this._kinds.length === 0) {
      return h('p', { class: 'note', text: 'Every match kind is switched off in the filters, so no sentence was matched with the other sources: there is nothing to tell apart. Switch a kind back on to see what only one source reports.' });
    }
    const r = this._report;
    const grid = h('div', { class: 'only-grid' });
    r.sources.forEach((src, k) => {
      const uniq = src.sentences.map((x, j) => [x, j]).filter(([x]) => x.support === 0 && x.role !== 'speaker');
      const sec = h('section', { attrs: { 'aria-label': `Only in ${this._label(k)}` } }, h('h3', { text: `${this._label(k)}: ${plural(uniq.length, 'sentence')}` }));
      const ul = h('ul', { class: 'plain-list' });
      this._appendSliced(ul, uniq, ([x, j]) => h('li', {}, this._goButton([k, j], x.text)));
      if (uniq.length === 0) ul.append(h('li', { class: 'missing', text: 'Nothing: every sentence is reported elsewhere.' }));
      sec.append(ul);
      grid.append(sec);
    });
    return [h('p', { class: 'note', text: 'What each source reports that no other source does.' }), grid];
  }

  /**
   * Appends `make(item)` for each of `items` to `parent`: the first ones at once, the rest of a
   * long list in slices between which the browser paints (see FIRST_ROWS). An export finishes it
   * at once (_flush).
   */
  _appendSliced(parent, items, make) {
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
    const list = { finish: () => { build(Infinity); this._lists.delete(list); } };
    this._lists.add(list);
    // Stops when finished by an export, or when the view is rendered again.
    slices((until) => {
      if (!build(until)) return false;
      this._lists.delete(list);
      return true;
    }, () => this._lists.has(list));
  }

  _quotesPanel() {
    const r = this._report;
    if (r.quotes.length === 0) return h('p', { class: 'note', text: 'No direct quotations found.' });
    const { carriers: carriedBy } = this._idx;
    const order = r.quotes.map((_, i) => i).sort((x, y) => carriedBy[y].length - carriedBy[x].length || x - y);
    const out = [h('p', { class: 'note', text: 'Direct quotations: who said what, which outlets carry it and how each words it.' })];
    for (const i of order) {
      const q = r.quotes[i];
      const carriers = carriedBy[i];
      const box = h('article', { class: 'quote' });
      box.append(h('p', { class: 'quote-head' }, h('span', { class: 'speaker', text: q.speaker || 'Unattributed' }), h('span', { class: 'carried', text: ` · carried by ${plural(carriers.length, 'source')}: ${carriers.map((k) => this._label(k)).join(', ')}` })));
      box.append(h('blockquote', { text: `“${q.text}”` }));
      // Variants: occurrences grouped by their wording.
      const variants = new Map();
      for (const o of q.occurrences) {
        const k = fold(o.text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        if (!variants.has(k)) variants.set(k, []);
        variants.get(k).push(o);
      }
      const ul = h('ul', { class: 'variants', attrs: { 'aria-label': 'Variants' } });
      for (const occ of variants.values()) {
        const li = h('li');
        li.append(h('q', { text: occ[0].text }), ' — ');
        occ.forEach((o, i) => {
          if (i > 0) li.append(', ');
          const who = o.speaker && o.speaker !== q.speaker ? ` (says ${o.speaker})` : '';
          li.append(h('button', { class: 'go', text: `${this._label(o.source)}${who}`, attrs: { type: 'button', title: 'Go to this quotation' }, on: { click: () => this._select([o.source, o.sentence]) } }));
        });
        ul.append(li);
      }
      box.append(ul);
      out.push(box);
    }
    return out;
  }

  _conflictsPanel() {
    const r = this._report;
    const rows = [];
    for (const m of r.matches) for (const c of m.conflicts) rows.push([m, c]);
    if (rows.length === 0) return h('p', { class: 'note', text: 'No conflicting details between matched sentences.' });
    // In a narrow view each row is stacked as a card with its cells labelled (the ARIA roles keep
    // it a table for screen readers whatever its display).
    const heads = ['Detail', 'One source says', 'Another says', 'Sentences'];
    const table = h('table', { class: 'conflict-table', attrs: { role: 'table' } });
    table.append(h('thead', { attrs: { role: 'rowgroup' } }, h('tr', { attrs: { role: 'row' } }, ...heads.map((t) => h('th', { text: t, attrs: { scope: 'col', role: 'columnheader' } })))));
    const body = h('tbody', { attrs: { role: 'rowgroup' } });
    const cell = (k, ...kids) => h('td', { attrs: { role: 'cell' } }, h('span', { class: 'cell-label', text: `${heads[k]}: `, attrs: { 'aria-hidden': 'true' } }), ...kids);
    for (const [m, c] of rows) {
      body.append(h('tr', { attrs: { role: 'row' } },
        cell(0, `⚠ ${conflictLabel(c.kind)}`),
        cell(1, `${this._label(m.a[0])}: “${c.a}”`),
        cell(2, `${this._label(m.b[0])}: “${c.b}”`),
        cell(3,
          h('button', { class: 'go', text: `${this._label(m.a[0])} ${m.a[1] + 1}`, attrs: { type: 'button', title: 'Go to this sentence' }, on: { click: () => this._select(m.a) } }), ' ',
          h('button', { class: 'go', text: `${this._label(m.b[0])} ${m.b[1] + 1}`, attrs: { type: 'button', title: 'Go to this sentence' }, on: { click: () => this._select(m.b) } }))));
    }
    table.append(body);
    return [h('p', { class: 'note', text: 'Details that matched sentences state differently: numbers, names, places, dates, and claims one affirms and another denies.' }), table];
  }
}

if (globalThis.customElements && !customElements.get('story-diff')) {
  customElements.define('story-diff', StoryDiffElement);
}

export default StoryDiffElement;
