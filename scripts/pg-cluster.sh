#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#
#   scripts/pg-cluster.sh start DIR   initdb a cluster in a fresh temp directory, start it on
#                                     127.0.0.1 on a free port, write its URL to DIR/url (and
#                                     print it) and its location to DIR/cluster
#   scripts/pg-cluster.sh stop DIR    stop that cluster and delete it and DIR
#
# ctest starts one per build directory before the PostgreSQL copies of the suites and stops it
# after them (a CTest fixture, tests/CMakeLists.txt); scripts/with-postgres.sh wraps a command
# in one. The URL names a superuser with trust authentication on loopback: the tests create and
# drop one database each.
#
# initdb refuses to run as root, so as root the cluster runs as the unprivileged `postgres` user
# (Debian's postgresql-15 package creates it; made here if missing), in a directory under /tmp
# that user can reach wherever DIR is. The cluster trades durability for speed (fsync=off): it
# only ever holds test data. csphub still asks for synchronous_commit=on in every session.
# PG_OPTIONS (server options, e.g. "-c fsync=on -c full_page_writes=on") come after ours and
# override them: the benchmarks (bench/pg_*.sh) want real commits. The server inherits the CPU
# affinity of this script (`taskset -c 0 scripts/pg-cluster.sh start DIR` pins every backend).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[[ $# -eq 2 ]] || usage
action=$1
dir=$2

# Runs a command as the cluster's owner.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  local cluster
  cluster=$(cat "$dir/cluster" 2>/dev/null || true)
  if [[ -n "$cluster" && -f "$cluster/data/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ -z "$cluster" ]] || rm -rf "$cluster"
  rm -rf "$dir"
}

start() {
  [[ -x "$PG_BIN/initdb" ]] || {
    echo "$0: no PostgreSQL 15 in $PG_BIN (install postgresql-15: scripts/install-deps.sh)" >&2
    exit 1
  }
  stop # a cluster an interrupted run left behind
  mkdir -p "$dir"
  local cluster
  cluster=$(mktemp -d /tmp/csphub-pg-XXXXXX)
  echo "$cluster" >"$dir/cluster"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres: "$cluster"
  fi
  as_owner "$PG_BIN/initdb" -D "$cluster/data" -U csphub --auth=trust --encoding=UTF8 \
    --locale=C >"$cluster/initdb.log" 2>&1 || {
    cat "$cluster/initdb.log" >&2
    exit 1
  }
  # A free port: PostgreSQL cannot be asked for port 0, so try random high ports until one binds
  # (a taken port makes the start fail at once). max_connections: each API test server holds a
  # pool, and ctest runs two tests at once.
  local port attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    if as_owner "$PG_BIN/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster \
       -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB \
       ${PG_OPTIONS:-}" \
      >/dev/null; then
      break
    fi
    [[ $attempt -lt 8 ]] || {
      cat "$cluster/server.log" >&2
      exit 1
    }
  done
  echo "postgresql://csphub@127.0.0.1:$port/postgres" | tee "$dir/url"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
