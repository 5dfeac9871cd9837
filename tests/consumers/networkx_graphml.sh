#!/usr/bin/env bash
# NetworkX reads our GraphML; rdflib reads our N-Triples; the two must agree on every node,
# label, typed value and edge.  Usage: networkx_graphml.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
"$bin" -q -f graphml -o "$tmp/g.graphml" "$@"
"$bin" -q -f ntriples -o "$tmp/g.nt" "$@"
# Debian's python3 has networkx 2.8 with lxml and rdflib (see docs/testing.md)
/usr/bin/python3 "$(dirname "$0")/graphml_vs_rdf.py" "$tmp/g.graphml" "$tmp/g.nt" \
  "$(model_count nodes "$bin" "$@")" "$(model_count edges "$bin" "$@")"
