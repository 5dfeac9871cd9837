/* The model: nodes, edges, values, provenance. Lookups by id and by triple are O(1). */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Node and edge storage: 256 KB blocks, then 2 MB ones (huge pages) once a graph is big. */
#define BLOCK_SMALL (256 * 1024)
#define BLOCK_BIG KGI_RESERVE_BLOCK

_Static_assert(_Alignof(kg_node) <= 8 && _Alignof(kg_edge) <= 8, "blocks align to 8 bytes");
_Static_assert(sizeof(kg_node) <= 104 && sizeof(kg_edge) <= 48, "the sizes model.h says");

static void *block_alloc(kg_graph *g, size_t want, kg_error *err) {
  /* nodes and edges hold pointers and 32-bit numbers; a sanitizer build keeps a gap after each */
  size_t n = (want + KGI_REDZONE + 7) & ~(size_t)7;
  if (g->block_left < n) {
    if (kgi_grow((void **)&g->blocks, &g->capblocks, g->nblocks + 1, sizeof *g->blocks, err))
      return NULL;
    size_t size = g->nblocks < 8 ? BLOCK_SMALL : BLOCK_BIG;
    char *b = kgi_reserve_block(&g->reserve, size, true);
    if (!b) {
      kgi_error_oom(err);
      return NULL;
    }
    g->blocks[g->nblocks++] = b;
    g->block_cur = b;
    g->block_left = size;
    KGI_POISON(b, size); /* opened piece by piece */
  }
  void *r = g->block_cur;
  g->block_cur += n;
  g->block_left -= n;
  KGI_UNPOISON(r, want);
  return r;
}

kg_status kg_graph_new(kg_graph **out, const char *base, kg_error *err) {
  if (!out)
    return kgi_error_set(err, KG_EINVAL, "no output pointer");
  *out = NULL;
  if (!base || !kgi_iri_absolute(base) || !kgi_iri_ok(base))
    return kgi_error_set(err, KG_EINVAL, "base \"%s\" is not an absolute IRI", base ? base : "");
  kg_graph *g = kgi_calloc(1, sizeof *g);
  if (!g)
    return kgi_error_oom(err);
  kgi_pool_init(&g->pool);
  kgi_reserve_init(&g->reserve);
  g->pool.reserve = &g->reserve;
  g->base = kgi_pool_intern(&g->pool, base);
  if (!g->base) {
    kg_graph_free(g);
    return kgi_error_oom(err);
  }
  *out = g;
  return KG_OK;
}

/* ---- per-element arrays ---- */

static bool in_blocks(size_t bytes) { return bytes <= KGI_ARRAY_SMALL; }

/* A sanitizer build never hands out an array given up: it stays poisoned, so a pointer kept
 * into it past a growth that moved it is reported whenever it is used, not only until the
 * next array of its size takes it. */
#ifdef KGI_ASAN
#define REUSE_ARRAYS 0
#else
#define REUSE_ARRAYS 1
#endif

/* The list of arrays of `bytes`: by 8-byte units, as block_alloc rounds them, so that every
 * array in list k has 8 k bytes, enough for any array that goes there. */
static void **free_list(kg_graph *g, size_t bytes) { return &g->array_free[(bytes + 7) / 8]; }

static size_t room(uint32_t n) {
  size_t c = 0;
  while (c < n)
    c = c ? c << 1 : 1;
  return c;
}

/* An array of n items of `size` is given up: to its size's list when it is in the blocks. */
static void array_release(kg_graph *g, void *items, uint32_t n, size_t size) {
  size_t bytes = room(n) * size;
  if (!items)
    return;
  if (in_blocks(bytes)) {
    *(void **)items = *free_list(g, bytes);
    *free_list(g, bytes) = items;
    KGI_POISON(items, bytes);
  } else {
    free(items);
    g->big_arrays--;
  }
}

kg_status kgi_array_grow(kg_graph *g, void **items, uint32_t n, size_t size, kg_error *err) {
  size_t cap = room(n);
  if (n < cap)
    return KG_OK;
  size_t ncap = cap ? cap * 2 : 1;
  if (ncap > UINT32_MAX || ncap > SIZE_MAX / size)
    return kgi_error_oom(err);
  size_t bytes = ncap * size;
  void *p;
  if (*items && !in_blocks(cap * size)) { /* malloc's already */
    if (!(p = kgi_reallocarray(*items, ncap, size)))
      return kgi_error_oom(err);
    *items = p;
    return KG_OK;
  }
  if (in_blocks(bytes)) {
    _Static_assert(sizeof(void *) <= 8, "an array given up holds the next one's address");
    if (REUSE_ARRAYS && (p = *free_list(g, bytes))) {
      KGI_UNPOISON(p, bytes);
      *free_list(g, bytes) = *(void **)p;
    } else if (!(p = block_alloc(g, bytes, err)))
      return KG_ENOMEM;
  } else {
    if (!(p = kgi_malloc(bytes)))
      return kgi_error_oom(err);
    g->big_arrays++;
  }
  if (n)
    memcpy(p, *items, n * size);
  array_release(g, *items, n, size);
  *items = p;
  return KG_OK;
}

static void node_dispose(kg_graph *g, kg_node *n) {
  array_release(g, n->classes, n->nclasses, sizeof *n->classes);
  array_release(g, n->labels, n->nlabels, sizeof *n->labels);
  array_release(g, n->props, n->nprops, sizeof *n->props);
  array_release(g, n->same_as, n->nsame, sizeof *n->same_as);
  array_release(g, n->implied, n->nimplied, sizeof *n->implied);
}

void kg_graph_free(kg_graph *g) {
  if (!g)
    return;
  /* the arrays in the blocks go with them: the nodes and edges are visited only for the
     arrays that are malloc's (at 5M triples, freeing every node's arrays took 0.2 s) */
  for (size_t i = 0; g->big_arrays && i < g->nnodes; i++)
    node_dispose(g, g->nodes[i]);
  for (size_t i = 0; g->big_arrays && i < g->nedges; i++)
    array_release(g, g->edges[i]->quals, g->edges[i]->nquals, sizeof *g->edges[i]->quals);
  for (size_t i = 0; i < g->nblocks; i++)
    free(g->blocks[i]);
  free(g->blocks);
  free(g->prefixes);
  free(g->nodes);
  free(g->edges);
  kgi_index_dispose(&g->node_ix);
  kgi_index_dispose(&g->edge_ix);
  kgi_index_dispose(&g->elem_ix);
  kgi_ptrmap_dispose(&g->term_ix);
  kgi_ptrmap_dispose(&g->stmt_iris);
  kgi_pool_dispose(&g->pool);
  kgi_reserve_dispose(&g->reserve);
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

/* The node index is keyed by the id's text, so that finding a node is one probe and one
 * comparison with the node's own id: no lookup of the string in the pool first (at 5M
 * triples each of those is a few cache misses). */
static uint64_t id_hash(const char *id) { return kgi_hash_bytes(id, strlen(id), 0); }

typedef struct idprobe {
  const kg_graph *g;
  const char *id;
} idprobe;

static bool node_has_id(void *ctx, uint32_t v) {
  idprobe *p = ctx;
  const char *id = p->g->nodes[v]->id;
  return id == p->id || strcmp(id, p->id) == 0;
}

static kg_node *find_hashed(const kg_graph *g, const char *id, uint64_t hash) {
  idprobe pr = {g, id};
  uint32_t *v = kgi_index_find(&g->node_ix, hash, node_has_id, &pr);
  return v ? g->nodes[*v] : NULL;
}

static kg_node *find_id(const kg_graph *g, const char *id) {
  return find_hashed(g, id, id_hash(id));
}

/* The id a node id or IRI names in g (an IRI under the base names the rest of it). */
static const char *id_of(const kg_graph *g, const char *id_or_iri) {
  return kgi_iri_absolute(id_or_iri) ? kgi_graph_id_for_iri(g, id_or_iri) : id_or_iri;
}

uint64_t kgi_graph_node_hash(const kg_graph *g, const char *id) { return id_hash(id_of(g, id)); }

void kgi_graph_prefetch_node(const kg_graph *g, uint64_t hash, int stage) {
  if (stage == 0) {
    kgi_index_prefetch(&g->node_ix, hash);
    return;
  }
  const uint32_t *v = kgi_index_peek(&g->node_ix, hash);
  if (!v || *v >= g->nnodes)
    return;
  if (stage == 1)
    __builtin_prefetch(&g->nodes[*v]);
  else if (stage == 2)
    __builtin_prefetch(g->nodes[*v]);
  else
    __builtin_prefetch(g->nodes[*v]->id);
}

kg_node *kg_graph_find_node(const kg_graph *g, const char *id) {
  if (!g || !id)
    return NULL;
  return find_id(g, id_of(g, id));
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
  kg_status st = kgi_index_put(&g->node_ix, id_hash(id), n->index, err);
  if (st)
    return st;
  g->nodes[g->nnodes++] = n;
  *out = n;
  return KG_OK;
}

kg_status kg_graph_add_node(kg_node **out, kg_graph *g, const char *id, kg_error *err) {
  if (!out || !g || !id)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return kgi_graph_add_node_hashed(out, g, id, kgi_graph_node_hash(g, id), err);
}

kg_status kgi_graph_add_node_hashed(kg_node **out, kg_graph *g, const char *id, uint64_t hash,
                                    kg_error *err) {
  *out = NULL;
  /* the common case first, with no allocation: a node already in the graph (its id was
   * checked when it was added, so a malformed id is never found) */
  kg_node *n = find_hashed(g, id_of(g, id), hash);
  if (n) {
    *out = n;
    return KG_OK;
  }
  if (!kgi_iri_ok(id))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not a valid node id or IRI", id);
  const char *iri;
  if (kgi_iri_absolute(id)) {
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
  /* id points into the interned IRI (its end, or all of it): no string of its own */
  return push_node(out, g, id, iri, false, err);
}

/* A blank node label every RDF syntax can write after "_:" (Turtle's and N-Triples'
 * BLANK_NODE_LABEL, with any non-ASCII byte taken as part of a letter): a letter, digit or
 * '_', then those, '-' and '.', not ending in '.'. A GraphML or GEXF cell can hold anything. */
static bool blank_label_ok(const char *s) {
  size_t n = strlen(s);
  if (!n || s[n - 1] == '.')
    return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c >= 0x80;
    if (!word && (i == 0 || (c != '-' && c != '.')))
      return false;
  }
  return true;
}

kg_status kgi_graph_add_blank(kg_node **out, kg_graph *g, const char *label, kg_error *err) {
  if (!blank_label_ok(label))
    return kgi_error_set(err, KG_EDATA,
                         "blank node \"_:%.60s\": not a label RDF can write (a letter, digit or "
                         "'_', then those, '-' and '.', not ending in '.')",
                         label);
  size_t n = strlen(label);
  char *tmp = kgi_malloc(n + 3);
  if (!tmp)
    return kgi_error_oom(err);
  memcpy(tmp, "_:", 2);
  memcpy(tmp + 2, label, n + 1);
  kg_node *found = find_id(g, tmp); /* the index is keyed by text: interned only when new */
  const char *id = found ? NULL : kgi_pool_intern(&g->pool, tmp);
  free(tmp);
  if (found) {
    *out = found;
    return KG_OK;
  }
  if (!id)
    return kgi_error_oom(err);
  return push_node(out, g, id, NULL, true, err);
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

static kg_status index_edges(kg_graph *g, kg_error *err);

/* The edge index, made again if compaction dropped it: only adding and seeking edges use
 * it, and a graph that is read and then written does neither (at 1M triples, 8 MB less at
 * the export's peak). */
static kg_status edge_ix_ready(kg_graph *g, kg_error *err) {
  if (!g->edge_ix_dropped)
    return KG_OK;
  kg_status st = index_edges(g, err);
  if (!st)
    g->edge_ix_dropped = false;
  return st;
}

kg_status kgi_graph_find_edge(kg_edge **out, kg_graph *g, const kg_node *src, const char *pred,
                              const kg_node *tgt, kg_error *err) {
  *out = NULL;
  const char *p = kgi_pool_lookup(&g->pool, pred);
  kg_status st = p ? edge_ix_ready(g, err) : KG_OK;
  if (!p || st)
    return st;
  eprobe pr = {g, src, tgt, p};
  uint32_t *v = kgi_index_find(&g->edge_ix, triple_hash(src, p, tgt), edge_is, &pr);
  *out = v ? g->edges[*v] : NULL;
  return KG_OK;
}

const char *kgi_edge_stmt_iri(const kg_graph *g, const kg_edge *e) {
  const uintptr_t *v = g->stmt_iris.count ? kgi_ptrmap_find(&g->stmt_iris, e) : NULL;
  return v ? (const char *)*v : NULL;
}

kg_status kgi_edge_set_stmt_iri(kg_graph *g, const kg_edge *e, const char *iri, kg_error *err) {
  uintptr_t *v = kgi_ptrmap_find(&g->stmt_iris, e);
  if (v) {
    *v = (uintptr_t)iri;
    return KG_OK;
  }
  return kgi_ptrmap_put(&g->stmt_iris, e, (uintptr_t)iri, err);
}

kg_status kg_graph_add_edge(kg_edge **out, kg_graph *g, kg_node *src, const char *pred,
                            kg_node *tgt, kg_error *err) {
  if (!out || !g || !src || !tgt || !pred)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  const char *p;
  kg_status st = kgi_graph_term(g, pred, "relation", &p, err);
  if (!st)
    st = edge_ix_ready(g, err);
  if (st)
    return st;
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
  st = kgi_index_put(&g->edge_ix, h, e->index, err);
  if (st)
    return st;
  g->edges[g->nedges++] = e;
  src->out_degree++;
  tgt->in_degree++;
  *out = e;
  return KG_OK;
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

static kg_status index_nodes(kg_graph *g, kg_error *err) {
  kgi_index_clear(&g->node_ix);
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_status st = kgi_index_put(&g->node_ix, id_hash(g->nodes[i]->id), (uint32_t)i, err);
    if (st)
      return st;
  }
  return KG_OK;
}

static kg_status index_edges(kg_graph *g, kg_error *err) {
  kgi_index_clear(&g->edge_ix);
  for (size_t i = 0; i < g->nedges; i++) {
    kg_edge *e = g->edges[i];
    kg_status st =
        kgi_index_put(&g->edge_ix, triple_hash(e->src, e->pred, e->tgt), (uint32_t)i, err);
    if (st)
      return st;
  }
  return KG_OK;
}

kg_status kgi_graph_compact(kg_graph *g, const uint8_t *drop_node, const uint8_t *drop_edge,
                            kg_error *err) {
  /* the node index first, its entries renumbered (their ids are those it was made with):
     the one step that can fail, so a failure leaves the graph as it was */
  uint32_t *to = kgi_malloc((g->nnodes ? g->nnodes : 1) * sizeof *to);
  if (!to)
    return kgi_error_oom(err);
  uint32_t kept = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    to[i] = drop_node[i] ? KGI_INDEX_GONE : kept++;
  kg_status st = kgi_index_renumber(&g->node_ix, to, err);
  free(to);
  if (st)
    return st;
  size_t o = 0;
  for (size_t i = 0; i < g->nedges; i++) {
    kg_edge *e = g->edges[i];
    if (drop_edge[i] || drop_node[e->src->index] || drop_node[e->tgt->index]) {
      e->src->out_degree--;
      e->tgt->in_degree--;
      array_release(g, e->quals, e->nquals, sizeof *e->quals);
      e->quals = NULL;
      e->nquals = 0;
      KGI_POISON(e, sizeof *e); /* nothing may use it from now on */
      continue;
    }
    e->index = (uint32_t)o;
    g->edges[o++] = e;
  }
  g->nedges = o;
  /* nothing kept may cite a node that goes (a reader keeps its sources; this is the model's
     own guarantee) */
  for (size_t i = 0; i < g->nnodes; i++)
    if (!drop_node[i] && g->nodes[i]->source && drop_node[g->nodes[i]->source->index])
      g->nodes[i]->source = NULL;
  for (size_t i = 0; i < g->nedges; i++)
    if (g->edges[i]->source && drop_node[g->edges[i]->source->index])
      g->edges[i]->source = NULL;
  /* the edge index goes until it is needed (edge_ix_ready) */
  kgi_index_dispose(&g->edge_ix);
  g->edge_ix_dropped = true;
  o = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_node *n = g->nodes[i];
    if (drop_node[i]) {
      node_dispose(g, n);
      KGI_POISON(n, sizeof *n);
      continue;
    }
    n->index = (uint32_t)o;
    g->nodes[o++] = n;
  }
  g->nnodes = o;
  return KG_OK;
}

kg_status kgi_graph_rebase(kg_graph *g, const char *base, kg_error *err) {
  const char *b = kgi_pool_intern(&g->pool, base);
  if (!b)
    return kgi_error_oom(err);
  g->base = b;
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_node *n = g->nodes[i];
    if (!n->iri)
      continue;
    n->id = kgi_graph_id_for_iri(g, n->iri);
  }
  return index_nodes(g, err); /* the ids changed */
}

kg_status kgi_graph_term(kg_graph *g, const char *iri, const char *what, const char **out,
                         kg_error *err) {
  const char *p = kgi_pool_lookup(&g->pool, iri);
  if (p && kgi_ptrmap_find(&g->term_ix, p)) {
    *out = p;
    return KG_OK;
  }
  if (!kgi_iri_ok(iri) || !kgi_iri_absolute(iri))
    return kgi_error_set(err, KG_EDATA, "%s \"%s\" is not an absolute IRI", what, iri);
  if (!(p = kgi_pool_intern(&g->pool, iri)))
    return kgi_error_oom(err);
  kg_status st = kgi_check_term(p, err);
  if (!st)
    st = kgi_ptrmap_put(&g->term_ix, p, 0, err);
  if (!st)
    *out = p;
  return st;
}

kg_status kg_graph_set_title(kg_graph *g, const char *title, kg_error *err) {
  if (!g || !title)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  size_t len = strlen(title), bad;
  if (!kgi_utf8_valid(title, len, &bad) || kgi_find_xml_illegal(title, len) != (size_t)-1)
    return kgi_error_set(err, KG_EDATA, "the title is not valid UTF-8 text for XML");
  const char *t = kgi_pool_intern(&g->pool, title);
  if (!t)
    return kgi_error_oom(err);
  g->title = t;
  return KG_OK;
}

const char *kg_graph_title(const kg_graph *g) { return g->title; }

kg_status kgi_graph_add_prefix(kg_graph *g, const char *prefix, const char *ns, kg_error *err) {
  const char *p = kgi_pool_intern(&g->pool, prefix), *n = kgi_pool_intern(&g->pool, ns);
  if (!p || !n)
    return kgi_error_oom(err);
  for (size_t i = 0; i < g->nprefixes; i++)
    if (g->prefixes[i].prefix == p) {
      g->prefixes[i].ns = n;
      return KG_OK;
    }
  if (kgi_grow((void **)&g->prefixes, &g->capprefixes, g->nprefixes + 1, sizeof *g->prefixes, err))
    return KG_ENOMEM;
  g->prefixes[g->nprefixes].prefix = p;
  g->prefixes[g->nprefixes].ns = n;
  g->nprefixes++;
  return KG_OK;
}

/* The longest namespace of a list that iri starts with (and goes past), or NULL. */
static const kgi_prefix *longest(const kgi_prefix *list, size_t n, const char *iri,
                                 const kgi_prefix *best) {
  for (size_t i = 0; i < n && list[i].prefix; i++) {
    size_t len = strlen(list[i].ns);
    if (*list[i].prefix && strncmp(iri, list[i].ns, len) == 0 && iri[len] &&
        (!best || len > strlen(best->ns)))
      best = &list[i];
  }
  return best;
}

bool kgi_graph_put_curie(kgi_buf *b, const kg_graph *g, const char *iri) {
  const kgi_prefix *p = longest(g->prefixes, g->nprefixes, iri, NULL);
  if (!p)
    p = longest(kgi_prefixes, SIZE_MAX, iri, NULL);
  if (!p)
    return false;
  kgi_buf_printf(b, "%s:%s", p->prefix, iri + strlen(p->ns));
  return true;
}

bool kgi_graph_expand_curie(kgi_buf *b, const kg_graph *g, const char *curie) {
  const char *colon = strchr(curie, ':');
  if (!colon)
    return false;
  size_t n = (size_t)(colon - curie);
  const char *ns = NULL;
  for (size_t i = 0; i < g->nprefixes && !ns; i++)
    if (strlen(g->prefixes[i].prefix) == n && strncmp(g->prefixes[i].prefix, curie, n) == 0)
      ns = g->prefixes[i].ns;
  for (const kgi_prefix *p = kgi_prefixes; p->prefix && !ns; p++)
    if (strlen(p->prefix) == n && strncmp(p->prefix, curie, n) == 0)
      ns = p->ns;
  if (!ns)
    return false;
  kgi_buf_printf(b, "%s%s", ns, colon + 1);
  return true;
}
