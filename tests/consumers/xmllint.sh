#!/usr/bin/env bash
# xmllint validates our GraphML against the GraphML 1.0 XSD, and our GEXF against the GEXF
# 1.3 RELAX NG schema (its XSD wrongly rejects viz: elements), offline.
# Usage: xmllint.sh KGEXPORT SCHEMA_DIR graphml|gexf [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1 schemas=$2 fmt=$3; shift 3
case $fmt in
  graphml) schema=$schemas/graphml/graphml.xsd kind=--schema ;;
  gexf) schema=$schemas/gexf-1.3/gexf.rng kind=--relaxng ;;
  *) fail "unknown format $fmt" ;;
esac
[ -f "$schema" ] || skip_or_fail "schema not found at $schema (set -DKG_SCHEMA_DIR=...)"
"$bin" -q -f "$fmt" -o "$tmp/g.$fmt" "$@"
xmllint --noout --nonet "$kind" "$schema" "$tmp/g.$fmt"
