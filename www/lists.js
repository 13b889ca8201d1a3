// How the page tells articles and lists apart, for Undo and Put back (www/undo.js, www/app.js)
// and the Details drafts (www/details.js): an article's content by a fingerprint, an article as a
// whole (name, content, details, spans put back), a list as shown; which articles a change took
// off a list, counted (two articles may share one text); and a list with articles put back.
// Plain data in and out, no page.

// The fingerprints of long texts, so that a 1 MB article is hashed once, not at every change
// (a Map finds a string again by the hash the engine keeps with it).
const long = new Map();

/** A fingerprint of an article's content (its text, or its page's markup): its length and an FNV-1a hash. */
export function contentKey(s) {
  const t = s.text ?? s.html ?? '';
  const kind = typeof s.html === 'string' ? 'h' : 't';
  const cached = t.length > 4096 ? long.get(t) : undefined;
  if (cached) return kind + cached;
  let x = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    x ^= t.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  const key = `${t.length}:${(x >>> 0).toString(36)}`;
  if (t.length > 4096) {
    if (long.size >= 64) long.clear();
    long.set(t, key);
  }
  return kind + key;
}

/**
 * An article's details in a fixed order: the Details dialog saves `{ ...old, ...new }` and storage
 * rebuilds them as outlet, url, datetime, so the order their keys come in says nothing.
 */
const metaOf = (s) => ['outlet', 'url', 'datetime'].map((k) => s.meta?.[k] ?? null);

/** An article as a whole: its name, content, details and spans put back (two articles with one text are told apart). */
export function articleKey(s) {
  return JSON.stringify([s.name, contentKey(s), metaOf(s), s.restored ?? []]);
}

/** A fingerprint of a list as shown: its articles (see articleKey) in order, and whether it is the demo. */
export function listKey(state) {
  return JSON.stringify([!!state.demo, state.sources.map(articleKey)]);
}

/** How many times each `key(item)` occurs in `list`. */
export function tally(list, key) {
  const n = new Map();
  for (const x of list) n.set(key(x), (n.get(key(x)) || 0) + 1);
  return n;
}

/** Takes one `k` off tally `n`; returns whether there was one. */
export function take(n, k) {
  const c = n.get(k) || 0;
  if (c > 0) n.set(k, c - 1);
  return c > 0;
}

/**
 * The indices of the articles of `before` (a list of articles) that `now` no longer holds. Counted,
 * not looked up: of two articles with one text, removing one loses that one. An article still
 * there as it was is matched first, then one with its content and details (renamed since), then
 * its content and name (details changed), then its content alone: an article renamed or with its
 * details changed is not lost.
 */
export function lostFrom(before, now) {
  const tiers = [articleKey, (s) => JSON.stringify([contentKey(s), metaOf(s)]), (s) => JSON.stringify([contentKey(s), s.name]), contentKey];
  const left = now.map((_, k) => k); // the articles of `now` not matched yet
  const matched = before.map(() => false);
  for (const key of tiers) {
    const pool = new Map(); // key -> indices in `now` left, in order
    for (const k of left) {
      const x = key(now[k]);
      if (!pool.has(x)) pool.set(x, []);
      pool.get(x).push(k);
    }
    before.forEach((s, i) => {
      if (matched[i]) return;
      const k = pool.get(key(s))?.shift();
      if (k === undefined) return;
      matched[i] = true;
      left.splice(left.indexOf(k), 1);
    });
  }
  return before.map((_, i) => i).filter((i) => !matched[i]);
}

/** `base`, or `base (2)`, `base (3)`… the first that no article of `list` is named. */
export function freeName(list, base) {
  let name = base;
  for (let k = 2; list.some((s) => s.name === name); k++) name = `${base} (${k})`;
  return name;
}

/**
 * `list` with the articles set aside ([{ article, index }]) put back, each at its old place (or
 * the end), renamed "Name (2)" when its name is taken; an article listed already as it is (same
 * name, content, details and spans put back) is left out, once for each copy listed. Returns
 * { sources, back } (back: the copies put back).
 */
export function mergeBack(list, articles) {
  const sources = [...list];
  const listed = tally(list, articleKey);
  const back = [];
  for (const { article, index } of [...articles].sort((a, b) => a.index - b.index)) {
    if (take(listed, articleKey(article))) continue;
    const copy = { ...article, name: freeName(sources, article.name), restored: [...(article.restored || [])] };
    sources.splice(Math.min(index, sources.length), 0, copy);
    back.push(copy);
  }
  return { sources, back };
}

