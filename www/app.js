// The storydiff page: the <story-diff> element (js/element.js) over the seed articles, plus what
// a visitor needs around it: paste, open or drop their own articles, rename and remove them, start
// over with the seeds, and download the report (JSON) or the view (standalone HTML). The user's
// articles are kept in local storage (in IndexedDB when they are too big for it), so they survive
// a reload; when the browser cannot keep them, a notice says so for as long as that lasts. The
// comparison runs in a Web Worker inside the element. Web pages come in too: a paste that carries
// the clipboard's text/html (what copying from a web page puts there) and dropped or picked
// .html/.htm files are sent as { name, html }, read by the engine's HTML build. Article text only
// ever goes into the page as text; a page's markup is never put into the page, fetched or run: it
// is held as a string and handed to the worker.

import { h, plural, thousands } from '../js/dom.js';
import { loadSources } from '../js/element.js';
import { MAX_BYTES, errorMessage, htmlProblem, sourceProblem } from '../js/validate.js';
import { forgetArticles, loadArticles, saveArticles } from './storage.js';

const LIMIT = `${MAX_BYTES >> 20} MiB`; // the engine's limit per source

// Files read as articles: plain text by name (or by type, for a name without a known ending), and
// web pages saved as .html/.htm (or typed text/html); other page and document formats are refused
// with a word on what to do instead.
const TEXT_FILE = /\.(txt|text|md|markdown)$/i;
const HTML_FILE = /\.html?$/i;
const OTHER_PAGE = /\.(xhtml|mht|mhtml|xml|svg)$/i;

const $ = (id) => document.getElementById(id);
const view = $('view');
const statusEl = $('status');
const listEl = $('source-list');
const summaryEl = $('source-summary');
const dialog = $('add-dialog');
const noticesEl = $('notices');

let sources = []; // [{ name, text | html, restored? }]
let custom = false; // true once the visitor changed anything (then it is saved)

function setStatus(state, message) {
  document.body.dataset.state = state;
  statusEl.textContent = message;
  statusEl.classList.toggle('error', state === 'error');
}

/**
 * Shows a notice under the status line, kept until it is dismissed or replaced (the status line
 * itself changes with every comparison). `kind` names it: a new notice of a kind replaces the
 * old one; a null message takes it away.
 */
function notice(kind, message, { dismissible = true } = {}) {
  let el = noticesEl.querySelector(`[data-kind="${kind}"]`);
  if (!message) {
    el?.remove();
    return;
  }
  if (!el) {
    el = h('div', { class: `notice notice-${kind}`, data: { kind } });
    noticesEl.append(el);
  }
  el.replaceChildren(h('p', { text: message }));
  if (dismissible) {
    el.append(h('button', { class: 'dismiss', text: 'Dismiss', attrs: { type: 'button', 'aria-label': 'Dismiss this notice' }, on: { click: () => {
      el.remove();
      $('add-button').focus();
    } } }));
  }
}

// --- storage (www/storage.js) -------------------------------------------------------------

/** Says that the articles are not kept (err), or takes that notice away (null). */
function kept(err) {
  if (!err) {
    notice('storage', null);
    return;
  }
  const why = err.name === 'QuotaExceededError' ? "there is no room left in this browser's storage" : `this browser's storage refused them: ${errorMessage(err)}`;
  notice('storage', `Your articles are not kept (${why}). They will be lost when you reload or close this page.`, { dismissible: false });
}

function save() {
  if (custom) saveArticles(sources, kept);
}

// --- sources --------------------------------------------------------------------------------

/** The number of words (runs of non-space characters), counted without copying the text. */
function wordCount(text) {
  const re = /\S+/g;
  let n = 0;
  while (re.test(text)) n++;
  return n;
}
let words = new Map(); // text -> its word count, for the articles listed now

/** What the list says of an article: its words, or for a web page its size (its markup's words say little). */
const sizeOf = (s) => (typeof s.html === 'string' ? `web page, ${thousands(Math.max(1, Math.round(new Blob([s.html]).size / 1024)))} kB` : `${thousands(words.get(s.text))} words`);

function renderList() {
  // Each text is counted once: the counts of the articles still listed are kept, the others dropped.
  words = new Map(sources.filter((s) => typeof s.text === 'string').map((s) => [s.text, words.get(s.text) ?? wordCount(s.text)]));
  listEl.replaceChildren();
  sources.forEach((s, i) => {
    const name = h('input', { class: 'source-name', attrs: { type: 'text', 'aria-label': `Name of article ${i + 1}` } });
    name.value = s.name;
    name.addEventListener('change', () => {
      const value = name.value.trim();
      if (!value || value === s.name) {
        name.value = s.name;
        return;
      }
      s.name = value;
      changed(`Renamed article ${i + 1} to “${value}”.`);
    });
    const remove = h('button', { class: 'remove', text: 'Remove', attrs: { type: 'button', 'aria-label': `Remove ${s.name}` } });
    remove.addEventListener('click', () => {
      const [gone] = sources.splice(i, 1);
      changed(`Removed “${gone.name}”.`);
      const next = listEl.querySelectorAll('button.remove')[Math.min(i, sources.length - 1)];
      (next || $('add-button')).focus();
    });
    listEl.append(h('li', { class: 'source-item' }, name, h('span', { class: 'source-info', text: sizeOf(s) }), remove));
  });
  summaryEl.textContent = `${plural(sources.length, 'article')}${custom ? ' (yours, kept in this browser)' : ' (the seeds)'}`;
}

/** The visitor's articles changed: keep them (they are theirs now) and list them again. */
function keep() {
  custom = true;
  // Saved in a task of its own, so that with long articles neither step holds up the page long.
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = 0;
    save();
  }, 0);
  renderList();
}
let saveTimer = 0;
// A save still waiting when the page goes away is started at once (a write to IndexedDB may
// still not finish before the page is gone; local storage's does).
window.addEventListener('pagehide', () => {
  if (!saveTimer) return;
  clearTimeout(saveTimer);
  saveTimer = 0;
  save();
});

/** Compares `sources` and lists them: the comparison first, so the list is drawn while the worker compares. */
function show() {
  view.sources = sources;
  renderList();
}

/** `sources` changed here: keep them, say so and compare them again. */
function changed(message) {
  keep();
  if (message) setStatus('comparing', `${message} Comparing…`);
  view.sources = sources;
}

/**
 * Adds an article: `content` is { text } or, for a web page, { html } (named after `plain`, its
 * text as the clipboard gave it, when there is no name). Returns the name it got.
 */
function addSource(name, content, plain = content.text) {
  const base = name.trim() || guessName(plain ?? '') || (content.html !== undefined ? `Web page ${sources.length + 1}` : `Article ${sources.length + 1}`);
  let unique = base;
  for (let k = 2; sources.some((s) => s.name === unique); k++) unique = `${base} (${k})`;
  sources.push({ name: unique, ...content, restored: [] });
  return unique;
}

/** The first line of `text` with something on it, shortened to 60 characters. */
function guessName(text) {
  const m = /\S[^\n]*/.exec(text);
  const line = m ? m[0].trim() : '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

async function loadSeeds() {
  const list = await loadSources('../seeds/index.json');
  return list.map(({ name, text }) => ({ name, text, restored: [] }));
}

async function startOver() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  forgetArticles();
  kept(null);
  custom = false;
  setStatus('loading', 'Loading the seed articles…');
  sources = await loadSeeds();
  show();
}

// --- files and drops ------------------------------------------------------------------------

/** Whether `file` is a web page read as HTML: .html/.htm, or typed text/html. */
const isHtmlFile = (file) => HTML_FILE.test(file.name) || (file.type || '').toLowerCase() === 'text/html';

/** Why `file` is not read as an article, or null; worded as sourceProblem words what is read. */
function fileProblem(file) {
  const type = (file.type || '').toLowerCase();
  if (TEXT_FILE.test(file.name) || isHtmlFile(file)) return null;
  if (OTHER_PAGE.test(file.name) || /html|xml/.test(type)) {
    return `source "${file.name}" is not a web page saved as .html (open it in a browser, copy the article and use “Paste an article”)`;
  }
  if (type === 'text/plain' || type === 'text/markdown' || (type === '' && !/\.[^.]+$/.test(file.name))) return null;
  return `source "${file.name}" is neither a plain-text file nor a web page (.txt, .text, .md, .markdown, .html and .htm files are read)`;
}

async function addFiles(files) {
  const added = [];
  const refused = [];
  for (const file of files) {
    const unread = fileProblem(file);
    if (unread) {
      refused.push(unread);
      continue;
    }
    if (file.size > MAX_BYTES) {
      refused.push(`source "${file.name}" is larger than ${LIMIT}`);
      continue;
    }
    const text = await file.text();
    const html = isHtmlFile(file);
    const problem = html ? htmlProblem(file.name, text) : sourceProblem(file.name, text);
    if (problem) {
      refused.push(problem);
      continue;
    }
    added.push(addSource(file.name, html ? { html: text } : { text }));
  }
  if (added.length) changed(`Added ${added.map((n) => `“${n}”`).join(', ')}.`);
  // What was refused stays in view (the status line moves on with the comparison).
  notice('files', refused.length ? `Not added: ${refused.join('; ')}.` : null);
}

$('open-button').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', async (e) => {
  await addFiles([...e.target.files]);
  e.target.value = '';
});

let dragDepth = 0;
const overlay = $('drop-overlay');
const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  dragDepth++;
  overlay.hidden = false;
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
window.addEventListener('dragover', (e) => {
  if (hasFiles(e)) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  overlay.hidden = true;
  addFiles([...e.dataTransfer.files]);
});

// --- paste dialog ---------------------------------------------------------------------------

const addError = $('add-error');
const addText = $('add-text');
const htmlNote = $('add-html-note');

// A paste into the empty text box that carries the clipboard's text/html (copied from a web page)
// keeps that HTML aside, shows its plain text in the box, and sends the HTML when the box still
// holds just that: the engine then reads the page's headline, date and article from its markup.
// Typing in the box (or a paste without HTML) makes it plain text again.
let pasted = null; // { html, value }: the HTML pasted and the box's value right after

/** The text/html and text/plain of a paste or drop, when it carries HTML; else null. */
function clipboardPage(data) {
  if (!data || ![...data.types].includes('text/html')) return null;
  const html = data.getData('text/html');
  return html.trim() === '' ? null : { html, plain: data.getData('text/plain') };
}

function forgetPaste() {
  pasted = null;
  htmlNote.hidden = true;
}

addText.addEventListener('paste', (e) => {
  const page = addText.value.trim() === '' ? clipboardPage(e.clipboardData) : null;
  if (!page) return; // the browser pastes plain text, as always
  e.preventDefault();
  addText.value = page.plain;
  pasted = { html: page.html, value: addText.value };
  htmlNote.hidden = false;
});
addText.addEventListener('input', () => {
  if (pasted && addText.value !== pasted.value) forgetPaste();
});

$('add-button').addEventListener('click', () => {
  addError.hidden = true;
  $('add-form').reset();
  forgetPaste();
  dialog.showModal();
  addText.focus();
});
$('add-cancel').addEventListener('click', () => dialog.close());
$('add-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = addText.value;
  const given = $('add-name').value.trim();
  // The web page pasted, if the box still holds just its text.
  const html = pasted && pasted.value === text ? pasted.html : null;
  let problem = html !== null ? htmlProblem(given || 'the pasted page', html) : sourceProblem(given || 'the pasted article', text);
  if (problem) problem = `Cannot add it: ${problem}.`;
  else if (new Blob([html ?? text]).size > MAX_BYTES) problem = `That is more than ${LIMIT} of text: the limit per article.`;
  if (problem) {
    addError.textContent = problem;
    addError.hidden = false;
    $('add-text').focus();
    return;
  }
  const name = addSource(given, html !== null ? { html } : { text }, text);
  addText.value = ''; // a long text need not stay in the closed dialog
  forgetPaste();
  dialog.close();
  changed(`Added “${name}”.`);
});

// A paste anywhere else on the page (not into a field, the dialog closed) adds the article at once:
// copy a web page, come back, press Ctrl+V.
document.addEventListener('paste', (e) => {
  // The innermost target: a paste into the element's search box is retargeted to the element.
  const target = e.composedPath()[0];
  if (dialog.open || (target instanceof Element && (target.closest('input, textarea') || target.isContentEditable))) return;
  const page = clipboardPage(e.clipboardData);
  const plain = e.clipboardData?.getData('text/plain') ?? '';
  if (!page && plain.trim() === '') return; // an image, say: nothing to read
  const content = page ? { html: page.html } : { text: plain };
  const problem = page ? htmlProblem('the pasted page', page.html) : sourceProblem('the pasted article', plain);
  e.preventDefault();
  if (problem || new Blob([page ? page.html : plain]).size > MAX_BYTES) {
    notice('files', `Not added: ${problem ?? `the paste is larger than ${LIMIT}`}.`);
    return;
  }
  const name = addSource('', content, page ? page.plain : plain);
  notice('files', null);
  changed(`Added “${name}” (pasted${page ? ' from a web page' : ''}).`);
});

// --- exports --------------------------------------------------------------------------------

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

$('export-json').addEventListener('click', () => {
  if (view.report) download('storydiff-report.json', 'application/json', view.exportJSON());
});
$('export-html').addEventListener('click', () => {
  if (view.report) download('storydiff-report.html', 'text/html', view.exportHTML({ title: 'storydiff report' }));
});
$('reset-button').addEventListener('click', () => {
  startOver().catch((err) => setStatus('error', `Could not load the seeds: ${errorMessage(err)}`));
});

// --- the element's events ---------------------------------------------------------------------

view.addEventListener('report', (e) => {
  const { report, ms } = e.detail;
  setStatus('ready',
    `Compared ${plural(report.sources.length, 'source')} in ${ms} ms: ` +
      `${plural(report.groups.length, 'shared sentence group')}, ${plural(report.quotes.length, 'quotation')}, ` +
      (report.matching === 'semantic' ? 'matched by wording and meaning.' : 'matched by words only (the sentence vectors could not be loaded).'));
});
view.addEventListener('comparisonerror', (e) => {
  setStatus('error', `Something went wrong: ${e.detail.message}${e.detail.retryable ? ' (use Retry below)' : ''}`);
});
view.addEventListener('restore', (e) => {
  // The element compares the restored text itself.
  sources = e.detail.sources;
  keep();
});
const observer = new MutationObserver(() => {
  // The exports are of the report on show: there is one only once the element is ready.
  for (const id of ['export-json', 'export-html']) $(id).disabled = view.state !== 'ready';
  if (view.state === 'empty') {
    setStatus('empty', sources.length === 0 ? 'No articles: paste or open two or more, or start over with the seeds.' : 'Add at least one more article to compare.');
  } else if (view.state === 'comparing' && document.body.dataset.state !== 'loading') {
    document.body.dataset.state = 'comparing';
  }
});
observer.observe(view, { attributes: true, attributeFilter: ['state'] });

// --- start ------------------------------------------------------------------------------------

async function main() {
  const { sources: stored, error } = await loadArticles();
  if (error) notice('storage', `Your articles could not be read back from this browser's storage (${error}): showing the seed articles.`);
  if (stored) {
    custom = true;
    sources = stored;
    setStatus('loading', `Comparing your ${plural(sources.length, 'article')}…`);
  } else {
    setStatus('loading', 'Loading the seed articles…');
    sources = await loadSeeds();
  }
  show();
}

main().catch((err) => setStatus('error', `Something went wrong: ${errorMessage(err)}`));
