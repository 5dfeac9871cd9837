#!/usr/bin/env bash
# Graphviz reads our DOT, lays it out and renders a PNG, in every view; the full view holds
# every node and edge of the model (legend items aside).  Usage: dot.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
for view in overview timeline; do
  "$bin" -q -f dot --view $view -o "$tmp/$view.dot" "$@"
  dot -Tpng "$tmp/$view.dot" -o "$tmp/$view.png" 2>"$tmp/err" || fail "dot failed on the $view: $(head -3 "$tmp/err")"
  grep -v -i 'warning' "$tmp/err" | grep -q . && fail "dot complained on the $view: $(head -3 "$tmp/err")"
  is_png "$tmp/$view.png" || fail "the $view is not a PNG"
done
"$bin" -q -f dot --view full -o "$tmp/g.dot" "$@"
dot -Tpng "$tmp/g.dot" -o "$tmp/g.png" 2>"$tmp/err" || fail "dot failed: $(head -3 "$tmp/err")"
grep -v -i 'warning' "$tmp/err" | grep -q . && fail "dot complained: $(head -3 "$tmp/err")"
is_png "$tmp/g.png" || fail "not a PNG"
dot -Tplain "$tmp/g.dot" >"$tmp/g.plain"
nodes=$(awk '$1=="node" && $2 !~ /^"?legend_/' "$tmp/g.plain" | wc -l)
edges=$(awk '$1=="edge" && $2 !~ /^"?legend_/' "$tmp/g.plain" | wc -l)
[ "$nodes" -eq "$(model_count nodes "$bin" "$@")" ] || fail "dot drew $nodes nodes, the model has $(model_count nodes "$bin" "$@")"
[ "$edges" -eq "$(model_count edges "$bin" "$@")" ] || fail "dot drew $edges edges, the model has $(model_count edges "$bin" "$@")"
echo "dot: PNG of $(wc -c <"$tmp/g.png") bytes, $nodes nodes, $edges edges"
