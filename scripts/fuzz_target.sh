#!/usr/bin/env bash
# Runs one libFuzzer target of fuzz/ (docs/testing.md, "Fuzzing"): first every input kept in
# fuzz/regressions/<target>/ (each once), then the fuzzer for SECONDS from the seed corpus
# fuzz/corpus/<target>/ (read only: new inputs go to a temporary directory, removed at the end).
# Fails on any crash, leak, sanitizer report or input slower than 10 s, and keeps the input that
# failed in ${FUZZ_ARTIFACTS:-/tmp}. Prints the fuzzer's final figures (exec/s among them).
# Usage: scripts/fuzz_target.sh FUZZ_BUILD_DIR TARGET SECONDS
# Run by `make fuzz` (scripts/fuzz.sh). FUZZ_BUILD_DIR may also come from AIMS_TEST_FUZZ_DIR; without
# it, or without the target's binary, it says so and exits 77 (skipped). `make test` does not fuzz:
# it replays the same inputs through GCC builds of the targets (ctest entries fuzz_replay/<target>).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bindir="${1:-${AIMS_TEST_FUZZ_DIR:-}}"
target="$2"
seconds="${3:-60}"
bin="$bindir/fuzz/fuzz_$target"
if [ -z "$bindir" ] || [ ! -x "$bin" ]; then
  echo "fuzz/$target: no fuzz build (AIMS_TEST_FUZZ_DIR; make fuzz builds it): skipped"
  exit 77
fi
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1)
dict="$root/fuzz/dict/$target.dict"
[ -f "$dict" ] && limits+=("-dict=$dict")

work="$(mktemp -d /tmp/aims-fuzz-$target.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
artifacts="${FUZZ_ARTIFACTS:-/tmp}/aims-fuzz-artifacts-$target/"
mkdir -p "$artifacts"
fail() {
  tail -n 80 "$work/log"
  echo "fuzz/$target FAILED: $1"
  exit 1
}

regressions="$root/fuzz/regressions/$target"
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
  echo "== fuzz/$target: replaying $(ls "$regressions" | wc -l) regression input(s)"
  "$bin" "${limits[@]}" "$regressions"/* >"$work/log" 2>&1 || fail "a regression input fails again (above)"
fi

echo "== fuzz/$target: ${seconds} s from $(ls "$root/fuzz/corpus/$target" | wc -l) seed(s)"
"$bin" "${limits[@]}" -max_total_time="$seconds" -artifact_prefix="$artifacts" \
  "$work/corpus" "$root/fuzz/corpus/$target" >"$work/log" 2>&1 || fail "the input is in $artifacts"
grep -E '^(stat::|INFO: Loaded|Done )' "$work/log" || true
echo "fuzz/$target: no crash in ${seconds} s"
