// js/provenance.js: publication times read from the report, and which source of a shared group
// was published first (only when the times tell it surely); the CLI says so per group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { firstOf, timeOf } from '../../js/provenance.js';

const src = (datetime, published = datetime ? datetime.slice(0, 10) : null) => ({ datetime, published });

test('timeOf: a zoned time is exact, a local time or a day spans a day', () => {
  assert.deepEqual(timeOf(src('2024-01-02T08:04:05Z')), { text: '2024-01-02 08:04 UTC', from: Date.parse('2024-01-02T08:04:05Z'), to: Date.parse('2024-01-02T08:04:05Z') });
  assert.equal(timeOf(src('2024-01-02T03:04:05+01:00')).text, '2024-01-02 03:04+01:00');
  const local = timeOf(src('2024-01-02T10:00'));
  assert.equal(local.to - local.from, 28 * 3600e3);
  const day = timeOf({ datetime: null, published: '2024-01-02' });
  assert.equal(day.text, '2024-01-02');
  assert.ok(day.to - day.from === 50 * 3600e3);
  assert.equal(timeOf({ datetime: null, published: null }), null);
  assert.equal(timeOf({ datetime: 'not a date', published: null }), null);
});

test('firstOf: the surely earliest, or no one', () => {
  const report = { sources: [src('2024-01-02T08:00:00Z'), src('2024-01-02T06:30:00+01:00'), { datetime: null, published: '2024-01-02' }, { datetime: null, published: null }, { datetime: null, published: '2023-12-28' }] };
  assert.deepEqual(firstOf(report, [0, 1]), { first: 1, time: '2024-01-02 06:30+01:00', known: 2 });
  assert.deepEqual(firstOf(report, [0, 1, 3]), { first: 1, time: '2024-01-02 06:30+01:00', known: 2 });
  assert.deepEqual(firstOf(report, [0, 2]), { first: null, known: 2 }, 'a time and a day on the same day: not known');
  assert.deepEqual(firstOf(report, [0, 4]), { first: 4, time: '2023-12-28', known: 2 }, 'days apart: the earlier day');
  assert.deepEqual(firstOf(report, [0, 3]), { first: null, known: 1 });
});

test('the CLI says which source had a shared group first', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'storydiff-prov-'));
  try {
    const page = (extra, time) => `<!doctype html><html lang="en"><head><title>Flood closes bridge</title><meta property="article:published_time" content="${time}"></head><body><article><h1>Flood closes bridge</h1><p>The river rose two metres overnight and the council closed the old bridge on Monday. ${extra}</p></article></body></html>`;
    writeFileSync(join(tmp, 'late.html'), page('Volunteers filled sandbags all night.', '2024-01-02T08:04:05Z'));
    writeFileSync(join(tmp, 'early.html'), page('Schools stayed open in the town.', '2024-01-02T03:04:05+01:00'));
    const run = (...args) => spawnSync(process.execPath, [join(ROOT, 'bin/storydiff.js'), '--lexical', ...args, join(tmp, 'late.html'), join(tmp, 'early.html')], { encoding: 'utf8' });
    const text = run();
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ {2}1\. 2 sources, identical; first: \[2\] early\.html \(2024-01-02 03:04\+01:00\)$/m);
    assert.match(text.stdout, /date: {6}2024-01-02 08:04 UTC/);
    assert.match(run('--format', 'markdown').stdout, /^### 1\. 2 sources, identical; first: \[2\] early\.html \(2024-01-02 03:04\+01:00\)$/m);
    const csv = run('--format', 'csv').stdout.split('\r\n');
    const head = csv[0].split(',');
    assert.equal(csv[1].split(',')[head.indexOf('group_first')], '2', 'group_first is the second source');
    const late = csv.slice(1).map((line) => line.split(',')).find((row) => row[head.indexOf('source_name')] === 'late.html');
    assert.equal(late[head.indexOf('published')], '2024-01-02T08:04:05Z', 'each row has its source\'s publication time');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the exports name a source beside its outlet only when the name says more, as the column heads do', async () => {
  const { provenanceParts, sourceHeading } = await import('../../js/element/provenance.js');
  const sources = [
    { name: 'reuters.txt', outlet: 'Reuters', url: null },
    { name: 'desk-copy.txt', outlet: 'Harbour Post', url: 'https://harbour.example/story' },
    { name: 'notes.txt', outlet: null, url: null },
  ];
  const view = { _report: { sources }, _label: (k) => sources[k].outlet || sources[k].name };
  assert.deepEqual(sources.map((_, k) => sourceHeading(provenanceParts(view, k))), ['Reuters', 'Harbour Post (desk-copy.txt, https://harbour.example/story)', 'notes.txt']);
});
