#!/usr/bin/env bash
# The customer list and get on PostgreSQL (issue 7), in one run:
#  a. GET /v1/customers?size=100 filtered by one reseller (the provider's token) against the raw
#     libpq rate of the same keyset query (bench/pg_list.cpp: the repository's SQL, prepared,
#     the same parameters, every column read), on page 1 and on deep pages (the reseller's page
#     DEEP_PAGE, and page ALL_DEEP_PAGE of the provider's unfiltered list): the keyset cost must
#     not grow with the page;
#  b. GET /v1/customers/{id} against the raw rate of its one statement (bench/pg_get.cpp);
#  c. two csphub nodes on the one database against one node, for a and b.
#
#   bench/pg_customers.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Setup: a throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh, fsync on) pinned to
# SERVER_CPU, loaded by csphub_bench_pg_seed with the data set of bench_data.hpp (the SQLite
# benchmark's rows: CUSTOMERS customers over RESELLERS resellers). csphub (threads=1: one
# request at a time, as the raw loop runs one query at a time) and the raw loops also run on
# SERVER_CPU, so each side has one core for itself and PostgreSQL; wrk runs on CLIENT_CPU.
# For c, every node has threads=1 and the same core; wrk runs 2 threads, one per node (one
# node: both on it). On two cores this measures what a second node costs or gains on a
# CPU-bound database host, not the scaling of a real deployment (docs/bench-results.md).
#
# Environment:
#   DURATION=10 ROUNDS=3 WARMUP=2 CONNECTIONS=64 SERVER_CPU=0 CLIENT_CPU=1  (as customers_list.sh)
#   HALT_POLL_NS=200000  idle vCPUs poll this long before halting (0: halt at once), restored
#                   at exit; why in bench/_common.sh (idle_policy_begin)
#   BIN_DIR=build/bin   where csphub, csphub_bench_pg_seed, csphub_bench_pg_list/get are
#   CUSTOMERS=100000 RESELLERS=100   the data set (1,000 customers per reseller: 10 pages)
#   DEEP_PAGE=9 ALL_DEEP_PAGE=501    the deep pages
#
# Output: tables, then (ratios: median of the per-round ratios)
#   RESULT pg seed customers=... customers_per_s=... seconds=...
#   RESULT pg list csphub_rps=... raw_qps=... ratio=...                       (page 1)
#   RESULT pg list_deep page=... csphub_rps=... raw_qps=... ratio=... vs_page1=...
#   RESULT pg list_all_deep page=... csphub_rps=... raw_qps=... ratio=... vs_page1=...
#   RESULT pg get csphub_rps=... raw_qps=... ratio=...
#   RESULT pg nodes_list one_rps=... two_rps=... ratio=...
#   RESULT pg nodes_get one_rps=... two_rps=... ratio=...
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=pg_customers
# shellcheck source=bench/_common.sh
source "$ROOT/bench/_common.sh"
# shellcheck source=bench/_pg.sh
source "$ROOT/bench/_pg.sh"

BIN_DIR=${BIN_DIR:-$ROOT/build/bin}
CSPHUB=${CSPHUB:-$BIN_DIR/csphub}
SEED=$BIN_DIR/csphub_bench_pg_seed
RAW_LIST=$BIN_DIR/csphub_bench_pg_list
RAW_GET=$BIN_DIR/csphub_bench_pg_get
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-64}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
CUSTOMERS=${CUSTOMERS:-100000}
RESELLERS=${RESELLERS:-100}
DEEP_PAGE=${DEEP_PAGE:-9}
ALL_DEEP_PAGE=${ALL_DEEP_PAGE:-501}

check_setup "taskset wrk curl" "$CSPHUB $SEED $RAW_LIST $RAW_GET" DURATION ROUNDS WARMUP \
  CONNECTIONS CUSTOMERS RESELLERS DEEP_PAGE ALL_DEEP_PAGE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csphub-bench.XXXXXX")
trap pg_bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
idle_policy_begin

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; idle policy: $idle_policy"
start_pg_cluster
echo "generating $CUSTOMERS customers over $RESELLERS resellers ..."
taskset -c "$CLIENT_CPU" "$SEED" --database "$pg_url" --customers "$CUSTOMERS" \
  --resellers "$RESELLERS" >"$tmp/seed.txt" || die "generating the data set failed"
seed_line=$(grep '^seed ' "$tmp/seed.txt")
echo "$seed_line"

provider=11111111-1111-4111-8111-111111111111
reseller=5e110000-0000-4000-8000-000000000001 # the generator's first reseller

# --- query plans: every list query must be one index range that starts at the cursor ----------
check_plans "$RAW_LIST" "$pg_url" "$provider" "--field reseller --value $reseller" \
  "--field none --skip-pages $((ALL_DEEP_PAGE - 1))"

# --- the nodes -------------------------------------------------------------------------------
export CSPHUB_THREADS=${CSPHUB_THREADS:-1}
export CSPHUB_RATE_LIMITS=${CSPHUB_RATE_LIMITS:-customers=0}
export CSPHUB_TOKEN_TTL_SECONDS=${CSPHUB_TOKEN_TTL_SECONDS:-86400}
start_node node-1
url=$started_url one_pid=${node_pids[0]}
token=$(demo_token "$url" password)
[[ -n $token ]] || die "could not get the provider's token"
auth="Authorization: Bearer $token"

filter=$(printf '{"Field":"IndirectReseller","Value":"%s","Operator":"starts_with"}' "$reseller")
filter_q=$(printf '%s' "$filter" | sed 's/{/%7B/g; s/}/%7D/g; s/"/%22/g; s/:/%3A/g; s/,/%2C/g')
list_path="/v1/customers?size=100&filter=$filter_q"
status=$(http_get "$url$list_path" "$tmp/page1" -H "$auth")
[[ $status == 200 ]] || die "the list answered $status: $(head -c 300 "$tmp/page1.body")"
[[ $(items "$tmp/page1.body") == 100 ]] || die "page 1 does not hold 100 customers"
deep_token=$(walk "$url" "$auth" "$list_path" "$DEEP_PAGE")
all_token=$(walk "$url" "$auth" "/v1/customers?size=100" "$ALL_DEEP_PAGE")
http_get "$url/v1/customers" "$tmp/deep" -H "$auth" -H "MS-ContinuationToken: $deep_token" >/dev/null
http_get "$url/v1/customers" "$tmp/alldeep" -H "$auth" -H "MS-ContinuationToken: $all_token" >/dev/null
customer_id=$(first_id "$tmp/page1.body")
get_path=/v1/customers/$customer_id
status=$(http_get "$url$get_path" "$tmp/get" -H "$auth")
[[ $status == 200 ]] || die "GET $get_path answered $status"

echo "csphub: $CSPHUB (pid $one_pid) on $url, default config +" \
  "$(env | grep '^CSPHUB_' | grep -v TOKEN | sort | paste -sd ' ')"
echo "list:   GET $list_path  ($(wc -c <"$tmp/page1.body") bytes, 100 items)"
echo "get:    GET $get_path  ($(wc -c <"$tmp/get.body") bytes)"
echo "pinning: PostgreSQL, csphub and the raw loops on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU;" \
  "wrk -c$CONNECTIONS; ${DURATION}s each after ${WARMUP}s of warm-up; $ROUNDS rounds"
echo

raw_rate() { # raw_rate BIN ARGS...: the raw loop's rate on the server core; sets qps, raw_first
  local bin=$1 line
  shift
  line=$(taskset -c "$SERVER_CPU" "$bin" --database "$pg_url" --partner "$provider" \
    --seconds "$DURATION" "$@") || die "the raw loop $(basename "$bin") failed"
  qps=$(sed 's/.*queries_per_s=\([0-9.]*\).*/\1/' <<<"$line")
  raw_first=$(sed -n 's/.*first_id=\([^ ]*\).*/\1/p' <<<"$line")
}

# --- a and b: one node against the raw loops ----------------------------------------------------
declare -a l_rps l_qps l_ratio l_cpu d_rps d_qps d_ratio d_vs a_rps a_qps a_ratio a_vs
declare -a g_rps g_qps g_ratio g_cpu
for ((round = 1; round <= ROUNDS; round++)); do
  measure list "$one_pid" "$CONNECTIONS" "$url$list_path" -H "$auth"
  l_rps+=("$rps") l_cpu+=("$cpu_us")
  raw_rate "$RAW_LIST" --field reseller --value "$reseller"
  [[ $raw_first == $(first_id "$tmp/page1.body") ]] || die "raw page 1 starts elsewhere"
  l_qps+=("$qps") l_ratio+=("$(ratio "${l_rps[-1]}" "$qps")")

  measure list_deep "$one_pid" "$CONNECTIONS" "$url/v1/customers" -H "$auth" \
    -H "MS-ContinuationToken: $deep_token"
  d_rps+=("$rps")
  raw_rate "$RAW_LIST" --field reseller --value "$reseller" --skip-pages $((DEEP_PAGE - 1))
  [[ $raw_first == $(first_id "$tmp/deep.body") ]] || die "raw page $DEEP_PAGE starts elsewhere"
  d_qps+=("$qps") d_ratio+=("$(ratio "${d_rps[-1]}" "$qps")")
  d_vs+=("$(ratio "${d_rps[-1]}" "${l_rps[-1]}")")

  measure list_all_deep "$one_pid" "$CONNECTIONS" "$url/v1/customers" -H "$auth" \
    -H "MS-ContinuationToken: $all_token"
  a_rps+=("$rps")
  raw_rate "$RAW_LIST" --field none --skip-pages $((ALL_DEEP_PAGE - 1))
  [[ $raw_first == $(first_id "$tmp/alldeep.body") ]] ||
    die "raw page $ALL_DEEP_PAGE of the unfiltered list starts elsewhere"
  a_qps+=("$qps") a_ratio+=("$(ratio "${a_rps[-1]}" "$qps")")
  a_vs+=("$(ratio "${a_rps[-1]}" "${l_rps[-1]}")")

  measure get "$one_pid" "$CONNECTIONS" "$url$get_path" -H "$auth"
  g_rps+=("$rps") g_cpu+=("$cpu_us")
  raw_rate "$RAW_GET" --customer "$customer_id"
  g_qps+=("$qps") g_ratio+=("$(ratio "${g_rps[-1]}" "$qps")")
  echo "round $round done ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
done

# --- c: two nodes against one -------------------------------------------------------------------
start_node node-2
second=${started_url#http://}
nodes_script "$tmp/one.lua" "${url#http://}"
nodes_script "$tmp/two.lua" "${url#http://} $second"
declare -a n1_l n2_l n_l n1_g n2_g n_g
export WRK_THREADS=2
for ((round = 1; round <= ROUNDS; round++)); do
  order=(one two)
  ((round % 2)) || order=(two one)
  for n in "${order[@]}"; do
    measure "nodes_$n" "$one_pid" "$CONNECTIONS" "$url$list_path" -H "$auth" -s "$tmp/$n.lua"
    if [[ $n == one ]]; then n1_l+=("$rps"); else n2_l+=("$rps"); fi
    measure "nodes_$n" "$one_pid" "$CONNECTIONS" "$url$get_path" -H "$auth" -s "$tmp/$n.lua"
    if [[ $n == one ]]; then n1_g+=("$rps"); else n2_g+=("$rps"); fi
  done
  n_l+=("$(ratio "${n2_l[-1]}" "${n1_l[-1]}")") n_g+=("$(ratio "${n2_g[-1]}" "${n1_g[-1]}")")
done
unset WRK_THREADS
echo

row() { printf '%-6s %9s %9s %7s  %9s %9s %7s %7s  %9s %9s %7s %7s\n' "$@" | sed 's/ *$//'; }
echo "a. GET list (size=100) vs the raw libpq keyset query, req/s"
row "" "reseller" "page 1" "" "page $DEEP_PAGE" "" "" "" "all, page" "$ALL_DEEP_PAGE" "" ""
row round csphub raw ratio csphub raw ratio "vs p1" csphub raw ratio "vs p1"
for ((i = 0; i < ROUNDS; i++)); do
  row "$((i + 1))" "${l_rps[i]}" "${l_qps[i]}" "${l_ratio[i]}" "${d_rps[i]}" "${d_qps[i]}" \
    "${d_ratio[i]}" "${d_vs[i]}" "${a_rps[i]}" "${a_qps[i]}" "${a_ratio[i]}" "${a_vs[i]}"
done
m() { median "$@"; }
row median "$(m %.1f "${l_rps[@]}")" "$(m %.1f "${l_qps[@]}")" "$(m %.3f "${l_ratio[@]}")" \
  "$(m %.1f "${d_rps[@]}")" "$(m %.1f "${d_qps[@]}")" "$(m %.3f "${d_ratio[@]}")" \
  "$(m %.3f "${d_vs[@]}")" "$(m %.1f "${a_rps[@]}")" "$(m %.1f "${a_qps[@]}")" \
  "$(m %.3f "${a_ratio[@]}")" "$(m %.3f "${a_vs[@]}")"
echo "csphub CPU us/request on page 1 (median, its own process only): $(m %.1f "${l_cpu[@]}")"
echo
echo "b. GET /v1/customers/{id} vs the raw libpq statement, req/s"
row3() { printf '%-6s %10s %10s %7s %9s\n' "$@"; }
row3 round csphub raw ratio "us/req"
for ((i = 0; i < ROUNDS; i++)); do
  row3 "$((i + 1))" "${g_rps[i]}" "${g_qps[i]}" "${g_ratio[i]}" "${g_cpu[i]}"
done
row3 median "$(m %.1f "${g_rps[@]}")" "$(m %.1f "${g_qps[@]}")" "$(m %.3f "${g_ratio[@]}")" \
  "$(m %.2f "${g_cpu[@]}")"
echo
echo "c. two nodes vs one (wrk -t2 -c$CONNECTIONS), req/s"
row4() { printf '%-6s %10s %10s %7s  %10s %10s %7s\n' "$@"; }
row4 "" "list" "" "" "get" "" ""
row4 round "1 node" "2 nodes" ratio "1 node" "2 nodes" ratio
for ((i = 0; i < ROUNDS; i++)); do
  row4 "$((i + 1))" "${n1_l[i]}" "${n2_l[i]}" "${n_l[i]}" "${n1_g[i]}" "${n2_g[i]}" "${n_g[i]}"
done
row4 median "$(m %.1f "${n1_l[@]}")" "$(m %.1f "${n2_l[@]}")" "$(m %.3f "${n_l[@]}")" \
  "$(m %.1f "${n1_g[@]}")" "$(m %.1f "${n2_g[@]}")" "$(m %.3f "${n_g[@]}")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "RESULT pg seed ${seed_line#seed }"
printf 'RESULT pg list csphub_rps=%s raw_qps=%s ratio=%s\n' \
  "$(m %.1f "${l_rps[@]}")" "$(m %.1f "${l_qps[@]}")" "$(m %.3f "${l_ratio[@]}")"
printf 'RESULT pg list_deep page=%d csphub_rps=%s raw_qps=%s ratio=%s vs_page1=%s\n' \
  "$DEEP_PAGE" "$(m %.1f "${d_rps[@]}")" "$(m %.1f "${d_qps[@]}")" "$(m %.3f "${d_ratio[@]}")" \
  "$(m %.3f "${d_vs[@]}")"
printf 'RESULT pg list_all_deep page=%d csphub_rps=%s raw_qps=%s ratio=%s vs_page1=%s\n' \
  "$ALL_DEEP_PAGE" "$(m %.1f "${a_rps[@]}")" "$(m %.1f "${a_qps[@]}")" "$(m %.3f "${a_ratio[@]}")" \
  "$(m %.3f "${a_vs[@]}")"
printf 'RESULT pg get csphub_rps=%s raw_qps=%s ratio=%s\n' \
  "$(m %.1f "${g_rps[@]}")" "$(m %.1f "${g_qps[@]}")" "$(m %.3f "${g_ratio[@]}")"
printf 'RESULT pg nodes_list one_rps=%s two_rps=%s ratio=%s\n' \
  "$(m %.1f "${n1_l[@]}")" "$(m %.1f "${n2_l[@]}")" "$(m %.3f "${n_l[@]}")"
printf 'RESULT pg nodes_get one_rps=%s two_rps=%s ratio=%s\n' \
  "$(m %.1f "${n1_g[@]}")" "$(m %.1f "${n2_g[@]}")" "$(m %.3f "${n_g[@]}")"
