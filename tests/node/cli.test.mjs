// bin/storydiff.js: the JSON and summary outputs on the seeds, and its one-line errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED_NAMES, seedPath } from './helpers.mjs';

const BIN = join(ROOT, 'bin/storydiff.js');
const seeds = SEED_NAMES.map(seedPath);

function run(...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'storydiff-cli-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('the CLI is an executable node script', () => {
  assert.ok(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n'));
  assert.ok(statSync(BIN).mode & 0o111, 'executable bit set');
});

test('--json prints the report for the seeds', () => {
  const r = run('--json', ...seeds);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  const report = JSON.parse(r.out);
  assert.equal(report.version, 1);
  assert.equal(report.sources.length, 5);
  assert.deepEqual(report.sources.map((s) => s.name), SEED_NAMES, 'source names are the file base names');
  assert.ok(r.out.startsWith('{\n  "version": 1'), 'two-space indented');
});

test('--kinds and --min-score reach the engine', () => {
  const r = run('--json', '--kinds', 'identical', '--min-score=0.5', ...seeds);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.ok(report.matches.every((m) => m.kind === 'identical' && m.score >= 0.5));
});

test('the summary names every source and lists shared and unique sentences', () => {
  const r = run(...seeds);
  assert.equal(r.code, 0, r.err);
  for (const name of SEED_NAMES) assert.ok(r.out.includes(name), `mentions ${name}`);
  assert.match(r.out, /SHARED/);
  assert.match(r.out, /UNIQUE TO \[1\]/);
  assert.match(r.out, /sentences: \d+ \(\d+ shared, \d+ unique\)/);
  const report = JSON.parse(run('--json', ...seeds).out);
  const top = report.groups[0];
  assert.ok(top, 'the seeds have at least one shared group');
  assert.ok(r.out.includes(top.text.replace(/\s+/g, ' ').trim()), 'the most widely shared sentence is shown');
});

test('--help prints usage and exits 0', () => {
  const r = run('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^usage: storydiff/);
  assert.equal(r.err, '');
});

const empty = join(tmp, 'empty.txt');
const blank = join(tmp, 'blank.txt');
const binary = join(tmp, 'image.txt');
const latin1 = join(tmp, 'latin1.txt');
writeFileSync(empty, '');
writeFileSync(blank, '  \n\n ');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
writeFileSync(latin1, Buffer.from('Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9.', 'latin1'));

const errorCases = [
  ['no arguments', [], /no files given/],
  ['one file', [seeds[0]], /only one file/],
  ['a missing file', [seeds[0], join(tmp, 'missing.txt')], /missing\.txt: no such file/],
  ['a directory', [seeds[0], tmp], /is a directory/],
  ['an empty file', [seeds[0], empty], /empty\.txt: file is empty/],
  ['a whitespace-only file', [seeds[0], blank], /blank\.txt: file is empty/],
  ['a binary file', [seeds[0], binary], /image\.txt: not a text file/],
  ['a file that is not UTF-8', [seeds[0], latin1], /latin1\.txt: not a text file/],
  ['an unknown flag', ['--colour', ...seeds], /unknown option --colour/],
  ['a bad --min-score', ['--min-score', 'high', ...seeds], /--min-score/],
  ['a bad --kinds', ['--kinds', 'exact', ...seeds], /unknown kind "exact"/],
  ['--min-score without a value', ['--min-score'], /--min-score needs a value/],
];
for (const [what, args, message] of errorCases) {
  test(`exit code 2 and one stderr line for ${what}`, () => {
    const r = run(...args);
    assert.equal(r.code, 2, `exit code (stderr: ${r.err})`);
    assert.equal(r.out, '', 'nothing on stdout');
    const lines = r.err.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `one line on stderr, got:\n${r.err}`);
    assert.match(lines[0], /^storydiff: /);
    assert.match(lines[0], message);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  });
}
