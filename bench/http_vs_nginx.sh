#!/usr/bin/env bash
# csphub's HTTP layer against nginx, in one run: `GET /healthz` from csphub, and the very same
# bytes served by nginx as a static file.
#
#   bench/http_vs_nginx.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Environment:
#   DURATION=10     seconds per wrk measurement        ROUNDS=3     interleaved rounds
#   WARMUP=2        seconds of wrk before each measurement
#   CONNECTIONS=64  wrk connections (one wrk thread)
#   SERVER_CPU=0    the one core both servers are pinned to (taskset)
#   CLIENT_CPU=1    the core wrk is pinned to
#   CSPHUB=build/bin/csphub   the binary under test
#   HTTP_CLIENT=curl|bash     how the script itself fetches /healthz (default: curl if installed)
# csphub runs with its default config (log level info: one access-log line per request, written
# to a file in the temp dir), except threads=1: one io thread for its one core, as nginx has one
# worker process (the default, 4, is for handlers that block on the store; on one core they only
# time-share it, which costs CPU and multiplies p99). CSPHUB_* variables in the environment reach
# it and are listed; CSPHUB_THREADS=4 measures the default.
#
# Method (the same as docs/stack-bench.md, "pinned"): each server has exactly one core, so req/s
# is about 1 / (server CPU per request), a capacity figure that does not depend on how many cores
# the machine has. csphub is started under `taskset -c $SERVER_CPU`, so all its threads share that
# core. nginx runs `worker_processes 1` (plus its idle master) under the same taskset, so it also
# gets one core; its config otherwise follows stack-bench.md (access_log off, sendfile,
# open_file_cache, keepalive_requests 1000000). wrk runs alone on $CLIENT_CPU. Rounds alternate
# which server goes first, and ratios are taken within a round, then the median is reported.
#
# Output: a table, then one line for scripts:
#   RESULT http healthz csphub_rps=... nginx_rps=... ratio=... csphub_p99_ms=... nginx_p99_ms=...
#     cpu_ratio=...
# ratio is csphub/nginx req/s (median of the per-round ratios); the p99s are medians. cpu_ratio
# is nginx/csphub CPU us per request (median of the per-round ratios): what ratio would be with
# each server alone on its core, and the figure to read when the rounds warn that it was shared.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CSPHUB=${CSPHUB:-$ROOT/build/bin/csphub}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-64}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
if [[ -z ${HTTP_CLIENT:-} ]]; then
  if command -v curl >/dev/null; then HTTP_CLIENT=curl; else HTTP_CLIENT=bash; fi
fi

die() {
  echo "http_vs_nginx: $*" >&2
  exit 1
}

for tool in taskset wrk nginx; do
  command -v "$tool" >/dev/null || die "$tool is not installed (make deps-bench)"
done
[[ -x $CSPHUB ]] || die "$CSPHUB does not exist (make build)"
[[ $SERVER_CPU != "$CLIENT_CPU" ]] || die "SERVER_CPU and CLIENT_CPU must differ"
for v in DURATION ROUNDS WARMUP CONNECTIONS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, not '${!v}'"
done
for cpu in "$SERVER_CPU" "$CLIENT_CPU"; do
  taskset -c "$cpu" true 2>/dev/null || die "cannot pin to CPU $cpu (usable: $(nproc) CPUs)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csphub-bench.XXXXXX")
csphub_pid=
nginx_pid=
wrk_pid=

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

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true
  # csphub stops gracefully on SIGTERM (it drains in-flight requests). SIGQUIT is nginx's
  # graceful stop.
  [[ -z $csphub_pid ]] || stop_server csphub "$csphub_pid" TERM
  [[ -z $nginx_pid ]] || stop_server nginx "$nginx_pid" QUIT
  if [[ $rc -ne 0 ]]; then
    for log in "$tmp"/csphub.log "$tmp"/nginx-error.log; do
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

# http_get URL OUT: writes the body to OUT.body and the headers to OUT.headers; prints the status.
http_get() {
  local url=$1 out=$2
  if [[ $HTTP_CLIENT == curl ]]; then
    curl -sS --max-time 5 -D "$out.headers" -o "$out.body" -w '%{http_code}' "$url" 2>/dev/null ||
      true
    return
  fi
  # Plain bash: HTTP/1.0 so the server answers with a plain body and closes the connection.
  local rest=${url#http://} raw status
  local hostport=${rest%%/*} path=/${rest#*/}
  raw=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
    timeout 5 cat <&3
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

# wait_ready NAME PID URL OUT: polls URL until it answers 200 (30 s at most: ASan builds are slow
# to start) while checking that the server has not died.
wait_ready() {
  local name=$1 pid=$2 url=$3 out=$4 status
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    status=$(http_get "$url" "$out")
    [[ $status == 200 ]] && return
    [[ $status != 4* ]] || die "$name answered $status on $url"
    sleep 0.1
  done
  die "$name did not answer 200 on $url within 30 s (last status: ${status:-none})"
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

# wrk pinned to the client core. In the background, so that a signal to this script interrupts
# `wait` at once and the trap stops everything (a foreground wrk would delay it by DURATION).
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" "$@" &
  wrk_pid=$!
  wait "$wrk_pid"
  wrk_pid=
}

# measure NAME PID URL: warm-up, then one wrk run. Sets rps, p99_ms, cpu_us (server CPU µs per
# request, from /proc) and core_pct (server CPU time / wall time: about 100 when the server had its
# core to itself and was the bottleneck).
measure() {
  local name=$1 pid=$2 url=$3 out=$tmp/wrk-$1.txt t0 t1 w0 w1 requests errors
  run_wrk -d"${WARMUP}s" "$url" >/dev/null
  t0=$(cpu_ticks "$pid")
  w0=$(date +%s%N)
  run_wrk -d"${DURATION}s" --latency "$url" >"$out"
  w1=$(date +%s%N)
  t1=$(cpu_ticks "$pid")
  kill -0 "$pid" 2>/dev/null || die "$name died during the measurement"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p99_ms=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  requests=$(awk '/ requests in / { print $1 }' "$out")
  [[ -n $rps && -n $requests && $requests -gt 0 ]] || { cat "$out" >&2; die "$name: wrk failed"; }
  if grep -q 'Non-2xx' "$out"; then
    cat "$out" >&2
    die "$name answered non-2xx responses; the comparison would be meaningless"
  fi
  errors=$(awk '/Socket errors:/ { sub(/^.*Socket errors: */, ""); print }' "$out")
  [[ -z $errors ]] || echo "WARNING: $name round $round: socket errors: $errors" >&2
  cpu_us=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.2f", d / hz * 1e6 / n }')
  core_pct=$(awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v ns=$((w1 - w0)) \
    'BEGIN { printf "%.0f", d / hz * 1e9 / ns * 100 }')
  if ((core_pct < 90)); then
    echo "WARNING: round $round: $name used only $core_pct% of CPU $SERVER_CPU: something else ran" \
      "there, or it waited; its req/s understates it (CPU us/req is steadier)" >&2
  fi
}

# --- csphub ----------------------------------------------------------------------------------
csphub_port=$(free_port)
export CSPHUB_THREADS=${CSPHUB_THREADS:-1}
taskset -c "$SERVER_CPU" "$CSPHUB" serve --database "$tmp/bench.sqlite" \
  --listen "127.0.0.1:$csphub_port" >"$tmp/csphub.log" 2>&1 &
csphub_pid=$!
csphub_url=http://127.0.0.1:$csphub_port/healthz
wait_ready csphub "$csphub_pid" "$csphub_url" "$tmp/csphub"

# --- nginx, serving the very bytes csphub answered -------------------------------------------
mkdir -p "$tmp/www" "$tmp/nginx-temp"
cp "$tmp/csphub.body" "$tmp/www/healthz.json"
# nginx's worker runs as nobody when we are root: it must be able to read the file.
chmod 755 "$tmp" "$tmp/www"
chmod 644 "$tmp/www/healthz.json"
nginx_port=$(free_port)
while [[ $nginx_port == "$csphub_port" ]]; do nginx_port=$(free_port); done
cat >"$tmp/nginx.conf" <<EOF
# One worker process, pinned with taskset to the same single core as csphub: one server core
# each. The master only supervises and is idle during the measurement.
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
    listen 127.0.0.1:$nginx_port;
    location = /healthz {
      alias $tmp/www/healthz.json;
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
nginx_url=http://127.0.0.1:$nginx_port/healthz
wait_ready nginx "$nginx_pid" "$nginx_url" "$tmp/nginx"
[[ $(header "$tmp/nginx.headers" Server) == nginx* ]] ||
  die "the server on port $nginx_port is not our nginx"
cmp -s "$tmp/csphub.body" "$tmp/nginx.body" || die "nginx does not serve the same body as csphub"

csphub_env=$(env | grep '^CSPHUB_' | sort | paste -sd ' ' || true)
echo "csphub: $CSPHUB (pid $csphub_pid) on $csphub_url, default config + $csphub_env" \
  "(CSPHUB_THREADS: io threads = server cores; the default config has 4)"
echo "nginx:  $(nginx -v 2>&1 | sed 's/^nginx version: //') (pid $nginx_pid) on $nginx_url"
echo "body:   $(wc -c <"$tmp/csphub.body") bytes: $(head -c 200 "$tmp/csphub.body")"
for s in csphub nginx; do
  printf '%-7s Content-Type: %s; response headers: %s bytes\n' "$s:" \
    "$(header "$tmp/$s.headers" Content-Type)" "$(wc -c <"$tmp/$s.headers")"
done
echo "pinning: both servers on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU;" \
  "wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s of warm-up; $ROUNDS rounds"
echo

# --- measure ---------------------------------------------------------------------------------
declare -a c_rps c_p99 c_cpu c_core n_rps n_p99 n_cpu n_core ratio p99_ratio cpu_ratio
for ((round = 1; round <= ROUNDS; round++)); do
  order=(csphub nginx)
  ((round % 2)) || order=(nginx csphub)
  for s in "${order[@]}"; do
    if [[ $s == csphub ]]; then
      measure csphub "$csphub_pid" "$csphub_url"
      c_rps+=("$rps") c_p99+=("$p99_ms") c_cpu+=("$cpu_us") c_core+=("$core_pct")
    else
      measure nginx "$nginx_pid" "$nginx_url"
      n_rps+=("$rps") n_p99+=("$p99_ms") n_cpu+=("$cpu_us") n_core+=("$core_pct")
    fi
  done
  i=$((round - 1))
  ratio+=("$(awk -v a="${c_rps[i]}" -v b="${n_rps[i]}" 'BEGIN { printf "%.3f", a / b }')")
  p99_ratio+=("$(awk -v a="${c_p99[i]}" -v b="${n_p99[i]}" 'BEGIN { printf "%.3f", a / b }')")
  cpu_ratio+=("$(awk -v a="${n_cpu[i]}" -v b="${c_cpu[i]}" 'BEGIN { printf "%.3f", a / b }')")
done

row() { printf '%-7s %11s %11s %6s  %7s %7s %6s  %7s %7s  %6s %6s\n' "$@" | sed 's/ *$//'; }
row "" "req/s" "" "" "p99 ms" "" "" "CPU us/req" "" "core %" ""
row "round" "csphub" "nginx" "ratio" "csphub" "nginx" "ratio" "csphub" "nginx" "csphub" "nginx"
for ((i = 0; i < ROUNDS; i++)); do
  row "$((i + 1))" "${c_rps[i]}" "${n_rps[i]}" "${ratio[i]}" "${c_p99[i]}" "${n_p99[i]}" \
    "${p99_ratio[i]}" "${c_cpu[i]}" "${n_cpu[i]}" "${c_core[i]}" "${n_core[i]}"
done
m_c_rps=$(median %.2f "${c_rps[@]}")
m_n_rps=$(median %.2f "${n_rps[@]}")
m_ratio=$(median %.3f "${ratio[@]}")
m_c_p99=$(median %.3f "${c_p99[@]}")
m_n_p99=$(median %.3f "${n_p99[@]}")
row "median" "$m_c_rps" "$m_n_rps" "$m_ratio" "$m_c_p99" "$m_n_p99" \
  "$(median %.3f "${p99_ratio[@]}")" "$(median %.2f "${c_cpu[@]}")" "$(median %.2f "${n_cpu[@]}")" \
  "$(median %.0f "${c_core[@]}")" "$(median %.0f "${n_core[@]}")"
echo "ratio: csphub/nginx, median of the per-round ratios. CPU us/req: server CPU time per request."
echo "core %: server CPU time / wall time on CPU $SERVER_CPU (below ~90: the core was shared)."

# Stop csphub here rather than in the trap, to check that SIGTERM is a clean stop.
stop_server csphub "$csphub_pid" TERM
csphub_pid=
((stopped_status == 0)) ||
  echo "WARNING: csphub exited with status $stopped_status after SIGTERM (expected 0)" >&2
echo "csphub stopped by SIGTERM with status $stopped_status; it logged" \
  "$(du -h "$tmp/csphub.log" | cut -f1) (log level info logs every request)"

m_cpu_ratio=$(median %.3f "${cpu_ratio[@]}")
echo "cpu_ratio: nginx/csphub CPU us/req, median of the per-round ratios: $m_cpu_ratio"
printf 'RESULT http healthz csphub_rps=%.0f nginx_rps=%.0f ratio=%.3f csphub_p99_ms=%.3f %s\n' \
  "$m_c_rps" "$m_n_rps" "$m_ratio" "$m_c_p99" \
  "$(printf 'nginx_p99_ms=%.3f cpu_ratio=%.3f' "$m_n_p99" "$m_cpu_ratio")"
