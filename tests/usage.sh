#!/usr/bin/env bash
# The command line: exact exit codes for bad usage and I/O failures, and no file left behind.
. "$(dirname "$0")/lib.sh"
bin=$1
exec </dev/null # no INPUT means the built-in story here, not standard input (tests/stdin.sh)
expect() { # code, args...
  local want=$1; shift
  set +e; "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; local code=$?; set -e
  [ "$code" -eq "$want" ] || fail "kgexport $*: exit $code, expected $want ($(head -1 "$tmp/err"))"
}
# says MESSAGE: the first line on stderr of the last expect is exactly MESSAGE
says() { [ "$(head -1 "$tmp/err")" = "$1" ] || fail "message: '$(head -1 "$tmp/err")', expected '$1'"; }
expect 0 --version
grep -q '^kgexport [0-9]' "$tmp/out" || fail "--version prints no version"
expect 0 --help
grep -q -- '--format' "$tmp/out" || fail "--help shows no options"
expect 64 --no-such-option
expect 64 -f nosuchformat
expect 64 -o
expect 64 a.ttl b.ttl
expect 64 -o "$tmp/x" --all "$tmp/d"
expect 74 "$tmp/does-not-exist.ttl"
grep -q "does-not-exist.ttl: cannot open" "$tmp/err" || fail "missing-file message: $(cat "$tmp/err")"
expect 74 -o "$tmp/no/such/dir/out.ttl"
[ ! -e "$tmp/no" ] || fail "a folder was created"
expect 0 -q -o "$tmp/ok.ttl"
[ -s "$tmp/ok.ttl" ] || fail "no output written"
[ "$(ls -A "$tmp" | grep -c '^\.ok')" -eq 0 ] || fail "temporary file left behind"
(cd "$tmp" && expect 0 -q -f ntriples -o -) # '-' is standard output, not a file named "-"
[ ! -e "$tmp/-" ] || fail "-o - wrote a file named '-'"
cmp -s "$tmp/out" <("$bin" -q -f ntriples) || fail "-o - did not write the export to standard output"
expect 64 -a "$tmp/both" -o - # standard output named is still an output
says "kgexport: --all and --output exclude each other"
expect 0 -q --all "$tmp/all"
# one file for each format --help lists, named with the extension tests/lib.sh's ext_of gives
# it: the tests' format→extension mapping is kgexport's
"$bin" --help | awk '/--format/{f=1; next} /--output/{f=0} f{print $1}' >"$tmp/formats"
for fmt in turtle ntriples graphml dot; do grep -qx "$fmt" "$tmp/formats" || fail "--help lists no $fmt"; done
while read -r fmt; do
  [ -s "$tmp/all/story.$(ext_of "$fmt")" ] || fail "--all wrote no story.$(ext_of "$fmt") ($fmt)"
done <"$tmp/formats"
# and the two other views of the pictures, as SVG
for view in full timeline; do
  grep -q '<svg' "$tmp/all/story-$view.svg" || fail "--all wrote no story-$view.svg"
done
[ "$(ls -A "$tmp/all" | wc -l)" -eq "$(($(wc -l <"$tmp/formats") + 2))" ] ||
  fail "--all wrote $(ls -A "$tmp/all" | tr '\n' ' ')for the formats $(tr '\n' ' ' <"$tmp/formats") and two views"

# format names in any case; an unknown one gets the list and the closest name
formats=$(paste -sd, "$tmp/formats" | sed 's/,/, /g')
expect 0 -f GraphML -o "$tmp/upper.graphml"
grep -q '<graphml' "$tmp/upper.graphml" || fail "-f GraphML wrote no GraphML"
grep -q 'graphml  ' "$tmp/err" || fail "the summary line does not name graphml: $(cat "$tmp/err")"
expect 64 -f grapml
says "kgexport: unknown format 'grapml'; did you mean 'graphml'? Formats: $formats"
expect 64 -f ttl
says "kgexport: unknown format 'ttl'; did you mean 'turtle'? Formats: $formats"
expect 64 -f xyz
says "kgexport: unknown format 'xyz'. Formats: $formats"
printf '<http://example.org/a> <http://example.org/b> "c" .\n' >"$tmp/one.txt"
expect 0 -i NTriples --stats "$tmp/one.txt"
for bad in 0 1X -5 " 1"; do
  expect 64 --max-term-bytes "$bad" "$tmp/one.txt"
  says "kgexport: --max-term-bytes must be a number of bytes, 1 or more, with an optional K, M or G, got '$bad'"
done
expect 0 --max-term-bytes 1k --stats -i ntriples "$tmp/one.txt"
expect 64 --max-term-bytes 1G --sparql http://localhost:1/ --query q
says "kgexport: --max-term-bytes is for an INPUT: a SPARQL answer is read with the default limit (64M)"
expect 64 -i turtel "$tmp/one.txt"
inputs="turtle, ntriples, rdfxml, nquads, trig, graphml, gexf"
says "kgexport: unknown input format 'turtel'; did you mean 'turtle'? Input formats: $inputs"

# RDF/XML writes predicates as element names: one that does not end in an XML name is refused
# with its IRI (raptor's serializer would stop half-way, rapper skips the triple unsaid)
printf '<http://example.org/a> <http://example.org/p/1> "x" .\n' >"$tmp/p1.nt"
expect 65 -f rdfxml -o "$tmp/p1.rdf" "$tmp/p1.nt"
says "kgexport: $tmp/p1.rdf: RDF/XML cannot write the predicate <http://example.org/p/1>: it does not end in an XML name, and RDF/XML writes it as an element name (Turtle, N-Triples and N-Quads can)"
# and a namespace that would extend RDF's own, which RDF/XML forbids
printf '<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#v#ct> "x" .\n' >"$tmp/rdfns.nt"
expect 65 -f rdfxml -o "$tmp/rdfns.rdf" "$tmp/rdfns.nt"
says "kgexport: $tmp/rdfns.rdf: RDF/XML cannot write the predicate <http://www.w3.org/1999/02/22-rdf-syntax-ns#v#ct>: its namespace would extend the RDF namespace, which RDF/XML forbids (Turtle, N-Triples and N-Quads can)"
# a class the same: RDF/XML writes a typed node as an element named after it
printf '@prefix e: <#> .\n[] a e: .\n' >"$tmp/class.ttl"
expect 65 -b https://example.org/f/ -f rdfxml -o "$tmp/class.rdf" "$tmp/class.ttl"
says "kgexport: $tmp/class.rdf: RDF/XML cannot write the class <https://example.org/f/#>: it does not end in an XML name, and RDF/XML writes it as an element name (Turtle, N-Triples and N-Quads can)"
[ ! -e "$tmp/p1.rdf" ] || fail "a refused RDF/XML export left a file"
# and raptor's RDF/XML writer refuses U+007F (DEL), which XML 1.0 allows: refused first
printf '<http://example.org/a> <http://example.org/p> "x\177y" .\n' >"$tmp/del.nt"
expect 65 -f rdfxml -o "$tmp/del.rdf" "$tmp/del.nt"
says "kgexport: $tmp/del.rdf: RDF/XML cannot write U+007F (DEL), in http://example.org/a: raptor's RDF/XML writer refuses it, though XML 1.0 allows it (Turtle, N-Triples and N-Quads can)"
expect 0 -f turtle -o "$tmp/del.ttl" "$tmp/del.nt"
# formats kgexport does not read: named as such, not a Turtle syntax error
printf '{"@id": "http://example.org/a"}\n' >"$tmp/data.jsonld"
expect 65 "$tmp/data.jsonld"
says "$tmp/data.jsonld: this is JSON-LD (by its extension), which kgexport does not read; it reads $inputs"
# GraphML and GEXF: by their extension, or by their root element under another name
printf '<?xml version="1.0"?>\n<!-- Gephi -->\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"/></nodes></graph></gexf>\n' >"$tmp/layout.xml"
expect 0 --stats "$tmp/layout.xml"
grep -qx "nodes 1" "$tmp/out" || fail "a GEXF file named .xml not read as GEXF: $(cat "$tmp/out")"
# RDF/XML, N-Quads and TriG: by their extension, RDF/XML also by its content
printf '<http://example.org/a> <http://example.org/b> "c" <http://example.org/g> .\n' >"$tmp/data.nq"
expect 0 --stats "$tmp/data.nq"
printf '<http://example.org/g> { <http://example.org/a> <http://example.org/b> "c" . }\n' >"$tmp/data.trig"
expect 0 --stats "$tmp/data.trig"
for ext in rdf owl xml; do
  printf '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n' >"$tmp/data.$ext"
  expect 0 --stats "$tmp/data.$ext"
done
printf '\xEF\xBB\xBF<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n' >"$tmp/bom"
expect 0 --stats "$tmp/bom"
printf '<!-- RDF/XML -->\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n' >"$tmp/c"
expect 0 --stats "$tmp/c"

printf '<http://example.org/a> <http://example.org/b> "c" .\n' >"$tmp/turtle.rdf" # by its name
expect 65 "$tmp/turtle.rdf"
says "$tmp/turtle.rdf:1: XML parser error - error parsing attribute name"
expect 0 -i turtle --stats "$tmp/turtle.rdf" # unless the format is named

# --stats writes no file: with --output or --all it is refused, and nothing is written
expect 64 -s -o "$tmp/stats.txt"
says "kgexport: --stats prints the counts on standard output and writes no file: leave out --output (or redirect: > FILE)"
[ ! -e "$tmp/stats.txt" ] || fail "-s -o wrote a file"
expect 64 -s --all "$tmp/stats-dir"
says "kgexport: --stats and --all exclude each other"
[ ! -e "$tmp/stats-dir" ] || fail "-s --all made a folder"

# filters: an empty date window, a negative depth
expect 64 --from 2025-01 --to 2024-01
says 'kgexport: date window: from "2025-01" is after to "2024-01", so nothing would be kept'
expect 0 --from 2025-11 --to 2025-11 --stats
expect 64 --depth -1 --focus xi-jinping
says "kgexport: --depth must be a whole number, 0 or more, got '-1'"
expect 64 --depth two --focus xi-jinping
says "kgexport: --depth must be a whole number, 0 or more, got 'two'"
expect 64 --depth 2000000 --focus xi-jinping
says "kgexport: --depth must be at most 1000000, got '2000000'"
# views and GEXF versions belong to the formats that have them
expect 64 -f graphml --view full
says "kgexport: --view is for pictures and DOT (dot, png, svg, pdf): graphml writes the whole graph"
expect 64 -f svg --view sideways
says "kgexport: unknown view 'sideways'. Views: overview, full, timeline"
expect 64 -f turtle --gexf-version 1.2draft
says "kgexport: --gexf-version 1.2draft is for -f gexf (1.3, the default, or 1.2draft, which NetworkX reads)"
expect 64 -f gexf --gexf-version 1.1
says "kgexport: unknown GEXF version '1.1' (1.3, 1.2draft)"
expect 0 --depth 0 --focus xi-jinping --stats
# -v says per file what its format could not carry (counts: tests/unit/test_loss.c)
expect 64 -v -q
says "kgexport: --verbose and --quiet exclude each other"
expect 0 -v -f turtle -o "$tmp/v.ttl"
grep -qxF "kgexport: $tmp/v.ttl (turtle): nothing left out" "$tmp/err" || fail "-v on Turtle: $(cat "$tmp/err")"
expect 0 -v -f png -o "$tmp/v.png"
grep -qE "^kgexport: $tmp/v.png \(png\): edge qualifiers not shown \(no tooltips\): [1-9][0-9]*$" "$tmp/err" ||
  fail "-v on PNG: $(cat "$tmp/err")"
expect 0 -f png -o "$tmp/quiet.png"
grep -q "not shown" "$tmp/err" && fail "without -v, losses were reported"
echo "usage: all exit codes as documented"
