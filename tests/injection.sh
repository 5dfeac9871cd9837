#!/usr/bin/env bash
# Text that tries to break out of its place (tests/data/hostile-views.ttl) stays text in every
# view and format: each output is parsed by its own consumer (dot, xmllint, Python's XML
# parser, rdflib) and the hostile strings are found there whole, as text, with no element or
# DOT statement made of them.
# Usage: injection.sh KGEXPORT INPUT
. "$(dirname "$0")/lib.sh"
bin=$1 in=$2
for view in overview full timeline; do
  "$bin" -q -f dot --view "$view" -o "$tmp/$view.dot" "$in"
  dot -Tsvg "$tmp/$view.dot" -o "$tmp/$view.dot.svg" 2>"$tmp/dot.err" || fail "dot cannot read the $view DOT"
  [ ! -s "$tmp/dot.err" ] || fail "dot complained about the $view DOT: $(cat "$tmp/dot.err")"
  "$bin" -q -f svg --view "$view" -o "$tmp/$view.svg" "$in"
  xmllint --noout --nonet "$tmp/$view.svg" || fail "the $view SVG is not well-formed"
done
for fmt in graphml gexf turtle rdfxml; do
  "$bin" -q -f "$fmt" -o "$tmp/g.$fmt" "$in"
done
/usr/bin/python3 - "$tmp" <<'PY'
import re, sys, xml.etree.ElementTree as ET
import rdflib

tmp = sys.argv[1]
SPEAKER = 'Eve "]; evil [label="x" & <b>bold</b> \\ end'
ARABIC = "إيف\u200f مرحبا\u200d عالم"
QUOTE = '</title><script>alert(1)</script> "]; x -> y; \\N \\G'
MEETING = "Meeting ]]> --> <!-- } { | ; ' `"
UNIT = '<percent> & "points"'
XLINK = "{http://www.w3.org/1999/xlink}title"
bad = []

def squeeze(s):
    return re.sub(r"\s+", "", s)

def svg_parts(path):
    root = ET.parse(path).getroot()
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    if "script" in tags or "b" in tags:
        bad.append(f"{path}: markup from a label became an element")
    titles = [el.get(XLINK) or "" for el in root.iter()] + [el.text or "" for el in root.iter() if el.tag.endswith("title")]
    # a node's label may be wrapped over several <text> lines: compared without white space
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    return titles, squeeze(texts)

for view, wanted_text, wanted_title in [
    ("overview", [SPEAKER, UNIT, MEETING], [QUOTE]),
    ("full", [SPEAKER, QUOTE, MEETING, UNIT], []),
    ("timeline", [MEETING], []),
]:
    for path in (f"{tmp}/{view}.svg", f"{tmp}/{view}.dot.svg"):
        titles, texts = svg_parts(path)
        for w in wanted_text:
            if squeeze(w) not in texts:
                bad.append(f"{path}: drawn text lacks {w!r}")
        for w in wanted_title:
            if not any(w in t for t in titles):
                bad.append(f"{path}: no tooltip holds {w!r}")

# the property-graph files and RDF carry every label exactly, right-to-left mark and joiner too
def xml_values(path):
    root = ET.parse(path).getroot()
    vals = []
    for el in root.iter():
        vals.extend(el.attrib.values())
        if el.text:
            vals.append(el.text)
    return vals

for fmt in ("graphml", "gexf"):
    vals = xml_values(f"{tmp}/g.{fmt}")
    for w in (SPEAKER, ARABIC, MEETING, QUOTE, UNIT):
        if w not in vals:
            bad.append(f"{fmt}: no value is exactly {w!r}")
for fmt, syntax in (("turtle", "turtle"), ("rdfxml", "xml")):
    g = rdflib.Graph().parse(f"{tmp}/g.{fmt}", format=syntax)
    lits = {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}
    for w in (SPEAKER, ARABIC, MEETING, QUOTE, UNIT):
        if w not in lits:
            bad.append(f"{fmt}: no literal is exactly {w!r}")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("injection: every hostile string stays text in 3 views (ours and dot's SVG), GraphML, GEXF, Turtle, RDF/XML")
PY
