#!/usr/bin/env node
// Strictness: two more strict parsers, n3.js (npm `n3`) and Oxigraph's (npm `oxigraph`),
// accept every RDF output of kgexport and read exactly the triple count the model reports
// (`kgexport --stats`), as rapper does in tests/consumers/rapper.sh. No single parser catches
// every invalid file; together they do.
//   Turtle, N-Triples, N-Quads: n3.js and Oxigraph; RDF/XML: Oxigraph (n3.js has no RDF/XML parser).
// Usage: node tests/stores/parsers.mjs KGEXPORT [INPUT]
// Exit 77 (skip) when the npm packages are not installed (scripts/install-test-extras.sh),
// unless CI=true: then it fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BASE = "http://base.invalid/";
let failures = 0;
const fail = (msg) => {
  console.error(`FAIL: ${msg}`);
  failures++;
};

let ox, N3;
try {
  ox = (await import("oxigraph")).default;
  N3 = (await import("n3")).default;
} catch (e) {
  if (process.env.CI === "true") {
    console.error(`FAIL: npm packages oxigraph/n3 not installed (run scripts/install-test-extras.sh): ${e.message}`);
    process.exit(1);
  }
  console.log("SKIP: npm packages oxigraph/n3 not installed (scripts/install-test-extras.sh installs them)");
  process.exit(77);
}

const [bin, ...input] = process.argv.slice(2);
if (!bin) {
  console.error("usage: node parsers.mjs KGEXPORT [INPUT]");
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kg-parsers-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

// the model's count, as kgexport reports it
const m = /^triples\s+(\d+)\s*$/m.exec(execFileSync(bin, ["--stats", ...input], { encoding: "utf8" }));
if (!m) {
  console.error(`FAIL: no triple count from ${bin} --stats`);
  process.exit(1);
}
const want = Number(m[1]);

// Each parser returns [statements read, distinct statements]: both must be the model's count
// (more statements than distinct ones would mean the export repeats a triple).
const parsers = {
  "n3.js": {
    formats: { turtle: "Turtle", ntriples: "N-Triples", nquads: "N-Quads" },
    parse(text, fmt) {
      const quads = new N3.Parser({ format: fmt, baseIRI: BASE }).parse(text.toString("utf8"));
      const keys = new Set(quads.map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id} ${q.graph.id}`));
      return [quads.length, keys.size];
    },
  },
  Oxigraph: {
    formats: { turtle: "text/turtle", ntriples: "application/n-triples", nquads: "application/n-quads",
               rdfxml: "application/rdf+xml" },
    parse(text, fmt) {
      // the parser, not the Store: its Store canonicalises typed literals (counts can drop)
      const quads = ox.parse(text, { format: fmt, base_iri: BASE });
      return [quads.length, new Set(quads.map((q) => q.toString())).size];
    },
  },
};

const what = input.length ? path.basename(input[0]) : "the story";
for (const [name, ext] of [["turtle", "ttl"], ["ntriples", "nt"], ["nquads", "nq"], ["rdfxml", "rdf"]]) {
  const file = path.join(tmp, `g.${ext}`);
  execFileSync(bin, ["-q", "-f", name, "-o", file, ...input], { stdio: "inherit" });
  const text = fs.readFileSync(file);
  for (const [pname, p] of Object.entries(parsers)) {
    const fmt = p.formats[name];
    if (!fmt) continue;
    let n, distinct;
    try {
      [n, distinct] = p.parse(text, fmt);
    } catch (e) {
      fail(`${pname} rejected the ${name} output of ${what}: ${e.message ?? e}`);
      continue;
    }
    if (n !== want) fail(`${name} of ${what}: ${pname} read ${n} triples, the model has ${want}`);
    else if (distinct !== want) fail(`${name} of ${what}: ${pname} read ${n} statements but only ${distinct} distinct triples, the model has ${want}`);
    else console.log(`${name}: ${pname} read ${n} triples, as the model says`);
  }
}
process.exit(failures ? 1 : 0);
