#!/usr/bin/python3
"""Ask the story graph questions in SPARQL and check the answers.

Usage: /usr/bin/python3 tests/sparql/run.py ENGINE DATA.ttl QUERY_DIR

ENGINE is one of
  rdflib  rdflib (Debian python3-rdflib; run this script with /usr/bin/python3, the
          interpreter that has it), data loaded with format="turtle";
  roqet   rasqal's roqet (Debian rasqal-utils), run once per query as
          `roqet -q -i sparql -F turtle -D DATA -r json QUERY`. The roqet of rasqal 0.9.33
          (Debian 12) lists "json" in its help but refuses `-r json` ("invalid output result
          format"); the runner then uses `-r xml` (SPARQL Query Results XML), which carries the
          same information (datatypes, language tags).

Every QUERY_DIR/NN-name.rq is run and its answer compared with QUERY_DIR/NN-name.expected:

  - first line: the variable names, separated by tabs (ASK queries: "boolean");
  - then one line per solution, in the query's ORDER BY order (row order is compared):
      IRI                  <iri>
      literal              its lexical form only (no quotes, datatype or language tag)
      blank node           _:label (engine-specific: avoid selecting blank nodes)
      unbound              empty field
    A tab, newline, carriage return or backslash inside a value is written \\t \\n \\r \\\\.
    Missing trailing empty fields count as empty (editors strip trailing tabs).

A query may also state, in its comment header, the datatype its values must have:
      # expect-datatype: ?var DATATYPE-IRI
Every bound value of ?var must then be a literal of exactly that datatype (a plain literal
counts as xsd:string, a language-tagged one as rdf:langString), and at least one must be bound.
This checks what the text form cannot show, e.g. that 29.3 is an xsd:decimal and not a string.

Prints a diff for each failing query; exits 0 when every answer is as expected, 1 otherwise,
2 on bad usage.
"""

import difflib
import json
import os
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SRX = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ROQET_TIMEOUT = 120  # seconds per query

DIRECTIVE = re.compile(r"^\s*#\s*expect-datatype:\s*\?(\w+)\s+<?([^\s>]+)>?\s*$")


class Term:
    """One RDF term of an answer, engine-independent."""

    __slots__ = ("kind", "text", "datatype", "lang")

    def __init__(self, kind, text, datatype=None, lang=None):
        self.kind = kind  # "iri", "literal", "bnode"
        self.text = text
        self.datatype = datatype or None
        self.lang = lang.lower() if lang else None

    def effective_datatype(self):
        if self.kind != "literal":
            return None
        if self.lang:
            return RDF_LANGSTRING
        return self.datatype or XSD_STRING

    def describe(self):
        if self.kind == "iri":
            return "<%s>" % self.text
        if self.kind == "bnode":
            return "_:%s" % self.text
        if self.lang:
            return '"%s"@%s' % (self.text, self.lang)
        return '"%s"^^<%s>' % (self.text, self.effective_datatype())


class Answer:
    def __init__(self, variables, rows):
        self.variables = variables  # list of names
        self.rows = rows  # list of lists of Term or None


def escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def cell(term):
    if term is None:
        return ""
    if term.kind == "iri":
        return "<%s>" % escape(term.text)
    if term.kind == "bnode":
        return "_:%s" % escape(term.text)
    return escape(term.text)


def answer_lines(answer):
    lines = ["\t".join(answer.variables)]
    for row in answer.rows:
        lines.append("\t".join(cell(t) for t in row))
    return lines


def expected_lines(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\r\n") for ln in f.read().split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return lines
    width = len(lines[0].split("\t"))
    out = [lines[0]]
    for ln in lines[1:]:
        fields = ln.split("\t")
        if len(fields) < width:
            fields += [""] * (width - len(fields))
        out.append("\t".join(fields))
    return out


# ---- rdflib ------------------------------------------------------------------------------


class RdflibEngine:
    name = "rdflib"

    def __init__(self, data):
        try:
            import rdflib
        except ImportError:
            sys.exit("run.py: rdflib is not importable by %s; run with /usr/bin/python3 "
                     "(Debian python3-rdflib)" % sys.executable)
        self.rdflib = rdflib
        self.graph = rdflib.Graph()
        self.graph.parse(data, format="turtle")

    def term(self, v):
        r = self.rdflib
        if v is None:
            return None
        if isinstance(v, r.URIRef):
            return Term("iri", str(v))
        if isinstance(v, r.BNode):
            return Term("bnode", str(v))
        if isinstance(v, r.Literal):
            return Term("literal", str(v), str(v.datatype) if v.datatype else None, v.language)
        raise ValueError("unexpected rdflib term %r" % (v,))

    def run(self, qpath, qtext):
        res = self.graph.query(qtext)
        if res.type == "ASK":
            return Answer(["boolean"], [[Term("literal", "true" if res.askAnswer else "false")]])
        if res.type != "SELECT":
            raise ValueError("only SELECT and ASK queries are supported, not %s" % res.type)
        variables = [str(v) for v in res.vars]
        rows = [[self.term(row[i]) for i in range(len(variables))] for row in res]
        return Answer(variables, rows)


# ---- roqet -------------------------------------------------------------------------------


class RoqetEngine:
    name = "roqet"

    def __init__(self, data):
        self.data_uri = pathlib.Path(os.path.abspath(data)).as_uri()
        self.format = "json"  # falls back to xml, see the module docstring

    def command(self, qpath, fmt):
        return ["roqet", "-q", "-i", "sparql", "-F", "turtle", "-D", self.data_uri,
                "-r", fmt, os.path.abspath(qpath)]

    def roqet(self, qpath):
        # a bounded run: rasqal can take minutes on some query shapes (README.md)
        return subprocess.run(self.command(qpath, self.format), capture_output=True,
                              timeout=ROQET_TIMEOUT)

    def run(self, qpath, qtext):
        try:
            p = self.roqet(qpath)
        except FileNotFoundError:
            sys.exit("run.py: roqet not found (Debian package rasqal-utils)")
        err = p.stderr.decode("utf-8", "replace")
        if (p.returncode != 0 and self.format == "json"
                and "invalid output result format" in err):
            self.format = "xml"
            p = self.roqet(qpath)
            err = p.stderr.decode("utf-8", "replace")
        if p.returncode != 0:
            raise RuntimeError("roqet exit status %d: %s" % (p.returncode, err.strip()))
        out = p.stdout.decode("utf-8")
        answer = self.parse_json(out) if self.format == "json" else self.parse_xml(out)
        if not answer.variables and not answer.rows:
            # rasqal writes an empty <head> when there is no solution: ask it for the names
            answer.variables = self.projected_variables(qpath)
        return answer

    def projected_variables(self, qpath):
        p = subprocess.run(["roqet", "-i", "sparql", "-n", "-d", "structure",
                            os.path.abspath(qpath)], capture_output=True, timeout=ROQET_TIMEOUT)
        m = re.search(r"query projected variable names \(\d+\): ([^\n]*)",
                      p.stdout.decode("utf-8", "replace"))
        if not m:
            raise RuntimeError("roqet gave no variable names for an empty answer")
        return [v.strip() for v in m.group(1).split(",")]

    @staticmethod
    def parse_json(out):
        doc = json.loads(out)
        if "boolean" in doc:
            return Answer(["boolean"], [[Term("literal", "true" if doc["boolean"] else "false")]])
        variables = list(doc["head"]["vars"])
        rows = []
        for b in doc["results"]["bindings"]:
            row = []
            for v in variables:
                t = b.get(v)
                if t is None:
                    row.append(None)
                elif t["type"] == "uri":
                    row.append(Term("iri", t["value"]))
                elif t["type"] == "bnode":
                    row.append(Term("bnode", t["value"]))
                else:  # "literal", or SPARQL 1.0 JSON's "typed-literal"
                    row.append(Term("literal", t["value"], t.get("datatype"), t.get("xml:lang")))
            rows.append(row)
        return Answer(variables, rows)

    @staticmethod
    def parse_xml(out):
        root = ET.fromstring(out)
        boolean = root.find(SRX + "boolean")
        if boolean is not None:
            return Answer(["boolean"], [[Term("literal", boolean.text.strip())]])
        variables = [v.get("name") for v in root.find(SRX + "head").findall(SRX + "variable")]
        rows = []
        for result in root.find(SRX + "results").findall(SRX + "result"):
            bound = {}
            for b in result.findall(SRX + "binding"):
                node = list(b)[0]
                tag = node.tag[len(SRX):]
                text = node.text or ""
                if tag == "uri":
                    bound[b.get("name")] = Term("iri", text)
                elif tag == "bnode":
                    bound[b.get("name")] = Term("bnode", text)
                elif tag == "literal":
                    bound[b.get("name")] = Term("literal", text, node.get("datatype"),
                                                node.get(XML_LANG))
                elif tag == "unbound":  # rasqal writes <binding><unbound/></binding>
                    continue
                else:
                    raise ValueError("unexpected result element %s" % tag)
            rows.append([bound.get(v) for v in variables])
        return Answer(variables, rows)


# ---- checks ------------------------------------------------------------------------------


def datatype_problems(qtext, answer):
    problems = []
    for line in qtext.splitlines():
        m = DIRECTIVE.match(line)
        if not m:
            continue
        var, dt = m.group(1), m.group(2)
        if var not in answer.variables:
            problems.append("expect-datatype: ?%s is not a result variable" % var)
            continue
        i = answer.variables.index(var)
        values = [row[i] for row in answer.rows if row[i] is not None]
        if not values:
            problems.append("expect-datatype: ?%s is never bound" % var)
        for t in values:
            if t.effective_datatype() != dt:
                problems.append("?%s = %s, expected a literal of datatype <%s>"
                                % (var, t.describe(), dt))
    return problems


def check(engine, qdir, lines=None, prog="run.py"):
    """Every QDIR/*.rq through engine.run(), compared with its .expected file and its
    "# expect-datatype:" lines. lines(answer, want) gives the answer's lines (default:
    answer_lines). Returns the exit code: 0 all as expected, 1 a failure, 2 no queries."""
    queries = sorted(f for f in os.listdir(qdir) if f.endswith(".rq"))
    if not queries:
        sys.stderr.write("%s: no .rq files in %s\n" % (prog, qdir))
        return 2
    failed = []
    for q in queries:
        qpath = os.path.join(qdir, q)
        epath = qpath[:-3] + ".expected"
        with open(qpath, encoding="utf-8") as f:
            qtext = f.read()
        if not os.path.isfile(epath):
            print("FAIL %s: no %s" % (q, os.path.basename(epath)))
            failed.append(q)
            continue
        try:
            answer = engine.run(qpath, qtext)
        except Exception as e:  # an engine error fails this query, not the run
            print("FAIL %s: %s: %s" % (q, engine.name, e))
            failed.append(q)
            continue
        want = expected_lines(epath)
        got = lines(answer, want) if lines else answer_lines(answer)
        problems = datatype_problems(qtext, answer)
        if got != want or problems:
            print("FAIL %s (%s)" % (q, engine.name))
            if got != want:
                for line in difflib.unified_diff(want, got, os.path.basename(epath),
                                                 "%s answer" % engine.name, lineterm=""):
                    print("    " + line)
            for p in problems:
                print("    " + p)
            failed.append(q)

    if failed:
        print("%d of %d queries failed with %s: %s"
              % (len(failed), len(queries), engine.name, " ".join(failed)))
        return 1
    print("%d queries, all answers as expected (%s)" % (len(queries), engine.name))
    return 0


def main(argv):
    if len(argv) != 4 or argv[1] not in ("rdflib", "roqet"):
        sys.stderr.write("usage: /usr/bin/python3 %s rdflib|roqet DATA.ttl QUERY_DIR\n" % argv[0])
        return 2
    engine_name, data, qdir = argv[1:]
    if not os.path.isfile(data):
        sys.stderr.write("run.py: no data file %s\n" % data)
        return 2
    return check(RdflibEngine(data) if engine_name == "rdflib" else RoqetEngine(data), qdir)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
