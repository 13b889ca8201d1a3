// The claim table (issue 13, point 2): a "Table" view beside the columns, after CollateX's
// alignment table. One row per group of sentences that say the same thing, in story order, one
// column per source holding that source's own wording, its words that differ from the row's most
// common wording underlined, and an empty cell where the source is silent; then each source's
// unique sentences (rows with one filled cell). Conflicting details (⚠) sit in their cells; a
// cell's match kind and score show on hover and on keyboard focus. The filters and search apply
// as to the columns; activating a row or cell focuses its sentence in the columns. At phone width
// each row is a card, its cells stacked under their sources' names.
//
// Built only when the Table view is first opened (or exported), in slices like the columns (see
// slices.js), in blocks of rows the browser lays out only near the screen. Report text goes in as
// text only. The table's exports (CSV, Markdown, its part of the HTML export) are in
// table-export.js.

import { download, h, plural } from '../dom.js';
import { conflictText, conflictsOf } from './conflicts.js';
import { selectRef } from './focus.js';
import { KIND_INFO } from './labels.js';
import { CHUNK, FIRST_ROWS, SLICE_MS, nextTask } from './slices.js';
import { fillText, fold } from './text.js';
import { verdicts } from './verdicts.js';
import { doubtWords, languageName, percent, verdictOf } from '../verdicts.js';
import { firstOf } from '../provenance.js';
import { firstText, provenanceParts, sourceHeading } from './provenance.js';

// --- the model: rows in story order, each cell's wording, differences and match ----------------

/** A word as compared: folded, letters and digits only ("Tuesday," and "tuesday" are one). */
const norm = (w) => fold(w).replace(/[^\p{L}\p{N}]+/gu, '');
/** A sentence's wording as compared: "most common wording" counts these. */
const wording = (text) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A small binary heap of [key, tie, value], least first. */
class Heap {
  constructor() { this.a = []; }
  get size() { return this.a.length; }
  less(x, y) { return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]); }
  push(item) {
    const a = this.a;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The groups in story order. Each source orders the groups it carries (by its first sentence in
 * each); a group comes after the groups any source puts before it, and among the groups free to
 * come next, the one that appears earliest in a source (as a share of that source's sentences)
 * comes first. Where sources disagree (a cycle), the earliest group left is taken.
 */
export function storyOrder(r) {
  const n = r.groups.length;
  const key = new Float64Array(n).fill(Infinity);
  const next = Array.from({ length: n }, () => new Set());
  const indeg = new Int32Array(n);
  r.sources.forEach((src, s) => {
    let prev = -1;
    const seen = new Set();
    const len = Math.max(1, src.sentences.length);
    src.sentences.forEach((x, j) => {
      const g = x.group;
      if (g === null || g === undefined || !r.groups[g] || seen.has(g)) return;
      seen.add(g);
      key[g] = Math.min(key[g], j / len);
      if (prev >= 0 && !next[prev].has(g)) {
        next[prev].add(g);
        indeg[g]++;
      }
      prev = g;
    });
  });
  const ready = new Heap();
  const all = new Heap();
  for (let g = 0; g < n; g++) {
    all.push([key[g], g, g]);
    if (indeg[g] === 0) ready.push([key[g], g, g]);
  }
  const done = new Uint8Array(n);
  const out = [];
  while (out.length < n) {
    let g = -1;
    while (ready.size && done[g = ready.pop()[2]]) g = -1;
    if (g < 0) while (all.size && done[g = all.pop()[2]]) g = -1; // a cycle: the earliest left
    if (g < 0) break;
    done[g] = 1;
    out.push(g);
    for (const t of next[g]) if (--indeg[t] === 0 && !done[t]) ready.push([key[t], t, t]);
  }
  return out;
}

/**
 * Word differences of `text` from `ref`: `text` cut into runs [{ text, changed }] (changed: its
 * words the reference does not have), and the reference's words it leaves out. Words are
 * compared folded, without punctuation (a longest common subsequence); a very long pair is not
 * compared (null).
 */
export function wordDiff(text, ref) {
  const toks = text.split(/(\s+)/);
  const words = [];
  toks.forEach((t, i) => { if (i % 2 === 0 && t !== '') words.push({ i, n: norm(t) }); });
  const refWords = ref.split(/\s+/).filter(Boolean).map((w) => ({ w, n: norm(w) }));
  const A = words.filter((w) => w.n !== '');
  const B = refWords.filter((w) => w.n !== '');
  if (A.length * B.length > 250_000) return null;
  // LCS table, from the end.
  const W = B.length + 1;
  const L = new Uint16Array((A.length + 1) * W);
  for (let a = A.length - 1; a >= 0; a--) {
    for (let b = B.length - 1; b >= 0; b--) {
      L[a * W + b] = A[a].n === B[b].n ? L[(a + 1) * W + b + 1] + 1 : Math.max(L[(a + 1) * W + b], L[a * W + b + 1]);
    }
  }
  const changed = new Set();
  const missing = [];
  let a = 0;
  let b = 0;
  while (a < A.length || b < B.length) {
    if (a < A.length && b < B.length && A[a].n === B[b].n) { a++; b++; } else if (b < B.length && (a === A.length || L[a * W + b + 1] >= L[(a + 1) * W + b])) missing.push(B[b++].w);
    else changed.add(A[a++].i);
  }
  // Runs: a changed run takes in the spaces between its words.
  const runs = [];
  toks.forEach((t, i) => {
    if (t === '') return;
    const isWord = i % 2 === 0;
    let ch = isWord && changed.has(i);
    if (!isWord) ch = changed.has(i - 1) && changed.has(i + 1);
    const last = runs[runs.length - 1];
    if (last && last.changed === ch) last.text += t;
    else runs.push({ text: t, changed: ch });
  });
  return { runs, missing: missing.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean) };
}

/** The direct match between two sentences, if the report has one. */
function matchBetween(view, x, y) {
  for (const m of view._idx.byRef.get(`${x[0]}:${x[1]}`) || []) if (m.other[0] === y[0] && m.other[1] === y[1]) return m.match;
  return null;
}

/**
 * What a row of one source's sentence that no other source shares is, in words: `head` (its row
 * head), `match` (the exports' match column) and `detail` (its cell's hover text). Unique, unless
 * the match kinds are all off (not matched) or the source is in another language than the rest
 * (not compared: the engine compares only sources in the same language).
 */
export function aloneWhat(view, s, j) {
  const label = view._label(s);
  const apart = verdicts(view).apart.get(s);
  const sent = view._report.sources[s].sentences[j];
  switch (verdictOf(sent, { apart: !!apart, matched: view._kinds.length > 0 })) {
    case 'unmatched':
      return { head: `${label}, not matched`, match: 'not matched', detail: 'Not matched: every match kind is switched off in the filters.' };
    case 'other-language': {
      const name = languageName(apart.lang);
      return {
        head: `${label}, not compared (${name})`,
        match: 'not compared (other language)',
        detail: `Not compared: written in ${name}, compared only with sources in the same language${apart.peers.length ? '' : ' (there is none here)'}, so not known to be unique.`,
      };
    }
    case 'doubtful': {
      const { head, status, detail } = doubtWords(label, view._label(sent.nearest.source), sent.nearest.score);
      return { head, match: status, detail };
    }
    default:
      return { head: `only in ${label}`, match: 'unique', detail: 'Unique: no other source reports this.' };
  }
}

/**
 * The table's rows: first one per group in story order, then each source's unique sentences in
 * reading order. A row: { group, only (the source of a unique row), cells (per source, a list of
 * sentence indices), ref ([s, j], the row's most common wording), support (how many other
 * sources share it), kind }.
 */
export function tableModel(view) {
  const r = view._report;
  const rows = [];
  for (const g of storyOrder(r)) {
    const group = r.groups[g];
    const cells = r.sources.map(() => []);
    for (const [s, j] of group.members) if (cells[s] && r.sources[s].sentences[j]) cells[s].push(j);
    cells.forEach((c) => c.sort((x, y) => x - y));
    const members = [];
    cells.forEach((c, s) => c.forEach((j) => members.push([s, j])));
    if (members.length === 0) continue;
    // The most common wording; between equals, the best connected (highest sum of its match
    // scores with the row's other sentences), then the first source.
    const counts = new Map();
    for (const [s, j] of members) {
      const w = wording(r.sources[s].sentences[j].text);
      counts.set(w, (counts.get(w) || 0) + 1);
    }
    let ref = null;
    let best = [-1, -1];
    for (const x of members) {
      const c = counts.get(wording(r.sources[x[0]].sentences[x[1]].text));
      let sum = 0;
      for (const y of members) if (y !== x) sum += matchBetween(view, x, y)?.score || 0;
      if (c > best[0] || (c === best[0] && sum > best[1] + 1e-9)) {
        ref = x;
        best = [c, sum];
      }
    }
    const sources = cells.filter((c) => c.length).length;
    // The source that published it first, when two or more have a time and one is surely earliest.
    const found = firstOf(r, cells.map((c, s) => (c.length ? s : -1)).filter((s) => s >= 0));
    const first = found.first === null ? null : { source: found.first, time: found.time, known: found.known };
    rows.push({ group: g, only: null, cells, ref, support: sources - 1, kind: group.kind, sources, first });
  }
  r.sources.forEach((src, s) => {
    src.sentences.forEach((x, j) => {
      if (x.role === 'speaker' || (x.group !== null && x.group !== undefined && r.groups[x.group])) return;
      const cells = r.sources.map(() => []);
      cells[s].push(j);
      rows.push({ group: null, only: s, cells, ref: [s, j], support: x.support, kind: null, sources: 1, first: null });
    });
  });
  return rows;
}

/**
 * What one cell says of sentence [s, j] in `row`: its match with the row's wording (or its best
 * match in the row), its word differences from that wording, and its conflicting details.
 */
export function cellInfo(view, row, s, j) {
  const r = view._report;
  const text = r.sources[s].sentences[j].text;
  const info = { s, j, text, kind: null, score: null, against: null, isRef: false, diff: null, conflicts: conflictsOf(view, s, j) };
  if (row.group === null) return info;
  const [rs, rj] = row.ref;
  info.isRef = rs === s && rj === j;
  let m = info.isRef ? null : matchBetween(view, [s, j], row.ref);
  let against = m ? rs : null;
  if (!m) {
    // The ref itself, or a sentence linked to it only through others: its best match in the row.
    row.cells.forEach((list, k) => list.forEach((jj) => {
      if (k === s) return;
      const mm = matchBetween(view, [s, j], [k, jj]);
      if (mm && (!m || mm.score > m.score)) { m = mm; against = k; }
    }));
  }
  info.kind = m ? m.kind : row.kind;
  info.score = m ? m.score : null;
  info.against = against;
  if (!info.isRef) info.diff = wordDiff(text, r.sources[rs].sentences[rj].text);
  return info;
}

/** A cell's match in words: "≈ minor edits, score 92%, against Herald's wording". */
export function cellDetail(view, row, info) {
  if (row.group === null) return aloneWhat(view, row.only, row.ref[1]).detail;
  const k = KIND_INFO[info.kind] || KIND_INFO.paraphrase;
  const score = info.score === null ? 'linked through other sources' : `score ${percent(info.score)}`;
  const who = info.against === null ? '' : ` with ${view._label(info.against)}`;
  let text = info.isRef ? `The row's most common wording. Closest match${who}: ${k.label}, ${score}.` : `${k.icon} ${k.label}, ${score}${who}.`;
  if (!info.isRef && info.diff?.missing.length) {
    const miss = info.diff.missing;
    text += ` Leaves out: ${miss.slice(0, 10).join(' ')}${miss.length > 10 ? ' …' : ''}.`;
  }
  return text;
}

// --- the view switch and the table's frame --------------------------------------------------------

/**
 * The Columns / Table switch and the (empty) table view; the table is built when first shown.
 * Returns [switch, table section] to put round `overview`.
 */
export function renderTableView(view, overview) {
  const mode = view._mode === 'table' ? 'table' : 'columns';
  const btn = (id, text) => h('button', { class: 'mode', text, attrs: { type: 'button', 'aria-pressed': mode === id ? 'true' : 'false' }, data: { mode: id }, on: { click: () => setMode(view, id) } });
  const sw = h('div', { class: 'view-switch', part: 'view-switch', attrs: { role: 'group', 'aria-label': 'View' } },
    h('span', { class: 'view-switch-label', text: 'View:', attrs: { 'aria-hidden': 'true' } }), btn('columns', 'Columns'), btn('table', 'Table'));
  const count = h('span', { class: 'claims-count', attrs: { 'aria-live': 'polite' } });
  const downloadButton = (what, make, name, type) => h('button', { class: 'download', text: `Download ${what}`, attrs: { type: 'button' }, on: { click: () => download(name, `${type};charset=utf-8`, make()) } });
  const actions = h('div', { class: 'claims-actions' },
    downloadButton('CSV', () => view.exportCSV(), 'storydiff-table.csv', 'text/csv'),
    downloadButton('Markdown', () => view.exportMarkdown(), 'storydiff-table.md', 'text/markdown'));
  // The hint on hovering and clicking is for the screen: it is left out on paper.
  const note = h('p', { class: 'claims-note' },
    'One row per claim, in story order, then what only one source says. Each column is a source’s own wording: ',
    h('ins', { text: 'underlined' }), ' words differ from the row’s most common wording; an empty cell: the source does not report it; ⚠ conflicting details.',
    h('span', { class: 'claims-hint', text: ' Hover or focus a cell for its match; Enter or a click shows it in the columns.' }));
  const table = h('div', { class: 'claims-table', attrs: { role: 'table', 'aria-label': 'Claim table: each source’s wording of each claim', 'aria-describedby': 'claims-note' } });
  note.id = 'claims-note';
  const box = h('div', { class: 'claims-scroll', part: 'table' }, table);
  // On paper, when the sources print as cards (no head row), a list names each with its provenance.
  const sourcesList = h('ol', { class: 'claims-sources', attrs: { 'aria-hidden': 'true' } });
  const section = h('section', { class: 'claims', attrs: { 'aria-label': 'Claim table' } }, h('div', { class: 'claims-bar' }, note, count, actions), sourcesList, box);
  section.hidden = mode !== 'table';
  overview.hidden = mode === 'table';
  view._table = { section, table, box, overview, sw, count, sourcesList, model: null, rows: [], body: null, pos: 0, job: null, current: null, stale: false };
  if (mode === 'table') buildTable(view);
  return [sw, section];
}

/** Shows the columns or the table ('columns' | 'table'). */
export function setMode(view, mode) {
  const t = view._table;
  view._mode = mode === 'table' ? 'table' : 'columns';
  if (!t) return;
  const on = view._mode === 'table';
  t.section.hidden = !on;
  t.overview.hidden = on;
  for (const b of t.sw.querySelectorAll('.mode')) b.setAttribute('aria-pressed', b.dataset.mode === view._mode ? 'true' : 'false');
  if (on) {
    if (!t.model) buildTable(view);
    else if (t.stale) filterTable(view);
  }
}

// --- building the rows -------------------------------------------------------------------------------

/** Builds the table: its head and first rows now, the rest in slices. */
export function buildTable(view) {
  const t = view._table;
  const r = view._report;
  t.model = tableModel(view);
  const head = h('div', { class: 'trow thead', attrs: { role: 'row' } }, h('span', { class: 'tcell rowhead', text: 'Claim', attrs: { role: 'columnheader' } }));
  r.sources.forEach((_, s) => head.append(h('span', { class: 'tcell', attrs: { role: 'columnheader' } }, view._label(s), ...headMeta(view, s))));
  t.sourcesList.replaceChildren(...r.sources.map((_, s) => h('li', { text: sourceHeading(provenanceParts(view, s)) })));
  t.body = h('div', { class: 'tbody', attrs: { role: 'rowgroup' } });
  t.table.replaceChildren(h('div', { class: 'thead-group', attrs: { role: 'rowgroup' } }, head), t.body);
  t.table.setAttribute('aria-rowcount', String(t.model.length + 1));
  // Printed, more than three sources side by side would be a few words a line: cards instead.
  t.table.classList.toggle('many', r.sources.length > 3);
  t.table.onkeydown = (e) => onTableKey(view, e);
  t.table.onclick = (e) => onTableClick(view, e);
  t.table.onfocusin = (e) => setCurrent(view, e.target.closest?.('.trow[data-row], .tcell[data-col]'));
  t.rows = [];
  t.pos = 0;
  t.chunk = null;
  t.current = null;
  t.found = null;
  t.stale = false;
  const q = fold(view._query.trim());
  buildSome(view, FIRST_ROWS, q);
  if (t.pos >= t.model.length) return finish(view);
  const job = {};
  t.job = job;
  (async () => {
    for (;;) {
      await nextTask();
      if (t.job !== job || view._table !== t) return;
      const until = performance.now() + SLICE_MS;
      const q2 = fold(view._query.trim());
      while (t.pos < t.model.length && performance.now() < until) buildSome(view, 16, q2);
      countRows(view);
      if (t.pos >= t.model.length) return finish(view);
    }
  })();
}

/** Builds whatever is left of the table at once (an export, a jump to the end). */
export function finishTable(view) {
  const t = view._table;
  if (!t) return;
  if (!t.model) buildTable(view);
  if (t.pos < t.model.length) {
    buildSome(view, Infinity, fold(view._query.trim()));
    finish(view);
  }
}

function finish(view) {
  const t = view._table;
  t.job = null;
  t.table.removeAttribute('aria-busy');
  countRows(view);
}

function buildSome(view, max, q) {
  const t = view._table;
  const end = Math.min(t.model.length, t.pos + max);
  if (t.pos < end && t.pos > 0) t.table.setAttribute('aria-busy', 'true');
  for (; t.pos < end; t.pos++) {
    if (t.pos % CHUNK === 0) {
      if (t.chunk) sizeChunk(view, t.chunk);
      t.chunk = h('div', { class: 'tchunk' });
      t.chunk.rows = [];
      t.body.append(t.chunk);
    }
    const row = buildRow(view, t.pos, t.model[t.pos]);
    t.rows.push(row);
    t.chunk.rows.push(row);
    filterOne(view, row, q);
    if (!t.current && !row.node.hidden) setCurrent(view, row.node);
    t.chunk.append(row.node);
  }
  if (t.chunk) sizeChunk(view, t.chunk);
}

/**
 * Under a source's name in the table's head: its name when the head shows its outlet, and its
 * publication time (on screen and paper), and its address (on paper only: long, and a click away
 * in the column head on screen).
 */
function headMeta(view, s) {
  const { name, url, time } = provenanceParts(view, s);
  const out = [];
  const line = [name, time].filter(Boolean).join(' · ');
  if (line) out.push(h('span', { class: 'th-meta', text: line }));
  if (url) out.push(h('span', { class: 'th-meta th-url', text: url }));
  return out;
}

/** The node of row k of the model, and what the filters need of it. */
function buildRow(view, k, m) {
  const r = view._report;
  const n = r.sources.length;
  const node = h('div', { class: `trow${m.group === null ? ' only' : ''}`, attrs: { role: 'row', tabindex: '-1', 'aria-rowindex': String(k + 2) }, data: { row: k } });
  const head = h('span', { class: 'tcell rowhead', attrs: { role: 'rowheader' }, data: { col: 0 } });
  let conflicts = 0;
  const cells = [];
  const texts = [];
  const silent = [];
  for (let s = 0; s < n; s++) {
    const list = m.cells[s];
    const cell = h('span', { class: 'tcell', attrs: { role: 'cell', tabindex: '-1' }, data: { col: s + 1, source: s } });
    if (list.length === 0) {
      // Empty (read out as blank under its source's head): a long report has thousands of these,
      // and every element of them weighs on the filters' restyling.
      cell.classList.add('empty');
      silent.push(view._label(s));
    } else {
      cell.append(h('span', { class: 'cell-label', text: view._label(s), attrs: { 'aria-hidden': 'true' } }));
      cell.classList.add('filled');
      cell.dataset.sentence = String(list[0]);
      for (const j of list) {
        const info = cellInfo(view, m, s, j);
        const part = h('span', { class: 'cell-part', data: { sentence: j } });
        if (m.group !== null) {
          const kind = KIND_INFO[info.kind] ? info.kind : 'paraphrase';
          part.classList.add(`kind-${kind}`);
          if (info.isRef) part.classList.add('ref');
          part.append(h('span', { class: 'kind-icon', text: KIND_INFO[kind].icon, attrs: { 'aria-hidden': 'true' } }));
        }
        if (info.conflicts.length) part.append(h('span', { class: 'conflict-mark', text: '⚠', attrs: { 'aria-hidden': 'true' } }));
        const textEl = h('span', { class: 'cell-text' });
        part.append(textEl);
        if (info.conflicts.length) {
          conflicts += info.conflicts.length;
          part.append(h('ul', { class: 'cell-conflicts', attrs: { 'aria-label': 'Conflicting details' } }, ...info.conflicts.map((c) => h('li', { text: `⚠ ${conflictText(view, c)}` }))));
        }
        part.append(h('span', { class: 'cell-info', text: cellDetail(view, m, info) }));
        cell.append(part);
        cells.push({ el: textEl, info });
        texts.push(info.text);
      }
    }
    node.append(cell);
  }
  // The row's head: its number, how many sources carry it, its kind, its conflicts.
  head.append(h('span', { class: 'row-n', text: `${k + 1}` }));
  if (m.group === null) {
    head.append(h('span', { class: 'row-what', text: aloneWhat(view, m.only, m.ref[1]).head }));
  } else {
    const kind = KIND_INFO[m.kind] || KIND_INFO.paraphrase;
    head.append(h('span', { class: 'row-what', text: `${m.sources} of ${n} sources` }),
      h('span', { class: 'row-kind' }, h('span', { class: 'kind-icon', text: kind.icon, attrs: { 'aria-hidden': 'true' } }), kind.label));
  }
  if (m.first) head.append(h('span', { class: 'row-first', text: `First: ${view._label(m.first.source)}, ${m.first.time}`, attrs: { title: firstText(view, m.first, 'carrying') } }));
  // Each conflict is listed in both its cells (the two sentences of a match are in one row).
  if (conflicts) head.append(h('span', { class: 'row-conflicts', text: `⚠ ${plural(Math.max(1, Math.round(conflicts / 2)), 'conflict')}` }));
  if (silent.length && m.group !== null) head.append(h('span', { class: 'row-silent', text: `Not in ${silent.join(', ')}`, attrs: { 'aria-hidden': 'true' } }));
  node.prepend(head);
  const row = { node, model: m, cells, folded: null, texts, mark: null };
  // Its height, roughly, while the browser skips its block: the longest cell's lines.
  row.em = 1.2 + 1.45 * Math.max(2, ...texts.map((x) => Math.ceil(x.length / 34) + 1));
  return row;
}

function renderCells(row, q) {
  for (const { el, info } of row.cells) {
    el.replaceChildren();
    const runs = info.diff?.runs || [{ text: info.text, changed: false }];
    for (const run of runs) {
      if (run.changed) {
        const ins = h('ins', { attrs: { title: 'not in the row’s most common wording' } });
        fillText(ins, run.text, q);
        el.append(ins);
      } else fillText(el, run.text, q);
    }
  }
  row.mark = q;
}

function sizeChunk(view, chunk) {
  let em = 0;
  for (const row of chunk.rows) if (!row.node.hidden) em += row.em;
  chunk.hidden = em === 0;
  const filtered = view._minSupport > 0 || view._query.trim() !== '';
  chunk.style.containIntrinsicSize = `${filtered ? '' : 'auto '}${Math.max(1, Math.round(em))}em`;
}

// --- filters and search -------------------------------------------------------------------------------

/** Shows or hides one row as the filters say and marks its search hits; returns whether it shows. */
function filterOne(view, row, q) {
  let visible = !(view._minSupport > 0 && row.model.support < view._minSupport);
  if (visible && q) {
    row.folded ??= row.texts.map(fold).join('\u0000');
    visible = row.folded.includes(q);
  }
  row.node.hidden = !visible;
  const mark = visible ? q : '';
  if (row.mark !== mark && (visible || row.mark)) renderCells(row, mark);
  return visible;
}

/**
 * Applies the filters (minimum support, search) to the table, as applyFilters does to the
 * columns. A table not on show is only marked stale, and filtered when shown.
 */
export function filterTable(view) {
  const t = view._table;
  if (!t || !t.model) return;
  if (t.section.hidden) {
    t.stale = true;
    return;
  }
  t.stale = false;
  // The row Enter marked was a match of the search before: a new search starts from the top.
  t.found?.classList.remove('found');
  t.found = null;
  const q = fold(view._query.trim());
  // The rows near the top first, the rest in slices (a short query in a long report).
  const job = { pos: 0 };
  t.filtering = job;
  const step = (until) => {
    for (; job.pos < t.rows.length && (job.pos < 2 * FIRST_ROWS || performance.now() < until); job.pos++) filterOne(view, t.rows[job.pos], q);
    return job.pos >= t.rows.length;
  };
  const end = () => {
    let chunk = null;
    for (const row of t.rows) if (row.node.parentNode !== chunk) { chunk = row.node.parentNode; sizeChunk(view, chunk); }
    if (!t.current || t.current.hidden || t.current.closest('.trow')?.hidden) setCurrent(view, t.rows.find((x) => !x.node.hidden)?.node || null);
    countRows(view);
  };
  const done = () => {
    t.filtering = null;
    end();
  };
  // Enter's "match k of n" needs every row filtered: it finishes the job at once.
  job.finish = () => {
    step(Infinity);
    done();
  };
  if (step(0)) return done();
  (async () => {
    for (;;) {
      await nextTask();
      if (t.filtering !== job || view._table !== t) return;
      if (step(performance.now() + SLICE_MS)) return done();
    }
  })();
}

function countRows(view) {
  const t = view._table;
  const shown = t.rows.filter((x) => !x.node.hidden).length;
  const total = t.model.length;
  const building = t.pos < total;
  const groups = t.model.filter((x) => x.group !== null).length;
  const { apart } = verdicts(view);
  const notCompared = t.model.filter((x) => x.group === null && apart.has(x.only)).length;
  const alone = notCompared ? `${total - groups - notCompared} unique, ${notCompared} not compared (another language)` : `${total - groups} unique`;
  t.count.textContent = building
    ? `${plural(total, 'row')}: building…`
    : shown === total ? `${plural(groups, 'shared claim')}, ${alone}` : `showing ${shown} of ${plural(total, 'row')}`;
}

// --- keyboard and activation ------------------------------------------------------------------------------

/** The one place of the table in the tab order: a row or a cell (roving tabindex). */
function setCurrent(view, node) {
  const t = view._table;
  if (!node || node === t.current) return;
  if (t.current) t.current.tabIndex = -1;
  node.tabIndex = 0;
  t.current = node;
}

/**
 * Moves the table's found row (Enter in the search box) to the next (dir 1) or previous (-1) row
 * the filters show among those built, wrapping around: marked, made the table's tab stop and
 * scrolled into view, the keyboard focus left where it is. Returns [its place, of how many], or null.
 */
export function stepRow(view, dir) {
  const t = view._table;
  if (!t?.model) return null;
  // Counted over the whole table: rows still to be built or filtered are done first.
  if (t.pos < t.model.length) finishTable(view);
  t.filtering?.finish();
  const rows = visibleRows(view);
  if (rows.length === 0) return null;
  const cur = t.found ? rows.indexOf(t.found) : -1;
  const i = cur < 0 ? (dir > 0 ? 0 : rows.length - 1) : (cur + dir + rows.length) % rows.length;
  t.found?.classList.remove('found');
  t.found = rows[i];
  t.found.classList.add('found');
  setCurrent(view, t.found);
  t.found.scrollIntoView({ block: 'nearest' });
  return [i + 1, rows.length];
}

function visibleRows(view) {
  return view._table.rows.filter((x) => !x.node.hidden).map((x) => x.node);
}

function onTableKey(view, e) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const t = view._table;
  const target = e.composedPath()[0];
  const rowNode = target?.closest?.('.trow[data-row]');
  if (!rowNode) return;
  const cell = target.closest('.tcell[data-col]');
  const col = cell ? Number(cell.dataset.col) : -1;
  const go = (row, c = col) => {
    if (!row) return;
    const to = c < 0 ? row : row.querySelector(`.tcell[data-col="${c}"]`) || row;
    setCurrent(view, to);
    to.focus();
  };
  const n = view._report.sources.length;
  let handled = true;
  switch (e.key) {
    case 'ArrowDown': case 'ArrowUp': case 'PageDown': case 'PageUp': case 'Home': case 'End': {
      if ((e.key === 'End' || e.key === 'PageDown') && t.pos < t.model.length) finishTable(view);
      const rows = visibleRows(view);
      const i = rows.indexOf(rowNode);
      const to = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: Math.min(rows.length - 1, i + 10), PageUp: Math.max(0, i - 10), Home: 0, End: rows.length - 1 }[e.key];
      go(rows[to]);
      break;
    }
    case 'ArrowRight':
      go(rowNode, Math.min(n, col + 1 === 0 ? 1 : col + 1));
      break;
    case 'ArrowLeft':
      go(rowNode, col <= 1 ? -1 : col - 1);
      break;
    case 'Enter': case ' ':
      activate(view, rowNode, cell);
      break;
    default: handled = false;
  }
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}

function onTableClick(view, e) {
  const target = e.composedPath()[0];
  const rowNode = target?.closest?.('.trow[data-row]');
  if (!rowNode) return;
  if (String(document.getSelection?.() ?? '') !== '') return; // the reader is selecting text
  // A click whose press and release fell on two cells lands on the row: take the cell under it.
  const cell = target.closest('.tcell[data-col]') || view.shadowRoot.elementFromPoint?.(e.clientX, e.clientY)?.closest?.('.tcell[data-col]');
  activate(view, rowNode, cell && rowNode.contains(cell) ? cell : null);
}

/**
 * Shows a row's sentence in the columns, focused: the cell's sentence, or for the row (or its
 * head) the row's most common wording.
 */
function activate(view, rowNode, cell) {
  const m = view._table.model[Number(rowNode.dataset.row)];
  const part = cell?.querySelector('.cell-part');
  let ref = null;
  if (cell && cell.dataset.sentence !== undefined && part) ref = [Number(cell.dataset.source), Number(cell.dataset.sentence)];
  else if (cell && cell.dataset.col !== '0') return; // an empty cell: nothing to show
  else ref = m.ref;
  setMode(view, 'columns');
  selectRef(view, ref);
}
