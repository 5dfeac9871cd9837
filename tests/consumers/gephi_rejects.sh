#!/usr/bin/env bash
# The Gephi checker itself: every file in tests/data/gephi-bad breaks one of Gephi's import
# rules, and the checker must say so (exit 1), or it could not catch a regression.
. "$(dirname "$0")/../lib.sh"
dir=$(dirname "$0")/../data/gephi-bad
n=0
for f in "$dir"/*; do
  if /usr/bin/python3 "$(dirname "$0")/gephi_check.py" "$f" >"$tmp/out" 2>&1; then
    fail "the checker accepted $(basename "$f"): $(tail -1 "$tmp/out")"
  fi
  n=$((n + 1))
done
echo "the checker rejected all $n bad files"
