// The view as a standalone HTML document: the element's shadow tree cloned without its controls,
// its styles inline in a declarative shadow root, no script and a CSP that loads nothing, so the
// snapshot opens offline in any browser and shows what the reader saw.

import { h, plural } from '../dom.js';
import { EXPORT_PAGE_STYLE, PROPERTIES, STYLE } from '../element-style.js';
import { escapeHTML } from './text.js';
import { quotesForExport } from './summaries.js';
import { finishTable } from './table.js';
import { tableForExport } from './table-export.js';

/** A standalone HTML document of `view`'s current view: no scripts, opens offline. */
export function exportHTML(view, { title = 'storydiff report' } = {}) {
  view._view.querySelectorAll('.tabpanel').forEach((p) => p._build?.());
  view._flush(); // every sentence and list item, also of a long report still being put on screen
  finishTable(view); // the claim table too, in full
  const clone = view._view.cloneNode(true);
  tableForExport(clone);
  quotesForExport(clone);
  clone.querySelectorAll('.toolbar .filters, .removed button, .go, .panel-head .close, .error button, .tabs, .shown-count, .column-head .expand, .scroll-cue, .toolbar-toggle').forEach((n) => n.remove());
  // The legend folded at phone width (compact.js) stays open in the export, which has no button.
  clone.querySelector('.toolbar')?.classList.add('open');
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
  const computed = getComputedStyle(view);
  const props = PROPERTIES.map((p) => [p, computed.getPropertyValue(p).trim()]).filter(([, v]) => v);
  const rootRule = props.length ? `:root { ${props.map(([p, v]) => `${p}: ${v};`).join(' ')} }\n` : '';
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const note = `${plural(view._report?.sources.length ?? 0, 'source')} compared by storydiff, ${stamp} UTC. A snapshot: open it in any browser, no network needed.`;
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
