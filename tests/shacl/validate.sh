#!/usr/bin/env bash
# The story export conforms to the SHACL shapes (ontology/shapes.ttl) in a real SHACL engine
# (npm shacl-engine): no violations; warnings are printed (undated events, by design). Then the
# negative check: every broken graph in tests/shacl/bad/ is caught by the shape its header names.
# Usage: validate.sh KGEXPORT [INPUT]
# Exit 77 (skip) when node or the npm packages are missing, unless CI=true: then it fails.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
bin=$1; shift

need "scripts/install-test-extras.sh installs it" node

"$bin" -q -f turtle -o "$tmp/export.ttl" "$@" || fail "kgexport could not export the graph"
[ -s "$tmp/export.ttl" ] || fail "kgexport wrote an empty export"

rc=0
node "$here/validate.mjs" graph "$tmp/export.ttl" || rc=$?
[ $rc -eq 77 ] && exit 77
[ $rc -eq 0 ] || fail "SHACL validation of the export failed (report above)"

shopt -s nullglob
bad=("$here"/bad/*.ttl)
[ ${#bad[@]} -gt 0 ] || fail "no broken graphs in $here/bad"
node "$here/validate.mjs" bad "${bad[@]}" || fail "a broken graph passed the shapes (see above)"
echo "shacl: the export conforms; ${#bad[@]} broken graphs caught"
