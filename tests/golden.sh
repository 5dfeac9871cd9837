#!/usr/bin/env bash
# The story in one format must equal its golden file, which a person has read.
# Change a golden only on purpose: tests/update-goldens.sh, then read the diff.
# Usage: golden.sh KGEXPORT FORMAT GOLDEN_DIR
. "$(dirname "$0")/lib.sh"
bin=$1 fmt=$2 dir=$3
ext=$(ext_of "$fmt")
"$bin" -q -f "$fmt" -o "$tmp/story.$ext"
diff -u "$dir/story.$ext" "$tmp/story.$ext" || fail "the $fmt export differs from $dir/story.$ext"
echo "golden: story.$ext matches"
