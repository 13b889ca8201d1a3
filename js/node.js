// storydiff for Node.js 20+: loads pkg/storydiff_bg.wasm and the sentence vectors
// (vectors/minilm-static.bin) synchronously from disk.
//
//   import { compare } from 'storydiff';
//   const report = compare([{ name: 'a', text: '…' }, { name: 'b', html: '<!doctype html>…' }]);
//
// Web pages (a source given as `html`, or a `text` that is a whole HTML document) are read by
// the HTML build of the engine (pkg/html/), which is loaded, with the same vectors, the first
// time a comparison has one: the core module alone reads text only.
//
// Without the vectors (a missing or unreadable file: a broken install) the comparison still runs,
// by words only: a warning says so once on stderr, `matching` is 'lexical', and so is every
// report's `matching`.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callWasm, checkArgs, errorMessage, isHtmlSource } from './validate.js';
import { decodeTape } from './tape.js';

const vectorsUrl = new URL('../vectors/minilm-static.bin', import.meta.url);

/** Imports the glue in `dir` (pkg/ or pkg/html/) and instantiates its wasm from disk. */
async function load(dir) {
  const glueUrl = new URL(`../${dir}storydiff.js`, import.meta.url);
  const wasmUrl = new URL(`../${dir}storydiff_bg.wasm`, import.meta.url);
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
  return glue;
}

const core = await load('pkg/');

// The vector file's bytes, kept once read so the HTML build can load them too; null when they
// could not be read.
let vectorBytes = null;

/**
 * Which matching `compare` runs: 'semantic' (words and sentence vectors) once the vectors are
 * loaded, else 'lexical' (words only). Each report says it too (`report.matching`).
 * @type {'semantic' | 'lexical'}
 */
export let matching = 'lexical';
try {
  vectorBytes = readFileSync(vectorsUrl);
  core.loadVectors(vectorBytes);
  matching = 'semantic';
} catch (err) {
  vectorBytes = null;
  const why = err && err.code === 'ENOENT' ? 'the file is missing' : errorMessage(err);
  process.emitWarning(
    `the sentence vectors could not be loaded (${fileURLToPath(vectorsUrl)}: ${why}); ` +
      'matching by words only, so the same claim in other words may be missed',
    { type: 'StorydiffWarning', code: 'STORYDIFF_NO_VECTORS' },
  );
}

// The HTML build, imported at start-up (its glue is small) but instantiated, and given the
// vectors, only when the first web page arrives: its wasm is about twice the core's.
const htmlGlueUrl = new URL('../pkg/html/storydiff.js', import.meta.url);
const htmlWasmUrl = new URL('../pkg/html/storydiff_bg.wasm', import.meta.url);
let htmlGlue = null;
try {
  htmlGlue = await import(htmlGlueUrl.href);
} catch {
  // A build without pkg/html/: web pages get the message below.
}
let htmlReady = false;

/** The HTML build, instantiated (synchronously) on first use. */
function htmlEngine() {
  if (htmlReady) return htmlGlue;
  let bytes;
  try {
    if (!htmlGlue) throw new Error('missing');
    bytes = readFileSync(htmlWasmUrl);
  } catch {
    throw new Error(
      `storydiff: the HTML build is missing (${fileURLToPath(htmlWasmUrl)}), so web pages cannot be read; run \`npm run build\``,
    );
  }
  htmlGlue.initSync({ module: bytes });
  // The same vectors as the core (a failure there was reported once already).
  if (vectorBytes) htmlGlue.loadVectors(vectorBytes);
  htmlReady = true;
  return htmlGlue;
}

/**
 * Loads the HTML build now rather than at the first web page (in Node that happens by itself;
 * this is here so code written for the browser API, which needs it, runs unchanged).
 * @returns {Promise<void>}
 */
export async function loadHtml() {
  htmlEngine();
}

/** The engine for `sources`: the HTML build when one of them is a web page, else the core. */
function engineFor(sources) {
  const [checked] = checkArgs(sources);
  return checked.some(isHtmlSource) ? htmlEngine() : core;
}

/**
 * Compares how two or more articles report the same story. Each source is `{ name, text }` or,
 * for a web page, `{ name, html }` (a `text` that is a whole HTML document is read as one too).
 * @param {({ name: string, text: string } | { name: string, html: string })[]} sources
 * @param {{ kinds?: ('identical'|'minor'|'paraphrase')[], minScore?: number }} [options]
 */
export function compare(sources, options) {
  const [ints, floats, text] = callWasm(engineFor(sources).compareTape, sources, options);
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
