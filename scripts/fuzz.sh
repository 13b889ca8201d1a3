#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer): seeds each target's corpus from seeds/ and ECB+
# (if present), then runs each target for a given time, one after another.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # defaults: 600 s each; clean segment compare
#
# Environment:
#   FUZZ_SANITIZER  address (default) or none; "none" also works where ASan does not build
#   STORYDIFF_ECB_DIR  ECB+ folder of <cluster>/*.txt, as for the tests and the benchmark
#                   (default: ../shared/data/ecbplus beside the repository, used if present)
#   ECBPLUS         the same, under its older name (wins over STORYDIFF_ECB_DIR); "none" in
#                   either seeds from seeds/ only
#   FUZZ_ARGS       extra libFuzzer flags, e.g. "-fork=2 -ignore_crashes=1"
#
# Works on stable Rust: cargo-fuzz asks for nightly only for `-Z` flags (sanitizers), which
# RUSTC_BOOTSTRAP=1 unlocks on a stable compiler. Needs `cargo install cargo-fuzz` and a C++
# compiler (libfuzzer-sys builds libFuzzer from source).
#
# Corpora go to fuzz/corpus/<target> (kept between runs, so a second run goes on where the
# first stopped), crashes to fuzz/artifacts/<target>, logs to fuzz/logs/<target>-<time>.log;
# all three are gitignored. The ECB+ texts are only read, never
# copied into the repository.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(clean segment compare html)
sanitizer=${FUZZ_SANITIZER:-address}

ecb=
ecb_dir=${ECBPLUS:-${STORYDIFF_ECB_DIR:-$root/../shared/data/ecbplus}}
if [ "$ecb_dir" != none ]; then
  if compgen -G "$ecb_dir/*/*.txt" >/dev/null; then
    ecb=$ecb_dir
  else
    echo "fuzz: no ECB+ texts in $ecb_dir; seeding from seeds/ only" >&2
  fi
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is missing; run: cargo install cargo-fuzz" >&2
  exit 1
fi

sep=$'\xff' # the compare target splits its input into sources on this byte

seed_one() {
  local target=$1 corpus=$root/fuzz/corpus/$1
  mkdir -p "$corpus"
  if [ -n "$(ls -A "$corpus")" ]; then
    echo "fuzz: $target: corpus has $(ls "$corpus" | wc -l) inputs, not reseeding"
    return
  fi
  local texts=("$root"/seeds/*.txt)
  local n=0
  case $target in
    clean)
      for f in "${texts[@]}"; do cp "$f" "$corpus/seed-$((n++))"; done
      if [ -n "$ecb" ]; then
        for f in "$ecb"/*/*.txt; do cp "$f" "$corpus/ecb-$((n++))"; done
      fi
      ;;
    segment)
      # 5 header bytes pick the range (see `segment` in tests/fuzz_regressions/harness.rs):
      # 0x40 0 0 0 0 is 0..len.
      for f in "${texts[@]}"; do
        { printf '\x40\0\0\0\0'; cat "$f"; } >"$corpus/seed-$n"; n=$((n + 1))
        { printf '\x55\x07\0\x30\0'; cat "$f"; } >"$corpus/seed-$n"; n=$((n + 1))
      done
      if [ -n "$ecb" ]; then
        for f in "$ecb"/*/*.txt; do { printf '\x40\0\0\0\0'; cat "$f"; } >"$corpus/ecb-$n"; n=$((n + 1)); done
      fi
      ;;
    compare)
      # Articles on the same story, 2, 3 and 4 at a time, joined by the separator byte.
      join_sources() { local first=1; for f in "$@"; do [ $first = 1 ] || printf '%s' "$sep"; first=0; cat "$f"; done; }
      for ((i = 0; i + 1 < ${#texts[@]}; i++)); do
        join_sources "${texts[i]}" "${texts[i + 1]}" >"$corpus/seed-$n"; n=$((n + 1))
      done
      join_sources "${texts[@]:0:4}" >"$corpus/seed-$n"; n=$((n + 1))
      if [ -n "$ecb" ]; then
        for dir in "$ecb"/*/; do
          local files=("$dir"*.txt)
          local k=${#files[@]}
          for ((i = 0; i + 1 < k; i += 2)); do join_sources "${files[i]}" "${files[i + 1]}" >"$corpus/ecb-$n"; n=$((n + 1)); done
          [ "$k" -lt 3 ] || join_sources "${files[@]:0:3}" >"$corpus/ecb-$n"; n=$((n + 1))
          [ "$k" -lt 4 ] || join_sources "${files[@]: -4}" >"$corpus/ecb-$n"; n=$((n + 1))
        done
      fi
      ;;
    html)
      # Web pages: the extraction benchmark's smaller pages when it is there, and the seeds as
      # paragraphs of a page.
      local bench=${EXTRACT_DATA:-$root/../shared/data/article-extraction-benchmark}/html
      if compgen -G "$bench/*.html.gz" >/dev/null; then
        # (n is counted apart: an expansion in a redirection does not keep its side effect.)
        for f in $(ls -Sr "$bench"/*.html.gz | head -40); do gunzip -c "$f" >"$corpus/page-$n"; n=$((n + 1)); done
      fi
      for f in "${texts[@]}"; do
        { printf '<!doctype html><html lang=en><body><nav><a href=/>Home</a></nav><article><h1>Title</h1>'; sed 's/.*/<p>&<\/p>/' "$f"; printf '</article></body></html>'; } >"$corpus/seed-$n"
        n=$((n + 1))
      done
      ;;
  esac
  echo "fuzz: $target: seeded $n inputs${ecb:+ (seeds/ and ECB+ from $ecb)}"
}

max_len() {
  case $1 in
    compare) echo 16384 ;;
    html) echo 65536 ;;
    *) echo 8192 ;;
  esac
}

mkdir -p "$root/fuzz/logs"
status=0
for target in "${targets[@]}"; do
  seed_one "$target"
  log=logs/$target-$(date -u +%Y%m%dT%H%M%S).log
  echo "fuzz: $target: running for ${seconds}s (sanitizer: $sanitizer), log in fuzz/$log"
  # shellcheck disable=SC2086
  if ! (cd "$root/fuzz" && cargo fuzz run -s "$sanitizer" --debug-assertions "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=30 -rss_limit_mb=4096 \
    -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1); then
    echo "fuzz: $target: stopped with a finding, see fuzz/$log and fuzz/artifacts/$target/" >&2
    status=1
  fi
  # The closing stats (or, with -fork, the last status line) and any panic sites.
  grep -aE '^(#[0-9]+[[:space:]]+(DONE|INITED)|stat::)' "$root/fuzz/$log" | tail -8 || true
  grep -aE '^#[0-9]+: cov:' "$root/fuzz/$log" | tail -1 || true
  grep -aE 'panicked at' "$root/fuzz/$log" | sort | uniq -c || true
done
exit $status
