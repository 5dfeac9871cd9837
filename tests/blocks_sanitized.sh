#!/usr/bin/env bash
# The model's storage at the size where it changes gear, under the sanitizers: 200k generated
# triples fill the graph's 2 MB blocks, take blocks the reading thread made ahead (the
# reserve), give arrays up as they grow, and drop folded statements at compaction.
# AddressSanitizer knows each node, edge and array in those blocks (KGI_POISON in
# core/base.h), and this build never reuses an array given up, so a piece read past its end
# or used after it was given up or dropped stops the run. The bytes written with
# two threads are those written with one, and rapper and xmllint read them.
# Usage: blocks_sanitized.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
need "apt-get install raptor2-utils libxml2-utils" rapper xmllint
python3 "$gen" --triples 200000 --seed 3 >"$tmp/g.nt" 2>/dev/null
"$bin" --stats "$tmp/g.nt" >"$tmp/stats"
nodes=$(stats_field nodes <"$tmp/stats")
edges=$(stats_field edges <"$tmp/stats")
triples=$(stats_field triples <"$tmp/stats")
[ "$nodes" -ge 20000 ] || fail "only $nodes nodes generated"
# two threads read N-Triples only where two CPUs are free (kgi_threads_allowed)
[ "$(nproc)" -ge 2 ] || echo "note: one CPU here, so both runs below read on one thread"
for fmt in graphml gexf ntriples turtle; do
  "$bin" -q -f "$fmt" -o "$tmp/two.$fmt" "$tmp/g.nt" || fail "$fmt: exit $?"
  KGEXPORT_THREADS=1 "$bin" -q -f "$fmt" -o "$tmp/one.$fmt" "$tmp/g.nt" || fail "$fmt, one thread: exit $?"
  cmp -s "$tmp/two.$fmt" "$tmp/one.$fmt" || fail "$fmt: two threads wrote other bytes than one"
  case $fmt in
    graphml | gexf)
      xmllint --noout --nonet --stream "$tmp/two.$fmt" 2>"$tmp/xmllint" || fail "$fmt: $(tail -3 "$tmp/xmllint")"
      n=$(grep -c '<node ' "$tmp/two.$fmt")
      e=$(grep -c '<edge ' "$tmp/two.$fmt")
      [ "$n" -eq "$nodes" ] && [ "$e" -eq "$edges" ] || fail "$fmt: $n nodes, $e edges; the model has $nodes, $edges"
      ;;
    *)
      t=$(rapper -c -i "$fmt" "$tmp/two.$fmt" 2>&1 | grep -o '[0-9]* triples' | cut -d' ' -f1)
      [ "$t" = "$triples" ] || fail "$fmt: rapper counts ${t:-no} triples, the model $triples"
      ;;
  esac
  echo "$fmt: same bytes on one thread and two, read back"
done
