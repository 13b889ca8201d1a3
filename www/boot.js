// Starts the comparison engine before the page's modules have loaded: the worker
// (js/worker.js), the wasm's download and compile, and the sentence vectors' download. Loaded
// `async` from the page's head, so it runs as soon as it arrives, while app.js and the element
// (whose Engine picks these up, see `storydiffPrestart` in js/element.js) are still on their way.
// Without it the worker was created when the element connected, at DOMContentLoaded, and it
// started 130-400 ms later still (in the benchmark's Chromium; its script's fetch waited), so the
// seeds, which arrive soon after DOMContentLoaded, waited for the worker and its vectors.

const base = new URL('../', import.meta.url);
if (typeof Worker !== 'undefined' && typeof fetch === 'function' && !globalThis.storydiffPrestart) {
  let worker = null;
  try {
    worker = new Worker(new URL('js/worker.js', base), { type: 'module' });
  } catch {
    // The element creates its own (or runs the engine on the main thread).
  }
  globalThis.storydiffPrestart = {
    worker,
    wasm: fetch(new URL('pkg/storydiff_bg.wasm', base)),
    vectors: fetch(new URL('vectors/minilm-static.bin', base)),
  };
}
