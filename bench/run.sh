#!/usr/bin/env bash
# All benchmarks on a release build: the in-process figures (Google Benchmark), list pages at
# 100,000 records per kind (bench/lists_100k.cpp), wrk with 1,000 AI systems loaded against
# /healthz, an authenticated list of 50 systems and a catalog read, then the read endpoints of the
# demo organization (bench/read_endpoints.sh), evidence uploads and durable creates over HTTP on
# SQLite and PostgreSQL (bench/write_load.sh), and one server vs three behind HAProxy
# (bench/multiserver.sh). Prints requests/s and p99
# latency of each and its ratio to /healthz in the same run. Figures are printed, never asserted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"

echo "== release build"
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DAIMS_TESTS=OFF -DAIMS_BENCH=ON >/dev/null
cmake --build build-release --target aims aims_bench aims_bench_lists aims_bench_documents aims_bench_review aims_bench_actions aims_bench_actions_store >/dev/null
bin="$root/build-release/aims"

echo "== in-process benchmarks (Google Benchmark)"
# A throw-away PostgreSQL for the audit log's append figures on that backend, when it can start.
pgdir="$(mktemp -d /tmp/aims-bench-pg.XXXXXX)"
if dsn="$(bash "$root/tests/pg/start.sh" "$pgdir" 2>/dev/null)"; then
  export AIMS_BENCH_PG_DSN="$dsn"
else
  echo "(PostgreSQL did not start: its figures are skipped)"
  rm -rf "$pgdir"; pgdir=""
fi
bench_status=0
"$root/build-release/aims_bench" --benchmark_min_time=0.5 || bench_status=$?
if [ -n "$pgdir" ]; then bash "$root/tests/pg/stop.sh" "$pgdir" >/dev/null 2>&1 || true; fi
unset AIMS_BENCH_PG_DSN
[ "$bench_status" = 0 ] || exit "$bench_status"

echo "== list pages at ${AIMS_BENCH_RECORDS:-100000} records per kind (in process, SQLite)"
"$root/build-release/aims_bench_lists"

echo "== documents at ${AIMS_BENCH_DOCUMENTS:-10000} and the competence matrix at 2,000 x 50 (in process, SQLite)"
"$root/build-release/aims_bench_documents"

echo "== the management review's input pack at 1,000 AI systems, 5,000 risks, 2,000 NCs, 500 incidents (in process, SQLite)"
"$root/build-release/aims_bench_review"

echo "== the action tracker at ${AIMS_BENCH_ACTIONS:-50000} actions (in process, SQLite)"
"$root/build-release/aims_bench_actions"
"$root/build-release/aims_bench_actions_store"

source "$root/bench/lib.sh"
bench_data bench
bench_init_org
bench_serve

echo "== loading 1,000 AI systems"
csv="$data/systems.csv"
{
  echo "name,purpose,owner,lifecycle_stage,status,tags"
  stages=(inception design_and_development verification_and_validation deployment operation_and_monitoring re_evaluation retirement)
  for i in $(seq 1 1000); do
    echo "Benchmark system $i,Scores and ranks things for benchmark case $i,Owner $((i % 17)),${stages[$((i % 7))]},active,bench; group-$((i % 5))"
  done
} >"$csv"
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$csv" "$url/api/v1/systems/import" >/dev/null

echo "== wrk: $connections connections, $duration each, 2 threads"
auth=(-H "Authorization: Bearer $token")
results=()
results+=("$(bench_wrk healthz /healthz)")
results+=("$(bench_wrk systems_list_50 '/api/v1/systems?limit=50' "${auth[@]}")")
results+=("$(bench_wrk catalog_item /api/v1/catalog/frameworks/iso42001/items/A.6.2.4 "${auth[@]}")")
results+=("$(bench_wrk catalog_controls '/api/v1/catalog/frameworks/iso42001/items?kind=control' "${auth[@]}")")
bench_table 18 "${results[@]}"
echo
echo "start-up to listening: ${serve_ms} ms (upper bound, polled every 5 ms)"
echo "binary: $(du -k "$bin" | cut -f1) KiB (release, not stripped); $(strip -o "$data/aims.stripped" "$bin" && du -k "$data/aims.stripped" | cut -f1) KiB stripped"
echo "server peak resident memory after the runs: $(bench_hwm) kB"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(date -u +%Y-%m-%d)"

echo
AIMS_BIN="$bin" bash "$root/bench/read_endpoints.sh"

echo
echo "== evidence: streamed upload and download of 1, 10 and 40 MiB files, server peak memory"
AIMS_BIN="$bin" bash "$root/bench/evidence_upload.sh"

echo
echo "== durable writes over HTTP: creates at 8 and 32 connections, SQLite and PostgreSQL"
AIMS_BIN="$bin" BENCH_DURATION="${BENCH_WRITE_DURATION:-30s}" BENCH_CONNECTIONS="8 32" bash "$root/bench/write_load.sh"
AIMS_BIN="$bin" BENCH_DURATION="${BENCH_WRITE_DURATION:-30s}" BENCH_CONNECTIONS="8 32" bash "$root/bench/write_load.sh" --postgres

echo
echo "== several servers: one server vs three behind HAProxy on PostgreSQL, SQLite for comparison"
AIMS_BIN="$bin" BENCH_DURATION="${BENCH_MULTI_DURATION:-15s}" bash "$root/bench/multiserver.sh"
