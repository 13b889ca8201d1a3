// storydiff for Node.js 20+: loads pkg/storydiff_bg.wasm and the sentence vectors
// (vectors/minilm-static.bin) synchronously from disk.
//
//   import { compare } from 'storydiff';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', text: '…' }]);
//
// Without the vectors (a missing or unreadable file: a broken install) the comparison still runs,
// by words only: a warning says so once on stderr, `matching` is 'lexical', and so is every
// report's `matching`.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callWasm, errorMessage } from './validate.js';
import { decodeTape } from './tape.js';

const glueUrl = new URL('../pkg/storydiff.js', import.meta.url);
const wasmUrl = new URL('../pkg/storydiff_bg.wasm', import.meta.url);
const vectorsUrl = new URL('../vectors/minilm-static.bin', import.meta.url);

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
 * Which matching `compare` runs: 'semantic' (words and sentence vectors) once the vectors are
 * loaded, else 'lexical' (words only). Each report says it too (`report.matching`).
 * @type {'semantic' | 'lexical'}
 */
export let matching = 'lexical';
try {
  glue.loadVectors(readFileSync(vectorsUrl));
  matching = 'semantic';
} catch (err) {
  const why = err && err.code === 'ENOENT' ? 'the file is missing' : errorMessage(err);
  process.emitWarning(
    `the sentence vectors could not be loaded (${fileURLToPath(vectorsUrl)}: ${why}); ` +
      'matching by words only, so the same claim in other words may be missed',
    { type: 'StorydiffWarning', code: 'STORYDIFF_NO_VECTORS' },
  );
}

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
