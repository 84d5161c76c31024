#!/usr/bin/env bash
# Builds the portal (web/) into web/dist, doing only what is needed:
#   - an install of the locked versions when node_modules is missing or older than
#     package-lock.json (a checkout that changed the dependencies); npm leaves
#     node_modules/.package-lock.json as its stamp. `npm install --no-save`, not `npm ci`: the
#     registry our machines reach lacks some other platforms' optional builds of rollup
#     (@rollup/rollup-android-arm64, …), so the lock made here cannot list them, and `npm ci`
#     refuses a lock without them; `install` takes the locked versions and writes nothing;
#   - `vite build` (after a type check) when a source is newer than web/dist/index.html.
# Everything comes from the npm registry; nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../web"

if [[ ! node_modules/.package-lock.json -nt package-lock.json ]]; then
  echo "web: npm install (package-lock.json changed or node_modules missing)"
  npm install --no-save --no-audit --no-fund --loglevel=error
fi

stale=yes
if [[ -f dist/index.html ]]; then
  stale=$(find src public index.html vite.config.ts tsconfig.json package-lock.json \
    -newer dist/index.html -print -quit)
fi
if [[ -n "$stale" ]]; then
  echo "web: building the portal into web/dist"
  npm run --silent build
fi
