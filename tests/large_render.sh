#!/usr/bin/env bash
# A 10k-node generated graph: its DOT says dot is impractical and asks for sfdp, and kgexport
# renders it to a PNG in-process.  Usage: large_render.sh KGEXPORT GENERATOR
. "$(dirname "$0")/consumers/common.sh"
bin=$1 gen=$2
python3 "$gen" --triples 90000 --seed 3 >"$tmp/g.nt" 2>/dev/null
nodes=$("$bin" --stats "$tmp/g.nt" | awk '$1=="nodes"{print $2}')
[ "$nodes" -ge 10000 ] || fail "only $nodes nodes generated"
"$bin" -q -f dot -o "$tmp/g.dot" "$tmp/g.nt"
head -1 "$tmp/g.dot" | grep -q "dot's layout is impractical" || fail "the DOT does not say it is large"
grep -q 'layout=sfdp' "$tmp/g.dot" || fail "the DOT does not ask for sfdp"
"$bin" -q -f png -o "$tmp/g.png" "$tmp/g.nt"
[ "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "not a PNG"
echo "large render: $nodes nodes, $(file "$tmp/g.png" | grep -o '[0-9]* x [0-9]*') PNG through sfdp"
