#!/usr/bin/env bash
# Installs the Debian 12 packages csphub needs, and nothing when they are all there.
#
#   scripts/install-deps.sh [GROUP...]     GROUP: build (default), bench, all
#
# It runs before every `make`, so the common case (nothing missing) is one dpkg-query call and
# no output. When packages are missing:
#   - as root: `apt-get update` (only then), then `apt-get install --no-install-recommends`;
#   - otherwise: prints the sudo command to run and exits 1.
#
# To add a group, add one entry to PKG_GROUPS.
# postgresql-15 is in `build` because `make test` runs every suite on PostgreSQL too, in a
# throwaway cluster of its own (scripts/pg-cluster.sh); Debian's default cluster is not used.
set -euo pipefail

declare -A PKG_GROUPS=(
  [build]="build-essential cmake ninja-build ccache pkg-config git clang-format
           librestinio-dev libasio-dev libfmt-dev libspdlog-dev rapidjson-dev nlohmann-json3-dev
           libsqlite3-dev sqlite3 libpq-dev libsodium-dev libjwt-dev libssl-dev libcli11-dev
           libmimalloc-dev
           libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
           postgresql-15 postgresql-client-15 chromium fonts-wqy-microhei"
  [bench]="nginx-light wrk util-linux procps curl"
)

# Appends the packages of group $1 to `wanted`.
add_group() {
  local pkgs
  read -r -d '' -a pkgs <<<"${PKG_GROUPS[$1]}" || true # -d '': all lines, not just the first
  wanted+=("${pkgs[@]}")
}

usage() {
  echo "usage: $0 [GROUP...]   GROUP: ${!PKG_GROUPS[*]} all (default: build)" >&2
  exit 2
}

requested=("$@")
[[ ${#requested[@]} -gt 0 ]] || requested=(build)

wanted=()
for group in "${requested[@]}"; do
  case "$group" in
    -h | --help) usage ;;
    all) for g in "${!PKG_GROUPS[@]}"; do add_group "$g"; done ;;
    *)
      [[ -n "${PKG_GROUPS[$group]+x}" ]] || { echo "$0: unknown group '$group'" >&2; usage; }
      add_group "$group"
      ;;
  esac
done

# The portal (web/) is built with node and npm, and its browser tests drive Debian's chromium
# (in `build`, as `make test` runs them). Node may come from elsewhere than Debian (a newer
# release): only when there is none are Debian's nodejs and npm installed.
if [[ " ${requested[*]} " == *" build "* || " ${requested[*]} " == *" all "* ]] &&
  ! { command -v node && command -v npm; } >/dev/null; then
  wanted+=(nodejs npm)
fi

# One dpkg-query call for all of them. Packages dpkg has never heard of print nothing (and make
# dpkg-query exit 1), so they count as missing too.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null |
  awk '$2 == "ii" { print $1 }' || true)

missing=()
for pkg in "${wanted[@]}"; do
  grep -qxF "$pkg" <<<"$installed" || missing+=("$pkg")
done
# Groups may share packages.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $EUID -ne 0 ]]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "Installing missing Debian packages: ${missing[*]}"
apt_opts=(-o DPkg::Lock::Timeout=300)
apt-get "${apt_opts[@]}" update
DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends \
  "${missing[@]}"

# Installing postgresql-15 creates and starts Debian's default cluster (15/main, port 5432).
# The tests start their own throwaway clusters and never use it: stop it and keep it from
# starting at boot. Harmless when it fails (no init system).
if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
  if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster 15 main stop >/dev/null 2>&1 || true; fi
  if [[ -f /etc/postgresql/15/main/start.conf ]]; then
    echo manual >/etc/postgresql/15/main/start.conf
  fi
fi

# Installing nginx may start Debian's default site on port 80. The bench starts its own nginx
# from a private config on a free loopback port and never uses that service, so stop it and keep
# it from coming back at boot. Every step may fail harmlessly (containers have no init system).
if [[ " ${missing[*]} " == *" nginx"* ]]; then
  if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi
  if command -v systemctl >/dev/null; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
  if command -v update-rc.d >/dev/null; then update-rc.d nginx disable >/dev/null 2>&1 || true; fi
fi
