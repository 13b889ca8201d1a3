// The CLI's outputs of a report (bin/storydiff.js --format): text (a summary to read in a
// terminal), json (the report itself), markdown and csv. Each shared group lists every source's
// own wording, so a reader sees how each outlet put it, not one wording per group; and each says
// what js/verdicts.js finds: sources in another language than the rest (compared only with
// sources in the same language, their sentences not called unique) and sources that repeat another.

import { DOUBT_STATUS, MAY_STATE_SAME, languageName, languages, percent, repeats, verdictOf } from '../js/verdicts.js';
import { csvField, mdEscape } from '../js/formats.js';
import { plural } from '../js/dom.js';
import { firstOf, timeOf } from '../js/provenance.js';

export { csvField };

export const FORMATS = ['text', 'json', 'markdown', 'csv'];

/** The report in format `kind` (one of FORMATS), ending with a newline. */
export function format(report, kind) {
  switch (kind) {
    case 'json': return JSON.stringify(report, null, 2) + '\n';
    case 'markdown': return markdown(report);
    case 'csv': return csv(report);
    default: return text(report);
  }
}

const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();

/**
 * What every format says, read once: each source's label and counts, the groups with each
 * member's wording (most widely shared first, then in report order), each source's sentences no
 * other source shares, the verdicts.
 */
function read(report) {
  const { sources, groups } = report;
  const langs = languages(report);
  const apart = new Map(langs.apart.map((a) => [a.source, a]));
  const repeated = new Map(repeats(report).map((x) => [x.source, x]));
  const sourcesOf = (g) => [...new Set(g.members.map(([src]) => src))];
  const shared = groups
    .map((g, index) => ({ g, index, srcs: sourcesOf(g) }))
    .sort((x, y) => y.srcs.length - x.srcs.length || x.index - y.index)
    .map(({ g, index, srcs }) => ({
      index,
      kind: g.kind,
      sources: srcs.length,
      // The source that published it first, when times tell (js/provenance.js).
      first: firstOf(report, srcs),
      wordings: g.members.map(([s, j]) => ({ source: s, sentence: j, text: sources[s].sentences[j].text })),
    }));
  const counts = sources.map((s) => {
    const counted = s.sentences.filter((x) => x.role !== 'speaker');
    const sharedCount = counted.filter((x) => x.support > 0).length;
    return { sentences: counted.length, shared: sharedCount, unique: counted.length - sharedCount };
  });
  // Each source's sentences no other states, with their verdict (js/verdicts.js): `unique`,
  // `doubtful` or `other-language`.
  const alone = sources.map((s, i) => s.sentences.map((x, j) => ({ ...x, j, verdict: verdictOf(x, { apart: apart.has(i) }) }))
    .filter((x) => x.verdict !== 'speaker' && x.verdict !== 'shared'));
  return { langs, apart, repeated, shared, counts, alone };
}

/** "[2] paper.txt": how the text and markdown outputs name a source. */
const labelOf = (report) => (i) => `[${i + 1}] ${report.sources[i].name}`;

/** The verdicts as sentences, for every format. */
function notes(report, r) {
  const label = labelOf(report);
  const out = [];
  if (r.langs.mixed) {
    const list = [...r.langs.counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${languageName(l)} ${plural(n, 'source')}`).join(', ');
    out.push(`The articles are in ${r.langs.counts.size} languages (${list}): each is compared only with sources in the same language.`);
  }
  for (const a of r.langs.apart) {
    const peers = a.peers.length ? a.peers.map(label).join(', ') : 'none here';
    out.push(`${label(a.source)} is written in ${languageName(a.lang)}: compared only with sources in the same language (${peers}); its sentences no such source shares are not called unique.`);
  }
  for (const x of r.repeated.values()) {
    out.push(x.same
      ? `${label(x.source)} is the same text as ${label(x.of)}: every sentence word for word.`
      : `${label(x.source)} is mostly the same text as ${label(x.of)}: ${x.identical} of ${x.total} sentences word for word.`);
  }
  return out;
}

function text(report) {
  const out = [];
  const { sources, quotes, matches } = report;
  const label = labelOf(report);
  const r = read(report);

  out.push(`storydiff: ${plural(sources.length, 'source')}, ${plural(matches.length, 'matching pair')}, ${plural(report.groups.length, 'shared group')}`);
  out.push(
    report.matching === 'semantic'
      ? 'matching: semantic (by wording and meaning, with the sentence vectors)'
      : 'matching: lexical (by words only: the same claim in other words may be listed as unique)',
  );
  const said = notes(report, r);
  if (said.length) {
    out.push('');
    out.push('NOTES');
    for (const n of said) out.push(`  ! ${n}`);
  }
  out.push('');
  out.push('SOURCES');
  sources.forEach((s, i) => {
    const c = r.counts[i];
    out.push(label(i));
    // How it was read: a web page says so, with its address when it gives one.
    out.push(`    format:    ${s.format === 'html' ? `html (web page${s.url ? `, ${s.url}` : ''})` : 'text'}`);
    out.push(`    title:     ${s.title ?? '(none found)'}`);
    out.push(`    outlet:    ${s.outlet ?? '(none found)'}`);
    out.push(`    date:      ${timeOf(s)?.text ?? '(none found)'}`);
    out.push(`    authors:   ${s.authors.length ? s.authors.join(', ') : '(none found)'}`);
    out.push(`    language:  ${s.lang ?? '(not known)'}`);
    const unique = r.apart.has(i) ? `${c.unique} not compared: other language` : `${c.unique} unique`;
    out.push(`    sentences: ${c.sentences} (${c.shared} shared, ${unique})` + (s.removed.length ? `; ${plural(s.removed.length, 'span')} of page chrome removed` : ''));
  });

  if (sources.length > 1 && report.similarity.length === sources.length) {
    out.push('');
    out.push('SIMILARITY (share of sentences matched between two sources)');
    const w = 7;
    out.push(' '.repeat(6) + sources.map((_, j) => `[${j + 1}]`.padStart(w)).join(''));
    report.similarity.forEach((row, i) => {
      out.push(`[${i + 1}]`.padEnd(6) + row.map((v) => percent(v).padStart(w)).join(''));
    });
  }

  out.push('');
  out.push("SHARED (most widely shared first; each source's own wording)");
  if (r.shared.length === 0) out.push('  (no sentence is shared by two sources)');
  r.shared.forEach((g, n) => {
    out.push(`  ${n + 1}. ${g.sources} sources, ${g.kind}${g.first.first !== null ? `; first: ${label(g.first.first)} (${g.first.time})` : ''}`);
    for (const w of g.wordings) out.push(`      ${label(w.source)}: ${oneLine(w.text)}`);
  });

  sources.forEach((s, i) => {
    const list = r.alone[i];
    out.push('');
    const apart = r.apart.get(i);
    out.push(apart
      ? `NOT COMPARED: ${label(i)} is in ${languageName(apart.lang)} (${list.length} sentences no source in its language shares)`
      : `UNIQUE TO ${label(i)} (${list.length}${list.some((x) => x.verdict === 'doubtful') ? `; ? = its closest sentence elsewhere ${MAY_STATE_SAME}` : ''})`);
    if (list.length === 0) out.push('  (none)');
    for (const x of list) {
      // "?" where the closest sentence elsewhere comes near enough to doubt the verdict.
      out.push(`  ${x.verdict === 'doubtful' ? '?' : '-'} ${oneLine(x.text)}`);
      // The closest sentence elsewhere, so the reader can judge the verdict.
      const near = x.nearest && sources[x.nearest.source]?.sentences[x.nearest.sentence];
      if (near) out.push(`      closest${x.verdict === 'doubtful' ? ` (${MAY_STATE_SAME})` : ''}: [${x.nearest.source + 1}] ${oneLine(near.text)} (${percent(x.nearest.score)})`);
    }
  });

  const carried = quotes.filter((q) => new Set(q.occurrences.map((o) => o.source)).size >= 2);
  if (carried.length) {
    out.push('');
    out.push('QUOTES CARRIED BY 2+ SOURCES');
    for (const q of carried) {
      const srcs = [...new Set(q.occurrences.map((o) => o.source))];
      out.push(`  "${oneLine(q.text)}"${q.speaker ? ` (${q.speaker})` : ''}`);
      out.push(`      in: ${srcs.map(label).join(', ')}`);
    }
  }

  const conflicting = matches.filter((m) => m.conflicts.length > 0);
  if (conflicting.length) {
    out.push('');
    out.push('CONFLICTS (details that matched sentences state differently)');
    for (const m of conflicting) {
      const [sa, ia] = m.a;
      const [sb, ib] = m.b;
      const details = m.conflicts.map((c) => `${c.kind} "${c.a}" vs "${c.b}"`).join('; ');
      out.push(`  [${sa + 1}] vs [${sb + 1}]: ${details}`);
      out.push(`      [${sa + 1}] ${oneLine(sources[sa].sentences[ia].text)}`);
      out.push(`      [${sb + 1}] ${oneLine(sources[sb].sentences[ib].text)}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Text as Markdown that shows as itself: on one line, with the characters Markdown (and the HTML
 * it allows) would read as markup backslash-escaped.
 */
export function mdText(s) {
  return mdEscape(oneLine(s));
}

function markdown(report) {
  const { sources, quotes, matches } = report;
  const r = read(report);
  const label = (i) => `[${i + 1}] ${mdText(sources[i].name)}`;
  const out = ['# storydiff report', ''];
  out.push(`${plural(sources.length, 'source')}, ${plural(matches.length, 'matching pair')}, ${plural(report.groups.length, 'shared group')}; matching ${report.matching === 'semantic' ? 'by wording and meaning' : 'by words only (the same claim in other words may be listed as unique)'}.`);
  const said = notes(report, r);
  if (said.length) {
    out.push('', '## Notes', '');
    for (const n of said) out.push(`- ${mdText(n)}`);
  }
  out.push('', '## Sources', '');
  out.push('| # | Name | Outlet | Headline | Date | Language | Sentences | Shared | Unique |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  sources.forEach((s, i) => {
    const c = r.counts[i];
    const cells = [i + 1, s.name, s.outlet ?? '', s.title ?? '', timeOf(s)?.text ?? '', s.lang ?? '', c.sentences, c.shared, r.apart.has(i) ? `${c.unique} not compared` : c.unique];
    out.push(`| ${cells.map((x) => mdText(String(x))).join(' | ')} |`);
  });
  out.push('', '## Shared', '');
  if (r.shared.length === 0) out.push('No sentence is shared by two sources.');
  r.shared.forEach((g, n) => {
    out.push(`### ${n + 1}. ${g.sources} sources, ${g.kind}${g.first.first !== null ? `; first: ${label(g.first.first)} (${mdText(g.first.time)})` : ''}`, '');
    out.push('| Source | Wording |', '|---|---|');
    for (const w of g.wordings) out.push(`| ${label(w.source)} | ${mdText(w.text)} |`);
    out.push('');
  });
  sources.forEach((s, i) => {
    const list = r.alone[i];
    const apart = r.apart.get(i);
    out.push(apart ? `## Not compared: ${label(i)} (in ${mdText(languageName(apart.lang))})` : `## Unique to ${label(i)} (${list.length})`, '');
    if (list.length === 0) out.push('(none)');
    for (const x of list) {
      const near = x.nearest && sources[x.nearest.source]?.sentences[x.nearest.sentence];
      out.push(`- ${x.verdict === 'doubtful' ? '(?) ' : ''}${mdText(x.text)}${near ? ` (closest${x.verdict === 'doubtful' ? `, ${MAY_STATE_SAME}` : ''}: ${label(x.nearest.source)}, ${percent(x.nearest.score)}: ${mdText(near.text)})` : ''}`);
    }
    out.push('');
  });
  const carried = quotes.filter((q) => new Set(q.occurrences.map((o) => o.source)).size >= 2);
  if (carried.length) {
    out.push('## Quotes carried by 2+ sources', '');
    for (const q of carried) {
      const srcs = [...new Set(q.occurrences.map((o) => o.source))];
      out.push(`- “${mdText(q.text)}”${q.speaker ? ` (${mdText(q.speaker)})` : ''}: ${srcs.map(label).join(', ')}`);
    }
    out.push('');
  }
  const conflicting = matches.filter((m) => m.conflicts.length > 0);
  if (conflicting.length) {
    out.push('## Conflicts', '', '| Sources | Details | Wording A | Wording B |', '|---|---|---|---|');
    for (const m of conflicting) {
      const details = m.conflicts.map((c) => `${c.kind} “${c.a}” vs “${c.b}”`).join('; ');
      out.push(`| ${label(m.a[0])} vs ${label(m.b[0])} | ${mdText(details)} | ${mdText(sources[m.a[0]].sentences[m.a[1]].text)} | ${mdText(sources[m.b[0]].sentences[m.b[1]].text)} |`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * The columns of the CSV output: one row per sentence, every group's members first. A reader may
 * take them by position: a new column goes at the end, never between two that were there.
 */
export const CSV_COLUMNS = ['group', 'group_kind', 'group_sources', 'group_first', 'source', 'source_name', 'outlet', 'language', 'sentence', 'role', 'status', 'support', 'text', 'url', 'published'];

function csv(report) {
  const { sources } = report;
  const r = read(report);
  const rows = [CSV_COLUMNS];
  const row = (g, s, j, status) => {
    const src = sources[s];
    const x = src.sentences[j];
    rows.push([g ? g.index + 1 : '', g ? g.kind : '', g ? g.sources : '', g && g.first.first !== null ? g.first.first + 1 : '', s + 1, src.name, src.outlet ?? '', src.lang ?? '', j + 1, x.role, status, x.support, oneLine(x.text), src.url ?? '', src.datetime ?? src.published ?? '']);
  };
  for (const g of r.shared) for (const w of g.wordings) row(g, w.source, w.sentence, 'shared');
  sources.forEach((_, s) => {
    for (const x of r.alone[s]) row(null, s, x.j, x.verdict === 'doubtful' ? DOUBT_STATUS : x.verdict);
  });
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
