/* The model: nodes, edges, values, lookups, errors. */
#include "check.h"
#include "kgexport.h"
#include "model.h"

#include <stdlib.h>

#define KG(x) KG_NS x

static void test_nodes(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "not an iri", &err) == KG_EINVAL);
  kg_error_init(&err);
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  kg_node *a = NULL, *b = NULL, *a2 = NULL, *w = NULL;
  CHECK(kg_graph_add_node(&a, g, "xi-jinping", &err) == KG_OK);
  CHECK(kg_graph_add_node(&a2, g, "https://example.org/g/xi-jinping", &err) == KG_OK);
  CHECK(a == a2); /* an absolute IRI under the base is the same node */
  CHECK(kg_graph_add_node(&w, g, "http://www.wikidata.org/entity/Q15031", &err) == KG_OK);
  CHECK_STR(kg_node_id(w), "http://www.wikidata.org/entity/Q15031");
  CHECK_STR(kg_node_iri(a), "https://example.org/g/xi-jinping");
  CHECK(kg_graph_find_node(g, "xi-jinping") == a);
  CHECK(kg_graph_find_node(g, "nobody") == NULL);
  CHECK(kg_graph_add_node(&b, g, "bad id", &err) == KG_EDATA);
  CHECK(kg_graph_node_count(g) == 2);

  kg_error_init(&err);
  CHECK(kg_node_add_class(g, a, KG("Person"), &err) == KG_OK);
  CHECK(kg_node_add_class(g, a, KG("Person"), &err) == KG_OK); /* a triple is unique */
  CHECK(kg_node_class_count(a) == 1);
  CHECK(kg_node_add_label(g, a, "Xi Jinping", "en", &err) == KG_OK);
  CHECK(kg_node_add_label(g, a, "习近平", "ZH", &err) == KG_OK);
  const char *lang = NULL;
  CHECK_STR(kg_node_label_at(a, 1, &lang), "习近平");
  CHECK_STR(lang, "zh"); /* tags are stored lower case */
  CHECK_STR(kg_node_display_label(a, "zh"), "习近平");
  CHECK_STR(kg_node_display_label(a, "fr"), "Xi Jinping");
  CHECK(kg_node_add_label(g, a, "x", "not a tag!", &err) == KG_EDATA);
  kg_error_init(&err);
  CHECK(kg_node_add_label(g, a, "bad\x01", "en", &err) == KG_EDATA);
  CHECK(strstr(err.message, "U+0001") != NULL);
  kg_error_init(&err);
  CHECK(kg_node_add_label(g, a, "bad\xff", "en", &err) == KG_EDATA);
  CHECK(strstr(err.message, "UTF-8") != NULL);
  kg_error_init(&err);

  kg_value d = {KG_VALUE_DECIMAL, "29.30", NULL, NULL};
  CHECK(kg_node_add_value(g, a, "http://schema.org/value", &d, &err) == KG_OK);
  const char *pred = NULL;
  const kg_value *v = kg_node_value_at(a, 0, &pred);
  CHECK_STR(v->lexical, "29.3");
  CHECK_STR(pred, "http://schema.org/value");
  kg_value bad = {KG_VALUE_DATE, "2025-13-01", NULL, NULL};
  CHECK(kg_node_add_value(g, a, "http://schema.org/startDate", &bad, &err) == KG_EDATA);
  CHECK(strstr(err.message, "2025-13-01") != NULL);
  kg_error_init(&err);
  CHECK(kg_node_add_value(g, a, "relative", &d, &err) == KG_EDATA);
  kg_error_init(&err);
  CHECK(kg_node_value_count(a) == 1);
  kg_graph_free(g);
}

static void test_edges(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  kg_node *x = NULL, *call = NULL, *src = NULL;
  CHECK(kg_graph_add_node(&x, g, "xi", &err) == KG_OK);
  CHECK(kg_graph_add_node(&call, g, "call", &err) == KG_OK);
  CHECK(kg_graph_add_node(&src, g, "article", &err) == KG_OK);
  kg_edge *e1 = NULL, *e2 = NULL, *e3 = NULL;
  CHECK(kg_graph_add_edge(&e1, g, x, KG("participatedIn"), call, &err) == KG_OK);
  CHECK(kg_graph_add_edge(&e2, g, x, KG("participatedIn"), call, &err) == KG_OK);
  CHECK(e1 == e2);
  /* a second relation between the same pair is a parallel edge, kept */
  CHECK(kg_graph_add_edge(&e3, g, x, KG("initiated"), call, &err) == KG_OK);
  CHECK(e3 != e1);
  CHECK(kg_graph_edge_count(g) == 2);
  kg_value role = {KG_VALUE_LANGSTRING, "President", "en", NULL};
  CHECK(kg_edge_add_qualifier(g, e1, KG("role"), &role, &err) == KG_OK);
  CHECK(kg_edge_qualifier_count(e1) == 1);
  kg_graph_apply_default_source(g, src);
  CHECK(kg_edge_cites(e1) == src);
  CHECK(kg_node_cites(x) == src);
  CHECK(kg_node_cites(src) == NULL); /* the source does not cite itself */

  CHECK(kg_graph_node_count(g) == 3);
  CHECK(kg_graph_edge_count(g) == 2);
  kg_graph_free(g);
}

static void test_many(void) {
  /* lookups stay correct as the hash tables grow */
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  char id[32];
  for (int i = 0; i < 50000; i++) {
    kg_node *n = NULL;
    snprintf(id, sizeof id, "n%d", i);
    if (kg_graph_add_node(&n, g, id, &err) != KG_OK)
      break;
  }
  CHECK(kg_graph_node_count(g) == 50000);
  snprintf(id, sizeof id, "n%d", 31337);
  const kg_node *n = kg_graph_find_node(g, id);
  CHECK(n != NULL && strcmp(kg_node_id(n), "n31337") == 0);
  kg_graph_free(g);
}

/* The index renumbered in place of being made again (compaction): what stays is found under
 * its new number, what goes is not found. Two keys share each hash, so probes pass entries. */
enum { NKEYS = 5000 };
static uint32_t key_of[NKEYS]; /* by value, after renumbering too */

typedef struct want {
  uint32_t key;
} want;

static bool key_is(void *ctx, uint32_t v) { return key_of[v] == ((want *)ctx)->key; }

static uint64_t hash_of(uint32_t key) {
  uint32_t shared = key / 2;
  return kgi_hash_bytes(&shared, sizeof shared, 0);
}

static void test_renumber(void) {
  kg_error err;
  kg_error_init(&err);
  kgi_index ix = {0};
  static uint32_t to[NKEYS], before[NKEYS];
  for (uint32_t k = 0; k < NKEYS; k++) {
    key_of[k] = k;
    CHECK(kgi_index_put(&ix, hash_of(k), k, &err) == KG_OK);
  }
  uint32_t kept = 0;
  for (uint32_t v = 0; v < NKEYS; v++) {
    before[v] = key_of[v];
    to[v] = v % 3 == 0 ? KGI_INDEX_GONE : kept++;
  }
  for (uint32_t v = kept; v < NKEYS; v++)
    key_of[v] = UINT32_MAX; /* no entry may keep a number past the last one kept */
  for (uint32_t v = 0; v < NKEYS; v++)
    if (to[v] != KGI_INDEX_GONE)
      key_of[to[v]] = before[v];
  CHECK(kgi_index_renumber(&ix, to, &err) == KG_OK);
  CHECK(ix.count == kept);
  int wrong = 0;
  for (uint32_t k = 0; k < NKEYS; k++) {
    want w = {k};
    uint32_t *v = kgi_index_find(&ix, hash_of(k), key_is, &w);
    if (to[k] == KGI_INDEX_GONE ? v != NULL : !v || *v != to[k])
      wrong++;
  }
  CHECK(wrong == 0);
  kgi_index_dispose(&ix);
}

/* A graph compacted (statement nodes folded, nodes left empty) finds what it keeps by id,
 * under its new number, and not what went; rebased afterwards, by the new ids. */
static void test_compact(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  enum { N = 3000 };
  static uint8_t drop_node[N], drop_edge[N];
  char id[48];
  for (int i = 0; i < N; i++) {
    kg_node *n = NULL;
    snprintf(id, sizeof id, "a/n%d", i);
    CHECK(kg_graph_add_node(&n, g, id, &err) == KG_OK);
    drop_node[i] = i % 3 == 1;
  }
  CHECK(kgi_graph_compact(g, drop_node, drop_edge, &err) == KG_OK);
  CHECK(kg_graph_node_count(g) == N - N / 3);
  int wrong = 0;
  uint32_t kept = 0;
  for (int i = 0; i < N; i++) {
    snprintf(id, sizeof id, "a/n%d", i);
    const kg_node *n = kg_graph_find_node(g, id);
    if (drop_node[i] ? n != NULL : !n || strcmp(kg_node_id(n), id) != 0 || n->index != kept)
      wrong++;
    kept += !drop_node[i];
  }
  CHECK(wrong == 0);
  CHECK(kgi_graph_rebase(g, "https://example.org/g/a/", &err) == KG_OK);
  wrong = 0;
  for (int i = 0; i < N; i++) {
    snprintf(id, sizeof id, "n%d", i);
    const kg_node *n = kg_graph_find_node(g, id);
    if (drop_node[i] ? n != NULL : !n || strcmp(kg_node_id(n), id) != 0)
      wrong++;
  }
  CHECK(wrong == 0);
  kg_graph_free(g);
}

/* Per-element arrays: small ones in the graph's blocks, given up at compaction and taken
 * again by other nodes, large ones malloc's; each node keeps exactly its own values. Node i
 * gets VALUES(i) values "i.k", so node 7 has 40 (past KGI_ARRAY_SMALL: malloc's). */
#define VALUES(i) ((i) % 8 == 7 ? 40 : (i) % 4 + 1)

static int add_values(kg_graph *g, kg_node *n, int i, kg_error *err) {
  char text[32];
  int failed = 0;
  for (int k = 0; k < VALUES(i); k++) {
    snprintf(text, sizeof text, "%d.%d", i, k);
    kg_value v = {KG_VALUE_STRING, text, NULL, NULL};
    failed += kg_node_add_value(g, n, "https://example.org/p", &v, err) != KG_OK;
  }
  return failed;
}

static int values_wrong(const kg_node *n, int i) {
  char text[32];
  if (n->nprops != (uint32_t)VALUES(i))
    return 1;
  for (int k = 0; k < VALUES(i); k++) {
    snprintf(text, sizeof text, "%d.%d", i, k);
    if (strcmp(n->props[k].value.lexical, text) != 0)
      return 1;
  }
  return 0;
}

static void test_arrays(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  enum { N = 400 };
  static uint8_t drop_node[2 * N], drop_edge[1];
  char id[32];
  int failed = 0;
  for (int i = 0; i < N; i++) {
    kg_node *n = NULL;
    snprintf(id, sizeof id, "n%d", i);
    failed += kg_graph_add_node(&n, g, id, &err) != KG_OK || add_values(g, n, i, &err);
    drop_node[i] = i % 2 == 1; /* half of the small arrays and of the large ones go */
  }
  CHECK(failed == 0);
  CHECK(kgi_graph_compact(g, drop_node, drop_edge, &err) == KG_OK);
  for (int i = N; i < 2 * N; i++) { /* these take the arrays given up */
    kg_node *n = NULL;
    snprintf(id, sizeof id, "n%d", i);
    failed += kg_graph_add_node(&n, g, id, &err) != KG_OK || add_values(g, n, i, &err);
  }
  CHECK(failed == 0);
  int wrong = 0;
  for (int i = 0; i < 2 * N; i++) {
    snprintf(id, sizeof id, "n%d", i);
    const kg_node *n = kg_graph_find_node(g, id);
    wrong += i < N && drop_node[i] ? n != NULL : !n || values_wrong(n, i);
  }
  CHECK(wrong == 0);
  kg_graph_free(g);
}

/* Duplicates in long per-element arrays: past 32 items the graph's element index answers
 * (core/element.c); every item given twice is kept once, in every kind of array, and two
 * nodes with the same items each keep their own. */
static int add_items(kg_graph *g, kg_node *n, kg_edge *e, int count, kg_error *err) {
  int failed = 0;
  char s[64];
  for (int i = 0; i < count; i++) {
    snprintf(s, sizeof s, "label %d", i);
    failed += kg_node_add_label(g, n, s, i % 2 ? "en" : "fr", err) != KG_OK;
    snprintf(s, sizeof s, "https://example.org/class/C%d", i);
    failed += kg_node_add_class(g, n, s, err) != KG_OK;
    snprintf(s, sizeof s, "https://example.org/same/%d", i);
    failed += kg_node_add_same_as(g, n, s, err) != KG_OK;
    snprintf(s, sizeof s, "%d", i);
    kg_value v = {KG_VALUE_STRING, s, NULL, NULL};
    failed += kg_node_add_value(g, n, "https://example.org/p", &v, err) != KG_OK;
    failed += kg_edge_add_qualifier(g, e, "https://example.org/q", &v, err) != KG_OK;
  }
  return failed;
}

static void test_long_arrays(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  kg_node *a = NULL, *b = NULL;
  kg_edge *e = NULL, *f = NULL;
  CHECK(kg_graph_add_node(&a, g, "a", &err) == KG_OK &&
        kg_graph_add_node(&b, g, "b", &err) == KG_OK);
  CHECK(kg_graph_add_edge(&e, g, a, "https://example.org/r", b, &err) == KG_OK);
  CHECK(kg_graph_add_edge(&f, g, b, "https://example.org/r", a, &err) == KG_OK);
  enum { N = 300 };
  CHECK(add_items(g, a, e, N, &err) == 0);
  CHECK(add_items(g, a, e, N, &err) == 0); /* all again: nothing new */
  CHECK(add_items(g, b, f, N / 2, &err) == 0);
  CHECK(add_items(g, b, f, N, &err) == 0);
  CHECK(kg_node_label_count(a) == N && kg_node_class_count(a) == N);
  CHECK(kg_node_same_as_count(a) == N && kg_node_value_count(a) == N);
  CHECK(kg_edge_qualifier_count(e) == N);
  CHECK(kg_node_label_count(b) == N && kg_node_class_count(b) == N);
  CHECK(kg_node_same_as_count(b) == N && kg_node_value_count(b) == N);
  CHECK(kg_edge_qualifier_count(f) == N);
  /* the same text in another language is another label */
  CHECK(kg_node_add_label(g, a, "label 0", "en", &err) == KG_OK && kg_node_label_count(a) == N + 1);
  kg_graph_free(g);
}

int main(void) {
  test_long_arrays();
  test_nodes();
  test_renumber();
  test_compact();
  test_arrays();
  test_edges();
  test_many();
  return CHECK_RESULT();
}
