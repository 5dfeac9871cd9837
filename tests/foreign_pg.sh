#!/usr/bin/env bash
# Property graphs kgexport did not write, read sensibly: GraphML and GEXF made here by NetworkX
# and igraph, a yEd diagram and a GEXF as Gephi saves it after a layout (tests/foreign/). Each
# is read, its N-Triples parsed by rdflib and checked; Gephi's and yEd's layouts reach DOT as
# fixed positions that dot and neato -n2 keep.  Usage: foreign_pg.sh KGEXPORT SCHEMA_DIR
. "$(dirname "$0")/lib.sh"
need xmllint
need dot
bin=$1 schemas=$2
here=$tests_dir/foreign
py=/usr/bin/python3
$py -c 'import networkx, igraph, rdflib' 2>/dev/null ||
  skip_or_fail "NetworkX, igraph and rdflib for Python are needed (scripts/install-test-extras.sh)"
base=https://example.org/pg/

# ---- NetworkX and igraph write GraphML (and NetworkX GEXF) of one small graph ----
$py - "$tmp" <<'PY'
import sys, networkx as nx, igraph as ig
out = sys.argv[1]
g = nx.DiGraph()
g.add_node("alice", name="Alice", age=34, score=0.75, active=True)
g.add_node("bob", name="Bob & Co <x>", age=41, score=float("nan"), active=False)
g.add_node("carol", name="Carol")
g.add_edge("alice", "bob", relation="knows", weight=0.5)
g.add_edge("bob", "carol", relation="knows", weight=2.0)
g.add_edge("alice", "carol", weight=1.0)
nx.write_graphml(g, f"{out}/nx.graphml")
nx.write_gexf(g, f"{out}/nx.gexf")
h = ig.Graph(directed=True)
h.add_vertices(3)
h.vs["name"] = ["alice", "bob", "carol"]
h.vs["age"] = [34, 41, 29]
h.add_edges([(0, 1), (1, 2)])
h.es["relation"] = ["knows", "knows"]
h.es["weight"] = [0.5, 2.0]
h.write_graphml(f"{out}/ig.graphml")
PY
for f in nx.graphml nx.gexf ig.graphml; do
  "$bin" -q -b "$base" -f ntriples -o "$tmp/$f.nt" "$tmp/$f" || fail "$f not read"
done
$py - "$tmp" "$base" <<'PY' || fail "NetworkX's and igraph's files read wrongly"
import math, sys, rdflib
from rdflib import URIRef, Literal, Namespace
from rdflib.namespace import XSD, RDF, RDFS
out, base = sys.argv[1], sys.argv[2]
B = Namespace(base)
def graph(name):
    g = rdflib.Graph(); g.parse(f"{out}/{name}.nt", format="nt"); return g
def one(g, s, p):
    vals = list(g.objects(s, p))
    assert len(vals) == 1, (s, p, vals)
    return vals[0]
def qualifier(g, s, p, o, q):
    for st in g.subjects(RDF.subject, s):
        if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
            return one(g, st, q)
    raise AssertionError(("no statement", s, p, o))
nx_ = graph("nx.graphml")
a, b, c = B.alice, B.bob, B.carol
assert one(nx_, a, B.name) == Literal("Alice"), one(nx_, a, B.name)
assert one(nx_, b, B.name) == Literal("Bob & Co <x>")
age = one(nx_, a, B.age); assert age.datatype == XSD.integer and int(age) == 34, age
score = one(nx_, a, B.score); assert score.datatype == XSD.double and float(score) == 0.75, score
nan = one(nx_, b, B.score)  # Python's "nan", read as XSD's NaN
assert nan.datatype == XSD.double and math.isnan(float(nan)), nan
act = one(nx_, a, B.active); assert act.datatype == XSD.boolean and act.toPython() is True, act
assert (a, B.knows, b) in nx_ and (b, B.knows, c) in nx_
assert (a, URIRef("http://purl.org/dc/terms/relation"), c) in nx_  # no relation: dct:relation
w = qualifier(nx_, a, B.knows, b, B.weight); assert float(w) == 0.5, w
# NetworkX's GEXF (1.2draft): the same nodes, labels and edges
gx = graph("nx.gexf")
assert (a, B.knows, b) in gx and (b, B.knows, c) in gx, sorted(gx)[:5]
assert one(gx, a, RDFS.label) == Literal("alice")
# igraph: nodes n0, n1, n2 with their names
ig_ = graph("ig.graphml")
assert one(ig_, B.n0, B.name) == Literal("alice")
assert float(one(ig_, B.n2, B.age)) == 29  # igraph declares its numbers double
assert (B.n0, B.knows, B.n1) in ig_
print("NetworkX GraphML and GEXF, igraph GraphML: values typed, relations and weights kept")
PY

# ---- yEd: labels, places and colours from its graphics; the rest counted ----
"$bin" -v -b "$base" -f ntriples -o "$tmp/yed.nt" "$here/yed.graphml" 2>"$tmp/yed.err" ||
  fail "yEd's file not read: $(cat "$tmp/yed.err")"
grep -q "yEd graphics (yfiles data) read for labels, places and colours only: 4" "$tmp/yed.err" ||
  fail "no note of the yEd graphics skipped: $(cat "$tmp/yed.err")"
grep -qF "<${base}n0> <http://www.w3.org/2000/01/rdf-schema#label> \"Donald Trump\" ." "$tmp/yed.nt" ||
  fail "yEd's node label not read"
grep -qF "<${base}n0> <${base}phoned> <${base}n1::n0> ." "$tmp/yed.nt" ||
  fail "yEd's edge label is not its relation"
grep -qF "<${base}n0> <https://kgexport.org/ns#color> \"#ffcc00\" ." "$tmp/yed.nt" ||
  fail "yEd's fill colour not read"

# ---- Gephi after a layout: positions, colours, sizes, periods, a dynamic value ----
gephi=$here/gephi-layout.gexf
"$bin" -v -b "$base" -f ntriples -o "$tmp/gephi.nt" "$gephi" 2>"$tmp/gephi.err" ||
  fail "Gephi's file not read: $(cat "$tmp/gephi.err")"
grep -q "periods of dynamic values not kept (their values are): 1" "$tmp/gephi.err" ||
  fail "no note of the dynamic value's period: $(cat "$tmp/gephi.err")"
$py - "$tmp/gephi.nt" "$base" <<'PY' || fail "Gephi's file read wrongly"
import sys, rdflib
from rdflib import Namespace, Literal
from rdflib.namespace import XSD, RDFS
g = rdflib.Graph(); g.parse(sys.argv[1], format="nt")
B, KG, S = Namespace(sys.argv[2]), Namespace("https://kgexport.org/ns#"), Namespace("http://schema.org/")
t = B.trump
assert g.value(t, RDFS.label) == Literal("Donald Trump")
assert float(g.value(t, KG.positionX)) == -310.25 and float(g.value(t, KG.positionY)) == 120.5
assert str(g.value(t, KG.color)) == "#c43e34" and float(g.value(t, KG.size)) == 24.5
assert str(g.value(t, S.startDate)) == "2025-01-20"
assert float(g.value(t, B.approval)) == 41.0  # the dynamic value, without its period
assert int(g.value(t, B["Modularity%20Class"])) == 0
assert (t, B.holdsOffice, B.usa) in g and (t, B.phoned, B.xi) in g
print("Gephi: positions, colours, sizes, periods, kinds and the dynamic value read")
PY
# the layout reaches DOT: fixed positions (nop2), which dot itself and neato -n2 keep
"$bin" -q -b "$base" -f dot -o "$tmp/gephi.dot" "$gephi"
grep -q 'layout=nop2' "$tmp/gephi.dot" || fail "a laid-out graph does not ask for nop2"
for engine in "dot" "neato -n2"; do
  $engine -Tjson "$tmp/gephi.dot" >"$tmp/gephi.json" || fail "$engine cannot lay out our DOT"
  $py - "$tmp/gephi.json" "$engine" <<'PY' || fail "$engine moved Gephi's nodes"
import json, sys
objs = json.load(open(sys.argv[1]))["objects"]
pos = {o["name"]: tuple(map(float, o["pos"].split(","))) for o in objs if "pos" in o}
gephi = {"trump": (-310.25, 120.5), "xi": (305.0, 118.75), "takaichi": (20.5, -260.0),
         "usa": (-420.0, -60.0), "china": (430.0, -70.0), "japan": (10.0, -400.0)}
dx = pos["xi"][0] - pos["trump"][0]
for name, (x, y) in gephi.items():  # the same drawing, moved as a whole
    px, py = pos[name][0] - pos["trump"][0], pos[name][1] - pos["trump"][1]
    assert abs(px - (x + 310.25)) < 1 and abs(py - (y - 120.5)) < 1, (name, px, py)
print(sys.argv[2], "keeps Gephi's layout")
PY
done
# PNG and SVG drawn in-process the same way; and GEXF written again keeps the drawing
"$bin" -q -b "$base" -f svg -o "$tmp/gephi.svg" "$gephi"
xmllint --noout --nonet "$tmp/gephi.svg" || fail "the SVG of a laid-out graph is not XML"
"$bin" -q -b "$base" -f gexf -o "$tmp/again.gexf" "$gephi"
[ ! -d "$schemas/gexf-1.3" ] ||
  xmllint --noout --nonet --relaxng "$schemas/gexf-1.3/gexf.rng" "$tmp/again.gexf" ||
  fail "GEXF of Gephi's graph not valid"
grep -q '<viz:position x="-310.25" y="120.5" z="0"/>' "$tmp/again.gexf" ||
  fail "Gephi's position not written again"
grep -q '<viz:color r="196" g="62" b="52"/>' "$tmp/again.gexf" || fail "Gephi's colour not written again"
grep -q '<viz:size value="24.5"/>' "$tmp/again.gexf" || fail "Gephi's size not written again"
echo "foreign property graphs: NetworkX, igraph, yEd and Gephi read; Gephi's layout kept in DOT and GEXF"
