#!/usr/bin/env bash
# Installs everything the build and the tests need, and skips what is already there.
#
#   bash scripts/setup.sh              # Rust wasm target, wasm-bindgen-cli, wasm-pack, npm packages
#   bash scripts/setup.sh --browsers   # ... and Chromium (for the browser smoke test)
#
# Works unattended (CI=true, no standard input). Needs rustup/cargo and node/npm already installed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

browsers=0
for arg in "$@"; do
  case "$arg" in
    --browsers) browsers=1 ;;
    -h|--help)
      sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    *) echo "setup: unknown argument: $arg" >&2; exit 2 ;;
  esac
done
if [ "${STORYDIFF_BROWSERS:-0}" = 1 ]; then browsers=1; fi

say() { echo "setup: $*"; }
die() { echo "setup: $*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer first"

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"

# 1. The wasm32 target.
if command -v rustup >/dev/null; then
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rust target wasm32-unknown-unknown: present"
  else
    say "rust target wasm32-unknown-unknown: installing"
    rustup target add wasm32-unknown-unknown
  fi
else
  say "rustup not found; assuming the toolchain already has wasm32-unknown-unknown"
fi

# 2. wasm-bindgen-cli at exactly the version Cargo.lock pins (wasm-pack uses the one on PATH
#    when the versions match, and would otherwise try to download one).
want=$(awk '
  $0 == "name = \"wasm-bindgen\"" { hit = 1; next }
  hit && /^version = / { gsub(/"/, "", $3); print $3; exit }
  /^\[\[package\]\]/ { hit = 0 }
' Cargo.lock)
[ -n "$want" ] || die "could not read the wasm-bindgen version from Cargo.lock"
have=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
if [ "$have" = "$want" ]; then
  say "wasm-bindgen-cli $want: present"
else
  say "wasm-bindgen-cli $want: installing (found '${have:-none}'; this takes a few minutes)"
  # Not --locked: the CLI's own lock file pins crates that no longer build on current Rust.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. wasm-pack.
if command -v wasm-pack >/dev/null; then
  say "wasm-pack: present ($(wasm-pack --version))"
else
  say "wasm-pack: installing"
  cargo install wasm-pack --locked
fi

# 4. npm packages (binaryen's wasm-opt, esbuild for the page's bundles, playwright-core).
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm packages: npm ci"
    npm ci --no-audit --no-fund
  else
    say "npm packages: up to date"
  fi
else
  say "npm packages: npm install"
  npm install --no-audit --no-fund
fi

# 5. Chromium, only when asked (the browser smoke test drives it with playwright-core).
if [ "$browsers" = 1 ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
    say "chromium: present ($CHROMIUM_PATH)"
  elif [ -x /usr/bin/chromium ]; then
    say "chromium: present (/usr/bin/chromium)"
  else
    command -v apt-get >/dev/null || die "chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || die "chromium is missing: run as root or install sudo"
      sudo="sudo -n"
    fi
    say "chromium: installing with apt-get"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
  fi
fi

say "done"
