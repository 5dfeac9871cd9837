#!/usr/bin/env bash
# kgexport under valgrind's memcheck: the built-in story in every output format, every case of
# the bad-input corpus (tests/bad/: its exact exit code and first line, as tests/bad.sh), and a
# generated graph of 100k triples to N-Triples, GraphML, GEXF and DOT. An invalid read or
# write, a use of uninitialised memory, a bad free, or a block lost (definitely or indirectly)
# fails it, each run's report printed. Blocks still reachable at exit (the libraries' caches,
# kgexport's process-wide Graphviz context and vocabulary) are not errors; the libraries' own
# lost blocks are suppressed by tests/valgrind.supp, each entry with its reason.
# Under the sanitizers valgrind cannot run (they reserve the address space it needs): skip.
# The runs go in parallel, one per core (KG_VALGRIND_JOBS=N to choose).
# Usage: valgrind.sh KGEXPORT GENERATOR [BAD_INPUT...]  (the bad inputs tests/CMakeLists.txt
# registers; by default every file of tests/bad/ with a CASE.expected beside it)
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
shift 2
bad_inputs=("$@")
if [ ${#bad_inputs[@]} -eq 0 ]; then
  for expected in "$tests_dir"/bad/*.expected; do
    bad_inputs+=("$(compgen -G "${expected%.expected}.*" | grep -v '\.expected$' | head -1)")
  done
fi
[[ $bin = /* ]] || bin=$PWD/$bin # the bad inputs run from their own folder
if grep -a -q -e __asan_init -e __tsan_init "$bin"; then
  echo "SKIP: $bin is built with a sanitizer, under which valgrind cannot run"
  exit 77 # whatever CI says: nothing is missing, this build is checked by its sanitizer
fi
need "scripts/install-deps.sh test" valgrind

# --error-exitcode: 99, which kgexport never uses (sysexits codes), so that a run's own exit
# code is still checked. Leaks: definite and indirect ones are errors; "possible" ones (only
# interior pointers left) come from pango, glib, fontconfig and Graphviz's plugin table, in
# the pictures only; "reachable" ones are caches.
# Uninitialised values are reported without their origin (--track-origins=yes doubles the time:
# add it when chasing one, through KG_VALGRIND_FLAGS).
vg_flags=(--tool=memcheck --error-exitcode=99 --leak-check=full
  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
  --suppressions="$tests_dir/valgrind.supp" --gen-suppressions=all --num-callers=40 -q)
# shellcheck disable=SC2206 # extra flags, split on spaces on purpose
[ -n "${KG_VALGRIND_FLAGS:-}" ] && vg_flags+=(${KG_VALGRIND_FLAGS})
jobs_max=${KG_VALGRIND_JOBS:-$(nproc)}
failures=$tmp/failures
: >"$failures"
mkdir "$tmp/log"

# problem NAME WHAT: a check failed (one line, appended: lines from parallel checks do not mix)
problem() { echo "$1: $2" >>"$failures"; }

# memcheck NAME WANT_CODE WANT_MSG ARGS...: kgexport ARGS under memcheck, from the folder $dir
# (default $tmp), exits WANT_CODE, with WANT_MSG as the first line on standard error unless it
# is empty, and with no memcheck error. Its report goes to $tmp/log/NAME.
memcheck() {
  local name=$1 want=$2 msg=$3 code
  shift 3
  set +e
  (cd "${dir:-$tmp}" && valgrind "${vg_flags[@]}" --log-file="$tmp/log/$name" "$bin" "$@") \
    >/dev/null 2>"$tmp/log/$name.err"
  code=$?
  set -e
  if [ "$code" -eq 99 ]; then
    problem "$name" "memcheck errors (kgexport $*)"
  elif [ "$code" -ne "$want" ]; then
    problem "$name" "exit $code, expected $want: $(head -3 "$tmp/log/$name.err")"
  elif [ -n "$msg" ] && [ "$(head -1 "$tmp/log/$name.err")" != "$msg" ]; then
    problem "$name" "said '$(head -1 "$tmp/log/$name.err")', expected '$msg'"
  fi
}

# spawn CHECK ARGS...: run the check in the background, at most $jobs_max at once
spawn() {
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  { "$@" || problem "$2" "the check stopped (status $?)"; } &
}

# the longest runs first: a generated graph of 100k triples (about 11k nodes, 46k edges)
python3 "$gen" --triples 100000 --seed 11 >"$tmp/g.nt" 2>/dev/null
large_formats=(gexf graphml dot ntriples)
for fmt in "${large_formats[@]}"; do
  spawn memcheck "large.$fmt" 0 "" -q -f "$fmt" -o "$tmp/large.$(ext_of "$fmt")" "$tmp/g.nt"
done

# the story in every format, as the binary lists them
formats=$("$bin" -f '?' 2>&1 | sed -n 's/.*Formats: //p' | tr -d ',') || true
[ -n "$formats" ] || fail "no list of formats from '$bin -f ?'"
for fmt in $formats; do
  spawn memcheck "story.$fmt" 0 "" -q -f "$fmt" -o "$tmp/story.$(ext_of "$fmt")"
done

# every bad input, from its own folder so that the message names it as the .expected file does
for case_file in "${bad_inputs[@]}"; do
  expected=${case_file%.*}.expected
  name=bad.$(basename "${case_file%.*}")
  [ -f "$expected" ] || fail "no $expected beside $case_file"
  mkdir "$tmp/$name"
  dir=$(dirname "$case_file") spawn memcheck "$name" "$(sed -n 1p "$expected")" \
    "$(sed -n 2p "$expected")" -f turtle -o "$tmp/$name/out.ttl" "$(basename "$case_file")"
done
wait

for fmt in "${large_formats[@]}"; do
  [ -s "$tmp/large.$(ext_of "$fmt")" ] || problem "large.$fmt" "no output file"
done
for fmt in $formats; do
  [ -s "$tmp/story.$(ext_of "$fmt")" ] || problem "story.$fmt" "no output file"
done
for d in "$tmp"/bad.*/; do
  [ -z "$(ls -A "$d")" ] || problem "$(basename "$d")" "files left behind: $(ls -A "$d")"
done
if [ -s "$failures" ]; then
  for name in $(cut -d: -f1 "$failures" | sort -u); do
    [ -s "$tmp/log/$name" ] && { echo "---- $name: memcheck's report" && cat "$tmp/log/$name"; } >&2
  done
  echo "---- $(wc -l <"$failures") failed:" >&2
  cat "$failures" >&2
  exit 1
fi
echo "memcheck: the story in $(echo "$formats" | wc -w) formats, ${#bad_inputs[@]} bad inputs" \
  "(their exit codes and messages), 100k triples to ${large_formats[*]}: no error," \
  "no block lost, in ${SECONDS}s with $jobs_max at once"
