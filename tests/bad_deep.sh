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
gen '' >"$tmp/ok.nt"
[ "$(model_count triples "$bin" "$tmp/ok.nt")" -eq 30000 ] || fail "the valid file did not read as 30000 triples"
echo "deep errors: right line and column after $(du -k "$tmp/ok.nt" | cut -f1) KB"
