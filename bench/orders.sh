#!/usr/bin/env bash
# Durable orders (issue 4), in one run: POST /v1/customers/{id}/orders with one line item (one
# customer; each order writes the order, its line, one subscription, its first timeline event
# and an audit record, in one transaction committed with synchronous=FULL before the 201),
# against the raw SQLite rate of durable single-row commits on the same disk
# (bench/sqlite_commit.cpp: the server's pragmas, BEGIN IMMEDIATE; INSERT; COMMIT, one thread).
# The ratio is what the goal is about: the work an order adds on top of the fsync it must wait
# for.
#
#   bench/orders.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Environment:
#   DURATION=10     seconds per measurement            ROUNDS=3     interleaved rounds
#   WARMUP=2        seconds of wrk before each measurement
#   HALT_POLL_NS=200000  idle vCPUs poll this long before halting (0: halt at once), restored
#                   at exit; why in bench/_common.sh (idle_policy_begin)
#   CONNECTIONS=8   wrk connections (one wrk thread): partners' tools send orders in parallel
#   SERVER_CPU=0    the core csphub (and the raw SQLite loop) is pinned to
#   CLIENT_CPU=1    the core wrk is pinned to
#   BIN_DIR=build/bin   where csphub and csphub_bench_sqlite_commit are
#   DATA_DIR=bench/.data  where the two databases are written (a real disk: /tmp may be tmpfs,
#                   where fsync costs nothing); both are deleted afterwards
#
# csphub runs with its default config except: rate_limits orders=0 (the default 500 requests
# per minute per tenant would answer 429). CSPHUB_* variables in the environment reach it.
#
# Output: a table, then
#   RESULT orders durable csphub_rps=... sqlite_commits_per_s=... ratio=...  (median per-round ratio)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=orders
# shellcheck source=bench/_common.sh
source "$ROOT/bench/_common.sh"

BIN_DIR=${BIN_DIR:-$ROOT/build/bin}
CSPHUB=${CSPHUB:-$BIN_DIR/csphub}
RAW=$BIN_DIR/csphub_bench_sqlite_commit
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-8}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
DATA_DIR=${DATA_DIR:-$ROOT/bench/.data}

check_setup "taskset wrk curl" "$CSPHUB $RAW" DURATION ROUNDS WARMUP CONNECTIONS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csphub-bench.XXXXXX")
mkdir -p "$DATA_DIR"
work=$(mktemp -d "$DATA_DIR/orders.XXXXXX")
csphub_pid=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  idle_policy_end
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true
  [[ -z $csphub_pid ]] || stop_server csphub "$csphub_pid" TERM
  if [[ $rc -ne 0 && -s $tmp/csphub.log ]]; then
    echo "--- last lines of csphub.log:" >&2
    tail -n 20 "$tmp/csphub.log" >&2
  fi
  rm -rf "$tmp" "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
idle_policy_begin

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; idle policy: $idle_policy"
echo "disk: $(df -h "$DATA_DIR" | awk 'NR == 2 { print $1 " (" $2 ")" }') for $work"

# --- the server, with the demo data --------------------------------------------------------------
export CSPHUB_RATE_LIMITS=${CSPHUB_RATE_LIMITS:-orders=0}
export CSPHUB_TOKEN_TTL_SECONDS=${CSPHUB_TOKEN_TTL_SECONDS:-86400}
port=$(free_port)
url=http://127.0.0.1:$port
taskset -c "$SERVER_CPU" "$CSPHUB" serve --demo --database "$work/csphub.sqlite" \
  --listen "127.0.0.1:$port" >"$tmp/csphub.log" 2>&1 &
csphub_pid=$!
wait_ready csphub "$csphub_pid" "$url/healthz" "$tmp/ready"

# The provider's app (App-only token), credentials from `csphub demo-credentials`.
"$CSPHUB" demo-credentials --output json >"$tmp/creds.json" || die "csphub demo-credentials failed"
json_nth() { grep -o "\"$1\":\"[^\"]*\"" "$tmp/creds.json" | sed -n "$2p" | sed 's/^[^:]*:"//; s/"$//'; }
provider=$(json_nth tenantId 1)
client_id=$(json_nth clientId 2) # [1] is the operator's
client_secret=$(json_nth clientSecret 2)
token=$(curl -sS --max-time 30 -X POST "$url/$provider/oauth2/v2.0/token" \
  --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$client_id" \
  --data-urlencode "client_secret=$client_secret" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4)
[[ -n $token ]] || die "could not get the provider's token"
auth="Authorization: Bearer $token"

first_order "$url" "$auth"
orders_url=$url$orders_path
cat >"$tmp/post.lua" <<EOF
wrk.method = "POST"
wrk.body = '$order'
wrk.headers["Content-Type"] = "application/json"
EOF

echo "csphub: $CSPHUB (pid $csphub_pid) on $url, default config +" \
  "$(env | grep '^CSPHUB_' | grep -v TOKEN | sort | paste -sd ' ')"
echo "order:  POST $orders_path  (one line item: one subscription)"
echo "pinning: csphub and the raw SQLite loop on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU;" \
  "wrk -t1 -c$CONNECTIONS; ${DURATION}s each after ${WARMUP}s of warm-up; $ROUNDS rounds"
echo

declare -a c_rps c_p99 c_cpu r_cps ratios
for ((round = 1; round <= ROUNDS; round++)); do
  [[ -z ${STRACE:-} ]] || { strace -f -c -e trace=fsync,fdatasync -p "$csphub_pid" -o "$tmp/strace.txt" & strace_pid=$!; sleep 0.5; }
  measure orders "$csphub_pid" "$CONNECTIONS" "$orders_url" -H "$auth" -s "$tmp/post.lua"
  c_rps+=("$rps") c_p99+=("$p99_ms") c_cpu+=("$cpu_us")
  line=$(taskset -c "$SERVER_CPU" "$RAW" --database "$work/raw.sqlite" --seconds "$DURATION") ||
    die "the raw SQLite loop failed"
  cps=$(sed 's/.*commits_per_s=\([0-9.]*\).*/\1/' <<<"$line")
  r_cps+=("$cps") ratios+=("$(ratio "$rps" "$cps")")
  printf 'round %d: csphub %8.1f orders/s (p99 %s ms, %s µs CPU/order)  raw SQLite %8.1f commits/s  ratio %s\n' \
    "$round" "$rps" "$p99_ms" "$cpu_us" "$cps" "${ratios[-1]}"
done

# Every order answered 201 (measure dies on any other status); check they are all there.
status=$(http_get "$url${orders_path%/orders}/subscriptions" "$tmp/subs" -H "$auth")
[[ $status == 200 ]] || die "listing the subscriptions answered $status"
echo "subscriptions on record afterwards: $(grep -o '"totalCount":[0-9]*' "$tmp/subs.body" | head -n 1 | cut -d: -f2)"

echo
echo "RESULT orders durable csphub_rps=$(median %.1f "${c_rps[@]}")" \
  "sqlite_commits_per_s=$(median %.1f "${r_cps[@]}") ratio=$(median %.3f "${ratios[@]}")" \
  "p99_ms=$(median %.3f "${c_p99[@]}") cpu_us=$(median %.1f "${c_cpu[@]}")"
