#!/usr/bin/env bash
# Read endpoints users hit often, on the demo organization: one server (`aims serve --demo`) on a
# loopback port, wrk (2 threads) against /healthz and then each list, the SoA, the audit entries
# page and the dashboard's calls (as one mix, bench/dashboard.lua), each printed as requests/s, p99
# and its ratio to /healthz measured in the same run. Figures are printed, never asserted.
# Usage: bash bench/read_endpoints.sh  (AIMS_BIN to choose a binary; BENCH_READ_DURATION, default 5s;
# BENCH_CONNECTIONS, default 32)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${AIMS_BIN:-$root/build/aims}"
duration="${BENCH_READ_DURATION:-5s}"
connections="${BENCH_CONNECTIONS:-32}"
data="$(mktemp -d /tmp/aims-readbench.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

"$bin" serve --demo --data "$data/d" --listen 127.0.0.1:0 >"$data/out" 2>/dev/null &
pid=$!
for _ in $(seq 1 4000); do grep -q 'listening on' "$data/out" 2>/dev/null && break; sleep 0.005; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$data/out")"
email="$(head -1 "$data/d/demo-login.txt")"
token="$("$bin" token create --data "$data/d" --email "$email" --name bench)"
auth=(-H "Authorization: Bearer $token")
asm="$(curl -sf "${auth[@]}" "$url/api/v1/assessments?limit=1" | grep -o '"id":"asm_[0-9a-z]*"' | head -1 | cut -d'"' -f4)"

# The calls the dashboard page makes today (web/src/features/dashboard and its cards), in one mix.
dashboard=("/api/v1/systems?limit=1")
for c in unclassified prohibited high_risk transparency minimal; do dashboard+=("/api/v1/systems?limit=1&eu_ai_act_class=$c"); done
for s in inception design_and_development verification_and_validation deployment operation_and_monitoring re_evaluation retirement; do
  dashboard+=("/api/v1/systems?limit=1&lifecycle_stage=$s")
done
for s in planned active suspended retired; do dashboard+=("/api/v1/systems?limit=1&status=$s"); done
dashboard+=("/api/v1/catalog/frameworks/iso42001/items?limit=500" "/api/v1/assessments?limit=1"
            "/api/v1/assessments/$asm/results" "/api/v1/soa" "/api/v1/objectives/summary"
            "/api/v1/risks/heatmap" "/api/v1/evidence/freshness" "/api/v1/impact-assessments?limit=1"
            "/api/v1/impact-assessments?limit=1&reassessment_due=true" "/api/v1/impact-assessments?limit=1&outcome=restricted"
            "/api/v1/impact-assessments?limit=1&outcome=sensitive" "/api/v1/impact-assessments?limit=1&status=in_review"
            "/api/v1/obligations?limit=1&overdue=true")
for s in not_started in_progress met not_applicable; do dashboard+=("/api/v1/obligations?limit=1&status=$s"); done
for p in "${dashboard[@]}"; do
  curl -sf -o /dev/null "${auth[@]}" "$url$p" || { echo "dashboard call failed: $p"; exit 1; }
done

run() {  # name path [wrk arguments…]
  local name="$1" path="$2" out
  shift 2
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency "$url$path" "$@")"
  local rps p99 errs
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  errs="$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  echo "$name $rps $p99 ${errs:-0}"
}
bearer=(-H "Authorization: Bearer $token")
echo "== wrk on the demo organization: $connections connections, $duration each, 2 threads"
results=()
results+=("$(run healthz /healthz)")
results+=("$(run systems '/api/v1/systems?limit=50' "${bearer[@]}")")
results+=("$(run risks '/api/v1/risks?limit=50' "${bearer[@]}")")
results+=("$(run objectives '/api/v1/objectives?limit=50' "${bearer[@]}")")
results+=("$(run impact_assessments '/api/v1/impact-assessments?limit=50' "${bearer[@]}")")
results+=("$(run obligations '/api/v1/obligations?limit=50' "${bearer[@]}")")
results+=("$(run evidence '/api/v1/evidence?limit=50' "${bearer[@]}")")
results+=("$(run soa /api/v1/soa "${bearer[@]}")")
results+=("$(run audit_entries '/api/v1/audit/entries?limit=50' "${bearer[@]}")")
results+=("$(run "dashboard_mix_${#dashboard[@]}" / "${bearer[@]}" -s "$root/bench/dashboard.lua" -- "${dashboard[@]}")")
base="$(echo "${results[0]}" | awk '{print $2}')"
printf '\n%-22s %12s %10s %10s %8s\n' endpoint "requests/s" "p99" "vs healthz" "non-2xx"
for r in "${results[@]}"; do
  set -- $r "" "" "" ""
  ratio="$(awk -v a="$2" -v b="$base" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
  printf '%-22s %12s %10s %10s %8s\n' "$1" "$2" "$3" "$ratio" "$4"
done
echo "(dashboard_mix_N: the dashboard's N calls in turn; one dashboard load is N requests)"
