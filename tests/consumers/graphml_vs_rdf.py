"""NetworkX's GraphML reader and rdflib's N-Triples reader must see the same graph.

Usage: graphml_vs_rdf.py GRAPHML NTRIPLES NODES EDGES
Both files are kgexport's exports of one graph. Every label in every language, every typed
value (with its type: integers as int, decimals as float, booleans as bool), every edge and
every edge qualifier in the RDF must be in the GraphML as NetworkX reads it.
"""
import math
import sys

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef, XSD

graphml, ntriples, want_nodes, want_edges = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
errors = []


def err(msg):
    errors.append(msg)


G = nx.read_graphml(graphml, force_multigraph=True)
R = rdflib.Graph()
R.parse(ntriples, format="nt")

if G.number_of_nodes() != want_nodes:
    err(f"GraphML has {G.number_of_nodes()} nodes, the model {want_nodes}")
if G.number_of_edges() != want_edges:
    err(f"GraphML has {G.number_of_edges()} edges, the model {want_edges}")

by_iri = {}
for n, d in G.nodes(data=True):
    if not isinstance(d.get("label"), str) or not d["label"]:
        err(f"node {n} has no label")
    for c in "rgb":
        if not isinstance(d.get(c), int) or not 0 <= d[c] <= 255:
            err(f"node {n}: colour {c}={d.get(c)!r} is not an int in 0..255")
    if not isinstance(d.get("size"), float):
        err(f"node {n}: size {d.get('size')!r} is not a float")
    by_iri[d.get("iri")] = (n, d)

STATEMENT = RDF.Statement
statements = set(R.subjects(RDF.type, STATEMENT))
STRUCTURAL = {RDF.type, RDFS.label, RDF.subject, RDF.predicate, RDF.object,
              URIRef("http://www.w3.org/2002/07/owl#sameAs"),
              URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")}


def values_of(d):
    """Every data value of an element, joined multi-values split apart."""
    out = []
    for k, v in d.items():
        if isinstance(v, str) and "; " in v:
            out.extend(v.split("; "))
        out.append(v)
    return out


def present(lit, vals):
    py = lit.toPython()
    dt = lit.datatype
    if dt in (XSD.integer,):
        return any(type(v) is int and v == py for v in vals) or str(lit) in vals
    if dt in (XSD.decimal, XSD.double):
        return any(isinstance(v, float) and math.isclose(v, float(py)) for v in vals) or str(lit) in vals
    if dt == XSD.boolean:
        return any(type(v) is bool and v == py for v in vals)
    if dt is not None and py is not lit:  # a typed value rdflib understands: compare values
        return any(isinstance(v, str) and Literal(v, datatype=dt).toPython() == py for v in vals)
    return str(lit) in vals


checked = 0
for s in set(R.subjects()):
    if s in statements or not isinstance(s, URIRef):
        continue
    if str(s) not in by_iri:
        err(f"{s} is in the RDF but not in the GraphML")
        continue
    n, d = by_iri[str(s)]
    vals = values_of(d)
    for lab in R.objects(s, RDFS.label):
        key = f"label_{lab.language}" if lab.language else "label_none"
        if str(lab) not in str(d.get(key, "")).split("; ") and str(lab) != d.get(key):
            err(f"{n}: rdfs:label {lab!r} is not in GraphML key {key} ({d.get(key)!r})")
        checked += 1
    for p, o in R.predicate_objects(s):
        if isinstance(o, Literal) and p not in STRUCTURAL:
            if not present(o, vals):
                err(f"{n}: value {p} {o!r} missing or of the wrong type in GraphML")
            checked += 1

# edges: each GraphML edge is an RDF triple; qualifiers of its statement are edge data
for u, v, d in G.edges(data=True):
    iu, iv = G.nodes[u].get("iri"), G.nodes[v].get("iri")
    rel = d.get("relation")
    if not d.get("label"):
        err(f"edge {u}->{v} has no label")
    if not iu.startswith("_:") and not iv.startswith("_:") and \
            (URIRef(iu), URIRef(rel), URIRef(iv)) not in R:
        err(f"edge {u} {rel} {v} is not a triple of the RDF")
    st = d.get("statement")
    if st:
        vals = values_of(d)
        for p, o in R.predicate_objects(URIRef(st)):
            if p in STRUCTURAL:
                continue
            if isinstance(o, Literal):
                ok = present(o, vals)
            else:
                ok = str(o) in vals
            if not ok:
                err(f"edge {u}->{v}: qualifier {p} {o!r} missing from GraphML")
            checked += 1

if errors:
    for e in errors[:30]:
        print("FAIL:", e)
    print(f"{len(errors)} difference(s)")
    sys.exit(1)
print(f"GraphML (NetworkX) and RDF (rdflib) agree: {G.number_of_nodes()} nodes, "
      f"{G.number_of_edges()} edges, {checked} labels and values checked")
