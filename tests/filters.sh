#!/usr/bin/env bash
# Filters apply before every exporter: the Turtle, GraphML and DOT of a filtered story agree,
# and hold what the filter promises.  Usage: filters.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
base=https://kgexport.org/story/trump-xi-call-2025-11-24/

# nodes of each export: subjects with a type (Turtle via rapper), <node id> (GraphML), DOT nodes
ids_ttl() { rapper -q -i turtle -o ntriples "$1" | awk '$2=="<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && $3!="<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>" {print $1}' | sed "s|<$base||; s|>\$||" | sort -u; }
ids_graphml() { grep -o '<node id="[^"]*"' "$1" | sed 's/<node id="//; s/"$//' | sort; }
ids_dot() { dot -Tplain "$1" | awk '$1=="node" && $2 !~ /^"?legend_/ {gsub(/"/, "", $2); print $2}' | sort; }

check() { # name, filter args...
  local name=$1; shift
  "$bin" -q "$@" -f turtle -o "$tmp/$name.ttl"
  "$bin" -q "$@" -f graphml -o "$tmp/$name.graphml"
  "$bin" -q "$@" -f dot --view full -o "$tmp/$name.dot" # the full view: every node of the part
  ids_ttl "$tmp/$name.ttl" >"$tmp/$name.ttl.ids"
  ids_graphml "$tmp/$name.graphml" >"$tmp/$name.graphml.ids"
  ids_dot "$tmp/$name.dot" >"$tmp/$name.dot.ids"
  diff "$tmp/$name.ttl.ids" "$tmp/$name.graphml.ids" >/dev/null || fail "$name: Turtle and GraphML hold different nodes"
  diff "$tmp/$name.ttl.ids" "$tmp/$name.dot.ids" >/dev/null || fail "$name: Turtle and DOT hold different nodes"
  echo "$name: $(wc -l <"$tmp/$name.ttl.ids") nodes, the same in Turtle, GraphML and DOT"
}
has() { grep -qx "$2" "$tmp/$1.ttl.ids" || fail "$1 lacks $2"; }
lacks() { ! grep -qx "$2" "$tmp/$1.ttl.ids" || fail "$1 holds $2"; }

check takaichi --focus sanae-takaichi --depth 1
has takaichi sanae-takaichi
has takaichi japan
has takaichi takaichi-statement-2025-11-07
lacks takaichi marco-rubio
lacks takaichi donald-trump

check people --types Person
for id in $(cat "$tmp/people.ttl.ids"); do
  [ "$id" = article ] && continue # the source every node cites stays
  sed -n "/<node id=\"$id\">/,/<\/node>/p" "$tmp/people.graphml" | grep -q '<data key="class">kg:Person' || fail "people: $id is not a person"
done
has people xi-jinping
lacks people china

check november --from 2025-11-01 --to 2025-11-30
has november call-2025-11-24
has november takaichi-statement-2025-11-07
lacks november busan-summit-2025-10-30
lacks november trump-state-visit-beijing-2026-04

set +e
"$bin" --focus nobody >/dev/null 2>&1; [ $? -eq 64 ] || fail "an unknown focus is not exit 64"
"$bin" --types Persn >/dev/null 2>&1; [ $? -eq 64 ] || fail "an unknown type is not exit 64"
"$bin" --from 2025-13 >/dev/null 2>&1; [ $? -eq 64 ] || fail "a bad date is not exit 64"
# a year beyond what kgexport computes with (19 digits): refused, not wrapped around
"$bin" --from=-99999999999999999999 >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 64 ] && grep -q 'is out of range' "$tmp/err" || fail "a year of 20 digits: exit $code, $(cat "$tmp/err")"
echo "filters: as promised"
