#!/usr/bin/env bash
# A generated graph of ~100k nodes (900k triples) goes to GraphML and GEXF with the node and
# edge counts of the model, and the writers stream: exporting costs (almost) no memory beyond
# the model itself. The bytes written on two threads are those written on one, and xmllint
# reads them: GraphML validated against its XSD as a stream (about 11 s), GEXF checked
# well-formed (its RELAX NG schema takes minutes at this size; the goldens and round trips
# validate it). A memory bound, not a time bound (no timing in tests).
# Usage: large.sh KGEXPORT GENERATOR SCHEMA_DIR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2 schemas=$3
[ -f "$schemas/graphml/graphml.xsd" ] || skip_or_fail "schemas not found at $schemas (set -DKG_SCHEMA_DIR=...)"
python3 "$gen" --triples 900000 --seed 7 >"$tmp/g.nt" 2>/dev/null
/usr/bin/time -f %M -o "$tmp/rss.stats" "$bin" --stats "$tmp/g.nt" >"$tmp/stats"
nodes=$(stats_field nodes <"$tmp/stats")
edges=$(stats_field edges <"$tmp/stats")
[ "$nodes" -ge 100000 ] || fail "only $nodes nodes generated"
base=$(cat "$tmp/rss.stats")
for fmt in graphml gexf; do
  /usr/bin/time -f %M -o "$tmp/rss.$fmt" "$bin" -q -f "$fmt" -o "$tmp/g.$fmt" "$tmp/g.nt"
  rss=$(cat "$tmp/rss.$fmt")
  # the model is already in memory; a writer that built a tree of the document would need
  # several times the model again (the files are 150-190 MB)
  [ "$rss" -le $((base + base / 10 + 20000)) ] || fail "$fmt export peaked at $rss KB, import alone at $base KB"
  n=$(grep -c '<node ' "$tmp/g.$fmt")
  e=$(grep -c '<edge ' "$tmp/g.$fmt")
  [ "$n" -eq "$nodes" ] && [ "$e" -eq "$edges" ] || fail "$fmt: $n nodes, $e edges; the model has $nodes, $edges"
  # composed on two threads (exporters/pgwriter.c): the bytes of one
  KGEXPORT_THREADS=1 "$bin" -q -f "$fmt" -o "$tmp/one.$fmt" "$tmp/g.nt"
  cmp -s "$tmp/g.$fmt" "$tmp/one.$fmt" || fail "$fmt: two threads wrote other bytes than one"
  rm -f "$tmp/one.$fmt"
  if [ "$fmt" = graphml ]; then
    xmllint --noout --nonet --stream --schema "$schemas/graphml/graphml.xsd" "$tmp/g.$fmt" 2>"$tmp/xmllint" ||
      fail "graphml: xmllint: $(tail -3 "$tmp/xmllint")"
  else
    xmllint --noout --nonet --stream "$tmp/g.$fmt" 2>"$tmp/xmllint" || fail "gexf: xmllint: $(tail -3 "$tmp/xmllint")"
  fi
  echo "$fmt: $n nodes, $e edges, $(du -m "$tmp/g.$fmt" | cut -f1) MB, peak $rss KB (import alone $base KB)"
done
