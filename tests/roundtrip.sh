#!/usr/bin/env bash
# Turtle out, Turtle in, Turtle out: the same bytes. And rapper's reading of our Turtle is
# exactly our N-Triples (same lexical forms, datatypes and language tags): raptor's Turtle
# writer changed nothing on the way.  Usage: roundtrip.sh KGEXPORT [INPUT]
. "$(dirname "$0")/consumers/common.sh"
bin=$1; shift
"$bin" -q -f turtle -o "$tmp/a.ttl" "$@"
base=$(awk '$1=="@prefix" && $2==":" {gsub(/[<>]/,"",$3); print $3}' "$tmp/a.ttl")
"$bin" -q -f turtle -b "$base" -o "$tmp/b.ttl" "$tmp/a.ttl"
diff -u "$tmp/a.ttl" "$tmp/b.ttl" >"$tmp/diff" || fail "Turtle changed on a round trip: $(head -20 "$tmp/diff")"
"$bin" -q -f ntriples -o "$tmp/ours.nt" "$@"
rapper -q -i turtle -o ntriples "$tmp/a.ttl" "$base" | LC_ALL=C sort >"$tmp/theirs.nt"
LC_ALL=C sort "$tmp/ours.nt" >"$tmp/ours.sorted"
diff -u "$tmp/ours.sorted" "$tmp/theirs.nt" >"$tmp/diff2" || fail "rapper reads our Turtle differently from our N-Triples: $(head -20 "$tmp/diff2")"
echo "round trip: $(wc -l <"$tmp/ours.nt") triples, identical"
