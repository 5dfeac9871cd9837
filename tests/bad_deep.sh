#!/usr/bin/env bash
# Errors deep in a large file (read in chunks, past the part kept for messages) still name
# the right line and column, and a character split across two chunks is not an error.
# Usage: bad_deep.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
gen() { # lines of valid N-Triples with a 3-byte character, then $1
  for i in $(seq 1 30000); do
    printf '<https://example.org/n%d> <http://www.w3.org/2000/01/rdf-schema#label> "标签 %d"@zh .\n' "$i" "$i"
  done
  printf '%b' "$1"
}
expect() { # file, exit code, message
  set +e; "$bin" -q -f turtle -o "$tmp/out.ttl" "$1" 2>"$tmp/err"; local code=$?; set -e
  [ "$code" -eq "$2" ] || fail "$(basename "$1"): exit $code, expected $2 ($(head -1 "$tmp/err"))"
  [ "$(head -1 "$tmp/err")" = "$3" ] || fail "$(basename "$1"): '$(head -1 "$tmp/err")', expected '$3'"
  [ ! -e "$tmp/out.ttl" ] || fail "an output file was left"
}
gen '<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "caf\xe9" .\n' >"$tmp/utf8.nt"
expect "$tmp/utf8.nt" 65 "$tmp/utf8.nt:30001:74: invalid UTF-8 (byte 0xE9)"
gen '<https://example.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://kgexport.org/ns#Persn> .\n' >"$tmp/term.nt"
expect "$tmp/term.nt" 65 "$tmp/term.nt:30001:75: unknown term kg:Persn: the kgexport ontology does not define it (did you mean kg:Person?)"
# the same check of a predicate and of a datatype, which the reading thread answers ahead
gen '<https://example.org/x> <https://kgexport.org/ns#memberOff> <https://example.org/y> .\n' >"$tmp/pred.nt"
expect "$tmp/pred.nt" 65 "$tmp/pred.nt:30001:25: unknown term kg:memberOff: the kgexport ontology does not define it (did you mean kg:memberOf?)"
gen '<https://example.org/x> <https://example.org/p> "1"^^<https://kgexport.org/ns#Persn> .\n' >"$tmp/dt.nt"
expect "$tmp/dt.nt" 65 "$tmp/dt.nt:30001:54: unknown term kg:Persn: the kgexport ontology does not define it (did you mean kg:Person?)"
# a term refused by the mapping comes before a syntax error the reading thread meets later
gen '<https://example.org/x> <https://kgexport.org/ns#memberOff> <https://example.org/y> .\n<https://example.org/x> <https://example.org/p> "open .\n' >"$tmp/order.nt"
expect "$tmp/order.nt" 65 "$tmp/order.nt:30001:25: unknown term kg:memberOff: the kgexport ontology does not define it (did you mean kg:memberOf?)"
gen '' >"$tmp/ok.nt"
[ "$(model_count triples "$bin" "$tmp/ok.nt")" -eq 30000 ] || fail "the valid file did not read as 30000 triples"
# GraphML and GEXF: a value past libxml2's 10,000,000-byte limit on text, in an attribute (the
# parser's own error) and in element text (kgexport's), refused with its place, not read into
# memory whole; a GEXF 30,000 nodes long with an edge to no node at its end
huge=$(head -c 10000100 /dev/zero | tr '\0' 'x')
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="d0" for="node" attr.name="n" attr.type="string"/>\n<graph edgedefault="directed">\n<node id="a"><data key="d0">%s</data></node>\n</graph>\n</graphml>\n' "$huge" >"$tmp/text.graphml"
set +e; "$bin" -q -f turtle -o "$tmp/out.ttl" "$tmp/text.graphml" 2>"$tmp/err"; code=$?; set -e
[ "$code" -eq 65 ] &&
  grep -q "^$tmp/text.graphml:5:[0-9]*: a value longer than 10000000 bytes (libxml2's limit on XML text)$" "$tmp/err" ||
  fail "a 10 MB value: exit $code, $(head -1 "$tmp/err")"
printf '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>\n<nodes><node id="a" label="%s"/></nodes></graph></gexf>\n' "$huge" >"$tmp/attr.gexf"
set +e; "$bin" -q -f turtle -o "$tmp/out.ttl" "$tmp/attr.gexf" 2>"$tmp/err"; code=$?; set -e
[ "$code" -eq 65 ] && grep -q "^$tmp/attr.gexf:3:[0-9]*: not well-formed XML: .*AttValue length too long" "$tmp/err" ||
  fail "a 10 MB attribute: exit $code, $(head -1 "$tmp/err")"
[ ! -e "$tmp/out.ttl" ] || fail "an output file was left"
{
  printf '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes>\n'
  for i in $(seq 1 30000); do printf '<node id="n%d" label="标签 %d"/>\n' "$i" "$i"; done
  printf '</nodes><edges><edge id="0" source="n1" target="n0"/></edges></graph></gexf>\n'
} >"$tmp/deep.gexf"
expect "$tmp/deep.gexf" 65 "$tmp/deep.gexf:30003:54: the edge's target 'n0' is no node declared before it"
# nesting: 4,000 levels of blank nodes and of collections read; a million refused with what is
# wrong (raptor's Turtle parser holds about 5,000 levels of [ ], 10,000 of ( )), never a crash
nest() { # LEVELS OPEN CLOSE
  printf '@prefix : <http://example.org/> .\n:a :p '
  for _ in $(seq "$1"); do printf '%s' "$2"; done
  printf ':b'
  for _ in $(seq "$1"); do printf '%s' "$3"; done
  printf ' .\n'
}
nest 4000 '[ :p ' ' ]' >"$tmp/ok-nested.ttl"
[ "$(model_count nodes "$bin" "$tmp/ok-nested.ttl")" -eq 4002 ] || fail "4000 nested blank nodes not read"
nest 4000 '( ' ' )' >"$tmp/ok-lists.ttl"
"$bin" -q -f ntriples -o "$tmp/lists.nt" "$tmp/ok-lists.ttl" || fail "4000 nested collections not read"
for kind in blank list; do
  if [ $kind = blank ]; then
    /usr/bin/python3 -c "print('@prefix : <http://example.org/> .'); print(':a :p ' + '[ :p ' * 10**6 + ':b' + ' ]' * 10**6 + ' .')"
  else
    /usr/bin/python3 -c "print('@prefix : <http://example.org/> .'); print(':a :p ' + '( ' * 10**6 + ':b' + ' )' * 10**6 + ' .')"
  fi >"$tmp/deep-$kind.ttl"
  expect "$tmp/deep-$kind.ttl" 65 "$tmp/deep-$kind.ttl:2: nested more deeply than the Turtle parser reads (about 5000 levels of [ ], 10000 of ( ): raptor's stack is full)"
done
echo "deep errors: right line and column after $(du -k "$tmp/ok.nt" | cut -f1) KB"
