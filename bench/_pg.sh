# shellcheck shell=bash
# Helpers of the PostgreSQL benchmarks (sourced by bench/pg_customers.sh and bench/pg_orders.sh
# after _common.sh; bench/run.sh skips files starting with "_"): a throwaway cluster with real
# commits pinned to the server core, csphub nodes on it, the demo provider's tokens, and wrk
# spread over several nodes.
#
# The sourcing script sets ROOT, tmp, SERVER_CPU, CLIENT_CPU and CSPHUB, and sets
# pg_bench_cleanup as its EXIT trap.

# start_pg_cluster: a cluster from scripts/pg-cluster.sh, with fsync and full-page writes on
# (the tests' cluster has them off), in a data directory under /tmp (a real disk here: check
# with df; on tmpfs a commit costs no flush), its postmaster and every backend pinned to
# SERVER_CPU: the database shares the server's core, so csphub and the raw libpq loop each get
# one core for themselves plus PostgreSQL. Sets pg_url.
start_pg_cluster() {
  PG_OPTIONS="-c fsync=on -c full_page_writes=on -c shared_buffers=256MB ${PG_BENCH_OPTIONS:-}" \
    taskset -c "$SERVER_CPU" "$ROOT/scripts/pg-cluster.sh" start "$tmp/pg" >/dev/null ||
    die "could not start a PostgreSQL cluster"
  pg_url=$(cat "$tmp/pg/url")
  echo "postgresql: $pg_url ($(/usr/lib/postgresql/15/bin/postgres --version | awk '{ print $3 }')," \
    "fsync on, synchronous_commit on, shared_buffers 256MB, data in $(cat "$tmp/pg/cluster") on" \
    "$(df -h "$(cat "$tmp/pg/cluster")" | awk 'NR == 2 { print $1 }'); pinned to CPU $SERVER_CPU)"
}

# The EXIT trap of both scripts: stops wrk, the nodes and the cluster; shows the nodes' last log
# lines when the script failed.
node_pids=()
pg_bench_cleanup() {
  local rc=$? pid log
  trap - EXIT INT TERM
  idle_policy_end
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true
  for pid in "${node_pids[@]}"; do stop_server csphub "$pid" TERM; done
  [[ ! -d $tmp/pg ]] || "$ROOT/scripts/pg-cluster.sh" stop "$tmp/pg"
  if [[ $rc -ne 0 ]]; then
    for log in "$tmp"/node-*.log; do
      [[ -s $log ]] || continue
      echo "--- last lines of $(basename "$log"):" >&2
      tail -n 20 "$log" >&2
    done
  fi
  rm -rf "$tmp"
  exit "$rc"
}

# start_node NAME [SERVE ARGS...]: csphub serve on pg_url, pinned to SERVER_CPU; appends its PID
# to node_pids and sets started_url.
start_node() {
  local name=$1 port
  shift
  port=$(free_port)
  taskset -c "$SERVER_CPU" "$CSPHUB" serve --database "$pg_url" --listen "127.0.0.1:$port" "$@" \
    >"$tmp/$name.log" 2>&1 &
  node_pids+=("$!")
  started_url=http://127.0.0.1:$port
  wait_ready "$name" "$!" "$started_url/healthz" "$tmp/$name"
}

# demo_token BASE_URL GRANT: an access token of the demo provider, from `csphub
# demo-credentials`: GRANT password (its Global admin, App+User) or client_credentials (its app).
demo_token() {
  local url=$1 grant=$2 creds=$tmp/creds.json
  [[ -s $creds ]] || "$CSPHUB" demo-credentials --output json >"$creds" ||
    die "csphub demo-credentials failed"
  json_nth() { grep -o "\"$1\":\"[^\"]*\"" "$creds" | sed -n "$2p" | sed 's/^[^:]*:"//; s/"$//'; }
  local args=(--data-urlencode "grant_type=$grant" --data-urlencode "client_id=$(json_nth clientId 2)"
    --data-urlencode "client_secret=$(json_nth clientSecret 2)") # [1] is the operator's app
  if [[ $grant == password ]]; then
    args+=(--data-urlencode "username=$(json_nth userPrincipalName 1)"
      --data-urlencode "password=$(json_nth password 1)")
  fi
  curl -sS --max-time 30 -X POST "$url/$(json_nth tenantId 1)/oauth2/v2.0/token" "${args[@]}" |
    grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}

# nodes_script OUT "HOST:PORT ..." [LUA...]: a wrk script whose threads connect to the given
# nodes, thread i to node i mod N (run wrk with -t a multiple of N), plus the given Lua lines
# (method, body). The URL wrk is given then only supplies the path and the Host header.
nodes_script() {
  local out=$1 nodes=$2 node
  shift 2
  {
    printf '%s\n' "$@"
    printf 'local wanted = {'
    for node in $nodes; do printf '"%s", ' "$node"; done
    printf '}\n'
    cat <<'LUA'
local nodes, next_thread = {}, 0
function setup(thread)
  if #nodes == 0 then
    for _, hostport in ipairs(wanted) do
      local host, port = hostport:match("^(.*):(%d+)$")
      table.insert(nodes, wrk.lookup(host, port)[1])
    end
  end
  thread.addr = nodes[(next_thread % #nodes) + 1]
  next_thread = next_thread + 1
end
LUA
  } >"$out"
}
