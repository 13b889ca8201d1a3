// The sentence vectors (vectors/minilm-static.bin) in Node: js/node.js loads them at import, so
// reports say `matching: 'semantic'` and a unique sentence names its closest sentence elsewhere
// (`nearest`); without them (the file missing or damaged, in a copy of the package) the comparison
// still runs, by words only, says so once on stderr, and the reports say `matching: 'lexical'`.
// The CLI says which matching ran, and --lexical skips the vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, compareJson, matching } from '../../js/node.js';
import { ROOT, SEED_NAMES, loadSeeds, seedPath } from './helpers.mjs';

const VECTORS = join(ROOT, 'vectors/minilm-static.bin');
const BIN = join(ROOT, 'bin/storydiff.js');
const inputs = loadSeeds();
const report = compare(inputs);

const tmp = mkdtempSync(join(tmpdir(), 'storydiff-vectors-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('the vector file is there, and js/node.js loaded it: matching is semantic', () => {
  assert.ok(existsSync(VECTORS), `${VECTORS} exists`);
  assert.equal(matching, 'semantic');
  assert.equal(report.matching, 'semantic');
  assert.equal(JSON.parse(compareJson(inputs.slice(0, 2))).matching, 'semantic');
});

test('every sentence has `nearest`: null, or the closest sentence of another source to a unique one', () => {
  let named = 0;
  report.sources.forEach((s, i) =>
    s.sentences.forEach((x, j) => {
      const what = `sources[${i}].sentences[${j}]`;
      assert.ok(Object.hasOwn(x, 'nearest'), `${what} has nearest`);
      if (x.nearest === null) return;
      named++;
      assert.deepEqual(Object.keys(x.nearest).sort(), ['score', 'sentence', 'source'], what);
      const { source, sentence, score } = x.nearest;
      assert.equal(x.support, 0, `${what}: only a unique sentence names its nearest`);
      assert.ok(Number.isInteger(source) && source >= 0 && source < report.sources.length && source !== i, `${what}: another source (${source})`);
      assert.ok(Number.isInteger(sentence) && sentence >= 0 && sentence < report.sources[source].sentences.length, `${what}: a sentence of it (${sentence})`);
      assert.ok(typeof score === 'number' && score >= 0 && score <= 1, `${what}: score ${score}`);
    }),
  );
  assert.ok(named > 0, 'some unique sentence of the seeds names its nearest');
});

const VOTE = [
  { name: 'a', text: 'The House passed the bill on Tuesday. This followed a 38-2 vote hours earlier in the Senate.' },
  { name: 'b', text: 'Lawmakers in the House approved the bill on Tuesday. The final tally was 38-2.' },
];

/** The "38-2 vote" / "final tally" pair of VOTE's report: matched, grouped, each other's nearest. */
function votePair() {
  const r = compare(VOTE);
  const vote = r.sources[0].sentences.findIndex((x) => x.text.includes('38-2 vote'));
  const tally = r.sources[1].sentences.findIndex((x) => x.text.includes('final tally'));
  assert.ok(vote >= 0 && tally >= 0, 'both sentences are there');
  const a = r.sources[0].sentences[vote];
  const b = r.sources[1].sentences[tally];
  return {
    r,
    matched: r.matches.some((m) => m.a[0] === 0 && m.a[1] === vote && m.b[0] === 1 && m.b[1] === tally),
    grouped: a.group !== null && a.group === b.group,
    near: !!a.nearest && a.nearest.source === 1 && a.nearest.sentence === tally && !!b.nearest && b.nearest.source === 0 && b.nearest.sentence === vote,
    what: JSON.stringify({ a, b, matches: r.matches.map((m) => [m.a, m.b, m.kind, m.score]) }),
  };
}

// With the fitted scorer the pair is not matched (a probability of about 0.16: one shared figure
// in two short sentences); the reader sees each as the other's closest sentence instead.
test('a paraphrase sharing few words ("a 38-2 vote", "the final tally was 38-2") is matched, or else each is the other\'s nearest', () => {
  const { r, matched, grouped, near, what } = votePair();
  assert.equal(r.matching, 'semantic');
  assert.ok(matched || grouped || near, what);
});

/**
 * A copy of the package (package.json, js/, pkg/) in `name` under the temporary folder, with
 * vectors/minilm-static.bin holding `vectors` (a Buffer) or left out (null). Runs a script there
 * that imports js/node.js and compares two texts; returns its output, exit code and stderr.
 */
function runCopy(name, vectors) {
  const dir = join(tmp, name);
  for (const part of ['package.json', 'js', 'pkg']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  if (vectors) {
    mkdirSync(join(dir, 'vectors'), { recursive: true });
    writeFileSync(join(dir, 'vectors/minilm-static.bin'), vectors);
  }
  const script = [
    "import { compare, matching } from './js/node.js';",
    "const r = compare([{ name: 'a', text: 'Rain fell on Paris on Monday. Roads were closed.' }, { name: 'b', text: 'Rain fell on Paris on Monday. The mayor spoke.' }]);",
    'console.log(JSON.stringify({ matching, reportMatching: r.matching, kinds: r.matches.map((m) => m.kind), nearest: r.sources.every((s) => s.sentences.every((x) => Object.hasOwn(x, "nearest"))) }));',
  ].join('\n');
  writeFileSync(join(dir, 'main.mjs'), script);
  const r = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('without the vector file: lexical matching, said once on stderr, and the comparison still runs', () => {
  const r = runCopy('missing', null);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  assert.equal(got.matching, 'lexical');
  assert.equal(got.reportMatching, 'lexical');
  assert.ok(got.kinds.includes('identical'), `still compares: ${got.kinds}`);
  assert.ok(got.nearest, 'every sentence still has a nearest field');
  assert.equal(r.err.match(/sentence vectors could not be loaded/g)?.length, 1, `one warning: ${r.err}`);
  assert.match(r.err, /minilm-static\.bin: the file is missing/);
});

test('a damaged vector file: lexical matching, with the reason on stderr', () => {
  const good = readFileSync(VECTORS);
  for (const [name, bytes] of [['garbage', Buffer.from('not a vector file at all')], ['truncated', good.subarray(0, good.length >> 1)]]) {
    const r = runCopy(name, bytes);
    assert.equal(r.code, 0, r.err);
    const got = JSON.parse(r.out);
    assert.equal(got.matching, 'lexical', name);
    assert.equal(got.reportMatching, 'lexical', name);
    assert.ok(got.kinds.includes('identical'), `${name}: still compares`);
    assert.match(r.err, /sentence vectors could not be loaded/, name);
  }
});

test('the CLI says which matching ran, and --lexical matches by words only', () => {
  const seeds = SEED_NAMES.slice(0, 2).map(seedPath);
  const run = (...args) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  const text = run(...seeds);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^matching: semantic/m);
  const json = run('--json', ...seeds);
  assert.equal(JSON.parse(json.stdout).matching, 'semantic');
  const lexical = run('--json', '--lexical', ...seeds);
  assert.equal(lexical.status, 0, lexical.stderr);
  assert.equal(lexical.stderr, '');
  assert.equal(JSON.parse(lexical.stdout).matching, 'lexical');
  assert.match(run('--lexical', ...seeds).stdout, /^matching: lexical/m);
  assert.match(run('--lexical=1', ...seeds).stderr, /--lexical takes no value/);
});
