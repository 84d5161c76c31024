#!/usr/bin/env bash
# Durable orders on PostgreSQL (issue 7), in one run:
#  a. POST /v1/customers/{id}/orders with one line item (one transaction: the order, its line,
#     one subscription, its first timeline event and an audit record; COMMIT waits for the WAL
#     flush, synchronous_commit=on) against the raw libpq rate of durable single-row commits in
#     the shape of PgStore::Write (bench/pg_commit.cpp: BEGIN SERIALIZABLE; INSERT; COMMIT) with
#     as many sessions as csphub has worker threads;
#  b. two csphub nodes on the one database against one node.
#
#   bench/pg_orders.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Setup: a throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh with fsync on, data under
# /tmp: check that it is a real disk, see the output) pinned to SERVER_CPU with csphub and the
# raw loop; wrk on CLIENT_CPU. csphub: `serve --demo`, default config but the orders rate limit
# off (CSPHUB_THREADS=4, the default: orders from several clients commit together).
#
# Environment:
#   DURATION=10 ROUNDS=3 WARMUP=2 SERVER_CPU=0 CLIENT_CPU=1
#   HALT_POLL_NS=200000  idle vCPUs poll this long before halting (0: halt at once), restored
#                   at exit; why in bench/_common.sh (idle_policy_begin)
#   CONNECTIONS=8   wrk connections (partners' tools send orders in parallel)
#   BIN_DIR=build/bin   where csphub and csphub_bench_pg_commit are
#
# Output: tables, then (ratios: median of the per-round ratios)
#   RESULT pg orders csphub_rps=... raw_commits_per_s=... ratio=... p99_ms=... cpu_us=...
#   RESULT pg nodes_orders one_rps=... two_rps=... ratio=...
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=pg_orders
# shellcheck source=bench/_common.sh
source "$ROOT/bench/_common.sh"
# shellcheck source=bench/_pg.sh
source "$ROOT/bench/_pg.sh"

BIN_DIR=${BIN_DIR:-$ROOT/build/bin}
CSPHUB=${CSPHUB:-$BIN_DIR/csphub}
RAW=$BIN_DIR/csphub_bench_pg_commit
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-8}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
export CSPHUB_THREADS=${CSPHUB_THREADS:-4}

check_setup "taskset wrk curl" "$CSPHUB $RAW" DURATION ROUNDS WARMUP CONNECTIONS CSPHUB_THREADS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csphub-bench.XXXXXX")
trap pg_bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
idle_policy_begin

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; idle policy: $idle_policy"
start_pg_cluster
export CSPHUB_RATE_LIMITS=${CSPHUB_RATE_LIMITS:-orders=0}
export CSPHUB_TOKEN_TTL_SECONDS=${CSPHUB_TOKEN_TTL_SECONDS:-86400}
start_node node-1 --demo
url=$started_url one_pid=${node_pids[0]}
token=$(demo_token "$url" client_credentials)
[[ -n $token ]] || die "could not get the provider's token"
auth="Authorization: Bearer $token"

first_order "$url" "$auth"
post=('wrk.method = "POST"' "wrk.body = '$order'" 'wrk.headers["Content-Type"] = "application/json"')
nodes_script "$tmp/one.lua" "${url#http://}" "${post[@]}"

echo "csphub: $CSPHUB (pid $one_pid) on $url, default config +" \
  "$(env | grep '^CSPHUB_' | grep -v TOKEN | sort | paste -sd ' ')"
echo "order:  POST $orders_path  (one line item: one subscription)"
echo "pinning: PostgreSQL, csphub and the raw loop ($CSPHUB_THREADS sessions) on CPU $SERVER_CPU," \
  "wrk on CPU $CLIENT_CPU; wrk -c$CONNECTIONS; ${DURATION}s each after ${WARMUP}s of warm-up;" \
  "$ROUNDS rounds"
echo

declare -a c_rps c_p99 c_cpu r_cps ratios
for ((round = 1; round <= ROUNDS; round++)); do
  measure orders "$one_pid" "$CONNECTIONS" "$url$orders_path" -H "$auth" -s "$tmp/one.lua"
  c_rps+=("$rps") c_p99+=("$p99_ms") c_cpu+=("$cpu_us")
  line=$(taskset -c "$SERVER_CPU" "$RAW" --database "$pg_url" --seconds "$DURATION" \
    --clients "$CSPHUB_THREADS") || die "the raw libpq loop failed"
  cps=$(sed 's/.*commits_per_s=\([0-9.]*\).*/\1/' <<<"$line")
  r_cps+=("$cps") ratios+=("$(ratio "$rps" "$cps")")
  printf 'round %d: csphub %8.1f orders/s (p99 %s ms, %s µs CPU/order)  raw libpq %8.1f commits/s  ratio %s\n' \
    "$round" "$rps" "$p99_ms" "$cpu_us" "$cps" "${ratios[-1]}"
done

# b. two nodes against one, wrk's two threads one per node (one node: both on it).
start_node node-2
nodes_script "$tmp/two.lua" "${url#http://} ${started_url#http://}" "${post[@]}"
declare -a n1 n2 nr
export WRK_THREADS=2
for ((round = 1; round <= ROUNDS; round++)); do
  order_of=(one two)
  ((round % 2)) || order_of=(two one)
  for n in "${order_of[@]}"; do
    measure "nodes_$n" "$one_pid" "$CONNECTIONS" "$url$orders_path" -H "$auth" -s "$tmp/$n.lua"
    if [[ $n == one ]]; then n1+=("$rps"); else n2+=("$rps"); fi
  done
  nr+=("$(ratio "${n2[-1]}" "${n1[-1]}")")
  printf 'nodes round %d: one node %8.1f orders/s, two nodes %8.1f, ratio %s\n' \
    "$round" "${n1[-1]}" "${n2[-1]}" "${nr[-1]}"
done
unset WRK_THREADS

# Every order answered 201 (measure dies on any other status); check they are all there.
status=$(http_get "$url${orders_path%/orders}/subscriptions" "$tmp/subs" -H "$auth")
[[ $status == 200 ]] || die "listing the subscriptions answered $status"
echo "subscriptions on record afterwards: $(grep -o '"totalCount":[0-9]*' "$tmp/subs.body" | head -n 1 | cut -d: -f2)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "RESULT pg orders csphub_rps=$(median %.1f "${c_rps[@]}")" \
  "raw_commits_per_s=$(median %.1f "${r_cps[@]}") ratio=$(median %.3f "${ratios[@]}")" \
  "p99_ms=$(median %.3f "${c_p99[@]}") cpu_us=$(median %.1f "${c_cpu[@]}")"
echo "RESULT pg nodes_orders one_rps=$(median %.1f "${n1[@]}") two_rps=$(median %.1f "${n2[@]}")" \
  "ratio=$(median %.3f "${nr[@]}")"
