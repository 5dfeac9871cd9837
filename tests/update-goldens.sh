#!/usr/bin/env bash
# Rewrite the golden files (one for each format of tests/golden/FORMATS) from the current
# build; then read `git diff tests/golden`.  Usage: update-goldens.sh [KGEXPORT]
. "$(dirname "$0")/lib.sh"
cd "$tests_dir/.."
bin=${1:-build/kgexport}
formats=$(golden_formats) || fail "no formats in tests/golden/FORMATS"
for fmt in $formats; do
  "$bin" -q -f "$fmt" -o "tests/golden/story.$(ext_of "$fmt")"
done
git --no-pager diff --stat -- tests/golden
