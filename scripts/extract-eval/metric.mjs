// The benchmark's metric, written anew after scrapinghub/article-extraction-benchmark's
// evaluate.py: tokens are runs of word characters (Python's `\w` on str: letters, digits and
// underscore; combining marks are not word characters there, so not here either), case kept
// (its pattern carries IGNORECASE, which does not change what `\w` matches, and nothing
// lowercases); shingles are word 4-grams counted as a multiset (a text of fewer than 4 tokens
// is one shorter shingle); per page tp/fp/fn; precision is averaged over the pages where
// tp+fp > 0, recall over those where tp+fn > 0, and F1 is the harmonic mean of the two averages.

const TOKEN = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text) => (text || '').match(TOKEN) || [];

export function shingles(text, n = 4) {
  const tokens = tokenize(text);
  const counts = new Map();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0001');
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}

/** tp, fp, fn for one page. */
export function pageCounts(truth, pred) {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) || 0;
    const b = p.get(key) || 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  return { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** One page: its counts, precision (null when it predicts nothing), recall, F1. */
export function scorePage(truth, pred) {
  const c = pageCounts(truth, pred);
  const precision = c.tp + c.fp > 0 ? precisionOf(c) : null;
  const recall = c.tp + c.fn > 0 ? recallOf(c) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { ...c, precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** The benchmark's averages over pages. */
export function aggregate(pages) {
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const precision = mean(pages.filter((s) => s.precision !== null).map((s) => s.precision));
  const recall = mean(pages.filter((s) => s.recall !== null).map((s) => s.recall));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

// Headlines. A predicted title is right when, normalized (NFKC, lowercase, punctuation and
// symbols to spaces, whitespace collapsed), it equals the true headline, or one contains the
// other as whole words and the shorter has at least 80% of the longer's words.
export const normalizeTitle = (s) =>
  (s || '').normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

export function titleRight(truth, predicted) {
  const a = normalizeTitle(truth);
  const b = normalizeTitle(predicted);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!` ${long} `.includes(` ${short} `)) return false;
  return short.split(' ').length >= 0.8 * long.split(' ').length;
}
