#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 (Debian's package) whose data directory is DIR, listening on
# 127.0.0.1 only, on a free port, with its unix socket inside DIR and fsync on. Creates the
# database aims_test and prints its connection string on stdout (nothing else goes to stdout):
#   postgresql://USER@127.0.0.1:PORT/aims_test
# Idempotent: if the server in DIR is already running, prints the same string again.
# Usage: bash tests/pg/start.sh DIR        (stop and remove it with tests/pg/stop.sh DIR)
set -euo pipefail

die() { echo "pg/start.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: start.sh DIR"
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || die "PostgreSQL 15 is not installed ($bin/initdb missing); apt-get install postgresql-15"

mkdir -p "$1"
dir="$(cd "$1" && pwd)"

# PostgreSQL refuses to run as root: run its programs as the postgres OS user then.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user"
  as_pg=(runuser -u postgres --)
  db_user=postgres
  chown postgres: "$dir"
  runuser -u postgres -- test -w "$dir" \
    || die "the postgres OS user cannot write $dir (are its parent directories searchable?)"
else
  as_pg=()
  db_user="$(id -un)"
fi
pg() { "${as_pg[@]}" "$@"; }

fail_with_log() {
  echo "pg/start.sh: $*" >&2
  if [ -f "$dir/server.log" ]; then
    echo "---- last lines of $dir/server.log ----" >&2
    tail -n 30 "$dir/server.log" >&2 || true
  fi
  exit 1
}

dsn_for() { echo "postgresql://$db_user@127.0.0.1:$1/aims_test"; }

create_db() {
  local port=$1
  if ! pg "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'aims_test'" | grep -q 1; then
    pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$db_user" aims_test \
      || fail_with_log "createdb aims_test failed"
  fi
}

# Already running: report it again.
if [ -f "$dir/PG_VERSION" ] && [ -f "$dir/aims_port" ] && pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  port="$(cat "$dir/aims_port")"
  create_db "$port"
  dsn_for "$port"
  exit 0
fi

if [ ! -f "$dir/PG_VERSION" ]; then
  [ -z "$(ls -A "$dir")" ] || die "$dir is neither empty nor a PostgreSQL data directory"
  log="$(mktemp)"
  pg "$bin/initdb" -D "$dir" -U "$db_user" --auth=trust -E UTF8 --locale=C >"$log" 2>&1 \
    || { cat "$log" >&2; rm -f "$log"; die "initdb failed in $dir"; }
  rm -f "$log"
  echo "include_if_exists = 'aims.conf'" >>"$dir/postgresql.conf"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for attempt in 1 2 3 4 5 6 7 8; do
  port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
  port_in_use "$port" && continue
  # The settings live in the data directory so that a restart uses them too.
  cat >"$dir/aims.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 100
CONF
  chown --reference="$dir" "$dir/aims.conf"
  if pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    started=yes
    break
  fi
  echo "pg/start.sh: start on port $port failed (attempt $attempt); trying another port" >&2
done
[ -n "$started" ] || fail_with_log "could not start PostgreSQL in $dir"
echo "$port" >"$dir/aims_port"

# pg_ctl -w returns once the server accepts connections; check over TCP as clients will connect.
for _ in $(seq 1 50); do
  pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
  sleep 0.2
done
pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || fail_with_log "PostgreSQL in $dir does not accept connections"

create_db "$port"
dsn_for "$port"
