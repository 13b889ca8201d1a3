// storydiff for the browser: a plain ES module, no bundler needed.
//
//   import { compare } from './js/index.js';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', text: '…' }]);
//
// Importing this module fetches and instantiates pkg/storydiff_bg.wasm and, in parallel, fetches
// the sentence vectors (vectors/minilm-static.bin), both relative to this file, with top-level
// await: `compare` is ready, with the vectors loaded, as soon as the import resolves. When the
// vectors cannot be fetched or read, it compares by words only (`matching` and every report's
// `matching` say 'lexical').

import init, { compareTape as wasmCompareTape, loadVectors } from '../pkg/storydiff.js';
import { callWasm, errorMessage } from './validate.js';
import { decodeTape } from './tape.js';

const noVectors = (err) =>
  console.warn(`storydiff: the sentence vectors could not be loaded (${errorMessage(err)}); matching by words only`);

// Started before the wasm is awaited, so the two downloads overlap. A failure is not an error:
// it means lexical matching.
const vectors = fetch(new URL('../vectors/minilm-static.bin', import.meta.url))
  .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))
  .catch((err) => {
    noVectors(err);
    return null;
  });

await init({ module_or_path: new URL('../pkg/storydiff_bg.wasm', import.meta.url) });

/**
 * Which matching `compare` runs: 'semantic' when the sentence vectors were loaded, else 'lexical'.
 * @type {'semantic' | 'lexical'}
 */
export let matching = 'lexical';
const bytes = await vectors;
if (bytes) {
  try {
    loadVectors(new Uint8Array(bytes));
    matching = 'semantic';
  } catch (err) {
    noVectors(err);
  }
}

/**
 * Compares how two or more articles report the same story.
 * @param {{ name: string, text: string }[]} sources
 * @param {{ kinds?: ('identical'|'minor'|'paraphrase')[], minScore?: number }} [options]
 */
export function compare(sources, options) {
  const [ints, floats, text] = callWasm(wasmCompareTape, sources, options);
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
