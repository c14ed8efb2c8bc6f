# Shared by the bench scripts (sourced, not run): a throw-away data directory removed on exit, an
# aims server on a loopback port started and stopped by its process id, an API token, the server's
# memory figures, and wrk runs printed as one table with each ratio to the first row.
# Before sourcing, set `root` (the repository); `bin` defaults to $AIMS_BIN or build/aims.
bin="${bin:-${AIMS_BIN:-$root/build/aims}}"
data=""
pid=""
url=""
token=""

bench_cleanup() {
  bench_stop
  if [ -n "$data" ]; then rm -rf "$data"; fi
}

# bench_data NAME: a fresh data directory under /tmp for this run, removed on exit.
bench_data() {
  data="$(mktemp -d "/tmp/aims-$1.XXXXXX")"
  trap bench_cleanup EXIT
}

# bench_init_org: an installation with one organization ("Bench Org") and an API token of its admin
# (in the database $AIMS_DATABASE when it is set).
bench_init_org() {
  echo "bench-password-123" | "$bin" init --data "$data/d" --org "Bench Org" --admin-email bench@aims.test >/dev/null
  token="$("$bin" token create --data "$data/d" ${AIMS_DATABASE:+--database "$AIMS_DATABASE"} --email bench@aims.test --name bench)"
}

# bench_serve [--demo]: starts `aims serve` on a free loopback port; sets pid, url and serve_ms
# (start to listening, polled every 5 ms). With --demo on an empty installation, also a token of
# the demo organization's admin.
bench_serve() {
  local start_ns
  start_ns="$(date +%s%N)"
  "$bin" serve "$@" --data "$data/d" --listen 127.0.0.1:0 >"$data/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 4000); do grep -q 'listening on' "$data/out" 2>/dev/null && break; sleep 0.005; done
  serve_ms="$(( ($(date +%s%N) - start_ns) / 1000000 ))"
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$data/out")"
  if [ "${1:-}" = --demo ] && [ -z "$token" ]; then
    token="$("$bin" token create --data "$data/d" --email "$(head -1 "$data/d/demo-login.txt")" --name bench)"
  fi
  if [ -n "$token" ]; then curl -sf -H "Authorization: Bearer $token" "$url/api/v1/me" >/dev/null; fi
}

# bench_stop: stops the server started by bench_serve (by its process id).
bench_stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pid=""
}

bench_hwm() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
bench_rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }

# bench_wrk NAME PATH [wrk arguments…]: wrk (2 threads, $connections connections, $duration) on
# $url$PATH; prints "NAME requests/s p99 non-2xx".
bench_wrk() {
  local name="$1" path="$2" out rps p99 errs
  shift 2
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency "$url$path" "$@")"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  errs="$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  echo "$name $rps $p99 ${errs:-0}"
}

# bench_table WIDTH ROW…: the rows of bench_wrk as a table, each with its ratio to the first row's.
bench_table() {
  local width="$1" base r
  shift
  base="$(echo "$1" | awk '{print $2}')"
  printf "\n%-${width}s %12s %10s %10s %8s\n" endpoint "requests/s" "p99" "vs healthz" "non-2xx"
  for r in "$@"; do
    set -- $r "" "" "" ""
    printf "%-${width}s %12s %10s %10s %8s\n" "$1" "$2" "$3" "$(awk -v a="$2" -v b="$base" 'BEGIN { printf "%.0f%%", 100 * a / b }')" "$4"
  done
}
