// The comparison engine as the element sees it: a Web Worker (js/worker.js) fed the compiled wasm
// and the sentence vectors, answering with the report's tape; the main thread when workers are
// missing. One engine per element; the wasm and the vectors are fetched once per page.

import { decodeTape } from '../tape.js';
import { errorMessage, isHtmlSource } from '../validate.js';

export const TIMEOUT_MS = 60_000;

// The compiled wasm module and the sentence vectors: fetched once per page (and reused after a
// crash).
let compiled = null;
let vectorFile = null;

/** Runs comparisons in a Web Worker (or, without Worker support, on the main thread). */
export class Engine {
  constructor() {
    this.worker = null;
    this.pending = new Map();
    this.seq = 0;
    this.main = null;
  }

  start() {
    if (this.worker || this.main) return;
    if (typeof Worker === 'undefined') {
      this.main = import('../index.js');
      return;
    }
    let worker;
    try {
      worker = new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });
    } catch (err) {
      this.main = import('../index.js');
      return;
    }
    this.worker = worker;
    // Compile the wasm here while the worker starts, and hand the module over (falls back to the
    // worker loading it itself, e.g. under a CSP without 'wasm-unsafe-eval'). The sentence vectors
    // are fetched here too, in parallel, and posted when they arrive (null when they cannot be
    // loaded: the worker then matches by words only, and the report says so).
    const wasmUrl = new URL('../../pkg/storydiff_bg.wasm', import.meta.url);
    const vectorsUrl = new URL('../../vectors/minilm-static.bin', import.meta.url);
    const canFetch = typeof fetch === 'function';
    if (canFetch) {
      vectorFile ??= fetch(vectorsUrl)
        .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))
        .catch((err) => {
          console.warn(`storydiff: the sentence vectors could not be loaded (${errorMessage(err)}); matching by words only`);
          vectorFile = null; // a later engine (a retry) tries again
          return null;
        });
    }
    const vectors = vectorFile;
    const post = (message, fallback, transfer = []) => {
      try {
        worker.postMessage(message, transfer);
      } catch {
        worker.postMessage(fallback);
      }
    };
    const handOver = (module) => {
      const init = vectors ? { type: 'init', vectors: 'pending' } : { type: 'init' };
      post(module ? { ...init, module } : init, init);
      // The worker gets a copy of its own, moved rather than cloned: the copy is made here, while
      // this thread waits for the worker, instead of in the worker before it can load them.
      vectors?.then((file) => {
        const own = file ? file.slice(0) : null;
        post({ type: 'vectors', vectors: own }, { type: 'vectors', vectors: null }, own ? [own] : []);
      });
    };
    // Requests are posted after the hand-over, so the worker never fetches the wasm twice.
    if (typeof WebAssembly !== 'undefined' && typeof WebAssembly.compileStreaming === 'function' && canFetch) {
      compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => {
        compiled = null;
        return null;
      });
      this.handed = compiled.then(handOver); // a failed compile resolves to null: the worker loads it
    } else {
      handOver(null);
      this.handed = Promise.resolve();
    }
    worker.onmessage = (event) => {
      const data = event.data || {};
      if (data.type === 'fatal') return this.crash(data.error, worker);
      if (data.type === 'ready') return;
      const job = this.pending.get(data.id);
      if (!job) return;
      this.pending.delete(data.id);
      clearTimeout(job.timer);
      if (data.internal) this.forget(worker);
      // retryable: the engine stopped (internal), or the HTML reader could not be loaded.
      if (typeof data.error === 'string') job.reject(Object.assign(new Error(data.error), { retryable: !!(data.internal || data.retryable) }));
      else job.resolve(data.tape);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crash(event.message ? `the comparison worker crashed: ${event.message}` : 'the comparison worker crashed or could not be loaded', worker);
    };
    worker.onmessageerror = () => this.crash('the comparison worker sent a message that could not be read', worker);
  }

  forget(worker) {
    if (this.worker === worker) {
      this.worker = null;
      worker.terminate();
    }
  }

  crash(message, worker) {
    if (worker && worker !== this.worker) return;
    if (this.worker) this.forget(this.worker);
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(Object.assign(new Error(message), { retryable: true }));
    }
    this.pending.clear();
  }

  /** Resolves to the report. */
  run(sources, options) {
    this.start();
    if (this.main) {
      return this.main.then(async (m) => {
        if (sources.some(isHtmlSource)) await m.loadHtml(); // web pages need the HTML build
        return m.compare(sources, options);
      });
    }
    const id = ++this.seq;
    const worker = this.worker;
    // The worker answers with the report's tape (see js/worker.js), decoded here.
    const tape = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.crash(`the comparison took longer than ${TIMEOUT_MS / 1000} s and was stopped`, worker);
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.handed.then(() => {
        if (!this.pending.has(id)) return;
        try {
          worker.postMessage({ id, sources, options });
        } catch (err) {
          this.pending.delete(id);
          clearTimeout(timer);
          reject(err);
        }
      });
    });
    return tape.then(([ints, floats, text]) => decodeTape(ints, floats, text));
  }

  stop() {
    this.crash('stopped');
    this.main = null;
  }
}
