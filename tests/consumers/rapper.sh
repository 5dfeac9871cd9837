#!/usr/bin/env bash
# rapper (Redland's strict command-line parser) reads our Turtle, N-Triples, N-Quads and
# RDF/XML with exactly the triple count the model reports.  Usage: rapper.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
want=$(model_count triples "$bin" "$@")
[ -n "$want" ] && [ "$want" -gt 0 ] || fail "no triple count from kgexport --stats"
for name in turtle ntriples nquads rdfxml; do
  ext=$(ext_of "$name")
  "$bin" -q -f "$name" -o "$tmp/g.$ext" "$@"
  rapper -q -i "$name" -o nquads "$tmp/g.$ext" "http://base.invalid/" >"$tmp/parsed.nt" 2>"$tmp/err" ||
    fail "rapper rejected the $name output: $(head -3 "$tmp/err")"
  [ -s "$tmp/err" ] && fail "rapper warned on the $name output: $(head -3 "$tmp/err")"
  got=$(wc -l <"$tmp/parsed.nt")
  [ "$got" -eq "$want" ] || fail "$name: rapper read $got triples, the model has $want"
  echo "$name: $got triples, as the model says"
done
