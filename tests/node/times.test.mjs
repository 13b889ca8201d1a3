// The page's Published fields (www/details.js), without a browser: a time typed is the visitor's
// local time, kept with their UTC offset on that date; a zoned time read from an article is shown
// converted to local time, one without a zone as it is.
// Run in Europe/Berlin (process.env.TZ), where the offset is +01:00 in winter and +02:00 in summer.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.TZ = 'Europe/Berlin';
const { gapProblem, localValue, withLocalZone } = await import('../../www/details.js');
const { firstOf } = await import('../../js/provenance.js');

test('withLocalZone: a typed time gets the local UTC offset of its own date', () => {
  assert.equal(withLocalZone('2025-06-10T06:00'), '2025-06-10T06:00+02:00');
  assert.equal(withLocalZone('2025-01-10T06:00'), '2025-01-10T06:00+01:00');
  assert.equal(withLocalZone('not a time'), 'not a time');
});

test('two times typed on one day tell which was first; without a zone they would not', () => {
  const report = (a, b) => ({ sources: [{ datetime: a }, { datetime: b }] });
  assert.equal(firstOf(report(withLocalZone('2025-06-10T18:00'), withLocalZone('2025-06-10T06:00')), [0, 1]).first, 1);
  assert.equal(firstOf(report('2025-06-10T18:00', '2025-06-10T06:00'), [0, 1]).first, null);
});

test('localValue: zoned times in local time, the rest as they are', () => {
  assert.equal(localValue('2024-03-05T08:30:00+01:00'), '2024-03-05T08:30');
  assert.equal(localValue('2024-03-05T07:30:00Z'), '2024-03-05T08:30');
  assert.equal(localValue('2025-06-10T06:00+02:00'), '2025-06-10T06:00', 'a typed time shows as typed');
  assert.equal(localValue('2025-06-03T09:15'), '2025-06-03T09:15');
  assert.equal(localValue('2025-06-03'), '2025-06-03T00:00');
  assert.equal(localValue(''), '');
});

test('withLocalZone: a time typed in the hour the clocks skip is kept as the instant it is (03:30+02:00), never 02:30+02:00', () => {
  // 2025-03-30 in Berlin: 02:00 winter time becomes 03:00 summer time; 02:30+02:00 would be 00:30 UTC, an hour early.
  assert.equal(withLocalZone('2025-03-30T02:30'), '2025-03-30T03:30+02:00');
  assert.equal(Date.parse(withLocalZone('2025-03-30T02:30')), Date.parse('2025-03-30T01:30Z'));
  assert.equal(withLocalZone('2025-03-30T03:30'), '2025-03-30T03:30+02:00');
  assert.equal(withLocalZone('2025-06-10T06:00:15'), '2025-06-10T06:00:15+02:00', 'seconds typed are kept');
  assert.equal(withLocalZone('2025-10-26T02:30').slice(0, 16), '2025-10-26T02:30', 'the hour the clocks repeat exists');
});

test('gapProblem: a time the clocks skip is refused with the time it would be; other times pass', () => {
  assert.match(gapProblem('2025-03-30T02:30') || '', /^2025-03-30 02:30 does not exist in your time zone, Europe\/Berlin: .*Did you mean 2025-03-30 03:30\?$/);
  assert.equal(gapProblem('2025-03-30T03:30'), null);
  assert.equal(gapProblem('2025-06-10T06:00'), null);
  assert.equal(gapProblem('not a time'), null);
});
