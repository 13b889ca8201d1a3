// The JS API (js/node.js over the wasm build) on the seed articles: the report contract of
// src/report.rs, offsets, cross-references, options and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, compareJson, REPORT_VERSION } from '../../js/node.js';
import { callWasm } from '../../js/validate.js';
import { binaryWithoutNul, loadSeeds } from './helpers.mjs';

const KINDS = ['identical', 'minor', 'paraphrase'];
const ROLES = ['title', 'body', 'caption', 'speaker'];
const REASONS = ['boilerplate', 'navigation', 'contact', 'copyright', 'credit', 'language', 'duplicate', 'metadata', 'label'];
const CONFLICTS = ['number', 'name', 'place', 'date', 'polarity'];
const OPS = ['equal', 'delete', 'insert'];

const inputs = loadSeeds();
const report = compare(inputs);
const N = inputs.length;

const isIndex = (v, len) => Number.isInteger(v) && v >= 0 && v < len;
const isRef = (ref) =>
  Array.isArray(ref) && ref.length === 2 && isIndex(ref[0], report.sources.length) &&
  isIndex(ref[1], report.sources[ref[0]].sentences.length);
const strOrNull = (v) => v === null || typeof v === 'string';

function checkSpan(input, span, what) {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= input.length, `${what}: offsets in range`);
  assert.equal(input.slice(span.start, span.end), span.text, `${what}: input.slice(start, end) === text`);
}

test('report shape: version 1, one source per input, in order', () => {
  assert.equal(REPORT_VERSION, 1);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report).sort(), ['groups', 'matches', 'matching', 'quotes', 'similarity', 'sources', 'version']);
  assert.ok(['semantic', 'lexical'].includes(report.matching), `matching ${report.matching}`);
  assert.equal(report.sources.length, N);
  report.sources.forEach((s, i) => {
    assert.equal(s.name, inputs[i].name);
    assert.deepEqual(Object.keys(s).sort(), ['authors', 'datetime', 'format', 'lang', 'name', 'outlet', 'published', 'removed', 'sentences', 'text', 'title', 'url']);
    // Text sources: their offsets index the input itself, and a page's fields are null; the
    // language is read from the text (src/language.rs).
    assert.equal(s.format, 'text');
    assert.deepEqual([s.text, s.url, s.datetime], [null, null, null]);
    assert.ok(s.lang === null || /^[a-z]{2}$/.test(s.lang), `lang is a language tag or null: ${s.lang}`);
    assert.ok(strOrNull(s.title), 'title is a string or null');
    assert.ok(strOrNull(s.outlet), 'outlet is a string or null');
    assert.ok(s.published === null || /^\d{4}-\d{2}-\d{2}$/.test(s.published), `published is YYYY-MM-DD or null: ${s.published}`);
    assert.ok(Array.isArray(s.authors) && s.authors.every((a) => typeof a === 'string' && a.length > 0));
    assert.ok(s.sentences.length > 0, `${s.name} has sentences`);
  });
});

test('every sentence is input.slice(start, end) in UTF-16 offsets, with valid role, support and group', () => {
  report.sources.forEach((s, i) => {
    s.sentences.forEach((x, j) => {
      const what = `sources[${i}].sentences[${j}]`;
      assert.deepEqual(Object.keys(x).sort(), ['end', 'group', 'nearest', 'role', 'start', 'support', 'text']);
      checkSpan(inputs[i].text, x, what);
      assert.ok(x.text.trim().length > 0, `${what} is not blank`);
      assert.ok(ROLES.includes(x.role), `${what}.role ${x.role}`);
      assert.ok(Number.isInteger(x.support) && x.support >= 0 && x.support <= N - 1, `${what}.support ${x.support}`);
      assert.ok(x.group === null || isIndex(x.group, report.groups.length), `${what}.group ${x.group}`);
      if (x.role === 'speaker') assert.equal(x.support, 0, `${what}: speaker labels are never matched`);
    });
  });
});

test('every removed span is input.slice(start, end), with a known reason', () => {
  report.sources.forEach((s, i) => {
    s.removed.forEach((r, j) => {
      const what = `sources[${i}].removed[${j}]`;
      assert.deepEqual(Object.keys(r).sort(), ['end', 'reason', 'start', 'text']);
      checkSpan(inputs[i].text, r, what);
      assert.ok(REASONS.includes(r.reason), `${what}.reason ${r.reason}`);
    });
  });
});

test('matches reference valid sentences of two different sources, each unordered pair once', () => {
  const seen = new Set();
  report.matches.forEach((m, k) => {
    const what = `matches[${k}]`;
    assert.ok(isRef(m.a) && isRef(m.b), `${what} references valid sentences`);
    assert.ok(m.a[0] < m.b[0], `${what}: a is from the lower source index`);
    const key = `${m.a[0]}:${m.a[1]}|${m.b[0]}:${m.b[1]}`;
    assert.ok(!seen.has(key), `${what}: pair ${key} reported once`);
    seen.add(key);
    assert.ok(KINDS.includes(m.kind), `${what}.kind ${m.kind}`);
    assert.ok(typeof m.score === 'number' && m.score >= 0 && m.score <= 1, `${what}.score ${m.score}`);
    for (const ref of [m.a, m.b]) {
      assert.notEqual(report.sources[ref[0]].sentences[ref[1]].role, 'speaker', `${what} links a speaker label`);
    }
    assert.ok(Array.isArray(m.diff));
    for (const d of m.diff) {
      assert.ok(OPS.includes(d.op), `${what}.diff op ${d.op}`);
      assert.equal(typeof d.a, 'string');
      assert.equal(typeof d.b, 'string');
      if (d.op === 'insert') assert.equal(d.a, '');
      if (d.op === 'delete') assert.equal(d.b, '');
    }
    for (const c of m.conflicts) {
      assert.ok(CONFLICTS.includes(c.kind), `${what}.conflicts kind ${c.kind}`);
      assert.equal(typeof c.a, 'string');
      assert.equal(typeof c.b, 'string');
    }
  });
});

test('support counts the other sources a sentence has a reported match or shares a group with', () => {
  const partners = new Map();
  const add = (ref, other) => {
    const key = `${ref[0]}:${ref[1]}`;
    if (!partners.has(key)) partners.set(key, new Set());
    partners.get(key).add(other);
  };
  for (const m of report.matches) {
    add(m.a, m.b[0]);
    add(m.b, m.a[0]);
  }
  for (const g of report.groups) {
    for (const member of g.members) {
      for (const [src] of g.members) if (src !== member[0]) add(member, src);
    }
  }
  report.sources.forEach((s, i) =>
    s.sentences.forEach((x, j) => {
      assert.equal(x.support, partners.get(`${i}:${j}`)?.size ?? 0, `sources[${i}].sentences[${j}].support`);
    }),
  );
});

test('groups reference valid sentences of two or more sources, most widely shared first, and agree with sentence.group', () => {
  report.groups.forEach((g, k) => {
    const what = `groups[${k}]`;
    assert.ok(g.members.length >= 2, `${what} has at least two members`);
    assert.ok(g.members.every(isRef), `${what} members are valid [source, sentence] refs`);
    const srcs = g.members.map(([src]) => src);
    assert.ok(new Set(srcs).size >= 2, `${what}: sentences of two or more sources`);
    assert.ok(KINDS.includes(g.kind), `${what}.kind ${g.kind}`);
    assert.ok(typeof g.text === 'string' && g.text.length > 0, `${what}.text`);
    assert.ok(
      g.members.some(([src, sen]) => report.sources[src].sentences[sen].text === g.text),
      `${what}.text is one of its members' text`,
    );
    const spread = (group) => new Set(group.members.map(([src]) => src)).size;
    if (k > 0) assert.ok(spread(report.groups[k - 1]) >= spread(g), `${what}: most widely shared first`);
    for (const [src, sen] of g.members) {
      assert.equal(report.sources[src].sentences[sen].group, k, `${what}: member [${src}, ${sen}] points back`);
    }
  });
  report.sources.forEach((s, i) =>
    s.sentences.forEach((x, j) => {
      if (x.group !== null) {
        assert.ok(report.groups[x.group].members.some(([a, b]) => a === i && b === j), `sources[${i}].sentences[${j}] is in its group`);
      }
    }),
  );
});

test('quotes: occurrences reference valid sentences and slice back from the input', () => {
  report.quotes.forEach((q, k) => {
    const what = `quotes[${k}]`;
    assert.ok(strOrNull(q.speaker));
    assert.ok(typeof q.text === 'string' && q.text.length > 0);
    assert.ok(q.occurrences.length >= 1);
    for (const o of q.occurrences) {
      assert.ok(isRef([o.source, o.sentence]), `${what} occurrence references a valid sentence`);
      checkSpan(inputs[o.source].text, o, `${what} occurrence`);
      assert.ok(strOrNull(o.speaker));
      const sentence = report.sources[o.source].sentences[o.sentence];
      assert.ok(o.start >= sentence.start && o.end <= sentence.end, `${what} occurrence lies inside its sentence`);
    }
  });
});

test('similarity is an N x N matrix of shares with 1 on the diagonal', () => {
  assert.equal(report.similarity.length, N);
  report.similarity.forEach((row, i) => {
    assert.equal(row.length, N);
    row.forEach((v, j) => assert.ok(typeof v === 'number' && v >= 0 && v <= 1, `similarity[${i}][${j}] = ${v}`));
    assert.equal(row[i], 1);
  });
});

test('the seeds share some sentences and each has some of its own', () => {
  const all = report.sources.flatMap((s) => s.sentences);
  assert.ok(report.matches.length > 0, 'some matches');
  assert.ok(report.groups.length > 0, 'some groups');
  assert.ok(all.some((x) => x.support > 0), 'some shared sentences');
  assert.ok(all.some((x) => x.support === 0 && x.role !== 'speaker'), 'some unique sentences');
});

test('a small comparison: the shared sentence is matched, the other is unique; offsets count UTF-16 units', () => {
  const wire = '🌧️ Rain fell on Paris on Monday. Officials said roads were closed.';
  const paper = 'Édition spéciale — 비 Rain fell on Paris on Monday. The mayor thanked volunteers.';
  const r = compare([{ name: 'wire', text: wire }, { name: 'paper', text: paper }]);
  assert.equal(r.sources.length, 2);
  for (const [i, text] of [wire, paper].entries()) {
    for (const x of r.sources[i].sentences) checkSpan(text, x, `${r.sources[i].name} sentence`);
    for (const x of r.sources[i].removed) checkSpan(text, x, `${r.sources[i].name} removed span`);
  }
  const rain = (i) => r.sources[i].sentences.find((x) => x.text.includes('Rain fell on Paris'));
  assert.ok(rain(0) && rain(1), 'both keep the rain sentence');
  assert.equal(rain(0).support, 1);
  assert.equal(rain(1).support, 1);
  const closed = r.sources[0].sentences.find((x) => x.text.includes('roads were closed'));
  assert.ok(closed, 'the wire keeps its own sentence');
  assert.equal(closed.support, 0);
  const pair = (m) => `${m.a}|${m.b}`;
  const rainRefs = [0, 1].map((i) => [i, r.sources[i].sentences.indexOf(rain(i))]);
  assert.deepEqual(r.matches.map(pair), [pair({ a: rainRefs[0], b: rainRefs[1] })], 'one match: the rain sentences');
});

test('options: kinds and minScore filter the matches', () => {
  const identical = compare(inputs, { kinds: ['identical'] });
  assert.ok(identical.matches.every((m) => m.kind === 'identical'));
  assert.ok(identical.matches.length <= report.matches.length);
  const strict = compare(inputs, { minScore: 0.9 });
  assert.ok(strict.matches.every((m) => m.score >= 0.9));
  assert.ok(strict.matches.length <= report.matches.length);
  assert.deepEqual(compare(inputs, {}), report, 'empty options are the defaults');
  assert.deepEqual(compare(inputs, null), report, 'null options are the defaults');
});

test('bad options throw a TypeError or RangeError with a message', () => {
  const cases = [
    [{ kinds: 'identical' }, TypeError, /kinds/],
    [{ kinds: ['exact'] }, TypeError, /exact/],
    [{ minScore: '0.5' }, TypeError, /minScore/],
    [{ minScore: 2 }, RangeError, /minScore/],
    [{ min_score: 0.5 }, TypeError, /unknown option "min_score"/],
    ['fast', TypeError, /options must be an object/],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => compare(inputs, options), (err) => err instanceof type && message.test(err.message), JSON.stringify(options));
  }
});

function assertPlainError(fn, message, type = Error) {
  let caught;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught, 'throws');
  assert.ok(caught instanceof Error, 'throws an Error');
  assert.equal(caught.constructor, type, `throws ${type.name}, got ${caught.constructor.name}: ${caught.message}`);
  assert.match(caught.message, message);
}

test('errors: fewer than two sources, empty and binary text, wrong types', () => {
  const [a, b] = inputs;
  assertPlainError(() => compare([]), /no sources.*two/);
  assertPlainError(() => compare([a]), /only 1 source.*two/);
  assertPlainError(() => compare([a, { name: 'blank', text: '' }]), /"blank" is empty/);
  assertPlainError(() => compare([a, { name: 'spaces', text: ' \n\t ' }]), /"spaces" is empty/);
  assertPlainError(() => compare([a, { name: 'nul', text: 'PNG\u0000\u0000\u0001IHDR' }]), /"nul" is not text/);
  assertPlainError(() => compare('not an array'), /sources must be an array/, TypeError);
  assertPlainError(() => compare({ 0: a, 1: b, length: 2 }), /sources must be an array/, TypeError);
  assertPlainError(() => compare(undefined), /sources must be an array/, TypeError);
  assertPlainError(() => compare([a, 'text']), /sources\[1\] must be a \{ name, text \} or \{ name, html \} object/, TypeError);
  assertPlainError(() => compare([a, { name: 'x' }]), /sources\[1\]\.text must be a string/, TypeError);
  assertPlainError(() => compare([a, { text: 'x' }]), /sources\[1\]\.name must be a string/, TypeError);
});

test('errors from the engine come back as a plain Error with its message', () => {
  // No NUL, so the JS checks pass it on and the engine itself refuses it.
  assertPlainError(() => compare([inputs[0], { name: 'noise', text: binaryWithoutNul() }]), /"noise" is not text/);
});

test('only a trap in the engine is marked internal, whatever the source names say', () => {
  // Source names appear in error messages, so a name cannot make an ordinary error look like a
  // crash. Text without NULs passes the JS checks: the engine itself refuses it, by name.
  for (const name of ['internal error x', 'storydiff internal error (unreachable)', 'internal error']) {
    let caught;
    try {
      compare([inputs[0], { name, text: binaryWithoutNul() }]);
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof Error && caught.message.includes(name), `an ordinary error for "${name}": ${caught && caught.message}`);
    assert.ok(!caught.internal, `"${name}": not marked internal`);
  }
  const trap = () => {
    throw new WebAssembly.RuntimeError('unreachable');
  };
  assert.throws(() => callWasm(trap, inputs.slice(0, 2)), (err) => err.internal === true && /internal error \(unreachable\)/.test(err.message));
  assert.throws(() => callWasm(() => { throw 'a string'; }, inputs.slice(0, 2)), (err) => err instanceof Error && err.message === 'a string' && !err.internal);
});

test('compareJson returns the same report as a JSON string, and checks its arguments the same way', () => {
  const json = compareJson(inputs);
  assert.equal(typeof json, 'string');
  assert.deepEqual(JSON.parse(json), report);
  assert.deepEqual(JSON.parse(compareJson(inputs, { kinds: ['minor'] })), compare(inputs, { kinds: ['minor'] }));
  assertPlainError(() => compareJson([inputs[0]]), /only 1 source/);
  assertPlainError(() => compareJson([inputs[0], { name: 'noise', text: binaryWithoutNul() }]), /"noise" is not text/);
  assertPlainError(() => compareJson(inputs, { minScore: 'x' }), /minScore/, TypeError);
});

// The shipped wasm hands the report over only as a tape, so the decoder is checked against the
// layout src/tape.rs documents (its own tests check the encoder against serde_json, and the
// benchmark checks a whole report against serde-wasm-bindgen's objects).
test('the tape decoder reads every tag, key and UTF-16 length as src/tape.rs lays them out', async () => {
  const { decodeTape } = await import('../../js/tape.js');
  const NEW = 2 ** 31;
  const ints = Uint32Array.of(
    7, 6, // an object of 6 fields
    NEW + 4, 5, 3, // new key 0 "name": a string of 3 UTF-16 units
    NEW + 5, 6, 2, // new key 1 "items": an array of 2
    7, 1, 0, 0, // { key 0: null }
    7, 2, 0, 2, NEW + 5, 4, // { key 0: true, new key 2 "score": the next float }
    NEW + 3, 8, 1, 5, 3, 1, // new key 3 "map": a map of 1, its key a string value, then false
    NEW + 9, 3, 4294967295, // new key 4 "__proto__": a whole number
    NEW + 2, 9, NEW + 5, // new key 5 "op": a name, new key 6 "equal"
    NEW + 1, 10, 4, 3, // new key 7 "a": the 3 UTF-16 units of the text from unit 4
  );
  const text = 'name' + '한😀' + 'items' + 'score' + 'map' + 'x😀' + '__proto__' + 'op' + 'equal' + 'a';
  const decoded = decodeTape(ints, Float64Array.of(0.25), text);
  const expected = JSON.parse('{"name":"한😀","items":[{"name":null},{"name":true,"score":0.25}],"map":{"x😀":false},"__proto__":4294967295,"op":"equal","a":"한😀"}');
  assert.deepEqual(decoded, expected);
  assert.ok(Object.hasOwn(decoded, '__proto__') && Object.getPrototypeOf(decoded) === Object.prototype, '"__proto__" is an own field, as JSON.parse makes it');
});

test('a damaged tape is refused with a message, not read as a wrong report', async () => {
  const { decodeTape } = await import('../../js/tape.js');
  const glue = await import('../../pkg/storydiff.js');
  const [ints, floats, text] = glue.compareTape(inputs, undefined);
  assert.throws(() => decodeTape(ints.slice(0, -1), floats, text), /tape/);
  assert.throws(() => decodeTape(ints, floats, text + 'x'), /tape/);
  assert.throws(() => decodeTape(ints, Float64Array.of(...floats, 1), text), /tape/);
  const bad = ints.slice();
  bad[0] = 11;
  assert.throws(() => decodeTape(bad, floats, text), /tag 11/);
  // A slice of text not read yet.
  assert.throws(() => decodeTape(Uint32Array.of(10, 0, 1), floats, 'x'), /slice/);
});

test('a slice of the tape lies inside the text read before and splits no character', async () => {
  const { decodeTape } = await import('../../js/tape.js');
  const none = new Float64Array(0);
  // ["ab", slice]: within "ab" it reads; past it, in text not read yet, it is refused.
  assert.deepEqual(decodeTape(Uint32Array.of(6, 2, 5, 2, 10, 0, 2), none, 'ab'), ['ab', 'ab']);
  assert.throws(() => decodeTape(Uint32Array.of(6, 3, 5, 1, 10, 0, 2, 5, 1), none, 'ab'), /slice/);
  // ["a😀", slice]: the emoji's second half alone, or its first, is refused.
  assert.deepEqual(decodeTape(Uint32Array.of(6, 2, 5, 3, 10, 1, 2), none, 'a😀'), ['a😀', '😀']);
  assert.throws(() => decodeTape(Uint32Array.of(6, 2, 5, 3, 10, 2, 1), none, 'a😀'), /slice/);
  assert.throws(() => decodeTape(Uint32Array.of(6, 2, 5, 3, 10, 0, 2), none, 'a😀'), /slice/);
});
