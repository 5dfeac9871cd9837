"""What Gephi's importers would say about a GraphML or GEXF file.

Gephi cannot run in CI, so this encodes the rules its importers follow, as read from their
source (../shared/reference/gephi-import-rules.md; rule numbers G*, X*, C*, V*, P* below
refer to it). Anything Gephi would reject, skip, alter, merge or silently drop is an ERROR
here; what Gephi only notes is a WARNING. Exit 1 on any error.

Usage: gephi_check.py FILE.graphml|FILE.gexf
"""
import re
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
errors, warnings = [], []


def error(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


raw = open(path, "rb").read()

# ---- bytes: charset, DOCTYPE, control characters (section 0) ----
head = raw[:256]
if not (b"<?xml" in head and b"encoding" in head):
    warn("no XML declaration with an encoding: Gephi guesses the charset (CT)")
if b"<!DOCTYPE" in raw[:4096]:
    error("a DOCTYPE: Gephi's XML reader fetches the DTD and fails offline (FATAL)")
for m in re.finditer(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw):
    error(f"control character 0x{m.group()[0]:02x} at byte {m.start()}: FATAL in Gephi")
    break
for m in re.finditer(rb"&#(x[0-9a-fA-F]+|[0-9]+);", raw):
    v = m.group(1).decode()
    code = int(v[1:], 16) if v.startswith("x") else int(v)
    if code < 0x20 and code not in (9, 10, 13):
        error(f"character reference {m.group().decode()}: FATAL in Gephi")
try:
    raw.decode("utf-8")
except UnicodeDecodeError as e:
    error(f"invalid UTF-8 at byte {e.start}: Gephi replaces it with U+FFFD")

try:
    root = ET.fromstring(raw)
except ET.ParseError as e:
    print(f"FATAL: not well-formed XML: {e}")
    sys.exit(1)


def local(tag):
    return tag.rsplit("}", 1)[-1].lower()  # Gephi: local names, case-insensitive


def children(el, name):
    return [c for c in el if local(c.tag) == name]


def descendants(el, name):
    return [c for c in el.iter() if local(c.tag) == name]


# ---- value parsing (V1-V7) ----
INT_RE = re.compile(r"[+-]?\d+$")  # Integer.valueOf: no trimming, no decimals, no exponent
FLOAT_RE = re.compile(r"\s*[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?\s*$")
DATE_RE = re.compile(r"[+-]?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")
TYPES = {"boolean", "bool", "integer", "int", "long", "float", "double", "string", "bigdecimal",
         "biginteger", "byte", "char", "short", "listboolean", "listint", "listlong", "listfloat",
         "listdouble", "liststring", "listbigdecimal", "listbiginteger", "listbyte", "listchar",
         "listshort"}
GEXF_EXTRA = {"character", "listinteger", "listcharacter"}


def check_value(where, atype, value):
    t = atype.lower()
    if "INF" in value and t in ("string", "liststring"):
        warn(f"{where}: 'INF' in a string value becomes 'Infinity' in Gephi (V1): {value[:40]!r}")
    if value == "" or value.lower() == "null":
        error(f"{where}: empty or 'null' value is silently not set (V2)")
        return
    if t in ("integer", "int", "long", "short", "byte", "biginteger"):
        if not INT_RE.match(value):
            error(f"{where}: {value!r} does not parse as {t} (V3)")
    elif t in ("float", "double", "bigdecimal"):
        if not FLOAT_RE.match(value):
            error(f"{where}: {value!r} does not parse as {t} (V3)")
    elif t in ("boolean", "bool"):
        if value not in ("true", "false", "1", "0"):
            error(f"{where}: {value!r} would silently become false (V3)")
    elif t.startswith("list"):
        inner = value.strip()
        if not (inner.startswith("[") and inner.endswith("]")) and "," not in inner:
            warn(f"{where}: list value {value[:40]!r} without brackets (V4)")


# ---- GraphML (G*) ----
def check_graphml():
    keys = {}  # (for, id) -> (name, type)
    seen_ids = {}
    for k in descendants(root, "key"):
        kid, kfor = k.get("id"), k.get("for", "all")
        name, atype = k.get("attr.name"), k.get("attr.type")
        if not kid:
            error("key without id: ignored (G3)")
            continue
        if kfor not in ("node", "edge"):
            error(f"key {kid}: for={kfor!r} is never a Gephi property and may not apply (G2, G3)")
            continue
        if (kfor, kid.lower()) in seen_ids:
            error(f"key {kid}: declared twice for {kfor}, the second is ignored (G5)")
        seen_ids[(kfor, kid.lower())] = True
        if not atype:
            error(f"key {kid}: no attr.type, Gephi falls back to string (G3)")
            atype = "string"
        elif atype.lower() not in TYPES:
            error(f"key {kid}: attr.type {atype!r} is not recognised, the attribute is ignored (G4)")
        if kid.lower() in ("id", "timeset"):
            error(f"key {kid}: reserved column id, its values are dropped (P3)")
        for d in children(k, "default"):
            check_value(f"key {kid} default", atype, (d.text or "").strip())
        keys[(kfor, kid)] = (name or kid, atype)
    graphs = descendants(root, "graph")
    if not graphs:
        error("no <graph>")
        return
    for g in graphs:
        ed = g.get("edgedefault")
        if ed is None:
            warn("no edgedefault: edges are directed (G7)")
        elif ed.lower() not in ("directed", "undirected"):
            error(f"edgedefault {ed!r} is not recognised (G7)")
    nodes = {}
    order = 0
    for el in root.iter():
        order += 1
        tag = local(el.tag)
        if tag == "node":
            nid = el.get("id")
            if not nid:
                error("node without id: ignored (G8)")
                continue
            if nid in nodes:
                error(f"node {nid}: duplicate id, silently merged (G8)")
            if "\n" in nid or nid != nid.strip():
                warn(f"node {nid!r}: newline or surrounding space in id (C4)")
            nodes[nid] = order
            check_data(el, "node", nid, keys)
    edges = {}
    for el in descendants(root, "edge"):
        src, tgt, eid = el.get("source"), el.get("target"), el.get("id")
        if not src or not tgt:
            error(f"edge {eid}: empty source or target is FATAL (G15)")
            continue
        for end in (src, tgt):
            if end not in nodes:
                error(f"edge {eid}: node {end!r} is not declared; Gephi creates it (C2)")
        kind = el.get("label")  # GraphML's edge type in Gephi (G14)
        pair = (src, tgt, kind)
        edges.setdefault(pair, []).append(eid)
        values = check_data(el, "edge", eid, keys)
        w = values.get("weight")
        if w is not None:
            try:
                if float(w.replace(",", ".")) == 0:
                    error(f"edge {eid}: weight 0, the edge is dropped (C4)")
            except ValueError:
                error(f"edge {eid}: weight {w!r} is not a number (G11)")
    for (src, tgt, kind), ids in edges.items():
        if len(ids) > 1:
            warn(f"edges {', '.join(ids)} share {src}->{tgt} and edge type {kind!r}: Gephi merges "
                 f"them unless the user picks 'Don't merge' (C3); GEXF keeps them apart by kind")


def check_data(el, kind, eid, keys):
    values = {}
    for d in children(el, "data"):
        key = d.get("key")
        if not key:
            error(f"{kind} {eid}: data without key (G10)")
            continue
        if (kind, key) not in keys:
            error(f"{kind} {eid}: data key {key!r} is not declared for {kind}s: silently ignored (G10)")
            continue
        name, atype = keys[(kind, key)]
        text = "".join(d.itertext())
        values[name] = text
        if name in ("r", "g", "b"):
            if not INT_RE.match(text) or not 0 <= int(text) <= 255:
                error(f"{kind} {eid}: colour {name}={text!r} (G11)")
        elif name in ("x", "y", "z", "size", "weight"):
            if not FLOAT_RE.match(text.replace(",", ".")):
                error(f"{kind} {eid}: {name}={text!r} is not a float (G11)")
        elif name != "label":
            check_value(f"{kind} {eid} {name}", atype, text)
    return values


# ---- GEXF (X*) ----
def check_gexf():
    version = root.get("version")
    if version not in ("1.0", "1.1", "1.2", "1.3"):
        warn(f"GEXF version {version!r}: Gephi uses its 1.3 parser (X1)")
    graph = children(root, "graph")
    if not graph:
        error("no <graph>")
        return
    g = graph[0]
    det = g.get("defaultedgetype")
    if det is None:
        warn("no defaultedgetype: edges without type are directed in Gephi, undirected by the spec (X3)")
    elif det not in ("directed", "undirected"):
        error(f"defaultedgetype {det!r} is not recognised (X3)")
    tf = (g.get("timeformat") or "double").lower()
    if tf not in ("double", "float", "date", "datetime", "timestamp"):
        warn(f"timeformat {tf!r} is ignored, DOUBLE is used (X4)")
    attrs = {}
    for block in children(g, "attributes"):
        cls = block.get("class")
        if cls not in ("node", "edge"):
            error(f"attributes class {cls!r} (X5)")
            continue
        for a in children(block, "attribute"):
            aid, atype = a.get("id"), a.get("type")
            if not aid or not atype:
                error("attribute without id or type (X5)")
                continue
            if atype.lower() not in TYPES | GEXF_EXTRA:
                error(f"attribute {aid}: type {atype!r} is not recognised (X6)")
            if (cls, aid) in attrs:
                error(f"attribute {aid} declared twice for {cls}")
            attrs[(cls, aid)] = atype

    def check_time(where, el):
        start, end = el.get("start"), el.get("end")
        for v in (start, end):
            if v is None:
                continue
            if tf in ("date", "datetime", "timestamp") and not DATE_RE.match(v):
                error(f"{where}: time {v!r} does not parse as a date: Gephi needs yyyy-MM-dd (V7)")
            if tf in ("double", "float") and not FLOAT_RE.match(v):
                error(f"{where}: time {v!r} is not a number for timeformat {tf} (V7)")
        if start and end and start > end:
            error(f"{where}: interval ends before it starts (V7)")

    def check_attvalues(el, cls, where):
        for av in descendants(el, "attvalue"):
            aid = av.get("for") or av.get("id")
            if (cls, aid) not in attrs:
                error(f"{where}: attvalue for undeclared attribute {aid!r}")
                continue
            check_value(f"{where} {aid}", attrs[(cls, aid)], av.get("value", ""))

    nodes = set()
    for n in descendants(g, "node"):
        nid = n.get("id")
        if not nid:
            error("node without id (X7)")
            continue
        if nid in nodes:
            error(f"node {nid}: duplicate id, silently merged (X7)")
        nodes.add(nid)
        if n.get("label") is None:
            error(f"node {nid}: no label attribute: Gephi shows an empty label (X7)")
        check_time(f"node {nid}", n)
        check_attvalues(n, "node", f"node {nid}")
        for c in children(n, "color"):
            for ch in ("r", "g", "b"):
                v = c.get(ch)
                if v is None or not INT_RE.match(v):
                    error(f"node {nid}: viz:color {ch}={v!r} is not an integer: FATAL (X9)")
                elif not 0 <= int(v) <= 255:
                    warn(f"node {nid}: viz:color {ch}={v} out of range, set to 0 (X9)")
        for s in children(n, "size"):
            if not s.attrib or list(s.attrib)[0] != "value":
                error(f"node {nid}: viz:size must have 'value' as its first attribute (X10)")
    seen = {}
    for e in descendants(g, "edge"):
        eid, src, tgt = e.get("id"), e.get("source"), e.get("target")
        if not src or not tgt:
            error(f"edge {eid}: missing source or target: ignored (X11)")
            continue
        for end in (src, tgt):
            if end not in nodes:
                error(f"edge {eid}: node {end!r} is not declared; Gephi creates it (C2)")
        et = e.get("type")
        if et is not None and et not in ("directed", "undirected"):
            error(f"edge {eid}: type {et!r} is not recognised (X11)")
        w = e.get("weight")
        if w is not None:
            if not FLOAT_RE.match(w):
                warn(f"edge {eid}: weight {w!r} is not a float, ignored (X11)")
            elif float(w) == 0:
                error(f"edge {eid}: weight 0, the edge is dropped (C4)")
        key = (src, tgt, e.get("kind"))
        if key in seen:
            error(f"edges {seen[key]} and {eid}: same nodes and kind, Gephi merges them (C3)")
        seen[key] = eid
        check_time(f"edge {eid}", e)
        check_attvalues(e, "edge", f"edge {eid}")


if path.endswith(".gexf"):
    check_gexf()
else:
    check_graphml()

for w in warnings:
    print("WARNING:", w)
for e in errors[:50]:
    print("ERROR:", e)
if errors:
    print(f"Gephi would report {len(errors)} problem(s) in {path}")
    sys.exit(1)
print(f"Gephi would import {path} without errors ({len(warnings)} warning(s))")
