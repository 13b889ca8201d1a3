// What a reader must know before trusting the verdict "unique" or "shared", read from a report:
// which sources are written in another language than the rest (the engine matches words and
// meaning within one language, so such a source is compared only with sources in its own
// language), and which sources repeat another (most of their sentences word for word), whose
// shared sentences say nothing about two outlets agreeing. Plain data in and out: the element
// (js/element/verdicts.js) and the CLI (bin/format.js) both use it.

/**
 * From this score of its nearest counterpart on (the probability that the two state the same
 * claim), a unique sentence's verdict is doubtful, shown as `unique?`. How many sentences wrongly
 * and rightly left unique each floor marks on the labeled sets is in docs/ACCURACY.md ("Unique,
 * with a near counterpart"), written by `npm run eval`.
 */
export const DOUBTFUL_MIN = 0.3;

/** Whether unique sentence `sent` has a counterpart close enough to doubt the verdict. */
export function doubtful(sent) {
  return sent.support === 0 && !!sent.nearest && sent.nearest.score >= DOUBTFUL_MIN;
}

/**
 * The verdict on one sentence, decided here once for the columns, the claim table, its exports
 * and the CLI, in this order: `speaker` (a transcript's speaker label, never compared), `shared`
 * (another source states it), `unmatched` (`matched` false: every match kind is switched off, so
 * nothing is known to be unique), `other-language` (`apart`: its source is compared only with
 * sources in its own language), `doubtful` (unique as matched, but a counterpart comes close: see
 * doubtful) or `unique`.
 */
export function verdictOf(sent, { apart = false, matched = true } = {}) {
  if (sent.role === 'speaker') return 'speaker';
  if (sent.support > 0) return 'shared';
  if (!matched) return 'unmatched';
  if (apart) return 'other-language';
  return doubtful(sent) ? 'doubtful' : 'unique';
}

/** A score or share (0 to 1) as the page and the CLI give it, everywhere: a whole percentage ("34%"). */
export function percent(score) {
  return `${Math.round(score * 100)}%`;
}

/** What a doubtful verdict says of the closest sentence elsewhere (the CLI's notes use it alone). */
export const MAY_STATE_SAME = 'may state the same claim';

/** The status of a doubtful unique sentence in exports (CSV, the table's match column). */
export const DOUBT_STATUS = 'unique?';

/**
 * One wording of a doubtful unique sentence (see doubtful) for the columns, the claim table, its
 * exports and the CLI, so that none says it another way: `status` ("unique?", the badge and the
 * CSV status), `head` ("only in A? (B comes close)", the table's row head) and `detail` (the
 * sentence's and the cell's hover text, with the score as a percentage). `label` names the
 * sentence's source, `other` the source of its closest sentence.
 */
export function doubtWords(label, other, score) {
  return {
    status: DOUBT_STATUS,
    head: `only in ${label}? (${other} comes close)`,
    detail: `Unique as matched, but its closest sentence in ${other} ${MAY_STATE_SAME} (score ${percent(score)}): check it.`,
  };
}

/** The primary language subtag of a tag, lower case (`en-GB` -> `en`), or null. */
export function primaryLanguage(tag) {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The English name of a language tag ("Korean"), or the tag itself when none is known. */
export function languageName(tag) {
  try {
    // Only called when languages differ: Intl's locale data is not loaded for the seeds.
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) || tag;
  } catch {
    return tag;
  }
}

/**
 * The languages of a report's sources: `langs` (each source's primary tag, or null when not
 * known), `counts` (a Map of tag to sources), `main` (the language most sources are in, when one
 * has more than any other, else null), `mixed` (true when two or more languages are known) and
 * `apart`: the sources in another language than the rest, each `{ source, lang, peers }` (peers:
 * the other sources in its language). A source is apart when its language is not the main one;
 * with no main language (as many in each), when no other source shares its language. Sources of
 * unknown language are never apart, and never make another one apart.
 */
export function languages(report) {
  const langs = report.sources.map((s) => (s.sentences.length ? primaryLanguage(s.lang) : null));
  const counts = new Map();
  for (const l of langs) if (l) counts.set(l, (counts.get(l) || 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const main = ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
  const apart = [];
  langs.forEach((lang, source) => {
    if (!lang || counts.size < 2) return;
    const peers = langs.map((l, k) => (k !== source && l === lang ? k : -1)).filter((k) => k >= 0);
    if (main ? lang !== main : peers.length === 0) apart.push({ source, lang, peers });
  });
  return { langs, counts, main, mixed: counts.size > 1, apart };
}

/** Above this share of its sentences word for word in one other source, a source repeats it. */
export const REPEAT_SHARE = 0.5;

/**
 * The sources that repeat another: most of their sentences (more than REPEAT_SHARE, and two or
 * more) identical, word for word, to sentences of one other source. Each `{ source, of,
 * identical, total, same }`: `of` the source repeated (the one it shares most with), `identical`
 * of its `total` sentences (speaker labels left out), and `same` when every sentence of both is
 * identical to one of the other's (the same text twice).
 */
export function repeats(report) {
  const n = report.sources.length;
  const totals = report.sources.map((s) => s.sentences.filter((x) => x.role !== 'speaker').length);
  // identical[a][b]: the sentences of `a` with an identical match in `b`.
  const identical = Array.from({ length: n }, () => new Map());
  for (const m of report.matches) {
    if (m.kind !== 'identical') continue;
    const [sa, ja] = m.a;
    const [sb, jb] = m.b;
    if (sa === sb) continue;
    if (!identical[sa].has(sb)) identical[sa].set(sb, new Set());
    if (!identical[sb].has(sa)) identical[sb].set(sa, new Set());
    identical[sa].get(sb).add(ja);
    identical[sb].get(sa).add(jb);
  }
  const out = [];
  for (let a = 0; a < n; a++) {
    let best = null;
    for (const [b, set] of identical[a]) if (!best || set.size > best[1].size) best = [b, set];
    if (!best) continue;
    const [of, set] = best;
    const total = totals[a];
    if (total < 2 || set.size < 2 || set.size <= total * REPEAT_SHARE) continue;
    const back = identical[of].get(a)?.size || 0;
    out.push({ source: a, of, identical: set.size, total, same: set.size === total && back === totals[of] });
  }
  return out;
}

/** What to say of a source that repeats another (see repeats), naming the other by `label`. */
export function repeatText({ identical, total, same }, label) {
  return same
    ? `The same text as ${label}: every sentence word for word. What the two share is one report, not two outlets agreeing.`
    : `Mostly the same text as ${label}: ${identical} of ${total} sentences word for word. What the two share may be one report, not two outlets agreeing.`;
}

/** What to say of a source in another language than the rest (see languages). */
export function languageText({ lang, peers }, label = (k) => `source ${k + 1}`) {
  const name = languageName(lang);
  const with_ = peers.length ? `: ${peers.map(label).join(', ')}` : ': there is none here';
  return `Written in ${name}: compared only with sources in the same language${with_}. Its sentences no such source shares are not marked unique.`;
}
