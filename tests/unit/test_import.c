/* RDF into the model: the mapping of docs/model.md, statements folded into edges, errors. */
#include "check.h"
#include "kgexport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kg_graph *load(const char *ttl, kg_error *err) {
  kg_graph *g = NULL;
  kg_error_init(err);
  if (kg_import_buffer(&g, ttl, strlen(ttl), "t.ttl", "turtle", "https://example.org/g/", err))
    return NULL;
  return g;
}

static const char *prefixes = "@prefix : <https://example.org/g/> .\n"
                              "@prefix kg: <https://kgexport.org/ns#> .\n"
                              "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
                              "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                              "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                              "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                              "@prefix prov: <http://www.w3.org/ns/prov#> .\n";

static void test_mapping(void) {
  char ttl[4096];
  snprintf(ttl, sizeof ttl,
           "%s"
           ":takaichi a kg:Person ; rdfs:label \"Sanae Takaichi\"@en, \"高市早苗\"@ja ;\n"
           "  owl:sameAs <http://www.wikidata.org/entity/Q1705028> .\n"
           ":japan a kg:Country ; rdfs:label \"Japan\"@en .\n"
           ":takaichi kg:holdsOffice :japan .\n"
           "[] a rdf:Statement ; rdf:subject :takaichi ; rdf:predicate kg:holdsOffice ;\n"
           "   rdf:object :japan ; kg:role \"Prime Minister\"@en ;\n"
           "   kg:startDate \"2025-10\"^^xsd:gYearMonth ; prov:wasDerivedFrom :article .\n"
           ":article a kg:NewsArticle ; rdfs:label \"The article\"@en .\n"
           ": kg:defaultSource :article .\n",
           prefixes);
  kg_error err;
  kg_graph *g = load(ttl, &err);
  CHECK(g != NULL);
  if (!g) {
    fprintf(stderr, "%s\n", err.message);
    return;
  }
  CHECK(kg_graph_node_count(g) == 3); /* the statement is folded, not a node */
  CHECK(kg_graph_edge_count(g) == 1);
  const kg_node *t = kg_graph_find_node(g, "takaichi");
  CHECK(t && kg_node_label_count(t) == 2);
  CHECK(t && kg_node_same_as_count(t) == 1);
  const kg_edge *e = kg_graph_edge_at(g, 0);
  CHECK(kg_edge_qualifier_count(e) == 2);
  const char *pred = NULL;
  const kg_value *v = kg_edge_qualifier_at(e, 1, &pred);
  CHECK_STR(pred, "https://kgexport.org/ns#startDate");
  CHECK(v && v->kind == KG_VALUE_DATE);
  CHECK(kg_edge_cites(e) == kg_graph_find_node(g, "article"));
  CHECK(kg_node_cites(t) == kg_graph_find_node(g, "article")); /* from kg:defaultSource */
  kg_graph_free(g);
}

static void expect_error(const char *body, kg_status want, const char *text) {
  char ttl[4096];
  snprintf(ttl, sizeof ttl, "%s%s", prefixes, body);
  kg_error err;
  kg_graph *g = load(ttl, &err);
  CHECK(g == NULL);
  CHECK(err.status == want);
  if (!strstr(err.message, text)) {
    fprintf(stderr, "message \"%s\" lacks \"%s\"\n", err.message, text);
    check_failures++;
  }
  kg_graph_free(g);
}

static void test_errors(void) {
  /* line numbers count the 7 prefix lines */
  expect_error(":a a kg:Persn .\n", KG_EDATA, "t.ttl:8:6: unknown term kg:Persn");
  expect_error(":a a kg:Person ;\n  kg:role \"x\" ;\n  kg:startDate \"2025-02-30\"^^xsd:date .\n",
               KG_EDATA, "t.ttl:10:17: \"2025-02-30\" is not a date");
  expect_error(":a :b \"unterminated .\n", KG_EPARSE, "t.ttl:8");
  expect_error(":a rdfs:label \"x\"@en_US .\n", KG_EDATA, "t.ttl:8:19: \"en_US\" is not a BCP 47");
  expect_error(":a rdfs:label \"bell\\u0007\" .\n", KG_EDATA, "U+0007");
  expect_error(":a :b \"\xc3\x28\" .\n", KG_EPARSE, "t.ttl:8:8: invalid UTF-8");
}

static void test_story(void) {
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  CHECK(kg_import_story(&g, &err) == KG_OK);
  if (!g) {
    fprintf(stderr, "%s\n", err.message);
    return;
  }
  CHECK(kg_graph_node_count(g) > 50);
  /* every node but the article cites a source, every edge cites one */
  for (size_t i = 0; i < kg_graph_node_count(g); i++) {
    const kg_node *n = kg_graph_node_at(g, i);
    if (strcmp(kg_node_id(n), "article") != 0 && !kg_node_cites(n)) {
      fprintf(stderr, "node %s cites no source\n", kg_node_id(n));
      check_failures++;
    }
    CHECK(kg_node_class_count(n) >= 1);
  }
  for (size_t i = 0; i < kg_graph_edge_count(g); i++)
    CHECK(kg_edge_cites(kg_graph_edge_at(g, i)) != NULL);
  CHECK(kg_graph_find_node(g, "xi-jinping") != NULL);
  CHECK(kg_graph_find_node(g, "taiwan") != NULL);
  /* the triple count the stats report is what the N-Triples export holds, line for line */
  kg_stats s;
  kg_graph_stats(g, &s);
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  CHECK(mem && kg_export_stream(g, "ntriples", mem, &err) == KG_OK);
  if (mem)
    fclose(mem);
  size_t lines = 0;
  for (size_t i = 0; i < len; i++)
    lines += text[i] == '\n';
  CHECK(s.triples > 0 && s.triples == lines);
  free(text);
  kg_graph_free(g);
}

/* An IRI under the base whose rest reads "_:b1" is not the blank node _:b1. */
static void test_blank_lookalike_iri(void) {
  const char *nt = "_:b1 <http://x/p> \"a\" .\n"
                   "<https://example.org/f/_:b1> <http://x/p> \"b\" .\n"
                   "<http://x/s> <http://x/p> \"c\" .\n";
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  CHECK(kg_import_buffer(&g, nt, strlen(nt), "t.nt", "ntriples", "https://example.org/f/", &err) ==
        KG_OK);
  CHECK(g && kg_graph_node_count(g) == 3);
  kg_graph_free(g);
}

/* Dates of any year are dates to the filter: an event in 12026 is after 2000, one in 44 BC
 * before it (the timeline formats leave them out; the filter must not call them undated). */
static void test_filter_far_dates(void) {
  char ttl[2048];
  snprintf(ttl, sizeof ttl,
           "%s@prefix schema: <http://schema.org/> .\n"
           ":ides a kg:Event ; rdfs:label \"Ides of March\" ;\n"
           "  schema:startDate \"-0044-03-15\"^^xsd:date .\n"
           ":far a kg:Event ; rdfs:label \"Far future\" ;\n"
           "  schema:startDate \"12026-01-01\"^^xsd:date .\n"
           ":call a kg:Event ; rdfs:label \"The call\" ;\n"
           "  schema:startDate \"2025-11-24\"^^xsd:date .\n",
           prefixes);
  kg_error err;
  kg_graph *g = load(ttl, &err), *part = NULL;
  CHECK(g != NULL);
  kg_filter f;
  kg_filter_init(&f);
  f.from = "0001";
  f.to = "2100";
  CHECK(g && kg_graph_filter(&part, g, &f, &err) == KG_OK);
  CHECK(part && kg_graph_find_node(part, "call") != NULL);
  CHECK(part && kg_graph_find_node(part, "far") == NULL);
  CHECK(part && kg_graph_find_node(part, "ides") == NULL);
  kg_graph_free(part);
  /* a struct from another version of the header is refused, not misread */
  f.version = 99;
  CHECK(g && kg_graph_filter(&part, g, &f, &err) == KG_EINVAL);
  kg_graph_free(g);
}

/* The API refuses what the readers refuse: a kg: term the ontology does not define. */
static void test_api_checks_terms(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  kg_node *a = NULL, *b = NULL;
  kg_edge *e = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  CHECK(g && kg_graph_add_node(&a, g, "a", &err) == KG_OK);
  CHECK(g && kg_graph_add_node(&b, g, "b", &err) == KG_OK);
  CHECK(kg_node_add_class(g, a, KG_NS "Persn", &err) == KG_EDATA);
  CHECK_STR(err.message, "unknown term kg:Persn: the kgexport ontology does not define it (did "
                         "you mean kg:Person?)");
  kg_error_init(&err);
  CHECK(kg_graph_add_edge(&e, g, a, KG_NS "holdsOffise", b, &err) == KG_EDATA);
  kg_error_init(&err);
  kg_value v = {KG_VALUE_STRING, "President", NULL, NULL};
  CHECK(kg_node_add_value(g, a, KG_NS "rol", &v, &err) == KG_EDATA);
  /* terms the ontology defines, and other vocabularies, go in */
  kg_error_init(&err);
  CHECK(kg_node_add_class(g, a, KG_NS "Person", &err) == KG_OK);
  CHECK(kg_node_add_class(g, a, "http://xmlns.com/foaf/0.1/Person", &err) == KG_OK);
  CHECK(kg_graph_add_edge(&e, g, a, KG_NS "holdsOffice", b, &err) == KG_OK);
  kg_graph_free(g);
}

/* max_term_bytes: version 3 reads it (0: the default, 64 MiB); a version 2 caller, whose
 * struct ends before it, gets the default whatever follows. */
static kg_status import_with(const char *nt, unsigned version, size_t max, kg_error *err) {
  kg_import_options o;
  kg_import_options_init(&o);
  o.syntax = "ntriples";
  o.version = version;
  o.max_term_bytes = max;
  kg_graph *g = NULL;
  kg_error_init(err);
  FILE *in = fmemopen((void *)nt, strlen(nt), "r");
  CHECK(in != NULL);
  kg_status st = in ? kg_import_stream(&g, in, "t.nt", &o, err) : KG_EIO;
  if (in)
    fclose(in);
  kg_graph_free(g);
  return st;
}

static void test_max_term_bytes(void) {
  const char *nt =
      "<https://example.org/a> <https://example.org/p> \"0123456789012345678901234567890\" .\n";
  kg_error err;
  CHECK(import_with(nt, KG_IMPORT_OPTIONS_VERSION, 30, &err) == KG_EDATA);
  CHECK_STR(err.message, "t.nt:1:49: a literal of more than 30 bytes (--max-term-bytes raises "
                         "the limit)");
  CHECK(import_with(nt, KG_IMPORT_OPTIONS_VERSION, 31, &err) == KG_OK);
  CHECK(import_with(nt, KG_IMPORT_OPTIONS_VERSION, 0, &err) == KG_OK);
  CHECK(import_with(nt, 2, 30, &err) == KG_OK);
  CHECK(import_with(nt, 1, 30, &err) == KG_OK);
  CHECK(import_with(nt, KG_IMPORT_OPTIONS_VERSION + 1, 0, &err) == KG_EINVAL);
}

/* An imported graph takes more edges through the API: the edge index, which the import lets
 * go after compaction, is made again, so a triple it holds is found and not doubled. */
static void test_edges_after_import(void) {
  const char *nt = "<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n"
                   "<https://example.org/b> <https://example.org/p> <https://example.org/c> .\n";
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  CHECK(kg_import_buffer(&g, nt, strlen(nt), "t.nt", "ntriples", "https://example.org/", &err) ==
        KG_OK);
  if (!g)
    return;
  kg_node *a = kg_graph_find_node(g, "a"), *b = kg_graph_find_node(g, "b"),
          *c = kg_graph_find_node(g, "c");
  CHECK(a && b && c && kg_graph_edge_count(g) == 2);
  kg_edge *e = NULL, *again = NULL;
  CHECK(kg_graph_add_edge(&e, g, a, "https://example.org/p", b, &err) == KG_OK);
  CHECK(kg_graph_edge_count(g) == 2); /* the imported edge, found */
  CHECK(kg_graph_add_edge(&e, g, c, "https://example.org/p", a, &err) == KG_OK);
  CHECK(kg_graph_add_edge(&again, g, c, "https://example.org/p", a, &err) == KG_OK);
  CHECK(e && e == again && kg_graph_edge_count(g) == 3);
  kg_graph_free(g);
}

/* A GraphML document of 1.7 MB handed over whole (kg_import_buffer) goes to the reader in
 * the chunks a file is read in (libxml2 takes an int length, so a buffer over 2 GB could not
 * go at once; that size is not tried here): it is read whole, and an error near its end
 * keeps its line and column across the chunks. */
static char *graphml_of(size_t n, size_t bad_edge) {
  size_t cap = 200 + n * 64, len = 0;
  char *s = malloc(cap);
  if (!s)
    return NULL;
  len += (size_t)snprintf(s + len, cap - len,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                          "<graph edgedefault=\"directed\">\n");
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(s + len, cap - len, "<node id=\"n%zu\"/>\n", i);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(s + len, cap - len,
                            i == bad_edge ? "<edge source=\"n%zu\" <oops/>\n"
                                          : "<edge source=\"n%zu\" target=\"n%zu\"/>\n",
                            i, (i + 1) % n);
  snprintf(s + len, cap - len, "</graph>\n</graphml>\n");
  return s;
}

static void test_large_buffer(void) {
  const size_t n = 30000;
  char *doc = graphml_of(n, n);
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  CHECK(doc && strlen(doc) > 1500000);
  CHECK(doc && kg_import_buffer(&g, doc, strlen(doc), "big.graphml", "graphml",
                                "https://example.org/", &err) == KG_OK);
  CHECK(g && kg_graph_node_count(g) == n && kg_graph_edge_count(g) == n);
  kg_graph_free(g);
  free(doc);
  doc = graphml_of(n, n - 1000); /* on line 3 + n + (n - 1000) + 1 */
  g = NULL;
  kg_error_init(&err);
  CHECK(doc && kg_import_buffer(&g, doc, strlen(doc), "big.graphml", "graphml",
                                "https://example.org/", &err) == KG_EDATA);
  CHECK(!g && strstr(err.message, "big.graphml:59004:23: not well-formed XML") == err.message);
  free(doc);
}

int main(void) {
  test_large_buffer();
  test_edges_after_import();
  test_max_term_bytes();
  test_api_checks_terms();
  test_filter_far_dates();
  test_blank_lookalike_iri();
  test_mapping();
  test_errors();
  test_story();
  return CHECK_RESULT();
}
