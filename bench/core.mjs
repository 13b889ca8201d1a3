// The storydiff core in wasm without the JS API: the bench/core crate built for
// wasm32-unknown-unknown (see bench/run.mjs), instantiated directly. It times the core alone
// (no hand-over of the report to JS) and the indexed and all-pairs ways of matching.

import { readFileSync } from 'node:fs';

export class Core {
  constructor(path) {
    const module = new WebAssembly.Module(readFileSync(path));
    // The library's wasm-bindgen layer is linked in but never called from these exports:
    // its imports only need to exist.
    const imports = {};
    for (const imp of WebAssembly.Module.imports(module)) {
      imports[imp.module] ??= {};
      imports[imp.module][imp.name] = () => {
        throw new Error(`core bench: unexpected call to ${imp.module}.${imp.name}`);
      };
    }
    this.exports = new WebAssembly.Instance(module, imports).exports;
  }

  /** Bytes of wasm linear memory (it only grows: after a call, the peak so far). */
  get memoryBytes() {
    return this.exports.memory.buffer.byteLength;
  }

  load(sources) {
    const bytes = new TextEncoder().encode(JSON.stringify(sources));
    const ptr = this.exports.bench_alloc(bytes.length);
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
    const n = this.exports.bench_load(ptr, bytes.length);
    if (n !== sources.length) throw new Error(`core bench: loaded ${n} of ${sources.length} sources`);
  }

  /** compare end to end, the report built in wasm and dropped: its number of matches. */
  compare() {
    return this.exports.bench_compare();
  }

  /** prepare (kept for the matching calls): its number of sentences. */
  prepare() {
    return this.exports.bench_prepare();
  }

  indexed() {
    return this.exports.bench_indexed();
  }

  allPairs() {
    return this.exports.bench_all_pairs();
  }

  candidates() {
    return this.exports.bench_candidates();
  }

  allPairsCount() {
    return this.exports.bench_all_pairs_count();
  }
}
