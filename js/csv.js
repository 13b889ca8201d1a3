// One CSV field, for every CSV storydiff writes (the claim table's export, the CLI's --format csv).

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
