#!/usr/bin/env bash
# The GraphML and GEXF writers compose XML in 64 KB blocks: labels of every length from 1 to
# 700 bytes, most of them escapes ("&amp;" and "&quot;" are 5 and 6 bytes for 1), put a block's
# end at every offset of a label and of an escape. Each file must be valid and read back to
# the same triples, written again the same bytes (pg_roundtrip.sh on the generated graph).
# Usage: pg_blocks.sh KGEXPORT SCHEMAS
. "$(dirname "$0")/lib.sh"
bin=$1 schemas=$2
/usr/bin/python3 - >"$tmp/blocks.ttl" <<'PY'
print("@prefix ex: <https://example.org/blocks/> .")
print("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .")
print("@prefix kg: <https://kgexport.org/ns#> .")
pattern = '&"<a>\t\r\n&&'
for i in range(1, 701):
    text = (pattern * (i // len(pattern) + 1))[:i]
    lit = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    print(f'ex:n{i} a kg:Person ; rdfs:label "{lit}"@en ; kg:role "{lit}" .')
    if i > 1:
        print(f"ex:n{i} kg:memberOf ex:n{i - 1} .")
PY
"$(dirname "$0")/pg_roundtrip.sh" "$bin" "$schemas" "$tmp/blocks.ttl"
