#!/usr/bin/env bash
# Names that find nodes (--focus, kg_graph_lookup): what a person would type picks the node
# they mean; an ambiguous name lists its candidates; an unknown one gets the closest ids.
# Usage: lookup.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
# the node --focus NAME picks: the one node of the story left at depth 0 besides the article
picked() {
  "$bin" --focus "$1" --depth 0 -f graphml -o "$tmp/p.graphml" 2>"$tmp/err" || return 1
  grep -o '<node id="[^"]*"' "$tmp/p.graphml" | sed 's/<node id="//; s/"//' | grep -vx article
}
expect_pick() { # NAME ID
  local got
  got=$(picked "$1") || fail "--focus '$1' failed: $(head -1 "$tmp/err")"
  [ "$got" = "$2" ] || fail "--focus '$1' picked '$got', expected '$2'"
}
expect_pick sanae-takaichi sanae-takaichi                                       # the id
expect_pick https://kgexport.org/story/trump-xi-call-2025-11-24/busan busan       # the IRI
expect_pick takaichi sanae-takaichi   # the person, not "Takaichi's statement in parliament"
expect_pick TAKAICHI sanae-takaichi   # case does not matter
expect_pick "Xi Jinping" xi-jinping
expect_pick xi xi-jinping             # a whole word beats the start of "Xinhua"
expect_pick 习近平 xi-jinping          # a name in another language
expect_pick 高市 sanae-takaichi       # part of one (CJK has no spaces between words)
expect_pick Busan busan               # the city, not "Trump-Xi summit in Busan"
expect_pick wang wang-yi
# a graph read with no base has whole IRIs for ids: the IRI's last segment still names a node
"$bin" -q -f ntriples -o "$tmp/story.nt"
"$bin" -q --focus xi-jinping --depth 0 -f graphml -o "$tmp/nb.graphml" "$tmp/story.nt" 2>"$tmp/err" ||
  fail "--focus xi-jinping of the story read back from N-Triples: $(head -1 "$tmp/err")"
got=$(grep -o '<node id="[^"]*"' "$tmp/nb.graphml" | grep -v '_article"$' || true)
[ "$got" = '<node id="https___kgexport.org_story_trump-xi-call-2025-11-24_xi-jinping"' ] ||
  fail "--focus xi-jinping of the story read back picked '$got'"
# ambiguous: exit 64, the candidates with their class and name
set +e
"$bin" --focus visit -f turtle >/dev/null 2>"$tmp/err"
code=$?
set -e
[ "$code" -eq 64 ] || fail "an ambiguous name exits $code, expected 64"
grep -qF 'focus: "visit" names 2 nodes, say which (by id): trump-state-visit-beijing-2026-04 (kg:StateVisit, ' "$tmp/err" ||
  fail "the ambiguous name's message: $(head -1 "$tmp/err")"
# unknown: exit 64, the closest ids
set +e
"$bin" --focus takaichii-sanae -f turtle >/dev/null 2>"$tmp/err"
code=$?
set -e
[ "$code" -eq 64 ] || fail "an unknown name exits $code, expected 64"
grep -qF 'no node "takaichii-sanae" in the graph (an id, an IRI, a CURIE, the last segment of an IRI or a name); the closest ids: ' "$tmp/err" ||
  fail "the unknown name's message: $(head -1 "$tmp/err")"
echo "ok: ids, IRIs and names in any language and case find the node a person means"
