// storydiff's comparison worker: runs the wasm engine off the main thread, so a page that
// compares long articles never freezes. Used by <story-diff> (js/element.js); any page can use
// it directly:
//
//   import { decodeTape } from 'storydiff/tape';
//   const worker = new Worker(new URL('storydiff/worker', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, sources: [{ name, text }, …], options: { kinds: ['identical'] } });
//   worker.onmessage = ({ data }) => { /* { id, tape } or { id, error, internal, retryable } */
//     if (data.tape) show(decodeTape(...data.tape));
//   };
//
// It loads the wasm before the first request: from the compiled WebAssembly.Module its owner
// posts as { type: 'init', module } (so compiling overlaps the worker's start-up), or by itself
// (on { type: 'init' }, on the first request, or 1.5 s after starting), then posts
// { type: 'ready' } (or { type: 'fatal', error } when the engine cannot be loaded). The sentence
// vectors (vectors/minilm-static.bin, for matching by meaning) come the same way: the `init`
// message's `vectors` is the vector file (a Blob, ArrayBuffer or typed array), null (there are
// none: match by words only), 'pending' (the owner posts { type: 'vectors', vectors } with the
// file or null once it has it), or absent: the worker fetches the file itself, in parallel with
// the wasm. Requests wait for the vectors (at most 10 s; after that they are matched by words
// only until the vectors arrive), and each report's `matching` says which matching ran. A
// request gets back the report as a tape ({ id, tape: [ints, floats, text] }: a Uint32Array and a Float64Array,
// whose buffers are transferred, and a string; js/tape.js's decodeTape turns them into the
// report) or the error message ({ id, error }). The tape rather than the decoded report: the
// owner's decoding costs less than its half of the object's structured clone, and the worker
// skips the other half (measured in Chromium, medians: with the seeds and a 1 MB article, 5 ms
// on the main thread against 10, and the report 6 ms sooner; with the seeds alone, 0.4 ms
// against 1.0, and 2 ms sooner). After an internal engine error (a trap in the wasm) the worker
// answers and then closes itself, since the engine's memory may be left in a bad state: the
// owner starts a new one.
//
// Sources are { name, text } or, for a web page, { name, html } (a text that is a whole HTML
// document counts as one too). The first request with a web page makes the worker fetch the HTML
// build of the engine (pkg/html/storydiff_bg.wasm, about twice the core's size) and load the
// vectors into it; that request and every later one with a web page are compared by it. When it
// cannot be loaded, the request is answered { id, error, retryable: true } and the next web page
// tries again.
//
// No top-level await, so bundlers may emit it as a classic (iife) worker too.

import init, { compareTape, loadVectors } from '../pkg/storydiff.js';
import initHtml, { compareTape as htmlCompareTape, loadVectors as htmlLoadVectors } from '../pkg/html/storydiff.js';
import { callWasm, checkArgs, errorMessage, isHtmlSource } from './validate.js';

const loadFailed = (err) => `could not load the comparison engine: ${errorMessage(err)}`;
const VECTORS_WAIT_MS = 10_000;

// The vectors: `vectorsSettled` resolves once they are loaded (true) or known to be missing or
// unreadable (false); `gotVectors` makes sure only the first offer is taken.
let settleVectors;
const vectorsSettled = new Promise((resolve) => { settleVectors = resolve; });
let gotVectors = false;
let vectorBytes = null; // the vectors once loaded into the core, kept for the HTML build

/** Loads the vector file `data` (a Blob, ArrayBuffer or typed array; null: there is none). */
async function takeVectors(data) {
  if (gotVectors) return;
  gotVectors = true;
  try {
    if (data === null || data === undefined) throw new Error('none were given');
    const buffer = typeof Blob !== 'undefined' && data instanceof Blob ? await data.arrayBuffer() : data;
    const bytes = ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
    await wasmReady; // the engine first (a failure to load it is reported by boot)
    loadVectors(bytes);
    vectorBytes = bytes;
    if (htmlLoaded) htmlLoadVectors(bytes); // vectors that came after the HTML build (past the wait)
    settleVectors(true);
  } catch (err) {
    settleVectors(false);
    // Said once; not when there were none to load, nor when the engine itself failed (boot says so).
    const engineFailed = ready ? await ready.then(() => false, () => true) : false;
    if (data !== null && !engineFailed) console.warn(`storydiff: the sentence vectors could not be loaded (${errorMessage(err)}); matching by words only`);
  }
}

/** Fetches the vector file next to the wasm (relative to this module, so bundlers emit it). */
function fetchVectors() {
  fetch(new URL('../vectors/minilm-static.bin', import.meta.url))
    .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then(takeVectors, (err) => {
      console.warn(`storydiff: the sentence vectors could not be fetched (${errorMessage(err)}); matching by words only`);
      takeVectors(null);
    });
}

// The owner may hand over the compiled module ({ type: 'init', module }), compiled on its thread
// while this worker was starting; without one the worker fetches and compiles the wasm itself.
let ready = null;
let booted;
const wasmReady = new Promise((resolve) => { booted = resolve; }); // resolves with `ready`, once boot ran
let vectorsWait = null; // the vectors, or VECTORS_WAIT_MS after the start: what requests wait for
function boot(module, vectors) {
  if (ready) return ready;
  ready = init({ module_or_path: module || new URL('../pkg/storydiff_bg.wasm', import.meta.url) });
  booted(ready);
  if (vectors === undefined) fetchVectors();
  else if (vectors !== 'pending') takeVectors(vectors);
  vectorsWait = Promise.race([vectorsSettled, new Promise((resolve) => setTimeout(resolve, VECTORS_WAIT_MS))]);
  ready.then(
    () => self.postMessage({ type: 'ready' }),
    (err) => self.postMessage({ type: 'fatal', error: loadFailed(err) }),
  );
  return ready;
}
// The HTML build: loaded by the first request with a web page, after the vectors are settled so
// that it gets them too. A failure is forgotten, so the next web page tries again.
let htmlReady = null;
let htmlLoaded = false;
function bootHtml() {
  htmlReady ??= vectorsWait
    .then(() => initHtml({ module_or_path: new URL('../pkg/html/storydiff_bg.wasm', import.meta.url) }))
    .then(() => {
      if (vectorBytes) htmlLoadVectors(vectorBytes);
      htmlLoaded = true;
    })
    .catch((err) => {
      htmlReady = null;
      throw new Error(`could not load the HTML reader: ${errorMessage(err)}`);
    });
  return htmlReady;
}

/** Whether a request has a web page among its sources (false for arguments callWasm refuses). */
function hasWebPage(sources) {
  try {
    return checkArgs(sources)[0].some(isHtmlSource);
  } catch {
    return false; // callWasm says what is wrong with them
  }
}

// Nobody sent a module soon: load it here.
const fallback = setTimeout(() => boot(), 1500);

self.onmessage = async (event) => {
  const data = event.data || {};
  if (data.type === 'init') {
    clearTimeout(fallback);
    boot(data.module instanceof WebAssembly.Module ? data.module : undefined, data.vectors);
    return;
  }
  if (data.type === 'vectors') {
    takeVectors(data.vectors);
    return;
  }
  const { id, sources, options } = data;
  try {
    await boot();
  } catch (err) {
    self.postMessage({ id, error: loadFailed(err), internal: true });
    return;
  }
  await vectorsWait;
  let compare = compareTape;
  if (hasWebPage(sources)) {
    try {
      await bootHtml();
    } catch (err) {
      self.postMessage({ id, error: errorMessage(err), retryable: true });
      return;
    }
    compare = htmlCompareTape;
  }
  try {
    const tape = callWasm(compare, sources, options);
    // The arrays are copies out of wasm memory, with buffers of their own: moved, not copied.
    self.postMessage({ id, tape }, [tape[0].buffer, tape[1].buffer]);
  } catch (err) {
    // Only a trap in the engine (tagged by callWasm) ends this worker; a message can quote any
    // source name, so it is never searched.
    const internal = !!(err && err.internal);
    self.postMessage({ id, error: errorMessage(err), internal });
    if (internal) self.close();
  }
};
