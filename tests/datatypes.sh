#!/usr/bin/env bash
# Every datatype survives every RDF syntax: tests/data/datatypes.ttl (one literal of each
# datatype the model knows, and of some it keeps as written) is written as Turtle, N-Triples,
# N-Quads and RDF/XML, read back by rapper (and the Turtle and N-Triples by kgexport too), and
# each literal's datatype and lexical form compared with the model's own N-Triples.
# Usage: datatypes.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
data=$tests_dir/data/datatypes.ttl
xsd=http://www.w3.org/2001/XMLSchema#
base=https://example.org/datatypes/

"$bin" -q -b "$base" -f ntriples -o "$tmp/model.nt" "$data"

# The data file holds what it promises: a literal of each of these datatypes, a language-tagged
# string, a plain string and a datatype outside XSD.
for dt in string integer decimal double float boolean date gYearMonth gYear dateTime long int; do
  [ "$dt" = string ] && pattern='" \.$' || pattern="\"\\^\\^<$xsd$dt> \\.\$"
  grep -q -- "$pattern" "$tmp/model.nt" || fail "$data holds no literal of xsd:$dt"
done
grep -q '"@[a-z-]* \.$' "$tmp/model.nt" || fail "$data holds no language-tagged string"
grep -q '"\^\^<https://example.org/' "$tmp/model.nt" || fail "$data holds no custom datatype"

# compare WHAT FILE: FILE (N-Triples) holds the model's triples, each literal with the model's
# datatype and lexical form; each difference is named by its predicate.
failures=0
compare() {
  local what=$1 file=$2 report
  report=$(awk -v what="$what" -v xsd="$xsd" -v base="$base" '
    function short(s,   out, iri) { # IRIs as CURIEs, for the message
      out = ""
      while (match(s, /<[^<>"]*>/)) {
        iri = substr(s, RSTART + 1, RLENGTH - 2)
        if (index(iri, xsd) == 1)
          iri = "xsd:" substr(iri, length(xsd) + 1)
        else if (index(iri, base) == 1)
          iri = ":" substr(iri, length(base) + 1)
        else
          iri = "<" iri ">"
        out = out substr(s, 1, RSTART - 1) iri
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    function object(line) { sub(/^[^ ]+ [^ ]+ /, "", line); sub(/ \.$/, "", line); return line }
    { key = $1 " " $2 }
    FNR == NR { want[key] = object($0); next }
    { got[key] = object($0) }
    END {
      for (k in want) {
        split(k, kp, " ")
        if (!(k in got))
          printf "%s: %s: %s is missing\n", what, short(kp[2]), short(want[k])
        else if (got[k] != want[k])
          printf "%s: %s: the model holds %s, read back as %s\n", what, short(kp[2]), short(want[k]), short(got[k])
      }
      for (k in got)
        if (!(k in want)) {
          split(k, kp, " ")
          printf "%s: %s: %s was not in the model\n", what, short(kp[2]), short(got[k])
        }
    }' "$tmp/model.nt" "$file" | LC_ALL=C sort)
  if [ -n "$report" ]; then
    echo "$report" >&2
    failures=$((failures + $(echo "$report" | wc -l)))
  fi
  return 0
}

for fmt in turtle ntriples nquads rdfxml; do
  out=$tmp/out.$(ext_of "$fmt")
  "$bin" -q -b "$base" -f "$fmt" -o "$out" "$data"
  if ! rapper -q -i "$fmt" -o ntriples "$out" "$base" >"$tmp/rapper-$fmt.nt" 2>"$tmp/rapper.err"; then
    line=$(sed -n 's/.*:\([0-9][0-9]*\) - .*/\1/p' "$tmp/rapper.err" | head -1)
    fail "rapper cannot read our $fmt: $(head -1 "$tmp/rapper.err")${line:+ (line $line: $(sed -n "${line}p" "$out"))}"
  fi
  compare "$fmt read by rapper" "$tmp/rapper-$fmt.nt"
done
for fmt in turtle ntriples; do
  "$bin" -q -b "$base" -f ntriples -o "$tmp/self-$fmt.nt" "$tmp/out.$(ext_of "$fmt")"
  compare "$fmt read by kgexport" "$tmp/self-$fmt.nt"
done

[ "$failures" -eq 0 ] || fail "$failures literal(s) changed on the way (listed above)"
echo "datatypes: $(wc -l <"$tmp/model.nt") triples, each literal the same in Turtle, N-Triples, N-Quads and RDF/XML, read by rapper and kgexport"
