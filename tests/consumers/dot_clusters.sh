#!/usr/bin/env bash
# Actors grouped by the country they act for: Graphviz's own gvpr lists the members of each
# country cluster of the story's DOT, compared with tests/golden/story.clusters (read against
# the article: each member holds an office of that country; the Geneva delegation, acting
# for several countries, is in none).  Usage: dot_clusters.sh KGEXPORT GOLDEN
. "$(dirname "$0")/../lib.sh"
bin=$1 golden=$2
"$bin" -q -f dot -o "$tmp/g.dot"
gvpr 'BEG_G { graph_t s; node_t n;
  for (s = fstsubg($G); s; s = nxtsubg(s))
    if (index(s.name, "cluster_country") == 0)
      for (n = fstnode(s); n; n = nxtnode_sg(s, n)) printf("%s|%s\n", s.label, n.name); }' \
  "$tmp/g.dot" | LC_ALL=C sort >"$tmp/clusters"
diff -u "$golden" "$tmp/clusters" >"$tmp/diff" || fail "country clusters differ: $(cat "$tmp/diff")"
echo "country clusters: $(cut -d'|' -f1 "$tmp/clusters" | sort -u | tr '\n' ' ')($(wc -l <"$tmp/clusters") nodes)"
