#!/usr/bin/env bash
# Resource limits: a term over --max-term-bytes is refused in every syntax, with its place,
# the limit and the option that raises it, exit 65 and no output file; a long line (a one-line
# file of many triples) is read with a bounded window and its errors keep their columns.
# Usage: limits.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
expect() { # file, message, options...
  local f=$1 want=$2
  shift 2
  set +e; "$bin" -q "$@" -f turtle -o "$tmp/out/result.ttl" "$f" 2>"$tmp/err"; local code=$?; set -e
  [ "$code" -eq 65 ] || fail "$(basename "$f"): exit $code, expected 65 ($(head -1 "$tmp/err"))"
  [ "$(head -1 "$tmp/err")" = "$want" ] || fail "$(basename "$f"): '$(head -1 "$tmp/err")', expected '$want'"
  [ -z "$(ls -A "$tmp/out")" ] || fail "$(basename "$f"): files left behind: $(ls -A "$tmp/out")"
}
ok() { # file, options...: read and written
  local f=$1
  shift
  "$bin" -q "$@" -f turtle -o "$tmp/out/result.ttl" "$f" || fail "$(basename "$f") not read with $*"
  rm -f "$tmp/out/result.ttl"
}
mkdir "$tmp/out"
lim=(--max-term-bytes 1000)
big=$(head -c 2000 /dev/zero | tr '\0' 'x')
P='<http://example.org/a> <http://example.org/p>'
raise="(--max-term-bytes raises the limit)"

# a literal of 2000 bytes, under a limit of 1000, in each syntax
printf '%s "%s" .\n' "$P" "$big" >"$tmp/lit.nt"
expect "$tmp/lit.nt" "$tmp/lit.nt:1:47: a literal of more than 1000 bytes $raise" "${lim[@]}"
ok "$tmp/lit.nt" --max-term-bytes 2000
ok "$tmp/lit.nt" # the default, 64M
cp "$tmp/lit.nt" "$tmp/lit.ttl"
expect "$tmp/lit.ttl" "$tmp/lit.ttl:1:47: a literal of more than 1000 bytes $raise" "${lim[@]}"
printf '%s "%s" <http://example.org/g> .\n' "$P" "$big" >"$tmp/lit.nq"
expect "$tmp/lit.nq" "$tmp/lit.nq:1:47: a literal of more than 1000 bytes $raise" "${lim[@]}"
printf '<http://example.org/g> { %s """%s""" . }\n' "$P" "$big" >"$tmp/lit.trig"
expect "$tmp/lit.trig" "$tmp/lit.trig:1:72: a literal of more than 1000 bytes $raise" "${lim[@]}"
printf '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n<rdf:Description rdf:about="http://example.org/a"><ex:p>%s</ex:p></rdf:Description>\n</rdf:RDF>\n' "$big" >"$tmp/lit.rdf"
expect "$tmp/lit.rdf" "$tmp/lit.rdf:3:57: a literal of more than 1000 bytes $raise" "${lim[@]}"
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="d0" for="node" attr.name="n" attr.type="string"/>\n<graph edgedefault="directed">\n<node id="a"><data key="d0">%s</data></node>\n</graph>\n</graphml>\n' "$big" >"$tmp/lit.graphml"
expect "$tmp/lit.graphml" "$tmp/lit.graphml:5:29: a literal of more than 1000 bytes $raise" "${lim[@]}"
printf '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>\n<nodes><node id="a" label="%s"/></nodes></graph></gexf>\n' "$big" >"$tmp/lit.gexf"
expect "$tmp/lit.gexf" "$tmp/lit.gexf:3:27: a literal of more than 1000 bytes $raise" "${lim[@]}"

# Turtle is followed as it arrives (raptor parses it only at its end): a long string over
# lines, at its opening quotes; a prefixed name; exactly the limit goes in, quotes, escapes
# and comments holding quotes do not confuse the count
{ printf '@prefix : <http://example.org/> .\n:a :p """x\n'; head -c 600000 /dev/zero | tr '\0' 'z'; printf '""" .\n'; } >"$tmp/long.ttl"
expect "$tmp/long.ttl" "$tmp/long.ttl:2:7: a literal of more than 1000 bytes $raise" "${lim[@]}"
ok "$tmp/long.ttl" --max-term-bytes 600002
expect "$tmp/long.ttl" "$tmp/long.ttl:2:7: a literal of more than 600001 bytes $raise" --max-term-bytes 600001
printf '@prefix : <http://example.org/> .\n:a :%s "x" .\n' "$big" >"$tmp/name.ttl"
expect "$tmp/name.ttl" "$tmp/name.ttl:2:4: an IRI of more than 1000 bytes $raise" "${lim[@]}"
k=$(head -c 1000 /dev/zero | tr '\0' 'k')
{
  printf '@prefix : <http://example.org/> . # a comment with " and \x27 and """\n'
  printf ':a :p "%s", """%s""", \x27%s\x27, "\\"%s", """""%s""" ;\n' "$k" "$k" "$k" "${k:2}" "${k:2}"
  printf '  :q "it\x27s", \x27say "hi"\x27, """a "b" ""c"" d""", """""" , "" ; :r <http://example.org/%s> .\n' "${k:19}"
} >"$tmp/edge.ttl"
ok "$tmp/edge.ttl" "${lim[@]}"
[ "$(model_count triples "$bin" "${lim[@]}" "$tmp/edge.ttl")" -eq 8 ] || fail "edge.ttl: not its 8 triples"

# IRIs and blank node labels
printf '<http://example.org/%s> <http://example.org/p> "x" .\n' "$big" >"$tmp/iri.nt"
expect "$tmp/iri.nt" "$tmp/iri.nt:1:1: an IRI of more than 1000 bytes $raise" "${lim[@]}"
cp "$tmp/iri.nt" "$tmp/iri.ttl"
expect "$tmp/iri.ttl" "$tmp/iri.ttl:1:1: an IRI of more than 1000 bytes $raise" "${lim[@]}"
printf '%s "x"^^<http://example.org/%s> .\n' "$P" "$big" >"$tmp/datatype.nt"
expect "$tmp/datatype.nt" "$tmp/datatype.nt:1:52: an IRI of more than 1000 bytes $raise" "${lim[@]}"
printf '_:%s <http://example.org/p> "x" .\n' "$big" >"$tmp/blank.nt"
expect "$tmp/blank.nt" "$tmp/blank.nt:1:1: a blank node label of more than 1000 bytes $raise" "${lim[@]}"

# N-Triples refuses a long term while its line is still coming (chunks of 256 KB): the same
# message, before the rest of the line is held
huge=$(head -c 600000 /dev/zero | tr '\0' 'y')
{ printf '%s "a" .\n' "$P"; printf '%s "%s" .\n' "$P" "$huge"; } >"$tmp/long.nt"
expect "$tmp/long.nt" "$tmp/long.nt:2:47: a literal of more than 1000 bytes $raise" "${lim[@]}"
ok "$tmp/long.nt" --max-term-bytes 600000
# a line longer than four terms of the limit and the syntax: only spaces, but refused
{ printf '%s "a" .' "$P"; head -c 600000 /dev/zero | tr '\0' ' '; printf '# end\n'; } >"$tmp/spaces.nt"
expect "$tmp/spaces.nt" "$tmp/spaces.nt:1:69537: a line of more than 69536 bytes, which no triple of terms of at most 1000 bytes needs $raise" "${lim[@]}"

ok "$tmp/lit.nt" --max-term-bytes 2k # (the option's bad values: tests/usage.sh)

# one line of many triples (1.2 MB, longer than the part of the input kept for messages):
# an error near its end names line 2 and the column counted from the line's real start
/usr/bin/python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
head = '@prefix : <http://example.org/> .\n@prefix kg: <https://kgexport.org/ns#> .\n'
line = ''.join(':n%d :p "标签 %d" . ' % (i, i) for i in range(60000))
open(tmp + '/oneline.ttl', 'w').write(head + line + ':x a kg:Persn .\n')
open(tmp + '/oneline.col', 'w').write('%d\n' % (len(line) + 6))
bad = line + ':x :p "y"@' + 'a' * 300 + ' .\n'
open(tmp + '/onelang.ttl', 'w').write(head + bad)
open(tmp + '/onelang.col', 'w').write('%d\n' % (len(line) + 11))
utf = line.encode() + b':x :p "caf\xe9" .\n'
open(tmp + '/oneutf8.ttl', 'wb').write(head.encode() + utf)
open(tmp + '/oneutf8.col', 'w').write('%d\n' % (len(line) + 11))
PY
expect "$tmp/oneline.ttl" "$tmp/oneline.ttl:3:$(cat "$tmp/oneline.col"): unknown term kg:Persn: the kgexport ontology does not define it (did you mean kg:Person?)"
expect "$tmp/onelang.ttl" "$tmp/onelang.ttl:3:$(cat "$tmp/onelang.col"): a language tag of more than 255 characters, which the RDF parser (raptor 2.0.15) cannot read safely"
expect "$tmp/oneutf8.ttl" "$tmp/oneutf8.ttl:3:$(cat "$tmp/oneutf8.col"): invalid UTF-8 (byte 0xE9)"
echo "limits: terms over the limit refused in every syntax; columns right on a $(du -k "$tmp/oneline.ttl" | cut -f1) KB line"
