/*
 * A GraphML or GEXF node or edge into triples (see pgread.h). A file of kgexport's gives back
 * the triples its model maps to (core/triples.c), in the same order; any other file gives a
 * node per node, its columns as values, and an edge per edge whose columns become qualifiers
 * of a statement about it, as RDF says things of an edge.
 */
#include "pgread.h"

#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE ((size_t)-1)

/* The relation of a foreign edge that names none (no GEXF kind, no relation column). */
#define DEFAULT_RELATION "http://purl.org/dc/terms/relation"

static const char *str(const kgi_pgelem *e, size_t off) { return e->text.s + off; }

static kgi_term iri_term(const char *s) {
  kgi_term t = {KGI_TERM_IRI, s, strlen(s), NULL, NULL};
  return t;
}

/* A node's term: a blank node for "_:label" (kgexport's iri column of a blank node). */
static kgi_term node_term(const char *s) {
  if (s[0] == '_' && s[1] == ':') {
    kgi_term t = {KGI_TERM_BLANK, s + 2, strlen(s + 2), NULL, NULL};
    return t;
  }
  return iri_term(s);
}

static void triple(kgi_pgr *r, const kgi_term *s, const char *pred, const kgi_term *o) {
  kgi_term p = iri_term(pred);
  kgi_input_triple(r->in, s, &p, o);
}

static void literal(kgi_pgr *r, const kgi_term *s, const char *pred, const char *lexical,
                    const char *lang, const char *datatype) {
  kgi_term o = {KGI_TERM_LITERAL, lexical, strlen(lexical), lang, datatype};
  triple(r, s, pred, &o);
}

/* ---- the element ---- */

void kgi_pgr_elem_begin(kgi_pgr *r, bool is_edge) {
  kgi_pgelem *e = &r->el;
  if (e->open) /* a node holding a nested graph (a group): the node first */
    kgi_pgr_elem_end(r);
  kgi_buf_clear(&e->text);
  e->open = true;
  e->is_edge = is_edge;
  e->line = (size_t)xmlSAX2GetLineNumber(r->ctxt);
  e->id = e->source = e->target = e->label = e->kind = e->start = e->end = e->weight = NONE;
  e->ncells = 0;
  memset(&e->viz, 0, sizeof e->viz);
}

size_t kgi_pgr_elem_keep(kgi_pgr *r, const char *s, size_t len) {
  kgi_buf *b = &r->el.text;
  size_t off = b->len;
  kgi_buf_put(b, s, len);
  kgi_buf_put(b, "", 1); /* each string keeps its NUL */
  if (b->oom && !r->in->status)
    r->in->status = kgi_error_oom(r->in->err);
  return off;
}

void kgi_pgr_elem_cell(kgi_pgr *r, size_t col, const char *s, size_t len) {
  kgi_pgelem *e = &r->el;
  if (r->in->status)
    return;
  if (kgi_grow((void **)&e->cells, &e->capcells, e->ncells + 1, sizeof *e->cells, r->in->err)) {
    r->in->status = KG_ENOMEM;
    return;
  }
  kgi_pgcell *c = &e->cells[e->ncells++];
  c->col = (uint32_t)col;
  c->len = len;
  c->off = kgi_pgr_elem_keep(r, s, len);
}

/* ---- several values in one cell ---- */

/* A GEXF list, ["a", "b \"c\""] as kgexport writes it or [a, b] as Gephi does: its items
 * into out, each with its NUL; the count. */
static size_t list_items(const char *s, kgi_buf *out) {
  size_t n = strlen(s), count = 0;
  if (n < 2 || s[0] != '[' || s[n - 1] != ']') {
    kgi_buf_put(out, s, n + 1);
    return 1;
  }
  const char *p = s + 1, *end = s + n - 1;
  while (p < end) {
    while (p < end && *p == ' ')
      p++;
    if (p >= end)
      break;
    if (*p == '"') {
      for (p++; p < end && *p != '"'; p++) {
        if (*p == '\\' && p + 1 < end)
          p++;
        kgi_buf_put(out, p, 1);
      }
      p++; /* the closing quote */
    } else {
      const char *q = p;
      while (q < end && *q != ',')
        q++;
      const char *t = q;
      while (t > p && t[-1] == ' ')
        t--;
      kgi_buf_put(out, p, (size_t)(t - p));
      p = q;
    }
    kgi_buf_put(out, "", 1);
    count++;
    while (p < end && (*p == ' ' || *p == ','))
      p++;
  }
  return count;
}

/* The values a cell holds, each NUL-terminated one after another in out: joined by the
 * column's separator (GraphML), a list (GEXF), or one. */
static size_t items_of(const kgi_pgcol *c, const char *text, const char *sep, kgi_buf *out) {
  kgi_buf_clear(out);
  if (!sep)
    sep = c->sep;
  if (c->list)
    return list_items(text, out);
  if (!sep || !*sep) {
    kgi_buf_put(out, text, strlen(text) + 1);
    return 1;
  }
  size_t count = 0, k = strlen(sep);
  for (const char *p = text;; count++) {
    const char *q = strstr(p, sep);
    size_t len = q ? (size_t)(q - p) : strlen(p);
    kgi_buf_put(out, p, len);
    kgi_buf_put(out, "", 1);
    if (!q)
      return count + 1;
    p = q + k;
  }
}

/* ---- values of a file kgexport did not write ---- */

/* A foreign column's value with the datatype its declared type gives. Python's and C's
 * spellings of the special doubles and booleans are read as XSD's. */
static void foreign_value(kgi_pgr *r, const kgi_term *s, const char *pred, kgi_pgt type,
                          const char *item) {
  static const char *const specials[][2] = {{"nan", "NaN"},        {"inf", "INF"},
                                            {"-inf", "-INF"},      {"infinity", "INF"},
                                            {"-infinity", "-INF"}, {"+inf", "INF"}};
  if (!*item && type != KGI_PGT_STRING)
    return; /* no value */
  switch (type) {
  case KGI_PGT_STRING: literal(r, s, pred, item, NULL, NULL); return;
  case KGI_PGT_INTEGER: literal(r, s, pred, item, NULL, KGI_XSD "integer"); return;
  case KGI_PGT_DOUBLE:
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++)
      if (strcasecmp(item, specials[i][0]) == 0)
        item = specials[i][1];
    literal(r, s, pred, item, NULL, KGI_XSD "double");
    return;
  case KGI_PGT_BOOLEAN:
    literal(r, s, pred,
            strcasecmp(item, "true") == 0    ? "true"
            : strcasecmp(item, "false") == 0 ? "false"
                                             : item,
            NULL, KGI_XSD "boolean");
    return;
  case KGI_PGT_DATE:
    literal(r, s, pred, item, NULL, strchr(item, 'T') ? KGI_XSD "dateTime" : KGI_XSD "date");
    return;
  case KGI_PGT_IRI: {
    kgi_buf iri;
    kgi_buf_init(&iri);
    kgi_pgr_name_iri(r, item, &iri);
    kgi_term o = iri_term(kgi_buf_str(&iri));
    if (!iri.oom)
      triple(r, s, pred, &o);
    kgi_buf_dispose(&iri);
    return;
  }
  }
}

static void foreign_cell(kgi_pgr *r, const kgi_term *s, const kgi_pgcol *c, const char *text) {
  size_t n = items_of(c, text, NULL, &r->scratch);
  const char *item = r->scratch.s;
  for (size_t i = 0; i < n && !r->in->status; i++, item += strlen(item) + 1)
    foreign_value(r, s, c->pred, c->type, item);
}

/* The defaults of the foreign columns the element has no cell of (GraphML <default>). */
static void foreign_defaults(kgi_pgr *r, const kgi_term *s) {
  const kgi_pgelem *e = &r->el;
  for (size_t i = 0; i < r->ncols && !r->in->status; i++) {
    const kgi_pgcol *c = &r->cols[i];
    if (!c->dflt || c->for_edge != e->is_edge ||
        (c->role != KGI_PGC_OTHER && c->role != KGI_PGC_LABEL))
      continue;
    bool has = false;
    for (size_t k = 0; k < e->ncells && !has; k++)
      has = e->cells[k].col == i;
    if (!has)
      foreign_cell(r, s, c, c->dflt);
  }
}

/* The element's own attributes of a foreign file: a label, a period, Gephi's drawing. */
static void foreign_attributes(kgi_pgr *r, const kgi_term *s) {
  const kgi_pgelem *e = &r->el;
  if (e->label != NONE && !e->is_edge)
    literal(r, s, KGI_RDFS_LABEL, str(e, e->label), NULL, NULL);
  if (e->label != NONE && e->is_edge) { /* a qualifier: a statement has no label of its own */
    kgi_pgr_name_iri(r, "label", &r->scratch3);
    if (!r->scratch3.oom)
      literal(r, s, r->scratch3.s, str(e, e->label), NULL, NULL);
  }
  if (e->start != NONE)
    foreign_value(r, s, KGI_SCHEMA "startDate", KGI_PGT_DATE, str(e, e->start));
  if (e->end != NONE)
    foreign_value(r, s, KGI_SCHEMA "endDate", KGI_PGT_DATE, str(e, e->end));
  if (e->weight != NONE) {
    kgi_pgr_name_iri(r, "weight", &r->scratch3);
    if (!r->scratch3.oom)
      foreign_value(r, s, r->scratch3.s, KGI_PGT_DOUBLE, str(e, e->weight));
  }
  const kgi_pgviz *v = &e->viz;
  if (v->pos) {
    literal(r, s, KG_NS "positionX", v->x, NULL, KGI_XSD "double");
    literal(r, s, KG_NS "positionY", v->y, NULL, KGI_XSD "double");
    if (v->z[0])
      literal(r, s, KG_NS "positionZ", v->z, NULL, KGI_XSD "double");
  }
  if (v->color) {
    char hex[8];
    snprintf(hex, sizeof hex, "#%02x%02x%02x", v->r & 255, v->g & 255, v->b & 255);
    literal(r, s, KG_NS "color", hex, NULL, NULL);
  }
  if (v->size)
    literal(r, s, KG_NS "size", v->sizev, NULL, KGI_XSD "double");
  foreign_defaults(r, s);
}

/* ---- nodes ---- */

typedef struct idprobe {
  const kgi_pgr *r;
  const char *id;
} idprobe;

static bool id_is(void *ctx, uint32_t v) {
  const idprobe *p = ctx;
  return strcmp(p->r->node_ids[v], p->id) == 0;
}

/* The term of the node a file's id names, or NULL. */
static const char *node_of(const kgi_pgr *r, const char *id) {
  idprobe p = {r, id};
  uint32_t *v = kgi_index_find(&r->node_ix, kgi_hash_str(id, 0), id_is, &p);
  return v ? r->node_terms[*v] : NULL;
}

static bool remember_node(kgi_pgr *r, const char *id, const char *term) {
  kgi_input *in = r->in;
  if (node_of(r, id)) {
    kgi_pgr_fail(r, KG_EDATA, "node id '%s' is declared twice", id);
    return false;
  }
  if (kgi_grow((void **)&r->node_ids, &r->capnodes, r->nnodes + 1, sizeof *r->node_ids, in->err) ||
      !(r->node_terms = realloc(r->node_terms, r->capnodes * sizeof *r->node_terms))) {
    in->status = kgi_error_oom(in->err);
    return false;
  }
  r->node_ids[r->nnodes] = strdup(id);
  r->node_terms[r->nnodes] = strdup(term);
  if (!r->node_ids[r->nnodes] || !r->node_terms[r->nnodes]) {
    free(r->node_ids[r->nnodes]);
    free(r->node_terms[r->nnodes]);
    in->status = kgi_error_oom(in->err);
    return false;
  }
  kg_status st = kgi_index_put(&r->node_ix, kgi_hash_str(id, 0), (uint32_t)r->nnodes, in->err);
  r->nnodes++;
  in->status = in->status ? in->status : st;
  return !st;
}

/*
 * What kgexport's ids say of the names it was written with: an id that ends the node's IRI
 * ("sanae-takaichi") gives the base the model's ids were relative to; a CURIE of a prefix
 * that is not a well-known one ("ex:alice") gives that prefix. Read back, the file's ids come
 * out the same when it is written again.
 */
static void guess_naming(kgi_pgr *r, const char *id, const char *iri) {
  size_t m = strlen(iri);
  const char *colon = strchr(id, ':');
  const char *local = colon ? colon + 1 : id;
  size_t ln = strlen(local);
  if (!ln || m <= ln || strcmp(iri + m - ln, local) != 0)
    return;
  if (!colon) {
    if (!r->base_guess)
      r->base_guess = strndup(iri, m - ln);
    return;
  }
  kgi_buf *b = &r->scratch3;
  kgi_buf_clear(b);
  kgi_buf_put_curie(b, iri);
  if (b->oom || strcmp(b->s, id) == 0)
    return; /* a well-known prefix */
  kg_graph *g = r->in->g;
  kgi_buf_clear(b);
  kgi_buf_put(b, id, (size_t)(colon - id));
  for (size_t i = 0; i < g->nprefixes; i++)
    if (strcmp(g->prefixes[i].prefix, b->s) == 0)
      return;
  char *ns = strndup(iri, m - ln);
  kg_status st = ns && !b->oom ? kgi_graph_add_prefix(g, b->s, ns, r->in->err) : KG_ENOMEM;
  free(ns);
  if (st && !r->in->status)
    r->in->status = st == KG_ENOMEM ? kgi_error_oom(r->in->err) : st;
}

/* A class as kgexport writes it, a CURIE of the well-known prefixes or an IRI. */
static void class_triple(kgi_pgr *r, const kgi_term *s, const char *curie) {
  kgi_buf *b = &r->scratch3;
  kgi_buf_clear(b);
  if (!kgi_graph_expand_curie(b, r->in->g, curie))
    kgi_buf_puts(b, curie);
  kgi_term o = iri_term(kgi_buf_str(b));
  if (!b->oom)
    triple(r, s, KGI_RDF_TYPE, &o);
}

static bool has_role(const kgi_pgr *r, kgi_pgc_role role) {
  for (size_t k = 0; k < r->el.ncells; k++)
    if (r->cols[r->el.cells[k].col].role == role)
      return true;
  return false;
}

/* A cell of kgexport's own node, in the order its writer wrote them. */
static void own_node_cell(kgi_pgr *r, const kgi_term *s, const kgi_pgcol *c, const char *text,
                          bool classes, bool same_as, const char *term) {
  size_t n;
  const char *item;
  switch (c->role) {
  case KGI_PGC_VALUE:
    n = items_of(c, text, NULL, &r->scratch);
    item = r->scratch.s;
    for (size_t i = 0; i < n; i++, item += strlen(item) + 1)
      if (c->kind == KG_VALUE_IRI) {
        kgi_term o = iri_term(item);
        triple(r, s, c->pred, &o);
      } else {
        literal(r, s, c->pred, item, c->lang, c->datatype);
      }
    return;
  case KGI_PGC_CLASS:
    if (!classes)
      class_triple(r, s, text);
    return;
  case KGI_PGC_CLASSES:
  case KGI_PGC_SAME_AS:
    n = items_of(c, text, " ", &r->scratch2);
    item = r->scratch2.s;
    for (size_t i = 0; i < n; i++, item += strlen(item) + 1) {
      kgi_term o = iri_term(item);
      if (c->role == KGI_PGC_CLASSES)
        class_triple(r, s, item);
      else
        triple(r, s, KGI_OWL_SAMEAS, &o);
    }
    return;
  case KGI_PGC_WIKIDATA:
    if (!same_as) {
      kgi_buf *b = &r->scratch3;
      kgi_buf_clear(b);
      kgi_buf_printf(b, "%s%s", KGI_WD, text);
      kgi_term o = iri_term(kgi_buf_str(b));
      triple(r, s, KGI_OWL_SAMEAS, &o);
    }
    return;
  case KGI_PGC_CITES: /* once every node is known (kgi_pgr_graph_end or the first edge) */
    if (kgi_grow((void **)&r->cites_of, &r->capcites, r->ncites + 2, sizeof *r->cites_of,
                 r->in->err)) {
      r->in->status = KG_ENOMEM;
      return;
    }
    r->cites_of[r->ncites] = strdup(term);
    r->cites_of[r->ncites + 1] = strdup(text);
    r->ncites += 2;
    if (!r->cites_of[r->ncites - 2] || !r->cites_of[r->ncites - 1])
      r->in->status = kgi_error_oom(r->in->err);
    return;
  default: return; /* derived, or not a node's */
  }
}

static void node_end(kgi_pgr *r) {
  kgi_pgelem *e = &r->el;
  if (e->id == NONE) {
    kgi_pgr_fail(r, KG_EDATA, "a node without an id");
    return;
  }
  const char *id = str(e, e->id), *term = NULL;
  for (size_t k = 0; r->own && k < e->ncells && !term; k++)
    if (r->cols[e->cells[k].col].role == KGI_PGC_IRI)
      term = str(e, e->cells[k].off);
  kgi_buf name;
  kgi_buf_init(&name);
  if (!term) {
    kgi_pgr_name_iri(r, id, &name);
    term = kgi_buf_str(&name);
  }
  if (name.oom || !remember_node(r, id, term)) {
    if (!r->in->status)
      r->in->status = kgi_error_oom(r->in->err);
    kgi_buf_dispose(&name);
    return;
  }
  r->in->cur_line = e->line;
  kgi_term s = node_term(term);
  kgi_input_node(r->in, &s);
  if (r->own && s.type == KGI_TERM_IRI)
    guess_naming(r, id, term);
  bool classes = has_role(r, KGI_PGC_CLASSES), same_as = has_role(r, KGI_PGC_SAME_AS);
  for (size_t k = 0; k < e->ncells && !r->in->status; k++) {
    const kgi_pgcol *c = &r->cols[e->cells[k].col];
    const char *text = str(e, e->cells[k].off);
    if (r->own)
      own_node_cell(r, &s, c, text, classes, same_as, term);
    else if (c->role == KGI_PGC_OTHER || c->role == KGI_PGC_LABEL)
      foreign_cell(r, &s, c, text);
  }
  if (!r->own)
    foreign_attributes(r, &s);
  kgi_buf_dispose(&name);
}

/* The sources of the nodes, now that every node is known. */
static void flush_cites(kgi_pgr *r) {
  for (size_t i = 0; i + 1 < r->ncites && !r->in->status; i += 2) {
    const char *src = node_of(r, r->cites_of[i + 1]);
    if (!src) {
      kgi_pgr_fail(r, KG_EDATA, "a node cites '%s', which is no node of the file",
                   r->cites_of[i + 1]);
      break;
    }
    kgi_term s = node_term(r->cites_of[i]), o = node_term(src);
    triple(r, &s, KGI_PROV_DERIVED, &o);
  }
  for (size_t i = 0; i < r->ncites; i++)
    free(r->cites_of[i]);
  r->ncites = 0;
}

/* ---- edges ---- */

static const char *endpoint(kgi_pgr *r, size_t off, const char *which) {
  const kgi_pgelem *e = &r->el;
  if (off == NONE) {
    kgi_pgr_fail(r, KG_EDATA, "an edge without a %s", which);
    return NULL;
  }
  const char *t = node_of(r, str(e, off));
  if (!t)
    kgi_pgr_fail(r, KG_EDATA, "the edge's %s '%s' is no node declared before it", which,
                 str(e, off));
  return t;
}

/* The relation: kgexport's relation column; else GEXF's kind or a relation column, else the
 * edge's label (yEd's, Gephi's), as an IRI under the base; else dct:relation. */
static void edge_relation(kgi_pgr *r, kgi_buf *out) {
  kgi_pgelem *e = &r->el;
  const char *rel = NULL;
  for (size_t k = 0; k < e->ncells && !rel; k++)
    if (r->cols[e->cells[k].col].role == KGI_PGC_RELATION)
      rel = str(e, e->cells[k].off);
  if (!rel && !r->own && e->kind != NONE)
    rel = str(e, e->kind);
  if (!rel && !r->own && e->label != NONE) { /* a drawing's edge label names its relation */
    rel = str(e, e->label);
    r->el.label = NONE;
  }
  kgi_buf_clear(out);
  if (!rel || !*rel)
    kgi_buf_puts(out, DEFAULT_RELATION);
  else if (r->own)
    kgi_buf_puts(out, rel);
  else
    kgi_pgr_name_iri(r, rel, out);
}

/* Has the edge anything to say of itself (a statement about it)? */
static bool edge_has_statement(const kgi_pgr *r) {
  const kgi_pgelem *e = &r->el;
  if (!r->own && (e->label != NONE || e->start != NONE || e->end != NONE || e->weight != NONE))
    return true;
  for (size_t k = 0; k < e->ncells; k++) {
    kgi_pgc_role role = r->cols[e->cells[k].col].role;
    if (role == KGI_PGC_VALUE || role == KGI_PGC_CITES || role == KGI_PGC_STATEMENT ||
        (!r->own && (role == KGI_PGC_OTHER || role == KGI_PGC_LABEL)))
      return true;
  }
  for (size_t i = 0; !r->own && i < r->ncols; i++)
    if (r->cols[i].dflt && r->cols[i].for_edge && r->cols[i].role == KGI_PGC_OTHER)
      return true;
  return false;
}

static void edge_end(kgi_pgr *r) {
  kgi_pgelem *e = &r->el;
  if (!r->edges_begun) {
    r->edges_begun = true;
    flush_cites(r);
  }
  r->in->cur_line = e->line;
  const char *src = endpoint(r, e->source, "source");
  const char *tgt = src ? endpoint(r, e->target, "target") : NULL;
  if (!tgt)
    return;
  kgi_buf pred, stmt;
  kgi_buf_init(&pred);
  kgi_buf_init(&stmt);
  edge_relation(r, &pred);
  kgi_term s = node_term(src), o = node_term(tgt), p = iri_term(kgi_buf_str(&pred));
  if (!pred.oom)
    triple(r, &s, pred.s, &o);
  if (edge_has_statement(r) && !pred.oom && !r->in->status) {
    for (size_t k = 0; k < e->ncells && !stmt.len; k++)
      if (r->own && r->cols[e->cells[k].col].role == KGI_PGC_STATEMENT)
        kgi_buf_puts(&stmt, str(e, e->cells[k].off));
    if (!stmt.len) /* a statement of its own, folded into the edge */
      kgi_buf_printf(&stmt, "_:kgexport-edge-%zu", r->in->triples);
    kgi_term st = node_term(kgi_buf_str(&stmt)), cls = iri_term(KGI_RDF_STATEMENT);
    triple(r, &st, KGI_RDF_TYPE, &cls);
    triple(r, &st, KGI_RDF_SUBJECT, &s);
    triple(r, &st, KGI_RDF_PREDICATE, &p);
    triple(r, &st, KGI_RDF_OBJECT, &o);
    const char *cites = NULL;
    for (size_t k = 0; k < e->ncells && !r->in->status; k++) {
      const kgi_pgcol *c = &r->cols[e->cells[k].col];
      const char *text = str(e, e->cells[k].off);
      if (c->role == KGI_PGC_CITES)
        cites = text;
      else if (r->own)
        own_node_cell(r, &st, c, text, false, false, NULL); /* values: the same as a node's */
      else if (c->role == KGI_PGC_OTHER || c->role == KGI_PGC_LABEL)
        foreign_cell(r, &st, c, text);
    }
    if (!r->own)
      foreign_attributes(r, &st);
    const char *source = cites && !r->in->status ? node_of(r, cites) : NULL;
    if (cites && !source)
      kgi_pgr_fail(r, KG_EDATA, "the edge cites '%s', which is no node of the file", cites);
    if (source) {
      kgi_term so = node_term(source);
      triple(r, &st, KGI_PROV_DERIVED, &so);
    }
  }
  if ((pred.oom || stmt.oom) && !r->in->status)
    r->in->status = kgi_error_oom(r->in->err);
  kgi_buf_dispose(&pred);
  kgi_buf_dispose(&stmt);
}

void kgi_pgr_elem_end(kgi_pgr *r) {
  if (!r->el.open || r->in->status)
    return;
  r->el.open = false;
  if (r->el.is_edge)
    edge_end(r);
  else
    node_end(r);
}

void kgi_pgr_title(kgi_pgr *r, const char *title) {
  if (!*title || r->in->doc_title)
    return;
  if (!(r->in->doc_title = kgi_pool_intern(&r->in->g->pool, title)))
    r->in->status = kgi_error_oom(r->in->err);
}

void kgi_pgr_graph_end(kgi_pgr *r) {
  kgi_pgr_elem_end(r);
  flush_cites(r);
  kgi_input *in = r->in;
  if (in->on_loss && !in->status) {
    const char *name = in->format->name;
    if (r->skipped_yfiles)
      in->on_loss(in->loss_ctx, name,
                  "yEd graphics (yfiles data) read for labels, places and colours only",
                  r->skipped_yfiles);
    if (r->skipped_other)
      in->on_loss(in->loss_ctx, name, "hyperedges and ports skipped", r->skipped_other);
    if (r->skipped_periods)
      in->on_loss(in->loss_ctx, name, "periods of dynamic values not kept (their values are)",
                  r->skipped_periods);
  }
  size_t n = r->base_guess ? strlen(r->base_guess) : 0;
  if (n && (r->base_guess[n - 1] == '/' || r->base_guess[n - 1] == '#') && !r->in->id_base &&
      !(r->in->id_base = kgi_pool_intern(&r->in->g->pool, r->base_guess)))
    r->in->status = kgi_error_oom(r->in->err);
}
