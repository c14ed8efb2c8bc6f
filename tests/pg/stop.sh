#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by tests/pg/start.sh DIR (pg_ctl stop -m fast, by the
# pid in DIR/postmaster.pid) and removes DIR. Idempotent: a missing DIR or stopped server is fine.
# Usage: bash tests/pg/stop.sh DIR
set -euo pipefail

die() { echo "pg/stop.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: stop.sh DIR"
if [ ! -e "$1" ]; then
  echo "pg/stop.sh: $1 does not exist; nothing to stop" >&2
  exit 0
fi
dir="$(cd "$1" && pwd)"
bin=/usr/lib/postgresql/15/bin

# Refuse to delete a directory that is not a PostgreSQL data directory (unless it is empty).
if [ ! -f "$dir/PG_VERSION" ] && [ -n "$(ls -A "$dir")" ]; then
  die "$dir is not a PostgreSQL data directory; not removing it"
fi

if [ -f "$dir/postmaster.pid" ]; then
  pid="$(head -n 1 "$dir/postmaster.pid")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    as_pg=()
    [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
    if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null; then
      echo "pg/stop.sh: pg_ctl stop failed; sending SIGQUIT to postmaster $pid" >&2
      kill -QUIT "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && die "postmaster $pid in $dir is still running"
    fi
  fi
fi

rm -rf "$dir"
