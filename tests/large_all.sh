#!/usr/bin/env bash
# --all on a graph above the large-graph threshold: every data format written, the pictures
# (whose layout would take minutes) left out with one line each saying how to ask for them,
# and all of it in seconds; on a terminal, one progress line per file written.
# Usage: large_all.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
exec </dev/null # the input is always named: standard input plays no part
python3 "$gen" --triples 20000 --seed 3 >"$tmp/g.nt" 2>/dev/null
nodes=$(model_count nodes "$bin" "$tmp/g.nt")
[ "$nodes" -gt 2000 ] || fail "only $nodes nodes generated: not above the threshold"

start=$(date +%s)
"$bin" --all "$tmp/all" "$tmp/g.nt" >"$tmp/out" 2>"$tmp/err"
seconds=$(($(date +%s) - start))
[ "$seconds" -le 60 ] || fail "--all took $seconds s"
for fmt in turtle ntriples nquads rdfxml graphml gexf dot; do
  [ -s "$tmp/all/g.$(ext_of "$fmt")" ] || fail "--all wrote no g.$(ext_of "$fmt")"
  grep -q "^$tmp/all/g.$(ext_of "$fmt") *$fmt " "$tmp/out" || fail "no summary line for $fmt"
done
for fmt in png svg pdf; do
  [ ! -e "$tmp/all/g.$fmt" ] || fail "--all wrote the $fmt of a graph of $nodes nodes"
  want="kgexport: skipped $tmp/all/g.$fmt: the graph is large ($nodes nodes) and its layout can take minutes; ask for it with -f $fmt -o $tmp/all/g.$fmt"
  grep -qxF "$want" "$tmp/err" || fail "no line says the $fmt was skipped: $(cat "$tmp/err")"
done
for view in full timeline; do # the other views --all draws, as SVG
  [ ! -e "$tmp/all/g-$view.svg" ] || fail "--all wrote the $view view of a graph of $nodes nodes"
  want="kgexport: skipped $tmp/all/g-$view.svg: the graph is large ($nodes nodes) and its layout can take minutes; ask for it with -f svg --view $view -o $tmp/all/g-$view.svg"
  grep -qxF "$want" "$tmp/err" || fail "no line says the $view view was skipped: $(cat "$tmp/err")"
done
[ "$(wc -l <"$tmp/err")" -eq 5 ] || # and no progress: stderr is not a terminal
  fail "stderr holds more than the five skips: $(cat "$tmp/err")"
[ "$(ls -A "$tmp/all" | wc -l)" -eq 7 ] || fail "--all wrote $(ls -A "$tmp/all" | tr '\n' ' ')"

# --quiet: nothing but errors
rm -rf "$tmp/all"
"$bin" -q --all "$tmp/all" "$tmp/g.nt" >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "--quiet printed $(cat "$tmp/out" "$tmp/err")"

# on a terminal (`script`, util-linux), a progress line for each file while it is written
script -qec "'$bin' --all '$tmp/tty' '$tmp/g.nt'" /dev/null >"$tmp/tty.out"
for fmt in turtle graphml dot; do
  grep -q "writing $tmp/tty/g.$(ext_of "$fmt") ([0-9]* of 10)" "$tmp/tty.out" ||
    fail "no progress for $fmt on a terminal: $(head -c 300 "$tmp/tty.out")"
done
echo "large --all: $nodes nodes, the data formats in $seconds s, the pictures left out"
