// The npm package: what `npm pack` ships, and that the exports resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('package.json: name, module type, bin and exports', () => {
  assert.equal(pkg.name, 'storydiff');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.bin.storydiff, 'bin/storydiff.js');
  assert.equal(pkg.exports['.'].node, './js/node.js');
  assert.equal(pkg.exports['.'].default, './js/index.js');
  assert.equal(pkg.exports['.'].types, './js/index.d.ts');
  assert.equal(pkg.exports['./element'].default, './js/element.js');
  assert.equal(pkg.exports['./element'].types, './js/element.d.ts');
  assert.equal(pkg.exports['./worker'], './js/worker.js');
  assert.equal(pkg.exports['./tape'].default, './js/tape.js');
  assert.equal(pkg.exports['./tape'].types, './js/tape.d.ts');
});

test('npm pack ships the wasm (the core and the HTML build), its glue, the sentence vectors, the JS API, the CLI and the README, and nothing else', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  for (const f of [
    'package.json',
    'README.md',
    'bin/storydiff.js',
    'js/index.js',
    'js/node.js',
    'js/validate.js',
    'js/index.d.ts',
    'js/element.js',
    'js/element.d.ts',
    'js/element-style.js',
    'js/worker.js',
    'js/tape.js',
    'js/tape.d.ts',
    'pkg/storydiff.js',
    'pkg/storydiff.d.ts',
    'pkg/storydiff_bg.wasm',
    'pkg/storydiff_bg.wasm.d.ts',
    'pkg/html/storydiff.js',
    'pkg/html/storydiff.d.ts',
    'pkg/html/storydiff_bg.wasm',
    'pkg/html/storydiff_bg.wasm.d.ts',
    'vectors/minilm-static.bin',
    'vectors/LICENSE',
    'vectors/NOTICE',
    'vectors/README.md',
  ]) {
    assert.ok(files.includes(f), `ships ${f} (files: ${files.join(', ')})`);
  }
  const stray = files.filter((f) => !/^(package\.json|README\.md|LICENSE.*|bin\/|js\/|pkg\/|vectors\/(minilm-static\.bin|LICENSE|NOTICE|README\.md)$)/.test(f));
  assert.deepEqual(stray, [], 'nothing outside bin/, js/, pkg/, the vector file with its licence, notice and README, and the top-level docs');
  const wasm = info.files.find((f) => f.path === 'pkg/storydiff_bg.wasm');
  assert.ok(wasm.size > 1000, 'the wasm is not empty');
  const vectors = info.files.find((f) => f.path === 'vectors/minilm-static.bin');
  assert.ok(vectors.size > 1_000_000, `the vector file is whole (${vectors.size} bytes)`);
});

test('the package resolves to js/node.js in Node (self-reference by name)', () => {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import * as m from 'storydiff'; console.log(typeof m.compare, m.REPORT_VERSION)"],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'function 1');
});

test('storydiff/element imports in Node without a DOM (it defines the element only in a browser)', () => {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import * as m from 'storydiff/element'; console.log(typeof m.StoryDiffElement, typeof m.rebuildText)"],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'function function');
});
