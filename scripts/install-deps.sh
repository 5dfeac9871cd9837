#!/usr/bin/env bash
# Install the Debian 12 packages kgexport needs, only those that are missing.
#   scripts/install-deps.sh run    what building and running needs
#   scripts/install-deps.sh test   that, plus what the tests check outputs with
set -euo pipefail
what=${1:-run}

run_pkgs=(build-essential cmake pkg-config clang-format libxml2-dev libgraphviz-dev graphviz
          librdf0-dev libraptor2-dev raptor2-utils fonts-noto-cjk fonts-dejavu-core)
test_pkgs=(libxml2-utils python3 python3-rdflib python3-networkx python3-igraph time rasqal-utils chromium)

pkgs=("${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

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
