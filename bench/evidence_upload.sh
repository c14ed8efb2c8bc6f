#!/usr/bin/env bash
# Evidence upload and download benchmark: one server on a loopback port; files of 1, 10 and 40 MiB
# uploaded with curl (streamed) and downloaded again. Prints the time and throughput of each and the
# server's peak resident memory (VmHWM) before and after, which must not grow with the file size.
# Figures are printed, never asserted.  Usage: bash bench/evidence_upload.sh  (AIMS_BIN to choose a binary;
# EVBENCH_SIZES="2 200" for other sizes in MiB, with AIMS_MAX_UPLOAD_MIB above the largest; AIMS_DATABASE=
# postgresql://... to keep the files in PostgreSQL)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
bench_data evbench
bench_init_org
bench_serve

printf 'server after start-up: VmRSS %s KiB, VmHWM %s KiB\n' "$(bench_rss)" "$(bench_hwm)"
printf '%-8s %12s %12s %12s %12s %14s\n' size upload_s upload_MiB/s download_s download_MiB/s VmHWM_KiB
for mib in ${EVBENCH_SIZES:-1 10 40}; do
  f="$data/file-$mib.bin"
  head -c $((mib * 1024 * 1024)) /dev/urandom >"$f"
  up="$(curl -sf -o "$data/resp.json" -w '%{time_total}' -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/octet-stream' --data-binary @"$f" "$url/api/v1/evidence?filename=file-$mib.bin")"
  id="$(grep -o '"id":"ev_[0-9a-z]*"' "$data/resp.json" | head -1 | cut -d'"' -f4)"
  down="$(curl -sf -o "$data/back.bin" -w '%{time_total}' -H "Authorization: Bearer $token" "$url/api/v1/evidence/$id/content")"
  cmp -s "$f" "$data/back.bin" || { echo "download of $mib MiB differs"; exit 1; }
  printf '%-8s %12s %12.1f %12s %14.1f %14s\n' "${mib}MiB" "$up" "$(echo "$mib / $up" | bc -l)" "$down" \
         "$(echo "$mib / $down" | bc -l)" "$(bench_hwm)"
done
printf 'server at the end: VmRSS %s KiB, VmHWM %s KiB\n' "$(bench_rss)" "$(bench_hwm)"
