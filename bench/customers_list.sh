#!/usr/bin/env bash
# The customer list at 1M customers (issue 3), in one run:
#  a. GET /v1/customers?size=100 filtered by one reseller (the provider's token), against the
#     raw SQLite rate of the same keyset query (bench/sqlite_list.cpp: same SQL, same binding,
#     every column read, one thread on the server's core), on page 1 and on deep pages (the
#     reseller's page DEEP_PAGE, and page ALL_DEEP_PAGE of the provider's unfiltered list);
#  b. the same list's p50/p99 latency at 10k and at 1M customers (two databases), and the
#     growth p99(1M)/p99(10k); the query plans are printed and must use the indexes;
#  c. GET /v1/customers/{id} from csphub against nginx serving the same bytes as a static file.
#
#   bench/customers_list.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Environment:
#   DURATION=10     seconds per measurement            ROUNDS=3     interleaved rounds
#   WARMUP=2        seconds of wrk before each measurement
#   HALT_POLL_NS=200000  idle vCPUs poll this long before halting (0: halt at once), restored
#                   at exit; why in bench/_common.sh (idle_policy_begin)
#   CONNECTIONS=64  wrk connections for the req/s runs (one wrk thread)
#   LATENCY_CONNECTIONS=1  wrk connections for the latency runs (1: no queueing; latency is
#                   the server's time per request plus the loopback round trip)
#   SERVER_CPU=0    the core every server (and the raw SQLite loop) is pinned to
#   CLIENT_CPU=1    the core wrk is pinned to
#   BIN_DIR=build/bin   where csphub, csphub_bench_seed, csphub_bench_sqlite_list are
#   CUSTOMERS=1000000 SMALL_CUSTOMERS=10000 RESELLERS=100   the two databases
#   DATA_DIR=bench/.data  where they are written (gitignored; 2.4 GB for 1M customers)
#   REUSE_DATA=0    1: use the databases already in DATA_DIR (no seed RESULT line then)
#   DEEP_PAGE=91    the reseller's deep page (1M/100 resellers = 100 pages of 100)
#   ALL_DEEP_PAGE=501  the deep page of the unfiltered list
#
# csphub runs with its default config except: threads=1 (one io thread for its one core, as in
# http_vs_nginx.sh) and rate_limits customers=0 (the default 500 requests/minute per tenant
# would answer 429 after the first 500 requests). CSPHUB_* variables in the environment reach it.
#
# Output: tables, then lines for scripts (ratios: median of the per-round ratios):
#   RESULT customers seed customers=... customers_per_s=... seconds=...
#   RESULT customers list csphub_rps=... sqlite_qps=... ratio=...           (page 1)
#   RESULT customers list_deep page=... csphub_rps=... sqlite_qps=... ratio=... vs_page1=...
#   RESULT customers list_all_deep page=... csphub_rps=... sqlite_qps=... ratio=...
#   RESULT customers latency p50_10k_ms=... p99_10k_ms=... p50_1m_ms=... p99_1m_ms=...
#          growth=... growth_inverse=...                    (growth = p99(1M) / p99(10k))
#   RESULT customers get csphub_rps=... nginx_rps=... ratio=...
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=customers_list
# shellcheck source=bench/_common.sh
source "$ROOT/bench/_common.sh"

BIN_DIR=${BIN_DIR:-$ROOT/build/bin}
CSPHUB=${CSPHUB:-$BIN_DIR/csphub}
SEED=$BIN_DIR/csphub_bench_seed
RAW=$BIN_DIR/csphub_bench_sqlite_list
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-64}
LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS:-1}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
CUSTOMERS=${CUSTOMERS:-1000000}
SMALL_CUSTOMERS=${SMALL_CUSTOMERS:-10000}
RESELLERS=${RESELLERS:-100}
DATA_DIR=${DATA_DIR:-$ROOT/bench/.data}
REUSE_DATA=${REUSE_DATA:-0}
DEEP_PAGE=${DEEP_PAGE:-91}
ALL_DEEP_PAGE=${ALL_DEEP_PAGE:-501}

check_setup "taskset wrk nginx curl" "$CSPHUB $SEED $RAW" DURATION ROUNDS WARMUP CONNECTIONS \
  LATENCY_CONNECTIONS CUSTOMERS SMALL_CUSTOMERS RESELLERS DEEP_PAGE ALL_DEEP_PAGE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csphub-bench.XXXXXX")
big_pid=
small_pid=
nginx_pid=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  idle_policy_end
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true
  [[ -z $big_pid ]] || stop_server csphub-1m "$big_pid" TERM
  [[ -z $small_pid ]] || stop_server csphub-10k "$small_pid" TERM
  [[ -z $nginx_pid ]] || stop_server nginx "$nginx_pid" QUIT
  if [[ $rc -ne 0 ]]; then
    for log in "$tmp"/csphub-1m.log "$tmp"/csphub-10k.log "$tmp"/nginx-error.log; do
      [[ -s $log ]] || continue
      echo "--- last lines of $(basename "$log"):" >&2
      tail -n 20 "$log" >&2
    done
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
idle_policy_begin

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; idle policy: $idle_policy"

# --- the databases ---------------------------------------------------------------------------
mkdir -p "$DATA_DIR"
big_db=$DATA_DIR/customers-$CUSTOMERS.sqlite
small_db=$DATA_DIR/customers-$SMALL_CUSTOMERS.sqlite
seed_line=
if [[ $REUSE_DATA == 1 && -f $big_db && -f $small_db ]]; then
  echo "databases: reusing $big_db and $small_db (REUSE_DATA=1)"
else
  "$SEED" --database "$small_db" --customers "$SMALL_CUSTOMERS" --resellers "$RESELLERS" \
    --force >"$tmp/seed-small.txt" || die "generating $small_db failed"
  echo "generating $CUSTOMERS customers over $RESELLERS resellers in $big_db ..."
  "$SEED" --database "$big_db" --customers "$CUSTOMERS" --resellers "$RESELLERS" --force \
    >"$tmp/seed-big.txt" || die "generating $big_db failed"
  seed_line=$(grep '^seed ' "$tmp/seed-big.txt")
  echo "$seed_line ($(du -h "$big_db" | cut -f1))"
fi

provider=11111111-1111-4111-8111-111111111111
reseller=5e110000-0000-4000-8000-000000000001 # the generator's first reseller
filter=$(printf '{"Field":"IndirectReseller","Value":"%s","Operator":"starts_with"}' "$reseller")
filter_q=$(printf '%s' "$filter" | sed 's/{/%7B/g; s/}/%7D/g; s/"/%22/g; s/:/%3A/g; s/,/%2C/g')
list_path="/v1/customers?size=100&filter=$filter_q"

# --- query plans: every list query must be one index range that starts at the cursor ----------
check_plans "$RAW" "$big_db" "$provider" "--field reseller --value $reseller" "--field none"

# --- the servers -----------------------------------------------------------------------------
export CSPHUB_THREADS=${CSPHUB_THREADS:-1}
export CSPHUB_RATE_LIMITS=${CSPHUB_RATE_LIMITS:-customers=0}
export CSPHUB_TOKEN_TTL_SECONDS=${CSPHUB_TOKEN_TTL_SECONDS:-86400}
start_csphub() { # start_csphub NAME DB: sets started_pid and started_url
  local name=$1 db=$2 port
  port=$(free_port)
  taskset -c "$SERVER_CPU" "$CSPHUB" serve --database "$db" --listen "127.0.0.1:$port" \
    >"$tmp/$name.log" 2>&1 &
  started_pid=$!
  started_url=http://127.0.0.1:$port
  wait_ready "$name" "$started_pid" "$started_url/healthz" "$tmp/$name"
}
start_csphub csphub-1m "$big_db"
big_pid=$started_pid big_url=$started_url
start_csphub csphub-10k "$small_db"
small_pid=$started_pid small_url=$started_url

# The provider's Global admin (App+User token), credentials from `csphub demo-credentials`.
"$CSPHUB" demo-credentials --output json >"$tmp/creds.json" 2>/dev/null ||
  "$CSPHUB" demo-credentials >"$tmp/creds.json" ||
  die "csphub demo-credentials failed"
json_nth() { grep -o "\"$1\":\"[^\"]*\"" "$tmp/creds.json" | sed -n "$2p" | sed 's/^[^:]*:"//; s/"$//'; }
client_id=$(json_nth clientId 2) # [1] is the operator's
client_secret=$(json_nth clientSecret 2)
username=$(json_nth userPrincipalName 1)
password=$(json_nth password 1)
token_for() { # token_for BASE_URL
  curl -sS --max-time 30 -X POST "$1/$provider/oauth2/v2.0/token" \
    --data-urlencode grant_type=password --data-urlencode "client_id=$client_id" \
    --data-urlencode "client_secret=$client_secret" --data-urlencode "username=$username" \
    --data-urlencode "password=$password" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
big_token=$(token_for "$big_url")
small_token=$(token_for "$small_url")
[[ -n $big_token && -n $small_token ]] || die "could not get the provider's tokens"
big_auth="Authorization: Bearer $big_token"
small_auth="Authorization: Bearer $small_token"

# Page 1 of the reseller's list, and the sanity checks: 100 items, the same first row as the raw
# query's.
status=$(http_get "$big_url$list_path" "$tmp/page1" -H "$big_auth")
[[ $status == 200 ]] || die "the list answered $status: $(head -c 300 "$tmp/page1.body")"
[[ $(items "$tmp/page1.body") == 100 ]] || die "page 1 does not hold 100 customers"
status=$(http_get "$small_url$list_path" "$tmp/small1" -H "$small_auth")
[[ $status == 200 && $(items "$tmp/small1.body") == 100 ]] ||
  die "the 10k list answered $status with $(items "$tmp/small1.body") items"
deep_token=$(walk "$big_url" "$big_auth" "$list_path" "$DEEP_PAGE")
all_path="/v1/customers?size=100"
all_token=$(walk "$big_url" "$big_auth" "$all_path" "$ALL_DEEP_PAGE")
http_get "$big_url/v1/customers" "$tmp/deep" -H "$big_auth" -H "MS-ContinuationToken: $deep_token" >/dev/null
http_get "$big_url/v1/customers" "$tmp/alldeep" -H "$big_auth" -H "MS-ContinuationToken: $all_token" >/dev/null

# One customer of the reseller, for GET /v1/customers/{id}, and nginx serving its bytes.
customer_id=$(first_id "$tmp/page1.body")
get_path=/v1/customers/$customer_id
status=$(http_get "$big_url$get_path" "$tmp/get" -H "$big_auth")
[[ $status == 200 ]] || die "GET $get_path answered $status"
start_nginx "$tmp/get.body" "$get_path"

echo "csphub: $CSPHUB, pids $big_pid (1M: $big_url) and $small_pid (10k: $small_url)," \
  "default config + $(env | grep '^CSPHUB_' | grep -v TOKEN | sort | paste -sd ' ')"
echo "nginx:  $(nginx -v 2>&1 | sed 's/^nginx version: //') (pid $nginx_pid) on $nginx_url"
echo "list:   GET $list_path  ($(wc -c <"$tmp/page1.body") bytes, 100 items)"
echo "get:    GET $get_path  ($(wc -c <"$tmp/get.body") bytes; nginx serves the same bytes)"
echo "pinning: servers and the raw SQLite loop on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU;" \
  "req/s: wrk -t1 -c$CONNECTIONS, latency: wrk -t1 -c$LATENCY_CONNECTIONS;" \
  "${DURATION}s each after ${WARMUP}s of warm-up; $ROUNDS rounds"
echo

# raw_rate ARGS...: the raw query's rate on the server core. Sets qps and raw_first.
raw_rate() {
  local line
  line=$(taskset -c "$SERVER_CPU" "$RAW" --database "$big_db" --partner "$provider" \
    --seconds "$DURATION" "$@") || die "the raw SQLite loop failed"
  qps=$(sed 's/.*queries_per_s=\([0-9.]*\).*/\1/' <<<"$line")
  raw_first=$(sed 's/.*first_id=\([^ ]*\).*/\1/' <<<"$line")
}

# --- measure ---------------------------------------------------------------------------------
declare -a l_rps l_qps l_ratio l_cpu d_rps d_qps d_ratio d_vs a_rps a_qps a_ratio
declare -a s_p50 s_p99 b_p50 b_p99 growth g_rps n_rps g_ratio g_cpu n_cpu n_core
for ((round = 1; round <= ROUNDS; round++)); do
  # a. page 1, then the deep pages, each against the raw query at the same position.
  measure list "$big_pid" "$CONNECTIONS" "$big_url$list_path" -H "$big_auth"
  l_rps+=("$rps") l_cpu+=("$cpu_us")
  raw_rate --field reseller --value "$reseller"
  [[ $raw_first == $(first_id "$tmp/page1.body") ]] || die "raw page 1 starts elsewhere"
  l_qps+=("$qps") l_ratio+=("$(ratio "${l_rps[-1]}" "$qps")")

  measure list_deep "$big_pid" "$CONNECTIONS" "$big_url/v1/customers" -H "$big_auth" \
    -H "MS-ContinuationToken: $deep_token"
  d_rps+=("$rps")
  raw_rate --field reseller --value "$reseller" --skip-pages $((DEEP_PAGE - 1))
  [[ $raw_first == $(first_id "$tmp/deep.body") ]] || die "raw page $DEEP_PAGE starts elsewhere"
  d_qps+=("$qps") d_ratio+=("$(ratio "${d_rps[-1]}" "$qps")")
  d_vs+=("$(ratio "${d_rps[-1]}" "${l_rps[-1]}")")

  measure list_all_deep "$big_pid" "$CONNECTIONS" "$big_url/v1/customers" -H "$big_auth" \
    -H "MS-ContinuationToken: $all_token"
  a_rps+=("$rps")
  raw_rate --field none --skip-pages $((ALL_DEEP_PAGE - 1))
  [[ $raw_first == $(first_id "$tmp/alldeep.body") ]] ||
    die "raw page $ALL_DEEP_PAGE of the unfiltered list starts elsewhere"
  a_qps+=("$qps") a_ratio+=("$(ratio "${a_rps[-1]}" "$qps")")

  # b. latency of the same list, 10k then 1M customers (alternating which goes first).
  order=(small big)
  ((round % 2)) || order=(big small)
  for s in "${order[@]}"; do
    if [[ $s == small ]]; then
      measure latency_10k "$small_pid" "$LATENCY_CONNECTIONS" "$small_url$list_path" \
        -H "$small_auth"
      s_p50+=("$p50_ms") s_p99+=("$p99_ms")
    else
      measure latency_1m "$big_pid" "$LATENCY_CONNECTIONS" "$big_url$list_path" -H "$big_auth"
      b_p50+=("$p50_ms") b_p99+=("$p99_ms")
    fi
  done
  growth+=("$(ratio "${b_p99[-1]}" "${s_p99[-1]}")")

  # c. one customer: csphub, nginx (alternating which goes first).
  order=(csphub nginx)
  ((round % 2)) || order=(nginx csphub)
  for s in "${order[@]}"; do
    if [[ $s == csphub ]]; then
      measure get "$big_pid" "$CONNECTIONS" "$big_url$get_path" -H "$big_auth"
      g_rps+=("$rps") g_cpu+=("$cpu_us")
    else
      measure nginx "$nginx_pid" "$CONNECTIONS" "$nginx_url"
      n_rps+=("$rps") n_cpu+=("$cpu_us") n_core+=("$core_pct")
    fi
  done
  g_ratio+=("$(ratio "${g_rps[-1]}" "${n_rps[-1]}")")
  echo "round $round done ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
echo

row() { printf '%-6s %10s %10s %7s  %10s %10s %7s %7s  %10s %10s %7s\n' "$@" | sed 's/ *$//'; }
echo "a. GET list (reseller filter, size=100) vs the raw SQLite keyset query, req/s"
row "" "page 1" "" "" "page $DEEP_PAGE" "" "" "" "all, page $ALL_DEEP_PAGE" "" ""
row round csphub sqlite ratio csphub sqlite ratio "vs p1" csphub sqlite ratio
for ((i = 0; i < ROUNDS; i++)); do
  row "$((i + 1))" "${l_rps[i]}" "${l_qps[i]}" "${l_ratio[i]}" "${d_rps[i]}" "${d_qps[i]}" \
    "${d_ratio[i]}" "${d_vs[i]}" "${a_rps[i]}" "${a_qps[i]}" "${a_ratio[i]}"
done
m_l_rps=$(median %.1f "${l_rps[@]}") m_l_qps=$(median %.1f "${l_qps[@]}")
m_l_ratio=$(median %.3f "${l_ratio[@]}")
m_d_rps=$(median %.1f "${d_rps[@]}") m_d_qps=$(median %.1f "${d_qps[@]}")
m_d_ratio=$(median %.3f "${d_ratio[@]}") m_d_vs=$(median %.3f "${d_vs[@]}")
m_a_rps=$(median %.1f "${a_rps[@]}") m_a_qps=$(median %.1f "${a_qps[@]}")
m_a_ratio=$(median %.3f "${a_ratio[@]}")
row median "$m_l_rps" "$m_l_qps" "$m_l_ratio" "$m_d_rps" "$m_d_qps" "$m_d_ratio" "$m_d_vs" \
  "$m_a_rps" "$m_a_qps" "$m_a_ratio"
echo "csphub CPU us/request on page 1 (median): $(median %.1f "${l_cpu[@]}")"
echo
echo "b. latency of the same list (page 1), wrk -c$LATENCY_CONNECTIONS, ms"
row2() { printf '%-6s %9s %9s %9s %9s %8s\n' "$@"; }
row2 round "p50 10k" "p99 10k" "p50 1M" "p99 1M" growth
for ((i = 0; i < ROUNDS; i++)); do
  row2 "$((i + 1))" "${s_p50[i]}" "${s_p99[i]}" "${b_p50[i]}" "${b_p99[i]}" "${growth[i]}"
done
m_s_p50=$(median %.3f "${s_p50[@]}") m_s_p99=$(median %.3f "${s_p99[@]}")
m_b_p50=$(median %.3f "${b_p50[@]}") m_b_p99=$(median %.3f "${b_p99[@]}")
m_growth=$(median %.3f "${growth[@]}")
row2 median "$m_s_p50" "$m_s_p99" "$m_b_p50" "$m_b_p99" "$m_growth"
echo "growth: p99(1M) / p99(10k) within a round."
echo
echo "c. GET /v1/customers/{id}: csphub vs nginx (the same bytes, a static file), req/s"
row3() { printf '%-6s %10s %10s %7s %9s %9s %7s\n' "$@"; }
row3 round csphub nginx ratio "us/req c" "us/req n" "core n"
for ((i = 0; i < ROUNDS; i++)); do
  row3 "$((i + 1))" "${g_rps[i]}" "${n_rps[i]}" "${g_ratio[i]}" "${g_cpu[i]}" "${n_cpu[i]}" \
    "${n_core[i]}%"
done
m_g_rps=$(median %.1f "${g_rps[@]}") m_n_rps=$(median %.1f "${n_rps[@]}")
m_g_ratio=$(median %.3f "${g_ratio[@]}")
row3 median "$m_g_rps" "$m_n_rps" "$m_g_ratio" "$(median %.2f "${g_cpu[@]}")" \
  "$(median %.2f "${n_cpu[@]}")" "$(median %.0f "${n_core[@]}")%"
# nginx serves a static file at a fraction of csphub's cost: if it did not use (nearly) all of
# its core, wrk was the bottleneck (its core shared with something else) and the ratio is
# flattered. Seen in session 7: nginx at 15-18k req/s using 41-47% of its core.
for ((i = 0; i < ROUNDS; i++)); do
  if ((n_core[i] < 85)); then
    echo "WARNING: round $((i + 1)): nginx used ${n_core[i]}% of its core: the client was the" \
      "bottleneck and this round's GET ratio overstates csphub; run on an idle machine" >&2
  fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

if [[ -n $seed_line ]]; then
  echo "RESULT customers seed ${seed_line#seed }"
fi
printf 'RESULT customers list csphub_rps=%.1f sqlite_qps=%.1f ratio=%.3f\n' \
  "$m_l_rps" "$m_l_qps" "$m_l_ratio"
printf 'RESULT customers list_deep page=%d csphub_rps=%.1f sqlite_qps=%.1f ratio=%.3f vs_page1=%.3f\n' \
  "$DEEP_PAGE" "$m_d_rps" "$m_d_qps" "$m_d_ratio" "$m_d_vs"
printf 'RESULT customers list_all_deep page=%d csphub_rps=%.1f sqlite_qps=%.1f ratio=%.3f\n' \
  "$ALL_DEEP_PAGE" "$m_a_rps" "$m_a_qps" "$m_a_ratio"
printf 'RESULT customers latency p50_10k_ms=%.3f p99_10k_ms=%.3f p50_1m_ms=%.3f p99_1m_ms=%.3f growth=%.3f growth_inverse=%.3f\n' \
  "$m_s_p50" "$m_s_p99" "$m_b_p50" "$m_b_p99" "$m_growth" "$(ratio 1 "$m_growth")"
printf 'RESULT customers get csphub_rps=%.1f nginx_rps=%.1f ratio=%.3f\n' \
  "$m_g_rps" "$m_n_rps" "$m_g_ratio"
