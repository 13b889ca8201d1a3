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
//
// This file is the coordinator: the public API, the life cycle, loading sources, running a
// comparison and putting its report on screen, in that order. The parts of the view live in
// js/element/, each a set of functions taking the element (`view`) whose state they share:
//
//   columns.js     the board and one column per source (head, removed spans, sentence rows)
//   toolbar.js     the filters, the legend and its shades, the notes above the columns
//   compact.js     the toolbar folded at phone width; every sentence built before printing
//   verdicts.js    notices: a source in another language, a source repeating another
//   filters.js     minimum support and search applied to the rows, hits marked
//   focus.js       selecting a sentence, and the panel with its counterparts
//   keys.js        keyboard navigation of the overview
//   table.js       the claim table (the Table view): rows of claims, a column per source
//   table-export.js the claim table's CSV and Markdown, and its part of the HTML export
//   conflicts.js   conflicting details: ⚠ on sentences, counts in column heads
//   summaries.js   the tabs under the overview: similarity, only-in-one, quotations, conflicts
//   export.js      the standalone HTML snapshot
//   sources.js     where articles come from and what is sent for them (spans put back, web pages)
//   engine.js      the Web Worker that compares
//   report-index.js, slices.js, labels.js, text.js   lookups, sliced rendering, wording, text
//
// What survives a reload is the page's business (www/storage.js); the element keeps nothing.

import { h } from './dom.js';
import { STYLE } from './element-style.js';
import { KINDS, errorMessage } from './validate.js';
import { buildRows, checkHeads, renderBoard, renderColumn } from './element/columns.js';
import { listenForPrint } from './element/compact.js';
import { Engine } from './element/engine.js';
import { exportHTML } from './element/export.js';
import { countShown } from './element/filters.js';
import { renderPanel, selectRef } from './element/focus.js';
import { cleanMeta, withMeta } from './element/provenance.js';
import { onKey } from './element/keys.js';
import { indexReport } from './element/report-index.js';
import { BATCH, FIRST_ROWS, slices } from './element/slices.js';
import { inputFor, keepReads, loadSources, textOf, withBlanks } from './element/sources.js';
import { renderSummaries } from './element/summaries.js';
import { renderToolbar } from './element/toolbar.js';
import { renderTableView, setMode } from './element/table.js';
import { exportCSV, exportMarkdown } from './element/table-export.js';

/** The partner an article is read beside by `readDetails` (see there). */
const READ_PARTNER = { name: 'partner', text: 'Partner.' };

export { loadSources, rebuildText } from './element/sources.js';

// In Node (no DOM) the module still imports: it defines the element only where there is one.
const Base = globalThis.HTMLElement ?? class {};

// One constructed stylesheet shared by every element of the page.
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
    this._reads = new Map(); // a web page's markup -> its source in a report that read it as HTML (see inputFor)
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
    this._tally = { shown: 0, total: 0 }; // sentences (not speaker labels) built and shown: see filterRow
    this._cards = null; // the focus panel's cards, when a sentence is focused
    this._job = null; // the rendering under way: see _render
    this._cols = []; // per source, the rows of its column still to build
    this._lists = new Set(); // long summary lists still being built: see appendSliced
    this._cpKeys = null; // "s:j" of the focused sentence's counterparts
    this._expanded = new Set(); // sources whose column head shows its headline and byline in full
    this._kinds = [...KINDS]; // the match kinds of the report on show
    this._mode = 'columns'; // or 'table': the claim table (js/element/table.js) instead of the columns
    this._table = null; // the claim table of the report on show, built when first shown
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
      checkHeads(this, [...new Set(entries.map((e) => e.target.closest('.column-head')))].filter(Boolean));
    });
  }

  connectedCallback() {
    this._engine.start();
    // Printing needs every sentence on the page: the rendering under way is finished first.
    this._onPrint ??= listenForPrint(this);
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
    if (this._onPrint) window.removeEventListener('beforeprint', this._onPrint);
    this._onPrint = null;
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
   * The articles: an array of { name, text, restored?, meta? } or { name, html, restored?, meta? }
   * (restored: [start, end] spans of removed text put back; for a web page, offsets into its
   * visible text, the report's `source.text`; meta: { outlet, url, datetime } as the reader gives
   * them, shown and reported instead of what the engine read).
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
    selectRef(this, [source, sentence], { focus });
  }

  clearSelection() {
    selectRef(this, null);
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

  /**
   * What the engine reads from one article before it joins the comparison, for a form to show and
   * let the user correct: { title, outlet, url, published, datetime, authors, lang, format }.
   * `source` is `{ name, text }` or `{ name, html }`. The engine reads articles as the first stage
   * of a comparison and takes two or more, so the article goes in beside a one-word partner, with
   * identical matching only: the cost is reading the article.
   */
  async readDetails(source) {
    const report = await this._engine.run([source, READ_PARTNER], { kinds: ['identical'] });
    const s = report.sources[0];
    return { title: s.title, outlet: s.outlet, url: s.url, published: s.published, datetime: s.datetime, authors: s.authors, lang: s.lang, format: s.format };
  }

  /** The report as indented JSON. */
  exportJSON() {
    return JSON.stringify(this._report, null, 2);
  }

  /** 'columns' or 'table': which view of the report is on show (the claim table is built when first shown). */
  get viewMode() {
    return this._mode;
  }

  set viewMode(value) {
    setMode(this, value === 'table' ? 'table' : 'columns');
  }

  /** The claim table as CSV (RFC 4180): a row per claim, a column per source's wording. */
  exportCSV() {
    return exportCSV(this);
  }

  /** The claim table as a Markdown table. */
  exportMarkdown() {
    return exportMarkdown(this);
  }

  /** A standalone HTML document of the current view: no scripts, opens offline. */
  exportHTML({ title = 'storydiff report' } = {}) {
    return exportHTML(this, { title });
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
      // The details the reader gave (outlet, url, datetime), shown instead of what the engine read.
      const meta = cleanMeta(s.meta);
      const given = meta ? { meta } : {};
      if (typeof s.html === 'string') return { name, html: s.html, restored, ...given };
      return { name, text: typeof s.text === 'string' ? s.text : String(s.text ?? ''), restored, ...given };
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
      // A web page with spans put back needs its HTML read first (see inputFor): one comparison
      // more, with every page read as it is, when a read is not at hand.
      if (this._sources.some((s, i) => sent.includes(i) && !inputFor(this, s))) {
        const first = this._sources.map((s) => inputFor(this, s, { asRead: true }));
        keepReads(this, first, await this._engine.run(sent.map((i) => ({ name: first[i].name, ...first[i].sent })), options), sent);
        if (run !== this._run) return;
      }
      inputs = this._sources.map((s) => inputFor(this, s) ?? inputFor(this, s, { asRead: true }));
      compared = await this._engine.run(sent.map((i) => ({ name: inputs[i].name, ...inputs[i].sent })), options);
      if (run === this._run) compared = keepReads(this, inputs, compared, sent);
    } catch (err) {
      if (run !== this._run) return;
      this._fail(errorMessage(err), err && err.retryable);
      return;
    }
    if (run !== this._run) return;
    performance.mark?.('storydiff:compared');
    const report = withMeta(withBlanks(compared, sent, inputs), this._sources);
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
    this._table = null;
    this._lists.clear();
    this._marking = null;
  }

  _renderMessage(text) {
    this._stopRendering();
    this._view.classList.remove('busy');
    this._view.replaceChildren(h('p', { class: 'message', text, attrs: { role: 'status' } }));
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
    indexReport(this);
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
    this._toolbar = renderToolbar(this);
    this._board = renderBoard(this);
    this._cols = r.sources.map((_, i) => renderColumn(this, i));
    this._panel = h('section', { class: 'panel', part: 'panel', attrs: { 'aria-label': 'Focused sentence and its counterparts' } });
    const overview = h('div', { class: 'overview' }, this._board, this._panel);
    this._summaries = renderSummaries(this);
    const [modes, table] = renderTableView(this, overview);
    this._view.replaceChildren(this._toolbar, modes, overview, table, this._summaries);
    this._view.onkeydown = (e) => onKey(this, e);
    // buildRows filters each row as it builds it: only the count of those shown is left to write.
    this._cols.forEach((_, i) => buildRows(this, i, FIRST_ROWS));
    countShown(this);
    renderPanel(this);
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
          if (col.pos < col.items.length) buildRows(this, i, BATCH);
          if (col.pos < col.items.length) left = true;
        });
      }
      if (this._query || this._minSupport > 0) countShown(this);
      if (left) return false;
      this._finishRender(job);
      return true;
    }, () => this._job === job);
  }

  /** Builds whatever is left of the rendering under way now (an export or a jump needs it all). */
  _flush() {
    const job = this._job;
    if (job && !job.done) {
      this._cols.forEach((col, i) => buildRows(this, i, Infinity));
      this._finishRender(job);
    }
    for (const list of [...this._lists]) list.finish();
  }

  _finishRender(job) {
    job.done = true;
    this._board.removeAttribute('aria-busy');
    countShown(this);
    // The sentence focused before the comparison stays focused (unless another was chosen since).
    if (job.selected && !this._selected) selectRef(this, job.selected, { focus: false, scroll: false, quiet: true });
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

}

if (globalThis.customElements && !customElements.get('story-diff')) {
  customElements.define('story-diff', StoryDiffElement);
}

export default StoryDiffElement;
