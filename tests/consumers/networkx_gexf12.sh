#!/usr/bin/env bash
# --gexf-version 1.2draft is for NetworkX, whose read_gexf knows no later GEXF: NetworkX reads
# the file as it is (no namespace rewritten) and agrees with rdflib's reading of our N-Triples
# on every node, label, typed value and edge. The 1.2draft RELAX NG checks the structure (its
# viz module is broken upstream, see ../shared/schemas/README.md: viz: elements are taken out of
# the copy it checks).  Usage: networkx_gexf12.sh KGEXPORT SCHEMA_DIR [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1 schemas=$2; shift 2
"$bin" -q -f gexf --gexf-version 1.2draft -o "$tmp/g.gexf" "$@"
"$bin" -q -f ntriples -o "$tmp/g.nt" "$@"
grep -q '<gexf xmlns="http://www.gexf.net/1.2draft"' "$tmp/g.gexf" || fail "not GEXF 1.2draft"
/usr/bin/python3 "$(dirname "$0")/graphml_vs_rdf.py" --gexf12 "$tmp/g.gexf" "$tmp/g.nt" \
  "$(model_count nodes "$bin" "$@")" "$(model_count edges "$bin" "$@")"
rng=$schemas/gexf-1.2draft/gexf.rng
[ -f "$rng" ] || skip_or_fail "schema not found at $rng (set -DKG_SCHEMA_DIR=...)"
grep -v '<viz:' "$tmp/g.gexf" >"$tmp/noviz.gexf"
xmllint --noout --nonet --relaxng "$rng" "$tmp/noviz.gexf"
