// The storydiff page: the <story-diff> element (js/element.js) over the seed articles, plus what
// a visitor needs around it: paste, open or drop their own articles, rename and remove them, start
// over with the seeds, give or correct an article's outlet, address and time (www/details.js), and
// download the report (JSON) or the view (standalone HTML), or print it. The seeds are
// a demo: the visitor's first article replaces them. Whatever takes articles away (that, Remove,
// New comparison, Start over) can be undone, or what it took away put back later (www/undo.js),
// and the paste dialog's text is a draft until it is added. The user's articles, what can be
// undone and the draft are kept in local storage (www/storage.js; long articles in IndexedDB), so
// they survive a reload; when the browser cannot keep them, a notice
// says so for as long as that lasts. The
// comparison runs in a Web Worker inside the element. Web pages come in too: a paste that carries
// the clipboard's text/html (what copying from a web page puts there) and dropped or picked
// .html/.htm files are sent as { name, html }, read by the engine's HTML build. Article text only
// ever goes into the page as text; a page's markup is never put into the page, fetched or run: it
// is held as a string and handed to the worker.

import { download, h, plural, thousands } from '../js/dom.js';
import { loadSources } from '../js/element.js';
import { MAX_BYTES, errorMessage, htmlProblem, sourceProblem } from '../js/validate.js';
import { forgetArticles, loadArticles, loadDraft, saveArticles, saveDraft } from './storage.js';
import { readFields, setupDetails, setupPrefill } from './details.js';
import { freeName, mergeBack } from './lists.js';
import { namesOf, setupUndo, upper } from './undo.js';

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

let sources = []; // [{ name, text | html, restored?, meta? }]
let custom = false; // true once the visitor changed anything (then it is saved)
// The list is the demo: the seed articles (renamed, trimmed or with spans put back, maybe). The
// visitor's first article of their own replaces them rather than joining another story.
let demo = false;

function setStatus(state, message) {
  document.body.dataset.state = state;
  statusEl.textContent = message;
  statusEl.classList.toggle('error', state === 'error');
}

/**
 * Shows a notice under the status line, kept until it is dismissed or replaced (the status line
 * itself changes with every comparison). `kind` names it: a new notice of a kind replaces the
 * old one; a null message takes it away. `actions` are buttons ({ label, run, describe, keep }):
 * after `run` the notice goes, unless `run` put a new one of its kind in its place or `keep` says
 * it stays (what it says still holds). `onDismiss` is called when the visitor dismisses it.
 */
function notice(kind, message, { dismissible = true, actions = [], onDismiss = null } = {}) {
  let el = noticesEl.querySelector(`[data-kind="${kind}"]`);
  if (!message) {
    el?.remove();
    return;
  }
  // A notice replaced under the keyboard focus hands the focus to its successor's first button.
  const hadFocus = !!el && el.contains(document.activeElement);
  if (!el) {
    el = h('div', { class: `notice notice-${kind}`, data: { kind } });
    noticesEl.append(el);
  }
  el.replaceChildren(h('p', { text: message }));
  for (const { label, run, describe, keep = false } of actions) {
    const current = el;
    const button = h('button', { class: 'action', text: label, attrs: { type: 'button', 'aria-label': describe || null }, on: { click: () => {
      const fresh = watchNotices();
      run();
      if (button.isConnected && !keep) current.remove(); // done, unless run put a new notice in its place
      refocus(fresh());
    } } });
    el.append(button);
  }
  if (hadFocus) el.querySelector('button')?.focus();
  if (dismissible) {
    el.append(h('button', { class: 'dismiss', text: 'Dismiss', attrs: { type: 'button', 'aria-label': 'Dismiss this notice' }, on: { click: () => {
      const fresh = watchNotices();
      el.remove();
      onDismiss?.();
      refocus(fresh());
    } } }));
  }
}

/** Call before a notice's button acts; the function it returns gives the notices put up since, newest first. */
function watchNotices() {
  const before = new Set(noticesEl.children);
  return () => [...noticesEl.children].filter((n) => !before.has(n)).reverse();
}

/**
 * After a notice's button acted: when the keyboard focus went with the notice (it is on nothing
 * now), it moves to the first button of the newest notice put up meanwhile (the Undo of a Put
 * back, the Put back of what a dismissed Undo set aside), else to "Paste an article", so that a
 * keyboard user is not sent back to the top of the page. Focus the action moved (into a dialog,
 * onto a successor notice) stays where it is.
 */
function refocus(fresh) {
  const at = document.activeElement;
  if (at && at !== document.body && at.isConnected) return;
  (fresh.map((n) => n.querySelector('button')).find(Boolean) || $('add-button')).focus();
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
  if (custom) saveArticles(sources, kept, { demo });
}

// --- undo ---------------------------------------------------------------------------------------
//
// Whatever takes articles off the list (the first article of the visitor's own replacing the
// seeds, Remove, New comparison, Start over) keeps what was there: Undo while nothing else changed,
// then Put back until dismissed, across reloads too (www/undo.js).

/** The list as it is now, copied so that later edits leave it alone. */
function snapshot() {
  return { sources: sources.map((s) => ({ ...s, restored: [...(s.restored || [])] })), demo, custom };
}

/** Shows the list of `state` (a snapshot) and compares it; kept as the visitor's unless it is the untouched seeds. */
function apply(state, message) {
  sources = state.sources.map((s) => ({ ...s, restored: [...s.restored] }));
  demo = state.demo;
  if (state.custom) store();
  else {
    forget();
    renderList();
  }
  setStatus('comparing', `${message} Comparing…`);
  view.sources = sources;
}

/**
 * Puts articles set aside ([{ article, index }]) back into the list as it is, each at its old
 * place (or the end), those listed already left out; the demo seeds leave as for a first article.
 * A change of its own, with an Undo.
 */
function putBack(articles) {
  const before = snapshot();
  const { sources: next, back } = mergeBack(demo ? [] : sources, articles);
  if (back.length === 0) {
    // Nothing changes: the list, its Undo and what is set aside stay as they are.
    const one = articles.length === 1;
    setStatus(document.body.dataset.state, `${upper(namesOf(articles.map((a) => a.article)))} ${one ? 'is' : 'are'} listed already, as ${one ? 'it was' : 'they were'}: nothing to put back.`);
    return;
  }
  sources = next;
  demo = false;
  const names = namesOf(back);
  changed(`Put back ${names}.`);
  undo.offer(`Put back ${names}${before.demo && before.sources.length ? ': the seed articles were set aside' : ''}.`, `putting back ${names}`, before);
}

const undo = setupUndo({ snapshot, apply, putBack, notice });

/**
 * Called before the visitor's own articles are added: while the seeds are shown as the demo, they
 * leave (the new articles start a comparison of their own). Returns what was there, for the
 * Undo, or null when the articles simply join the list.
 */
function leaveDemo() {
  if (!demo) return null;
  const before = snapshot();
  sources = [];
  demo = false;
  return before;
}

/** After `names` were added in place of the seeds (`before`, from leaveDemo): say so, with an Undo. */
function saySeedsLeft(before, names) {
  if (!before || before.sources.length === 0) return;
  undo.offer(`Started your own comparison with ${namesOf(names.map((name) => ({ name })))}: the ${plural(before.sources.length, 'seed article')} ${before.sources.length === 1 ? 'was' : 'were'} set aside.`,
    'starting your own comparison', before);
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
      const before = snapshot();
      const [gone] = sources.splice(i, 1);
      changed(`Removed “${gone.name}”.`);
      undo.offer(`Removed “${gone.name}”.`, `removing “${gone.name}”`, before);
      const next = listEl.querySelectorAll('button.remove')[Math.min(i, sources.length - 1)];
      (next || $('add-button')).focus();
    });
    const more = h('button', { class: 'details', text: 'Details', attrs: { type: 'button', 'aria-label': `Details of ${s.name}: outlet, address, publication time` } });
    more.addEventListener('click', () => details.open(i));
    listEl.append(h('li', { class: 'source-item' }, name, h('span', { class: 'source-info', text: sizeOf(s) }), more, remove));
  });
  const whose = demo ? (custom ? ' (the seeds, as you changed them)' : ' (the seeds)') : ' (yours, kept in this browser)';
  summaryEl.textContent = `${plural(sources.length, 'article')}${whose}`;
}

/** The visitor's articles changed: keep them (they are theirs now) and list them again. */
function keep() {
  // An Undo offered for an earlier change would now throw this one away: what it took off the
  // list is set aside instead, to be put back (www/undo.js).
  undo.retire();
  store();
}

/** Saves the list as the visitor's and lists it again. */
function store() {
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
  if (draftTimer) saveDraftNow();
  undo.flush();
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
  const unique = freeName(sources, base);
  sources.push({ name: unique, ...content, restored: [] });
  return unique;
}

/** The first line of `text` with something on it, shortened to 60 characters. */
function guessName(text) {
  const m = /\S[^\n]*/.exec(text);
  const line = m ? m[0].trim() : '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

// The seeds listed in seeds/index.json, put in one file by the build (scripts/bundle.mjs).
async function loadSeeds() {
  const list = await loadSources('../build/seeds.json');
  return list.map(({ name, text }) => ({ name, text, restored: [] }));
}

/** Forgets the kept articles: the list is the untouched seeds again (or about to be). */
function forget() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  forgetArticles();
  kept(null);
  custom = false;
}

async function startOver() {
  setStatus('loading', 'Loading the seed articles…');
  const seeds = await loadSeeds();
  // Taken once the seeds are here: an article added while they loaded is set aside with the rest.
  const before = snapshot();
  forget();
  undo.retire();
  sources = seeds;
  demo = true;
  show();
  // Untouched seeds replaced by the same seeds, or an empty list by the seeds: nothing to undo.
  if (before.sources.length && (before.custom || !before.demo)) undo.offer(`Started over with the seed articles: your ${plural(before.sources.length, 'article')} ${before.sources.length === 1 ? 'was' : 'were'} set aside.`, 'starting over', before);
}

/** "New comparison": an empty list, kept as the visitor's, with an Undo. */
function newComparison() {
  const before = snapshot();
  sources = [];
  demo = false;
  changed(null);
  if (before.sources.length) undo.offer(`Cleared ${plural(before.sources.length, 'article')} for a new comparison.`, 'the new comparison', before);
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
  let before = null;
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
    if (added.length === 0) before = leaveDemo();
    added.push(addSource(file.name, html ? { html: text } : { text }));
  }
  // Named as the Undo notice names them ("the 12 articles" past three), not a list of every name.
  if (added.length) changed(`Added ${namesOf(added.map((name) => ({ name })))}.`);
  saySeedsLeft(before, added);
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

// The dialog's text is a draft until it is added: kept in local storage as it is typed (a moment
// after the last key, and at once when the dialog closes or the page goes away), so neither a
// closed dialog nor a reload loses it. A draft storage cannot keep stays while the page is open,
// and the dialog says so.
const draftNote = $('add-draft-note');
let draftTimer = 0;
let draftProblem = null; // why the draft is not kept across a reload, or null

function saveDraftNow() {
  clearTimeout(draftTimer);
  draftTimer = 0;
  const text = addText.value;
  const html = pasted && pasted.value === text ? pasted.html : null;
  draftProblem = saveDraft({ name: $('add-name').value, text, html, details: draftDetails() });
  draftNote.hidden = !draftProblem;
  draftNote.textContent = draftProblem ? `This draft is not kept across a reload (${draftProblem}): add it, or keep this page open.` : '';
}

/** The paste dialog's detail fields, for the draft: { outlet, url, when }, or null when all are empty. */
function draftDetails() {
  const d = { outlet: $('add-outlet').value, url: $('add-url').value, when: $('add-when').value };
  return Object.values(d).some((v) => v.trim() !== '') ? d : null;
}

function saveDraftSoon() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraftNow, 400);
}

/** Puts a draft kept from an earlier visit back into the dialog, and says it is there. */
function restoreDraft() {
  const draft = loadDraft();
  if (!draft || addText.value !== '' || $('add-name').value !== '') return;
  $('add-name').value = draft.name;
  addText.value = draft.text;
  for (const k of ['outlet', 'url', 'when']) if (typeof draft.details?.[k] === 'string') $(`add-${k}`).value = draft.details[k];
  if (draft.html !== null) {
    pasted = { html: draft.html, value: draft.text };
    htmlNote.hidden = false;
  }
  const name = draft.name.trim() || guessName(draft.text);
  notice('draft', `Your unsent draft${name ? ` “${name}”` : ''} is kept: “Paste an article” opens it.`, {
    actions: [{ label: 'Open the draft', run: () => $('add-button').click() }],
  });
}

// The outlet, address and time the engine reads from the text fill the detail fields as it is
// pasted or typed (www/details.js).
const prefill = setupPrefill({
  view,
  article: () => {
    const text = addText.value;
    if (text.trim() === '') return null;
    const name = $('add-name').value.trim() || 'pasted';
    return pasted && pasted.value === text ? { name, html: pasted.html } : { name, text };
  },
});

addText.addEventListener('paste', (e) => {
  const page = addText.value.trim() === '' ? clipboardPage(e.clipboardData) : null;
  if (!page) return; // the browser pastes plain text, as always
  e.preventDefault();
  addText.value = page.plain;
  pasted = { html: page.html, value: addText.value };
  htmlNote.hidden = false;
  saveDraftSoon();
  prefill.soon();
});
addText.addEventListener('input', () => {
  if (pasted && addText.value !== pasted.value) forgetPaste();
});

$('add-button').addEventListener('click', () => {
  addError.hidden = true;
  // A draft left in the dialog (closed with Cancel or Esc, or kept from an earlier visit) is still there.
  dialog.showModal();
  addText.focus();
  if (addText.value.trim() !== '') prefill.soon();
});
$('add-cancel').addEventListener('click', () => dialog.close());
// Closed with text in it (Cancel, Esc): the text stays as a draft, kept across reloads, and a
// notice says where to find it. (Adding the article empties the dialog before closing it.)
dialog.addEventListener('close', () => {
  saveDraftNow();
  const text = addText.value;
  if (text.trim() === '' && $('add-name').value.trim() === '' && !draftDetails()) {
    notice('draft', null);
    return;
  }
  const name = $('add-name').value.trim() || guessName(text);
  notice('draft', `Your draft${name ? ` “${name}”` : ''} is kept${draftProblem ? ' while this page is open' : ''}: “Paste an article” opens it again.`, {
    actions: [{ label: 'Open the draft', run: () => $('add-button').click() }],
  });
});
$('add-name').addEventListener('input', () => saveDraftSoon());
for (const k of ['outlet', 'url', 'when']) $(`add-${k}`).addEventListener('input', () => saveDraftSoon());
addText.addEventListener('input', () => {
  saveDraftSoon();
  prefill.soon();
});
$('add-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = addText.value;
  const givenName = $('add-name').value.trim();
  // The web page pasted, if the box still holds just its text.
  const html = pasted && pasted.value === text ? pasted.html : null;
  let problem = html !== null ? htmlProblem(givenName || 'the pasted page', html) : sourceProblem(givenName || 'the pasted article', text);
  if (problem) problem = `Cannot add it: ${problem}.`;
  else if (new Blob([html ?? text]).size > MAX_BYTES) problem = `That is more than ${LIMIT} of text: the limit per article.`;
  // The details given (outlet, address, time): shown instead of what the engine reads.
  const given = readFields('add', prefill.before());
  if (!problem && given.problem) problem = given.problem;
  if (problem) {
    addError.textContent = problem;
    addError.hidden = false;
    $('add-text').focus();
    return;
  }
  const before = leaveDemo();
  const name = addSource(givenName, html !== null ? { html } : { text }, text);
  if (given.meta) sources[sources.length - 1].meta = given.meta;
  $('add-form').reset(); // a long text need not stay in the closed dialog, nor the draft
  forgetPaste();
  prefill.reset();
  saveDraftNow();
  dialog.close();
  changed(`Added “${name}”.`);
  saySeedsLeft(before, [name]);
});

// Each article's details (outlet, address, time) and "Order by time": www/details.js.
const details = setupDetails({ view, sources: () => sources, changed, snapshot, offerUndo: undo.offer, setStatus, notice });

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
  const before = leaveDemo();
  const name = addSource('', content, page ? page.plain : plain);
  notice('files', null);
  changed(`Added “${name}” (pasted${page ? ' from a web page' : ''}).`);
  saySeedsLeft(before, [name]);
});

// --- exports --------------------------------------------------------------------------------


$('export-json').addEventListener('click', () => {
  if (view.report) download('storydiff-report.json', 'application/json', view.exportJSON());
});
$('export-html').addEventListener('click', () => {
  if (view.report) download('storydiff-report.html', 'text/html', view.exportHTML({ title: 'storydiff report' }));
});
// Print, or save as PDF from the print dialog: the print styles (www/style.css, js/element-style.js)
// lay every sentence out on paper, and the element finishes its rendering first (beforeprint).
$('print-button').addEventListener('click', () => window.print());
$('new-button').addEventListener('click', () => newComparison());
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
  for (const id of ['export-json', 'export-html', 'print-button']) $(id).disabled = view.state !== 'ready';
  if (view.state === 'empty') {
    setStatus('empty', sources.length === 0 ? 'No articles: paste or open two or more, or start over with the seeds.' : 'Add at least one more article to compare.');
  } else if (view.state === 'comparing' && document.body.dataset.state !== 'loading') {
    document.body.dataset.state = 'comparing';
  }
});
observer.observe(view, { attributes: true, attributeFilter: ['state'] });

// --- start ------------------------------------------------------------------------------------

async function main() {
  const { sources: stored, demo: storedDemo, error } = await loadArticles();
  if (error) notice('storage', `Your articles could not be read back from this browser's storage (${error}): showing the seed articles.`);
  if (stored) {
    custom = true;
    demo = storedDemo;
    sources = stored;
    setStatus('loading', `Comparing ${demo ? 'the' : 'your'} ${plural(sources.length, demo ? 'seed article' : 'article')}…`);
  } else {
    setStatus('loading', 'Loading the seed articles…');
    sources = await loadSeeds();
    demo = true;
  }
  show();
  // What can be undone or put back, kept from before the reload.
  undo.load();
  // After the comparison is under way: a draft never holds up the first view.
  setTimeout(restoreDraft, 0);
  // The unsaved details of articles no longer listed are let go, unless the articles could not
  // be read back (they may come back with a reload).
  details.restore({ cleanup: !error });
}

main().catch((err) => setStatus('error', `Something went wrong: ${errorMessage(err)}`));
