// The styles of the claim table (js/element/table.js), the Columns / Table switch and the ⚠ marks
// of conflicting details (js/element/conflicts.js); part of the element's stylesheet
// (js/element-style.js), so the HTML export carries them too.

/**
 * The claim table as one card per row (its head, then each source that reports it, under the
 * source's name): on a narrow screen, and on paper when there are many sources. `scope` goes
 * before each selector.
 */
function cards(scope = '') {
  return String.raw`
  /* One card per row: its head, then each source that reports it, under the source's name. */
  ${scope}.thead-group {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  ${scope}.trow { display: block; margin: 0 0 0.5rem; background: var(--_paper); border: 1px solid var(--_line); border-radius: 8px; }
  ${scope}.tcell { border-left: 0; padding: 0.3rem 0.55rem; }
  ${scope}.tcell:not(.rowhead) { display: block; }
  ${scope}.tcell.rowhead { flex-direction: row; flex-wrap: wrap; gap: 0.1rem 0.6rem; border-radius: 8px 8px 0 0; border-bottom: 1px solid var(--_line); }
  ${scope}.row-silent { display: block; flex-basis: 100%; }
  ${scope}.tcell.empty { display: none; }
  ${scope}.cell-label { display: block; font-size: var(--_small); font-weight: 700; color: var(--_accent); text-transform: uppercase; letter-spacing: 0.04em; }`;
}

export const TABLE_STYLE = String.raw`
/* Columns / Table */
.view-switch { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; margin: 0 0 0.45rem; }
.view-switch-label { font-size: var(--_small); font-weight: 700; color: var(--_muted); margin-right: 0.15rem; }
.view-switch .mode { padding: 0.2rem 0.9rem; }
.view-switch .mode[aria-pressed="true"] { background: var(--_ink); border-color: var(--_ink); color: var(--_paper); font-weight: 700; }

/* Conflicting details in the columns */
.conflict-mark { display: inline-block; margin-right: 0.25rem; font-weight: 700; color: #7a4b00; }
.sentence.has-conflict { box-shadow: inset 0 -2px 0 #c9a100; }
.stat-conflicts { color: #6b4700; font-weight: 700; }
.stat-conflicts.none { color: var(--_muted); font-weight: 400; }

/* Quotations: the toggle that shows those only one source carries */
.quotes-more { margin: 0 0 0.8rem; }

/* The claim table */
.claims { display: flex; flex-direction: column; gap: 0.4rem; }
.claims-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; }
.claims-note { flex: 1 1 28rem; margin: 0; font-size: var(--_small); color: var(--_muted); }
.claims-note ins { text-decoration: underline 2px solid #0b5a94; background: var(--_ins); color: var(--_ink); }
.claims-count { font-size: var(--_small); font-weight: 700; }
.claims-actions { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.claims-actions button { font-size: var(--_small); }
.claims-scroll { max-height: var(--_height); overflow: auto; background: var(--_paper); border: 1px solid var(--_line); border-radius: 8px; overscroll-behavior: contain; }
.claims-table { min-width: calc(9rem + var(--n, 2) * 13rem); }
.trow { display: grid; grid-template-columns: 9rem repeat(var(--n, 2), minmax(13rem, 1fr)); border-bottom: 1px solid var(--_line); }
.thead-group { position: sticky; top: 0; z-index: 4; }
.trow.thead { background: #efeee9; border-bottom: 2px solid var(--_muted); }
.trow.thead .tcell { font-size: var(--_small); font-weight: 700; color: var(--_accent); text-transform: uppercase; letter-spacing: 0.05em; overflow-wrap: anywhere; }
.tchunk { content-visibility: auto; contain-intrinsic-size: auto 300em; }
.tcell { min-width: 0; padding: 0.35rem 0.5rem; border-left: 1px solid var(--_line); overflow-wrap: anywhere; white-space: pre-wrap; }
.tcell.rowhead { border-left: 0; background: #f7f6f2; font-size: var(--_small); white-space: normal; display: flex; flex-direction: column; gap: 0.1rem; }
.trow.thead .tcell.rowhead { background: #efeee9; }
.row-n { font-weight: 700; font-variant-numeric: tabular-nums; }
.row-what { color: var(--_ink); }
.row-kind { color: var(--_muted); }
.row-conflicts { color: #6b4700; font-weight: 700; }
.row-first { color: var(--_muted); }
.th-meta { display: block; font-weight: 400; text-transform: none; letter-spacing: 0; color: var(--_muted); }
.th-url, .claims-sources { display: none; }
.trow.found { outline: 3px solid var(--_accent); outline-offset: -3px; }
.row-silent { display: none; color: var(--_muted); font-style: italic; }
.trow .tcell.filled { cursor: pointer; background: var(--_l1); }
.trow.only .tcell.filled { background: var(--_unique-bg); box-shadow: inset 3px 0 0 var(--_unique); }
.tcell.empty { background: repeating-linear-gradient(135deg, #f6f5f1 0 6px, #fbfaf8 6px 12px); }
.cell-part { display: block; }
.cell-part + .cell-part { margin-top: 0.35rem; padding-top: 0.35rem; border-top: 1px dashed var(--_line); }
.cell-label { display: none; }
.tcell ins { text-decoration: underline 2px solid #0b5a94; text-underline-offset: 2px; background: var(--_ins); }
.tcell mark { background: #ffe066; color: inherit; border-radius: 2px; box-shadow: 0 0 0 1px #b38f00; }
.cell-conflicts { margin: 0.2rem 0 0; padding: 0; list-style: none; white-space: normal; }
.cell-conflicts li { margin: 0.1rem 0; padding: 0.1rem 0.35rem; border-radius: 3px; background: #fff4cc; border: 1px solid #c9a100; font-size: var(--_small); }
/* A cell's match: read out always; shown as a tip on hover, and in place while the keyboard focus
   is on its row or on it (:focus-visible: a click's focus moving the cells would move the click). */
.cell-info {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
/* Positioned only while hovered: thousands of positioned cells would weigh on every layout. */
.tcell.filled:hover { position: relative; }
.tcell.filled:hover .cell-info {
  clip: auto; width: max-content; max-width: 18rem; height: auto; margin: 0; overflow: visible; white-space: normal;
  left: 0.3rem; top: calc(100% - 0.3rem); z-index: 6; padding: 0.25rem 0.45rem; font-size: var(--_small); font-weight: 400;
  background: var(--_ink); color: var(--_paper); border-radius: 4px; box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
}
.trow:focus-visible .cell-info, .tcell:focus-visible .cell-info {
  position: static; display: block; clip: auto; width: auto; height: auto; margin: 0.25rem 0 0; overflow: visible; white-space: normal;
  padding: 0.1rem 0.35rem; font-size: var(--_small); font-weight: 400; color: var(--_ink); background: #efeee9; border-radius: 3px; box-shadow: none;
}
.trow:focus, .tcell:focus { outline: 3px solid var(--_focus); outline-offset: -3px; }
.trow:focus-within { background: #fffbea; }

@container (max-width: 40rem) {
  .view-switch { margin-bottom: 0.3rem; }
  .claims-note { flex-basis: 100%; }
  .claims-scroll { max-height: none; overflow: visible; border: 0; background: none; }
  .claims-table { min-width: 0; }
${cards()}
  /* Positioned only while hovered: thousands of positioned cells would weigh on every layout. */
.tcell.filled:hover { position: relative; }
.tcell.filled:hover .cell-info { max-width: 16rem; }
}

/* Print and save as PDF: every row, nothing cut, no controls. Up to three sources side by side;
   more would leave each a few words a line, so then one card per claim, as on a phone. */
@media print {
  .view-switch, .claims-actions, .claims-hint { display: none !important; }
  .th-url { display: block; }
  .claims-table.many .th-url { display: none; }
  .claims:has(.claims-table.many) .claims-sources { display: block; margin: 0.3rem 0 0.6rem; padding-left: 1.4rem; font-size: var(--_small); overflow-wrap: anywhere; }
  .claims-scroll { max-height: none; overflow: visible; border: 0; }
  .claims-table { min-width: 0; }
  .thead-group { position: static; }
  .trow { grid-template-columns: 6rem repeat(var(--n, 2), minmax(0, 1fr)); break-inside: avoid; }
  .tchunk { content-visibility: visible; contain-intrinsic-size: none; }
${cards('.claims-table.many ')}
}
`;
