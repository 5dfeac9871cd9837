#!/usr/bin/env bash
# RDF/XML, N-Quads and TriG in (importers/raptor_reader.c, docs/model.md "Named graphs"):
# what kgexport writes comes back as the same triples; N-Quads come back as the same bytes;
# named graphs are the sources their triples cite; the format is chosen by extension, else by
# the first bytes, and -i overrides; hostile XML reads no file and opens no connection.
# Usage: readers.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
data=$tests_dir/data
cd "$tmp"
sorted() { LC_ALL=C sort; }

# TriG from N-Quads (raptor 2.0.15 writes no TriG): each quad in a block of its graph
to_trig() {
  cat >"$tmp/to_trig.py" <<'PY'
import re, sys
term = re.compile(r'<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?')
for line in sys.stdin:
    t = term.findall(line)
    if len(t) == 4:
        print("%s { %s %s %s . }" % (t[3], t[0], t[1], t[2]))
    elif len(t) == 3:
        print("{ %s %s %s . }" % tuple(t))
    elif t:
        sys.exit("cannot split: " + line)
PY
  python3 "$tmp/to_trig.py"
}

# ---- round trips: the story, the adversarial graph, the foreign graphs ----
for src in story "$data/adversarial.ttl" "$tests_dir"/foreign/*.ttl; do
  name=$(basename "$src" .ttl)
  if [ "$src" = story ]; then set --; else set -- "$src"; fi
  "$bin" -q -f ntriples "$@" | sorted >"$name.nt"
  "$bin" -q -f rdfxml -o "$name.rdf" "$@"
  "$bin" -q -f nquads -o "$name.nq" "$@"
  to_trig <"$name.nq" >"$name.trig"
  for ext in rdf nq trig; do
    "$bin" -q -f ntriples "$name.$ext" | sorted >"$name.$ext.nt" ||
      fail "$name.$ext: not read back"
    diff -u "$name.nt" "$name.$ext.nt" >diff ||
      fail "$name: its $ext export reads back as other triples: $(head -20 diff)"
  done
  # N-Quads out, N-Quads in, N-Quads out: the same bytes (each triple in its source's graph)
  "$bin" -q -i nquads -f nquads "$name.nq" >"$name.again.nq"
  cmp -s "$name.nq" "$name.again.nq" || fail "$name: N-Quads changed on a round trip"
  "$bin" -q -f nquads "$name.trig" >"$name.trig.nq"
  cmp -s "$name.nq" "$name.trig.nq" || fail "$name: TriG read back as other N-Quads"
done
"$bin" -f nquads </dev/null | "$bin" -i nquads -f nquads >pipe.nq
"$bin" -f nquads </dev/null | cmp -s - pipe.nq || fail "story: N-Quads through a pipe changed"
echo "ok: round trips through RDF/XML, N-Quads and TriG"

# ---- named graphs: the source of what they hold, unless it names its own ----
b=https://example.org/ng/
"$bin" -q -b $b -f nquads "$data/named-graphs.trig" >ng-trig.nq
"$bin" -q -b $b -f nquads "$data/named-graphs.nq" >ng-nq.nq
diff -u "$data/named-graphs.expected.nq" ng-trig.nq >diff || fail "TriG's named graphs: $(head -20 diff)"
diff -u "$data/named-graphs.expected.nq" ng-nq.nq >diff || fail "N-Quads' named graphs: $(head -20 diff)"
printf '<http://example.org/c> <http://www.w3.org/2000/01/rdf-schema#label> "C" _:notes .\n' >blank.nq
"$bin" -q -f ntriples blank.nq | grep -q '^<http://example.org/c> <http://www.w3.org/ns/prov#wasDerivedFrom> _:' ||
  fail "a blank node graph is not the source of its triple"
echo "ok: named graphs"

# ---- the format: by extension, else by the first bytes; -i overrides ----
"$bin" -q -f ntriples "$data/foaf-person.rdf" | sorted >person.nt
cat >person.expected <<'NT'
<http://example.org/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
<http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .
NT
diff -u person.expected person.nt >diff || fail "RDF/XML: $(cat diff)"
cp "$data/foaf-person.rdf" person.owl
cp "$data/foaf-person.rdf" person.xml
cp "$data/foaf-person.rdf" person-without-extension
for f in person.owl person.xml person-without-extension; do
  "$bin" -q -f ntriples "$f" | sorted | cmp -s - person.nt || fail "$f is not read as RDF/XML"
done
"$bin" -q -f ntriples <"$data/foaf-person.rdf" | sorted | cmp -s - person.nt ||
  fail "RDF/XML on standard input is not read as such"
cp story.nq story-quads.txt
"$bin" -q -i nquads -f nquads story-quads.txt | cmp -s - story.nq || fail "-i nquads on a .txt"
cp story.trig story-trig.ttl
"$bin" -q -i TriG -f nquads story-trig.ttl | cmp -s - story.nq || fail "-i TriG on a .ttl"
echo "ok: format by extension, by content, by -i"

# ---- hostile XML: no file read, no connection, the content of the file nowhere ----
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  traced=true
else
  traced=false
  echo "note: strace cannot trace here: file and network access checked by content only"
fi
echo "kgexport-canary-$$-must-not-be-read" >canary.txt
sed "s|file:///etc/hostname|file://$tmp/canary.txt|" "$tests_dir/bad/xml-external-entity.rdf" >xxe.rdf
printf '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM "canary.txt"> ]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"><rdf:Description rdf:about="http://example.org/a"><rdfs:label>&leak;</rdfs:label></rdf:Description></rdf:RDF>\n' >xxe-relative.rdf
cp "$tests_dir/bad/xml-remote-dtd.rdf" "$tests_dir/bad/xml-billion-laughs.rdf" \
  "$tests_dir/bad/xml-parameter-entity.rdf" .
for f in xxe.rdf xxe-relative.rdf xml-remote-dtd.rdf xml-billion-laughs.rdf xml-parameter-entity.rdf; do
  set +e
  if $traced; then
    # LeakSanitizer cannot run under ptrace (the sanitizer build): leaks are checked elsewhere
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
      strace -f -qq -e trace=openat,open,connect,socket -o "$f.trace" \
      "$bin" -f ntriples -o "$f.out" "$f" >"$f.stdout" 2>"$f.err"
  else
    "$bin" -f ntriples -o "$f.out" "$f" >"$f.stdout" 2>"$f.err"
  fi
  code=$?
  set -e
  [ "$code" -eq 65 ] || fail "$f: exit $code, expected 65 ($(head -1 "$f.err"))"
  [ ! -e "$f.out" ] || fail "$f: an output was written"
  ! grep -q must-not-be-read "$f.stdout" "$f.err" || fail "$f: the canary file's content was shown"
  if $traced; then
    grep -q "\"$f\"" "$f.trace" || fail "$f: the trace does not show the input opened"
    ! grep -E 'canary|hostname|\.dtd' "$f.trace" || fail "$f: a file it names was opened"
    ! grep -E 'connect\(|socket\(' "$f.trace" || fail "$f: a connection was attempted"
  fi
  echo "ok: $(head -1 "$f.err")"
done
