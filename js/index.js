// storydiff for the browser: a plain ES module, no bundler needed.
//
//   import { compare, loadHtml } from './js/index.js';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', text: '…' }]);
//   await loadHtml(); // once, before comparing web pages
//   const pages = compare([{ name: 'a', html: '<!doctype html>…' }, { name: 'b', text: '…' }]);
//
// Importing this module fetches and instantiates pkg/storydiff_bg.wasm and, in parallel, fetches
// the sentence vectors (vectors/minilm-static.bin), both relative to this file, with top-level
// await: `compare` is ready, with the vectors loaded, as soon as the import resolves. When the
// vectors cannot be fetched or read, it compares by words only (`matching` and every report's
// `matching` say 'lexical').
//
// Web pages are read by the HTML build of the engine (pkg/html/storydiff_bg.wasm, about twice
// the core's size), which is fetched only when `loadHtml()` is called: `compare` stays
// synchronous, so it cannot fetch it by itself.

import init, { compareTape as wasmCompareTape, loadVectors } from '../pkg/storydiff.js';
import initHtml, { compareTape as htmlCompareTape, loadVectors as htmlLoadVectors } from '../pkg/html/storydiff.js';
import { callWasm, checkArgs, errorMessage, isHtmlSource } from './validate.js';
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
// Kept once loaded, for the HTML build (loadHtml).
let vectorBytes = null;
const bytes = await vectors;
if (bytes) {
  try {
    vectorBytes = new Uint8Array(bytes);
    loadVectors(vectorBytes);
    matching = 'semantic';
  } catch (err) {
    vectorBytes = null;
    noVectors(err);
  }
}

let htmlLoading = null;
let htmlLoaded = false;

/**
 * Fetches and instantiates the HTML build of the engine (once; later calls return the same
 * promise) and loads the sentence vectors into it, so that `compare` reads web pages. Rejects
 * when the module cannot be loaded (a later call tries again).
 * @returns {Promise<void>}
 */
export function loadHtml() {
  htmlLoading ??= initHtml({ module_or_path: new URL('../pkg/html/storydiff_bg.wasm', import.meta.url) }).then(
    () => {
      if (vectorBytes) htmlLoadVectors(vectorBytes);
      htmlLoaded = true;
    },
    (err) => {
      htmlLoading = null;
      throw new Error(`storydiff: the HTML reader could not be loaded (${errorMessage(err)})`);
    },
  );
  return htmlLoading;
}

/** The engine's compareTape for `sources`: the HTML build's when one of them is a web page. */
function tapeFor(sources) {
  const [checked] = checkArgs(sources);
  const page = checked.find(isHtmlSource);
  if (!page) return wasmCompareTape;
  if (!htmlLoaded) {
    throw new Error(`source "${page.name}" is a web page (HTML): call \`await loadHtml()\` once before comparing web pages`);
  }
  return htmlCompareTape;
}

/**
 * Compares how two or more articles report the same story. Each source is `{ name, text }` or,
 * for a web page, `{ name, html }` (a `text` that is a whole HTML document is read as one too;
 * web pages need `await loadHtml()` first).
 * @param {({ name: string, text: string } | { name: string, html: string })[]} sources
 * @param {{ kinds?: ('identical'|'minor'|'paraphrase')[], minScore?: number }} [options]
 */
export function compare(sources, options) {
  const [ints, floats, text] = callWasm(tapeFor(sources), sources, options);
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
