// storydiff for Node.js 20+: loads pkg/storydiff_bg.wasm synchronously from disk.
//
//   import { compare } from 'storydiff';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', text: '…' }]);

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callWasm } from './validate.js';
import { decodeTape } from './tape.js';

const glueUrl = new URL('../pkg/storydiff.js', import.meta.url);
const wasmUrl = new URL('../pkg/storydiff_bg.wasm', import.meta.url);

let glue;
let bytes;
try {
  bytes = readFileSync(wasmUrl);
  glue = await import(glueUrl.href);
} catch (err) {
  if (err && (err.code === 'ENOENT' || err.code === 'ERR_MODULE_NOT_FOUND')) {
    throw new Error(
      `storydiff: the WebAssembly build is missing (${fileURLToPath(wasmUrl)}); run \`npm run build\` first`,
    );
  }
  throw err;
}
glue.initSync({ module: bytes });

/**
 * Compares how two or more articles report the same story.
 * @param {{ name: string, text: string }[]} sources
 * @param {{ kinds?: ('identical'|'minor'|'paraphrase')[], minScore?: number }} [options]
 */
export function compare(sources, options) {
  const [ints, floats, text] = callWasm(glue.compareTape, sources, options);
  return decodeTape(ints, floats, text);
}

/**
 * Like `compare`, but returns the report as a compact JSON string, for saving or sending it
 * (it is `compare`'s report, stringified).
 */
export function compareJson(sources, options) {
  return JSON.stringify(compare(sources, options));
}

export const REPORT_VERSION = 1;
