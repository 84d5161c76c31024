# Helpers shared by the bench scripts (sourced; bench/run.sh skips files starting with "_").
# They are the ones http_vs_nginx.sh defines for itself (copied from it, not moved, so that
# script is unchanged): starting and stopping servers by PID, free ports, wrk pinned to a core,
# wrk output parsing, medians, and a private nginx serving one static file.
#
# The sourcing script sets BENCH_NAME (for messages), tmp (a private temp dir), SERVER_CPU,
# CLIENT_CPU, WARMUP, DURATION, and calls bench_cleanup from its EXIT trap.

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
# prints the status.
http_get() {
  local url=$1 out=$2
  shift 2
  curl -sS --max-time 10 -D "$out.headers" -o "$out.body" -w '%{http_code}' "$@" "$url" \
    2>/dev/null || true
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

# wrk pinned to the client core, in the background so that a signal interrupts `wait` at once.
wrk_pid=
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk "$@" &
  wrk_pid=$!
  wait "$wrk_pid"
  wrk_pid=
}

# measure NAME PID CONNECTIONS URL [WRK ARGS...]: warm-up, then one wrk run with one thread.
# Sets rps, p50_ms, p99_ms, cpu_us (server CPU µs per request) and core_pct (server CPU time /
# wall time: about 100 when the server had its core to itself and was the bottleneck).
measure() {
  local name=$1 pid=$2 conns=$3 url=$4 out=$tmp/wrk-$1.txt t0 t1 w0 w1 requests errors
  shift 4
  run_wrk -t1 -c"$conns" -d"${WARMUP}s" "$@" "$url" >/dev/null
  t0=$(cpu_ticks "$pid")
  w0=$(date +%s%N)
  run_wrk -t1 -c"$conns" -d"${DURATION}s" --latency "$@" "$url" >"$out"
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
  [[ -z $errors ]] || echo "WARNING: $name: socket errors: $errors" >&2
  cpu_us=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.2f", d / hz * 1e6 / n }')
  core_pct=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v ns=$((w1 - w0)) \
    'BEGIN { printf "%.0f", d / hz * 1e9 / ns * 100 }')
}

# start_nginx FILE URL_PATH: serves FILE at URL_PATH with one worker pinned to SERVER_CPU (the
# configuration of http_vs_nginx.sh: access_log off, sendfile, open_file_cache,
# keepalive_requests 1000000). Sets nginx_pid and nginx_url; checks that it is our nginx.
start_nginx() {
  local file=$1 path=$2 port
  mkdir -p "$tmp/www" "$tmp/nginx-temp"
  cp "$file" "$tmp/www/body.json"
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
  taskset -c "$SERVER_CPU" nginx -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx-error.log" \
    >/dev/null 2>&1 &
  nginx_pid=$!
  nginx_url=http://127.0.0.1:$port$path
  wait_ready nginx "$nginx_pid" "$nginx_url" "$tmp/nginx"
  [[ $(header "$tmp/nginx.headers" Server) == nginx* ]] ||
    die "the server on port $port is not our nginx"
  cmp -s "$file" "$tmp/nginx.body" || die "nginx does not serve the same body"
}
