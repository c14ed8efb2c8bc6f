#!/usr/bin/env bash
# Audit log export memory benchmark: one server on a loopback port; its log grown by importing AI
# systems from CSV (default 5 imports of 10,000 rows: about 50,000 entries), then the log export
# downloaded once from a freshly started server. Prints the server's peak resident memory (VmHWM) before and after the download
# and the growth as a ratio to the export's size: streamed page by page, it must not grow with the
# log. Figures are printed, never asserted.
# Usage: bash bench/audit_export_memory.sh [IMPORTS] [ROWS_EACH]  (AIMS_BIN to choose a binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
imports="${1:-5}"
rows="${2:-10000}"
bench_data logbench
bench_init_org
bench_serve

for i in $(seq 1 "$imports"); do
  { echo "name,purpose"; for j in $(seq 1 "$rows"); do echo "System $i-$j,Grows the audit log for the export benchmark"; done; } >"$data/import.csv"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
       --data-binary @"$data/import.csv" "$url/api/v1/systems/import"
done
rm -f "$data/import.csv"
# A fresh server, so that the peak before the download is not the imports'.
bench_stop
bench_serve
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/audit/checkpoint"
before="$(bench_hwm)"
secs="$(curl -sf -o "$data/log.jsonl" -w '%{time_total}' -H "Authorization: Bearer $token" "$url/api/v1/audit/export")"
after="$(bench_hwm)"
log_kib=$(( $(stat -c %s "$data/log.jsonl") / 1024 ))
entries="$(head -c 400 "$data/log.jsonl" | grep -o '"size":[0-9]*' | head -1 | cut -d: -f2)"
printf 'log: %s entries; export: %d KiB in %s s\n' "$entries" "$log_kib" "$secs"
printf 'server VmHWM before the download: %d KiB, after: %d KiB, growth: %d KiB\n' "$before" "$after" $((after - before))
printf 'growth / export size: %.4f\n' "$(echo "($after - $before) / $log_kib" | bc -l)"
