#!/usr/bin/python3
"""The questions of tests/sparql/, answered by a triple store, compared with the .expected files.

Usage:
  sparql_check.py http ENDPOINT GRAPH QUERY_DIR
      POST each QUERY_DIR/*.rq to the SPARQL protocol ENDPOINT (e.g. Virtuoso's
      http://127.0.0.1:PORT/sparql) with default-graph-uri=GRAPH (the queries have no
      FROM/GRAPH clause; without it Virtuoso also answers from its ~2,500 system triples),
      asking for application/sparql-results+json.
  sparql_check.py results RESULTS_DIR QUERY_DIR ENGINE_NAME
      Compare answers already computed by another program (tests/stores/oxigraph.mjs writes
      RESULTS_DIR/NN-name.srj, SPARQL 1.1 JSON results, one per query).

The comparison is tests/sparql/run.py's own, imported as a module (never copied): the same
cells (IRIs as <iri>, literals by their text), the same row order, the same
"# expect-datatype:" checks. One thing is added, for stores that rewrite values: see
same_value() below. Exits 0 when every answer is as expected, 1 otherwise, 2 on bad usage.
"""

import decimal
import importlib.util
import json
import os
import sys
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # leave no __pycache__ in tests/sparql/
HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "sparql_run", os.path.join(HERE, "..", "sparql", "run.py"))
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in (
    "decimal", "integer", "double", "float", "long", "int", "short", "byte",
    "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
BOOLEAN = XSD + "boolean"
HTTP_TIMEOUT = 60  # seconds per query


def number(text):
    try:
        return decimal.Decimal(text.strip())
    except (decimal.InvalidOperation, ValueError):
        return None


def same_value(term, want):
    """True when a store returned the expected VALUE in another lexical form.

    Stores rewrite valid literals (../shared/reference/triple-stores.md): Virtuoso returns an
    xsd:boolean as 1/0 and canonicalises numbers (1.5e10 -> 1.5e+10, .5 -> 0.5, "01" -> 1);
    Oxigraph's store canonicalises typed literals too. So a numeric literal matches an
    expected cell holding the same number, and a boolean literal matches true/false given as
    1/0. Only the literal's value is relaxed: IRIs, strings, dates and row order are compared
    exactly, and the datatype is still checked by "# expect-datatype:".
    """
    if term is None or term.kind != "literal" or term.text == want:
        return term is not None and term.text == want
    dt = term.datatype
    if dt in NUMERIC:
        a, b = number(term.text), number(want)
        return a is not None and b is not None and a == b
    if dt == BOOLEAN:
        canon = {"1": "true", "true": "true", "0": "false", "false": "false"}
        return canon.get(term.text.strip()) is not None and \
            canon.get(term.text.strip()) == canon.get(want)
    return False


def value_normalised_lines(answer, want):
    """run.answer_lines(answer), with each literal that equals its expected cell by value
    written as the expected text, so that the line comparison and the diff show only real
    differences."""
    got = run.answer_lines(answer)
    if len(got) != len(want) or got[0] != want[0]:
        return got
    out = [got[0]]
    for row, gline, wline in zip(answer.rows, got[1:], want[1:]):
        gcells, wcells = gline.split("\t"), wline.split("\t")
        if len(gcells) != len(wcells):
            out.append(gline)
            continue
        cells = [w if (g != w and same_value(t, w)) else g
                 for t, g, w in zip(row, gcells, wcells)]
        out.append("\t".join(cells))
    return out


class HttpEngine:
    """The SPARQL 1.1 protocol: query by POST, JSON results."""

    def __init__(self, endpoint, graph):
        self.name = "store at %s" % endpoint
        self.endpoint, self.graph = endpoint, graph

    def run(self, qpath, qtext):
        body = urllib.parse.urlencode({"query": qtext, "default-graph-uri": self.graph})
        req = urllib.request.Request(
            self.endpoint, data=body.encode("utf-8"),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as r:
            return run.RoqetEngine.parse_json(r.read().decode("utf-8"))


class ResultsEngine:
    """Answers computed elsewhere: RESULTS_DIR/NN-name.srj."""

    def __init__(self, results_dir, name):
        self.name, self.dir = name, results_dir

    def run(self, qpath, qtext):
        path = os.path.join(self.dir, os.path.basename(qpath)[:-3] + ".srj")
        if not os.path.isfile(path):
            raise RuntimeError("no answer (%s)" % os.path.basename(path))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        doc = json.loads(text)
        if "error" in doc:  # written by oxigraph.mjs when the query failed
            raise RuntimeError(doc["error"])
        return run.RoqetEngine.parse_json(text)


def check(engine, qdir):
    return run.check(engine, qdir, value_normalised_lines, "sparql_check.py")


def main(argv):
    if len(argv) == 5 and argv[1] == "http":
        return check(HttpEngine(argv[2], argv[3]), argv[4])
    if len(argv) == 5 and argv[1] == "results":
        return check(ResultsEngine(argv[2], argv[4]), argv[3])
    sys.stderr.write("usage: %s http ENDPOINT GRAPH QUERY_DIR\n"
                     "       %s results RESULTS_DIR QUERY_DIR ENGINE_NAME\n" % (argv[0], argv[0]))
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
