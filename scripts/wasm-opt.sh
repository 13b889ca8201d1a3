#!/usr/bin/env bash
# Optimizes a wasm module with binaryen's wasm-opt (the binaryen npm package's, in
# node_modules/.bin). The one set of flags for the shipped module (scripts/build.sh) and for the
# benchmark's core-alone module (bench/run.mjs), so that the two are built alike.
#
#   bash scripts/wasm-opt.sh IN OUT     # exits 3 when wasm-opt is not installed (npm install)
set -euo pipefail

[ $# -eq 2 ] || { echo "wasm-opt.sh: usage: wasm-opt.sh IN OUT" >&2; exit 2; }
wasm_opt="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || exit 3

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them,
# and must not introduce others.
# -O3 rather than -Oz: measured faster (about 4% on the seeds) and no larger gzipped.
# -ocimfs 400: a function with one caller is inlined only up to 400 bytes. By default -O3
# inlines every such function, which folded the whole pipeline (each stage has one caller) into
# one 119 kB function; V8 compiles that worse: kept as stages, a comparison of the seeds takes
# 6-8% less time and all 982 ECB+ articles 15% less (Node, medians). 300 rather than 400: the
# core wasm 2.7 kB smaller gzipped (250.0 -> 247.3 kB at the time), with the seeds and all 982
# articles the same within noise side by side (200 and 250 gave the same size as 300).
# --strip-producers, --strip-target-features: the toolchain's names and versions and the
# features the module was built with, custom sections no engine reads (223 bytes gzipped).
exec "$wasm_opt" -O3 -ocimfs 300 --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$2"
