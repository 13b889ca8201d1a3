// The claim table's exports (js/element/table.js builds the table): its rows as RFC 4180 CSV and
// as a Markdown table, each source headed with its provenance, and the table's part of the
// standalone HTML export (shown in full beside the columns, its controls and the visitor's marks
// gone). Kept apart from the table's rendering, filtering and keys: they share only the model.

import { h, plural } from '../dom.js';
import { conflictsOf } from './conflicts.js';
import { KIND_INFO, conflictLabel } from './labels.js';
import { aloneWhat, cellInfo, tableModel } from './table.js';
import { provenanceParts, sourceHeading } from './provenance.js';
import { csvField, mdEscape } from '../formats.js';

/** The rows as text: per row, its number, sources, kind, each source's wording and conflicts. */
function exportRows(view, { marked = null, sep = '\n' } = {}) {
  const r = view._report;
  const model = view._table?.model || tableModel(view);
  const head = ['#', 'Sources', 'Match', ...r.sources.map((_, s) => sourceHeading(provenanceParts(view, s))), 'Conflicts', 'First published'];
  const rows = model.map((m, k) => {
    const cells = r.sources.map((_, s) => m.cells[s].map((j) => {
      const info = cellInfo(view, m, s, j);
      return marked && info.diff ? info.diff.runs.map((run) => marked(run.text, run.changed)).join('') : (marked ? marked(info.text, false) : info.text);
    }).join(sep));
    const seen = new Set();
    const conflicts = [];
    m.cells.forEach((list, s) => list.forEach((j) => {
      for (const c of conflictsOf(view, s, j)) {
        const key = [c.kind, ...[[s, j, c.here], [c.other[0], c.other[1], c.there]].sort((x, y) => x[0] - y[0] || x[1] - y[1]).flat()].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        conflicts.push(`⚠ ${conflictLabel(c.kind)}: ${view._label(s)} “${c.here}”, ${view._label(c.other[0])} “${c.there}”`);
      }
    }));
    const match = m.group === null ? aloneWhat(view, m.only, m.ref[1]).match : (KIND_INFO[m.kind]?.label || m.kind);
    const first = m.first ? `${view._label(m.first.source)}, ${m.first.time}` : '';
    return [String(k + 1), String(m.sources), match, ...cells, conflicts.join('; '), first];
  });
  return [head, ...rows];
}

/** The claim table as CSV (RFC 4180: CRLF line ends, a header row). */
export function exportCSV(view) {
  if (!view._report) return '';
  return exportRows(view).map((row) => row.map((v) => csvField(v.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n'))).join(',')).join('\r\n') + '\r\n';
}

/** The claim table as a Markdown table (words differing from the row's wording in bold). */
export function exportMarkdown(view) {
  if (!view._report) return '';
  const bold = (text, changed) => {
    const e = mdEscape(text);
    if (!changed) return e;
    const m = e.match(/^(\s*)(.*?)(\s*)$/s);
    return m[2] ? `${m[1]}**${m[2]}**${m[3]}` : e;
  };
  const [head, ...rows] = exportRows(view, { marked: bold, sep: ' / ' });
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const r = view._report;
  return [
    '# Claim table',
    '',
    `${plural(r.sources.length, 'source')} compared by storydiff. One row per claim, in story order, then what only one source says; each source's own wording, **bold** where it differs from the row's most common wording; an empty cell: the source does not report it.`,
    '',
    line(head.map(mdEscape)),
    line(head.map(() => '---')),
    ...rows.map((row) => line(row.map((c, i) => (i >= 3 && i < 3 + r.sources.length ? c : mdEscape(c))))),
    '',
  ].join('\n');
}

/** In the HTML export's copy of the view: the table shown in full beside the columns, its controls gone. */
export function tableForExport(clone) {
  clone.querySelectorAll('.view-switch, .claims-actions, .claims-count').forEach((n) => n.remove());
  clone.querySelectorAll('.overview[hidden], .claims[hidden], .claims .tchunk[hidden], .claims .trow[hidden]').forEach((n) => n.removeAttribute('hidden'));
  // The search's mark (Enter in the search box) is the visitor's place on screen, not the report's.
  clone.querySelectorAll('.claims .found').forEach((n) => n.classList.remove('found'));
  const section = clone.querySelector('.claims');
  if (section) {
    section.prepend(h('h2', { text: 'Claim table' }));
    // The note as on screen, less its hint on hovering and clicking (a copy has neither).
    section.querySelector('.claims-note .claims-hint')?.remove();
  }
}
