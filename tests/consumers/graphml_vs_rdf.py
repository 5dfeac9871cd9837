"""NetworkX's GraphML (or GEXF) reader and rdflib's N-Triples reader must see one graph.

Usage: graphml_vs_rdf.py [--gexf | --gexf12 | --igraph] FILE NTRIPLES NODES EDGES
(--igraph reads GraphML with igraph instead of NetworkX; igraph reads integers as floats.)
Both files are kgexport's exports of one graph. Every label in every language, every typed
value (with its type: integers as int, decimals as float, booleans as bool), every edge and
every edge qualifier in the RDF must be in the GraphML/GEXF as NetworkX reads it.
"""
import math
import sys

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef, XSD

args = sys.argv[1:]
gexf12 = args[0] == "--gexf12"  # kgexport's own 1.2draft, read by NetworkX as it is
gexf = args[0] == "--gexf" or gexf12
use_igraph = args[0] == "--igraph"
if gexf or use_igraph:
    args = args[1:]
READER = "igraph" if use_igraph else "NetworkX"
graphml, ntriples, want_nodes, want_edges = args[0], args[1], int(args[2]), int(args[3])
errors = []


def err(msg):
    errors.append(msg)


def read_gexf13(path):
    """Debian 12's NetworkX (2.8) knows GEXF up to 1.2draft, whose elements 1.3 keeps: read
    the file under the 1.2draft namespace. (Schema validity is checked by xmllint.)"""
    import io
    text = open(path, encoding="utf-8").read()
    text = text.replace('"http://gexf.net/1.3/viz"', '"http://www.gexf.net/1.2draft/viz"')
    text = text.replace('"http://gexf.net/1.3"', '"http://www.gexf.net/1.2draft"')
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")), version="1.2draft")


def read_igraph(path):
    """igraph's GraphML reader, as nodes {id: attrs} and edges [(u, v, attrs)]; it renames
    vertices and keeps our id in the 'id' attribute, and gives unset attributes as None/NaN."""
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    clean = lambda d: {k: v for k, v in d.items() if v is not None and v == v and v != ""}
    names = [v["id"] for v in g.vs]
    nodes = {names[v.index]: clean(v.attributes()) for v in g.vs}
    edges = [(names[e.source], names[e.target], clean(e.attributes())) for e in g.es]
    return nodes, edges


if use_igraph:
    NODES, EDGES = read_igraph(graphml)
else:
    if gexf12:
        G = nx.read_gexf(graphml, version="1.2draft")
    elif gexf:
        G = read_gexf13(graphml)
    else:
        G = nx.read_graphml(graphml, force_multigraph=True)
    NODES = dict(G.nodes(data=True))
    EDGES = list(G.edges(data=True))
R = rdflib.Graph()
R.parse(ntriples, format="nt")

if len(NODES) != want_nodes:
    err(f"{READER} read {len(NODES)} nodes, the model has {want_nodes}")
if len(EDGES) != want_edges:
    err(f"{READER} read {len(EDGES)} edges, the model has {want_edges}")

by_iri = {}
for n, d in NODES.items():
    if not isinstance(d.get("label"), str) or not d["label"]:
        err(f"node {n} has no label")
    viz = d.get("viz", {})
    colour = viz.get("color", {}) if gexf else d
    size = viz.get("size") if gexf else d.get("size")
    for c in "rgb":
        v = colour.get(c)
        if use_igraph and isinstance(v, float) and v.is_integer():
            v = int(v)  # igraph reads GraphML int as float
        if not isinstance(v, int) or not 0 <= v <= 255:
            err(f"node {n}: colour {c}={colour.get(c)!r} is not an int in 0..255")
    if not isinstance(size, float):
        err(f"node {n}: size {size!r} is not a float")
    by_iri[d.get("iri")] = (n, d)

STATEMENT = RDF.Statement
statements = set(R.subjects(RDF.type, STATEMENT))
STRUCTURAL = {RDF.type, RDFS.label, RDF.subject, RDF.predicate, RDF.object,
              URIRef("http://www.w3.org/2002/07/owl#sameAs"),
              URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")}


def split_list(v):
    """Gephi's list syntax as kgexport writes it: ["a", "b \\"c\\""]."""
    items, cur, quoted, esc = [], "", False, False
    for ch in v[1:-1]:
        if esc:
            cur += ch
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == '"':
            quoted = not quoted
            if not quoted:
                items.append(cur)
                cur = ""
        elif quoted:
            cur += ch
    return items


def values_of(d):
    """Every data value of an element, multi-values split apart."""
    out = []
    for k, v in d.items():
        if isinstance(v, str) and gexf and v.startswith("[") and v.endswith("]"):
            out.extend(split_list(v))
        elif isinstance(v, str) and "; " in v:
            out.extend(v.split("; "))
        out.append(v)
    return out


def present(lit, vals):
    py = lit.toPython()
    dt = lit.datatype
    if dt in (XSD.integer,):
        if use_igraph:  # igraph reads long as float: the value must still be exact
            return any(isinstance(v, float) and v == py for v in vals) or str(lit) in vals
        return any(type(v) is int and v == py for v in vals) or str(lit) in vals
    if dt in (XSD.decimal, XSD.double):
        return any(isinstance(v, float) and math.isclose(v, float(py)) for v in vals) or str(lit) in vals
    if dt == XSD.boolean:
        if use_igraph:  # igraph reads booleans as 0.0/1.0
            return any(isinstance(v, (bool, float)) and v == py for v in vals)
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
        have = d.get(key, "")
        have = split_list(have) if gexf and have.startswith("[") and have.endswith("]") and \
            str(lab) != have else str(have).split("; ")
        if str(lab) not in have and str(lab) != d.get(key):
            err(f"{n}: rdfs:label {lab!r} is not in GraphML key {key} ({d.get(key)!r})")
        checked += 1
    for p, o in R.predicate_objects(s):
        if isinstance(o, Literal) and p not in STRUCTURAL:
            if not present(o, vals):
                err(f"{n}: value {p} {o!r} missing or of the wrong type in GraphML")
            checked += 1

# edges: each GraphML edge is an RDF triple; qualifiers of its statement are edge data
for u, v, d in EDGES:
    iu, iv = NODES[u].get("iri"), NODES[v].get("iri")
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
print(f"{'GEXF' if gexf else 'GraphML'} ({READER}) and RDF (rdflib) agree: {len(NODES)} nodes, "
      f"{len(EDGES)} edges, {checked} labels and values checked")
