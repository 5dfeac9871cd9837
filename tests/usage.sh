#!/usr/bin/env bash
# The command line: exact exit codes for bad usage and I/O failures, and no file left behind.
. "$(dirname "$0")/lib.sh"
bin=$1
expect() { # code, args...
  local want=$1; shift
  set +e; "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; local code=$?; set -e
  [ "$code" -eq "$want" ] || fail "kgexport $*: exit $code, expected $want ($(head -1 "$tmp/err"))"
}
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
expect 0 -q --all "$tmp/all"
# one file for each format --help lists, named with the extension tests/lib.sh's ext_of gives
# it: the tests' format→extension mapping is kgexport's
"$bin" --help | awk '/--format/{f=1; next} /--output/{f=0} f{print $1}' >"$tmp/formats"
for fmt in turtle ntriples graphml dot; do grep -qx "$fmt" "$tmp/formats" || fail "--help lists no $fmt"; done
while read -r fmt; do
  [ -s "$tmp/all/story.$(ext_of "$fmt")" ] || fail "--all wrote no story.$(ext_of "$fmt") ($fmt)"
done <"$tmp/formats"
[ "$(ls -A "$tmp/all" | wc -l)" -eq "$(wc -l <"$tmp/formats")" ] ||
  fail "--all wrote $(ls -A "$tmp/all" | tr '\n' ' ')for the formats $(tr '\n' ' ' <"$tmp/formats")"
echo "usage: all exit codes as documented"
