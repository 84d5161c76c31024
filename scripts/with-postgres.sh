#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh), then stops
# and deletes the cluster, also when the command fails or the script is interrupted.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# The command runs with CSPHUB_TEST_POSTGRES=postgresql://csphub@127.0.0.1:PORT/postgres: the
# storage and API tests then create a database per test on it (tests/support/test_database.hpp),
# and anything else may `createdb`/`psql` there.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/csphub-pg-XXXXXX)
trap '"$here/pg-cluster.sh" stop "$dir"' EXIT
trap 'exit 130' INT TERM

CSPHUB_TEST_POSTGRES=$("$here/pg-cluster.sh" start "$dir")
export CSPHUB_TEST_POSTGRES
"$@"
