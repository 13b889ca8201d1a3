// Escaping for the text formats storydiff writes, in the element's exports (the claim table) and
// the CLI's --format: one CSV field, and Markdown that shows as itself.

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled; a text a spreadsheet would run as a formula (= + - @ first) gets an apostrophe in
 * front, so that opening an export never runs what an article said.
 */
export function csvField(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Markdown that shows as itself: the characters Markdown (and the HTML it allows) would read as
 * markup backslash-escaped, line breaks made spaces. Other spacing is kept, so that pieces of a
 * cell (a wording's runs, some in bold) can be escaped one by one and joined.
 */
export const mdEscape = (s) => String(s).replace(/[\\|*_`[\]<>~&#!]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
