#!/usr/bin/env bash
# Durable writes over HTTP: wrk (2 threads) creates AI systems in one organization for $duration
# at each of $conns connections (default "8 32", 30 s), against a server on SQLite and, with
# `--postgres`, on a throw-away PostgreSQL 15 (tests/pg/start.sh). Prints per run the writes/s, p99
# and the answers by status: every write must be 201; a 503 is a write the server gave up on.
# Usage: bash bench/write_load.sh [--postgres]   (AIMS_BIN, BENCH_CONNECTIONS, BENCH_DURATION)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
conns="${BENCH_CONNECTIONS:-8 32}"
duration="${BENCH_DURATION:-30s}"
backend=sqlite
[ "${1:-}" = --postgres ] && backend=postgres

bench_data write-load
db_args=()
if [ "$backend" = postgres ]; then
  chmod 755 "$data"  # the postgres OS user (when run as root) reaches its directory
  dsn="$(bash "$root/tests/pg/start.sh" "$data/pg")"
  db_args=(--database "$dsn")
  trap 'bench_stop; bash "$root/tests/pg/stop.sh" "$data/pg" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
fi
echo "bench-password-123" | "$bin" init --data "$data/d" "${db_args[@]}" --org "Bench Org" --admin-email bench@aims.test >/dev/null
token="$("$bin" token create --data "$data/d" "${db_args[@]}" --email bench@aims.test --name bench)"
bench_serve "${db_args[@]}"
echo "== $backend: creates of AI systems in one organization, wrk 2 threads, $duration per run ($bin)"
printf "%-12s %10s %10s  %s\n" connections "writes/s" "p99" "answers"
for c in $conns; do
  out="$(wrk -t2 -c"$c" -d"$duration" --latency -s "$root/bench/create_systems.lua" \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$url" -- "c$c")"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  printf "%-12s %10s %10s  %s\n" "$c" "$rps" "$p99" "$(echo "$out" | sed -n 's/^statuses //p')"
done
