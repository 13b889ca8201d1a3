// An article's details on the page: its outlet, address (URL) and publication date and time, as
// the visitor gives them. The paste dialog has the three fields, filled with what the engine reads
// from the article as it is pasted (setupPrefill) and open to correction; each listed article has a "Details" button opening a dialog with the
// fields filled from what the engine read (or what was given before), to correct them. Given
// details are kept with the article (`meta`, saved with it) and shown instead of what the engine
// read: in the column heads, the focus panel, every export. "Order by time" puts the articles in
// order of publication (those without a time last), with an Undo. Only text goes into the page.

import { ZONED, timeOf } from '../js/provenance.js';
import { loadDetailsDraft, saveDetailsDraft } from './storage.js';
import { contentKey } from './lists.js';

const $ = (id) => document.getElementById(id);

// The Published fields are datetime-local inputs: what they show and what is typed in them is the
// visitor's local time (the browser's time zone, named beside the field). A time read with a zone
// is shown converted to it; a time typed is kept with the visitor's UTC offset on that date, so
// that it is known to the minute ("2025-06-10T06:00+02:00") and can tell which source was first
// (js/provenance.js counts a time without a zone as unsure by up to 14 hours either way). A time
// read from an article without a zone is shown as it is, and stays unsure.

const pad = (n) => String(n).padStart(2, '0');

/** The local date and time of `d` as a datetime-local value ("2025-06-10T06:00"). */
const localFields = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A datetime-local field's value for an ISO date or date and time ('' when there is none). */
export function localValue(iso) {
  if (!iso) return '';
  const text = iso.trim();
  if (/[T ]\d{2}:\d{2}/.test(text) && ZONED.test(text)) {
    const d = new Date(Date.parse(text));
    if (Number.isFinite(d.getTime())) return localFields(d);
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(text);
  return m ? `${m[1]}T${m[2] || '00:00'}` : '';
}

/**
 * A datetime-local value ("2025-06-10T06:00", the visitor's local time) with the visitor's UTC
 * offset on that date. Written from the instant's own local fields, not from the value: a time
 * in the hour the clocks skip (02:30 on the night summer time starts) is the instant the browser
 * takes it for, with the offset that holds then (03:30+02:00), never a time that names another
 * instant (02:30+02:00 is 01:30 in winter time). See gapProblem.
 */
export function withLocalZone(value) {
  const d = new Date(value); // a date and time without a zone: local time
  if (!Number.isFinite(d.getTime())) return value;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  // As typed (seconds too, when given), unless the clocks skipped it: then the instant's own fields.
  const real = localFields(d);
  const text = real === value.slice(0, 16) ? value : real + value.slice(16);
  return `${text}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/**
 * Why a typed local time cannot be kept as typed, or null: a time the clocks skip in the visitor's
 * time zone does not exist there, and is refused (with the time it would be) rather than changed
 * unsaid.
 */
export function gapProblem(value) {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) || !Number.isFinite(d.getTime())) return null;
  const real = localFields(d);
  if (real === value) return null;
  return `${value.replace('T', ' ')} does not exist ${zoneNote()}: the clocks skip that hour on that day. Did you mean ${real.replace('T', ' ')}?`;
}

/** "your time zone, Europe/Berlin": what the Published fields' times are in. */
export function zoneNote() {
  let name = '';
  try {
    name = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    name = '';
  }
  return name ? `in your time zone, ${name}` : 'in your time zone';
}

/**
 * The details in the fields `<prefix>-outlet`, `-url`, `-when`: { meta, problem }. Only the
 * fields that differ from `before` (the values they were filled with) are taken; an address must
 * be an http(s) URL.
 */
export function readFields(prefix, before = { outlet: '', url: '', when: '' }) {
  const value = (k) => $(`${prefix}-${k}`).value.trim();
  const meta = {};
  const outlet = value('outlet');
  const url = value('url');
  const when = value('when');
  if (outlet !== before.outlet && outlet) meta.outlet = outlet;
  if (url !== before.url && url) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) return { meta: null, problem: 'The address must be a web address starting with http:// or https://.' };
    meta.url = url;
  }
  if (when !== before.when && when) {
    const gap = gapProblem(when);
    if (gap) return { meta: null, problem: gap };
    meta.datetime = withLocalZone(when);
  }
  return { meta: Object.keys(meta).length ? meta : null, problem: null };
}

/**
 * Fills the paste dialog's detail fields (`add-outlet`, `-url`, `-when`) with what the engine reads
 * from the article being pasted, a moment after its text changes (`soon()`), and says so under
 * them. A field the user has typed in stays theirs; a field still holding what was read is
 * replaced by the next reading. `article()` gives `{ name, text }` or `{ name, html }`, or null
 * when the box is empty; `before()` is what the fields were filled with, for `readFields`, so that
 * only what the user changed counts as given by them.
 */
export function setupPrefill({ view, article }) {
  const keys = ['outlet', 'url', 'when'];
  const none = { outlet: '', url: '', when: '' };
  const note = $('add-read-note');
  let filled = { ...none };
  const typed = new Set();
  let timer = 0;
  let seq = 0;
  // The last text read and what it gave: a pause in typing that changed nothing, or the dialog
  // opened again on the same article, costs the engine no second reading.
  let last = { key: null, values: none };
  for (const k of keys) $(`add-${k}`).addEventListener('input', () => typed.add(k));

  function show(values) {
    for (const k of keys) {
      const field = $(`add-${k}`);
      if (typed.has(k) || field.value !== filled[k]) continue;
      field.value = values[k];
      filled[k] = values[k];
    }
    note.hidden = !keys.some((k) => filled[k] !== '' && $(`add-${k}`).value === filled[k]);
  }

  async function readNow() {
    const source = article();
    const mine = ++seq;
    if (!source) return show(none);
    const key = contentKey(source);
    if (key === last.key) return show(last.values);
    let read = null;
    try {
      read = await view.readDetails(source);
    } catch {
      read = null; // text the engine refuses: adding it says why
    }
    if (mine !== seq) return; // the text changed meanwhile
    last = { key, values: { outlet: read?.outlet ?? '', url: read?.url ?? '', when: localValue(read?.datetime ?? read?.published ?? '') } };
    show(last.values);
  }

  return {
    soon() {
      clearTimeout(timer);
      timer = setTimeout(readNow, 400);
    },
    before: () => ({ ...filled }),
    reset() {
      clearTimeout(timer);
      seq++;
      typed.clear();
      filled = { ...none };
      note.hidden = true;
    },
  };
}

/** Empties the fields `<prefix>-outlet`, `-url`, `-when`. */
export function clearFields(prefix) {
  for (const k of ['outlet', 'url', 'when']) $(`${prefix}-${k}`).value = '';
}

/**
 * Which draft an article's unsaved details are kept under: its content and its name, so that two
 * articles with one text (a copy kept under another name, with other details) have a draft each.
 */
export const draftId = (d) => `${d.key}\n${d.name}`;

/**
 * The index in `list` of the article draft `d` ({ key: its contentKey, name }) is for: the one
 * with that content and name; else, renamed since, the only one with that content; else -1.
 */
export function draftArticle(list, d) {
  const i = list.findIndex((s) => s.name === d.name && contentKey(s) === d.key);
  if (i >= 0) return i;
  const same = list.flatMap((s, k) => (contentKey(s) === d.key ? [k] : []));
  return same.length === 1 ? same[0] : -1;
}

/**
 * Wires the details dialog and "Order by time". `page` gives what the page's list is made of:
 * sources() (the list now), changed(message), snapshot(), offerUndo(message, what, before),
 * setStatus(state, text), notice(kind, message, options), view (the element).
 *
 * Closed with Esc or Cancel after a change, the dialog's fields are not thrown away: they are kept
 * (per article, across a reload too), a notice says so and opens them again, and the article's
 * Details button shows them until they are saved or the notice is dismissed.
 */
export function setupDetails(page) {
  for (const el of document.querySelectorAll('.zone-note')) el.textContent = `(${zoneNote()})`;
  const dialog = $('details-dialog');
  const error = $('details-error');
  let editing = null; // { index, before, draft (the id of the article's draft when it had one) }
  // The unsaved changes, per article (by draftId): { key, name, values, id (its notice's) }.
  const drafts = new Map();
  let ids = 0;

  const fields = () => ({ outlet: $('details-outlet').value, url: $('details-url').value, when: $('details-when').value });
  const indexOf = (d) => draftArticle(page.sources(), d);
  const saveDrafts = () => saveDetailsDraft([...drafts.values()].map(({ key, name, values }) => ({ key, name, values })));
  /** The id of the draft of article `i`, or null. */
  const draftOf = (i) => [...drafts.keys()].find((id) => indexOf(drafts.get(id)) === i) ?? null;

  /** Keeps the unsaved changes `d` ({ key, name, values }) of an article, and says so in a notice of its own. */
  function keepDraft(d) {
    const old = drafts.get(draftId(d));
    const draft = { ...d, id: old ? old.id : ++ids };
    drafts.set(draftId(d), draft);
    const kept = saveDrafts();
    const message = `Your changes to the details of “${draft.name}” are not saved: they are kept${kept ? '' : ' while this page is open'}, and its Details button shows them again. Dismiss this to let them go.`;
    const show = (text) => page.notice(`details-draft-${draft.id}`, text, {
      // The notice stays while its changes do: opening them saves nothing.
      actions: [{ label: 'Open them', describe: `Open the unsaved details of ${draft.name}`, keep: true, run: () => {
        const i = indexOf(draft);
        if (i >= 0) open(i);
        else show(`“${draft.name}”, whose unsaved details these are, is no longer listed: put it back (if it was set aside) to open them, or dismiss this to let them go.`);
      } }],
      onDismiss: () => dropDraft(draftId(draft)),
    });
    show(message);
  }

  /** Lets go of an article's unsaved changes (saved, or dismissed). */
  function dropDraft(id) {
    const draft = drafts.get(id);
    if (!draft) return;
    drafts.delete(id);
    saveDrafts();
    page.notice(`details-draft-${draft.id}`, null);
  }

  /** Opens the details of article `i`, filled from the report on show (what the engine read, or what was given), or with its unsaved changes. */
  function open(i) {
    const src = page.view.report?.sources[i];
    const article = page.sources()[i];
    const given = article?.meta || {};
    const before = {
      outlet: given.outlet ?? src?.outlet ?? '',
      url: given.url ?? src?.url ?? '',
      when: localValue(given.datetime ?? src?.datetime ?? src?.published ?? ''),
    };
    const draft = draftOf(i);
    const shown = drafts.get(draft)?.values ?? before;
    $('details-outlet').value = shown.outlet;
    $('details-url').value = shown.url;
    $('details-when').value = shown.when;
    $('details-title').textContent = `Details of “${article.name}”`;
    error.hidden = true;
    editing = { index: i, before, draft };
    dialog.showModal();
    $('details-outlet').focus();
  }

  $('details-cancel').addEventListener('click', () => dialog.close());
  // Closed without saving (Esc, Cancel): changed fields are kept as unsaved changes.
  dialog.addEventListener('close', () => {
    if (!editing) return; // saved
    const { before, draft, index } = editing;
    editing = null;
    const values = fields();
    const article = page.sources()[index];
    const changedFields = ['outlet', 'url', 'when'].some((k) => values[k].trim() !== before[k].trim());
    const d = article && { key: contentKey(article), name: article.name, values };
    // A draft found under the article's old name (renamed since) is kept under its name now.
    if (draft !== null && (!changedFields || !d || draftId(d) !== draft)) dropDraft(draft);
    if (changedFields && d) keepDraft(d);
  });
  $('details-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!editing) return;
    const { meta, problem } = readFields('details', editing.before);
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      return;
    }
    const src = page.sources()[editing.index];
    if (editing.draft !== null) dropDraft(editing.draft);
    editing = null;
    dialog.close();
    if (!src || !meta) return;
    src.meta = { ...(src.meta || {}), ...meta };
    page.changed(`Details of “${src.name}” changed.`);
  });

  $('order-time').addEventListener('click', () => {
    const report = page.view.report;
    const list = page.sources();
    if (!report || report.sources.length !== list.length) return;
    const mid = (i) => {
      const t = timeOf(report.sources[i]);
      return t ? (t.from + t.to) / 2 : Infinity;
    };
    const order = list.map((_, i) => i).sort((a, b) => mid(a) - mid(b) || a - b);
    if (order.every((k, i) => k === i)) {
      page.setStatus('ready', 'The articles are already in order of publication time (those without a time last).');
      return;
    }
    const before = page.snapshot();
    const sorted = order.map((k) => list[k]);
    list.splice(0, list.length, ...sorted);
    page.changed('Ordered by publication time (those without a time last).');
    page.offerUndo('Ordered by publication time.', 'the ordering by time', before);
  });

  /**
   * Offers again the unsaved changes kept from before a reload, of the articles listed; those of
   * articles gone are let go, unless `cleanup` is false (the articles could not be read back, and
   * a reload may bring them: every draft is offered, and kept).
   */
  function restore({ cleanup = true } = {}) {
    const kept = loadDetailsDraft();
    for (const d of kept) if ((!cleanup || indexOf(d) >= 0) && !drafts.has(draftId(d))) keepDraft(d);
    if (cleanup && kept.some((d) => indexOf(d) < 0)) saveDrafts();
  }

  return { open, restore };
}
