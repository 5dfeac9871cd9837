# Sourced by the test scripts: a temporary folder removed on exit, and small helpers.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# model counts as kgexport reports them: stat nodes|edges|triples BIN [INPUT]
stat() { local what=$1; shift; "$@" --stats | awk -v w="$what" '$1==w{print $2}'; }
