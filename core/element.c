/*
 * What a node or an edge holds: classes, labels, typed values, external ids, qualifiers,
 * the source it cites. Every value is checked (UTF-8, XML characters, its kind's lexical
 * form) and interned in its canonical form, whether it comes from a reader or the API.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

static kg_status check_text(const char *s, const char *what, kg_error *err) {
  size_t len = strlen(s), bad;
  if (!kgi_utf8_valid(s, len, &bad))
    return kgi_error_set(err, KG_EDATA, "%s is not valid UTF-8 (byte %zu)", what, bad + 1);
  bad = kgi_find_xml_illegal(s, len);
  if (bad != (size_t)-1)
    return kgi_error_set(err, KG_EDATA, "%s holds control character U+%04X, which XML 1.0 forbids",
                         what, (unsigned)(unsigned char)s[bad]);
  return KG_OK;
}

kg_status kgi_graph_intern_value(kg_graph *g, kg_value *out, const kg_value *in, kg_error *err) {
  if (!in || !in->lexical)
    return kgi_error_set(err, KG_EINVAL, "no value");
  kg_status st = check_text(in->lexical, "a literal", err);
  if (st)
    return st;
  /* A typed value's datatype is checked here, where the API and every reader pass: a name in
   * the XSD namespace must be one of XSD's, and one the model has a kind for takes that kind
   * (so "1"^^xsd:double from the API is checked and written as a double, as when read). */
  kg_value_kind kind = in->kind;
  if (kind == KG_VALUE_TYPED) {
    if (!in->datatype || !kgi_iri_ok(in->datatype))
      return kgi_error_set(err, KG_EDATA, "typed value without a valid datatype IRI");
    if ((st = kgi_datatype_check(in->datatype, err)))
      return st;
    kind = kgi_kind_for_datatype(in->datatype);
  }
  memset(out, 0, sizeof *out);
  out->kind = kind;
  /* room for what a canonical form adds: a decimal's "0" and ".0", a double's ".0" and E with
   * an exponent of up to 20 characters */
  size_t need = strlen(in->lexical) + 32;
  char small[256];
  char *buf = need <= sizeof small ? small : kgi_malloc(need);
  if (!buf)
    return kgi_error_oom(err);
  st = kg_value_canonical(buf, need, kind, in->lexical, err);
  if (!st) {
    out->lexical = kgi_pool_intern(&g->pool, buf);
    if (!out->lexical)
      st = kgi_error_oom(err);
  }
  if (buf != small)
    free(buf);
  if (st)
    return st;
  if (kind == KG_VALUE_LANGSTRING) {
    if (!in->lang || !kgi_lang_valid(in->lang))
      return kgi_error_set(err, KG_EDATA, "\"%s\" is not a BCP 47 language tag",
                           in->lang ? in->lang : "");
    char tag[64];
    size_t n = strlen(in->lang);
    if (n >= sizeof tag)
      return kgi_error_set(err, KG_EDATA, "language tag \"%s\" is too long", in->lang);
    for (size_t i = 0; i <= n; i++) /* RDF compares tags case-insensitively: store lower case */
      tag[i] = (char)((in->lang[i] >= 'A' && in->lang[i] <= 'Z') ? in->lang[i] + 32 : in->lang[i]);
    out->lang = kgi_pool_intern(&g->pool, tag);
    if (!out->lang)
      return kgi_error_oom(err);
  }
  if (kind == KG_VALUE_IRI && !kgi_iri_ok(in->lexical))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not a valid IRI", in->lexical);
  if (kind == KG_VALUE_TYPED) {
    out->datatype = kgi_pool_intern(&g->pool, in->datatype);
    if (!out->datatype)
      return kgi_error_oom(err);
  }
  return KG_OK;
}

static bool same_value(const kg_value *a, const kg_value *b) {
  return a->kind == b->kind && a->lexical == b->lexical && a->lang == b->lang &&
         a->datatype == b->datatype;
}

/*
 * Duplicates in a per-element array (a node's classes, labels, values, external ids, implied
 * classes; an edge's qualifiers): most are short and read whole. Past LINEAR_MAX items the
 * graph's element index answers instead, keyed by the array's field (the address of
 * n->labels and the like, which stays put) and the item: a hostile node with 200,000 labels
 * made reading quadratic (8 s). An index entry is a position in its array; a candidate is
 * compared with what this array holds there, so an entry of another array with the same hash
 * can only find a true duplicate.
 */
#define LINEAR_MAX 32

typedef bool (*same_item)(const void *item, const void *key);

typedef struct item_probe {
  const char *items;
  uint32_t n;
  size_t size;
  same_item same;
  const void *key;
} item_probe;

static bool probe_item(void *ctx, uint32_t v) {
  const item_probe *p = ctx;
  return v < p->n && p->same(p->items + v * p->size, p->key);
}

static bool has_item(const kg_graph *g, const void *items, uint32_t n, size_t size, same_item same,
                     const void *key, uint64_t hash) {
  if (n <= LINEAR_MAX) {
    for (uint32_t i = 0; i < n; i++)
      if (same((const char *)items + i * size, key))
        return true;
    return false;
  }
  item_probe p = {items, n, size, same, key};
  return kgi_index_find(&g->elem_ix, hash, probe_item, &p) != NULL;
}

/* Item n - 1 was added with `hash`: indexed once the array is past LINEAR_MAX, the items
 * before it as it passes (their hashes by item_hash). */
static kg_status index_item(kg_graph *g, const void *field, const void *items, uint32_t n,
                            size_t size, uint64_t (*item_hash)(const void *field, const void *item),
                            uint64_t hash, kg_error *err) {
  if (n <= LINEAR_MAX)
    return KG_OK;
  for (uint32_t i = n == LINEAR_MAX + 1 ? 0 : n - 1; i < n; i++) {
    uint64_t h = i == n - 1 ? hash : item_hash(field, (const char *)items + i * size);
    kg_status st = kgi_index_put(&g->elem_ix, h, i, err);
    if (st)
      return st;
  }
  return KG_OK;
}

static uint64_t ptr_hash(uint64_t h, const void *p) { return kgi_hash_mix(h, (uintptr_t)p); }

static bool same_prop(const void *item, const void *key) {
  const kgi_prop *a = item, *b = key;
  return a->pred == b->pred && same_value(&a->value, &b->value);
}

static uint64_t prop_hash(const void *field, const void *item) {
  const kgi_prop *p = item;
  uint64_t h = ptr_hash(ptr_hash((uintptr_t)field, p->pred), p->value.lexical);
  return ptr_hash(ptr_hash(ptr_hash(h, p->value.lang), p->value.datatype),
                  (const void *)(uintptr_t)p->value.kind);
}

static bool same_str(const void *item, const void *key) {
  return *(const char *const *)item == *(const char *const *)key;
}

static uint64_t str_hash(const void *field, const void *item) {
  return ptr_hash((uintptr_t)field, *(const char *const *)item);
}

static bool same_label(const void *item, const void *key) {
  const kgi_label *a = item, *b = key;
  return a->text == b->text && a->lang == b->lang;
}

static uint64_t label_hash(const void *field, const void *item) {
  const kgi_label *l = item;
  return ptr_hash(ptr_hash((uintptr_t)field, l->text), l->lang);
}

/* Add to a per-element array unless present. */
static kg_status add_prop(kg_graph *g, kgi_prop **items, uint32_t *n, const char *pred,
                          const kg_value *v, kg_error *err) {
  if (!pred)
    return kgi_error_set(err, KG_EDATA, "no property IRI");
  kgi_prop p;
  kg_status st = kgi_graph_term(g, pred, "property", &p.pred, err);
  if (!st && v && v->kind == KG_VALUE_TYPED && v->datatype)
    st = kgi_check_term(v->datatype, err);
  if (st)
    return st;
  if ((st = kgi_graph_intern_value(g, &p.value, v, err)))
    return st;
  uint64_t h = *n >= LINEAR_MAX ? prop_hash(items, &p) : 0;
  if (has_item(g, *items, *n, sizeof p, same_prop, &p, h))
    return KG_OK;
  if (kgi_array_grow(g, (void **)items, *n, sizeof **items, err))
    return KG_ENOMEM;
  (*items)[(*n)++] = p;
  return index_item(g, items, *items, *n, sizeof p, prop_hash, h, err);
}

static kg_status add_str(kg_graph *g, const char ***items, uint32_t *n, const char *s,
                         kg_error *err) {
  const char *in = kgi_pool_intern(&g->pool, s);
  if (!in)
    return kgi_error_oom(err);
  uint64_t h = *n >= LINEAR_MAX ? str_hash(items, &in) : 0;
  if (has_item(g, *items, *n, sizeof in, same_str, &in, h))
    return KG_OK;
  if (kgi_array_grow(g, (void **)items, *n, sizeof **items, err))
    return KG_ENOMEM;
  (*items)[(*n)++] = in;
  return index_item(g, items, *items, *n, sizeof in, str_hash, h, err);
}

kg_status kg_node_add_class(kg_graph *g, kg_node *n, const char *class_iri, kg_error *err) {
  if (!g || !n || !class_iri)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  const char *c;
  kg_status st = kgi_graph_term(g, class_iri, "class", &c, err);
  return st ? st : add_str(g, &n->classes, &n->nclasses, c, err);
}

kg_status kgi_node_add_implied_class(kg_graph *g, kg_node *n, const char *class_iri,
                                     kg_error *err) {
  if (!kgi_iri_ok(class_iri) || !kgi_iri_absolute(class_iri))
    return kgi_error_set(err, KG_EDATA, "class \"%s\" is not an absolute IRI", class_iri);
  return add_str(g, &n->implied, &n->nimplied, class_iri, err);
}

kg_status kg_node_add_same_as(kg_graph *g, kg_node *n, const char *iri, kg_error *err) {
  if (!g || !n || !iri)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  if (!kgi_iri_ok(iri) || !kgi_iri_absolute(iri))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an absolute IRI", iri);
  return add_str(g, &n->same_as, &n->nsame, iri, err);
}

kg_status kg_node_add_label(kg_graph *g, kg_node *n, const char *text, const char *lang,
                            kg_error *err) {
  if (!g || !n || !text)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  kg_value in = {lang && *lang ? KG_VALUE_LANGSTRING : KG_VALUE_STRING, text, lang, NULL};
  kg_value v;
  kg_status st = kgi_graph_intern_value(g, &v, &in, err);
  if (st)
    return st;
  const char *l = v.lang ? v.lang : kgi_pool_intern(&g->pool, "");
  if (!l)
    return kgi_error_oom(err);
  kgi_label label = {v.lexical, l};
  uint64_t h = n->nlabels >= LINEAR_MAX ? label_hash(&n->labels, &label) : 0;
  if (has_item(g, n->labels, n->nlabels, sizeof label, same_label, &label, h))
    return KG_OK;
  if (kgi_array_grow(g, (void **)&n->labels, n->nlabels, sizeof *n->labels, err))
    return KG_ENOMEM;
  n->labels[n->nlabels++] = label;
  return index_item(g, &n->labels, n->labels, n->nlabels, sizeof label, label_hash, h, err);
}

kg_status kg_node_add_value(kg_graph *g, kg_node *n, const char *pred, const kg_value *v,
                            kg_error *err) {
  if (!g || !n)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return add_prop(g, &n->props, &n->nprops, pred, v, err);
}

void kg_node_set_cites(kg_node *n, kg_node *source) {
  if (n)
    n->source = source;
}

kg_status kg_edge_add_qualifier(kg_graph *g, kg_edge *e, const char *pred, const kg_value *v,
                                kg_error *err) {
  if (!g || !e)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return add_prop(g, &e->quals, &e->nquals, pred, v, err);
}

void kg_edge_set_cites(kg_edge *e, kg_node *source) {
  if (e)
    e->source = source;
}
