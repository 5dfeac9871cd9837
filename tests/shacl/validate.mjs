#!/usr/bin/env node
// Validates kgexport graphs against ontology/shapes.ttl with a real SHACL engine (npm
// `shacl-engine`, SHACL Core + SHACL-SPARQL; Turtle read by npm `n3`).
//
// Usage:
//   node tests/shacl/validate.mjs graph FILE.ttl
//       FILE (an export) + ontology/kgexport.ttl is the data graph; prints the report summary
//       (violations, warnings, grouped by shape); exit 1 on any violation.
//   node tests/shacl/validate.mjs bad FILE.ttl...
//       the negative check: each FILE is a small broken graph whose header names the shapes it
//       must violate, one line each: `# expect: kgsh:Quote-saidBy` (a result of severity
//       sh:Violation) or `# expect-warning: kgsh:Event-dated` (sh:Warning). Exit 1 unless every
//       FILE gives at least one such result from every shape it names.
//
// Where the ontology goes: SHACL reads rdfs:subClassOf from the DATA graph (so sh:targetClass
// kg:Event reaches kg:PhoneCall); shacl-engine reads it from the SHAPES graph instead, on purpose
// (rdf-ext/shacl-engine#42). The ontology is loaded into both, so either reading gives the same
// targets; tests/shacl/bad/paraphrase-without-saidby.ttl fails if subclass targeting is lost.
//
// Packages are found from this file (the repository's node_modules) or through NODE_PATH.
// Exit 77 (skip) when they are not installed, unless CI=true: then it fails.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const SHAPES = path.join(root, "ontology", "shapes.ttl");
const ONTOLOGY = path.join(root, "ontology", "kgexport.ttl");
const KGSH = "https://kgexport.org/shapes#";
const SH = "http://www.w3.org/ns/shacl#";

const fail = (msg) => {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
};

// import() resolves from this file only; require.resolve also honours NODE_PATH.
async function load(name) {
  try {
    return await import(name);
  } catch (e) {
    if (e.code !== "ERR_MODULE_NOT_FOUND") throw e;
    const file = createRequire(import.meta.url).resolve(name); // throws MODULE_NOT_FOUND
    return await import(pathToFileURL(file).href);
  }
}

let N3, Validator, sparql;
try {
  N3 = await load("n3");
  N3 = N3.Parser ? N3 : N3.default;
  ({ Validator } = await load("shacl-engine"));
  sparql = await load("shacl-engine/sparql.js");
} catch (e) {
  const msg = `npm packages shacl-engine and n3 not installed (npm ci at the repository root): ${e.message}`;
  if (process.env.CI === "true") fail(msg);
  console.log(`SKIP: ${msg}`);
  process.exit(77);
}

const { DataFactory, Parser, Store } = N3;
const factory = { ...DataFactory, dataset: (quads) => new Store(quads || []) };

function parseInto(store, file) {
  const text = fs.readFileSync(file, "utf8");
  try {
    store.addQuads(new Parser({ baseIRI: pathToFileURL(file).href }).parse(text));
  } catch (e) {
    fail(`${file}: not valid Turtle: ${e.message}`);
  }
}

const shapes = new Store();
parseInto(shapes, SHAPES);
parseInto(shapes, ONTOLOGY); // for shacl-engine's subclass reading (see above)
const validator = new Validator(shapes, {
  factory,
  validations: sparql.validations,
  targetResolvers: sparql.targetResolvers,
});

const short = (term) => {
  if (!term) return "";
  const v = term.value;
  for (const [p, ns] of [
    ["kgsh:", KGSH],
    ["kg:", "https://kgexport.org/ns#"],
    [":", "https://kgexport.org/story/trump-xi-call-2025-11-24/"],
    ["sh:", SH],
    ["schema:", "http://schema.org/"],
    ["rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"],
    ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
    ["prov:", "http://www.w3.org/ns/prov#"],
    ["owl:", "http://www.w3.org/2002/07/owl#"],
  ]) {
    if (term.termType === "NamedNode" && v.startsWith(ns)) return p + v.slice(ns.length);
  }
  if (term.termType === "Literal") return JSON.stringify(v);
  if (term.termType === "BlankNode") return `_:${v}`;
  return `<${v}>`;
};

async function validate(file) {
  const data = new Store();
  parseInto(data, file);
  parseInto(data, ONTOLOGY);
  const report = await validator.validate({ dataset: data });
  return report.results.map((r) => ({
    severity: short(r.severity).replace("sh:", ""),
    shape: short(r.shape.ptr.term),
    focus: short(r.focusNode.term),
    path: r.path ? r.path.map((s) => s.predicates.map(short).join("|")).join("/") : "",
    value: r.value ? short(r.value.term) : "",
    component: short(r.constraintComponent),
    message: r.message.map((m) => m.value).join(" "),
  }));
}

function printGrouped(results, severity) {
  const of = results.filter((r) => r.severity === severity);
  const byShape = new Map();
  for (const r of of) byShape.set(r.shape, [...(byShape.get(r.shape) || []), r]);
  for (const [shape, rs] of byShape) {
    console.log(`  ${severity} ${shape} (${rs.length}): ${rs[0].message}`);
    for (const r of rs)
      console.log(`    ${r.focus}${r.path ? ` ${r.path}` : ""}${r.value && r.value !== r.focus ? ` = ${r.value}` : ""}`);
  }
}

const count = (results, s) => results.filter((r) => r.severity === s).length;
const [mode, ...files] = process.argv.slice(2);

if (mode === "graph" && files.length === 1) {
  const results = await validate(files[0]);
  const v = count(results, "Violation"), w = count(results, "Warning"), i = count(results, "Info");
  console.log(`${path.basename(files[0])}: ${v} violations, ${w} warnings, ${i} infos`);
  printGrouped(results, "Violation");
  printGrouped(results, "Warning");
  printGrouped(results, "Info");
  if (v > 0) fail(`${files[0]} does not conform to ontology/shapes.ttl: ${v} violations`);
} else if (mode === "bad" && files.length > 0) {
  let bad = 0;
  for (const file of files) {
    const header = fs.readFileSync(file, "utf8");
    const expected = (kind) => [...header.matchAll(new RegExp(`^#\\s*${kind}:\\s*(\\S+)\\s*$`, "gm"))].map((m) => m[1]);
    const expect = expected("expect"), expectWarning = expected("expect-warning");
    if (expect.length + expectWarning.length === 0) fail(`${file}: no "# expect: kgsh:Shape" line`);
    const results = await validate(file);
    const violations = results.filter((r) => r.severity === "Violation");
    const warnings = results.filter((r) => r.severity === "Warning");
    const missing = [
      ...expect.filter((shape) => !violations.some((r) => r.shape === shape)),
      ...expectWarning.filter((shape) => !warnings.some((r) => r.shape === shape)).map((s) => `${s} (warning)`),
    ];
    const name = path.basename(file);
    if (missing.length) {
      bad++;
      console.log(`NOT CAUGHT ${name}: no violation from ${missing.join(", ")}; got:`);
      printGrouped(results, "Violation");
      printGrouped(results, "Warning");
    } else {
      const seen = [...new Set(violations.map((r) => r.shape))];
      console.log(`caught ${name}: ${violations.length} violations from ${seen.join(", ") || "no shape"}` +
        (expectWarning.length ? `, ${warnings.length} warnings` : ""));
      for (const r of [...violations.filter((r) => expect.includes(r.shape)),
                       ...warnings.filter((r) => expectWarning.includes(r.shape))])
        console.log(`    ${r.severity} ${r.shape} ${r.focus}: ${r.message}`);
    }
  }
  if (bad) fail(`${bad} of ${files.length} broken graphs were not caught by the expected shape`);
} else {
  console.error("usage: validate.mjs graph FILE.ttl | validate.mjs bad FILE.ttl...");
  process.exit(2);
}
