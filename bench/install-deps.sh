#!/usr/bin/env bash
# Install the Debian 12 packages bench/run needs, only those that are missing.
#   bench/install-deps.sh
# The benchmark also needs kgexport's own build dependencies (scripts/install-deps.sh run).
set -euo pipefail

pkgs=(build-essential pkg-config libigraph-dev python3 python3-rdflib python3-networkx python3-igraph
      raptor2-utils libxml2-utils time util-linux)

exec "$(dirname "$0")/../scripts/apt-install-missing.sh" "${pkgs[@]}"
