#!/usr/bin/env bash
# Read endpoints users hit often, on the demo organization: one server (`aims serve --demo`) on a
# loopback port, wrk (2 threads) against /healthz and then each list, the SoA, the audit entries
# page, the dashboard in one call (GET /api/v1/dashboard) and the calls the dashboard made before
# it (as one mix, bench/dashboard.lua), each printed as requests/s, p99 and its ratio to /healthz
# measured in the same run. Figures are printed, never asserted.
# Usage: bash bench/read_endpoints.sh  (AIMS_BIN to choose a binary; BENCH_READ_DURATION, default 5s;
# BENCH_CONNECTIONS, default 32)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
duration="${BENCH_READ_DURATION:-5s}"
connections="${BENCH_CONNECTIONS:-32}"
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

echo "== wrk on the demo organization: $connections connections, $duration each, 2 threads"
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
results+=("$(bench_wrk dashboard_one_call /api/v1/dashboard "${auth[@]}")")
results+=("$(bench_wrk "dashboard_mix_${#dashboard[@]}" / "${auth[@]}" -s "$root/bench/dashboard.lua" -- "${dashboard[@]}")")
bench_table 22 "${results[@]}"
echo "(dashboard_one_call: one dashboard load is one request; dashboard_mix_N: the N calls it replaces, in"
echo " turn, so one load that way is N requests)"
