// The columns: one per source, its head (outlet, name, headline, byline, counts, the spans removed
// and put back) and its sentences, shaded by how many other sources share them. Rows are built a
// batch at a time (see slices.js); a long column in blocks the browser lays out only near the screen.

import { h, plural } from '../dom.js';
import { conflictStat, markConflict } from './conflicts.js';
import { filterRow } from './filters.js';
import { KIND_INFO, REASONS } from './labels.js';
import { kindOf } from './report-index.js';
import { CHUNK, LONG_LIST } from './slices.js';
import { selectRef } from './focus.js';
import { toOriginal } from './sources.js';
import { fold, nameBeside } from './text.js';
import { level } from './toolbar.js';
import { addHeadNotices, markApart, verdicts } from './verdicts.js';
import { timeOf } from '../provenance.js';
import { MAY_STATE_SAME, doubtWords, verdictOf } from '../verdicts.js';

/**
 * The board that holds the columns side by side: a click on a sentence, or the keyboard focus
 * reaching one, selects it.
 */
export function renderBoard(view) {
  const board = h('div', { class: 'board', part: 'board', attrs: { role: 'region', 'aria-label': 'Sources side by side' } });
  view._board = board;
  board.addEventListener('scroll', () => {
    // The panel's cards sit under their columns (except at phone width): keep them aligned.
    if (view._cards && !view._isNarrow()) view._cards.scrollLeft = view._board.scrollLeft;
  }, { passive: true });
  board.addEventListener('focusin', (e) => {
    if (view._quiet) return;
    const node = e.target.closest?.('.sentence[data-sentence]');
    if (node && node.getAttribute('role') === 'button') selectRef(view, [Number(node.dataset.source), Number(node.dataset.sentence)], { focus: false });
  });
  board.addEventListener('click', (e) => {
    const node = e.target.closest?.('.sentence[data-sentence]');
    if (node && node.getAttribute('role') === 'button') {
      if (view.shadowRoot.activeElement !== node) node.focus({ preventScroll: true });
      selectRef(view, [Number(node.dataset.source), Number(node.dataset.sentence)], { focus: false });
    }
  });
  return board;
}

/** The column of source `i`: its head and an empty list of sentences, filled by buildRows. */
export function renderColumn(view, i) {
  const r = view._report;
  const source = r.sources[i];
  const headId = `col-${i}-title`;
  const label = view._label(i);
  const head = h('header', { class: 'column-head', part: 'column-head', data: { source: i } });
  // The outlet and the source's name (which the page lets the reader change), never cut; under
  // the headline and byline, a "more" button when either is cut short.
  const top = h('div', { class: 'head-top' }, h('p', { class: source.outlet ? 'outlet' : 'outlet name-only', text: label }));
  if (nameBeside(source)) top.append(h('p', { class: 'name', text: source.name }));
  const more = h('button', { class: 'expand', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': `col-${i}-info` } },
    h('span', { class: 'expand-text', text: 'more' }), h('span', { class: 'sr-only', text: `: the full headline and byline of ${label}` }), h('span', { class: 'chevron', text: ' ▾', attrs: { 'aria-hidden': 'true' } }));
  more.hidden = !!view._headSizes; // shown once it is known that something is cut (checkHeads)
  more.addEventListener('click', () => toggleHead(view, head));
  head.append(top);
  const info = h('div', { class: 'head-info', attrs: { id: `col-${i}-info` } });
  info.append(h('h3', { class: source.title ? 'title' : 'title missing', text: source.title || '(no headline found)', attrs: { id: headId, title: source.title || null } }));
  const meta = h('p', { class: 'meta' });
  const when = timeOf(source)?.text;
  meta.append(h('span', { class: when ? null : 'missing', text: when || 'no date' }));
  meta.append(h('span', { class: source.authors.length ? null : 'missing', text: source.authors.length ? `By ${source.authors.join(', ')}` : 'no byline' }));
  if (source.url) meta.append(h('span', { class: 'url', text: source.url }));
  info.append(meta);
  // A click on a cut headline or byline shows it in full, as the button does.
  info.addEventListener('click', () => {
    if (String(document.getSelection?.() ?? '') !== '') return; // the reader is selecting text
    if (head.classList.contains('clipped') || head.classList.contains('expanded')) toggleHead(view, head);
  });
  head.append(info);
  const counted = source.sentences.filter((x) => x.role !== 'speaker');
  const shared = counted.filter((x) => x.support > 0).length;
  const stats = h('p', { class: 'stats' }, h('span', { text: plural(counted.length, 'sentence') }));
  if (view._kinds.length === 0) stats.append(h('span', { class: 'stat-off', text: 'not matched (every match kind is off)' }));
  else stats.append(h('span', { class: 'stat-shared', text: `${shared} shared` }), h('span', { class: 'stat-unique', text: `${counted.length - shared} unique` }));
  const conflicts = conflictStat(view, i);
  if (conflicts) stats.append(conflicts);
  stats.append(more);
  head.append(stats);
  addHeadNotices(view, i, head);
  head.append(renderRemoved(view, i));
  if (view._expanded.has(i)) toggleHead(view, head, true);
  view._headSizes?.observe(info.firstChild);
  view._headSizes?.observe(meta);

  const body = h('div', { class: 'sentences', part: 'sentences', data: { source: i }, attrs: { role: 'group', 'aria-labelledby': headId } });
  // Its rows: the sentences, with restored spans the engine removed again shown in place (not
  // compared). Built by buildRows.
  const items = [];
  const extra = [...view._idx.notCompared[i]].sort((a, b) => a.start - b.start);
  let e = 0;
  source.sentences.forEach((s, j) => {
    while (e < extra.length && extra[e].start <= s.start) items.push({ place: extra[e++] });
    items.push({ j });
  });
  while (e < extra.length) items.push({ place: extra[e++] });
  // A long column lays out only the rows near the screen.
  if (items.length > LONG_LIST) body.classList.add('long');
  if (source.sentences.length === 0) {
    const blank = !view._sent.includes(i);
    body.append(h('p', { class: 'empty-col', text: blank ? 'This article is empty: there is nothing to compare.' : 'No article text was found in this source.' }));
  }
  view._board.append(head, body);
  return { items, pos: 0, body, chunk: null, chunks: [], stop: false };
}

/** Builds up to `max` more rows of column `i`, shown or hidden as the filters say. */
export function buildRows(view, i, max) {
  const col = view._cols[i];
  const end = Math.min(col.items.length, col.pos + max);
  if (col.pos >= end) return;
  const source = view._report.sources[i];
  const others = view._report.sources.length - 1;
  const q = fold(view._query.trim());
  const long = col.items.length > LONG_LIST;
  let frag = document.createDocumentFragment();
  for (; col.pos < end; col.pos++) {
    // A long column is built in blocks of CHUNK rows. The browser lays out only the blocks
    // near the screen (content-visibility: auto), sizing the others from an estimate until it
    // has seen them; and a block added leaves the others' layout alone.
    if (long && col.pos % CHUNK === 0) {
      if (col.chunk) fillChunk(view, col.chunk, frag);
      frag = document.createDocumentFragment();
      col.chunk = h('div', { class: 'chunk' });
      col.chunk.rows = [];
      col.chunks.push(col.chunk);
      col.body.append(col.chunk);
    }
    const item = col.items[col.pos];
    const row = item.place ? notComparedRow(view, i, item.place) : sentenceRow(view, i, item.j, source.sentences[item.j], others);
    const { node } = row;
    if (!item.place) {
      view._nodes[i][item.j] = node;
      if (view._cpKeys?.has(`${i}:${item.j}`)) node.classList.add('counterpart');
    }
    view._rows[i].push(row);
    const visible = filterRow(view, row, q);
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
  if (long) fillChunk(view, col.chunk, frag);
  else col.body.append(frag);
}

export function fillChunk(view, chunk, frag) {
  chunk.append(frag);
  sizeChunk(view, chunk);
}

/**
 * Gives a block of a long column the height it has while the browser skips it (off screen): the
 * estimate of the rows the filters show; the block is hidden when they show none. Unfiltered,
 * the browser remembers the height it found once it has laid the block out ("auto"); while
 * filters hide rows that height would be stale, so the estimate is used alone.
 */
export function sizeChunk(view, chunk) {
  let em = 0;
  for (const row of chunk.rows) if (!row.node.hidden) em += row.em;
  chunk.hidden = em === 0;
  const filtered = view._minSupport > 0 || view._query.trim() !== '';
  chunk.style.containIntrinsicSize = `${filtered ? '' : 'auto '}${Math.max(1, Math.round(em))}em`;
}

/** Shows a column head's headline and byline in full (or cut to two lines again). */
export function toggleHead(view, head, open = !head.classList.contains('expanded')) {
  const i = Number(head.dataset.source);
  head.classList.toggle('expanded', open);
  if (open) view._expanded.add(i);
  else view._expanded.delete(i);
  const more = head.querySelector('.expand');
  more.setAttribute('aria-expanded', open ? 'true' : 'false');
  more.querySelector('.expand-text').textContent = open ? 'less' : 'more';
  more.querySelector('.chevron').textContent = open ? ' ▴' : ' ▾';
  checkHeads(view, [head]);
}

/**
 * Marks the column heads whose headline or byline is cut short, and shows their buttons if so.
 * All are measured before any is changed: a change between two measurements would make the
 * browser lay the board out again for the next one.
 */
export function checkHeads(view, heads) {
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

export function renderRemoved(view, i) {
  const r = view._report;
  const input = view._inputs[i];
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
      h('button', { text: 'Remove again', attrs: { type: 'button', 'aria-label': `Remove again: ${p.text.slice(0, 60)}` }, on: { click: () => view.unrestoreSpan(i, p.origStart, p.origEnd) } })));
  }
  for (const x of removed) {
    const [label, why] = REASONS[x.reason] || [x.reason, ''];
    list.append(h('li', { data: { reason: x.reason } },
      h('span', { class: 'reason', text: label, attrs: { title: why || null } }),
      h('span', { class: 'removed-text', text: x.text }),
      h('button', { class: 'put-back', text: 'Put back', attrs: { type: 'button', 'aria-label': `Put back (${label}): ${x.text.slice(0, 60)}` }, on: { click: () => view.restoreSpan(i, x.start, x.end) } })));
  }
  details.append(list);
  if (count === 0 && restored.length === 0) details.hidden = true;
  return details;
}

/**
 * A row of a column: its node, and what the filters need of it (see filterRow), taken from the
 * report rather than read back from the node.
 */
export function makeRow(view, node, { text, support, speaker, button }) {
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

/**
 * What the row of a column item shows and the filters read, from the report: `{ text, support,
 * speaker, button }` of sentence `s`, or of the span `place` the reader put back (`s` null).
 */
export function rowFacts(s, place) {
  if (!s) return { text: place.text.trim(), support: 0, speaker: false, button: false };
  const speaker = s.role === 'speaker';
  return { text: s.text, support: s.support, speaker, button: !speaker };
}

/** The row of a span the reader put back that the engine did not compare. */
export function notComparedRow(view, i, place) {
  const node = h('p', { class: 'sentence not-compared', data: { source: i, restored: '' }, attrs: { title: 'Put back by you; the engine still reads it as page chrome, so it is shown but not compared' } });
  node.append(h('span', { class: 'badge-restored', text: 'put back' }), h('span', { class: 'sr-only', text: 'Not compared. ' }));
  const facts = rowFacts(null, place);
  node.dataset.text = facts.text;
  return makeRow(view, node, facts);
}

/** The row of sentence `j` (`s`) of source `i`. */
export function sentenceRow(view, i, j, s, others) {
  const classes = ['sentence', `role-${s.role}`];
  const key = `${i}:${j}`;
  const restored = view._idx.restoredSentences.has(key);
  const node = h('p', { data: { source: i, sentence: j, support: s.support } });
  node.dataset.text = s.text;
  if (s.group !== null) node.dataset.group = String(s.group);
  const verdict = verdictOf(s, { apart: !!verdicts(view).apart.get(i), matched: view._kinds.length > 0 });
  if (verdict === 'speaker') {
    node.title = 'Speaker label (not compared)';
  } else {
    node.setAttribute('role', 'button');
    node.setAttribute('aria-pressed', 'false');
    node.tabIndex = -1;
  }
  if (verdict === 'shared') {
    const kind = kindOf(view, i, j) || 'paraphrase';
    classes.push('shared', `level-${level(s.support, others)}`, `kind-${kind}`);
    node.dataset.kind = kind;
    node.append(h('span', { class: 'kind-icon', text: KIND_INFO[kind].icon, attrs: { 'aria-hidden': 'true' } }));
    node.append(h('span', { class: 'sr-only', text: `Shared with ${plural(s.support, 'other source')}, ${KIND_INFO[kind].label}: ` }));
    node.title = `Shared with ${plural(s.support, 'other source')} (${KIND_INFO[kind].long})`;
    if (markConflict(view, node, i, j)) classes.push('has-conflict');
  } else if (verdict === 'unmatched') {
    // Every match kind is off: nothing was matched, so nothing is known to be unique.
    classes.push('unmatched');
    node.title = 'Not matched: every match kind is switched off in the filters';
  } else if (verdict === 'other-language') {
    // In another language than the rest: compared only with its own language, not unique.
    markApart(view, i, node, classes);
  } else if (verdict === 'doubtful') {
    // The matcher found no counterpart, but a sentence of another source comes close: the
    // verdict is marked as one to check (the focus panel shows that sentence).
    classes.push('unique', 'doubtful');
    const other = view._label(s.nearest.source);
    const words = doubtWords(view._label(i), other, s.nearest.score);
    node.append(h('span', { class: 'badge-unique', text: words.status }), h('span', { class: 'sr-only', text: `, but ${other} ${MAY_STATE_SAME}: ` }));
    node.title = words.detail;
  } else if (verdict === 'unique') {
    classes.push('unique');
    node.append(h('span', { class: 'badge-unique', text: 'unique' }), h('span', { class: 'sr-only', text: ': ' }));
    node.title = 'Only in this source';
  }
  if (restored) {
    classes.push('restored');
    node.append(h('span', { class: 'badge-restored', text: 'put back' }));
  }
  node.className = classes.join(' ');
  node.setAttribute('part', 'sentence');
  return makeRow(view, node, rowFacts(s));
}
