#!/usr/bin/env bash
# Install the extra test tools the store tests use, only what is missing (idempotent, quiet):
#   - Debian virtuoso-opensource-7-bin: virtuoso-t and isql-vt only (NOT virtuoso-opensource,
#     which starts a system service), for tests/stores/virtuoso.sh;
#   - node and npm (Debian nodejs, npm) when there are none, and the npm packages of
#     package.json (oxigraph 0.5.x, n3) in node_modules/, for tests/stores/oxigraph.mjs and tests/stores/parsers.mjs (`npm ci` from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(virtuoso-opensource-7-bin)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
scripts/apt-install-missing.sh "${pkgs[@]}"
# node_modules is up to date when npm's own record of it matches the lock file
if [ ! -f node_modules/.package-lock.json ] || [ ! -d node_modules/oxigraph ] || [ ! -d node_modules/n3 ] || [ ! -d node_modules/shacl-engine ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "installing: npm packages (oxigraph, n3, shacl-engine)" >&2
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  else
    npm install --no-audit --no-fund --loglevel=error >/dev/null
  fi
fi
