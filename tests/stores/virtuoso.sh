#!/usr/bin/env bash
# A real triple store: a private Virtuoso 7 (virtuoso-opensource-7-bin) on 127.0.0.1, with
# its own data folder and free ports, loads the Turtle export of the story and the ontology
# into named graphs, holds exactly the model's triple count, answers every question of
# tests/sparql/ over HTTP as expected, and is shut down whatever happens.
# Usage: virtuoso.sh KGEXPORT
# Exit 77 (skip) when virtuoso-t is missing, unless CI=true: then it fails.
# The server itself: virtuoso_lib.sh.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
bin=$1
src=$(cd "$here/../.." && pwd)

STORY_GRAPH=urn:kgexport:test:story
ONTO_GRAPH=urn:kgexport:test:ontology
ADV_GRAPH=urn:kgexport:test:adversarial
. "$here/virtuoso_lib.sh"

# ---- the data: exported Turtle, and the ontology; the model's count ----
"$bin" -q -f turtle -o "$db/data/story.ttl"
cp "$src/ontology/kgexport.ttl" "$db/data/ontology.ttl"
"$bin" -q -f turtle -o "$db/data/adversarial.ttl" "$src/tests/data/adversarial.ttl"
want=$(model_count triples "$bin")
adv_want=$(model_count triples "$bin" "$src/tests/data/adversarial.ttl")
[ -n "$want" ] && [ "$want" -gt 0 ] || fail "no triple count from kgexport --stats"
# the ontology's own count, as rapper (the reference parser of tests/consumers/) reads it
onto_want=$(rapper -q -i turtle -o ntriples "$db/data/ontology.ttl" "http://base.invalid/" | wc -l) ||
  fail "rapper rejected ontology/kgexport.ttl"

virtuoso_start

# ---- load into fresh named graphs (loads are not atomic: count after) ----
for g in "$STORY_GRAPH" "$ONTO_GRAPH" "$ADV_GRAPH"; do
  [ "$(count_graph "$g")" = 0 ] || fail "graph <$g> is not empty before the load"
done
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/story.ttl'), '', '$STORY_GRAPH', 0, 2, 2);" >/dev/null
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/ontology.ttl'), '', '$ONTO_GRAPH', 0, 2, 2);" >/dev/null
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/adversarial.ttl'), '', '$ADV_GRAPH', 0, 2, 2);" >/dev/null
isql "checkpoint;" >/dev/null

got=$(count_graph "$STORY_GRAPH")
[ "$got" = "$want" ] || fail "Virtuoso holds $got triples in <$STORY_GRAPH>, the model has $want"
echo "story: $got triples loaded into <$STORY_GRAPH>, as the model says"
onto_got=$(count_graph "$ONTO_GRAPH")
[ "$onto_got" = "$onto_want" ] ||
  fail "Virtuoso holds $onto_got triples in <$ONTO_GRAPH>, rapper reads $onto_want in ontology/kgexport.ttl"
echo "ontology: $onto_got triples loaded into <$ONTO_GRAPH>"
# the adversarial graph (IRIs with non-ASCII and %20, control characters, every datatype)
adv_got=$(count_graph "$ADV_GRAPH")
[ "$adv_got" = "$adv_want" ] ||
  fail "Virtuoso holds $adv_got triples in <$ADV_GRAPH>, the model of tests/data/adversarial.ttl has $adv_want"
echo "adversarial: $adv_got triples loaded into <$ADV_GRAPH>, as the model says"

# ---- the questions, over HTTP, against the story graph only ----
/usr/bin/python3 "$here/sparql_check.py" http "$endpoint" "$STORY_GRAPH" "$src/tests/sparql" ||
  fail "Virtuoso's answers differ from tests/sparql/*.expected (above)"
