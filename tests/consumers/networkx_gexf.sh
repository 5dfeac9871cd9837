#!/usr/bin/env bash
# NetworkX reads our GEXF; rdflib reads our N-Triples; they agree on every node, label,
# typed value and edge.  Usage: networkx_gexf.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
"$bin" -q -f gexf -o "$tmp/g.gexf" "$@"
"$bin" -q -f ntriples -o "$tmp/g.nt" "$@"
/usr/bin/python3 "$(dirname "$0")/graphml_vs_rdf.py" --gexf "$tmp/g.gexf" "$tmp/g.nt" \
  "$(model_count nodes "$bin" "$@")" "$(model_count edges "$bin" "$@")"
