// The storydiff page: the <story-diff> element (js/element.js) over the seed articles, plus what
// a visitor needs around it: paste, open or drop their own articles, rename and remove them, start
// over with the seeds, and download the report (JSON) or the view (standalone HTML). The user's
// articles are kept in local storage, so they survive a reload. The comparison runs in a Web
// Worker inside the element. Article text only ever goes into the page as text.

import { h, plural } from '../js/dom.js';
import { loadSources } from '../js/element.js';
import { MAX_BYTES, errorMessage, sourceProblem } from '../js/validate.js';

const STORE = 'storydiff:articles:v1';
const LIMIT = `${MAX_BYTES >> 20} MiB`; // the engine's limit per source

const $ = (id) => document.getElementById(id);
const view = $('view');
const statusEl = $('status');
const listEl = $('source-list');
const summaryEl = $('source-summary');
const dialog = $('add-dialog');

let sources = []; // [{ name, text, restored? }]
let custom = false; // true once the visitor changed anything (then it is saved)

function setStatus(state, message) {
  document.body.dataset.state = state;
  statusEl.textContent = message;
  statusEl.classList.toggle('error', state === 'error');
}

// --- storage --------------------------------------------------------------------------------

function load() {
  try {
    const raw = localStorage.getItem(STORE);
    if (!raw) return null;
    const data = JSON.parse(raw);
    if (!data || data.version !== 1 || !Array.isArray(data.sources)) return null;
    const list = data.sources.filter((s) => s && typeof s.name === 'string' && typeof s.text === 'string');
    return list.map((s) => ({ name: s.name, text: s.text, restored: Array.isArray(s.restored) ? s.restored : [] }));
  } catch {
    return null;
  }
}

function save() {
  if (!custom) return;
  try {
    localStorage.setItem(STORE, JSON.stringify({ version: 1, sources }));
  } catch (err) {
    setStatus(document.body.dataset.state, `Could not keep your articles in this browser (${err.name === 'QuotaExceededError' ? 'storage is full' : err.message}); they will be lost on reload.`);
  }
}

// --- sources --------------------------------------------------------------------------------

function wordCount(text) {
  return (text.match(/\S+/g) || []).length;
}

function renderList() {
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
    listEl.append(h('li', { class: 'source-item' }, name, h('span', { class: 'source-info', text: `${wordCount(s.text).toLocaleString('en')} words` }), remove));
  });
  summaryEl.textContent = `${plural(sources.length, 'article')}${custom ? ' (yours, kept in this browser)' : ' (the seeds)'}`;
}

/** The visitor's articles changed: keep them (they are theirs now) and list them again. */
function keep() {
  custom = true;
  save();
  renderList();
}

/** `sources` changed here: keep them, say so and compare them again. */
function changed(message) {
  keep();
  if (message) setStatus('comparing', `${message} Comparing…`);
  view.sources = sources;
}

function addSource(name, text) {
  const base = name.trim() || guessName(text) || `Article ${sources.length + 1}`;
  let unique = base;
  for (let k = 2; sources.some((s) => s.name === unique); k++) unique = `${base} (${k})`;
  sources.push({ name: unique, text, restored: [] });
  return unique;
}

function guessName(text) {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) || '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

async function loadSeeds() {
  const list = await loadSources('../seeds/index.json');
  return list.map(({ name, text }) => ({ name, text, restored: [] }));
}

async function startOver() {
  try {
    localStorage.removeItem(STORE);
  } catch {
    // storage unavailable: nothing to clear
  }
  custom = false;
  setStatus('loading', 'Loading the seed articles…');
  sources = await loadSeeds();
  renderList();
  view.sources = sources;
}

// --- files and drops ------------------------------------------------------------------------

async function addFiles(files) {
  const added = [];
  const refused = [];
  for (const file of files) {
    if (!/\.txt$/i.test(file.name) && !(file.type || '').startsWith('text/')) {
      refused.push(`${file.name} (not a .txt file)`);
      continue;
    }
    if (file.size > MAX_BYTES) {
      refused.push(`${file.name} (larger than ${LIMIT})`);
      continue;
    }
    const text = await file.text();
    const problem = sourceProblem(file.name, text);
    if (problem) {
      refused.push(problem);
      continue;
    }
    added.push(addSource(file.name, text));
  }
  if (added.length) changed(`Added ${added.map((n) => `“${n}”`).join(', ')}.`);
  if (refused.length) {
    setStatus(added.length ? 'comparing' : document.body.dataset.state, `${added.length ? `Added ${plural(added.length, 'file')}. ` : ''}Not added: ${refused.join('; ')}.`);
  }
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
$('add-button').addEventListener('click', () => {
  addError.hidden = true;
  $('add-form').reset();
  dialog.showModal();
  $('add-text').focus();
});
$('add-cancel').addEventListener('click', () => dialog.close());
$('add-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('add-text').value;
  const given = $('add-name').value.trim();
  let problem = sourceProblem(given || 'the pasted article', text);
  if (problem) problem = `Cannot add it: ${problem}.`;
  else if (new Blob([text]).size > MAX_BYTES) problem = `That is more than ${LIMIT} of text: the limit per article.`;
  if (problem) {
    addError.textContent = problem;
    addError.hidden = false;
    $('add-text').focus();
    return;
  }
  const name = addSource($('add-name').value, text);
  dialog.close();
  changed(`Added “${name}”.`);
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
      `${plural(report.groups.length, 'shared sentence group')}, ${plural(report.quotes.length, 'quotation')}.`);
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
  const stored = load();
  if (stored) {
    custom = true;
    sources = stored;
    setStatus('loading', `Comparing your ${plural(sources.length, 'article')}…`);
  } else {
    setStatus('loading', 'Loading the seed articles…');
    sources = await loadSeeds();
  }
  renderList();
  view.sources = sources;
}

main().catch((err) => setStatus('error', `Something went wrong: ${errorMessage(err)}`));
