#!/usr/bin/env bash
# Graphviz reads our DOT, lays it out and renders a PNG; the drawing holds every node and
# edge of the model (legend items aside).  Usage: dot.sh KGEXPORT [INPUT]
. "$(dirname "$0")/common.sh"
bin=$1; shift
"$bin" -q -f dot -o "$tmp/g.dot" "$@"
dot -Tpng "$tmp/g.dot" -o "$tmp/g.png" 2>"$tmp/err" || fail "dot failed: $(head -3 "$tmp/err")"
grep -v -i 'warning' "$tmp/err" | grep -q . && fail "dot complained: $(head -3 "$tmp/err")"
[ "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "not a PNG"
dot -Tplain "$tmp/g.dot" >"$tmp/g.plain"
nodes=$(awk '$1=="node" && $2 !~ /^"?legend_/' "$tmp/g.plain" | wc -l)
edges=$(awk '$1=="edge" && $2 !~ /^"?legend_/' "$tmp/g.plain" | wc -l)
[ "$nodes" -eq "$(stat nodes "$bin" "$@")" ] || fail "dot drew $nodes nodes, the model has $(stat nodes "$bin" "$@")"
[ "$edges" -eq "$(stat edges "$bin" "$@")" ] || fail "dot drew $edges edges, the model has $(stat edges "$bin" "$@")"
echo "dot: PNG of $(wc -c <"$tmp/g.png") bytes, $nodes nodes, $edges edges"
