/* Columns and ids for the property-graph exporters (see columns.h). */
#include "columns.h"

#include <stdlib.h>
#include <string.h>

/* ---- ids ---- */

static bool nmtoken_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

/* An NMTOKEN from any text: characters outside [A-Za-z0-9._-] become '_' (IRIs hold '/',
 * '#', ':' and non-ASCII letters, which not every reader accepts in an id). */
static char *nmtoken(const char *s, const char *suffix) {
  size_t n = strlen(s), m = suffix ? strlen(suffix) : 0;
  char *r = kgi_malloc(n + m + 2);
  if (!r)
    return NULL;
  size_t o = 0;
  for (size_t i = 0; i < n; i++)
    r[o++] = nmtoken_char((unsigned char)s[i]) ? s[i] : '_';
  if (o == 0)
    r[o++] = '_';
  if (m) {
    r[o++] = '_';
    memcpy(r + o, suffix, m);
    o += m;
  }
  r[o] = '\0';
  return r;
}

typedef struct idprobe {
  char **ids;
  const char *s;
} idprobe;

static bool id_is(void *ctx, uint32_t v) {
  idprobe *p = ctx;
  return strcmp(p->ids[v], p->s) == 0;
}

static bool id_taken(const kgi_columns *c, const char *id) {
  idprobe p = {c->node_ids, id};
  return kgi_index_find(&c->nid_ix, kgi_hash_str(id, 0), id_is, &p) != NULL;
}

/*
 * The id a person can read and type back (--focus takes it): the model id of a node under
 * the base ("alice"); else a CURIE with the input's own prefixes or the well-known ones
 * ("ex:alice", "wd:Q15031"; ':' is a NameChar, so a CURIE is an NMTOKEN when its parts are);
 * else the IRI made an NMTOKEN. NULL when out of memory.
 */
static char *readable_id(const kg_graph *g, const kg_node *n, kgi_buf *curie) {
  if (n->iri && n->id == n->iri) {
    kgi_buf_clear(curie);
    if (kgi_graph_put_curie(curie, g, n->iri) && !curie->oom) {
      char *colon = strchr(curie->s, ':');
      *colon = '\0';
      char *prefix = nmtoken(curie->s, NULL), *local = nmtoken(colon + 1, NULL);
      char *r = prefix && local ? kgi_malloc(strlen(prefix) + strlen(local) + 2) : NULL;
      if (r)
        sprintf(r, "%s:%s", prefix, local);
      free(prefix);
      free(local);
      return r;
    }
  }
  return nmtoken(n->id, NULL);
}

/* Node ids: readable_id, made unique with _2, _3... (O(1) per node). */
static kg_status assign_node_ids(kgi_columns *c, const kg_graph *g, kg_error *err) {
  c->node_ids = kgi_calloc(g->nnodes, sizeof *c->node_ids);
  if (!c->node_ids)
    return kgi_error_oom(err);
  kgi_buf curie;
  kgi_buf_init(&curie);
  for (size_t i = 0; i < g->nnodes; i++) {
    char *base = readable_id(g, g->nodes[i], &curie), *id = base;
    for (unsigned k = 2; id && id_taken(c, id); k++) {
      char suffix[16];
      snprintf(suffix, sizeof suffix, "%u", k);
      if (id != base)
        free(id);
      id = nmtoken(base, suffix);
    }
    if (id != base)
      free(base);
    if (!id) {
      kgi_buf_dispose(&curie);
      return kgi_error_oom(err);
    }
    c->node_ids[i] = id;
    c->nnode_ids = i + 1;
    kg_status st = kgi_index_put(&c->nid_ix, kgi_hash_str(id, 0), (uint32_t)i, err);
    if (st) {
      kgi_buf_dispose(&curie);
      return st;
    }
  }
  kgi_buf_dispose(&curie);
  return KG_OK;
}

/* ---- columns ---- */

/* What tells two value columns of one predicate and language apart: the kind of their
 * values, and the datatype of KG_VALUE_TYPED ones (interned, so compared as pointers). */
typedef struct colkey {
  kgi_col_for t;
  kgi_col_role r;
  const char *pred, *lang;
  kg_value_kind kind;
  const char *datatype;
} colkey;

static uint64_t col_hash(const colkey *key) {
  uint64_t h =
      kgi_hash_mix((uint64_t)key->t * 31 + (uint64_t)key->r, (uint64_t)(uintptr_t)key->pred);
  h = kgi_hash_mix(h, (uint64_t)(uintptr_t)key->lang);
  return kgi_hash_mix(h, (uint64_t)key->kind * 7919 + (uint64_t)(uintptr_t)key->datatype);
}

typedef struct colprobe {
  const kgi_columns *c;
  const colkey *key;
} colprobe;

static bool col_is(void *ctx, uint32_t v) {
  colprobe *p = ctx;
  const kgi_column *k = &p->c->cols[v];
  return k->target == p->key->t && k->role == p->key->r && k->pred == p->key->pred &&
         k->lang == p->key->lang && k->kind == p->key->kind && k->datatype == p->key->datatype;
}

static const kgi_column *find_key(const kgi_columns *c, const colkey *key) {
  colprobe p = {c, key};
  uint32_t *v = kgi_index_find(&c->ix, col_hash(key), col_is, &p);
  return v ? &c->cols[*v] : NULL;
}

const kgi_column *kgi_columns_find(const kgi_columns *c, kgi_col_for t, kgi_col_role r,
                                   const char *pred, const char *lang) {
  if (!pred && !lang && r < KGI_COL_VALUE && r != KGI_COL_LABEL_LANG)
    return c->fixed_ix[t][r] ? &c->cols[c->fixed_ix[t][r] - 1] : NULL;
  colkey key = {t, r, pred, lang, KG_VALUE_STRING, NULL};
  return find_key(c, &key);
}

static const char *lang_of(const kg_value *v) {
  return v->kind == KG_VALUE_LANGSTRING ? v->lang : NULL;
}

static colkey value_key(kgi_col_for t, const char *pred, const kg_value *v) {
  colkey key = {t,          KGI_COL_VALUE, pred,
                lang_of(v), v->kind,       v->kind == KG_VALUE_TYPED ? v->datatype : NULL};
  return key;
}

const kgi_column *kgi_columns_find_value(const kgi_columns *c, kgi_col_for t, const char *pred,
                                         const kg_value *v) {
  colkey key = value_key(t, pred, v);
  return find_key(c, &key);
}

/* The name of a value column: kg: terms by local name, other vocabularies prefixed; a
 * second kind of value under the same predicate and language gets the kind's name (or the
 * datatype's local name) after it: "amount_integer". */
static char *value_name(const char *pred, const char *lang, const char *kind_suffix) {
  kgi_buf name;
  kgi_buf_init(&name);
  if (strncmp(pred, KG_NS, strlen(KG_NS)) == 0) {
    kgi_buf_puts(&name, pred + strlen(KG_NS));
  } else {
    kgi_buf curie;
    kgi_buf_init(&curie);
    kgi_buf_put_curie(&curie, pred);
    /* "schema:startDate" -> "schema_startDate"; an IRI with no prefix -> its local name */
    kgi_buf_puts(&name, curie.oom                    ? ""
                        : strcmp(curie.s, pred) == 0 ? kgi_local_name(pred)
                                                     : curie.s);
    if (curie.oom)
      name.oom = true;
    kgi_buf_dispose(&curie);
  }
  if (lang && *lang)
    kgi_buf_printf(&name, "_%s", lang);
  if (kind_suffix)
    kgi_buf_printf(&name, "_%s", kind_suffix);
  char *r = name.oom ? NULL : nmtoken(name.s, NULL); /* nmtoken makes ':' a '_' */
  kgi_buf_dispose(&name);
  return r;
}

/* A name or an id taken already: found by its hash (a graph may have a million columns). */
typedef struct nameprobe {
  const kgi_columns *c;
  const char *text;
  bool as_id;
  kgi_col_for t;
} nameprobe;

static bool name_is(void *ctx, uint32_t v) {
  const nameprobe *p = ctx;
  const kgi_column *k = &p->c->cols[v];
  return p->as_id ? strcmp(k->id, p->text) == 0
                  : k->target == p->t && strcmp(k->name, p->text) == 0;
}

static uint64_t name_hash(const char *text, bool as_id, kgi_col_for t) {
  return kgi_hash_str(text, as_id ? 0 : 1 + (uint64_t)t);
}

static bool taken(const kgi_columns *c, const char *text, bool as_id, kgi_col_for t) {
  nameprobe p = {c, text, as_id, t};
  return kgi_index_find(as_id ? &c->id_ix : &c->name_ix, name_hash(text, as_id, t), name_is, &p);
}

static char *free_name(const kgi_columns *c, const char *base, bool as_id, kgi_col_for t) {
  char *r = nmtoken(base, NULL);
  for (unsigned k = 2; r && taken(c, r, as_id, t); k++) {
    char suffix[16];
    snprintf(suffix, sizeof suffix, "%u", k);
    free(r);
    r = nmtoken(base, suffix);
  }
  return r;
}

static uint64_t pred_hash(kgi_col_for t, const char *pred, const char *lang) {
  return kgi_hash_mix(kgi_hash_mix((uint64_t)t, (uint64_t)(uintptr_t)pred),
                      (uint64_t)(uintptr_t)lang);
}

static bool pred_is(void *ctx, uint32_t v) {
  const colprobe *p = ctx;
  const kgi_column *k = &p->c->cols[v];
  return k->target == p->key->t && k->role == KGI_COL_VALUE && k->pred == p->key->pred &&
         k->lang == p->key->lang;
}

/* Is there a value column of this predicate and language already (of another kind)? */
static bool has_value_column(const kgi_columns *c, const colkey *key) {
  colprobe p = {c, key};
  return kgi_index_find(&c->pred_ix, pred_hash(key->t, key->pred, key->lang), pred_is, &p);
}

static kgi_column *add(kgi_columns *c, const colkey *key, const char *name, kgi_col_type type,
                       kg_error *err) {
  kgi_column *k = (kgi_column *)find_key(c, key);
  if (k)
    return k;
  char *base;
  if (name) {
    base = nmtoken(name, NULL);
  } else {
    const char *suffix = !has_value_column(c, key)     ? NULL
                         : key->kind == KG_VALUE_TYPED ? kgi_local_name(key->datatype)
                                                       : kg_value_kind_name(key->kind);
    base = value_name(key->pred, key->lang, suffix);
  }
  if (!base || kgi_grow((void **)&c->cols, &c->capcols, c->ncols + 1, sizeof *c->cols, err)) {
    free(base);
    kgi_error_oom(err);
    return NULL;
  }
  kgi_column nk;
  memset(&nk, 0, sizeof nk);
  nk.target = key->t;
  nk.role = key->r;
  nk.pred = key->pred;
  nk.lang = key->lang;
  nk.kind = key->kind;
  nk.datatype = key->datatype;
  nk.type = type;
  /* The name is what readers show (unique per element kind); the id is unique across the
   * file. Gephi matches its special keys by id, then by name, so an edge column whose id
   * must differ from a node column's ("edge_label") still reads as the edge label. */
  nk.name = free_name(c, base, false, key->t);
  bool prefix = key->t == KGI_FOR_EDGE && nk.name && taken(c, nk.name, true, key->t);
  char *prefixed = prefix ? nmtoken("edge", nk.name) : NULL;
  nk.id = nk.name && prefix == (prefixed != NULL)
              ? free_name(c, prefixed ? prefixed : nk.name, true, key->t)
              : NULL;
  free(prefixed);
  free(base);
  if (!nk.name || !nk.id) {
    free(nk.name);
    free(nk.id);
    kgi_error_oom(err);
    return NULL;
  }
  /* the column is the set's from here on (freed with it), whether or not it is indexed */
  uint32_t at = (uint32_t)c->ncols;
  c->cols[c->ncols++] = nk;
  if (kgi_index_put(&c->ix, col_hash(key), at, err) ||
      kgi_index_put(&c->name_ix, name_hash(nk.name, false, key->t), at, err) ||
      kgi_index_put(&c->id_ix, name_hash(nk.id, true, key->t), at, err) ||
      (key->r == KGI_COL_VALUE &&
       kgi_index_put(&c->pred_ix, pred_hash(key->t, key->pred, key->lang), at, err)))
    return NULL;
  if (key->r < KGI_COL_VALUE && key->r != KGI_COL_LABEL_LANG && !key->lang)
    c->fixed_ix[key->t][key->r] = at + 1;
  return &c->cols[at];
}

static kgi_column *add_fixed(kgi_columns *c, kgi_col_for t, kgi_col_role r, const char *lang,
                             const char *name, kgi_col_type type, kg_error *err) {
  colkey key = {t, r, NULL, lang, KG_VALUE_STRING, NULL};
  return add(c, &key, name, type, err);
}

static kgi_col_type type_for(kg_value_kind kind) {
  switch (kind) {
  case KG_VALUE_INTEGER: return KGI_T_LONG;
  case KG_VALUE_DECIMAL:
  case KG_VALUE_DOUBLE: return KGI_T_DOUBLE;
  case KG_VALUE_BOOLEAN: return KGI_T_BOOLEAN;
  default: return KGI_T_STRING;
  }
}

/* Note the values of one element: a column per predicate, language and kind. */
static kg_status note_props(kgi_columns *c, kgi_col_for t, const kgi_prop *props, uint32_t n,
                            kg_error *err) {
  for (uint32_t i = 0; i < n; i++) {
    const kg_value *v = &props[i].value;
    colkey key = value_key(t, props[i].pred, v);
    kgi_column *k = add(c, &key, NULL, type_for(v->kind), err);
    if (!k)
      return KG_ENOMEM;
    for (uint32_t j = 0; j < i && !k->multi; j++)
      k->multi = kgi_columns_find_value(c, t, props[j].pred, &props[j].value) == k;
  }
  return KG_OK;
}

/* Does some value of column k (of nodes, or of edges) hold `sep`? */
static bool sep_in_values(const kgi_column *k, const kgi_columns *c, const kg_graph *g,
                          const char *sep) {
  if (k->role == KGI_COL_LABEL_LANG) {
    for (size_t i = 0; i < g->nnodes; i++)
      for (uint32_t j = 0; j < g->nodes[i]->nlabels; j++)
        if (g->nodes[i]->labels[j].lang == k->lang && strstr(g->nodes[i]->labels[j].text, sep))
          return true;
    return false;
  }
  size_t n = k->target == KGI_FOR_NODE ? g->nnodes : g->nedges;
  for (size_t i = 0; i < n; i++) {
    const kgi_prop *props = k->target == KGI_FOR_NODE ? g->nodes[i]->props : g->edges[i]->quals;
    uint32_t m = k->target == KGI_FOR_NODE ? g->nodes[i]->nprops : g->edges[i]->nquals;
    for (uint32_t j = 0; j < m; j++)
      if (kgi_columns_find_value(c, k->target, props[j].pred, &props[j].value) == k &&
          strstr(props[j].value.lexical, sep))
        return true;
  }
  return false;
}

/* The descriptors of the value and label columns. */
static kg_status describe(kgi_columns *c, kg_error *err) {
  kgi_buf desc;
  kgi_buf_init(&desc);
  for (size_t i = 0; i < c->ncols && !desc.oom; i++) {
    kgi_column *k = &c->cols[i];
    if (k->role != KGI_COL_VALUE && k->role != KGI_COL_LABEL_LANG)
      continue;
    kg_value v = {k->kind, "", k->lang && *k->lang ? k->lang : NULL, k->datatype};
    if (k->role == KGI_COL_LABEL_LANG)
      v.kind = v.lang ? KG_VALUE_LANGSTRING : KG_VALUE_STRING;
    kgi_buf_clear(&desc);
    kgi_buf_put_value_desc(&desc, k->role == KGI_COL_VALUE ? k->pred : KGI_RDFS_LABEL, &v);
    if (!desc.oom && !(k->desc = kgi_strdup(desc.s)))
      desc.oom = true;
  }
  bool oom = desc.oom;
  kgi_buf_dispose(&desc);
  return oom ? kgi_error_oom(err) : KG_OK;
}

/* Mark the multi-valued columns one of whose values holds "; " (one pass over the values):
 * only those look further for their separator. */
static void note_clashes(kgi_columns *c, const kg_graph *g) {
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    for (uint32_t j = 0; j < n->nlabels; j++) {
      kgi_column *k = (kgi_column *)kgi_columns_find(c, KGI_FOR_NODE, KGI_COL_LABEL_LANG, NULL,
                                                     n->labels[j].lang);
      if (k && k->multi && strstr(n->labels[j].text, "; "))
        k->sep_clash = true;
    }
  }
  for (int t = 0; t < 2; t++) {
    size_t n = t ? g->nedges : g->nnodes;
    for (size_t i = 0; i < n; i++) {
      const kgi_prop *props = t ? g->edges[i]->quals : g->nodes[i]->props;
      uint32_t m = t ? g->edges[i]->nquals : g->nodes[i]->nprops;
      for (uint32_t j = 0; j < m; j++) {
        kgi_column *k =
            (kgi_column *)kgi_columns_find_value(c, (kgi_col_for)t, props[j].pred, &props[j].value);
        if (k && k->multi && strstr(props[j].value.lexical, "; "))
          k->sep_clash = true;
      }
    }
  }
}

/* The separators of the multi-valued columns: "; ", else " | ", " || ", ... */
static kg_status choose_separators(kgi_columns *c, const kg_graph *g, kg_error *err) {
  note_clashes(c, g);
  for (size_t i = 0; i < c->ncols; i++) {
    kgi_column *k = &c->cols[i];
    if (!k->multi || (k->role != KGI_COL_VALUE && k->role != KGI_COL_LABEL_LANG))
      continue;
    kgi_buf sep;
    kgi_buf_init(&sep);
    kgi_buf_puts(&sep, "; ");
    for (size_t bars = 1; k->sep_clash && !sep.oom && sep_in_values(k, c, g, sep.s); bars++) {
      kgi_buf_clear(&sep);
      kgi_buf_puts(&sep, " ");
      for (size_t b = 0; b < bars; b++)
        kgi_buf_puts(&sep, "|");
      kgi_buf_puts(&sep, " ");
    }
    if (sep.oom)
      return kgi_error_oom(err);
    k->sep = sep.s; /* the column owns it */
  }
  return KG_OK;
}

/* The columns, given the fixed ones (everything of kgi_columns but the node ids). */
static kg_status columns_of(kgi_columns *c, const kg_graph *g, const kgi_fixed_column *fixed,
                            size_t nfixed, kg_error *err) {
  kg_status st;
  /* what the data-dependent fixed columns need */
  bool classes = false, wikidata = false, same_as = false, ncites = false, ecites = false,
       stmt = false, ndated = false, edated = false, same_as_multi = false;
  char a[KGI_DATE_MAX], b[KGI_DATE_MAX];
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    classes |= n->nclasses > 1;
    const char *wd = kgi_show_wikidata(n);
    wikidata |= wd != NULL;
    /* other external ids than the one Wikidata id get their own column */
    same_as |= n->nsame > (wd ? 1u : 0u);
    same_as_multi |= n->nsame > 1;
    ncites |= n->source != NULL;
    ndated = ndated || kgi_show_node_period(n, a, b, sizeof a);
  }
  for (size_t i = 0; i < g->nedges; i++) {
    ecites |= g->edges[i]->source != NULL;
    stmt |= kgi_edge_has_statement(g->edges[i]);
    edated = edated || kgi_show_edge_period(g->edges[i], a, b, sizeof a);
  }
  /* every fixed column first, so a data column never takes a name a reader reserves */
  for (size_t i = 0; i < nfixed; i++) {
    const kgi_fixed_column *f = &fixed[i];
    bool use = true;
    switch (f->role) {
    case KGI_COL_LABEL_LANG: use = false; break; /* per language, below */
    case KGI_COL_CLASSES: use = classes; break;
    case KGI_COL_WIKIDATA: use = wikidata; break;
    case KGI_COL_SAME_AS: use = same_as; break;
    case KGI_COL_CITES: use = f->target == KGI_FOR_NODE ? ncites : ecites; break;
    case KGI_COL_STATEMENT: use = stmt; break;
    case KGI_COL_START:
    case KGI_COL_END: use = f->target == KGI_FOR_NODE ? ndated : edated; break;
    default: break;
    }
    kgi_column *fc = use ? add_fixed(c, f->target, f->role, NULL, f->name, f->type, err) : NULL;
    if (use && !fc)
      return KG_ENOMEM;
    /* lists of classes and of external ids: a list in GEXF, joined by spaces in GraphML */
    if (fc && (f->role == KGI_COL_CLASSES || (f->role == KGI_COL_SAME_AS && same_as_multi)))
      fc->multi = true;
    if (f->role == KGI_COL_LABEL_LANG) {
      for (size_t j = 0; j < g->nnodes; j++) {
        const kg_node *n = g->nodes[j];
        for (uint32_t k = 0; k < n->nlabels; k++) {
          kgi_buf name;
          kgi_buf_init(&name);
          kgi_buf_printf(&name, "%s_%s", f->name, *n->labels[k].lang ? n->labels[k].lang : "none");
          kgi_column *added = name.oom ? NULL
                                       : add_fixed(c, KGI_FOR_NODE, KGI_COL_LABEL_LANG,
                                                   n->labels[k].lang, name.s, f->type, err);
          /* several labels in one language: a list in GEXF, joined in GraphML */
          for (uint32_t m = 0; added && m < k && !added->multi; m++)
            added->multi = n->labels[m].lang == n->labels[k].lang;
          kgi_buf_dispose(&name);
          if (!added)
            return kgi_error_oom(err);
        }
      }
    }
  }
  for (size_t i = 0; i < g->nnodes; i++)
    if ((st = note_props(c, KGI_FOR_NODE, g->nodes[i]->props, g->nodes[i]->nprops, err)))
      return st;
  for (size_t i = 0; i < g->nedges; i++)
    if ((st = note_props(c, KGI_FOR_EDGE, g->edges[i]->quals, g->edges[i]->nquals, err)))
      return st;
  st = choose_separators(c, g, err);
  return st ? st : describe(c, err);
}

/*
 * The node ids need nothing of the columns, nor the columns of the ids: on a large graph,
 * with two CPUs, a second thread makes the ids (each readable form, made unique) while this
 * one finds the columns. They write different members of c.
 */
enum { IDS_ASIDE = 1024 }; /* nodes: below this, a thread costs more than it saves */

typedef struct build {
  kgi_columns *c;
  const kg_graph *g;
  const kgi_fixed_column *fixed;
  size_t nfixed;
} build;

static kg_status ids_task(void *arg, kg_error *err) {
  build *b = arg;
  return assign_node_ids(b->c, b->g, err);
}

static kg_status columns_task(void *arg, kg_error *err) {
  build *b = arg;
  return columns_of(b->c, b->g, b->fixed, b->nfixed, err);
}

kg_status kgi_columns_build(kgi_columns *c, const kg_graph *g, const kgi_fixed_column *fixed,
                            size_t nfixed, kg_error *err) {
  memset(c, 0, sizeof *c);
  build b = {c, g, fixed, nfixed};
  return kgi_two_tasks(g->nnodes >= IDS_ASIDE, ids_task, &b, columns_task, &b, err);
}

void kgi_columns_dispose(kgi_columns *c) {
  for (size_t i = 0; i < c->ncols; i++) {
    free(c->cols[i].id);
    free(c->cols[i].name);
    free(c->cols[i].sep);
    free(c->cols[i].desc);
  }
  free(c->cols);
  for (size_t i = 0; i < c->nnode_ids; i++)
    free(c->node_ids[i]);
  free(c->node_ids);
  kgi_index_dispose(&c->ix);
  kgi_index_dispose(&c->name_ix);
  kgi_index_dispose(&c->id_ix);
  kgi_index_dispose(&c->pred_ix);
  kgi_index_dispose(&c->nid_ix);
  memset(c, 0, sizeof *c);
}

static int by_column(const void *a, const void *b) {
  const kgi_cell *x = a, *y = b;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

kg_status kgi_columns_cells(kgi_cell **out, const kgi_columns *c, kgi_col_for t,
                            const kgi_prop *props, uint32_t n, kg_error *err) {
  *out = NULL;
  if (!n)
    return KG_OK;
  kgi_cell *cells = kgi_malloc(n * sizeof *cells);
  if (!cells)
    return kgi_error_oom(err);
  for (uint32_t i = 0; i < n; i++) {
    cells[i].col = kgi_columns_find_value(c, t, props[i].pred, &props[i].value);
    cells[i].v = &props[i].value;
    cells[i].order = i;
  }
  qsort(cells, n, sizeof *cells, by_column);
  *out = cells;
  return KG_OK;
}

static bool is_text(kg_value_kind kind) {
  return kind == KG_VALUE_STRING || kind == KG_VALUE_LANGSTRING;
}

static void note_value_losses(const kgi_columns *c, kgi_col_for t, const kgi_prop *props,
                              uint32_t n, bool lists, kgi_loss *loss) {
  for (uint32_t i = 0; i < n; i++) {
    const kg_value *v = &props[i].value;
    const kgi_column *k = kgi_columns_find_value(c, t, props[i].pred, v);
    if (!k)
      continue;
    if (k->multi && !lists)
      kgi_loss_add(loss, "values joined into one string (several in one column)", 1);
    else if ((k->multi || k->type == KGI_T_STRING) && !is_text(v->kind))
      kgi_loss_add(
          loss, "typed values written as text (the datatype only in the column's description)", 1);
    else if (k->type == KGI_T_DOUBLE && v->kind != KG_VALUE_DOUBLE)
      kgi_loss_add(loss, "decimals written as doubles (the lexical form kept)", 1);
  }
}

void kgi_columns_note_losses(const kgi_columns *c, const kg_graph *g, bool lists, kgi_loss *loss) {
  if (!loss)
    return;
  for (size_t i = 0; i < g->nnodes; i++)
    note_value_losses(c, KGI_FOR_NODE, g->nodes[i]->props, g->nodes[i]->nprops, lists, loss);
  for (size_t i = 0; i < g->nedges; i++)
    note_value_losses(c, KGI_FOR_EDGE, g->edges[i]->quals, g->edges[i]->nquals, lists, loss);
}
