#!/usr/bin/env bash
# Turtle out, Turtle in, Turtle out: the same bytes. And rapper's reading of our Turtle is
# exactly our N-Triples (same lexical forms, datatypes and language tags): raptor's Turtle
# writer changed nothing on the way.  Usage: roundtrip.sh KGEXPORT [INPUT]
. "$(dirname "$0")/lib.sh"
bin=$1; shift
"$bin" -q -f turtle -o "$tmp/a.ttl" "$@"
base=$(awk '$1=="@prefix" && $2==":" {gsub(/[<>]/,"",$3); print $3}' "$tmp/a.ttl")
"$bin" -q -f turtle -b "$base" -o "$tmp/b.ttl" "$tmp/a.ttl"
diff -u "$tmp/a.ttl" "$tmp/b.ttl" >"$tmp/diff" || fail "Turtle changed on a round trip: $(head -20 "$tmp/diff")"
# every prefix kgexport declares (the base ":" aside) is used: unused ones cost raptor time on
# each IRI. raptor's Turtle writer declares rdf: by itself, whatever the graph holds.
grep -v '^@prefix' "$tmp/a.ttl" >"$tmp/a.body" || true
for p in $(awk '$1=="@prefix" && $2!=":" && $2!="rdf:" {print $2}' "$tmp/a.ttl"); do
  grep -q -- "$p" "$tmp/a.body" || fail "prefix $p declared but not used"
done
"$bin" -q -f ntriples -o "$tmp/ours.nt" "$@"
rapper -q -i turtle -o ntriples "$tmp/a.ttl" "$base" | LC_ALL=C sort >"$tmp/theirs.nt"
LC_ALL=C sort "$tmp/ours.nt" >"$tmp/ours.sorted"
diff -u "$tmp/ours.sorted" "$tmp/theirs.nt" >"$tmp/diff2" || fail "rapper reads our Turtle differently from our N-Triples: $(head -20 "$tmp/diff2")"
# RDF/XML and N-Quads say the same triples too (blank node labels aside, which a parser
# renames; N-Quads with the graph dropped)
nobnode() { sed -E 's/_:[A-Za-z0-9]+/_:b/g' | LC_ALL=C sort; }
"$bin" -q -f rdfxml -o "$tmp/g.rdf" "$@"
rapper -q -i rdfxml -o ntriples "$tmp/g.rdf" "$base" | nobnode >"$tmp/rdfxml.nt"
nobnode <"$tmp/ours.nt" >"$tmp/ours.nob"
diff -u "$tmp/ours.nob" "$tmp/rdfxml.nt" >"$tmp/diff3" || fail "rapper reads our RDF/XML differently: $(head -20 "$tmp/diff3")"
"$bin" -q -f nquads -o "$tmp/g.nq" "$@"
rapper -q -i nquads -o ntriples "$tmp/g.nq" | nobnode >"$tmp/nq.nt"
diff -u "$tmp/ours.nob" "$tmp/nq.nt" >"$tmp/diff4" || fail "our N-Quads hold other triples: $(head -20 "$tmp/diff4")"
echo "round trip: $(wc -l <"$tmp/ours.nt") triples, identical in Turtle, N-Triples, RDF/XML and N-Quads"
