#!/usr/bin/env bash
# Runs every test: the sanitizer build of the unit and storage suites, then the whole ctest suite
# (unit, storage conformance on SQLite and on a local PostgreSQL started here, HTTP tests against
# a real server, browser tests in Debian's Chromium, the README's commands). ctest's summary is
# the last line.
set -euo pipefail
build="${1:-build}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

pgdir="$(mktemp -d /tmp/aims-pg.XXXXXX)"
# By absolute path: the run ends inside the build directory.
cleanup() { bash "$root/tests/pg/stop.sh" "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
AIMS_TEST_PG_DSN="$(bash tests/pg/start.sh "$pgdir")"
export AIMS_TEST_PG_DSN

echo "== sanitizer build (ASan + UBSan): unit and storage conformance"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAIMS_SANITIZE=ON >/dev/null
cmake --build build-asan --target aims_unit_tests aims_conformance_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
build-asan/aims_unit_tests --gtest_brief=1
AIMS_TEST_BACKEND=sqlite build-asan/aims_conformance_tests --gtest_brief=1
AIMS_TEST_BACKEND=postgres build-asan/aims_conformance_tests --gtest_brief=1
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "== all tests"
cd "$build"
ctest --output-on-failure --timeout 900
