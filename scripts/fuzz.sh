#!/usr/bin/env bash
# `make fuzz`: builds every libFuzzer target of fuzz/ with Debian's clang (ASan + UBSan, libFuzzer)
# in build-fuzz, then runs each for FUZZ_SECONDS (default 60) with scripts/fuzz_target.sh: the
# regression inputs first, then the fuzzer from the seed corpus, new inputs kept out of the tree.
# Fails if any target finds a crash. `scripts/fuzz.sh --build` only builds (scripts/test.sh).
# FUZZ_TARGETS="csv_import cursor" runs only those. docs/testing.md, "Fuzzing".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dir=build-fuzz
# Debian's clang 16 (scripts/setup.sh installs it; clang 14 cannot capture a structured binding in
# a lambda, which the code does). A build directory's compiler is set when it is made.
compiler=()
[ -f "$dir/CMakeCache.txt" ] || compiler=(-DCMAKE_CXX_COMPILER=clang++-16)
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIMS_FUZZ=ON "${compiler[@]}" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 ${AIMS_DEBUG_INFO:--g1}" >/dev/null
cmake --build "$dir" --target aims_fuzzers
[ "${1:-}" = "--build" ] && exit 0

seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-$(ls fuzz/*.cpp | xargs -n1 basename | sed 's/\.cpp$//')}"
failed=()
for t in $targets; do
  bash scripts/fuzz_target.sh "$root/$dir" "$t" "$seconds" || failed+=("$t")
done
if ((${#failed[@]})); then
  echo "make fuzz: FAILED: ${failed[*]}"
  exit 1
fi
echo "make fuzz: every target ran ${seconds} s without a crash"
