// What the page keeps across reloads: the visitor's articles (and the spans they put back), what
// can be undone or put back (www/undo.js), and the paste dialog's unsent draft. Local
// storage holds about 5 MB per site and writes synchronously, so long articles (over LOCAL_MAX
// characters of JSON, or whatever local storage refuses) go to IndexedDB, which may use much more
// of the disk, and local storage keeps a pointer to them ({ version: 1, in: 'indexeddb' }). Saving
// reports whether the articles are kept, so the page can say when they would be lost on reload.
// `demo` marks a list that is still the seed articles, changed by the visitor (renamed, say): a
// list kept without it (as before there was one) is the visitor's own.

import { errorMessage } from '../js/validate.js';

export const STORE = 'storydiff:articles:v1';
const DB = 'storydiff'; // IndexedDB database (object store "articles", keyed as in local storage) for big values
const LOCAL_MAX = 1_000_000;

/** Runs `op(store)` in a transaction on the articles store; resolves to its request's result. */
function idb(mode, op) {
  return new Promise((resolve, reject) => {
    let open;
    try {
      open = indexedDB.open(DB, 1);
    } catch (err) {
      reject(err);
      return;
    }
    open.onupgradeneeded = () => open.result.createObjectStore('articles');
    open.onblocked = () => reject(new Error('the storage is in use by another tab'));
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      try {
        const tx = db.transaction('articles', mode);
        const req = op(tx.objectStore('articles'));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error || new Error('the storage refused them'));
        };
      } catch (err) {
        db.close();
        reject(err);
      }
    };
  });
}

/** What local storage holds for a value kept in IndexedDB. */
const POINTER = JSON.stringify({ version: 1, in: 'indexeddb' });

/**
 * A value kept under `key`: in local storage when its JSON fits (LOCAL_MAX characters, and local
 * storage takes it), else in IndexedDB with a pointer (POINTER) in local storage. The latest
 * save wins.
 */
function keeper(key) {
  let saves = 0;
  let inDb = false; // the value is in IndexedDB

  return {
    /** The value kept (parsed JSON), or null; throws when it is in IndexedDB and cannot be read back. */
    async load() {
      let data;
      try {
        const raw = localStorage.getItem(key);
        if (!raw) return null;
        data = JSON.parse(raw);
      } catch {
        return null;
      }
      if (data && data.in === 'indexeddb') {
        data = JSON.parse(await idb('readonly', (store) => store.get(key)));
        inDb = true;
      }
      return data;
    },

    /** Keeps `json`; `kept(err)` is told the outcome, at once or when IndexedDB answers (null: kept). */
    save(json, kept) {
      const seq = ++saves;
      if (json.length <= LOCAL_MAX) {
        try {
          localStorage.setItem(key, json);
          kept(null);
          if (inDb) {
            inDb = false;
            idb('readwrite', (store) => store.delete(key)).catch(() => {});
          }
          return;
        } catch {
          // Local storage is full (or missing): IndexedDB, below.
        }
      }
      // Marked at once, not when the write ends: a smaller save landing in local storage meanwhile
      // then deletes this copy (writes to one store run in order, so the delete comes after it).
      inDb = true;
      idb('readwrite', (store) => store.put(json, key)).then(() => {
        if (seq !== saves) return; // a later save took over
        try {
          localStorage.setItem(key, POINTER);
          kept(null);
        } catch (err) {
          // Without the pointer a reload would not find it (and must not load an older one).
          try {
            localStorage.removeItem(key);
          } catch {
            // storage unavailable: nothing older to find either
          }
          kept(err);
        }
      }, (err) => {
        if (seq !== saves) return;
        try {
          localStorage.removeItem(key); // an older value must not come back on reload
        } catch {
          // storage unavailable
        }
        kept(err);
      });
    },

    /** Forgets the value (a save still under way is dropped too). */
    forget() {
      saves++;
      let pointer = false;
      try {
        pointer = localStorage.getItem(key) === POINTER;
        localStorage.removeItem(key);
      } catch {
        // storage unavailable: nothing to clear
      }
      // IndexedDB only when a copy may be there: opening it would create the database for a
      // visitor who never needed it (the undo list is forgotten at every load with nothing kept).
      if (inDb || pointer) idb('readwrite', (store) => store.delete(key)).catch(() => {});
      inDb = false;
    },
  };
}

const articles = keeper(STORE);

/** An article as kept: { name, text | html, restored, meta? } from what storage gave back, or null. */
export function parseArticle(s) {
  if (!s || typeof s.name !== 'string' || (typeof s.text !== 'string' && typeof s.html !== 'string')) return null;
  const restored = Array.isArray(s.restored) ? s.restored : [];
  // The details the visitor gave (outlet, url, datetime), when there are any.
  const meta = s.meta && typeof s.meta === 'object' ? Object.fromEntries(['outlet', 'url', 'datetime'].filter((k) => typeof s.meta[k] === 'string').map((k) => [k, s.meta[k]])) : {};
  const given = Object.keys(meta).length ? { meta } : {};
  return typeof s.html === 'string' ? { name: s.name, html: s.html, restored, ...given } : { name: s.name, text: s.text, restored, ...given };
}

function parseStored(data) {
  if (!data || data.version !== 1 || !Array.isArray(data.sources)) return null;
  return data.sources.map(parseArticle).filter(Boolean);
}

/**
 * The articles kept from an earlier visit: { sources, demo } (sources null when none were kept),
 * or { sources: null, error } when they were kept in IndexedDB but cannot be read back.
 */
export async function loadArticles() {
  let data;
  try {
    data = await articles.load();
  } catch (err) {
    return { sources: null, error: errorMessage(err) };
  }
  return { sources: parseStored(data), demo: data?.demo === true };
}

/**
 * Keeps `sources`. `kept(err)` is told the outcome, at once or when IndexedDB answers: null when
 * they are kept, else why not (a later save supersedes an earlier one's answer).
 */
export function saveArticles(sources, kept, { demo = false } = {}) {
  articles.save(JSON.stringify(demo ? { version: 1, sources, demo } : { version: 1, sources }), kept);
}

/** Forgets the kept articles (a save still under way is dropped too). */
export function forgetArticles() {
  articles.forget();
}

// --- what can be undone or put back (www/undo.js) -------------------------------------------------
//
// Kept like the articles (it holds articles set aside, which may be long): { version: 1, ... } as
// www/undo.js writes it.

const undoKeeper = keeper('storydiff:undo:v1');

/**
 * What can be undone or put back, kept from an earlier visit (www/undo.js reads it): { data }
 * (data null when nothing is kept), or { error } when it is kept but cannot be read back (in
 * IndexedDB, with another tab holding it, say), so that the page says so and saves nothing over it.
 */
export async function loadUndo() {
  try {
    const data = await undoKeeper.load();
    return { data: data && data.version === 1 ? data : null };
  } catch (err) {
    return { error: errorMessage(err) };
  }
}

/** Keeps `state` ({ version: 1, ... }), or forgets it when null; `kept(err)` as for saveArticles. */
export function saveUndo(state, kept) {
  if (!state) {
    undoKeeper.forget();
    kept(null);
    return;
  }
  undoKeeper.save(JSON.stringify(state), kept);
}

// --- the paste dialog's draft ------------------------------------------------------------------
//
// In local storage only, and only up to DRAFT_MAX characters: a draft is saved as it is typed,
// and a longer one (a whole web page pasted, say) would make each save slow. A page pasted with
// its HTML is kept with it when both fit, else as its text.

const DRAFT = 'storydiff:draft:v1';
const DRAFT_MAX = 500_000;

/**
 * Keeps the draft { name, text, html, details } (details: the paste dialog's outlet, url and
 * when fields, or null; an empty draft forgets it). Returns null when it is kept,
 * else why not, in words for the visitor.
 */
export function saveDraft({ name, text, html = null, details = null }) {
  try {
    if (text.trim() === '' && name.trim() === '' && !details) {
      localStorage.removeItem(DRAFT);
      return null;
    }
    let json = JSON.stringify({ version: 1, name, text, html, details });
    if (json.length > DRAFT_MAX && html !== null) json = JSON.stringify({ version: 1, name, text, html: null, details });
    if (json.length > DRAFT_MAX) {
      localStorage.removeItem(DRAFT); // an older, shorter draft must not come back instead
      return `it is over ${Math.round(DRAFT_MAX / 1000)},000 characters`;
    }
    localStorage.setItem(DRAFT, json);
    return null;
  } catch (err) {
    try {
      localStorage.removeItem(DRAFT);
    } catch {
      // storage unavailable: nothing older to find either
    }
    return err?.name === 'QuotaExceededError' ? "there is no room left in this browser's storage" : `this browser's storage refused it: ${errorMessage(err)}`;
  }
}

/** The draft kept from an earlier visit, { name, text, html }, or null. */
export function loadDraft() {
  try {
    const data = JSON.parse(localStorage.getItem(DRAFT) || 'null');
    if (!data || data.version !== 1 || typeof data.text !== 'string') return null;
    const name = typeof data.name === 'string' ? data.name : '';
    const details = data.details && typeof data.details === 'object' ? data.details : null;
    if (data.text.trim() === '' && name.trim() === '' && !details) return null;
    return { name, text: data.text, html: typeof data.html === 'string' ? data.html : null, details };
  } catch {
    return null;
  }
}

// --- the Details dialog's unsaved changes ------------------------------------------------------------
//
// Closed with Esc or Cancel after a change, the dialog's fields are kept (www/details.js), per
// article, in local storage only: a few short fields each.

// The key names the payload's version, as the others do: { version: 2, drafts }. Version 2 was
// kept under the ":v1" key before; it is read from there until the next save moves it.
const DETAILS_DRAFT = 'storydiff:details-draft:v2';
const DETAILS_DRAFT_BEFORE = 'storydiff:details-draft:v1';

/** Keeps the list [{ key, name, values: { outlet, url, when } }] (empty: forgets it); returns whether it is kept. */
export function saveDetailsDraft(drafts) {
  try {
    if (drafts.length) localStorage.setItem(DETAILS_DRAFT, JSON.stringify({ version: 2, drafts }));
    else localStorage.removeItem(DETAILS_DRAFT);
    localStorage.removeItem(DETAILS_DRAFT_BEFORE);
    return true;
  } catch {
    return false;
  }
}

/** The Details dialog's unsaved changes kept from an earlier visit: a list, maybe empty. */
export function loadDetailsDraft() {
  try {
    const data = JSON.parse(localStorage.getItem(DETAILS_DRAFT) ?? localStorage.getItem(DETAILS_DRAFT_BEFORE) ?? 'null');
    if (!data || data.version !== 2 || !Array.isArray(data.drafts)) return [];
    return data.drafts
      .filter((d) => d && typeof d.key === 'string' && typeof d.name === 'string' && d.values)
      .map((d) => ({ key: d.key, name: d.name, values: Object.fromEntries(['outlet', 'url', 'when'].map((k) => [k, typeof d.values[k] === 'string' ? d.values[k] : ''])) }));
  } catch {
    return [];
  }
}
