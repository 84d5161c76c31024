#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh), then stops
# and deletes the cluster, also when the command fails or the script is interrupted.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# The command runs with CSPHUB_TEST_POSTGRES=postgresql://csphub@127.0.0.1:PORT/postgres: the
# storage and API tests then create a database per test on it (tests/support/test_database.hpp),
# and anything else may `createdb`/`psql` there. The exit status is the command's.
set -euo pipefail
[[ $# -gt 0 ]] || {
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
state=$(mktemp -d /tmp/csphub-pg-state-XXXXXX)
trap '"$here/pg-cluster.sh" stop "$state"' EXIT
trap 'exit 130' INT TERM

CSPHUB_TEST_POSTGRES=$("$here/pg-cluster.sh" start "$state")
export CSPHUB_TEST_POSTGRES
"$@"
