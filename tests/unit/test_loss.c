/* The -v report (kg_export_options.on_loss): what each format could not carry of a small
 * graph whose every count below was worked out by hand from the Turtle, not read from a run. */
#include "check.h"
#include "kgexport.h"

#include <stdint.h>
#include <stdlib.h>

static const char *ttl =
    "@prefix : <https://example.org/loss/> .\n"
    "@prefix kg: <https://kgexport.org/ns#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix schema: <http://schema.org/> .\n"
    "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
    /* three labels: the English one and the Chinese one are drawn, the Spanish one is not */
    ":alice a kg:Person ; rdfs:label \"Alice\"@en, \"Alicia\"@es, \"爱丽丝\"@zh ;\n"
    "  schema:birthDate \"1970-01-02\"^^xsd:date ;\n" /* a date: a text column */
    "  schema:position 3, 4 ;\n"                      /* two values in one column */
    "  prov:wasDerivedFrom :article .\n"              /* a node's source */
    ":bob a kg:Person ; rdfs:label \"Bob\"@en ;\n"
    "  schema:position \"2.5\"^^xsd:decimal ;\n"    /* a decimal: a column of its own */
    "  schema:ratingValue \"4.5\"^^xsd:decimal .\n" /* a decimal in a double column */
    ":club a kg:Organization ; rdfs:label \"Club\"@en .\n"
    ":article a kg:NewsArticle ; rdfs:label \"Article\"@en .\n"
    ":alice kg:memberOf :club .\n"
    "[] a rdf:Statement ; rdf:subject :alice ; rdf:predicate kg:memberOf ; rdf:object :club ;\n"
    "   kg:role \"Chair\"@en ;\n"                     /* a text qualifier */
    "   kg:startDate \"2025-10\"^^xsd:gYearMonth ;\n" /* a date qualifier: a text column */
    "   prov:wasDerivedFrom :article .\n"             /* an edge's source */
    ":bob kg:memberOf :club .\n";

enum { MAX_TOLD = 16 };
typedef struct told {
  char what[MAX_TOLD][128];
  uint64_t count[MAX_TOLD];
  int n;
} told;

static void on_loss(void *ctx, const char *format, const char *what, uint64_t count) {
  told *t = ctx;
  (void)format;
  CHECK(count > 0);
  if (t->n < MAX_TOLD) {
    snprintf(t->what[t->n], sizeof t->what[0], "%s", what);
    t->count[t->n++] = count;
  }
}

/* How many of `what` (0 when not told). */
static uint64_t count_of(const told *t, const char *what) {
  for (int i = 0; i < t->n; i++)
    if (strcmp(t->what[i], what) == 0)
      return t->count[i];
  return 0;
}

static told export(const kg_graph *g, const char *format, kg_view view) {
  told t = {.n = 0};
  kg_export_options o;
  kg_export_options_init(&o);
  o.view = view;
  o.on_loss = on_loss;
  o.loss_ctx = &t;
  kg_error err;
  kg_error_init(&err);
  FILE *out = tmpfile();
  CHECK(out != NULL);
  if (out) {
    kg_status st = kg_export_stream_with(g, format, out, &o, &err);
    if (st)
      fprintf(stderr, "%s: %s\n", format, err.message);
    CHECK(st == KG_OK);
    fclose(out);
  }
  return t;
}

static const char *TEXT =
    "typed values written as text (the datatype only in the column's description)";
static const char *JOINED = "values joined into one string (several in one column)";
static const char *DOUBLES = "decimals written as doubles (the lexical form kept)";

static void test_rdf_carries_everything(const kg_graph *g) {
  const char *formats[] = {"turtle", "ntriples", "nquads", "rdfxml"};
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    CHECK(export(g, formats[i], KG_VIEW_DEFAULT).n == 0);
}

static void test_property_graphs(const kg_graph *g) {
  /* a column per predicate, language and kind: alice's integers 3 and 4 share one, bob's
     decimal 2.5 has its own (schema_position_decimal). GraphML: no list type, so 3 and 4 are
     joined into one string; the date and the date qualifier are text; 2.5 and the rating are
     decimals in double columns */
  told t = export(g, "graphml", KG_VIEW_DEFAULT);
  CHECK(count_of(&t, JOINED) == 2);
  CHECK(count_of(&t, TEXT) == 2);
  CHECK(count_of(&t, DOUBLES) == 2);
  CHECK(t.n == 3);
  /* GEXF: the integer column is a liststring, whose items are text: 3, 4, and the two dates */
  t = export(g, "gexf", KG_VIEW_DEFAULT);
  CHECK(count_of(&t, JOINED) == 0);
  CHECK(count_of(&t, TEXT) == 4);
  CHECK(count_of(&t, DOUBLES) == 2);
  CHECK(t.n == 2);
}

static void test_pictures(const kg_graph *g) {
  /* the full view draws all 4 nodes and 2 edges; only the Spanish label is not drawn */
  told t = export(g, "svg", KG_VIEW_FULL);
  CHECK(count_of(&t, "labels in other languages not drawn") == 1);
  CHECK(t.n == 1);
  /* a PNG has no tooltips: the 5 values, 2 qualifiers and 2 sources they hold are lost */
  t = export(g, "png", KG_VIEW_FULL);
  CHECK(count_of(&t, "literal values not shown (no tooltips)") == 5);
  CHECK(count_of(&t, "edge qualifiers not shown (no tooltips)") == 2);
  CHECK(count_of(&t, "sources cited not shown (no tooltips)") == 2);
  CHECK(t.n == 4);
  /* the timeline has no dated event here: every node and edge is left out */
  t = export(g, "dot", KG_VIEW_TIMELINE);
  CHECK(count_of(&t, "nodes left out by the view") == 4);
  CHECK(count_of(&t, "edges left out by the view") == 2);
}

/* A caller built before on_loss existed (version 1) is still served, and told nothing. */
static void test_version_1_caller(const kg_graph *g) {
  kg_export_options o;
  kg_export_options_init(&o);
  o.version = 1;
  kg_error err;
  kg_error_init(&err);
  FILE *out = tmpfile();
  CHECK(out != NULL);
  if (out) {
    CHECK(kg_export_stream_with(g, "graphml", out, &o, &err) == KG_OK);
    fclose(out);
  }
  o.version = 3;
  kg_error_init(&err);
  CHECK(kg_export_stream_with(g, "graphml", stdout, &o, &err) == KG_EINVAL);
}

int main(void) {
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  if (kg_import_buffer(&g, ttl, strlen(ttl), "loss.ttl", "turtle", "https://example.org/loss/",
                       &err)) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  CHECK(kg_graph_node_count(g) == 4);
  CHECK(kg_graph_edge_count(g) == 2);
  test_rdf_carries_everything(g);
  test_property_graphs(g);
  test_pictures(g);
  test_version_1_caller(g);
  kg_graph_free(g);
  return CHECK_RESULT();
}
