#!/usr/bin/env bash
# Memory running out at any point of a run (the read, the model, cgraph's graph, the Turtle
# writer, libxml2's writer): a sweep of address-space limits (ulimit -v) over one
# generated graph, for a format of each library. Each run either succeeds with the whole file
# or ends with exit 70 and one line that says "out of memory": never a crash, never a
# temporary file left. Normal build only (the sanitizers reserve terabytes of address space).
# Usage: memory_limit.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
python3 "$gen" --triples 200000 --seed 5 >"$tmp/g.nt" 2>/dev/null
mkdir "$tmp/out"
failed=0 passed=0
for fmt in turtle graphml dot; do
  for mb in 60 80 90 100 110 120 130 140 160 200; do
    set +e
    (
      ulimit -v $((mb * 1024))
      exec "$bin" -q -f "$fmt" -o "$tmp/out/g.$fmt" "$tmp/g.nt"
    ) 2>"$tmp/err"
    code=$?
    set -e
    case $code in
    0)
      [ ! -s "$tmp/err" ] || fail "$fmt at $mb MB: exit 0 but said $(cat "$tmp/err")"
      passed=$((passed + 1))
      ;;
    70)
      [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "out of memory" "$tmp/err" ||
        fail "$fmt at $mb MB: exit 70 with: $(cat "$tmp/err")"
      [ ! -e "$tmp/out/g.$fmt" ] || fail "$fmt at $mb MB: a file was left although the export failed"
      failed=$((failed + 1))
      echo "$fmt at $mb MB: $(cat "$tmp/err")"
      ;;
    *) fail "$fmt at $mb MB: exit $code ($(head -3 "$tmp/err"))" ;;
    esac
    [ -z "$(ls -A "$tmp/out" | grep '^\.')" ] || fail "$fmt at $mb MB left $(ls -A "$tmp/out")"
    rm -f "$tmp/out/g.$fmt"
  done
done
# the sweep means something only when it saw both ends
[ "$failed" -gt 0 ] && [ "$passed" -gt 0 ] || fail "$failed runs out of memory and $passed complete: widen the sweep"
echo "memory limits: $failed runs ran out of memory cleanly, $passed completed"
