#!/usr/bin/env bash
# One server against three behind HAProxy, side by side in one run on the same machine: reads (a
# page of 20 AI systems) and durable writes (creates of AI systems in one organization) over HTTP at
# $BENCH_CONNECTIONS connections (default 32), wrk 2 threads, $BENCH_DURATION per run (default 15s):
#   sqlite-1    one server on SQLite (for comparison)
#   postgres-1  one server on a throw-away PostgreSQL 15 (tests/pg/start.sh)
#   postgres-3  three servers on that PostgreSQL, each with its own data directory and a copy of
#               the signing key, behind HAProxy (round robin, /healthz checks; docs/deployment.md)
# Each installation has 200 AI systems before its runs. Prints per run the requests/s, p99 and the
# answers by status (every read must be 200, every write 201), and the machine's load average
# before and after. Every process is started and stopped by its process id.
# Usage: bash bench/multiserver.sh   (AIMS_BIN, BENCH_CONNECTIONS, BENCH_DURATION)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${AIMS_BIN:-$root/build/aims}"
conns="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-15s}"
haproxy=/usr/sbin/haproxy
[ -x "$haproxy" ] || { echo "multiserver.sh: HAProxy is not installed (scripts/setup.sh installs it)" >&2; exit 1; }

data="$(mktemp -d /tmp/aims-multiserver.XXXXXX)"
chmod 755 "$data"  # the postgres OS user (when run as root) reaches its directory
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$root/tests/pg/stop.sh" "$data/pg" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

# serve NAME ARGS…: starts `aims serve` with its data directory $data/NAME; prints its URL and
# leaves its process id in $data/NAME.pid (it runs in a command substitution: see started).
serve() {
  local name="$1"
  shift
  "$bin" serve --data "$data/$name" --listen 127.0.0.1:0 "$@" >"$data/$name.out" 2>"$data/$name.err" &
  echo $! >"$data/$name.pid"
  for _ in $(seq 1 6000); do grep -q 'listening on' "$data/$name.out" 2>/dev/null && break; sleep 0.01; done
  grep -o 'http://127.0.0.1:[0-9]*' "$data/$name.out" || { cat "$data/$name.err" >&2; exit 1; }
}

# started NAME: adds the process id in $data/NAME.pid to those stop_all and cleanup stop.
started() { pids+=("$(cat "$data/$1.pid")"); }

# stop PID…: SIGTERM, then waits until each is gone.
stop() {
  local p
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.05; done; done
}

# stop_all: stops every server and proxy started so far.
stop_all() {
  stop "${pids[@]}"
  pids=()
  aims_pids=()
  proxy_pid=""
}

# proxy URL…: HAProxy on a free loopback port in front of the URLs; prints its URL (process id in
# $data/haproxy.pid).
proxy() {
  local port cfg="$data/haproxy.cfg" i=0
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  {
    printf 'global\n  maxconn 4096\ndefaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n'
    printf '  retries 3\n  option redispatch\n  option http-keep-alive\n'
    printf 'frontend aims\n  bind 127.0.0.1:%s\n  default_backend servers\n' "$port"
    printf 'backend servers\n  balance roundrobin\n  option httpchk GET /healthz\n  http-check expect status 200\n'
    printf '  default-server inter 1s fall 2 rise 2\n'
    for u in "$@"; do printf '  server s%d %s check\n' "$i" "${u#http://}"; i=$((i + 1)); done
  } >"$cfg"
  "$haproxy" -db -f "$cfg" >"$data/haproxy.log" 2>&1 &
  echo $! >"$data/haproxy.pid"
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
  sleep 2.5  # every server up in the proxy's checks (rise 2, inter 1 s)
  echo "http://127.0.0.1:$port"
}

# seed URL TOKEN: 200 AI systems, so that the list pages read real rows.
seed() {
  local csv="$data/seed.csv"
  { echo "name,purpose"; for i in $(seq 1 200); do echo "Seeded system $i,Benchmark seed $i"; done; } >"$csv"
  curl -sf -H "Authorization: Bearer $2" -H 'Content-Type: text/csv' --data-binary @"$csv" "$1/api/v1/systems/import" >/dev/null
}

# ticks PID…: the CPU time (user + system, in clock ticks) the processes have used so far.
ticks() {
  local t=0 p v
  for p in "$@"; do
    v="$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)"
    t=$((t + ${v:-0}))
  done
  echo "$t"
}

# The processes whose CPU `one` counts: the aims servers, HAProxy, and (pg_pids) the PostgreSQL
# server with its backends.
aims_pids=()
proxy_pid=""
pg_pids() {
  local pm
  [ -f "$data/pg/postmaster.pid" ] || return 0
  pm="$(head -1 "$data/pg/postmaster.pid")"
  echo "$pm" $(pgrep -P "$pm" || true)
}

# one SETUP OP CONNS WRK-ARGS…: one wrk run; prints its line with the cores each part used meanwhile.
one() {
  local setup="$1" op="$2" c="$3" out rps p99 st hz=$(getconf CLK_TCK) secs a0 g0 h0 a1 g1 h1 pgs
  shift 3
  secs="${duration%s}"
  pgs="$(pg_pids)"
  a0="$(ticks "${aims_pids[@]}")"; g0="$(ticks $pgs)"; h0="$(ticks $proxy_pid)"
  out="$(nice wrk -t2 -c"$c" -d"$duration" --latency "$@")"
  pgs="$(pg_pids)"
  a1="$(ticks "${aims_pids[@]}")"; g1="$(ticks $pgs)"; h1="$(ticks $proxy_pid)"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  st="$(echo "$out" | sed -n 's/^statuses //p')"
  printf "%-11s %-5s %5s %11s %9s  %-24s %5s %5s %5s\n" "$setup" "$op" "$c" "$rps" "$p99" "$st" \
    "$(awk -v t=$((a1 - a0)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.2f", t / hz / s }')" \
    "$(awk -v t=$((g1 - g0)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.2f", t / hz / s }')" \
    "$(awk -v t=$((h1 - h0)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.2f", t / hz / s }')"
}

# run SETUP URL TOKEN: the read and the write run at each connection count, one line each.
run() {
  local setup="$1" url="$2" tok="$3" c
  for c in $conns; do
    one "$setup" read "$c" -s "$root/bench/status_count.lua" -H "Authorization: Bearer $tok" "$url/api/v1/systems?limit=20"
    one "$setup" write "$c" -s "$root/bench/create_systems.lua" -H "Authorization: Bearer $tok" \
      -H "Content-Type: application/json" "$url" -- "$setup-c$c"
  done
}

init() {  # init NAME [--database DSN]: an installation with "Bench Org" and a token of its admin
  local name="$1"
  shift
  echo "bench-password-123" | "$bin" init --data "$data/$name" "$@" --org "Bench Org" --admin-email bench@aims.test >/dev/null
  "$bin" token create --data "$data/$name" "$@" --email bench@aims.test --name bench
}

echo "== one server vs three behind HAProxy: reads (GET /api/v1/systems?limit=20) and creates, wrk 2 threads, $duration per run ($bin)"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores used during each run (CPU seconds / run seconds): aims = every aims server, pg = PostgreSQL, proxy = HAProxy"
printf "%-11s %-5s %5s %11s %9s  %-24s %5s %5s %5s\n" setup op conns "requests/s" p99 answers aims pg proxy

token="$(init sqlite)"
url="$(serve sqlite)"
started sqlite
aims_pids=("$(cat "$data/sqlite.pid")")
seed "$url" "$token"
run sqlite-1 "$url" "$token"
stop_all

dsn="$(bash "$root/tests/pg/start.sh" "$data/pg")"
token="$(init pg-init --database "$dsn")"
for i in 0 1 2; do
  mkdir -p "$data/pg$i"
  install -m 600 "$data/pg-init/audit-signing.key" "$data/pg$i/audit-signing.key"
done
url="$(serve pg0 --database "$dsn")"
started pg0
aims_pids=("$(cat "$data/pg0.pid")")
seed "$url" "$token"
run postgres-1 "$url" "$token"
urls=("$url")
for i in 1 2; do
  urls+=("$(serve "pg$i" --database "$dsn")")
  started "pg$i"
  aims_pids+=("$(cat "$data/pg$i.pid")")
done
url="$(proxy "${urls[@]}")"
started haproxy
proxy_pid="$(cat "$data/haproxy.pid")"
run postgres-3 "$url" "$token"
stop_all
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
