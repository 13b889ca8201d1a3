#!/usr/bin/env bash
# Builds the WebAssembly modules and their JS glue:
#   pkg/storydiff.js, pkg/storydiff.d.ts, pkg/storydiff_bg.wasm, pkg/storydiff_bg.wasm.d.ts
#     the core, which reads text;
#   pkg/html/ (the same four files), built with the `html` feature: the core plus the HTML reader,
#     which the JS API loads instead of the core only when a web page's HTML arrives;
#   build/app.js, build/worker.js: the page's scripts bundled, what www/index.html loads
#     (scripts/bundle.mjs; esbuild, an npm dev dependency).
#
#   bash scripts/build.sh                  # both, release builds, then scripts/wasm-opt.sh (-O3)
#   bash scripts/build.sh --no-opt         # skip wasm-opt (or set STORYDIFF_NO_OPT=1)
#   bash scripts/build.sh --features F --out-dir DIR
#                                          # one module, with Cargo features F, into DIR
#                                          # (the benchmark's `handover` build)
#
# Downloads nothing: wasm-pack runs with --mode no-install (it uses the wasm-bindgen on PATH,
# which scripts/setup.sh installs at the version Cargo.lock pins), wasm-pack's own wasm-opt is
# off in Cargo.toml, and wasm-opt comes from the binaryen npm package instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

opt=1
out=
features=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-opt) opt=0 ;;
    --features|--out-dir)
      [ $# -ge 2 ] || { echo "build: $1 needs a value" >&2; exit 2; }
      if [ "$1" = --features ]; then features=(--features "$2"); else out=$2; fi
      shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "${STORYDIFF_NO_OPT:-0}" = 1 ]; then opt=0; fi

command -v wasm-pack >/dev/null || { echo "build: wasm-pack not found: run bash scripts/setup.sh" >&2; exit 1; }
command -v wasm-bindgen >/dev/null || { echo "build: wasm-bindgen not found: run bash scripts/setup.sh" >&2; exit 1; }

# Builds one module into OUT; the rest of the arguments go to cargo build.
build_one() {
  local out=$1
  shift
  # --no-pack: no pkg/package.json (the root package.json is the package);
  # --no-gitignore: no pkg/.gitignore, which would hide pkg/ from npm pack.
  # Everything after -- goes to cargo build.
  wasm-pack build --release --target web --out-dir "$out" --mode no-install --no-pack --no-gitignore -- "$@"

  local wasm=$out/storydiff_bg.wasm
  [ -f "$wasm" ] || { echo "build: $wasm was not produced" >&2; exit 1; }
  # Leftovers from builds made without --no-pack / --no-gitignore.
  rm -f "$out"/package.json "$out"/.gitignore "$out"/README.md "$out"/LICENSE*

  size() { wc -c <"$1" | tr -d ' '; }
  local before=$(size "$wasm")

  if [ "$opt" = 1 ]; then
    local status=0
    bash scripts/wasm-opt.sh "$wasm" "$wasm.opt" || status=$?
    case $status in
      0)
        mv "$wasm.opt" "$wasm"
        echo "build: wasm-opt (scripts/wasm-opt.sh): $before -> $(size "$wasm") bytes" ;;
      3) echo "build: binaryen's wasm-opt not found (run npm install); skipping wasm-opt" >&2 ;;
      *)
        rm -f "$wasm.opt"
        echo "build: WARNING: wasm-opt failed; keeping the unoptimized $wasm" >&2 ;;
    esac
  fi

  echo "build: $wasm is $(size "$wasm") bytes ($(( ($(size "$wasm") + 1023) / 1024 )) KiB)"
}

if [ -n "$out" ]; then
  build_one "$out" "${features[@]}"
else
  build_one pkg
  build_one pkg/html --features html
  # The page's bundles (build/app.js, build/worker.js): see scripts/bundle.mjs.
  node scripts/bundle.mjs
fi
