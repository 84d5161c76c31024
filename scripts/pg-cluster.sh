#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, kept in one directory.
#
#   scripts/pg-cluster.sh start DIR   initdb in DIR/data, start it on 127.0.0.1 on a free port,
#                                     write its URL to DIR/url (and print it)
#   scripts/pg-cluster.sh stop DIR    stop it and delete DIR
#
# ctest starts one per build directory before the PostgreSQL copies of the suites and stops it
# after them (a CTest fixture, tests/CMakeLists.txt); scripts/with-postgres.sh wraps a command
# in one. The URL names a superuser with trust authentication on loopback: the tests create and
# drop one database each.
#
# initdb refuses to run as root, so as root the cluster runs as the unprivileged `postgres`
# user (Debian's postgresql-15 package creates it); as anyone else it runs as that user.
# The cluster trades durability for speed (fsync=off): it only ever holds test data. csphub
# still asks for synchronous_commit=on in every session, as in production.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action=$1
dir=$2

# Runs a command as the cluster's owner.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free loopback port: bind port 0 and read what the kernel chose. Another process may take it
# before the cluster starts; pg_ctl then fails, and so does this script, loudly.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

stop() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    [[ -x "$PG_BIN/initdb" ]] || {
      echo "$0: no PostgreSQL 15 in $PG_BIN (install postgresql-15: scripts/install-deps.sh)" >&2
      exit 1
    }
    stop # a cluster left behind by an interrupted run
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $EUID -eq 0 ]]; then
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
      chown postgres: "$dir"
      # The owner must be able to reach DIR (the build tree may sit under a private home).
      if ! runuser -u postgres -- test -w "$dir"; then
        echo "$0: user postgres cannot write $dir; use a DIR it can reach" >&2
        exit 1
      fi
    fi
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U csphub --auth=trust --encoding=UTF8 --locale=C \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # max_connections: each API test server holds a pool, and ctest runs two tests at once.
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
       -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://csphub@127.0.0.1:$port/postgres" | tee "$dir/url"
    ;;
  stop) stop ;;
  *) usage ;;
esac
