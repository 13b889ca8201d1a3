#!/usr/bin/env bash
# The full test run (`npm test`): installs what is missing (Chromium included), builds the wasm,
# then runs the Rust tests, the node tests, the browser tests of the page (tests/e2e/) and the
# package consumer tests (tests/consumers/: Node, a plain page and a Vite app using the npm pack
# tarball; the Vite app installs vite@7 from the npm registry). Every test stage runs
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

stage "cargo test" cargo test --features html
stage "node --test tests/node/" node --test tests/node/
stage "browser: the page (tests/e2e/page.mjs)" node tests/e2e/page.mjs
stage "browser: hostile input (tests/e2e/hostile.mjs)" node tests/e2e/hostile.mjs
stage "browser: a real start (tests/e2e/start.mjs)" node tests/e2e/start.mjs
stage "browser: the claim table (tests/e2e/table.mjs)" node tests/e2e/table.mjs
stage "browser: honest verdicts (tests/e2e/verdicts.mjs)" node tests/e2e/verdicts.mjs
stage "browser: print (tests/e2e/print.mjs)" node tests/e2e/print.mjs
stage "browser: phone (tests/e2e/phone.mjs)" node tests/e2e/phone.mjs
stage "browser: provenance (tests/e2e/provenance.mjs)" node tests/e2e/provenance.mjs
stage "package consumers: Node, plain page, Vite (tests/consumers/)" node --test tests/consumers/

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "test: FAILED stages: ${failed[*]}" >&2
  exit 1
fi
