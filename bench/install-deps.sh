#!/usr/bin/env bash
# Install the Debian 12 packages bench/run needs, only those that are missing.
#   bench/install-deps.sh
# The benchmark also needs kgexport's own build dependencies (scripts/install-deps.sh run).
set -euo pipefail

pkgs=(build-essential pkg-config libigraph-dev python3 python3-rdflib python3-networkx
      raptor2-utils libxml2-utils time util-linux)

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
