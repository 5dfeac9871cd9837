#!/usr/bin/env bash
# Graphs that are not ours (tests/foreign/) read as a user expects: foreign classes styled and
# kept by --types as kgexport's own (ontology/alignments.ttl), Wikidata's wdt:P31 typing,
# names from foaf:name / schema:name, dates from schema: / dbo: / wdt: on the Gephi timeline,
# readable ids that --focus takes back, a base that does not depend on the folder, the
# graph's title; and the data itself written out as it came (the triples are the input's).
# Usage: foreign.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$tests_dir/foreign
person='<data key="r">78</data>' # the Person colour (#4e79a7) in GraphML's r/g/b

# ---- FOAF and schema.org ----
"$bin" -q -f graphml -o "$tmp/team.graphml" "$dir/team.ttl"
for who in alice bob chen; do
  grep -A3 "<node id=\"ex:$who\">" "$tmp/team.graphml" >/dev/null || fail "no readable id ex:$who"
  awk -v id="<node id=\"ex:$who\">" '$0 ~ id {n=1} n && /<\/node>/ {exit} n' "$tmp/team.graphml" |
    grep -qF "$person" || fail "ex:$who (foaf:Person or schema:Person) is not drawn as a Person"
done
grep -q '<data key="label">Alice Martin</data>' "$tmp/team.graphml" || fail "foaf:name is not the shown name"
[ "$(model_count nodes "$bin" --types Person "$dir/team.ttl")" = 3 ] ||
  fail "--types Person does not keep the three foaf:Person and schema:Person nodes"
# --focus takes the id GraphML shows, and the CURIE of the input's own prefix
[ "$(model_count nodes "$bin" --focus ex:alice --depth 1 "$dir/team.ttl")" = 6 ] ||
  fail "--focus ex:alice does not find Alice and her neighbours"
"$bin" -q -f gexf -o "$tmp/team.gexf" "$dir/team.ttl"
grep -q 'label="Team offsite 2026" start="2026-03-02" end="2026-03-04"' "$tmp/team.gexf" ||
  fail "the schema:Event is not on the timeline from its schema:startDate to its schema:endDate"
grep -q '<description>The Paris offsite team</description>' "$tmp/team.gexf" ||
  fail "the GEXF description is not the document's dct:title"
# the base is the file's absolute IRI, whichever folder the command runs in
(cd "$dir" && "$bin" -q -f ntriples -o "$tmp/a.nt" team.ttl)
(cd / && "$bin" -q -f ntriples -o "$tmp/b.nt" "$dir/team.ttl")
cmp -s "$tmp/a.nt" "$tmp/b.nt" || fail "the IRIs of team.ttl depend on the folder it was read from"
grep -qF "<file://$dir/team.ttl>" "$tmp/a.nt" || fail "<> is not the file's absolute IRI"

# ---- Wikidata: typed by wdt:P31, dated by wdt:P580/P582 ----
[ "$(model_count nodes "$bin" --types Person "$dir/wikidata.ttl")" = 3 ] ||
  fail "--types Person does not keep the three wd:Q5 (human) entities"
[ "$(model_count nodes "$bin" --types Country "$dir/wikidata.ttl")" = 3 ] ||
  fail "--types Country does not keep the three countries"
"$bin" -q -f gexf -o "$tmp/wd.gexf" "$dir/wikidata.ttl"
grep -q 'label="World War II" start="1939-09-01" end="1945-09-02"' "$tmp/wd.gexf" ||
  fail "wdt:P580/P582 do not put World War II on the timeline"
grep -q 'label="instance of"' "$tmp/wd.gexf" || fail "wdt:P31 edges do not read 'instance of'"
# typing by P31 changes how the graph is drawn, never its data: no rdf:type appears
"$bin" -q -f ntriples -o "$tmp/wd.nt" "$dir/wikidata.ttl"
! grep -q '22-rdf-syntax-ns#type' "$tmp/wd.nt" || fail "wdt:P31 was written as rdf:type"
rapper -q -i turtle -o ntriples "$dir/wikidata.ttl" | sort >"$tmp/in.nt"
sort "$tmp/wd.nt" | diff -q "$tmp/in.nt" - >/dev/null || fail "the Wikidata triples did not come out as they went in"

# ---- DBpedia: dbo: classes and dates ----
[ "$(model_count nodes "$bin" --types City "$dir/dbpedia.ttl")" = 3 ] ||
  fail "--types City does not keep the three dbo:City resources"
[ "$(model_count nodes "$bin" --types Event --from 1940 --to 1940 "$dir/dbpedia.ttl")" = 1 ] ||
  fail "dbo:startDate/endDate do not date World War II for --from/--to"
"$bin" -q -f dot --view full -o "$tmp/dbp.dot" "$dir/dbpedia.ttl"
grep -q 'label="World War II\\n1939-09-01 – 1945-09-02"' "$tmp/dbp.dot" ||
  fail "the DOT label of World War II does not show its dbo: dates"
echo "ok: FOAF/schema.org, Wikidata and DBpedia graphs styled, filtered, dated and named"
