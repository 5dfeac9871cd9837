#!/usr/bin/env bash
# Views of the pictures and DOT (--view): the overview of the story fits a screen and tells the
# story (the six actors with their countries, no quote drawn); the timeline lays the dated
# events out left to right in date order; views of a large graph stay in its large-graph mode;
# data formats have no views.  Usage: views.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
"$bin" -q -f dot -o "$tmp/overview.dot"
dot -Tjson "$tmp/overview.dot" >"$tmp/overview.json"
"$bin" -q -f dot --view timeline -o "$tmp/timeline.dot"
dot -Tjson "$tmp/timeline.dot" >"$tmp/timeline.json"
/usr/bin/python3 - "$tmp/overview.json" "$tmp/timeline.json" <<'PY'
import json, re, sys
ov = json.load(open(sys.argv[1], encoding="utf-8"))
# the natural size at 96 dpi (Graphviz's points are 1/72 in): whole on 2560 x 1440 at 75%
x0, y0, x1, y1 = (float(v) for v in ov["bb"].split(","))
w, h = (x1 - x0) * 96 / 72, (y1 - y0) * 96 / 72
if w > 3400 or h > 1900:
    sys.exit(f"FAIL: the overview is {w:.0f} x {h:.0f} px, more than 3400 x 1900")
nodes = {o["name"]: o for o in ov.get("objects", []) if "nodes" not in o and "_gvid" in o}
for actor, country in (("donald-trump", "united-states"), ("xi-jinping", "china"),
                       ("sanae-takaichi", "japan"), ("wang-yi", "china"), ("fu-cong", "china"),
                       ("marco-rubio", "united-states")):
    if actor not in nodes:
        sys.exit(f"FAIL: the overview has no {actor}")
    boxes = [o for o in ov.get("objects", []) if o["name"].startswith("cluster_country")
             and nodes[actor]["_gvid"] in o.get("nodes", [])]
    if not boxes or nodes[country]["_gvid"] not in boxes[0].get("nodes", []):
        sys.exit(f"FAIL: {actor} is not in the box of {country}")
quotes = [n for n, o in nodes.items() if "kg:Quote" in o.get("tooltip", "").split(";")[0]]
if quotes:
    sys.exit(f"FAIL: the overview draws quotes: {quotes[:3]}")
# the timeline: x grows with the date each dated event starts on
tl = json.load(open(sys.argv[2], encoding="utf-8"))
axis = []
for o in tl.get("objects", []):
    if "nodes" in o or "pos" not in o:
        continue
    label = o.get("label", "").replace("\\n", "\n")  # DOT's escString line ends
    m = re.search(r"\n(-?\d{4}(?:-\d\d)?(?:-\d\d)?)(?: – |$)", label)
    if m and o.get("shape") in ("box", "octagon"):
        start = (m.group(1) + "-01-01")[:10] if len(m.group(1)) == 4 else (m.group(1) + "-01")[:10]
        axis.append((start, float(o["pos"].split(",")[0]), o["name"]))
if len(axis) < 5:
    sys.exit(f"FAIL: the timeline places {len(axis)} dated events")
axis.sort()
for (d1, x1, n1), (d2, x2, n2) in zip(axis, axis[1:]):
    if d1 < d2 and not x1 < x2:
        sys.exit(f"FAIL: {n1} ({d1}) is not left of {n2} ({d2})")
print(f"overview {w:.0f} x {h:.0f} px, six actors in their countries, no quote; "
      f"timeline of {len(axis)} events in date order")
PY
# a large graph: every view stays in the large-graph mode (sfdp, no edge labels)
python3 "$gen" --triples 30000 >"$tmp/g.nt"
for view in overview full timeline; do
  "$bin" -q -f dot --view $view -o "$tmp/$view-large.dot" "$tmp/g.nt"
  grep -q 'layout=sfdp' "$tmp/$view-large.dot" || fail "the $view of a large graph is not in its large-graph mode"
done
# a statement made jointly, a figure of two things: folded into each of its owners, listed
# in the interleaved order that once tied the overview's lists into a loop (the export never
# ended) and counted once in the -v report
cat >"$tmp/joint.ttl" <<'TTL'
@prefix kg: <https://kgexport.org/ns#> .
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix : <http://example.org/> .
:a a kg:Person ; rdfs:label "Ann" . :b a kg:Person ; rdfs:label "Bo" .
:a kg:invitedBy :b .
:q1 a kg:Quote ; schema:text "first words" . :q2 a kg:Quote ; schema:text "second words" .
:q1 kg:saidBy :b . :q2 kg:saidBy :a . :q1 kg:saidBy :a . :q2 kg:saidBy :b .
TTL
timeout 60 "$bin" -v -f dot -o "$tmp/joint.dot" "$tmp/joint.ttl" 2>"$tmp/joint.err" ||
  fail "the overview of a joint statement: exit $? $(head -3 "$tmp/joint.err")"
for who in Ann Bo; do
  grep -A3 "label=\"$who\\\\n(2 statements)" "$tmp/joint.dot" | grep -q 'first words.*second words\|second words.*first words' ||
    fail "$who's node does not hold both joint statements: $(grep -A3 "$who" "$tmp/joint.dot")"
done
grep -q 'statements and figures folded into their node: 2$' "$tmp/joint.err" ||
  fail "the -v report: $(cat "$tmp/joint.err")"
! grep -q 'nodes left out by the view' "$tmp/joint.err" || fail "the -v report: $(cat "$tmp/joint.err")"
# data formats have no views
set +e
"$bin" -f graphml --view full >/dev/null 2>"$tmp/err"
code=$?
set -e
[ "$code" -eq 64 ] || fail "--view with graphml exits $code, expected 64"
grep -qF -- "--view is for pictures and DOT" "$tmp/err" || fail "the message: $(head -1 "$tmp/err")"
echo "ok: views"
