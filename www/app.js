// The storydiff page: loads the seed articles, compares them with the wasm engine and shows
// one column per source, each sentence shaded by how many other sources share it.
// Article text only ever goes into the page through textContent.

const statusEl = document.getElementById('status');
const columnsEl = document.getElementById('columns');
const legendEl = document.getElementById('legend');

// Why a span was removed: a short label and a longer explanation (shown on hover).
const REASONS = {
  boilerplate: ['boilerplate', 'Subscription, sign-in, app and newsletter prompts, share buttons'],
  navigation: ['navigation', 'Menus, related-story and headline lists'],
  contact: ['contact', 'Tip lines, phone numbers, e-mail addresses, addresses'],
  copyright: ['copyright', 'Copyright and rights lines'],
  credit: ['credit', 'Photo and image credits'],
  language: ['other language', 'Site chrome in another language than the article'],
  duplicate: ['duplicate', 'A repeated copy of text that appears earlier'],
  metadata: ['metadata', 'Date, byline, outlet, section and programme lines, read into the header'],
  label: ['label', 'Script labels such as [LEAD] or [REPORT]'],
};

function setState(state, message) {
  document.body.dataset.state = state;
  statusEl.textContent = message;
  statusEl.classList.toggle('error', state === 'error');
}

/** Creates an element with a class and text content (never HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Shade level 1..4 for a sentence shared with `support` of `others` other sources. */
function level(support, others) {
  if (support <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((support / Math.max(others, 1)) * 4)));
}

async function fetchOk(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url} (HTTP ${res.status})`);
  return res;
}

function renderLegend(others) {
  legendEl.replaceChildren();
  legendEl.append(el('span', 'legend-title', 'Shared with'));
  const unique = el('span', 'legend-item');
  unique.append(el('span', 'swatch sentence unique'), el('span', null, 'no other source (unique)'));
  legendEl.append(unique);
  for (let s = 1; s <= others; s++) {
    const item = el('span', 'legend-item');
    const swatch = el('span', `swatch level-${level(s, others)}`);
    item.append(swatch, el('span', null, s === others ? `all ${s} others` : `${s} other${s === 1 ? '' : 's'}`));
    legendEl.append(item);
  }
  legendEl.hidden = false;
}

function metaRow(dl, label, value) {
  dl.append(el('dt', null, label), el('dd', value ? null : 'missing', value || 'not found'));
}

function renderSource(report, i) {
  const source = report.sources[i];
  const others = report.sources.length - 1;
  const col = el('section', 'source');
  col.dataset.source = String(i);

  const head = el('header', 'source-head');
  head.append(el('p', 'outlet', source.outlet || 'Unknown outlet'));
  head.append(el('h2', source.title ? 'title' : 'title missing', source.title || '(no headline found)'));
  const dl = el('dl', 'meta');
  metaRow(dl, 'Date', source.published);
  metaRow(dl, source.authors.length === 1 ? 'Author' : 'Authors', source.authors.join(', '));
  metaRow(dl, 'File', source.name);
  head.append(dl);

  const counted = source.sentences.filter((s) => s.role !== 'speaker');
  const shared = counted.filter((s) => s.support > 0).length;
  const stats = el('p', 'stats');
  stats.append(
    el('span', null, plural(counted.length, 'sentence')),
    el('span', 'stat-shared', `${shared} shared`),
    el('span', 'stat-unique', `${counted.length - shared} unique`),
  );
  head.append(stats);

  if (source.removed.length > 0) {
    const details = el('details', 'removed');
    details.append(el('summary', null, `${plural(source.removed.length, 'span')} of page chrome removed`));
    const list = el('ol');
    for (const r of source.removed) {
      const item = el('li');
      item.dataset.reason = r.reason;
      const [label, why] = REASONS[r.reason] || [r.reason, ''];
      const badge = el('span', 'reason', label);
      if (why) badge.title = why;
      item.append(badge, el('span', 'removed-text', r.text));
      list.append(item);
    }
    details.append(list);
    head.append(details);
  }
  col.append(head);

  const body = el('div', 'sentences');
  source.sentences.forEach((s, j) => {
    const classes = ['sentence', `role-${s.role}`];
    if (s.role !== 'speaker') {
      classes.push(s.support > 0 ? 'shared' : 'unique', `level-${level(s.support, others)}`);
    }
    const node = el('p', classes.join(' '), s.text);
    node.dataset.source = String(i);
    node.dataset.sentence = String(j);
    node.dataset.support = String(s.support);
    if (s.group !== null) node.dataset.group = String(s.group);
    if (s.role === 'speaker') {
      node.title = 'Speaker label (not compared)';
    } else if (s.support > 0) {
      const kind = s.group !== null && report.groups[s.group] ? ` (${report.groups[s.group].kind})` : '';
      node.title = `Shared with ${plural(s.support, 'other source')}${kind}`;
    } else {
      node.title = 'Only in this source';
    }
    body.append(node);
  });
  if (source.sentences.length === 0) body.append(el('p', 'empty', 'No article text was found in this source.'));
  col.append(body);
  return col;
}

/** Hovering a shared sentence highlights the same sentence in the other columns. */
function linkGroups() {
  let lit = [];
  const clear = () => {
    for (const n of lit) n.classList.remove('highlight');
    lit = [];
  };
  columnsEl.addEventListener('mouseover', (event) => {
    const node = event.target.closest('.sentence[data-group]');
    clear();
    if (!node) return;
    lit = [...columnsEl.querySelectorAll(`.sentence[data-group="${node.dataset.group}"]`)];
    for (const n of lit) n.classList.add('highlight');
  });
  columnsEl.addEventListener('mouseleave', clear);
}

function render(report) {
  columnsEl.replaceChildren(...report.sources.map((_, i) => renderSource(report, i)));
  renderLegend(report.sources.length - 1);
  linkGroups();
}

async function main() {
  setState('loading', 'Loading the comparison engine…');
  const { compare } = await import('../js/index.js');
  setState('loading', 'Loading the seed articles…');
  const names = await (await fetchOk('../seeds/index.json')).json();
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
    throw new Error('seeds/index.json must list the seed file names');
  }
  const texts = await Promise.all(names.map(async (n) => (await fetchOk(`../seeds/${encodeURIComponent(n)}`)).text()));
  setState('loading', 'Comparing…');
  const started = performance.now();
  const report = compare(names.map((name, i) => ({ name, text: texts[i] })));
  const ms = Math.round(performance.now() - started);
  if (report.sources.length === 0) throw new Error('the engine returned no sources');
  render(report);
  setState(
    'ready',
    `Compared ${plural(report.sources.length, 'source')} in ${ms} ms: ` +
      `${plural(report.groups.length, 'shared sentence group')}, ${plural(report.quotes.length, 'quotation')}.`,
  );
}

main().catch((err) => {
  setState('error', `Something went wrong: ${err && err.message ? err.message : err}`);
});
