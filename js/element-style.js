// The styles of <story-diff> (js/element.js), as a string: adopted as a constructed stylesheet in
// the element's shadow root (allowed under a strict style-src CSP), and written into the standalone
// HTML export.
//
// Type: two sizes (the text's, --_size, and --_small), two weights (400 and 700) and, for a few
// kinds of text, italic. Each size, weight and style a browser meets for the first time costs it
// a font lookup: in Chromium on Linux about a millisecond each, 40% of the first layout of the
// seeds when the page and the view used 29 of them. With this scale they use 9.
//
// Colours: sequential blues (ColorBrewer "Blues") for how widely a sentence is shared and
// Okabe-Ito orange/vermillion for unique text and differences, both safe for colour-blind
// readers; match kinds are also told apart by border style and an icon (= ≈ ∼), unique sentences
// by a dashed border and a "unique" badge, differences by underline and strike-through.
//
// Public custom properties (set them on story-diff or an ancestor; PROPERTIES lists them):
//   --storydiff-font, --storydiff-font-size, --storydiff-ink, --storydiff-muted, --storydiff-paper,
//   --storydiff-bg, --storydiff-line, --storydiff-accent, --storydiff-focus,
//   --storydiff-level-1 … --storydiff-level-4, --storydiff-unique, --storydiff-unique-bg,
//   --storydiff-insert-bg, --storydiff-delete, --storydiff-height, --storydiff-column-min

import { TABLE_STYLE } from './element/table-style.js';

export const PROPERTIES = [
  'font', 'font-size', 'ink', 'muted', 'paper', 'bg', 'line', 'accent', 'focus',
  'level-1', 'level-2', 'level-3', 'level-4', 'unique', 'unique-bg', 'insert-bg', 'delete', 'height', 'column-min',
].map((p) => `--storydiff-${p}`);

// The defaults of the properties a page around the element uses too (the export's page below).
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
const INK = '#1f2328';
const MUTED = '#56606b';
const BG = '#f4f3ef';

export const STYLE = String.raw`
:host {
  --_font: var(--storydiff-font, ${FONT});
  --_size: var(--storydiff-font-size, 0.9rem);
  --_small: calc(var(--_size) * 0.84);
  --_ink: var(--storydiff-ink, ${INK});
  --_muted: var(--storydiff-muted, ${MUTED});
  --_paper: var(--storydiff-paper, #ffffff);
  --_bg: var(--storydiff-bg, ${BG});
  --_line: var(--storydiff-line, #d6d3ca);
  --_accent: var(--storydiff-accent, #9c4a0c);
  --_focus: var(--storydiff-focus, #1d1d1f);
  --_l1: var(--storydiff-level-1, #edf4fb);
  --_l2: var(--storydiff-level-2, #d9e8f6);
  --_l3: var(--storydiff-level-3, #bcd7f0);
  --_l4: var(--storydiff-level-4, #98c1e8);
  --_edge: #2b6ca3;
  --_unique: var(--storydiff-unique, #b34700);
  --_unique-bg: var(--storydiff-unique-bg, #fff1e0);
  --_ins: var(--storydiff-insert-bg, #d3e9fb);
  --_del: var(--storydiff-delete, #a33a00);
  --_counter: #e69f00;
  --_height: var(--storydiff-height, 82vh);
  --_colmin: var(--storydiff-column-min, 14rem);
  display: block;
  font-family: var(--_font);
  font-size: var(--_size);
  line-height: 1.45;
  color: var(--_ink);
  container-type: inline-size;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, input, select { font: inherit; color: inherit; }
button {
  cursor: pointer;
  border: 1px solid var(--_line);
  background: var(--_paper);
  border-radius: 6px;
  padding: 0.2rem 0.6rem;
}
button:hover { border-color: var(--_muted); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
/* Scrolling boxes hold the visually hidden text inside them: placed against the page, it would
   widen the page when a box is scrolled sideways (and a phone would zoom out). */
.board, .column-head, .cards, .tabpanel, .scroll-x { position: relative; }

/* Toolbar: filters and legend */
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.2rem;
  padding: 0.5rem 0.2rem 0.6rem;
}
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1rem; margin: 0; padding: 0; border: 0; }
.filters legend { float: left; font-weight: 700; padding: 0; margin-right: 0.4rem; }
.kind-toggle { display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; }
.kind-toggle input { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: var(--_edge); }
.field { display: inline-flex; align-items: center; gap: 0.35rem; white-space: nowrap; }
.field select, .field input {
  border: 1px solid var(--_line); border-radius: 6px; padding: 0.2rem 0.4rem; background: var(--_paper);
}
.field input[type="search"] { width: 11rem; }
.shown-count { color: var(--_muted); font-size: var(--_small); }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; font-size: var(--_small); margin: 0; padding: 0; list-style: none; }
.legend li { display: inline-flex; align-items: center; gap: 0.3rem; }
.legend .legend-title { font-weight: 700; }
.swatch { display: inline-block; width: 1.15rem; height: 0.95rem; border-radius: 3px; border: 1px solid var(--_line); }
.swatch.level-1 { background: var(--_l1); } .swatch.level-2 { background: var(--_l2); }
.swatch.level-3 { background: var(--_l3); } .swatch.level-4 { background: var(--_l4); }
.swatch.unique { background: var(--_unique-bg); border: 2px dashed var(--_unique); }
.kind-sample { display: inline-block; width: 1.4rem; height: 0.95rem; background: var(--_l2); border-left: 4px solid var(--_edge); }
.kind-sample.kind-minor { border-left: 5px double var(--_edge); }
.kind-sample.kind-paraphrase { border-left: 4px dotted var(--_edge); }

/* The overview: one column per source, and the focus panel under them */
.overview { display: grid; grid-template-rows: minmax(0, 1fr) auto; height: var(--_height); min-height: 22rem; gap: 0.5rem; }
.board {
  display: grid;
  grid-template-columns: repeat(var(--n, 2), minmax(var(--_colmin), 1fr));
  grid-template-rows: auto minmax(0, 1fr);
  column-gap: 0.7rem;
  overflow-x: auto;
  overflow-y: hidden;
  min-height: 0;
}
.column-head, .sentences { background: var(--_paper); border: 1px solid var(--_line); min-width: 0; }
.column-head { grid-row: 1; border-radius: 8px 8px 0 0; border-bottom: 0; padding: 0.5rem 0.7rem 0.35rem; }
.sentences { grid-row: 2; border-radius: 0 0 8px 8px; border-top: 1px solid var(--_line); overflow-y: auto; padding: 0.45rem 0.45rem 0.7rem; overscroll-behavior: contain; }
.head-top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; }
.outlet.name-only { text-transform: none; letter-spacing: 0; overflow-wrap: anywhere; }
.outlet { margin: 0; font-size: var(--_small); font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--_accent); }
.column-head .name { margin: 0; min-width: 0; font-size: var(--_small); font-weight: 700; color: var(--_ink); overflow-wrap: anywhere; }
.stats .expand { margin-left: auto; padding: 0 0.3rem; line-height: 1.4; color: var(--_ink); }
.title { margin: 0.15rem 0 0.25rem; font-size: var(--_size); line-height: 1.28; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.title.missing, .missing { color: var(--_muted); font-style: italic; font-weight: 400; }
.meta { margin: 0; font-size: var(--_small); color: var(--_muted); overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.meta span + span::before { content: " · "; }
.column-head.clipped .head-info { cursor: pointer; }
.column-head.expanded .title, .column-head.expanded .meta { display: block; -webkit-line-clamp: none; overflow: visible; }
.stats { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.1rem 0.6rem; margin: 0.25rem 0 0; font-size: var(--_small); }
.stat-shared { color: #1d4f7a; } .stat-unique { color: #8a3500; } .stat-off { color: var(--_muted); }
.filter-note, .matching-note, .language-note { flex-basis: 100%; margin: 0; padding: 0.3rem 0.6rem; border: 1px solid #c9a100; border-radius: 6px; background: #fff8db; font-size: var(--_small); }
.removed { margin-top: 0.2rem; font-size: var(--_small); color: var(--_muted); }
.removed summary { cursor: pointer; }
.removed ol { margin: 0.35rem 0 0; padding: 0; list-style: none; max-height: 14rem; overflow-y: auto; }
.removed li { margin: 0 0 0.3rem; padding: 0.25rem 0.35rem; background: #f1f0ec; border-radius: 4px; }
.removed li.restored { background: #e8f1e4; }
.reason { display: inline-block; margin-right: 0.3rem; padding: 0 0.3rem; border-radius: 3px; background: #e2e0d8; color: #3d434a; font-weight: 700; }
.removed-text { white-space: pre-wrap; overflow-wrap: anywhere; color: #4f5861; }
.removed button { display: block; margin-top: 0.2rem; padding: 0 0.5rem; }

.sentence {
  position: relative;
  margin: 0 0 0.3rem;
  padding: 0.28rem 0.45rem 0.28rem 0.5rem;
  border-radius: 4px;
  border-left: 4px solid transparent;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
  cursor: pointer;
  scroll-margin: 2rem;
}
.sentence.level-1 { background: var(--_l1); } .sentence.level-2 { background: var(--_l2); }
.sentence.level-3 { background: var(--_l3); } .sentence.level-4 { background: var(--_l4); }
.sentence.shared { border-left-color: var(--_edge); }
.sentence.kind-minor { border-left: 5px double var(--_edge); }
.sentence.kind-paraphrase { border-left: 4px dotted var(--_edge); }
.kind-icon { display: inline-block; min-width: 1.05em; margin-right: 0.25rem; font-weight: 700; font-style: normal; color: #16324d; text-align: center; }
.sentence.unique { background: var(--_unique-bg); border: 2px dashed var(--_unique); border-left-width: 4px; }
.badge-unique, .badge-restored {
  display: inline-block; margin-right: 0.35rem; padding: 0 0.3rem; border-radius: 3px;
  font-size: var(--_small); font-weight: 700; letter-spacing: 0.03em; text-transform: uppercase; vertical-align: 0.08em;
}
.badge-unique { background: #8f3a00; color: #fff; }
.doubtful .badge-unique { background: #fff; color: #8f3a00; box-shadow: inset 0 0 0 1px #8f3a00; }
.badge-restored { background: #2f5d1e; color: #fff; }
.sentence.role-title { font-weight: 700; }
.sentence.role-caption { font-style: italic; }
.sentence.role-speaker { color: var(--_muted); font-size: var(--_small); text-transform: uppercase; letter-spacing: 0.04em; background: none; cursor: default; }
.sentence.not-compared { background: #eef5ea; border: 2px solid #5b8a46; border-left-width: 4px; }
.sentence mark { background: #ffe066; color: inherit; border-radius: 2px; box-shadow: 0 0 0 1px #b38f00; }
.sentence.focused { outline: 3px solid var(--_focus); outline-offset: 1px; box-shadow: 0 2px 10px rgb(0 0 0 / 25%); }
.sentence.counterpart { outline: 3px dashed var(--_counter); outline-offset: 1px; }
.sentence.counterpart::after {
  content: "↔"; position: absolute; top: -0.55rem; right: -0.2rem; background: var(--_counter); color: #000;
  border-radius: 50%; width: 1.15rem; height: 1.15rem; font-size: var(--_small); line-height: 1.15rem; text-align: center;
}
.sentence.unmatched { background: #f4f3ef; border-left-color: var(--_line); }
/* Verdicts (js/element/verdicts.js): a source in another language, a source repeating another. */
.verdict { margin: 0.3rem 0 0; padding: 0.2rem 0.45rem; border: 1px solid #c9a100; border-radius: 4px; background: #fff8db; font-size: var(--_small); overflow-wrap: anywhere; }
.stat-apart { color: var(--_muted); }
.sentence.other-language { background: #f4f3ef; border: 2px dotted #8a8f96; border-left-width: 4px; }
.badge-language { display: inline-block; margin-right: 0.35rem; padding: 0 0.3rem; border-radius: 3px; background: #4a5057; color: #fff; font-size: var(--_small); font-weight: 700; text-transform: uppercase; vertical-align: 0.08em; }
.empty-col { color: var(--_muted); font-style: italic; }
/* A long column lays out only its blocks of rows near the screen (js/element.js _sizeChunk sets
   each block's estimated height); a long list, only its items near the screen. */
.sentences.long > .chunk { content-visibility: auto; contain-intrinsic-size: auto 400em; }
.plain-list.long > li { content-visibility: auto; contain-intrinsic-size: auto 3em; }

/* Focus panel */
.panel { min-height: 0; max-height: calc(var(--_height) * 0.42); display: flex; flex-direction: column; }
.panel-hint { margin: 0; padding: 0.45rem 0.7rem; border: 1px dashed var(--_line); border-radius: 8px; color: var(--_muted); font-size: var(--_small); }
.panel-body { display: flex; flex-direction: column; min-height: 0; border: 1px solid var(--_muted); border-radius: 8px; background: var(--_paper); }
.panel-head { display: flex; align-items: center; gap: 0.6rem; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--_line); background: #efeee9; border-radius: 8px 8px 0 0; }
.panel-head h2 { margin: 0; font-size: var(--_size); flex: 1; }
.cards {
  display: grid;
  grid-template-columns: repeat(var(--n, 2), minmax(var(--_colmin), 1fr));
  column-gap: 0.7rem;
  overflow: auto;
  min-height: 0;
  padding: 0.5rem;
}
.card { min-width: 0; }
.card h3 { margin: 0 0 0.3rem; font-size: var(--_small); text-transform: uppercase; letter-spacing: 0.05em; color: var(--_accent); }
.card.self { background: #f7f6f2; border-radius: 6px; padding: 0.3rem 0.45rem; }
.card .focused-text { margin: 0 0 0.35rem; font-weight: 700; white-space: pre-wrap; overflow-wrap: anywhere; }
.card .none { color: var(--_muted); font-style: italic; margin: 0; }
.counterpart-item { margin: 0 0 0.5rem; padding: 0 0 0.45rem; border-bottom: 1px solid var(--_line); }
.counterpart-item:last-child { border-bottom: 0; }
.match-line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.5rem; margin: 0 0 0.2rem; font-size: var(--_small); }
.kind-badge { display: inline-flex; align-items: center; gap: 0.25rem; padding: 0 0.35rem; border-radius: 3px; background: var(--_l2); border-left: 4px solid var(--_edge); font-weight: 700; }
.kind-badge.kind-minor { border-left: 5px double var(--_edge); }
.kind-badge.kind-paraphrase { border-left: 4px dotted var(--_edge); }
.kind-badge.kind-group { background: #eceae4; border-left: 4px solid var(--_muted); }
.score { color: var(--_muted); }
.diff { margin: 0 0 0.25rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.diff ins { text-decoration: underline 2px solid #0b5a94; text-underline-offset: 2px; background: var(--_ins); }
.diff del { text-decoration: line-through 2px; color: var(--_del); background: #fbe3d3; }
.conflicts { margin: 0.15rem 0 0.25rem; padding: 0; list-style: none; }
.conflicts li { margin: 0.1rem 0; padding: 0.1rem 0.35rem; border-radius: 3px; background: #fff4cc; border: 1px solid #c9a100; font-size: var(--_small); }
.conflicts li::before { content: "⚠ "; }
.go { font-size: var(--_small); padding: 0 0.5rem; }
.diff-key { margin: 0; padding: 0.25rem 0.6rem 0.4rem; font-size: var(--_small); color: var(--_muted); }
.diff-key ins { text-decoration: underline 2px solid #0b5a94; background: var(--_ins); color: var(--_ink); }
.diff-key del { text-decoration: line-through 2px; color: var(--_del); background: #fbe3d3; }
.quotes-here { margin: 0.3rem 0 0; padding-left: 1rem; font-size: var(--_small); }
.first-line { margin: 0.2rem 0 0.35rem; font-size: var(--_small); }
.nearest { margin: 0.4rem 0 0; padding: 0.3rem 0 0; border-top: 1px dashed var(--_line); }
.nearest-title { margin: 0 0 0.15rem; font-size: var(--_small); font-weight: 700; }
.nearest-source { font-weight: 700; }
.nearest-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }

/* Summaries */
.summaries { margin-top: 1rem; }
.summaries > h2 { font-size: var(--_size); margin: 0 0 0.4rem; }
.tabs { display: flex; flex-wrap: wrap; gap: 0.3rem; border-bottom: 2px solid var(--_line); }
.tab { border-radius: 6px 6px 0 0; padding: 0.3rem 0.8rem; background: #ebe9e3; margin-bottom: -2px; border: 1px solid var(--_line); border-bottom-width: 2px; }
.tab[aria-selected="true"] { background: var(--_paper); border-bottom-color: var(--_paper); font-weight: 700; }
.tabpanel { background: var(--_paper); border: 1px solid var(--_line); border-top: 0; border-radius: 0 0 8px 8px; padding: 0.7rem 0.8rem; overflow-x: auto; }
.tabpanel h3 { font-size: var(--_size); margin: 0.2rem 0 0.4rem; }
.tabpanel > p.note { margin: 0 0 0.5rem; color: var(--_muted); font-size: var(--_small); }
table.heatmap { border-collapse: separate; border-spacing: 3px; font-size: var(--_small); }
.heatmap th { font-weight: 700; text-align: right; padding: 0.2rem 0.4rem; max-width: 10rem; }
.heatmap thead th { text-align: center; vertical-align: bottom; }
.heatmap .th-num, .heatmap .row-num { display: none; }
.scroll-x { overflow-x: auto; }
.scroll-cue { margin: 0 0 0.3rem; font-size: var(--_small); font-weight: 700; color: var(--_muted); }
.heatmap td {
  min-width: 3.6rem; height: 2.4rem; text-align: center; border-radius: 4px; font-variant-numeric: tabular-nums; color: #000;
}
.heatmap td.corner { background: transparent; }
.heatmap td.dark { color: #fff; }
.heatmap td.self { background: repeating-linear-gradient(45deg, #eceae4 0 4px, #f6f5f1 4px 8px); color: var(--_muted); }
.only-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.8rem; }
.only-grid section { min-width: 0; }
.plain-list { margin: 0; padding: 0; list-style: none; }
.plain-list > li { margin: 0 0 0.35rem; }
.link-button {
  display: block; width: 100%; text-align: left; border: 1px solid transparent; background: var(--_unique-bg);
  border-left: 4px dashed var(--_unique); border-radius: 4px; padding: 0.25rem 0.45rem; overflow-wrap: anywhere; white-space: pre-wrap;
}
.quote { margin: 0 0 0.8rem; padding: 0 0 0.6rem; border-bottom: 1px solid var(--_line); }
.quote:last-child { border-bottom: 0; }
.quote blockquote { margin: 0.15rem 0 0.3rem; padding-left: 0.7rem; border-left: 3px solid var(--_accent); font-style: italic; overflow-wrap: anywhere; }
.quote .speaker { font-weight: 700; }
.quote .carried { color: var(--_muted); font-size: var(--_small); }
.variants { margin: 0.2rem 0 0; padding-left: 1.1rem; font-size: var(--_small); }
.variants li { margin: 0.15rem 0; }
table.conflict-table { border-collapse: collapse; width: 100%; font-size: var(--_small); }
.conflict-table th, .conflict-table td { text-align: left; border-bottom: 1px solid var(--_line); padding: 0.3rem 0.4rem; vertical-align: top; }
.conflict-table td { overflow-wrap: break-word; }
.conflict-table .cell-label { display: none; }
.conflict-table .conflict-context { display: block; margin-top: 0.2rem; color: var(--_muted); }
.conflict-table mark { background: #ffe066; color: #000; border-radius: 2px; box-shadow: 0 0 0 1px #b38f00; }

/* States */
.message { padding: 1rem; border: 1px dashed var(--_line); border-radius: 8px; color: var(--_muted); background: var(--_paper); }
.error { padding: 0.8rem 1rem; border: 1px solid #d08a8a; border-radius: 8px; background: #fdecec; color: #7a1616; }
.error p { margin: 0 0 0.5rem; }
.error button { background: #fff; border-color: #b35252; color: #7a1616; font-weight: 700; }
.busy { opacity: 0.85; }

/* Phone width: columns side by side, swiped; the focus panel is a bottom sheet. */
@container (max-width: 40rem) {
  .overview { height: var(--storydiff-height, 74vh); grid-template-rows: minmax(0, 1fr); }
  .board { grid-template-columns: repeat(var(--n, 2), 86%); scroll-snap-type: x mandatory; column-gap: 0.5rem; }
  .column-head, .sentences { scroll-snap-align: start; }
  .panel { position: fixed; left: 0; right: 0; bottom: 0; max-height: 58vh; z-index: 10; box-shadow: 0 -4px 18px rgb(0 0 0 / 25%); }
  .panel-hint { display: none; }
  .panel-body { border-radius: 12px 12px 0 0; max-height: 58vh; }
  .cards { grid-template-columns: 1fr; row-gap: 0.6rem; }
  .card.empty-card { display: none; }
  .card.self .focused-text { display: none; }
  .field input[type="search"] { width: 8.5rem; }
  .toolbar { gap: 0.35rem 0.8rem; padding-top: 0.3rem; }
  /* Visually hidden (still read out): the filters' legend; the heatmap's full names (its columns
     are headed by the sources' numbers, and each row's name starts with its number); the
     conflicts' column heads (each cell carries its label). */
  .filters legend, .heatmap .th-full, .conflict-table thead {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .legend .kind-part { display: none; }
  /* The heatmap: columns headed by the sources' numbers. */
  .heatmap .th-num, .heatmap .row-num { display: inline; }
  .heatmap .row-num { color: var(--_muted); font-variant-numeric: tabular-nums; }
  table.heatmap { border-spacing: 2px; }
  .heatmap th { padding: 0.15rem 0.25rem; max-width: none; }
  .heatmap td { min-width: 2.3rem; height: 2.2rem; }
  /* Conflicts: one card per row, each cell with its label. */
  .conflict-table, .conflict-table tbody, .conflict-table tr, .conflict-table td { display: block; }
  .conflict-table tr { padding: 0.4rem 0; border-bottom: 1px solid var(--_line); }
  .conflict-table td { border: 0; padding: 0.1rem 0; }
  .conflict-table .cell-label { display: inline; font-weight: 700; color: var(--_muted); }
}
/* The toolbar's fold (js/element/compact.js): a button at phone width only. */
.toolbar-toggle { display: none; }
@container (max-width: 40rem) {
  .toolbar-toggle { display: inline-flex; align-items: center; gap: 0.2rem; font-weight: 700; }
  .toolbar:not(.open) > .filters, .toolbar:not(.open) > .legend { display: none; }
}

/* Print and save as PDF: every sentence on paper, nothing cut. No scroll box, no fixed height,
   no lazily laid-out block; each source's head and then its sentences, one source after another
   across the page's width (side by side, five columns would be a few words wide); no controls. */
@media print {
  :host { --_height: auto; font-size: 10pt; }
  *, *::before, *::after { overflow: visible !important; max-height: none !important; content-visibility: visible !important; }
  .overview { display: block; height: auto; min-height: 0; }
  .board { display: block; }
  .column-head { margin-top: 0.8rem; border-radius: 6px 6px 0 0; break-inside: avoid; break-after: avoid; }
  .sentences { border-radius: 0 0 6px 6px; padding-bottom: 0.4rem; }
  .sentences.long > .chunk { contain-intrinsic-size: none !important; }
  .sentence { break-inside: avoid; cursor: auto; }
  .sentence, .swatch, .kind-sample, .badge-unique, .badge-language, .badge-restored, .verdict, .heatmap td, .diff ins, .diff del {
    print-color-adjust: exact; -webkit-print-color-adjust: exact;
  }
  .sentence.focused, .sentence.counterpart { outline: 0; box-shadow: none; }
  .sentence.counterpart::after { content: none; }
  .title, .meta, .column-head.expanded .title, .column-head.expanded .meta { display: block; -webkit-line-clamp: none; }
  .toolbar > .filters, .toolbar-toggle, .expand, .panel, .removed, .tabs, .go, .put-back, .retry { display: none !important; }
  .toolbar > .legend { display: flex !important; }
  .tabpanel { border: 0; padding: 0; }
  .tabpanel::before { content: attr(data-title); display: block; font-weight: 700; margin: 0 0 0.4rem; }
  table, .claim-table, [role="table"] { break-inside: auto; width: 100%; }
  tr, [role="row"] { break-inside: avoid; }
}
` + TABLE_STYLE;

/**
 * The page around the view in the standalone HTML export (js/element.js exportHTML): its title
 * and date line in the element's font and colours (or the ones the page set, which the export
 * carries over on :root).
 */
export const EXPORT_PAGE_STYLE = [
  `body { margin: 0; padding: 1rem; background: var(--storydiff-bg, ${BG}); font-family: var(--storydiff-font, ${FONT}); color: var(--storydiff-ink, ${INK}); }`,
  'h1 { font-size: 1.4rem; margin: 0 0 0.2rem; }',
  `.stamp { color: var(--storydiff-muted, ${MUTED}); margin: 0 0 0.6rem; }`,
].join(' ');
