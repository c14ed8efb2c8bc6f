#!/usr/bin/env bash
# Exercises the README's first command on a clean clone of the committed tree: `make run` must
# install what is missing, build, and serve the demo organization whose login it prints.
# The server is started here and stopped here, by its process group id.
set -euo pipefail
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
tmp="$(mktemp -d /tmp/aims-readme.XXXXXX)"
pgid=""
cleanup() {
  if [ -n "$pgid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true; sleep 1; kill -KILL -- "-$pgid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

git clone -q "$root" "$tmp/main"
if [ -d "$root/../shared" ]; then cp -r "$root/../shared" "$tmp/shared"; fi
cd "$tmp/main"

# As the README says: make run (on a free port here, so as not to clash with a running server).
setsid make run LISTEN=127.0.0.1:0 DATA="$tmp/data" >"$tmp/run.out" 2>&1 &
pgid=$!
for _ in $(seq 1 900); do
  grep -q 'listening on' "$tmp/run.out" 2>/dev/null && break
  if ! kill -0 "$pgid" 2>/dev/null; then echo "make run exited early:"; tail -40 "$tmp/run.out"; exit 1; fi
  sleep 1
done
url="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/run.out" | sed 's/listening on //')"
[ -n "$url" ] || { echo "make run did not start the server:"; tail -40 "$tmp/run.out"; exit 1; }

login_line="$(grep 'log in as' "$tmp/run.out")"
email="$(echo "$login_line" | sed -E 's/.*log in as ([^ ]+) with password ([^ ]+).*/\1/')"
password="$(echo "$login_line" | sed -E 's/.*log in as ([^ ]+) with password ([^ ]+).*/\2/')"

fail() { echo "FAIL: $*"; exit 1; }
curl -sf "$url/healthz" | grep -q '"ok"' || fail "/healthz"
curl -sf "$url/" | grep -qi '<div id="root"' || fail "the web UI is not served at /"
curl -sf -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$url/api/v1/auth/login" >/dev/null || fail "demo login"
total="$(curl -sf -b "$tmp/cookies" "$url/api/v1/systems?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')"
[ "$total" = "8" ] || fail "the demo organization should have 8 AI systems, has $total"
echo "make run on a clean clone: server up at $url, demo login works, 8 AI systems"
