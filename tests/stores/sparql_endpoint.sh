#!/usr/bin/env bash
# kgexport --sparql against a real endpoint: the private Virtuoso of virtuoso_lib.sh holds the
# story's Turtle export in a named graph; a CONSTRUCT of Sanae Takaichi's neighbourhood,
# exported as GEXF through --sparql, shows the same neighbourhood as `--focus sanae-takaichi
# --depth 1 -f gexf` on the story itself. What must match, and why only that:
#   - the nodes: the focus and every node one edge from it (in either direction), by IRI
#     (the ids differ: the story's are relative to its base, the answer's to the endpoint's),
#     each with the label and the class shown (the query asks for types and labels);
#   - the edges among those nodes, as (source, target, relation) triples.
# Not compared: what --focus adds beyond the neighbourhood (the sources its elements cite, and
# their edges), the edges' qualifiers and sources, node attributes other than the relation
# (these come from the statements' provenance, rdf:Statement nodes the CONSTRUCT does not
# ask for), and the graph's title (the endpoint).
# Then the failures, each with its exact exit status and message: a refused connection (69),
# a query Virtuoso refuses with HTTP 400 (65: the query is the user's input), a server that
# accepts and never answers (69 within --timeout), an HTML answer (65, not RDF), and
# N-Triples that do not parse (65, at <URL>:line:col). Every server listens on 127.0.0.1 only and is
# stopped here.
# Usage: sparql_endpoint.sh KGEXPORT
# Exit 77 (skip) when virtuoso-t is missing, unless CI=true: then it fails.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
bin=$1
GRAPH=urn:kgexport:test:story
STORY=https://kgexport.org/story/trump-xi-call-2025-11-24/
. "$here/virtuoso_lib.sh"

"$bin" -q -f turtle -o "$db/data/story.ttl" </dev/null
want=$(model_count triples "$bin")
virtuoso_start
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/story.ttl'), '', '$GRAPH', 0, 2, 2);" >/dev/null
got=$(count_graph "$GRAPH")
[ "$got" = "$want" ] || fail "Virtuoso holds $got triples in <$GRAPH>, the model has $want"

# ---- the neighbourhood: edges at the focus, edges among its neighbours, their types and
# labels. Not edges: types, owl:sameAs, the provenance (prov:wasDerivedFrom), the statements'
# rdf:subject/predicate/object ----
cat >"$tmp/takaichi.rq" <<Q
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX s: <$STORY>
CONSTRUCT { ?a ?p ?b . ?a rdf:type ?ta . ?a rdfs:label ?la . ?b rdf:type ?tb . ?b rdfs:label ?lb }
WHERE { GRAPH <$GRAPH> {
  ?a ?p ?b .
  FILTER (isIRI(?b) && ?p NOT IN (rdf:type, owl:sameAs, prov:wasDerivedFrom, rdf:subject,
                                  rdf:predicate, rdf:object))
  FILTER (?a = s:sanae-takaichi || ?b = s:sanae-takaichi ||
          (EXISTS { { s:sanae-takaichi ?q1 ?a } UNION { ?a ?q1 s:sanae-takaichi }
                    FILTER (?q1 NOT IN (rdf:type, owl:sameAs, prov:wasDerivedFrom)) } &&
           EXISTS { { s:sanae-takaichi ?q2 ?b } UNION { ?b ?q2 s:sanae-takaichi }
                    FILTER (?q2 NOT IN (rdf:type, owl:sameAs, prov:wasDerivedFrom)) }))
  FILTER NOT EXISTS { ?a rdf:type rdf:Statement }
  FILTER NOT EXISTS { ?b rdf:type rdf:Statement }
  OPTIONAL { ?a rdf:type ?ta } OPTIONAL { ?a rdfs:label ?la }
  OPTIONAL { ?b rdf:type ?tb } OPTIONAL { ?b rdfs:label ?lb }
} }
Q
"$bin" -q --sparql "$endpoint" --query "$tmp/takaichi.rq" -f gexf -o "$tmp/sparql.gexf" ||
  fail "kgexport --sparql $endpoint failed (exit $?)"
"$bin" -q --focus sanae-takaichi --depth 1 -f gexf -o "$tmp/focus.gexf" </dev/null ||
  fail "kgexport --focus sanae-takaichi failed"
/usr/bin/python3 - "$tmp/focus.gexf" "$tmp/sparql.gexf" "$STORY" sanae-takaichi <<'PY' ||
import sys
import xml.etree.ElementTree as ET
focus_file, sparql_file, story, focus = sys.argv[1:5]

def read(path):
    root = ET.parse(path).getroot()
    iri, nodes = {}, {}  # node id -> IRI (ids differ: relative to another base); IRI -> what is shown
    for n in (n for n in root.iter() if n.tag.endswith("}node")):
        att = {a.get("for"): a.get("value") for a in n.iter() if a.tag.endswith("}attvalue")}
        iri[n.get("id")] = att["iri"]
        nodes[att["iri"]] = (n.get("label"), att.get("class"))
    edges = {(iri[e.get("source")], iri[e.get("target")], e.get("kind"))
             for e in root.iter() if e.tag.endswith("}edge")}
    return nodes, edges

f_nodes, f_edges = read(focus_file)
s_nodes, s_edges = read(sparql_file)
t = story + focus
hood = {t} | {b for a, b, _ in f_edges if a == t} | {a for a, b, _ in f_edges if b == t}
f_edges = {e for e in f_edges if e[0] in hood and e[1] in hood}
f_nodes = {(i, ) + f_nodes[i] for i in hood}
s_nodes = {(i, ) + shown for i, shown in s_nodes.items()}
ok = True
for what, want, got in (("nodes", f_nodes, s_nodes), ("edges", f_edges, s_edges)):
    if want != got:
        ok = False
        print(f"{what}: --focus only: {sorted(want - got)}", file=sys.stderr)
        print(f"{what}: --sparql only: {sorted(got - want)}", file=sys.stderr)
if len(hood) < 3 or len(f_edges) < 3:
    ok = False
    print(f"the neighbourhood is too small to mean anything: {len(hood)} nodes", file=sys.stderr)
print(f"neighbourhood of {focus}: {len(hood)} nodes, {len(f_edges)} edges, the same both ways")
sys.exit(0 if ok else 1)
PY
  fail "the GEXF of the CONSTRUCT and of --focus differ (above)"

# ---- failures: exact status, exact message ----
expect() { # expect STATUS MESSAGE-PATTERN (an ERE) -- kgexport arguments...
  local status=$1 pattern=$2 rc=0
  shift 3
  "$bin" -q "$@" -f gexf >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
  [ "$rc" = "$status" ] || fail "kgexport $*: exit $rc, not $status: $(cat "$tmp/err")"
  head -1 "$tmp/err" | grep -Eq "$pattern" ||
    fail "kgexport $*: the message '$(head -1 "$tmp/err")' does not match /$pattern/"
  [ ! -s "$tmp/out" ] || fail "kgexport $*: wrote output after a failure"
  echo "exit $rc: $(head -1 "$tmp/err")"
}
Q='CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'

# a query Virtuoso cannot compile: HTTP 400 and its first line
expect 65 "^kgexport: $endpoint: HTTP 400: .*SP030" -- --sparql "$endpoint" --query 'CONSTRUCT {'

# a refused connection: a free port on loopback that nobody listens on
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 40000))
  port_free "$p" && break
done
expect 69 "^kgexport: http://127.0.0.1:$p/sparql: cannot connect: Connection refused$" -- \
  --sparql "http://127.0.0.1:$p/sparql" --query "$Q"

# the stand-ins: one server per case, each stopped here
fake_pids=()
stop_fakes() { for pid in "${fake_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
at_exit stop_fakes
fake() { # fake MODE: start the stand-in, set fake_url
  rm -f "$tmp/port.$1"
  /usr/bin/python3 "$here/sparql_fake.py" "$1" "$tmp/port.$1" &
  fake_pids+=($!)
  for _ in $(seq 1 100); do [ -s "$tmp/port.$1" ] && break; sleep 0.05; done
  [ -s "$tmp/port.$1" ] || fail "the $1 stand-in did not start"
  fake_url="http://127.0.0.1:$(cat "$tmp/port.$1")/sparql"
}

fake hang
t0=$(date +%s)
expect 69 "^kgexport: $fake_url: no complete answer within 2 s" -- \
  --sparql "$fake_url" --query "$Q" --timeout 2
t=$(($(date +%s) - t0))
[ "$t" -le 4 ] || fail "--timeout 2 took $t s"

fake html
expect 65 "^kgexport: $fake_url: the answer is text/html; charset=utf-8, not RDF" -- \
  --sparql "$fake_url" --query "$Q"

fake badnt
expect 65 "^<$fake_url>:3:[0-9]+: " -- --sparql "$fake_url" --query "$Q"
echo "ok"
