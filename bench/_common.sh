# shellcheck shell=bash
# Helpers shared by the bench scripts (sourced by http_vs_nginx.sh and customers_list.sh;
# bench/run.sh skips files starting with "_"): starting and stopping servers by PID, free ports,
# wrk pinned to a core, wrk output parsing, medians, and a private nginx serving one static file.
#
# The sourcing script sets BENCH_NAME (for messages) before sourcing this file, then tmp (a
# private temp dir), SERVER_CPU, CLIENT_CPU, WARMUP, DURATION, optionally http_client (see
# http_get) and round (the current round, named in measure's warnings). Its EXIT trap kills
# wrk_pid if set and stops its servers with stop_server.

die() {
  echo "${BENCH_NAME:-bench}: $*" >&2
  exit 1
}

# Stops one of our servers by its PID: the signal, up to 10 s of grace, then SIGKILL. Sets
# stopped_status to its exit status (128+N when a signal N ended it).
stop_server() {
  local name=$1 pid=$2 sig=$3
  stopped_status=0
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "WARNING: $name (pid $pid) still running 10 s after SIG$sig; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || stopped_status=$?
}

# A port nobody listens on, below the ephemeral range so that wrk's own connections cannot
# collide with it.
free_port() {
  local low p
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  ((low > 11000)) || low=32768
  for _ in $(seq 100); do
    p=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  die "found no free port"
}

# http_get URL OUT [CURL ARGS...]: writes the body to OUT.body and the headers to OUT.headers;
# prints the status. With http_client=bash (set by the sourcing script; curl by default) it
# fetches with bash's /dev/tcp instead, which takes no curl arguments.
http_client=curl
http_get() {
  local url=$1 out=$2
  shift 2
  if [[ $http_client == curl ]]; then
    curl -sS --max-time 10 -D "$out.headers" -o "$out.body" -w '%{http_code}' "$@" "$url" \
      2>/dev/null || true
    return
  fi
  (($# == 0)) || die "http_get: curl arguments ($*) need http_client=curl"
  # Plain bash: HTTP/1.0 so the server answers with a plain body and closes the connection.
  local rest=${url#http://} raw status
  local hostport=${rest%%/*} path=/${rest#*/}
  raw=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
    timeout 10 cat <&3
    echo x # keeps trailing newlines of the body
  ) || true
  raw=${raw%x}
  [[ $raw == *$'\r\n\r\n'* ]] || return 0
  printf '%s\r\n\r\n' "${raw%%$'\r\n\r\n'*}" >"$out.headers"
  printf '%s' "${raw#*$'\r\n\r\n'}" >"$out.body"
  status=${raw#HTTP/* }
  echo "${status%% *}"
}

header() { # header FILE NAME: the value of a response header
  awk -v name="$2" 'BEGIN { FS = ":[ \t]*"; name = tolower(name) }
    tolower($1) == name { sub(/\r$/, "", $2); print $2; exit }' "$1"
}

# wait_ready NAME PID URL OUT: polls URL until it answers 200 (60 s at most: ASan builds are slow
# to start, and a big database takes a moment to open) while checking that the server is alive.
wait_ready() {
  local name=$1 pid=$2 url=$3 out=$4 status
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    status=$(http_get "$url" "$out")
    [[ $status == 200 ]] && return
    [[ $status != 4* ]] || die "$name answered $status on $url"
    sleep 0.1
  done
  die "$name did not answer 200 on $url within 60 s (last status: ${status:-none})"
}

# CPU ticks (utime + stime) used so far by a process and its children (nginx's worker).
cpu_ticks() {
  local pid total=0 f
  for pid in "$1" $(pgrep -P "$1" || true); do
    # Fields 14 and 15 after the "(comm)" field, which may contain spaces.
    f=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a f <<<"$f"
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

to_ms() { # wrk latency (e.g. 460.00us, 2.28ms, 1.01s) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    else if (u != "ms") { print "bad latency unit: " v > "/dev/stderr"; exit 1 }
    printf "%.3f", n }'
}

median() { # median FORMAT VALUE...
  local fmt=$1
  shift
  printf '%s\n' "$@" | sort -g | awk -v fmt="$fmt" '{ v[NR] = $1 } END {
    printf fmt "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { # ratio A B [FORMAT]: A / B
  awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { printf f, (b > 0 ? a / b : 0) }'
}

# wrk pinned to the client core. In the background, so that a signal to the script interrupts
# `wait` at once and the trap stops everything (a foreground wrk would delay it by DURATION).
wrk_pid=
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk "$@" &
  wrk_pid=$!
  wait "$wrk_pid"
  wrk_pid=
}

# measure NAME PID CONNECTIONS URL [WRK ARGS...]: warm-up, then one wrk run with one thread
# (WRK_THREADS threads if set: wrk spreading over several nodes needs one per node).
# Sets rps, p50_ms, p99_ms, cpu_us (server CPU µs per request) and core_pct (server CPU time /
# wall time: about 100 when the server had its core to itself and was the bottleneck).
measure() {
  local name=$1 pid=$2 conns=$3 url=$4 out=$tmp/wrk-$1.txt t0 t1 w0 w1 requests errors
  shift 4
  run_wrk -t"${WRK_THREADS:-1}" -c"$conns" -d"${WARMUP}s" "$@" "$url" >/dev/null
  t0=$(cpu_ticks "$pid")
  w0=$(date +%s%N)
  run_wrk -t"${WRK_THREADS:-1}" -c"$conns" -d"${DURATION}s" --latency "$@" "$url" >"$out"
  w1=$(date +%s%N)
  t1=$(cpu_ticks "$pid")
  kill -0 "$pid" 2>/dev/null || die "$name died during the measurement"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50_ms=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99_ms=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  requests=$(awk '/ requests in / { print $1 }' "$out")
  [[ -n $rps && -n $requests && $requests -gt 0 ]] || { cat "$out" >&2; die "$name: wrk failed"; }
  if grep -q 'Non-2xx' "$out"; then
    cat "$out" >&2
    die "$name answered non-2xx responses; the comparison would be meaningless"
  fi
  errors=$(awk '/Socket errors:/ { sub(/^.*Socket errors: */, ""); print }' "$out")
  [[ -z $errors ]] || echo "WARNING: $name${round:+ round $round}: socket errors: $errors" >&2
  cpu_us=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.2f", d / hz * 1e6 / n }')
  core_pct=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v ns=$((w1 - w0)) \
    'BEGIN { printf "%.0f", d / hz * 1e9 / ns * 100 }')
}

# start_nginx FILE URL_PATH: serves FILE at URL_PATH with one worker pinned to SERVER_CPU, the
# same single core as the server it is compared with (the master only supervises and is idle
# during a measurement); otherwise the config of docs/stack-bench.md: access_log off, sendfile,
# open_file_cache, keepalive_requests 1000000. Sets nginx_pid and nginx_url; checks that it is
# our nginx and that it serves FILE's bytes.
start_nginx() {
  local file=$1 path=$2 port
  mkdir -p "$tmp/www" "$tmp/nginx-temp"
  cp "$file" "$tmp/www/body.json"
  # nginx's worker runs as nobody when we are root: it must be able to read the file.
  chmod 755 "$tmp" "$tmp/www"
  chmod 644 "$tmp/www/body.json"
  port=$(free_port)
  cat >"$tmp/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  sendfile on;
  open_file_cache max=16 inactive=60s;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path $tmp/nginx-temp/body;
  proxy_temp_path $tmp/nginx-temp/proxy;
  fastcgi_temp_path $tmp/nginx-temp/fastcgi;
  uwsgi_temp_path $tmp/nginx-temp/uwsgi;
  scgi_temp_path $tmp/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$port;
    location = $path {
      alias $tmp/www/body.json;
    }
    location / {
      return 404;
    }
  }
}
EOF
  # -e: nginx opens its compiled-in error log before reading the config; keep that in $tmp too.
  taskset -c "$SERVER_CPU" nginx -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx-error.log" \
    >/dev/null 2>&1 &
  nginx_pid=$!
  nginx_url=http://127.0.0.1:$port$path
  wait_ready nginx "$nginx_pid" "$nginx_url" "$tmp/nginx"
  [[ $(header "$tmp/nginx.headers" Server) == nginx* ]] ||
    die "the server on port $port is not our nginx"
  cmp -s "$file" "$tmp/nginx.body" || die "nginx does not serve the same body"
}

# check_setup "TOOL..." "BINARY..." VAR...: dies unless every tool is on the PATH, every binary
# is built, every VAR holds a positive integer, and SERVER_CPU and CLIENT_CPU are two usable CPUs.
check_setup() {
  local tools=$1 bins=$2 tool bin v cpu
  shift 2
  for tool in $tools; do
    command -v "$tool" >/dev/null || die "$tool is not installed (make deps-bench)"
  done
  for bin in $bins; do
    [[ -x $bin ]] || die "$bin does not exist (make build)"
  done
  for v in "$@"; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, not '${!v}'"
  done
  [[ $SERVER_CPU != "$CLIENT_CPU" ]] || die "SERVER_CPU and CLIENT_CPU must differ"
  for cpu in "$SERVER_CPU" "$CLIENT_CPU"; do
    taskset -c "$cpu" true 2>/dev/null || die "cannot pin to CPU $cpu (usable: $(nproc) CPUs)"
  done
}

# The customer list's pages (customers_list.sh, pg_customers.sh).
continuation() { sed -n 's/.*"continuationToken":"\([^"]*\)".*/\1/p' "$1"; }
# (awk reads all its input: `head` would end the pipe early and pipefail would see SIGPIPE.)
first_id() { grep -o '"id":"[^"]*"' "$1" | awk -F'"' 'NR == 1 { print $4 }'; }
items() { grep -o '"totalCount":[0-9]*' "$1" | awk -F: 'NR == 1 { print $2 }'; }

# walk BASE_URL AUTH PATH PAGES: follows continuation tokens PAGES-1 times; prints the token of
# page PAGES.
walk() {
  local url=$1 auth=$2 path=$3 pages=$4 token="" status
  for ((p = 1; p < pages; p++)); do
    if [[ -z $token ]]; then
      status=$(http_get "$url$path" "$tmp/walk" -H "$auth")
    else
      status=$(http_get "$url/v1/customers" "$tmp/walk" -H "$auth" -H "MS-ContinuationToken: $token")
    fi
    [[ $status == 200 ]] || die "page $p of $path answered $status: $(head -c 300 "$tmp/walk.body")"
    token=$(continuation "$tmp/walk.body")
    [[ -n $token ]] || die "$path has only $p pages"
  done
  echo "$token"
}

# first_order BASE_URL AUTH (orders.sh, pg_orders.sh): the provider's own demo customer gets its
# agreement confirmed (no purchase without one) and a first one-line order. Sets order (the
# request body) and orders_path.
first_order() {
  local url=$1 auth=$2 customer=c1111111-0000-4000-8000-000000000003 status
  status=$(http_get "$url/v1/customers/$customer/agreements" "$tmp/mca" -H "$auth" \
    -H 'Content-Type: application/json' -X POST --data \
    '{"primaryContact":{"firstName":"Ann","lastName":"Lee","email":"ann@northwind.example"},"dateAgreed":"2024-01-15"}')
  [[ $status == 201 ]] || die "confirming the agreement answered $status: $(head -c 300 "$tmp/mca.body")"
  order='{"lineItems":[{"offerId":"6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004","quantity":1}]}'
  orders_path=/v1/customers/$customer/orders
  status=$(http_get "$url$orders_path" "$tmp/order" -H "$auth" -H 'Content-Type: application/json' \
    -X POST --data "$order")
  [[ $status == 201 ]] || die "the first order answered $status: $(head -c 300 "$tmp/order.body")"
}

# check_plans RAW DATABASE PARTNER "ARGS"...: each ARGS (split into words) names a list query
# for the raw list loop (sqlite_list/pg_list --explain), which prints its plan and fails if the
# plan scans, sorts or does not start the index range at the cursor.
check_plans() {
  local raw=$1 database=$2 partner=$3 args
  shift 3
  for args in "$@"; do
    # shellcheck disable=SC2086
    if ! "$raw" --database "$database" --partner "$partner" $args --seconds 0 --explain \
      >"$tmp/plan.txt" 2>&1; then
      cat "$tmp/plan.txt" >&2
      die "the list query plan does not use its index as it must (see above)"
    fi
    grep -v '^queries_per_s' "$tmp/plan.txt"
  done
}

# The VM's idle policy while a benchmark runs: HALT_POLL_NS (default 200000; 0 = halt at once).
# On a KVM guest whose cpuidle driver is haltpoll with guest_halt_poll_ns=0, as on the machines
# this project runs on, an idle vCPU halts at once, and waking it costs the waker an exit to the
# hypervisor. Here the waker is the server: its response wakes wrk on the other core. So the
# slower server, which leaves wrk idle more often, pays more per request, for the hypervisor's
# sake: session 7 measured csphub's GET /v1/customers/{id} at ~11k req/s with halting and
# ~16.5k with polling, while nginx stayed at 36-38k either way (perf put 15% of csphub's time
# in waking wrk). A server on a real network never pays its client's wakeups. Polling up to
# HALT_POLL_NS before halting takes that cost out of both sides' measurements. The setting is
# put back when the script exits (idle_policy_end, from its EXIT trap). Where the knob is absent
# or read-only (another hypervisor, not root) nothing changes; idle_policy says which.
HALT_POLL_KNOB=/sys/module/haltpoll/parameters/guest_halt_poll_ns
HALT_POLL_NS=${HALT_POLL_NS:-200000}
halt_poll_saved=
idle_policy="the machine's own (no haltpoll knob)"
idle_policy_begin() {
  [[ $HALT_POLL_NS =~ ^[0-9]+$ ]] || die "HALT_POLL_NS must be a number of nanoseconds"
  [[ -r $HALT_POLL_KNOB ]] || return 0
  local was
  was=$(cat "$HALT_POLL_KNOB")
  if [[ $was != "$HALT_POLL_NS" ]] && ! echo "$HALT_POLL_NS" >"$HALT_POLL_KNOB" 2>/dev/null; then
    idle_policy="haltpoll guest_halt_poll_ns=$was (HALT_POLL_NS=$HALT_POLL_NS not applied: read-only)"
    return 0
  fi
  [[ $was == "$HALT_POLL_NS" ]] || halt_poll_saved=$was
  idle_policy="haltpoll guest_halt_poll_ns=$HALT_POLL_NS (was $was)"
}
idle_policy_end() {
  [[ -z $halt_poll_saved ]] || echo "$halt_poll_saved" >"$HALT_POLL_KNOB" 2>/dev/null || true
  halt_poll_saved=
}
