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

/* Add to a small per-element array unless present. Per-element arrays are short (a node's
 * own properties), so the linear duplicate check stays cheap. */
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
  for (uint32_t i = 0; i < *n; i++)
    if ((*items)[i].pred == p.pred && same_value(&(*items)[i].value, &p.value))
      return KG_OK;
  if (kgi_array_grow(g, (void **)items, *n, sizeof **items, err))
    return KG_ENOMEM;
  (*items)[(*n)++] = p;
  return KG_OK;
}

static kg_status add_str(kg_graph *g, const char ***items, uint32_t *n, const char *s,
                         kg_error *err) {
  const char *in = kgi_pool_intern(&g->pool, s);
  if (!in)
    return kgi_error_oom(err);
  for (uint32_t i = 0; i < *n; i++)
    if ((*items)[i] == in)
      return KG_OK;
  if (kgi_array_grow(g, (void **)items, *n, sizeof **items, err))
    return KG_ENOMEM;
  (*items)[(*n)++] = in;
  return KG_OK;
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
  for (uint32_t i = 0; i < n->nlabels; i++)
    if (n->labels[i].text == v.lexical && n->labels[i].lang == l)
      return KG_OK;
  if (kgi_array_grow(g, (void **)&n->labels, n->nlabels, sizeof *n->labels, err))
    return KG_ENOMEM;
  n->labels[n->nlabels].text = v.lexical;
  n->labels[n->nlabels].lang = l;
  n->nlabels++;
  return KG_OK;
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
