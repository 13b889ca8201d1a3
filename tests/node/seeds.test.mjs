import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED_NAMES } from './helpers.mjs';

test('seeds/index.json lists exactly the seed files in seeds/', () => {
  const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));
  const onDisk = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(Array.isArray(SEED_NAMES), 'index.json is an array');
  assert.deepEqual([...SEED_NAMES].sort(), onDisk);
  assert.equal(new Set(SEED_NAMES).size, SEED_NAMES.length, 'no duplicates');
  assert.equal(SEED_NAMES.length, 5);
});
