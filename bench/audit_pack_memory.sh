#!/usr/bin/env bash
# Auditor package memory benchmark: one server on a loopback port; evidence files (default 8 of
# 25 MiB, 200 MiB in all) uploaded with curl, then the auditor package downloaded once. Prints the
# server's peak resident memory (VmHWM) before and after the download, and the growth as a ratio
# to the evidence size: streamed, it must not grow with the evidence. Figures are printed, never
# asserted.  Usage: bash bench/audit_pack_memory.sh [FILES] [MIB_EACH]  (AIMS_BIN to choose a binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
files="${1:-8}"
mib="${2:-25}"
bench_data packbench
bench_init_org
bench_serve

for i in $(seq 1 "$files"); do
  head -c $((mib * 1024 * 1024)) /dev/urandom >"$data/file.bin"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
       --data-binary @"$data/file.bin" "$url/api/v1/evidence?filename=file-$i.bin"
done
rm -f "$data/file.bin"
evidence_kib=$((files * mib * 1024))
before="$(bench_hwm)"
secs="$(curl -sf -o "$data/pack.zip" -w '%{time_total}' -H "Authorization: Bearer $token" "$url/api/v1/audit/pack")"
after="$(bench_hwm)"
pack_kib=$(( $(stat -c %s "$data/pack.zip") / 1024 ))
printf 'evidence: %d files of %d MiB = %d KiB; package: %d KiB in %s s\n' "$files" "$mib" "$evidence_kib" "$pack_kib" "$secs"
printf 'server VmHWM before the download: %d KiB, after: %d KiB, growth: %d KiB\n' "$before" "$after" $((after - before))
printf 'growth / evidence size: %.4f; peak after / evidence size: %.3f\n' "$(echo "($after - $before) / $evidence_kib" | bc -l)" "$(echo "$after / $evidence_kib" | bc -l)"
