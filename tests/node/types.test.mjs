// js/index.d.ts mirrors src/report.rs: every serialized struct field (camelCase) and every
// enum variant (lowercase) appears in the matching TypeScript declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const rust = readFileSync(join(ROOT, 'src/report.rs'), 'utf8');
const dts = readFileSync(join(ROOT, 'js/index.d.ts'), 'utf8');
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

// The Rust input type is not the JS one: JS gives a source as { name, text } or { name, html }
// (a union, checked below), which src/wasm.rs turns into SourceInput { name, text, format }.
const INPUT_ONLY_STRUCTS = ['SourceInput'];
// Format::Auto is for input only (decide from the text); a report says `text` or `html`.
const INPUT_ONLY_VARIANTS = { Format: ['auto'] };

function tsBlock(kind, name) {
  const re = kind === 'interface'
    ? new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`)
    : new RegExp(`export type ${name} =([\\s\\S]*?);`);
  const m = dts.match(re);
  return m ? m[1] : null;
}

test('every struct in src/report.rs has an interface with the same fields', () => {
  const structs = [...rust.matchAll(/pub struct (\w+) \{([\s\S]*?)\n\}/g)];
  assert.ok(structs.length >= 10, 'found the structs');
  for (const [, name, body] of structs) {
    if (INPUT_ONLY_STRUCTS.includes(name)) continue;
    const block = tsBlock('interface', name);
    assert.ok(block, `interface ${name} in js/index.d.ts`);
    const fields = [...body.matchAll(/^\s*pub (\w+):/gm)].map((m) => camel(m[1]));
    for (const f of fields) assert.match(block, new RegExp(`\\n\\s*${f}\\??:`), `${name}.${f}`);
    const tsFields = [...block.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]);
    assert.deepEqual(tsFields.sort(), fields.sort(), `${name}: no extra fields`);
  }
});

test('every enum in src/report.rs has a union type with the same lowercase variants', () => {
  const enums = [...rust.matchAll(/pub enum (\w+) \{([\s\S]*?)\n\}/g)];
  assert.ok(enums.length >= 5, 'found the enums');
  for (const [, name, body] of enums) {
    const block = tsBlock('type', name);
    assert.ok(block, `type ${name} in js/index.d.ts`);
    const variants = [...body.matchAll(/^\s*([A-Z]\w*),?\s*$/gm)].map((m) => m[1].toLowerCase())
      .filter((v) => !(INPUT_ONLY_VARIANTS[name] || []).includes(v));
    const tsVariants = [...block.matchAll(/'(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual(tsVariants.sort(), variants.sort(), name);
  }
});

test('a source is given as { name, text } or { name, html }', () => {
  assert.match(dts, /export type SourceInput = TextInput \| HtmlInput;/);
  assert.match(tsBlock('interface', 'TextInput'), /\n\s*name: string;[\s\S]*\n\s*text: string;/);
  assert.match(tsBlock('interface', 'HtmlInput'), /\n\s*name: string;[\s\S]*\n\s*html: string;/);
});
