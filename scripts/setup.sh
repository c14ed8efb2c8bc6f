#!/usr/bin/env bash
# Installs what aims needs to build, run and test, and only what is missing.
# Idempotent and quiet when everything is present. Debian 12 only.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"

debs=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libssl-dev zlib1g-dev
  libcli11-dev libspdlog-dev libfmt-dev libyaml-cpp-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils python3-prometheus-client
  postgresql chromium wrk curl nodejs npm
  haproxy
)
# `make fuzz` only (scripts/setup.sh --fuzz): Debian's clang 16 with libFuzzer's runtime.
if [ "${1:-}" = --fuzz ]; then debs+=(clang-16 libclang-rt-16-dev); fi

missing=()
for p in "${debs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    # nodejs/npm may come from elsewhere on the machine; accept working binaries.
    case "$p" in
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages for the web UI (web/) and the JS tests (tests/). Reinstalled only when a lock file changed.
for dir in web tests; do
  d="$here/$dir"
  [ -f "$d/package.json" ] || continue
  stamp="$d/node_modules/.aims-lock-stamp"
  want="$(cat "$d/package.json" "$d/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing npm packages for $dir/"
    # `npm install` follows package-lock.json (and leaves it as it is); `npm ci` is not used because
    # npm 11 rejects its own lock files when they omit other platforms' optional packages.
    (cd "$d" && npm install --no-audit --no-fund --loglevel=error)
    want="$(cat "$d/package.json" "$d/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)"
    echo "$want" > "$stamp"
  fi
done
