#!/usr/bin/env bash
# igraph reads our GraphML; rdflib reads our N-Triples; they agree on every node, label,
# typed value and edge.  Usage: igraph_graphml.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
"$bin" -q -f graphml -o "$tmp/g.graphml" "$@"
"$bin" -q -f ntriples -o "$tmp/g.nt" "$@"
/usr/bin/python3 "$(dirname "$0")/graphml_vs_rdf.py" --igraph "$tmp/g.graphml" "$tmp/g.nt" \
  "$(model_count nodes "$bin" "$@")" "$(model_count edges "$bin" "$@")"
