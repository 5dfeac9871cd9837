#!/usr/bin/python3
"""The rdflib and NetworkX peers of bench/run (run with Debian's /usr/bin/python3).

    python_peers.py nt2ttl IN.nt OUT.ttl           rdflib: parse N-Triples, serialize Turtle
    python_peers.py nt2graphml IN.nt OUT.graphml   rdflib -> NetworkX MultiDiGraph -> GraphML
    python_peers.py graphml2gexf IN.graphml OUT.gexf   NetworkX read_graphml -> write_gexf
    python_peers.py nx_read IN.graphml -          NetworkX read_graphml, nothing written
    python_peers.py igraph_read IN.graphml -      igraph (its C reader) Read_GraphML

nt2graphml builds the graph as kgexport does: an IRI or blank-node object is an edge (keyed
and labelled by its predicate), rdf:type the node's "class", a literal a node attribute named
after its predicate's local name (with _LANG for a language-tagged one; several values joined
with "; "). Prints "nodes N edges M" on stderr.
"""
import sys

import networkx as nx
import rdflib
from rdflib import RDF, Literal


def local(iri):
    s = str(iri)
    for sep in ("#", "/"):
        if sep in s:
            s = s.rsplit(sep, 1)[1]
    return s or "value"


def nt2ttl(src, dst):
    g = rdflib.Graph()
    g.parse(src, format="nt")
    g.serialize(destination=dst, format="turtle")
    print(f"triples {len(g)}", file=sys.stderr)


def nt2graphml(src, dst):
    g = rdflib.Graph()
    g.parse(src, format="nt")
    G = nx.MultiDiGraph()
    for s, p, o in g:
        sid = str(s)
        if sid not in G:
            G.add_node(sid)
        if isinstance(o, Literal):
            key = local(p) + (f"_{o.language}" if o.language else "")
            attrs = G.nodes[sid]
            attrs[key] = f"{attrs[key]}; {o}" if key in attrs else str(o)
        elif p == RDF.type:
            G.nodes[sid]["class"] = str(o)
        else:
            G.add_edge(sid, str(o), key=local(p), relation=str(p))
    nx.write_graphml(G, dst)
    print(f"nodes {G.number_of_nodes()} edges {G.number_of_edges()}", file=sys.stderr)


def graphml2gexf(src, dst):
    G = nx.read_graphml(src, force_multigraph=True)
    nx.write_gexf(G, dst)
    print(f"nodes {G.number_of_nodes()} edges {G.number_of_edges()}", file=sys.stderr)


def nx_read(src, _dst):
    G = nx.read_graphml(src, force_multigraph=True)
    print(f"nodes {G.number_of_nodes()} edges {G.number_of_edges()}", file=sys.stderr)


def igraph_read(src, _dst):
    import igraph
    g = igraph.Graph.Read_GraphML(src)
    print(f"nodes {g.vcount()} edges {g.ecount()}", file=sys.stderr)


COMMANDS = {"nt2ttl": nt2ttl, "nt2graphml": nt2graphml, "graphml2gexf": graphml2gexf,
            "nx_read": nx_read, "igraph_read": igraph_read}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2], sys.argv[3])
