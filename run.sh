#!/usr/bin/env bash
# Install what is missing, build, and export the built-in story into out/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh run
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 >/dev/null
# every format, the pictures (story.png, .svg, .pdf) laid out and drawn by Graphviz in-process:
# the same bytes as `dot -Tpng out/story.dot`
build/kgexport --all out </dev/null # the story (standard input would otherwise be read when it is a pipe)
