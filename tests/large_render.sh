#!/usr/bin/env bash
# A 10k-node generated graph: its DOT says dot is impractical and asks for sfdp, and kgexport
# renders it to a PNG in-process.  Usage: large_render.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
python3 "$gen" --triples 90000 --seed 3 >"$tmp/g.nt" 2>/dev/null
nodes=$(model_count nodes "$bin" "$tmp/g.nt")
[ "$nodes" -ge 10000 ] || fail "only $nodes nodes generated"
"$bin" -q -f dot -o "$tmp/g.dot" "$tmp/g.nt"
head -1 "$tmp/g.dot" | grep -q "dot's layout is impractical" || fail "the DOT does not say it is large"
grep -q 'layout=sfdp' "$tmp/g.dot" || fail "the DOT does not ask for sfdp"
"$bin" -q -f png -o "$tmp/g.png" "$tmp/g.nt"
is_png "$tmp/g.png" || fail "not a PNG"
echo "large render: $nodes nodes, $(file "$tmp/g.png" | grep -o '[0-9]* x [0-9]*') PNG through sfdp"
