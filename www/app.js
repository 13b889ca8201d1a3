// The storydiff page: the <story-diff> element (js/element.js) over the seed articles, plus what
// a visitor needs around it: paste, open or drop their own articles, rename and remove them, start
// over with the seeds, and download the report (JSON) or the view (standalone HTML). The user's
// articles are kept in local storage, so they survive a reload. The comparison runs in a Web
// Worker inside the element. Article text only ever goes into the page as text.

import '../js/element.js';

const STORE = 'storydiff:articles:v1';
const MAX_BYTES = 8 << 20; // the engine's limit per source

const $ = (id) => document.getElementById(id);
const view = $('view');
const statusEl = $('status');
const listEl = $('source-list');
const summaryEl = $('source-summary');
const dialog = $('add-dialog');

let sources = []; // [{ name, text, restored? }]
let custom = false; // true once the visitor changed anything (then it is saved)
let seedNames = [];

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function setStatus(state, message) {
  document.body.dataset.state = state;
  statusEl.textContent = message;
  statusEl.classList.toggle('error', state === 'error');
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
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
    const item = el('li', 'source-item');
    const name = el('input', 'source-name');
    name.type = 'text';
    name.value = s.name;
    name.setAttribute('aria-label', `Name of article ${i + 1}`);
    name.addEventListener('change', () => {
      const value = name.value.trim();
      if (!value || value === s.name) {
        name.value = s.name;
        return;
      }
      s.name = value;
      changed(`Renamed article ${i + 1} to “${value}”.`);
    });
    const info = el('span', 'source-info', `${wordCount(s.text).toLocaleString('en')} words`);
    const remove = el('button', 'remove', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${s.name}`);
    remove.addEventListener('click', () => {
      const [gone] = sources.splice(i, 1);
      changed(`Removed “${gone.name}”.`);
      const next = listEl.querySelectorAll('button.remove')[Math.min(i, sources.length - 1)];
      (next || $('add-button')).focus();
    });
    item.append(name, info, remove);
    listEl.append(item);
  });
  summaryEl.textContent = `${plural(sources.length, 'article')}${custom ? ' (yours, kept in this browser)' : ' (the seeds)'}`;
}

function changed(message) {
  custom = true;
  save();
  renderList();
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
  const res = await fetch('../seeds/index.json');
  if (!res.ok) throw new Error(`could not load the seed list (HTTP ${res.status})`);
  const names = await res.json();
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw new Error('seeds/index.json must list the seed file names');
  seedNames = names;
  return Promise.all(names.map(async (name) => {
    const r = await fetch(`../seeds/${encodeURIComponent(name)}`);
    if (!r.ok) throw new Error(`could not load ${name} (HTTP ${r.status})`);
    return { name, text: await r.text(), restored: [] };
  }));
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
      refused.push(`${file.name} (larger than 8 MiB)`);
      continue;
    }
    const text = await file.text();
    if (text.includes('\u0000') || text.trim() === '') {
      refused.push(`${file.name} (${text.trim() === '' ? 'empty' : 'not text'})`);
      continue;
    }
    added.push(addSource(file.name, text));
  }
  if (added.length) changed(`Added ${added.map((n) => `“${n}”`).join(', ')}.`);
  if (refused.length) {
    setStatus(added.length ? 'comparing' : document.body.dataset.state, `${added.length ? `Added ${plural(added.length, 'file')}. ` : ''}Not added: ${refused.join(', ')}.`);
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
  let problem = '';
  if (text.trim() === '') problem = 'Paste the article text first.';
  else if (new Blob([text]).size > MAX_BYTES) problem = 'That is more than 8 MiB of text: the limit per article.';
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
  const a = el('a');
  a.href = url;
  a.download = name;
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
  startOver().catch((err) => setStatus('error', `Could not load the seeds: ${err.message}`));
});

// --- the element's events ---------------------------------------------------------------------

view.addEventListener('report', (e) => {
  const { report, ms } = e.detail;
  $('export-json').disabled = false;
  $('export-html').disabled = false;
  setStatus('ready',
    `Compared ${plural(report.sources.length, 'source')} in ${ms} ms: ` +
      `${plural(report.groups.length, 'shared sentence group')}, ${plural(report.quotes.length, 'quotation')}.`);
});
view.addEventListener('comparisonerror', (e) => {
  $('export-json').disabled = true;
  $('export-html').disabled = true;
  setStatus('error', `Something went wrong: ${e.detail.message}${e.detail.retryable ? ' (use Retry below)' : ''}`);
});
view.addEventListener('restore', (e) => {
  sources = e.detail.sources;
  custom = true;
  save();
  renderList();
});
const observer = new MutationObserver(() => {
  if (view.state === 'empty') {
    $('export-json').disabled = true;
    $('export-html').disabled = true;
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

main().catch((err) => setStatus('error', `Something went wrong: ${err && err.message ? err.message : err}`));
