/* The model: nodes, edges, values, provenance. Lookups by id and by triple are O(1). */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Node and edge storage: 256 KB blocks, then 2 MB ones (huge pages) once a graph is big. */
#define BLOCK_SMALL (256 * 1024)
#define BLOCK_BIG (2 * 1024 * 1024)

static void *block_alloc(kg_graph *g, size_t n, kg_error *err) {
  n = (n + 15) & ~(size_t)15;
  if (g->block_left < n) {
    if (kgi_grow((void **)&g->blocks, &g->capblocks, g->nblocks + 1, sizeof *g->blocks, err))
      return NULL;
    size_t size = g->nblocks < 8 ? BLOCK_SMALL : BLOCK_BIG;
    char *b = kgi_calloc_big(1, size);
    if (!b) {
      kgi_error_oom(err);
      return NULL;
    }
    g->blocks[g->nblocks++] = b;
    g->block_cur = b;
    g->block_left = size;
  }
  void *r = g->block_cur;
  g->block_cur += n;
  g->block_left -= n;
  return r;
}

/* IRI characters RFC 3987 forbids, and which every RDF syntax would have to escape. */
static bool iri_ok(const char *s) {
  if (!*s)
    return false;
  bool ascii = true;
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) {
    if (kgi_iri_bad[*p])
      return false;
    ascii = ascii && *p < 0x80;
  }
  /* text given through the API (or made by a \u escape) is checked here, as input text is */
  size_t len = (size_t)(p - (const unsigned char *)s);
  return ascii || (kgi_utf8_valid(s, len, NULL) && kgi_find_xml_illegal(s, len) == (size_t)-1);
}

static bool is_absolute(const char *s) {
  const char *p = s;
  if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
    return false;
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
         *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

kg_status kg_graph_new(kg_graph **out, const char *base, kg_error *err) {
  if (!out)
    return kgi_error_set(err, KG_EINVAL, "no output pointer");
  *out = NULL;
  if (!base || !is_absolute(base) || !iri_ok(base))
    return kgi_error_set(err, KG_EINVAL, "base \"%s\" is not an absolute IRI", base ? base : "");
  kg_graph *g = kgi_calloc(1, sizeof *g);
  if (!g)
    return kgi_error_oom(err);
  kgi_pool_init(&g->pool);
  g->base = kgi_pool_intern(&g->pool, base);
  if (!g->base) {
    kg_graph_free(g);
    return kgi_error_oom(err);
  }
  *out = g;
  return KG_OK;
}

static void node_dispose(kg_node *n) {
  free(n->classes);
  free(n->labels);
  free(n->props);
  free(n->same_as);
}

void kg_graph_free(kg_graph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nnodes; i++)
    node_dispose(g->nodes[i]);
  for (size_t i = 0; i < g->nedges; i++)
    free(g->edges[i]->quals);
  for (size_t i = 0; i < g->nblocks; i++)
    free(g->blocks[i]);
  free(g->blocks);
  free(g->nodes);
  free(g->edges);
  kgi_index_dispose(&g->node_ix);
  kgi_index_dispose(&g->edge_ix);
  kgi_pool_dispose(&g->pool);
  free(g);
}

const char *kg_graph_base(const kg_graph *g) { return g->base; }

const char *kgi_graph_id_for_iri(const kg_graph *g, const char *iri) {
  size_t nb = strlen(g->base);
  /* "_:x" names a blank node: an IRI never gets that id (<BASE_:x> is not _:x) */
  if (strncmp(iri, g->base, nb) == 0 && iri[nb] && strncmp(iri + nb, "_:", 2) != 0)
    return iri + nb;
  return iri;
}

typedef struct idprobe {
  const kg_graph *g;
  const char *id; /* interned */
} idprobe;

static bool node_has_id(void *ctx, uint32_t v) {
  idprobe *p = ctx;
  return p->g->nodes[v]->id == p->id;
}

static kg_node *find_interned(const kg_graph *g, const char *id) {
  idprobe pr = {g, id};
  uint32_t *v = kgi_index_find_key(&g->node_ix, (uint64_t)(uintptr_t)id, node_has_id, &pr);
  return v ? g->nodes[*v] : NULL;
}

kg_node *kg_graph_find_node(const kg_graph *g, const char *id) {
  if (!g || !id)
    return NULL;
  if (is_absolute(id))
    id = kgi_graph_id_for_iri(g, id);
  const char *interned = kgi_pool_lookup(&g->pool, id);
  return interned ? find_interned(g, interned) : NULL;
}

static kg_status push_node(kg_node **out, kg_graph *g, const char *id, const char *iri, bool blank,
                           kg_error *err) {
  if (g->nnodes >= UINT32_MAX)
    return kgi_error_set(err, KG_ENOMEM, "too many nodes");
  if (kgi_grow((void **)&g->nodes, &g->capnodes, g->nnodes + 1, sizeof *g->nodes, err))
    return KG_ENOMEM;
  kg_node *n = block_alloc(g, sizeof *n, err);
  if (!n)
    return KG_ENOMEM;
  memset(n, 0, sizeof *n);
  n->index = (uint32_t)g->nnodes;
  n->id = id;
  n->iri = iri;
  n->blank = blank;
  /* ids are interned, so the pointer identifies the string */
  kg_status st = kgi_index_put(&g->node_ix, (uint64_t)(uintptr_t)id, n->index, err);
  if (st)
    return st;
  g->nodes[g->nnodes++] = n;
  *out = n;
  return KG_OK;
}

kg_status kg_graph_add_node(kg_node **out, kg_graph *g, const char *id, kg_error *err) {
  if (!out || !g || !id)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  /* the common case first, with no allocation: a node already in the graph (its id was
   * checked when it was added, so a malformed id is never found) */
  const char *known = kgi_pool_lookup(&g->pool, is_absolute(id) ? kgi_graph_id_for_iri(g, id) : id);
  kg_node *n = known ? find_interned(g, known) : NULL;
  if (n) {
    *out = n;
    return KG_OK;
  }
  if (!iri_ok(id))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not a valid node id or IRI", id);
  const char *iri;
  if (is_absolute(id)) {
    iri = kgi_pool_intern(&g->pool, id);
    id = iri ? kgi_graph_id_for_iri(g, iri) : NULL;
  } else {
    size_t nb = strlen(g->base), ni = strlen(id);
    char *tmp = kgi_malloc(nb + ni + 1);
    if (!tmp)
      return kgi_error_oom(err);
    memcpy(tmp, g->base, nb);
    memcpy(tmp + nb, id, ni + 1);
    iri = kgi_pool_intern(&g->pool, tmp);
    free(tmp);
    id = iri ? iri + nb : NULL;
  }
  if (!iri)
    return kgi_error_oom(err);
  /* id points into the interned IRI; intern it too so equal ids share a pointer */
  id = kgi_pool_intern(&g->pool, id);
  if (!id)
    return kgi_error_oom(err);
  return push_node(out, g, id, iri, false, err);
}

kg_status kgi_graph_add_blank(kg_node **out, kg_graph *g, const char *label, kg_error *err) {
  size_t n = strlen(label);
  char *tmp = kgi_malloc(n + 3);
  if (!tmp)
    return kgi_error_oom(err);
  memcpy(tmp, "_:", 2);
  memcpy(tmp + 2, label, n + 1);
  const char *id = kgi_pool_intern(&g->pool, tmp);
  free(tmp);
  if (!id)
    return kgi_error_oom(err);
  kg_node *found = find_interned(g, id);
  if (found) {
    *out = found;
    return KG_OK;
  }
  return push_node(out, g, id, NULL, true, err);
}

/* ---- values ---- */

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
  memset(out, 0, sizeof *out);
  out->kind = in->kind;
  size_t need = strlen(in->lexical) + 8;
  char small[256];
  char *buf = need <= sizeof small ? small : kgi_malloc(need);
  if (!buf)
    return kgi_error_oom(err);
  st = kg_value_canonical(buf, need, in->kind, in->lexical, err);
  if (!st) {
    out->lexical = kgi_pool_intern(&g->pool, buf);
    if (!out->lexical)
      st = kgi_error_oom(err);
  }
  if (buf != small)
    free(buf);
  if (st)
    return st;
  if (in->kind == KG_VALUE_LANGSTRING) {
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
  if (in->kind == KG_VALUE_IRI && !iri_ok(in->lexical))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not a valid IRI", in->lexical);
  if (in->kind == KG_VALUE_TYPED) {
    if (!in->datatype || !iri_ok(in->datatype))
      return kgi_error_set(err, KG_EDATA, "typed value without a valid datatype IRI");
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
static kg_status add_prop(kg_graph *g, kgi_prop **items, uint32_t *n, uint32_t *cap,
                          const char *pred, const kg_value *v, kg_error *err) {
  if (!pred || !iri_ok(pred) || !is_absolute(pred))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an absolute IRI", pred ? pred : "");
  kgi_prop p;
  p.pred = kgi_pool_intern(&g->pool, pred);
  if (!p.pred)
    return kgi_error_oom(err);
  kg_status st = kgi_graph_intern_value(g, &p.value, v, err);
  if (st)
    return st;
  for (uint32_t i = 0; i < *n; i++)
    if ((*items)[i].pred == p.pred && same_value(&(*items)[i].value, &p.value))
      return KG_OK;
  size_t c = *cap;
  if (kgi_grow((void **)items, &c, (size_t)*n + 1, sizeof **items, err))
    return KG_ENOMEM;
  *cap = (uint32_t)c;
  (*items)[(*n)++] = p;
  return KG_OK;
}

static kg_status add_str(kg_graph *g, const char ***items, uint32_t *n, uint32_t *cap,
                         const char *s, kg_error *err) {
  const char *in = kgi_pool_intern(&g->pool, s);
  if (!in)
    return kgi_error_oom(err);
  for (uint32_t i = 0; i < *n; i++)
    if ((*items)[i] == in)
      return KG_OK;
  size_t c = *cap;
  if (kgi_grow((void **)items, &c, (size_t)*n + 1, sizeof **items, err))
    return KG_ENOMEM;
  *cap = (uint32_t)c;
  (*items)[(*n)++] = in;
  return KG_OK;
}

kg_status kg_node_add_class(kg_graph *g, kg_node *n, const char *class_iri, kg_error *err) {
  if (!g || !n || !class_iri)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  if (!iri_ok(class_iri) || !is_absolute(class_iri))
    return kgi_error_set(err, KG_EDATA, "class \"%s\" is not an absolute IRI", class_iri);
  return add_str(g, &n->classes, &n->nclasses, &n->capclasses, class_iri, err);
}

kg_status kg_node_add_same_as(kg_graph *g, kg_node *n, const char *iri, kg_error *err) {
  if (!g || !n || !iri)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  if (!iri_ok(iri) || !is_absolute(iri))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an absolute IRI", iri);
  return add_str(g, &n->same_as, &n->nsame, &n->capsame, iri, err);
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
  size_t c = n->caplabels;
  if (kgi_grow((void **)&n->labels, &c, (size_t)n->nlabels + 1, sizeof *n->labels, err))
    return KG_ENOMEM;
  n->caplabels = (uint32_t)c;
  n->labels[n->nlabels].text = v.lexical;
  n->labels[n->nlabels].lang = l;
  n->nlabels++;
  return KG_OK;
}

kg_status kg_node_add_value(kg_graph *g, kg_node *n, const char *pred, const kg_value *v,
                            kg_error *err) {
  if (!g || !n)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return add_prop(g, &n->props, &n->nprops, &n->capprops, pred, v, err);
}

void kg_node_set_cites(kg_node *n, kg_node *source) {
  if (n)
    n->source = source;
}

/* ---- edges ---- */

static uint64_t triple_hash(const kg_node *s, const char *p, const kg_node *o) {
  uint64_t h = kgi_hash_mix((uint64_t)(uintptr_t)s, (uint64_t)(uintptr_t)p);
  return kgi_hash_mix(h, (uint64_t)(uintptr_t)o);
}

typedef struct eprobe {
  const kg_graph *g;
  const kg_node *s, *o;
  const char *p;
} eprobe;

static bool edge_is(void *ctx, uint32_t v) {
  eprobe *pr = ctx;
  const kg_edge *e = pr->g->edges[v];
  return e->src == pr->s && e->pred == pr->p && e->tgt == pr->o;
}

kg_edge *kgi_graph_find_edge(const kg_graph *g, const kg_node *src, const char *pred,
                             const kg_node *tgt) {
  const char *p = kgi_pool_lookup(&g->pool, pred);
  if (!p)
    return NULL;
  eprobe pr = {g, src, tgt, p};
  uint32_t *v = kgi_index_find(&g->edge_ix, triple_hash(src, p, tgt), edge_is, &pr);
  return v ? g->edges[*v] : NULL;
}

kg_status kg_graph_add_edge(kg_edge **out, kg_graph *g, kg_node *src, const char *pred,
                            kg_node *tgt, kg_error *err) {
  if (!out || !g || !src || !tgt || !pred)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  if (!iri_ok(pred) || !is_absolute(pred))
    return kgi_error_set(err, KG_EDATA, "relation \"%s\" is not an absolute IRI", pred);
  const char *p = kgi_pool_intern(&g->pool, pred);
  if (!p)
    return kgi_error_oom(err);
  eprobe pr = {g, src, tgt, p};
  uint64_t h = triple_hash(src, p, tgt);
  uint32_t *found = kgi_index_find(&g->edge_ix, h, edge_is, &pr);
  if (found) {
    *out = g->edges[*found];
    return KG_OK;
  }
  if (g->nedges >= UINT32_MAX)
    return kgi_error_set(err, KG_ENOMEM, "too many edges");
  if (kgi_grow((void **)&g->edges, &g->capedges, g->nedges + 1, sizeof *g->edges, err))
    return KG_ENOMEM;
  kg_edge *e = block_alloc(g, sizeof *e, err);
  if (!e)
    return KG_ENOMEM;
  memset(e, 0, sizeof *e);
  e->index = (uint32_t)g->nedges;
  e->src = src;
  e->tgt = tgt;
  e->pred = p;
  kg_status st = kgi_index_put(&g->edge_ix, h, e->index, err);
  if (st)
    return st;
  g->edges[g->nedges++] = e;
  src->out_degree++;
  tgt->in_degree++;
  *out = e;
  return KG_OK;
}

kg_status kg_edge_add_qualifier(kg_graph *g, kg_edge *e, const char *pred, const kg_value *v,
                                kg_error *err) {
  if (!g || !e)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return add_prop(g, &e->quals, &e->nquals, &e->capquals, pred, v, err);
}

void kg_edge_set_cites(kg_edge *e, kg_node *source) {
  if (e)
    e->source = source;
}

void kg_graph_apply_default_source(kg_graph *g, kg_node *source) {
  if (!g || !source)
    return;
  for (size_t i = 0; i < g->nnodes; i++)
    if (!g->nodes[i]->source && g->nodes[i] != source)
      g->nodes[i]->source = source;
  for (size_t i = 0; i < g->nedges; i++)
    if (!g->edges[i]->source)
      g->edges[i]->source = source;
}

/* ---- compaction ---- */

kg_status kgi_graph_compact(kg_graph *g, const uint8_t *drop_node, const uint8_t *drop_edge,
                            kg_error *err) {
  size_t o = 0;
  for (size_t i = 0; i < g->nedges; i++) {
    kg_edge *e = g->edges[i];
    if (drop_edge[i] || drop_node[e->src->index] || drop_node[e->tgt->index]) {
      e->src->out_degree--;
      e->tgt->in_degree--;
      free(e->quals);
      e->quals = NULL;
      continue;
    }
    e->index = (uint32_t)o;
    g->edges[o++] = e;
  }
  g->nedges = o;
  o = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_node *n = g->nodes[i];
    if (drop_node[i]) {
      node_dispose(n);
      continue;
    }
    n->index = (uint32_t)o;
    g->nodes[o++] = n;
  }
  g->nnodes = o;
  kgi_index_clear(&g->node_ix);
  kgi_index_clear(&g->edge_ix);
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_status st =
        kgi_index_put(&g->node_ix, (uint64_t)(uintptr_t)g->nodes[i]->id, (uint32_t)i, err);
    if (st)
      return st;
  }
  for (size_t i = 0; i < g->nedges; i++) {
    kg_edge *e = g->edges[i];
    kg_status st =
        kgi_index_put(&g->edge_ix, triple_hash(e->src, e->pred, e->tgt), (uint32_t)i, err);
    if (st)
      return st;
  }
  return KG_OK;
}

/* ---- reading ---- */

size_t kg_graph_node_count(const kg_graph *g) { return g ? g->nnodes : 0; }
size_t kg_graph_edge_count(const kg_graph *g) { return g ? g->nedges : 0; }
const kg_node *kg_graph_node_at(const kg_graph *g, size_t i) {
  return i < g->nnodes ? g->nodes[i] : NULL;
}
const kg_edge *kg_graph_edge_at(const kg_graph *g, size_t i) {
  return i < g->nedges ? g->edges[i] : NULL;
}

const char *kg_node_id(const kg_node *n) { return n->id; }
const char *kg_node_iri(const kg_node *n) { return n->iri; }
size_t kg_node_class_count(const kg_node *n) { return n->nclasses; }
const char *kg_node_class_at(const kg_node *n, size_t i) {
  return i < n->nclasses ? n->classes[i] : NULL;
}
size_t kg_node_label_count(const kg_node *n) { return n->nlabels; }

const char *kg_node_label_at(const kg_node *n, size_t i, const char **lang) {
  if (i >= n->nlabels)
    return NULL;
  if (lang)
    *lang = n->labels[i].lang;
  return n->labels[i].text;
}

const char *kg_node_display_label(const kg_node *n, const char *lang) {
  const char *want[3] = {lang ? lang : "en", "en", ""};
  for (size_t w = 0; w < 3; w++)
    for (uint32_t i = 0; i < n->nlabels; i++)
      if (strcmp(n->labels[i].lang, want[w]) == 0)
        return n->labels[i].text;
  if (n->nlabels)
    return n->labels[0].text;
  return n->id;
}

size_t kg_node_value_count(const kg_node *n) { return n->nprops; }

const kg_value *kg_node_value_at(const kg_node *n, size_t i, const char **pred) {
  if (i >= n->nprops)
    return NULL;
  if (pred)
    *pred = n->props[i].pred;
  return &n->props[i].value;
}

size_t kg_node_same_as_count(const kg_node *n) { return n->nsame; }
const char *kg_node_same_as_at(const kg_node *n, size_t i) {
  return i < n->nsame ? n->same_as[i] : NULL;
}
const kg_node *kg_node_cites(const kg_node *n) { return n->source; }

const kg_node *kg_edge_from(const kg_edge *e) { return e->src; }
const kg_node *kg_edge_to(const kg_edge *e) { return e->tgt; }
const char *kg_edge_predicate(const kg_edge *e) { return e->pred; }
size_t kg_edge_qualifier_count(const kg_edge *e) { return e->nquals; }

const kg_value *kg_edge_qualifier_at(const kg_edge *e, size_t i, const char **pred) {
  if (i >= e->nquals)
    return NULL;
  if (pred)
    *pred = e->quals[i].pred;
  return &e->quals[i].value;
}

const kg_node *kg_edge_cites(const kg_edge *e) { return e->source; }

kg_status kgi_graph_rebase(kg_graph *g, const char *base, kg_error *err) {
  const char *b = kgi_pool_intern(&g->pool, base);
  if (!b)
    return kgi_error_oom(err);
  g->base = b;
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_node *n = g->nodes[i];
    if (!n->iri)
      continue;
    n->id = kgi_pool_intern(&g->pool, kgi_graph_id_for_iri(g, n->iri));
    if (!n->id)
      return kgi_error_oom(err);
  }
  return KG_OK; /* the caller runs kgi_graph_compact(), which rebuilds the id index */
}
