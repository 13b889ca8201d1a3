// When each source was published, and which source of a shared group had the claim first, from
// the times the engine reads (report source `datetime`, ISO 8601 with a time, else `published`,
// a day). Plain data in and out: the element's focus panel (js/element/focus.js) and the CLI
// (bin/format.js) use it. A day without a time is compared as a day: against a time on the same
// day neither is known to be first.

/** A date and time that names its zone (`Z`, `+02:00`, `-0500`). */
export const ZONED = /(Z|[+-]\d\d:?\d\d)$/i;

/**
 * The publication time of a report source: `{ text, from, to }`, the text to show and the span of
 * milliseconds it stands for (a whole day for a date alone, read as UTC), or null when unknown.
 */
export function timeOf(source) {
  if (source.datetime) {
    const ms = Date.parse(source.datetime);
    if (Number.isFinite(ms)) {
      // Without a zone, a time is the page's local time: known to within a day either way.
      const zoned = ZONED.test(source.datetime.trim());
      const text = source.datetime.trim().replace('T', ' ').replace(/(\d\d:\d\d):\d\d(\.\d+)?/, '$1').replace(/Z$/i, ' UTC');
      return zoned ? { text, from: ms, to: ms } : { text, from: ms - 14 * 3600e3, to: ms + 14 * 3600e3 };
    }
  }
  if (source.published && /^\d{4}-\d{2}-\d{2}$/.test(source.published)) {
    const day = Date.parse(`${source.published}T00:00:00Z`);
    // The day in any time zone: from UTC-12 to UTC+14.
    if (Number.isFinite(day)) return { text: source.published, from: day - 14 * 3600e3, to: day + 36 * 3600e3 };
  }
  return null;
}

/**
 * Which of the sources `list` (indices into report.sources) had it first: `{ first, time, known }`
 * when two or more have a time and one was published surely before every other (its span ends
 * before theirs begin), else `{ first: null, known }` (known: how many have a time).
 */
export function firstOf(report, list) {
  const timed = [...new Set(list)].map((s) => ({ s, t: timeOf(report.sources[s]) })).filter((x) => x.t);
  if (timed.length < 2) return { first: null, known: timed.length };
  timed.sort((a, b) => a.t.from - b.t.from || a.t.to - b.t.to);
  const [head, ...rest] = timed;
  const sure = rest.every((x) => head.t.to < x.t.from);
  return sure ? { first: head.s, time: head.t.text, known: timed.length } : { first: null, known: timed.length };
}
