#!/usr/bin/env bash
# Rewrite the golden files from the current build; then read `git diff tests/golden`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/kgexport}
"$bin" -q -f turtle -o tests/golden/story.ttl
"$bin" -q -f graphml -o tests/golden/story.graphml
"$bin" -q -f gexf -o tests/golden/story.gexf
"$bin" -q -f dot -o tests/golden/story.dot
git --no-pager diff --stat -- tests/golden
