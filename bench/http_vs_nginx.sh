#!/usr/bin/env bash
# csphub's HTTP layer against nginx, in one run: `GET /healthz` from csphub, and the very same
# bytes served by nginx as a static file.
#
#   bench/http_vs_nginx.sh          (or `make bench`; run it on an otherwise idle machine)
#
# Environment:
#   DURATION=10     seconds per wrk measurement        ROUNDS=3     interleaved rounds
#   WARMUP=2        seconds of wrk before each measurement
#   HALT_POLL_NS=200000  idle vCPUs poll this long before halting (0: halt at once), restored
#                   at exit; why in bench/_common.sh (idle_policy_begin)
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
#
# The helpers (servers, wrk, its parsing, medians, the nginx config) are in bench/_common.sh,
# shared with customers_list.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=http_vs_nginx
# shellcheck source=bench/_common.sh
source "$ROOT/bench/_common.sh"

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
http_client=$HTTP_CLIENT # for http_get

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

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  idle_policy_end
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
idle_policy_begin

# --- csphub ----------------------------------------------------------------------------------
csphub_port=$(free_port)
export CSPHUB_THREADS=${CSPHUB_THREADS:-1}
taskset -c "$SERVER_CPU" "$CSPHUB" serve --database "$tmp/bench.sqlite" \
  --listen "127.0.0.1:$csphub_port" >"$tmp/csphub.log" 2>&1 &
csphub_pid=$!
csphub_url=http://127.0.0.1:$csphub_port/healthz
wait_ready csphub "$csphub_pid" "$csphub_url" "$tmp/csphub"

# --- nginx, serving the very bytes csphub answered -------------------------------------------
start_nginx "$tmp/csphub.body" /healthz

csphub_env=$(env | grep '^CSPHUB_' | sort | paste -sd ' ' || true)
echo "csphub: $CSPHUB (pid $csphub_pid) on $csphub_url, default config + $csphub_env" \
  "(CSPHUB_THREADS: io threads = server cores; the default config has 4)"
echo "nginx:  $(nginx -v 2>&1 | sed 's/^nginx version: //') (pid $nginx_pid) on $nginx_url"
echo "body:   $(wc -c <"$tmp/csphub.body") bytes: $(head -c 200 "$tmp/csphub.body")"
for s in csphub nginx; do
  printf '%-7s Content-Type: %s; response headers: %s bytes\n' "$s:" \
    "$(header "$tmp/$s.headers" Content-Type)" "$(wc -c <"$tmp/$s.headers")"
done
echo "idle policy: $idle_policy"
echo "pinning: both servers on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU;" \
  "wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s of warm-up; $ROUNDS rounds"
echo

# --- measure ---------------------------------------------------------------------------------
declare -a c_rps c_p99 c_cpu c_core n_rps n_p99 n_cpu n_core rps_ratio p99_ratio cpu_ratio
for ((round = 1; round <= ROUNDS; round++)); do
  order=(csphub nginx)
  ((round % 2)) || order=(nginx csphub)
  for s in "${order[@]}"; do
    if [[ $s == csphub ]]; then
      measure csphub "$csphub_pid" "$CONNECTIONS" "$csphub_url"
      c_rps+=("$rps") c_p99+=("$p99_ms") c_cpu+=("$cpu_us") c_core+=("$core_pct")
    else
      measure nginx "$nginx_pid" "$CONNECTIONS" "$nginx_url"
      n_rps+=("$rps") n_p99+=("$p99_ms") n_cpu+=("$cpu_us") n_core+=("$core_pct")
    fi
    if ((core_pct < 90)); then
      echo "WARNING: round $round: $s used only $core_pct% of CPU $SERVER_CPU: something else ran" \
        "there, or it waited; its req/s understates it (CPU us/req is steadier)" >&2
    fi
  done
  i=$((round - 1))
  rps_ratio+=("$(ratio "${c_rps[i]}" "${n_rps[i]}")")
  p99_ratio+=("$(ratio "${c_p99[i]}" "${n_p99[i]}")")
  cpu_ratio+=("$(ratio "${n_cpu[i]}" "${c_cpu[i]}")")
done

row() { printf '%-7s %11s %11s %6s  %7s %7s %6s  %7s %7s  %6s %6s\n' "$@" | sed 's/ *$//'; }
row "" "req/s" "" "" "p99 ms" "" "" "CPU us/req" "" "core %" ""
row "round" "csphub" "nginx" "ratio" "csphub" "nginx" "ratio" "csphub" "nginx" "csphub" "nginx"
for ((i = 0; i < ROUNDS; i++)); do
  row "$((i + 1))" "${c_rps[i]}" "${n_rps[i]}" "${rps_ratio[i]}" "${c_p99[i]}" "${n_p99[i]}" \
    "${p99_ratio[i]}" "${c_cpu[i]}" "${n_cpu[i]}" "${c_core[i]}" "${n_core[i]}"
done
m_c_rps=$(median %.2f "${c_rps[@]}")
m_n_rps=$(median %.2f "${n_rps[@]}")
m_ratio=$(median %.3f "${rps_ratio[@]}")
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
