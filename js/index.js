// storydiff for the browser: a plain ES module, no bundler needed.
//
//   import { compare } from './js/index.js';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', text: '…' }]);
//
// Importing this module fetches and instantiates pkg/storydiff_bg.wasm (relative to this file)
// with top-level await, so `compare` is ready as soon as the import resolves.

import init, { compareTape as wasmCompareTape } from '../pkg/storydiff.js';
import { callWasm } from './validate.js';
import { decodeTape } from './tape.js';

await init({ module_or_path: new URL('../pkg/storydiff_bg.wasm', import.meta.url) });

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
