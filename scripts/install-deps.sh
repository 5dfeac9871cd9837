#!/usr/bin/env bash
# Install the Debian 12 packages kgexport needs, only those that are missing.
#   scripts/install-deps.sh run    what building and running needs
#   scripts/install-deps.sh test   that, plus what the tests check outputs with
set -euo pipefail
what=${1:-run}

# libcurl4-gnutls-dev: raptor's and redland's -dev packages depend on it and it conflicts with
# libcurl4-openssl-dev, which apt would otherwise take out with them
run_pkgs=(build-essential cmake pkg-config clang-format libxml2-dev libgraphviz-dev graphviz
          librdf0-dev libraptor2-dev raptor2-utils libcurl4-gnutls-dev fonts-noto-cjk
          fonts-dejavu-core)
# libmhash-dev: the static link line of kgexport.pc names -lmhash (through redland's rasqal),
# which tests/install.sh links with; valgrind: tests/valgrind.sh (memcheck.kgexport)
test_pkgs=(libxml2-utils python3 python3-rdflib python3-networkx python3-igraph time rasqal-utils chromium
           libmhash-dev valgrind)

pkgs=("${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

exec "$(dirname "$0")/apt-install-missing.sh" "${pkgs[@]}"
