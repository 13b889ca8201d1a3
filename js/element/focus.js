// The focused sentence: selecting it (outlined with its counterparts, scrolled into view, the
// `select` event) and the panel under the columns listing its counterparts per source, with word
// differences, conflicting details, quotations and, for a unique one, its closest sentence.

import { h, plural } from '../dom.js';
import { KIND_INFO, conflictLabel } from './labels.js';
import { counterpartsOf, kindOf, nearest } from './report-index.js';
import { firstLine } from './provenance.js';
import { verdicts } from './verdicts.js';
import { MAY_STATE_SAME, languageName, percent, verdictOf } from '../verdicts.js';

export function selectRef(view, ref, { focus = true, scroll = true, quiet = false } = {}) {
  if (!view._report) return;
  const same = ref && view._selected && ref[0] === view._selected[0] && ref[1] === view._selected[1];
  if (same && !quiet) {
    if (focus) view._node(...ref)?.focus({ preventScroll: true });
    return;
  }
  // A choice made while the report is still being built replaces the one the build would
  // restore when it finishes (see _finishRender).
  if (!quiet && view._job) view._job.selected = null;
  for (const n of view._board.querySelectorAll('.sentence.focused, .sentence.counterpart')) {
    n.classList.remove('focused', 'counterpart');
    if (n.getAttribute('role') === 'button') n.setAttribute('aria-pressed', 'false');
  }
  if (!ref) {
    view._selected = null;
    view._cpKeys = null;
    renderPanel(view);
    return;
  }
  // A sentence not built yet (a long report still being put on screen): build the rest now.
  if (!view._node(...ref) && view._job && !view._job.done) view._flush();
  const node = view._node(...ref);
  if (!node || node.getAttribute('role') !== 'button') return;
  view._selected = [...ref];
  node.classList.add('focused');
  node.setAttribute('aria-pressed', 'true');
  for (const row of view._rows[ref[0]]) if (row.button) row.node.tabIndex = row.node === node ? 0 : -1;
  const counterparts = counterpartsOf(view, ...ref);
  // Counterparts built later are marked as they are built (buildRows).
  view._cpKeys = new Set(counterparts.flat().map((c) => `${c.ref[0]}:${c.ref[1]}`));
  const nodes = []; // per other column, the closest counterpart: it is scrolled into view
  counterparts.forEach((list, k) => {
    let best = null;
    let bestScore = -1;
    for (const c of list) {
      const cn = view._node(...c.ref);
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
  renderPanel(view, counterparts);
  if (focus && view.shadowRoot.activeElement !== node) node.focus({ preventScroll: true });
  if (scroll && view._isNarrow()) {
    // Phone width: the panel is a bottom sheet, so bring the sentence to the top of the screen.
    node.scrollIntoView({ block: 'start', inline: 'nearest' });
  } else if (scroll) {
    scrollInto(view, node);
    for (const cn of nodes) scrollInto(view, cn, false);
  }
  if (!quiet) {
    const s = view._report.sources[ref[0]].sentences[ref[1]];
    const near = s.support === 0 ? nearest(view, s) : null;
    view._emit('select', {
      source: ref[0],
      sentence: ref[1],
      text: s.text,
      support: s.support,
      kind: s.support > 0 ? kindOf(view, ...ref) : null,
      counterparts: counterparts.flat().map((c) => ({
        source: c.ref[0],
        sentence: c.ref[1],
        text: view._report.sources[c.ref[0]].sentences[c.ref[1]].text,
        kind: c.match ? c.match.kind : c.groupKind,
        score: c.match ? c.match.score : null,
        direct: !!c.match,
      })),
      nearest: near ? { source: near.ref[0], sentence: near.ref[1], text: near.text, score: near.score } : null,
    });
  }
}

/** The focus panel's words for sentence `sent` with verdict `verdict` (see verdictOf). */
function howOf(view, sent, verdict, apart) {
  switch (verdict) {
    case 'speaker':
      return 'a speaker label (not compared)';
    case 'shared':
      return `shared with ${plural(sent.support, 'other source')}`;
    case 'unmatched':
      return 'not matched (every match kind is switched off)';
    case 'other-language':
      return `not compared (written in ${languageName(apart.lang)}, compared only with sources in the same language)`;
    case 'doubtful':
      return `unique to this source? (${view._label(sent.nearest.source)} ${MAY_STATE_SAME})`;
    default:
      return 'unique to this source';
  }
}

/** Scrolls `node` into view inside its column (and the column into view on the board). */
export function scrollInto(view, node, horizontal = true) {
  const col = node.closest('.sentences');
  if (col && col.scrollHeight > col.clientHeight + 1) {
    const c = col.getBoundingClientRect();
    const n = node.getBoundingClientRect();
    if (n.top < c.top + 4 || n.bottom > c.bottom - 4) {
      col.scrollTop += n.top - c.top - Math.max(8, (c.height - n.height) / 3);
    }
  }
  const board = view._board;
  if (horizontal && board.scrollWidth > board.clientWidth + 1) {
    const b = board.getBoundingClientRect();
    const n = (col || node).getBoundingClientRect();
    if (n.left < b.left || n.right > b.right) board.scrollLeft += n.left - b.left - 8;
  }
}

export function renderPanel(view, counterparts) {
  const panel = view._panel;
  if (!panel) return;
  const sel = view._selected;
  if (!sel) {
    view._cards = null;
    panel.replaceChildren(h('p', { class: 'panel-hint' },
      'Select a sentence (click it, or Tab to a column and use ↑ ↓) to see its counterparts in the other sources. ',
      'Keys: ← → other sources · n / Shift+N next / previous shared · u / Shift+U next / previous unique · / find · Esc close.'));
    return;
  }
  const r = view._report;
  const [s, j] = sel;
  const sent = r.sources[s].sentences[j];
  const cps = counterparts || counterpartsOf(view, s, j);
  const off = view._kinds.length === 0;
  const near = sent.support === 0 && !off ? nearest(view, sent) : null;
  const apart = verdicts(view).apart.get(s);
  const how = howOf(view, sent, verdictOf(sent, { apart: !!apart, matched: !off }), apart);
  const title = h('h2', { attrs: { id: 'panel-title', tabindex: '-1' }, text: `${view._label(s)}, sentence ${j + 1}: ${how}` });
  const close = h('button', { class: 'close', text: 'Close ✕', attrs: { type: 'button', 'aria-label': 'Close the focus panel' }, on: { click: () => {
    const node = view._node(...sel);
    selectRef(view, null);
    focusQuietly(view, node);
  } } });
  const cards = h('div', { class: 'cards' });
  r.sources.forEach((src, k) => {
    const card = h('section', { class: 'card', part: 'card', data: { source: k }, attrs: { 'aria-label': view._label(k) } });
    card.append(h('h3', { text: view._label(k) }));
    if (k === s) {
      card.classList.add('self');
      card.append(h('p', { class: 'focused-text', text: sent.text }));
      const kind = sent.support > 0 ? kindOf(view, s, j) : null;
      card.append(h('p', { class: 'none', text: kind ? `Focused. Closest match: ${KIND_INFO[kind].long}.` : off ? 'Focused. Matching is switched off in the filters.' : 'Focused. No other source reports this.' }));
      const first = firstLine(view, s, j, cps);
      if (first) card.append(first);
      const qs = view._idx.quotesAt.get(`${s}:${j}`) || [];
      if (qs.length) {
        const ul = h('ul', { class: 'quotes-here', attrs: { 'aria-label': 'Quotations in this sentence' } });
        for (const qi of qs) {
          const q = r.quotes[qi];
          ul.append(h('li', { text: `${q.speaker || 'Unattributed'}: “${q.text}” (in ${plural(view._idx.carriers[qi].length, 'source')})` }));
        }
        card.append(ul);
      }
    } else {
      const list = cps[k];
      if (list.length === 0) {
        card.append(h('p', { class: 'none', text: off ? 'Not matched: matching is switched off.' : 'Not reported in this source.' }));
        // A unique sentence's closest sentence elsewhere (too far to match) shows in its card.
        if (near && near.ref[0] === k) card.append(nearestItem(view, near));
        else card.classList.add('empty-card');
      }
      for (const c of list) card.append(counterpartItem(view, s, j, c));
    }
    cards.append(card);
  });
  const key = h('p', { class: 'diff-key' }, 'In the counterparts, ', h('ins', { text: 'underlined' }), ' words are only in that source and ', h('del', { text: 'struck' }), ' words only in the focused sentence; ⚠ marks details stated differently.');
  panel.replaceChildren(h('div', { class: 'panel-body' }, h('div', { class: 'panel-head' }, title, close), cards, key));
  view._cards = cards;
  cards.scrollLeft = view._board.scrollLeft;
}

/** "Closest in other sources": the sentence nearest to a unique one, its score and a way to it. */
export function nearestItem(view, near) {
  const [k] = near.ref;
  const box = h('div', { class: 'nearest', attrs: { role: 'group', 'aria-labelledby': 'nearest-title' } });
  box.append(h('p', { class: 'nearest-title', text: 'Closest in other sources:', attrs: { id: 'nearest-title' } }));
  box.append(h('p', { class: 'match-line' },
    h('span', { class: 'nearest-source', text: view._label(k) }),
    h('span', { class: 'score', text: `score ${percent(near.score)}`, attrs: { title: 'How likely the two state the same claim: too low to count as a match' } }),
    h('button', { class: 'go', text: 'Go to', attrs: { type: 'button', 'aria-label': `Go to the closest sentence, in ${view._label(k)}` }, on: { click: () => selectRef(view, near.ref) } })));
  box.append(h('p', { class: 'nearest-text', text: near.text }));
  return box;
}

export function counterpartItem(view, s, j, c) {
  const r = view._report;
  const other = r.sources[c.ref[0]].sentences[c.ref[1]];
  const item = h('div', { class: 'counterpart-item', data: { source: c.ref[0], sentence: c.ref[1] } });
  const line = h('p', { class: 'match-line' });
  if (c.match) {
    const k = c.match.kind;
    line.append(h('span', { class: `kind-badge kind-${k}` }, h('span', { class: 'kind-icon', text: KIND_INFO[k].icon, attrs: { 'aria-hidden': 'true' } }), KIND_INFO[k].label));
    line.append(h('span', { class: 'score', text: `score ${percent(c.match.score)}` }));
  } else {
    line.append(h('span', { class: 'kind-badge kind-group', text: 'same group' }));
    line.append(h('span', { class: 'score', text: 'linked through other sources' }));
  }
  line.append(h('button', { class: 'go', text: 'Go to', attrs: { type: 'button', 'aria-label': `Go to this sentence in ${view._label(c.ref[0])}` }, on: { click: () => selectRef(view, c.ref) } }));
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
export function focusQuietly(view, node) {
  if (!node) return;
  view._quiet = true;
  try {
    node.focus({ preventScroll: true });
  } finally {
    view._quiet = false;
  }
}
