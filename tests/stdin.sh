#!/usr/bin/env bash
# Standard input: `-` reads it; with no INPUT a pipe or a redirected file is the input and the
# built-in story is exported only when standard input is a terminal or empty. Its messages
# name it <stdin> with the line and column; its base IRI is file:///dev/stdin#.
# Usage: stdin.sh KGEXPORT STORY_TTL GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 story=$2 gen=$3
cd "$tmp"
"$bin" -f ntriples "$story" >file.nt

# a pipe, `-`, and a redirected file give what the file gives (the story states its base)
cat "$story" | "$bin" -f ntriples >pipe.nt
cmp -s file.nt pipe.nt || fail "piped input differs from the file: $(diff file.nt pipe.nt | head -3)"
"$bin" -f ntriples - <"$story" >dash.nt
cmp -s file.nt dash.nt || fail "'-' differs from the file"
"$bin" -f ntriples <"$story" >redirected.nt
cmp -s file.nt redirected.nt || fail "a redirected file differs from the file"
"$bin" -f turtle -i TURTLE - <"$story" >/dev/null || fail "-i in upper case refused"

# empty standard input, or a terminal: the built-in story (which is the story file)
"$bin" -f ntriples </dev/null >empty.nt
cmp -s file.nt empty.nt || fail "empty standard input does not give the story"
# `script` runs the command on a pseudo-terminal (util-linux, in every Debian)
script -qec "'$bin' --stats" /dev/null </dev/null >tty.out
grep -q "nodes $(model_count nodes "$bin" "$story" </dev/null)" tty.out ||
  fail "a terminal on standard input does not give the story: $(head -c 200 tty.out)"
# but `-` says what it means: an empty input is an empty graph
[ "$("$bin" --stats - </dev/null | stats_field nodes)" = 0 ] || fail "'-' of nothing is not empty"

# relative IRIs resolve against file:///dev/stdin#, unless --base says otherwise
printf '<#me> <http://xmlns.com/foaf/0.1/name> "Me" .\n' | "$bin" -f ntriples >rel.nt
grep -q '^<file:///dev/stdin#me> ' rel.nt || fail "stdin base: $(cat rel.nt)"
printf '<#me> <http://xmlns.com/foaf/0.1/name> "Me" .\n' |
  "$bin" -b http://example.org/team/ -f ntriples >rel.nt
grep -q '^<http://example.org/team/#me> ' rel.nt || fail "--base on stdin: $(cat rel.nt)"

# a large input through a pipe: read in chunks after the first bytes, nothing lost
python3 "$gen" --triples 60000 --seed 5 >g.nt 2>/dev/null
want=$(model_count triples "$bin" g.nt </dev/null)
got=$(cat g.nt | "$bin" --stats -i ntriples | stats_field triples)
[ "$got" = "$want" ] || fail "a piped large input: $got triples, the file $want"

# errors name <stdin>, with the line and the column
expect_error() { # code, message, kgexport args... (standard input set by the caller)
  local code=$1 msg=$2
  shift 2
  set +e
  "$bin" "$@" >out 2>err
  local got=$?
  set -e
  [ "$got" -eq "$code" ] || fail "kgexport $*: exit $got, expected $code ($(head -1 err))"
  [ "$(head -1 err)" = "$msg" ] || fail "kgexport $*: '$(head -1 err)', expected '$msg'"
}
bad=$tests_dir/bad/unknown-class.ttl
msg=$(sed -n 2p "${bad%.ttl}.expected")
expect_error 65 "<stdin>${msg#unknown-class.ttl}" -f turtle <"$bad"
bad=$tests_dir/bad/syntax-ntriples.nt
msg=$(sed -n 2p "${bad%.nt}.expected")
cat "$bad" | expect_error 65 "<stdin>${msg#syntax-ntriples.nt}" -i ntriples -
# GraphML and GEXF on standard input are known by their root element
for fmt in graphml gexf; do
  "$bin" -q -f "$fmt" -o "story.$fmt"
  "$bin" -q -f ntriples -o "back.nt" <"story.$fmt" || fail "$fmt on standard input not read"
  "$bin" -q -f ntriples -o "story.nt"
  [ "$(LC_ALL=C sort story.nt)" = "$(LC_ALL=C sort back.nt)" ] || fail "$fmt on standard input read back other triples"
  rm -f "story.$fmt" back.nt story.nt
done
expect_error 65 "<stdin>:5:34: the edge's target 'b' is no node declared before it" \
  <"$tests_dir/bad/graphml-missing-node.graphml"
[ ! -s out ] || fail "output written for bad input"
# standard input that cannot be read (a folder): an I/O error, not the story
expect_error 74 "kgexport: cannot read standard input: Is a directory" </
expect_error 74 "<stdin>: read failed: Is a directory" - </
# closed: nothing to read, so the story
[ "$("$bin" --stats <&- | stats_field nodes)" = "$(model_count nodes "$bin" "$story" </dev/null)" ] ||
  fail "a closed standard input does not give the story"

# --all names the files after standard input
"$bin" -q --all all <"$story"
[ -s all/stdin.ttl ] || fail "--all from standard input wrote $(ls all)"
echo "stdin: pipe, '-' and redirection read; story on a terminal or empty input; <stdin>:LINE:COL"
