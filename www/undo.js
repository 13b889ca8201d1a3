// Undo, and the articles set aside (issue 13, point 1: nothing a visitor typed or pasted is ever
// lost silently, across reloads too).
//
// The latest change that takes articles off the list or reorders it (the first article of the
// visitor's own replacing the seeds, Remove, New comparison, Start over, Order by time, Put back)
// is undone exactly while the list is as that change left it: its notice offers Undo, then Redo.
// Once the list changes some other way (a rename, a paste, another removal), undoing it exactly
// would throw that later change away, so it is retired instead: the articles it took off the list
// (the untouched seeds aside, which Start over brings back) stay set aside, in a notice of their
// own with Put back (into the list as it is then, at their old places) until they are put back or
// the notice is dismissed. Both are kept in storage (www/storage.js), so that after a reload the
// Undo and the Put back notices are offered again.

import { errorMessage } from '../js/validate.js';
import { articleKey, contentKey, listKey, lostFrom, take, tally } from './lists.js';
import { loadUndo, parseArticle, saveUndo } from './storage.js';

/** How a notice names a set of articles: “A”, “A” and “B”, “A”, “B” and “C”, or the 4 articles. */
export function namesOf(articles) {
  const names = articles.map((a) => `“${a.name}”`);
  if (names.length > 3) return `the ${names.length} articles`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0] || 'nothing';
}

/** `s` with its first letter in upper case, to open a sentence with namesOf's words. */
export const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Wires Undo and Put back. `page` gives: snapshot() (the list now: { sources, demo, custom }),
 * apply(state, message) (shows a snapshot's list and compares it), putBack(articles) (puts
 * [{ article, index }] back into the list as it is, as a change of its own) and notice(kind,
 * message, { actions, onDismiss, dismissible }). `store` keeps the state across reloads
 * (www/storage.js; replaced in tests).
 */
export function setupUndo(page, store = { load: loadUndo, save: saveUndo }) {
  // The latest change: { message, what, redo (for a Redo: the message of the change it redoes,
  // else null), to (the list it restores), from (listKey of the list it left), lost (the indices
  // in `to` of the articles it took off the list) }.
  let latest = null;
  let aside = []; // [{ id, message, articles: [{ article, index }] }]
  let nextId = 1;
  let saveTimer = 0;
  // Until load() has merged what was kept from the last visit, a save would overwrite it: saves
  // wait, and load() saves once it is done. Stays true when what was kept cannot be read back.
  let holding = true;

  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (holding) return;
    const state = latest || aside.length ? { version: 1, latest: latest && packEntry(latest, page.snapshot()), aside, nextId } : null;
    store.save(state, (err) => {
      const why = err && (err.name === 'QuotaExceededError' ? "there is no room left in this browser's storage" : `this browser's storage refused it: ${errorMessage(err)}`);
      page.notice('undo-storage', err ? `What can be undone or put back is not kept across a reload (${why}): it is offered while this page is open.` : null, { dismissible: false });
    });
  }
  function save() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 0);
  }

  function showLatest() {
    if (!latest) {
      page.notice('undo', null);
      return;
    }
    const e = latest;
    const label = e.redo ? 'Redo' : 'Undo';
    page.notice('undo', e.message, {
      actions: [{ label, describe: `${label} ${e.what}`, run: () => flip(e) }],
      // Dismissed, it no longer offers Undo, but what it took off the list is not dropped unsaid:
      // it is set aside, in a notice of its own, as when the list changes.
      onDismiss: () => {
        if (latest === e) retire();
      },
    });
  }

  /** Undoes (or redoes) the latest change, and offers the opposite. */
  function flip(e) {
    if (latest !== e) return;
    const now = page.snapshot();
    if (listKey(now) !== e.from) {
      retire(); // the list changed meanwhile: what it took away is set aside instead
      return;
    }
    latest = null;
    page.apply(e.to, e.redo ? `Redone: ${e.what}.` : `Undone: ${e.what}.`);
    if (e.redo) offer(e.redo, e.what, now);
    else offer(`Undone: ${e.what}.`, e.what, now, e.message);
  }

  function showAside(entry) {
    const names = namesOf(entry.articles.map((a) => a.article));
    const one = entry.articles.length === 1;
    page.notice(`aside-${entry.id}`, `${entry.message} ${upper(names)} ${one ? 'is' : 'are'} set aside: put ${one ? 'it' : 'them'} back, or dismiss this to let ${one ? 'it' : 'them'} go.`, {
      actions: [{ label: 'Put back', describe: `Put back ${names}`, run: () => {
        aside = aside.filter((x) => x !== entry);
        save();
        page.putBack(entry.articles);
      } }],
      onDismiss: () => {
        aside = aside.filter((x) => x !== entry);
        save();
      },
    });
  }

  /**
   * Offers to undo `what` (worded for "Undo …"), which changed the list from `before` (a snapshot)
   * to what it is now; `redo`: the message of the change this one undid, to offer Redo instead.
   */
  function offer(message, what, before, redo = null) {
    retire();
    const now = page.snapshot();
    // The untouched seeds come back with "Start over": they are not kept aside.
    const lost = before.demo && !before.custom ? [] : lostFrom(before.sources, now.sources);
    latest = { message, what, redo, to: before, from: listKey(now), lost };
    showLatest();
    save();
  }

  /** Sets aside, in a notice of its own, what change `e` took off the list. */
  function setAside(e) {
    if (!e.lost.length) return;
    const entry = { id: nextId++, message: e.message, articles: e.lost.map((i) => ({ article: e.to.sources[i], index: i })) };
    aside.push(entry);
    showAside(entry);
  }

  /** The list changed some other way: the latest change can no longer be undone exactly; what it took away is set aside. */
  function retire() {
    if (!latest) return;
    const e = latest;
    latest = null;
    page.notice('undo', null);
    setAside(e);
    save();
  }

  /**
   * Reads what was kept from an earlier visit and offers it again; the list on show is the one
   * loaded. Nothing kept is dropped: a change made while it was read takes the Undo, and the
   * change kept is set aside instead; then everything is saved together.
   */
  async function load() {
    let got;
    try {
      got = await store.load();
    } catch (err) {
      got = { error: errorMessage(err) };
    }
    if (got?.error) {
      // Left in storage as it is (a reload may read it), so nothing here is saved over it.
      page.notice('undo-load', `What could be undone or put back from your last visit could not be read back from this browser's storage (${got.error}). It is left there for a reload to try again; what you can undo now is offered while this page is open.`);
      return;
    }
    const data = got?.data;
    if (data) {
      const kept = (Array.isArray(data.aside) ? data.aside : []).map(parseAside).filter(Boolean);
      nextId = Math.max(nextId, Number.isInteger(data.nextId) ? data.nextId : 1, ...kept.map((x) => x.id + 1));
      // Set aside while it was read: those notices keep their ids, the kept ones get new ones.
      for (const entry of kept) if (aside.some((x) => x.id === entry.id)) entry.id = nextId++;
      aside.push(...kept);
      for (const entry of kept) showAside(entry);
      const now = page.snapshot();
      const e = parseEntry(data.latest, now);
      if (e && latest) setAside(e);
      else if (e) {
        latest = e;
        if (e.whole && listKey(now) === e.from) showLatest();
        else retire(); // the list kept is not the one it left (its save failed, say)
      }
    }
    holding = false;
    save();
  }

  return {
    offer,
    retire,
    load,
    /** Saves at once what is waiting to be saved (the page is going away). */
    flush() {
      if (saveTimer) saveNow();
    },
  };
}

/**
 * The latest change as kept: its list `to` not copied whole (it may hold long articles the list
 * on show holds too) but as `order`, each article either `{ key, name }` (its contentKey and name:
 * one the list now holds, which the Undo is offered only while it is unchanged) or `{ article }`
 * in full (one the change took off the list, or not in the list now), and `demo`, `custom`.
 */
function packEntry(e, now) {
  const { message, what, redo, from, to } = e;
  const lost = new Set(e.lost);
  // Only while the list is the one the change left: else the articles are kept in full.
  const here = listKey(now) === e.from ? tally(now.sources, articleKey) : new Map();
  const order = to.sources.map((s, i) => (!lost.has(i) && take(here, articleKey(s)) ? { key: contentKey(s), name: s.name } : { article: s }));
  return { message, what, redo, from, lost: e.lost, order, demo: to.demo, custom: to.custom };
}

/**
 * The list of a change kept (packEntry's `order`, or `to` whole as kept before), its articles
 * named by key and name found in `now` (the list on show), in order: { sources, demo, custom,
 * whole } (whole: every article was found; else the missing are null), or null.
 */
function parseList(e, now) {
  if (Array.isArray(e.order)) {
    const pool = new Map(); // contentKey and name -> the articles of `now` left, in order
    for (const s of now.sources) {
      const k = JSON.stringify([contentKey(s), s.name]);
      if (!pool.has(k)) pool.set(k, []);
      pool.get(k).push(s);
    }
    const sources = e.order.map((x) => (x && 'article' in x ? parseArticle(x.article) : pool.get(JSON.stringify([x?.key, x?.name]))?.shift() ?? null));
    const copy = (s) => s && { ...s, restored: [...s.restored] };
    return { sources: sources.map(copy), demo: e.demo === true, custom: e.custom === true, whole: sources.every(Boolean) };
  }
  const state = e.to;
  if (!state || !Array.isArray(state.sources)) return null;
  const sources = state.sources.map(parseArticle);
  if (sources.some((s) => !s)) return null;
  return { sources, demo: state.demo === true, custom: state.custom === true, whole: true };
}

function parseEntry(e, now) {
  if (!e || typeof e.message !== 'string' || typeof e.what !== 'string' || typeof e.from !== 'string') return null;
  const list = parseList(e, now);
  if (!list || !Array.isArray(e.lost)) return null;
  const { whole, ...to } = list;
  // What it took off the list is kept in full; an index that is not is dropped.
  const lost = e.lost.filter((i) => Number.isInteger(i) && i >= 0 && i < to.sources.length && to.sources[i]);
  return { message: e.message, what: e.what, redo: typeof e.redo === 'string' ? e.redo : null, to, from: e.from, lost, whole };
}

function parseAside(x) {
  if (!x || !Number.isInteger(x.id) || typeof x.message !== 'string' || !Array.isArray(x.articles)) return null;
  const articles = x.articles.map((a) => ({ article: parseArticle(a?.article), index: Number.isInteger(a?.index) ? a.index : 0 }));
  if (articles.length === 0 || articles.some((a) => !a.article)) return null;
  return { id: x.id, message: x.message, articles };
}
