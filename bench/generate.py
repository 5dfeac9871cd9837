#!/usr/bin/env python3
"""A synthetic news-event graph in the kgexport ontology, shaped like the built-in story.

    bench/generate.py --triples 100000 [--seed 1] [--format nt|ttl] > graph.nt

Deterministic for a given seed and size. People, organisations, countries, places, dated
events (some dated only to the month or the year), topics, attributed quotes, sources;
labels in English, Chinese, Japanese and Korean; literals with quotes, backslashes and
newlines; qualified edges (offices with a role and a start date) as reified statements.
Stops at the first whole entity after --triples triples have been written.
"""
import argparse
import random
import sys

KG = "https://kgexport.org/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
BASE = "https://example.org/news/"

GIVEN = ["Ana", "Li", "Kenji", "Sofia", "Omar", "Ming", "Yuki", "Lars", "Amara", "Diego", "Hana", "Ivan"]
FAMILY = ["Wang", "Sato", "Kim", "Garcia", "Okafor", "Nilsen", "Chen", "Tanaka", "Petrov", "Silva"]
CJK = "中国日本韩国北京上海东京首尔会谈协议贸易关税和平外交部长总统首相大使声明访问"
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめも"
HANGUL = "가나다라마바사아자차카타파하"
EVENT_KINDS = ["PhoneCall", "Summit", "PublicStatement", "Negotiation", "Agreement", "Truce",
               "TradeMeasure", "DiplomaticMeasure", "StateVisit", "Deadline"]
TOPICS = ["trade", "tariffs", "rare earths", "soybeans", "security", "energy", "climate",
          "migration", "technology", "fisheries", "elections", "sanctions"]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Ambassador", "Spokesperson"]


def iri(kind, i):
    return f"<{BASE}{kind}-{i}>"


def lit(text, lang=None, dt=None):
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{esc}"@{lang}'
    if dt:
        return f'"{esc}"^^<{dt}>'
    return f'"{esc}"'


class Writer:
    def __init__(self, out, limit):
        self.out, self.limit, self.count = out, limit, 0

    def t(self, s, p, o):
        self.out.write(f"{s} <{p}> {o} .\n")
        self.count += 1

    def done(self):
        return self.count >= self.limit


def generate(limit, seed, out):
    rnd = random.Random(seed)
    w = Writer(out, limit)
    # scale the pools with the size so that degrees stay news-like
    n_countries = 40
    n_people = max(20, limit // 60)
    n_orgs = max(10, limit // 400)
    n_places = max(10, limit // 300)
    n_sources = max(5, limit // 1000)
    made = {"person": 0, "org": 0, "place": 0, "source": 0, "event": 0, "quote": 0}

    def cjk(alphabet, n):
        return "".join(rnd.choice(alphabet) for _ in range(n))

    def src():
        return iri("source", rnd.randrange(max(1, made["source"])))

    for i in range(n_countries):
        s = iri("country", i)
        w.t(s, RDF + "type", f"<{KG}Country>")
        w.t(s, RDFS + "label", lit(f"Country {i}", "en"))
        w.t(s, RDFS + "label", lit(cjk(CJK, 2), "zh"))
    for i, name in enumerate(TOPICS):
        s = iri("topic", i)
        w.t(s, RDF + "type", f"<{KG}Topic>")
        w.t(s, RDFS + "label", lit(name, "en"))

    def source():
        i = made["source"]
        made["source"] += 1
        s = iri("source", i)
        w.t(s, RDF + "type", f"<{KG}NewsArticle>")
        w.t(s, RDFS + "label", lit(f'Report {i}: "talks" continue', "en"))
        w.t(s, SCHEMA + "datePublished", lit(f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", dt=XSD + "date"))

    def person():
        i = made["person"]
        made["person"] += 1
        s = iri("person", i)
        w.t(s, RDF + "type", f"<{KG}Person>")
        w.t(s, RDFS + "label", lit(f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)} {i}", "en"))
        script = rnd.random()
        if script < 0.3:
            w.t(s, RDFS + "label", lit(cjk(CJK, 3), "zh"))
        elif script < 0.45:
            w.t(s, RDFS + "label", lit(cjk(KANA, 4), "ja"))
        elif script < 0.55:
            w.t(s, RDFS + "label", lit(cjk(HANGUL, 3), "ko"))
        if rnd.random() < 0.2:
            w.t(s, OWL + "sameAs", f"<http://www.wikidata.org/entity/Q{1000000 + i}>")
        w.t(s, PROV + "wasDerivedFrom", src())
        country = iri("country", rnd.randrange(n_countries))
        w.t(s, KG + "holdsOffice", country)
        if rnd.random() < 0.5:  # a qualified edge: role and start date on a statement
            st = f"<{BASE}statement-person-{i}>"
            w.t(st, RDF + "type", f"<{RDF}Statement>")
            w.t(st, RDF + "subject", s)
            w.t(st, RDF + "predicate", f"<{KG}holdsOffice>")
            w.t(st, RDF + "object", country)
            w.t(st, KG + "role", lit(rnd.choice(ROLES), "en"))
            w.t(st, KG + "startDate", lit(f"20{rnd.randint(10, 25)}-{rnd.randint(1, 12):02d}", dt=XSD + "gYearMonth"))
            w.t(st, PROV + "wasDerivedFrom", src())

    def org():
        i = made["org"]
        made["org"] += 1
        s = iri("org", i)
        w.t(s, RDF + "type", f"<{KG}Organization>")
        w.t(s, RDFS + "label", lit(f"Organisation {i} & <partners>", "en"))
        w.t(s, KG + "locatedIn", iri("place", rnd.randrange(max(1, made["place"]))))
        w.t(s, PROV + "wasDerivedFrom", src())

    def place():
        i = made["place"]
        made["place"] += 1
        s = iri("place", i)
        w.t(s, RDF + "type", f"<{KG}City>")
        w.t(s, RDFS + "label", lit(f"City {i}", "en"))
        w.t(s, KG + "locatedIn", iri("country", rnd.randrange(n_countries)))
        w.t(s, PROV + "wasDerivedFrom", src())

    def event():
        i = made["event"]
        made["event"] += 1
        s = iri("event", i)
        w.t(s, RDF + "type", f"<{KG}{rnd.choice(EVENT_KINDS)}>")
        w.t(s, RDFS + "label", lit(f"Event {i}", "en"))
        r = rnd.random()
        if r < 0.7:
            date, dt = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", XSD + "date"
        elif r < 0.9:
            date, dt = f"2026-{rnd.randint(1, 12):02d}", XSD + "gYearMonth"
        else:
            date, dt = "2026", XSD + "gYear"
        w.t(s, SCHEMA + "startDate", lit(date, dt=dt))
        w.t(s, KG + "location", iri("place", rnd.randrange(made["place"])))
        for _ in range(rnd.randint(1, 3)):
            w.t(s, KG + "topic", iri("topic", rnd.randrange(len(TOPICS))))
        for _ in range(rnd.randint(2, 4)):
            w.t(iri("person", rnd.randrange(made["person"])), KG + "participatedIn", s)
        if rnd.random() < 0.3:
            w.t(s, SCHEMA + "description", lit('Talks on "trade"\nsecond line \\ with a backslash', "en"))
        w.t(s, PROV + "wasDerivedFrom", src())
        if rnd.random() < 0.6:
            quote(s)

    def quote(ev):
        i = made["quote"]
        made["quote"] += 1
        s = iri("quote", i)
        w.t(s, RDF + "type", f"<{KG}Quote>")
        w.t(s, RDFS + "label", lit(f"Quote {i}", "en"))
        w.t(s, SCHEMA + "text", lit(f'We said "no" to {rnd.choice(TOPICS)} — again', "en"))
        w.t(s, KG + "saidBy", iri("person", rnd.randrange(made["person"])))
        w.t(s, KG + "saidAt", ev)
        w.t(s, KG + "reportedBy", src())
        w.t(s, PROV + "wasDerivedFrom", src())

    for _ in range(n_sources):
        source()
    for _ in range(n_places):
        place()
    for _ in range(20):
        person()
    while not w.done():
        r = rnd.random()
        if r < 0.25 and made["person"] < n_people:
            person()
        elif r < 0.28 and made["org"] < n_orgs:
            org()
        else:
            event()
    return w.count


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["nt", "ttl"], default="nt")
    a = ap.parse_args()
    out = sys.stdout
    if a.format == "ttl":
        # N-Triples lines are valid Turtle; the prefix block makes it a Turtle document
        out.write(f"@prefix kg: <{KG}> .\n@prefix xsd: <{XSD}> .\n")
    n = generate(a.triples, a.seed, out)
    print(f"{n} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
