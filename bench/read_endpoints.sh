#!/usr/bin/env bash
# Read endpoints users hit often, on the demo organization: one server (`aims serve --demo`) on a
# loopback port, wrk (2 threads) against /healthz and then each list, the SoA, the audit entries
# (as the audit page asks for them, and as 50 oldest first), the dashboard page's two calls (GET
# /api/v1/me, which every page makes first, and GET /api/v1/dashboard) and the calls the dashboard
# made before it (as one mix, bench/dashboard.lua), each printed as requests/s, p99 and its ratio
# to /healthz measured in the same run. With BENCH_ROUNDS=N (default 1) the whole table is measured
# N times on the same server and each endpoint's ratios are printed with their median at the end:
# on a shared machine one round's ratios move with the load. Figures are printed, never asserted.
# Usage: bash bench/read_endpoints.sh  (AIMS_BIN to choose a binary; BENCH_READ_DURATION, default 5s;
# BENCH_CONNECTIONS, default 32; BENCH_ROUNDS, default 1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
duration="${BENCH_READ_DURATION:-5s}"
connections="${BENCH_CONNECTIONS:-32}"
rounds="${BENCH_ROUNDS:-1}"
# wrk comes from Debian through the project's setup (which installs only what is missing).
command -v wrk >/dev/null 2>&1 || bash "$root/scripts/setup.sh"
bench_data readbench
bench_serve --demo
auth=(-H "Authorization: Bearer $token")
asm="$(curl -sf "${auth[@]}" "$url/api/v1/assessments?limit=1" | grep -o '"id":"asm_[0-9a-z]*"' | head -1 | cut -d'"' -f4)"

# The calls the dashboard page made before GET /api/v1/dashboard (one per card figure), in one mix.
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
            "/api/v1/obligations?limit=1&overdue=true" "/api/v1/eu-ai-act/rechecks")
for s in not_started in_progress met not_applicable; do dashboard+=("/api/v1/obligations?limit=1&status=$s"); done
for p in "${dashboard[@]}" /api/v1/dashboard; do
  curl -sf -o /dev/null "${auth[@]}" "$url$p" || { echo "dashboard call failed: $p"; exit 1; }
done

echo "== wrk on the demo organization: $connections connections, $duration each, 2 threads, $rounds round(s)"
summary=()
for round in $(seq 1 "$rounds"); do
  results=()
  results+=("$(bench_wrk healthz /healthz)")
  results+=("$(bench_wrk systems '/api/v1/systems?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk risks '/api/v1/risks?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk objectives '/api/v1/objectives?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk impact_assessments '/api/v1/impact-assessments?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk obligations '/api/v1/obligations?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk evidence '/api/v1/evidence?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk soa /api/v1/soa "${auth[@]}")")
  results+=("$(bench_wrk audit_entries '/api/v1/audit/entries?limit=50' "${auth[@]}")")
  results+=("$(bench_wrk audit_entries_page '/api/v1/audit/entries?order=newest&limit=25' "${auth[@]}")")
  results+=("$(bench_wrk me /api/v1/me "${auth[@]}")")
  results+=("$(bench_wrk dashboard_one_call /api/v1/dashboard "${auth[@]}")")
  results+=("$(bench_wrk "dashboard_mix_${#dashboard[@]}" / "${auth[@]}" -s "$root/bench/dashboard.lua" -- "${dashboard[@]}")")
  [ "$rounds" = 1 ] || echo "-- round $round"
  bench_table 22 "${results[@]}"
  summary+=("${results[@]}")
done
echo "(audit_entries_page: the audit page's call; me and dashboard_one_call: the dashboard page's two"
echo " calls; dashboard_mix_N: the N calls the dashboard page made before, in turn, so one load that"
echo " way is N requests)"
if [ "$rounds" != 1 ]; then
  echo
  echo "== share of /healthz in each round (same round), and the median"
  printf '%s\n' "${summary[@]}" | awk -v n="${#results[@]}" '
    { i = (NR - 1) % n; if (i == 0) base = $2; name[i] = $1; r[i] = r[i] " " sprintf("%.0f", 100 * $2 / base); v[i, int((NR - 1) / n)] = 100 * $2 / base }
    END {
      rounds = NR / n
      for (i = 0; i < n; i++) {
        for (k = 0; k < rounds; k++) s[k] = v[i, k]
        for (a = 1; a < rounds; a++) for (b = a; b > 0 && s[b - 1] > s[b]; b--) { t = s[b]; s[b] = s[b - 1]; s[b - 1] = t }
        med = rounds % 2 ? s[(rounds - 1) / 2] : (s[rounds / 2 - 1] + s[rounds / 2]) / 2
        printf "%-22s %-24s median %.0f%%\n", name[i], r[i], med
      }
    }'
fi
