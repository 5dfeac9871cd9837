#!/usr/bin/env bash
# The API example builds a graph and writes every format; rapper and dot accept the files.
. "$(dirname "$0")/../lib.sh"
"$1" "$tmp" >"$tmp/stats"
want=$(stats_field triples <"$tmp/stats")
got=$(rapper -q -i turtle -o ntriples "$tmp/minimal.ttl" | wc -l)
[ "$got" -eq "$want" ] || fail "rapper read $got triples, the example reports $want"
grep -q 'Secretary of State' "$tmp/minimal.graphml" || fail "qualifier missing from GraphML"
dot -Tpng "$tmp/minimal.dot" -o "$tmp/m.png" || fail "dot rejected the example's DOT"
echo "example: $got triples"
