#!/usr/bin/env bash
# kgexport renders PNG, SVG and PDF in-process, and they are the very pictures Graphviz's
# `dot` draws from kgexport's DOT file (byte for byte for PNG and SVG).
# Usage: render.sh KGEXPORT [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1; shift
"$bin" -q -f dot -o "$tmp/g.dot" "$@"
for fmt in png svg; do
  "$bin" -q -f "$fmt" -o "$tmp/ours.$fmt" "$@"
  dot -T"$fmt" "$tmp/g.dot" -o "$tmp/dot.$fmt"
  cmp -s "$tmp/ours.$fmt" "$tmp/dot.$fmt" || fail "$fmt differs from dot -T$fmt of the DOT file"
done
is_png "$tmp/ours.png" || fail "not a PNG"
xmllint --noout --nonet "$tmp/ours.svg" || fail "the SVG is not well-formed XML"
"$bin" -q -f pdf -o "$tmp/ours.pdf" "$@"
[ "$(head -c 5 "$tmp/ours.pdf")" = "%PDF-" ] || fail "not a PDF"
size=$(file "$tmp/ours.png" | grep -o '[0-9]* x [0-9]*')
echo "render: PNG $size and SVG as dot draws them; PDF of $(wc -c <"$tmp/ours.pdf") bytes"
