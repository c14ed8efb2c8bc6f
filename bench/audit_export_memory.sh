#!/usr/bin/env bash
# Audit log export memory benchmark: one server on a loopback port; its log grown by importing AI
# systems from CSV (default 5 imports of 10,000 rows: about 50,000 entries), then the log export
# downloaded once from a freshly started server. Prints the server's peak resident memory (VmHWM) before and after the download
# and the growth as a ratio to the export's size: streamed page by page, it must not grow with the
# log. Figures are printed, never asserted.
# Usage: bash bench/audit_export_memory.sh [IMPORTS] [ROWS_EACH]  (AIMS_BIN to choose a binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${AIMS_BIN:-$root/build/aims}"
imports="${1:-5}"
rows="${2:-10000}"
data="$(mktemp -d /tmp/aims-logbench.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "bench-password-123" | "$bin" init --data "$data/d" --org "Bench Org" --admin-email bench@aims.test >/dev/null
token="$("$bin" token create --data "$data/d" --email bench@aims.test --name bench)"
serve() {
  "$bin" serve --data "$data/d" --listen 127.0.0.1:0 >"$data/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 2000); do grep -q 'listening on' "$data/out" 2>/dev/null && break; sleep 0.005; done
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$data/out")"
  curl -sf -H "Authorization: Bearer $token" "$url/api/v1/me" >/dev/null
}
hwm() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
serve

for i in $(seq 1 "$imports"); do
  { echo "name,purpose"; for j in $(seq 1 "$rows"); do echo "System $i-$j,Grows the audit log for the export benchmark"; done; } >"$data/import.csv"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
       --data-binary @"$data/import.csv" "$url/api/v1/systems/import"
done
rm -f "$data/import.csv"
# A fresh server, so that the peak before the download is not the imports'.
kill "$pid"; wait "$pid" 2>/dev/null || true
serve
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/audit/checkpoint"
before="$(hwm)"
secs="$(curl -sf -o "$data/log.jsonl" -w '%{time_total}' -H "Authorization: Bearer $token" "$url/api/v1/audit/export")"
after="$(hwm)"
log_kib=$(( $(stat -c %s "$data/log.jsonl") / 1024 ))
entries="$(head -c 400 "$data/log.jsonl" | grep -o '"size":[0-9]*' | head -1 | cut -d: -f2)"
printf 'log: %s entries; export: %d KiB in %s s\n' "$entries" "$log_kib" "$secs"
printf 'server VmHWM before the download: %d KiB, after: %d KiB, growth: %d KiB\n' "$before" "$after" $((after - before))
printf 'growth / export size: %.4f\n' "$(echo "($after - $before) / $log_kib" | bc -l)"
