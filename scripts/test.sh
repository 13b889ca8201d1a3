#!/usr/bin/env bash
# The full test run (`npm test`): installs what is missing (Chromium included), builds the wasm,
# then runs the Rust tests, the node tests and the browser smoke test. Every test stage runs
# even when an earlier one fails, so one run shows all failures; the exit code is non-zero if any
# stage failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --browsers
bash scripts/build.sh

failed=()
stage() {
  local name=$1
  shift
  echo
  echo "== $name"
  if ! "$@"; then failed+=("$name"); fi
}

stage "cargo test" cargo test
stage "node --test tests/node/" node --test tests/node/
stage "browser smoke test" node tests/e2e/smoke.mjs

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "test: FAILED stages: ${failed[*]}" >&2
  exit 1
fi
