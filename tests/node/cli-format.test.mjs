// bin/storydiff.js --format text|json|markdown|csv (bin/format.js): every format lists, for each
// shared group, every source's own wording; the verdicts of js/verdicts.js (a source in another
// language, a source repeating another) are said; CSV and Markdown keep report text as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED_NAMES, seedPath } from './helpers.mjs';
import { csvField, mdText } from '../../bin/format.js';
import { DOUBTFUL_MIN, languages, repeats, primaryLanguage } from '../../js/verdicts.js';

const BIN = join(ROOT, 'bin/storydiff.js');
const seeds = SEED_NAMES.map(seedPath);
const tmp = mkdtempSync(join(tmpdir(), 'storydiff-format-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args) {
  const r = spawnSync(process.execPath, [BIN, '--lexical', ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
const report = JSON.parse(run('--format', 'json', ...seeds).out);

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the CSV ends with a row break');
  return rows;
}

test('--format json is the report, as --json is', () => {
  assert.equal(report.version, 1);
  assert.equal(report.sources.length, 5);
  assert.equal(run('--json', ...seeds).out, run('--format=json', ...seeds).out);
});

test('--format text lists every member of every group with its source', () => {
  const r = run('--format', 'text', ...seeds);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, run(...seeds).out, 'text is the default');
  assert.ok(report.groups.length > 5);
  for (const g of report.groups) {
    for (const [s, j] of g.members) {
      const line = `[${s + 1}] ${report.sources[s].name}: ${oneLine(report.sources[s].sentences[j].text)}`;
      assert.ok(r.out.includes(line), `group member listed: ${line.slice(0, 80)}`);
    }
  }
  assert.match(r.out, /language: {2}en/);
});

test('--format markdown: a table of sources, every wording of every group, text escaped', () => {
  const r = run('--format', 'markdown', ...seeds);
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.startsWith('# storydiff report\n'));
  assert.match(r.out, /\n## Sources\n\n\| # \| Name \|/);
  for (const name of SEED_NAMES) assert.ok(r.out.includes(mdText(name)), name);
  for (const g of report.groups) {
    for (const [s, j] of g.members) assert.ok(r.out.includes(`| [${s + 1}] ${mdText(report.sources[s].name)} | ${mdText(report.sources[s].sentences[j].text)} |`));
  }
  const groups = r.out.match(/^### \d+\. \d+ sources, (identical|minor|paraphrase)(; first: .*)?$/gm);
  assert.equal(groups.length, report.groups.length);
  // Every table row has the same number of cells as its head (no stray | in text).
  for (const block of r.out.split(/\n\n/).filter((b) => b.startsWith('|'))) {
    const lines = block.split('\n').filter(Boolean);
    const cells = (l) => l.replace(/\\\|/g, '').split('|').length;
    assert.ok(lines.every((l) => cells(l) === cells(lines[0])), block.slice(0, 120));
  }
  assert.equal(mdText('a|b <script>*x*</script> [l](u)'), 'a\\|b \\<script\\>\\*x\\*\\</script\\> \\[l\\](u)');
});

test('--format csv: one row per sentence, every group member, parsed back to the report', () => {
  const r = run('--format', 'csv', ...seeds);
  assert.equal(r.code, 0, r.err);
  const rows = parseCsv(r.out);
  const [head, ...body] = rows;
  // Columns added since keep the earlier ones in place (a reader may take them by position): at the end.
  assert.deepEqual(head, ['group', 'group_kind', 'group_sources', 'group_first', 'source', 'source_name', 'outlet', 'language', 'sentence', 'role', 'status', 'support', 'text', 'url', 'published']);
  assert.ok(body.every((row) => row.length === head.length));
  const col = (name) => head.indexOf(name);
  const members = report.groups.reduce((n, g) => n + g.members.length, 0);
  const alone = report.sources.reduce((n, s) => n + s.sentences.filter((x) => x.role !== 'speaker' && x.support === 0).length, 0);
  assert.equal(body.length, members + alone, 'every group member and every unshared sentence, once');
  for (const row of body) {
    const s = Number(row[col('source')]) - 1;
    const j = Number(row[col('sentence')]) - 1;
    const sent = report.sources[s].sentences[j];
    assert.equal(row[col('source_name')], report.sources[s].name);
    assert.equal(row[col('outlet')], report.sources[s].outlet ?? '');
    assert.equal(row[col('url')], report.sources[s].url ?? '');
    assert.equal(row[col('published')], report.sources[s].datetime ?? report.sources[s].published ?? '');
    assert.equal(row[col('text')].replace(/^'/, ''), oneLine(sent.text));
    if (row[col('group')]) assert.ok(report.groups[Number(row[col('group')]) - 1].members.some(([a, b]) => a === s && b === j));
    else assert.match(row[col('status')], /^unique\??$/);
  }
  assert.equal(csvField('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField(null), '');
});

test('a Korean source beside English ones is noted, and its sentences are not called unique', () => {
  const ko = join(tmp, 'korean.txt');
  writeFileSync(ko, readFileSync(join(ROOT, 'tests/fixtures/languages/ko.txt'), 'utf8'));
  const files = [seeds[0], seeds[1], ko];
  const json = JSON.parse(run('--format', 'json', ...files).out);
  assert.equal(json.sources[2].lang, 'ko');
  assert.deepEqual(languages(json).apart.map((a) => [a.source, a.lang]), [[2, 'ko']]);
  const text = run(...files).out;
  assert.match(text, /NOTES\n {2}! The articles are in 2 languages \(English 2 sources, Korean 1 source\)/);
  assert.match(text, /\[3\] korean\.txt is written in Korean: compared only with sources in the same language \(none here\)/);
  assert.match(text, /NOT COMPARED: \[3\] korean\.txt is in Korean/);
  assert.doesNotMatch(text, /UNIQUE TO \[3\]/);
  assert.match(text, /sentences: \d+ \(0 shared, \d+ not compared: other language\)/);
  const [head, ...csvRows] = parseCsv(run('--format', 'csv', ...files).out);
  const col = (name) => head.indexOf(name);
  const korean = csvRows.filter((r) => r[col('source')] === '3');
  assert.ok(korean.length > 0 && korean.every((r) => r[col('status')] === 'other-language'));
  assert.match(run('--format', 'markdown', ...files).out, /## Not compared: \[3\] korean\.txt \(in Korean\)/);
});

test('the same article twice is noted as the same text', () => {
  const copy = join(tmp, 'copy.txt');
  writeFileSync(copy, readFileSync(seeds[0], 'utf8'));
  const files = [seeds[0], seeds[1], copy];
  const json = JSON.parse(run('--format', 'json', ...files).out);
  const found = repeats(json);
  assert.deepEqual(found.map((x) => [x.source, x.of, x.same]), [[0, 2, true], [2, 0, true]]);
  assert.deepEqual(repeats(report), [], 'the seeds repeat no one');
  const text = run(...files).out;
  assert.match(text, /\[3\] copy\.txt is the same text as \[1\] /);
});

test('--format errors are one line and exit 2', () => {
  const bad = run('--format', 'pdf', ...seeds);
  assert.equal(bad.code, 2);
  assert.equal(bad.err, 'storydiff: unknown format "pdf" for --format (use text, json, markdown, csv)\n');
  const clash = run('--json', '--format', 'csv', ...seeds);
  assert.equal(clash.code, 2);
  assert.match(clash.err, /^storydiff: --format csv and --json disagree\n$/);
  assert.equal(primaryLanguage('de-AT'), 'de');
  assert.equal(primaryLanguage(''), null);
});

test('text: a unique sentence whose closest sentence elsewhere scores DOUBTFUL_MIN or more is listed with "?", the rest with "-"', () => {
  const text = run(...seeds).out;
  const lines = text.split('\n');
  const unique = report.sources.flatMap((s) => s.sentences.filter((x) => x.support === 0 && x.role !== 'speaker'));
  const doubtfulOnes = unique.filter((x) => x.nearest && x.nearest.score >= DOUBTFUL_MIN);
  assert.ok(doubtfulOnes.length > 0 && doubtfulOnes.length < unique.length, `${doubtfulOnes.length} of ${unique.length}`);
  for (const x of unique) {
    const mark = doubtfulOnes.includes(x) ? '?' : '-';
    assert.ok(lines.includes(`  ${mark} ${oneLine(x.text)}`), `${mark} ${x.text}`);
  }
  assert.match(text, /; \? = its closest sentence elsewhere may state the same claim\)/);
});

test('csv: a doubtful unique sentence has the status "unique?"', () => {
  const [head, ...rows] = parseCsv(run('--format', 'csv', ...seeds).out);
  const col = (name) => head.indexOf(name);
  const unique = report.sources.flatMap((s, i) => s.sentences.map((x, j) => ({ x, i, j })).filter(({ x }) => x.support === 0 && x.role !== 'speaker'));
  for (const { x, i, j } of unique) {
    const r = rows.find((c) => c[col('source')] === String(i + 1) && c[col('sentence')] === String(j + 1));
    assert.equal(r?.[col('status')], x.nearest && x.nearest.score >= DOUBTFUL_MIN ? 'unique?' : 'unique', x.text);
  }
});
