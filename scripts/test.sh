#!/usr/bin/env bash
# Runs every test: builds the sanitizer (ASan + UBSan) unit and storage suites, then runs the whole
# ctest suite with $AIMS_TEST_JOBS entries at a time (default 3): unit and storage conformance on
# SQLite and on a local PostgreSQL started here, both under the sanitizers, the fuzz targets on their
# saved inputs (corpus and regressions) under the sanitizers too, HTTP, CLI and browser
# tests (one entry per file) against real servers, the README's commands. ctest's summary is the
# last line. docs/testing.md says how the run is split and why.
set -euo pipefail
build="${1:-build}"
jobs="${AIMS_TEST_JOBS:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# PostgreSQL is initialized and started while the sanitizer build compiles.
pgdir="$(mktemp -d /tmp/aims-pg.XXXXXX)"
dsnfile="$(mktemp /tmp/aims-pg-dsn.XXXXXX)"
bash tests/pg/start.sh "$pgdir" >"$dsnfile" &
pg_start=$!
# By absolute path: the run ends inside the build directory.
cleanup() {
  wait "$pg_start" 2>/dev/null || true
  bash "$root/tests/pg/stop.sh" "$pgdir" >/dev/null 2>&1 || true
  rm -f "$dsnfile"
}
trap cleanup EXIT

echo "== sanitizer build (ASan + UBSan): unit and storage conformance, fuzz targets' replay"
# Line tables are enough for the sanitizers' stack traces (the Makefile's DEBUG_INFO).
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAIMS_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="${AIMS_DEBUG_INFO:--g1}" >/dev/null
cmake --build build-asan --target aims_unit_tests aims_conformance_tests aims_fuzz_replay

wait "$pg_start" || { echo "PostgreSQL did not start (tests/pg/start.sh)"; exit 1; }
AIMS_TEST_PG_DSN="$(cat "$dsnfile")"
# The sanitizer runs are ctest entries too (cmake/sanitizer_tests.cmake) when this names their build.
AIMS_TEST_ASAN_DIR="$root/build-asan"
export AIMS_TEST_PG_DSN AIMS_TEST_ASAN_DIR

echo "== all tests, $jobs at a time"
cd "$build"
ctest --output-on-failure --timeout 900 -j "$jobs"
