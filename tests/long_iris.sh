#!/usr/bin/env bash
# IRIs of any length go through whole: a 4000-character base (the statement IRIs made from it
# are longer still), class and property. Nothing is cut at a buffer's size.
# Usage: long_iris.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
long=$(printf 'x%.0s' $(seq 4000))
base="https://example.org/$long/"
cls="https://vocab.example.org/$long#Minister"
prop="https://vocab.example.org/$long#since"
cat >"$tmp/long.ttl" <<TTL
@prefix kg: <https://kgexport.org/ns#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<${base}takaichi> a kg:Person, <$cls> ; rdfs:label "Sanae Takaichi"@en .
<${base}japan> a kg:Country ; rdfs:label "Japan"@en .
<${base}takaichi> kg:holdsOffice <${base}japan> .
[] a rdf:Statement ; rdf:subject <${base}takaichi> ; rdf:predicate kg:holdsOffice ;
   rdf:object <${base}japan> ; <$prop> "2025-10" .
TTL
"$bin" -q -b "$base" -f graphml -o "$tmp/long.graphml" "$tmp/long.ttl"
grep -q "<data key=\"statement\">${base}statement-[0-9a-f]\{16\}</data>" "$tmp/long.graphml" ||
  fail "the statement IRI under the long base is not written whole"
grep -q "<data key=\"classes\">kg:Person $cls</data>" "$tmp/long.graphml" ||
  fail "the long class IRI is not written whole"
grep -q "<desc>&lt;$prop&gt;</desc>" "$tmp/long.graphml" || fail "the long property IRI is not written whole"
# --types with the long class keeps the node that has it (and the source nothing else cites)
kept=$(model_count nodes "$bin" -b "$base" --types "$cls" "$tmp/long.ttl")
[ "$kept" = 1 ] || fail "--types with a long class IRI kept $kept nodes, expected 1"
# every triple survives a round trip through Turtle, as rapper counts them
"$bin" -q -b "$base" -f turtle -o "$tmp/long.out.ttl" "$tmp/long.ttl"
want=$(model_count triples "$bin" -b "$base" "$tmp/long.ttl")
rapper -q -i turtle -o ntriples "$tmp/long.out.ttl" >"$tmp/parsed.nt" || fail "rapper rejected the Turtle"
got=$(wc -l <"$tmp/parsed.nt")
[ "$got" = "$want" ] || fail "rapper counts $got triples in the Turtle, the model $want"
echo "ok: IRIs of $((${#base} + 30)) characters written whole"
