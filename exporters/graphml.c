/*
 * GraphML through libxml2's xmlTextWriter, valid against the GraphML 1.0 XSD and shaped
 * for Gephi's importer (../shared/reference/gephi-import-rules.md): keys declared first,
 * for="node"/"edge" only, typed (attr.type), NMTOKEN ids; `label`, `weight`, `r`/`g`/`b`
 * and `size` where Gephi looks for them; one key per language for labels.
 *
 * libxml2 2.9.14 writes control characters and invalid UTF-8 through without complaint:
 * the model refuses both at input (core/graph.c), so none can reach this writer.
 */
#include "kgi.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef enum { FOR_NODE, FOR_EDGE } key_for;

/* What a key carries: a fixed attribute of ours, or a (predicate, language) of the data. */
typedef enum {
  K_LABEL, K_LABEL_LANG, K_CLASS, K_CLASSES, K_IRI, K_WIKIDATA, K_SAME_AS, K_CITES,
  K_R, K_G, K_B, K_SIZE, K_RELATION, K_WEIGHT, K_STATEMENT, K_VALUE
} key_role;

typedef struct key {
  key_for target;
  key_role role;
  const char *pred; /* K_VALUE: interned predicate */
  const char *lang; /* K_LABEL_LANG, K_VALUE of a langstring: interned tag */
  char *id;         /* NMTOKEN, unique in the file */
  char *name;       /* attr.name: NMTOKEN, unique per element kind */
  const char *type; /* attr.type */
  bool multi;       /* some element has several values: written joined, as a string */
  kg_value_kind kind;
  bool mixed;
} key;

typedef struct writer {
  const kg_graph *g;
  xmlTextWriterPtr w;
  key *keys;
  size_t nkeys, capkeys;
  kgi_index key_ix;  /* (target, role, pred, lang) -> key */
  char **node_ids;   /* NMTOKEN id per node */
  kgi_index nid_ix;  /* NMTOKEN node ids in use */
  size_t nnode_ids;
  kg_error *err;
  kg_status st;
} writer;

/* ---- ids ---- */

static bool nmtoken_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

/* An NMTOKEN from any text: characters outside [A-Za-z0-9._-] become '_'. */
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

typedef struct strprobe {
  char **strs;
  const char *s;
} strprobe;

static bool str_is(void *ctx, uint32_t v) {
  strprobe *p = ctx;
  return strcmp(p->strs[v], p->s) == 0;
}

/* Make `*id` unique among strs[] (appending _2, _3...); registers it under number `v`. */
static kg_status unique_id(writer *wr, kgi_index *ix, char **strs, char **id, uint32_t v) {
  char *base = *id;
  for (unsigned k = 2;; k++) {
    strprobe p = {strs, *id};
    if (!kgi_index_find(ix, kgi_hash_str(*id, 0), str_is, &p))
      break;
    char suffix[16];
    snprintf(suffix, sizeof suffix, "%u", k);
    if (*id != base)
      free(*id);
    if (!(*id = nmtoken(base, suffix))) {
      *id = base;
      return kgi_error_oom(wr->err);
    }
  }
  if (*id != base)
    free(base);
  strs[v] = *id;
  return kgi_index_put(ix, kgi_hash_str(*id, 0), v, wr->err);
}

/* ---- keys ---- */

static uint64_t key_hash(key_for t, key_role r, const char *pred, const char *lang) {
  uint64_t h = kgi_hash_mix((uint64_t)t * 31 + (uint64_t)r, (uint64_t)(uintptr_t)pred);
  return kgi_hash_mix(h, (uint64_t)(uintptr_t)lang);
}

typedef struct kprobe {
  writer *wr;
  key k;
} kprobe;

static bool key_is(void *ctx, uint32_t v) {
  kprobe *p = ctx;
  const key *k = &p->wr->keys[v];
  return k->target == p->k.target && k->role == p->k.role && k->pred == p->k.pred &&
         k->lang == p->k.lang;
}

static key *find_key(writer *wr, key_for t, key_role r, const char *pred, const char *lang) {
  kprobe p = {wr, {.target = t, .role = r, .pred = pred, .lang = lang}};
  uint32_t *v = kgi_index_find(&wr->key_ix, key_hash(t, r, pred, lang), key_is, &p);
  return v ? &wr->keys[*v] : NULL;
}

/* The key id for a predicate: kg: terms by local name, other vocabularies prefixed. */
static char *value_key_name(const char *pred, const char *lang) {
  char buf[512];
  const char *c = kgi_curie(buf, sizeof buf, pred);
  const char *name = c;
  if (strncmp(pred, KG_NS, strlen(KG_NS)) == 0)
    name = pred + strlen(KG_NS);
  else if (c == pred)
    name = kgi_local_name(pred);
  return nmtoken(name, lang && *lang ? lang : NULL);
}

static bool key_taken(const writer *wr, const char *text, bool as_id, key_for t) {
  for (size_t i = 0; i < wr->nkeys; i++) {
    const key *k = &wr->keys[i];
    if (as_id ? strcmp(k->id, text) == 0 : (k->target == t && strcmp(k->name, text) == 0))
      return true;
  }
  return false;
}

/* `base` with _2, _3... appended until `taken` says no. Keys are few (one per distinct
 * property), so the linear checks stay cheap. */
static char *free_name(const writer *wr, const char *base, bool as_id, key_for t) {
  char *r = nmtoken(base, NULL);
  for (unsigned k = 2; r && key_taken(wr, r, as_id, t); k++) {
    char suffix[16];
    snprintf(suffix, sizeof suffix, "%u", k);
    free(r);
    r = nmtoken(base, suffix);
  }
  return r;
}

static key *add_key(writer *wr, key_for t, key_role r, const char *pred, const char *lang,
                    const char *name, const char *type) {
  key *k = find_key(wr, t, r, pred, lang);
  if (k || wr->st)
    return k;
  if ((wr->st = kgi_grow((void **)&wr->keys, &wr->capkeys, wr->nkeys + 1, sizeof *wr->keys, wr->err)))
    return NULL;
  key nk;
  memset(&nk, 0, sizeof nk);
  nk.target = t;
  nk.role = r;
  nk.pred = pred;
  nk.lang = lang;
  nk.type = type;
  /* attr.name is what readers show (unique per element kind); the id is unique across the
   * file. Gephi matches its special keys by id, then by attr.name, so an edge key whose id
   * has to differ from a node key's ("edge_label") still reads as the edge label. */
  char *base = name ? nmtoken(name, NULL) : value_key_name(pred, lang);
  if (base) {
    nk.name = free_name(wr, base, false, t);
    char *prefixed = t == FOR_EDGE && nk.name && key_taken(wr, nk.name, true, t)
                         ? nmtoken("edge", nk.name) : NULL;
    nk.id = free_name(wr, prefixed ? prefixed : (nk.name ? nk.name : ""), true, t);
    free(prefixed);
    free(base);
  }
  if (!nk.name || !nk.id) {
    free(nk.name);
    free(nk.id);
    wr->st = kgi_error_oom(wr->err);
    return NULL;
  }
  wr->keys[wr->nkeys] = nk;
  if ((wr->st = kgi_index_put(&wr->key_ix, key_hash(t, r, pred, lang), (uint32_t)wr->nkeys, wr->err)))
    return NULL;
  wr->nkeys++;
  return &wr->keys[wr->nkeys - 1];
}

static const char *type_for(kg_value_kind kind) {
  switch (kind) {
  case KG_VALUE_INTEGER: return "long";
  case KG_VALUE_DECIMAL:
  case KG_VALUE_DOUBLE: return "double";
  case KG_VALUE_BOOLEAN: return "boolean";
  default: return "string";
  }
}

/* Note a value under its key; the key's type widens to string on a conflict. */
static void note_value(writer *wr, key_for t, const kgi_prop *p, bool repeated) {
  const char *lang = p->value.kind == KG_VALUE_LANGSTRING ? p->value.lang : NULL;
  bool is_new = !find_key(wr, t, K_VALUE, p->pred, lang);
  key *k = add_key(wr, t, K_VALUE, p->pred, lang, NULL, type_for(p->value.kind));
  if (!k)
    return;
  if (is_new)
    k->kind = p->value.kind;
  else if (k->kind != p->value.kind) {
    bool numeric = (k->kind == KG_VALUE_INTEGER || k->kind == KG_VALUE_DECIMAL ||
                    k->kind == KG_VALUE_DOUBLE) &&
                   (p->value.kind == KG_VALUE_INTEGER || p->value.kind == KG_VALUE_DECIMAL ||
                    p->value.kind == KG_VALUE_DOUBLE);
    k->type = numeric && strcmp(k->type, "string") != 0 ? "double" : "string";
  }
  if (repeated) {
    k->multi = true;
    k->type = "string";
  }
}

/* Values of one element with the same key as an earlier one make the key multi-valued. */
static void note_props(writer *wr, key_for t, const kgi_prop *props, uint32_t n) {
  for (uint32_t i = 0; i < n && !wr->st; i++) {
    bool repeated = false;
    for (uint32_t j = 0; j < i && !repeated; j++)
      repeated = props[j].pred == props[i].pred &&
                 (props[j].value.kind == KG_VALUE_LANGSTRING ? props[j].value.lang : NULL) ==
                     (props[i].value.kind == KG_VALUE_LANGSTRING ? props[i].value.lang : NULL);
    note_value(wr, t, &props[i], repeated);
  }
}

static void collect_keys(writer *wr) {
  const kg_graph *g = wr->g;
  add_key(wr, FOR_NODE, K_LABEL, NULL, NULL, "label", "string");
  bool classes = false, wikidata = false, same_as = false, cites = false;
  for (size_t i = 0; i < g->nnodes && !wr->st; i++) {
    const kg_node *n = g->nodes[i];
    for (uint32_t j = 0; j < n->nlabels && !wr->st; j++) {
      char name[80];
      snprintf(name, sizeof name, "label_%s", *n->labels[j].lang ? n->labels[j].lang : "none");
      add_key(wr, FOR_NODE, K_LABEL_LANG, NULL, n->labels[j].lang, name, "string");
    }
    classes |= n->nclasses > 1;
    for (uint32_t j = 0; j < n->nsame; j++)
      *(strncmp(n->same_as[j], KGI_WD, strlen(KGI_WD)) == 0 ? &wikidata : &same_as) = true;
    same_as |= n->nsame > 1;
    cites |= n->source != NULL;
  }
  add_key(wr, FOR_NODE, K_CLASS, NULL, NULL, "class", "string");
  if (classes)
    add_key(wr, FOR_NODE, K_CLASSES, NULL, NULL, "classes", "string");
  add_key(wr, FOR_NODE, K_IRI, NULL, NULL, "iri", "string");
  if (wikidata)
    add_key(wr, FOR_NODE, K_WIKIDATA, NULL, NULL, "wikidata", "string");
  if (same_as)
    add_key(wr, FOR_NODE, K_SAME_AS, NULL, NULL, "same_as", "string");
  if (cites)
    add_key(wr, FOR_NODE, K_CITES, NULL, NULL, "cites", "string");
  add_key(wr, FOR_NODE, K_R, NULL, NULL, "r", "int");
  add_key(wr, FOR_NODE, K_G, NULL, NULL, "g", "int");
  add_key(wr, FOR_NODE, K_B, NULL, NULL, "b", "int");
  add_key(wr, FOR_NODE, K_SIZE, NULL, NULL, "size", "float");
  /* every fixed key before any data key, so a data key never takes a name Gephi reserves */
  add_key(wr, FOR_EDGE, K_LABEL, NULL, NULL, "label", "string");
  add_key(wr, FOR_EDGE, K_RELATION, NULL, NULL, "relation", "string");
  add_key(wr, FOR_EDGE, K_WEIGHT, NULL, NULL, "weight", "double");
  bool ecites = false, stmt = false;
  for (size_t i = 0; i < g->nedges; i++) {
    ecites |= g->edges[i]->source != NULL;
    stmt |= kgi_edge_has_statement(g->edges[i]);
  }
  if (ecites)
    add_key(wr, FOR_EDGE, K_CITES, NULL, NULL, "cites", "string");
  if (stmt)
    add_key(wr, FOR_EDGE, K_STATEMENT, NULL, NULL, "statement", "string");
  for (size_t i = 0; i < g->nnodes && !wr->st; i++)
    note_props(wr, FOR_NODE, g->nodes[i]->props, g->nodes[i]->nprops);
  for (size_t i = 0; i < g->nedges && !wr->st; i++)
    note_props(wr, FOR_EDGE, g->edges[i]->quals, g->edges[i]->nquals);
}

/* ---- writing ---- */

#define W(call)                                                                                   \
  do {                                                                                            \
    if (!wr->st && (call) < 0)                                                                    \
      wr->st = kgi_error_set(wr->err, KG_EIO, "GraphML: the XML writer failed");                  \
  } while (0)

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

static void write_keys(writer *wr) {
  for (size_t i = 0; i < wr->nkeys && !wr->st; i++) {
    const key *k = &wr->keys[i];
    char buf[512];
    W(xmlTextWriterStartElement(wr->w, X("key")));
    W(xmlTextWriterWriteAttribute(wr->w, X("id"), X(k->id)));
    W(xmlTextWriterWriteAttribute(wr->w, X("for"), X(k->target == FOR_NODE ? "node" : "edge")));
    W(xmlTextWriterWriteAttribute(wr->w, X("attr.name"), X(k->name)));
    W(xmlTextWriterWriteAttribute(wr->w, X("attr.type"), X(k->type)));
    if (k->role == K_VALUE) {
      /* the predicate IRI travels with the key, so a reader can map it back to RDF */
      snprintf(buf, sizeof buf, "%s%s%s", k->pred, k->lang ? " @" : "", k->lang ? k->lang : "");
      W(xmlTextWriterWriteElement(wr->w, X("desc"), X(buf)));
    }
    if (k->role == K_WEIGHT)
      W(xmlTextWriterWriteElement(wr->w, X("default"), X("1.0")));
    W(xmlTextWriterEndElement(wr->w));
  }
}

static void data(writer *wr, key_for t, key_role r, const char *text) {
  key *k = find_key(wr, t, r, NULL, NULL);
  if (!k || !text || wr->st)
    return;
  W(xmlTextWriterStartElement(wr->w, X("data")));
  W(xmlTextWriterWriteAttribute(wr->w, X("key"), X(k->id)));
  W(xmlTextWriterWriteString(wr->w, X(text)));
  W(xmlTextWriterEndElement(wr->w));
}

typedef struct slot {
  const key *k;
  const kg_value *v;
  uint32_t order;
} slot;

static int by_key(const void *a, const void *b) {
  const slot *x = a, *y = b;
  if (x->k != y->k)
    return x->k < y->k ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* An element's typed values, in key order; several values of one key joined with "; ". */
static void write_values(writer *wr, key_for t, const kgi_prop *props, uint32_t n) {
  if (!n || wr->st)
    return;
  slot *slots = kgi_malloc(n * sizeof *slots);
  if (!slots) {
    wr->st = kgi_error_oom(wr->err);
    return;
  }
  for (uint32_t i = 0; i < n; i++) {
    const char *lang = props[i].value.kind == KG_VALUE_LANGSTRING ? props[i].value.lang : NULL;
    slots[i].k = find_key(wr, t, K_VALUE, props[i].pred, lang);
    slots[i].v = &props[i].value;
    slots[i].order = i;
  }
  qsort(slots, n, sizeof *slots, by_key);
  for (uint32_t i = 0; i < n && !wr->st;) {
    W(xmlTextWriterStartElement(wr->w, X("data")));
    W(xmlTextWriterWriteAttribute(wr->w, X("key"), X(slots[i].k->id)));
    uint32_t j = i;
    for (; j < n && slots[j].k == slots[i].k; j++) {
      if (j > i)
        W(xmlTextWriterWriteString(wr->w, X("; ")));
      W(xmlTextWriterWriteString(wr->w, X(slots[j].v->lexical)));
    }
    W(xmlTextWriterEndElement(wr->w));
    i = j;
  }
  free(slots);
}

static void write_node(writer *wr, const kg_node *n) {
  char buf[1024];
  W(xmlTextWriterStartElement(wr->w, X("node")));
  W(xmlTextWriterWriteAttribute(wr->w, X("id"), X(wr->node_ids[n->index])));
  data(wr, FOR_NODE, K_LABEL, kg_node_display_label(n, "en"));
  for (uint32_t i = 0; i < n->nlabels && !wr->st; i++) {
    key *k = find_key(wr, FOR_NODE, K_LABEL_LANG, NULL, n->labels[i].lang);
    W(xmlTextWriterStartElement(wr->w, X("data")));
    W(xmlTextWriterWriteAttribute(wr->w, X("key"), X(k->id)));
    /* two labels in one language are rare; both are kept, in order */
    for (uint32_t j = 0; j < i; j++)
      if (n->labels[j].lang == n->labels[i].lang) {
        W(xmlTextWriterWriteString(wr->w, X(n->labels[j].text)));
        W(xmlTextWriterWriteString(wr->w, X("; ")));
      }
    W(xmlTextWriterWriteString(wr->w, X(n->labels[i].text)));
    W(xmlTextWriterEndElement(wr->w));
  }
  if (n->nclasses)
    data(wr, FOR_NODE, K_CLASS, kgi_curie(buf, sizeof buf, n->classes[0]));
  if (n->nclasses > 1) {
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < n->nclasses && o < sizeof buf; i++) {
      char c[512];
      o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "", kgi_curie(c, sizeof c, n->classes[i]));
    }
    data(wr, FOR_NODE, K_CLASSES, buf);
  }
  data(wr, FOR_NODE, K_IRI, n->iri ? n->iri : n->id);
  size_t nwd = strlen(KGI_WD);
  for (uint32_t i = 0; i < n->nsame; i++)
    if (strncmp(n->same_as[i], KGI_WD, nwd) == 0) {
      data(wr, FOR_NODE, K_WIKIDATA, n->same_as[i] + nwd);
      break;
    }
  if (n->nsame && find_key(wr, FOR_NODE, K_SAME_AS, NULL, NULL)) {
    size_t o = 0;
    for (uint32_t i = 0; i < n->nsame && o < sizeof buf; i++)
      o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "", n->same_as[i]);
    data(wr, FOR_NODE, K_SAME_AS, buf);
  }
  if (n->source)
    data(wr, FOR_NODE, K_CITES, wr->node_ids[n->source->index]);
  int rgb[3];
  kgi_style_rgb(kgi_style_for(n), rgb);
  key_role rr[3] = {K_R, K_G, K_B};
  for (int i = 0; i < 3; i++) {
    snprintf(buf, sizeof buf, "%d", rgb[i]);
    data(wr, FOR_NODE, rr[i], buf);
  }
  /* Gephi scales sizes itself; give it the node's importance: its degree */
  snprintf(buf, sizeof buf, "%.1f", 10.0 + 5.0 * sqrt((double)(n->in_degree + n->out_degree)));
  data(wr, FOR_NODE, K_SIZE, buf);
  write_values(wr, FOR_NODE, n->props, n->nprops);
  W(xmlTextWriterEndElement(wr->w));
}

/* "participatedIn" -> "participated in": how the relation reads on an edge. */
static void readable(char *buf, size_t size, const char *iri) {
  const char *s = kgi_local_name(iri);
  size_t o = 0;
  for (size_t i = 0; s[i] && o + 2 < size; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      if (i)
        buf[o++] = ' ';
      c = (char)(c + 32);
    } else if (c == '_') {
      c = ' ';
    }
    buf[o++] = c;
  }
  buf[o] = '\0';
}

static void write_edge(writer *wr, const kg_edge *e) {
  char buf[1024];
  W(xmlTextWriterStartElement(wr->w, X("edge")));
  snprintf(buf, sizeof buf, "e%u", e->index);
  W(xmlTextWriterWriteAttribute(wr->w, X("id"), X(buf)));
  W(xmlTextWriterWriteAttribute(wr->w, X("source"), X(wr->node_ids[e->src->index])));
  W(xmlTextWriterWriteAttribute(wr->w, X("target"), X(wr->node_ids[e->tgt->index])));
  readable(buf, sizeof buf, e->pred);
  data(wr, FOR_EDGE, K_LABEL, buf);
  data(wr, FOR_EDGE, K_RELATION, e->pred);
  if (e->source)
    data(wr, FOR_EDGE, K_CITES, wr->node_ids[e->source->index]);
  if (kgi_edge_has_statement(e))
    data(wr, FOR_EDGE, K_STATEMENT, kgi_edge_statement_iri(buf, sizeof buf, wr->g, e));
  write_values(wr, FOR_EDGE, e->quals, e->nquals);
  W(xmlTextWriterEndElement(wr->w));
}

static void assign_node_ids(writer *wr) {
  const kg_graph *g = wr->g;
  wr->node_ids = kgi_calloc(g->nnodes, sizeof *wr->node_ids);
  if (!wr->node_ids) {
    wr->st = kgi_error_oom(wr->err);
    return;
  }
  for (size_t i = 0; i < g->nnodes && !wr->st; i++) {
    char *id = nmtoken(g->nodes[i]->id, NULL);
    if (!id) {
      wr->st = kgi_error_oom(wr->err);
      return;
    }
    wr->st = unique_id(wr, &wr->nid_ix, wr->node_ids, &id, (uint32_t)i);
    if (wr->st)
      free(id);
    wr->nnode_ids = i + 1;
  }
}

static kg_status write_graphml(const kg_graph *g, FILE *out, kg_error *err) {
  writer wr_;
  writer *wr = &wr_;
  memset(wr, 0, sizeof *wr);
  wr->g = g;
  wr->err = err;
  assign_node_ids(wr);
  if (!wr->st)
    collect_keys(wr);
  xmlOutputBufferPtr buf = wr->st ? NULL : xmlOutputBufferCreateFile(out, NULL);
  if (!wr->st && (!buf || !(wr->w = xmlNewTextWriter(buf)))) {
    if (buf)
      xmlOutputBufferClose(buf);
    wr->st = kgi_error_set(err, KG_ELIB, "GraphML: cannot create the XML writer");
  }
  if (!wr->st) {
    xmlTextWriterSetIndent(wr->w, 1);
    xmlTextWriterSetIndentString(wr->w, X("  "));
    W(xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL));
    W(xmlTextWriterStartElement(wr->w, X("graphml")));
    W(xmlTextWriterWriteAttribute(wr->w, X("xmlns"), X(GRAPHML_NS)));
    W(xmlTextWriterWriteAttribute(wr->w, X("xmlns:xsi"), X("http://www.w3.org/2001/XMLSchema-instance")));
    W(xmlTextWriterWriteAttribute(wr->w, X("xsi:schemaLocation"),
                                  X(GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")));
    write_keys(wr);
    W(xmlTextWriterStartElement(wr->w, X("graph")));
    W(xmlTextWriterWriteAttribute(wr->w, X("id"), X("G")));
    W(xmlTextWriterWriteAttribute(wr->w, X("edgedefault"), X("directed")));
    for (size_t i = 0; i < g->nnodes && !wr->st; i++)
      write_node(wr, g->nodes[i]);
    for (size_t i = 0; i < g->nedges && !wr->st; i++)
      write_edge(wr, g->edges[i]);
    W(xmlTextWriterEndDocument(wr->w));
    W(xmlTextWriterFlush(wr->w));
  }
  if (wr->w)
    xmlFreeTextWriter(wr->w);
  for (size_t i = 0; i < wr->nkeys; i++) {
    free(wr->keys[i].id);
    free(wr->keys[i].name);
  }
  free(wr->keys);
  for (size_t i = 0; i < wr->nnode_ids; i++)
    free(wr->node_ids[i]);
  free(wr->node_ids);
  kgi_index_dispose(&wr->key_ix);
  kgi_index_dispose(&wr->nid_ix);
  return wr->st;
}

const kgi_exporter kgi_exporter_graphml = {
    .name = "graphml",
    .extension = "graphml",
    .description = "GraphML 1.0 for Gephi, yEd, NetworkX, igraph (libxml2)",
    .write = write_graphml,
};
