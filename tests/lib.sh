# Sourced by every test script (tests/*.sh and the scripts in tests/*/): strict mode, a
# temporary folder $tmp removed on exit, and the helpers the scripts share.
set -euo pipefail
exec </dev/null # kgexport reads standard input when it is a pipe: the story tests give it none
tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) # this folder, tests/
tmp=$(mktemp -d)
_at_exit=()
_on_exit() {
  local hook
  for hook in "${_at_exit[@]}"; do "$hook" || true; done
  rm -rf "$tmp"
}
trap _on_exit EXIT
# at_exit FUNCTION: call FUNCTION on exit (say, to stop a server), before $tmp is removed
at_exit() { _at_exit+=("$1"); }

fail() { echo "FAIL: $*" >&2; exit 1; }

# A check that needs something optional (a tool, a schema, npm packages) skips without it: exit
# 77, which ctest reports as skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt). Under CI=true
# everything is installed, so something missing is a failure.  Usage: skip_or_fail MESSAGE
skip_or_fail() {
  [ "${CI:-}" = true ] && fail "$*"
  echo "SKIP: $*"
  exit 77
}
# need HINT COMMAND...: skip_or_fail unless every COMMAND is on the PATH; HINT says how to get it
need() {
  local hint=$1 cmd
  shift
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || skip_or_fail "$cmd is not installed ($hint)"
  done
}
# first_command COMMAND...: the path of the first COMMAND on the PATH; status 1 if none is
first_command() {
  local cmd
  for cmd in "$@"; do command -v "$cmd" && return 0; done
  return 1
}

# The file extension of an output format, as `kgexport --all` names its files (tests/usage.sh
# checks this against the binary): the one format→extension mapping of the tests.
ext_of() {
  case $1 in
    turtle) echo ttl ;;
    ntriples) echo nt ;;
    nquads) echo nq ;;
    rdfxml) echo rdf ;;
    *) echo "$1" ;;
  esac
}

# The formats with a golden file (tests/golden/FORMATS, also read by tests/CMakeLists.txt),
# one a line.
golden_formats() {
  grep -v -e '^#' -e '^[[:space:]]*$' "$tests_dir/golden/FORMATS"
}

# A model count as kgexport reports it: model_count nodes|edges|triples KGEXPORT [INPUT]
model_count() {
  local what=$1
  shift
  "$@" --stats | stats_field "$what"
}
# stats_field NAME: the value of NAME in kgexport --stats output (one "NAME VALUE" a line) on stdin
stats_field() { awk -v w="$1" '$1==w{print $2}'; }

# is_png FILE: FILE starts with the PNG signature
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
