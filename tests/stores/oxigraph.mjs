#!/usr/bin/env node
// An embedded, strict store: Oxigraph (npm `oxigraph` 0.5.x, in memory) loads the Turtle
// export of the story and the ontology into named graphs, its parser reads exactly the model's
// triple count, and it answers every question of tests/sparql/ as expected.
// Usage: node tests/stores/oxigraph.mjs KGEXPORT
// The answers are compared by tests/stores/sparql_check.py, which imports tests/sparql/run.py:
// one normalisation for every engine. Exit 77 (skip) when the npm packages are not installed
// (scripts/install-test-extras.sh), unless CI=true: then it fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const queryDir = path.join(here, "..", "sparql");
const fail = (msg) => {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
};

let ox;
try {
  ox = (await import("oxigraph")).default;
} catch (e) {
  if (process.env.CI === "true") fail(`npm package oxigraph not installed (run scripts/install-test-extras.sh): ${e.message}`);
  console.log("SKIP: npm package oxigraph not installed (scripts/install-test-extras.sh installs it)");
  process.exit(77);
}

const bin = process.argv[2];
if (!bin) {
  console.error("usage: node oxigraph.mjs KGEXPORT");
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kg-oxigraph-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

try {
  // the model's count and the export
  const stats = execFileSync(bin, ["--stats"], { encoding: "utf8" });
  const m = /^triples\s+(\d+)\s*$/m.exec(stats);
  if (!m) fail(`no triple count from ${bin} --stats`);
  const want = Number(m[1]);
  const story = path.join(tmp, "story.ttl");
  execFileSync(bin, ["-q", "-f", "turtle", "-o", story], { stdio: "inherit" });
  const storyText = fs.readFileSync(story);
  const ontoText = fs.readFileSync(path.join(here, "..", "..", "ontology", "kgexport.ttl"));

  // count with Oxigraph's parser, not the Store: its Store canonicalises typed literals, so
  // "01" and "1" as integers become one term and a count there can drop
  let parsed;
  try {
    parsed = ox.parse(storyText, { format: "text/turtle", base_iri: "http://base.invalid/" }).length;
  } catch (e) {
    fail(`Oxigraph's parser rejected the Turtle export: ${e.message ?? e}`);
  }
  if (parsed !== want) fail(`Oxigraph's parser read ${parsed} triples, the model has ${want}`);
  console.log(`story: Oxigraph's parser read ${parsed} triples, as the model says`);

  // the store: story and ontology in named graphs; questions asked of the story graph
  const storyGraph = ox.namedNode("urn:kgexport:test:story");
  const ontoGraph = ox.namedNode("urn:kgexport:test:ontology");
  const store = new ox.Store();
  const t0 = Date.now();
  try {
    store.load(storyText, { format: "text/turtle", base_iri: "http://base.invalid/", to_graph_name: storyGraph });
    store.load(ontoText, { format: "text/turtle", to_graph_name: ontoGraph });
  } catch (e) {
    fail(`Oxigraph's store rejected a file: ${e.message ?? e}`);
  }
  const inStore = store.match(null, null, null, storyGraph).length;
  console.log(`loaded in ${Date.now() - t0} ms: ${inStore} triples in <${storyGraph.value}>, ` +
    `${store.match(null, null, null, ontoGraph).length} in <${ontoGraph.value}>`);

  const queries = fs.readdirSync(queryDir).filter((f) => f.endsWith(".rq")).sort();
  if (queries.length === 0) fail(`no .rq files in ${queryDir}`);
  const results = path.join(tmp, "results");
  fs.mkdirSync(results);
  for (const q of queries) {
    let out;
    try {
      out = store.query(fs.readFileSync(path.join(queryDir, q), "utf8"), {
        results_format: "application/sparql-results+json",
        default_graph: storyGraph,
      });
    } catch (e) {
      out = JSON.stringify({ error: `query failed: ${e.message ?? e}` });
    }
    fs.writeFileSync(path.join(results, q.replace(/\.rq$/, ".srj")), out);
  }
  try {
    execFileSync("/usr/bin/python3", [path.join(here, "sparql_check.py"), "results", results, queryDir, "oxigraph"],
      { stdio: "inherit" });
  } catch (e) {
    fail("Oxigraph's answers differ from tests/sparql/*.expected (above)");
  }
} catch (e) {
  fail(e.message ?? String(e));
}
