// Honest verdicts in the view (js/verdicts.js reads them from the report): a source in another
// language than the rest says so in its column head, and its sentences no source shares are
// marked "other language", not unique; a source that repeats another (most of its sentences
// word for word) says so in its head; the toolbar says when the articles are in several
// languages. Only text goes into the page (textContent).

import { h, plural } from '../dom.js';
import { languageName, languages, languageText, repeats, repeatText } from '../verdicts.js';
import { nameBeside } from './text.js';

/** The verdicts of the report on show, read once per report. */
export function verdicts(view) {
  const r = view._report;
  if (view._verdicts?.report !== r) {
    const langs = languages(r);
    view._verdicts = {
      report: r,
      langs,
      apart: new Map(langs.apart.map((a) => [a.source, a])),
      repeats: new Map(repeats(r).map((x) => [x.source, x])),
    };
  }
  return view._verdicts;
}

/**
 * The notices of column `i`, appended to its head (`head`): its language when it is apart from
 * the rest (and its count of unique sentences becomes a count of sentences not compared), and
 * the source it repeats.
 */
export function addHeadNotices(view, i, head) {
  const v = verdicts(view);
  const apart = v.apart.get(i);
  const label = (k) => fullLabel(view, k);
  if (apart) {
    head.append(h('p', { class: 'verdict verdict-language', attrs: { role: 'note' }, data: { lang: apart.lang } }, languageText(apart, label)));
    const unique = head.querySelector('.stat-unique');
    if (unique) {
      const n = view._report.sources[i].sentences.filter((x) => x.role !== 'speaker' && x.support === 0).length;
      unique.textContent = `${n} not compared`;
      unique.className = 'stat-apart';
    }
  }
  const rep = v.repeats.get(i);
  if (rep) head.append(h('p', { class: 'verdict verdict-repeat', attrs: { role: 'note' }, data: { of: rep.of } }, repeatText(rep, label(rep.of))));
}

/**
 * A source as a notice names it: its outlet and its name (two articles of one outlet, or the
 * same article twice, are told apart by their names).
 */
export function fullLabel(view, k) {
  const src = view._report.sources[k];
  return nameBeside(src) ? `${src.outlet} (${src.name})` : view._label(k);
}

/**
 * Marks a sentence of source `i`, a source apart in its language, that no other source shares:
 * "other language" rather than unique.
 */
export function markApart(view, i, node, classes) {
  const apart = verdicts(view).apart.get(i);
  classes.push('other-language');
  node.append(h('span', { class: 'badge-language', text: apart.lang }), h('span', { class: 'sr-only', text: ` (${languageName(apart.lang)}, not compared with the other languages): ` }));
  node.title = `In ${languageName(apart.lang)}: compared only with sources in the same language, so not marked unique`;
}

/** The toolbar's note when the articles are in several languages. */
export function languageNote(view) {
  const { langs } = verdicts(view);
  if (!langs.mixed) return null;
  const list = [...langs.counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${languageName(l)} ${plural(n, 'source')}`).join(', ');
  return h('p', { class: 'language-note', attrs: { role: 'note' } },
    `These articles are in ${langs.counts.size} languages (${list}): each is compared only with sources in the same language.`);
}

/** Under source `k` in the "Only in one source" summary: a note when it is apart in its language. */
export function onlyNote(view, k) {
  const apart = verdicts(view).apart.get(k);
  if (!apart) return null;
  return h('p', { class: 'verdict verdict-language', attrs: { role: 'note' } },
    `In ${languageName(apart.lang)}: compared only with sources in the same language, so these are not known to be unique.`);
}
