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

/* The relation of a foreign edge that names none (no GEXF kind, no relation column). */
#define DEFAULT_RELATION "http://purl.org/dc/terms/relation"

/* A node's term: a blank node for "_:label" (kgexport's iri column of a blank node). */
static kgi_term node_term(const char *s) {
  if (s[0] == '_' && s[1] == ':') {
    kgi_term t = {KGI_TERM_BLANK, s + 2, strlen(s + 2), NULL, NULL, 0, 0, 0};
    return t;
  }
  return kgi_pgr_iri_term(s);
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
  e->id = e->source = e->target = e->label = e->kind = e->start = e->end = e->weight = KGI_PGR_NONE;
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

/* ---- nodes ---- */

typedef struct idprobe {
  const kgi_pgr *r;
  const char *id;
} idprobe;

static bool id_is(void *ctx, uint32_t v) {
  const idprobe *p = ctx;
  return strcmp(p->r->nodes[v].id, p->id) == 0;
}

/* The term of the node a file's id names, or NULL. */
static const char *node_of(const kgi_pgr *r, const char *id) {
  idprobe p = {r, id};
  uint32_t *v = kgi_index_find(&r->node_ix, kgi_hash_str(id, 0), id_is, &p);
  return v ? r->nodes[*v].term : NULL;
}

static bool remember_node(kgi_pgr *r, const char *id, const char *term) {
  kgi_input *in = r->in;
  if (node_of(r, id)) {
    kgi_pgr_fail(r, KG_EDATA, "node id '%s' is declared twice", id);
    return false;
  }
  if (kgi_grow((void **)&r->nodes, &r->capnodes, r->nnodes + 1, sizeof *r->nodes, in->err)) {
    in->status = KG_ENOMEM;
    return false;
  }
  struct kgi_pgnode *slot = &r->nodes[r->nnodes];
  slot->id = kgi_strdup(id);
  slot->term = kgi_strdup(term);
  if (!slot->id || !slot->term) {
    free(slot->id);
    free(slot->term);
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
      r->base_guess = kgi_strndup(iri, m - ln);
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
  char *ns = kgi_strndup(iri, m - ln);
  kg_status st = ns && !b->oom ? kgi_graph_add_prefix(g, b->s, ns, r->in->err) : KG_ENOMEM;
  free(ns);
  if (st && !r->in->status)
    r->in->status = st == KG_ENOMEM ? kgi_error_oom(r->in->err) : st;
}

/* A class as kgexport writes it, a CURIE of the well-known prefixes or an IRI. */
static void class_triple(kgi_pgr *r, const kgi_term *s, const char *curie) {
  kgi_buf *b = &r->scratch3;
  kgi_buf_clear(b);
  if (!curie)
    return; /* a copy that memory ran out for: the reading ends with KG_ENOMEM */
  if (!kgi_graph_expand_curie(b, r->in->g, curie))
    kgi_buf_puts(b, curie);
  kgi_term o = kgi_pgr_iri_term(kgi_buf_str(b));
  if (!b->oom)
    kgi_pgr_triple(r, s, KGI_RDF_TYPE, &o);
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
    n = kgi_pgr_items(c, text, NULL, &r->scratch);
    item = r->scratch.s;
    for (size_t i = 0; i < n; i++, item += strlen(item) + 1)
      if (c->kind == KG_VALUE_IRI) {
        kgi_term o = kgi_pgr_iri_term(item);
        kgi_pgr_triple(r, s, c->pred, &o);
      } else {
        kgi_pgr_literal(r, s, c->pred, item, c->lang, c->datatype);
      }
    return;
  case KGI_PGC_CLASS:
    if (!classes)
      class_triple(r, s, text);
    return;
  case KGI_PGC_CLASSES:
  case KGI_PGC_SAME_AS:
    n = kgi_pgr_items(c, text, " ", &r->scratch2);
    item = r->scratch2.s;
    for (size_t i = 0; i < n; i++, item += strlen(item) + 1) {
      kgi_term o = kgi_pgr_iri_term(item);
      if (c->role == KGI_PGC_CLASSES)
        class_triple(r, s, item);
      else
        kgi_pgr_triple(r, s, KGI_OWL_SAMEAS, &o);
    }
    return;
  case KGI_PGC_WIKIDATA:
    if (!same_as) {
      kgi_buf *b = &r->scratch3;
      kgi_buf_clear(b);
      kgi_buf_printf(b, "%s%s", KGI_WD, text);
      kgi_term o = kgi_pgr_iri_term(kgi_buf_str(b));
      kgi_pgr_triple(r, s, KGI_OWL_SAMEAS, &o);
    }
    return;
  case KGI_PGC_CITES: /* once every node is known (kgi_pgr_graph_end or the first edge) */
    if (kgi_grow((void **)&r->cites_of, &r->capcites, r->ncites + 2, sizeof *r->cites_of,
                 r->in->err)) {
      r->in->status = KG_ENOMEM;
      return;
    }
    r->cites_of[r->ncites] = kgi_strdup(term);
    r->cites_of[r->ncites + 1] = kgi_strdup(text);
    r->ncites += 2;
    if (!r->cites_of[r->ncites - 2] || !r->cites_of[r->ncites - 1])
      r->in->status = kgi_error_oom(r->in->err);
    return;
  default: return; /* derived, or not a node's */
  }
}

static void node_end(kgi_pgr *r) {
  kgi_pgelem *e = &r->el;
  if (e->id == KGI_PGR_NONE) {
    kgi_pgr_fail(r, KG_EDATA, "a node without an id");
    return;
  }
  const char *id = kgi_pgr_str(e, e->id), *term = NULL;
  for (size_t k = 0; r->own && k < e->ncells && !term; k++)
    if (r->cols[e->cells[k].col].role == KGI_PGC_IRI)
      term = kgi_pgr_str(e, e->cells[k].off);
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
    const char *text = kgi_pgr_str(e, e->cells[k].off);
    if (r->own)
      own_node_cell(r, &s, c, text, classes, same_as, term);
    else if (c->role == KGI_PGC_OTHER || c->role == KGI_PGC_LABEL)
      kgi_pgr_foreign_cell(r, &s, c, text);
  }
  if (!r->own)
    kgi_pgr_foreign_attributes(r, &s);
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
    kgi_pgr_triple(r, &s, KGI_PROV_DERIVED, &o);
  }
  for (size_t i = 0; i < r->ncites; i++)
    free(r->cites_of[i]);
  r->ncites = 0;
}

/* ---- edges ---- */

static const char *endpoint(kgi_pgr *r, size_t off, const char *which) {
  const kgi_pgelem *e = &r->el;
  if (off == KGI_PGR_NONE) {
    kgi_pgr_fail(r, KG_EDATA, "an edge without a %s", which);
    return NULL;
  }
  const char *t = node_of(r, kgi_pgr_str(e, off));
  if (!t)
    kgi_pgr_fail(r, KG_EDATA, "the edge's %s '%s' is no node declared before it", which,
                 kgi_pgr_str(e, off));
  return t;
}

/* The relation: kgexport's relation column; else GEXF's kind or a relation column, else the
 * edge's label (yEd's, Gephi's), as an IRI under the base; else dct:relation. */
static void edge_relation(kgi_pgr *r, kgi_buf *out) {
  kgi_pgelem *e = &r->el;
  const char *rel = NULL;
  for (size_t k = 0; k < e->ncells && !rel; k++)
    if (r->cols[e->cells[k].col].role == KGI_PGC_RELATION)
      rel = kgi_pgr_str(e, e->cells[k].off);
  if (!rel && !r->own && e->kind != KGI_PGR_NONE)
    rel = kgi_pgr_str(e, e->kind);
  if (!rel && !r->own && e->label != KGI_PGR_NONE) { /* a drawing's edge label names its relation */
    rel = kgi_pgr_str(e, e->label);
    r->el.label = KGI_PGR_NONE;
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
  if (!r->own && (e->label != KGI_PGR_NONE || e->start != KGI_PGR_NONE || e->end != KGI_PGR_NONE ||
                  e->weight != KGI_PGR_NONE))
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
  kgi_term s = node_term(src), o = node_term(tgt), p = kgi_pgr_iri_term(kgi_buf_str(&pred));
  if (!pred.oom)
    kgi_pgr_triple(r, &s, pred.s, &o);
  if (edge_has_statement(r) && !pred.oom && !r->in->status) {
    for (size_t k = 0; k < e->ncells && !stmt.len; k++)
      if (r->own && r->cols[e->cells[k].col].role == KGI_PGC_STATEMENT)
        kgi_buf_puts(&stmt, kgi_pgr_str(e, e->cells[k].off));
    if (!stmt.len) /* a statement of its own, folded into the edge */
      kgi_buf_printf(&stmt, "_:kgexport-edge-%zu", r->in->triples);
    kgi_term st = node_term(kgi_buf_str(&stmt)), cls = kgi_pgr_iri_term(KGI_RDF_STATEMENT);
    kgi_pgr_triple(r, &st, KGI_RDF_TYPE, &cls);
    kgi_pgr_triple(r, &st, KGI_RDF_SUBJECT, &s);
    kgi_pgr_triple(r, &st, KGI_RDF_PREDICATE, &p);
    kgi_pgr_triple(r, &st, KGI_RDF_OBJECT, &o);
    const char *cites = NULL;
    for (size_t k = 0; k < e->ncells && !r->in->status; k++) {
      const kgi_pgcol *c = &r->cols[e->cells[k].col];
      const char *text = kgi_pgr_str(e, e->cells[k].off);
      if (c->role == KGI_PGC_CITES)
        cites = text;
      else if (r->own)
        own_node_cell(r, &st, c, text, false, false, NULL); /* values: the same as a node's */
      else if (c->role == KGI_PGC_OTHER || c->role == KGI_PGC_LABEL)
        kgi_pgr_foreign_cell(r, &st, c, text);
    }
    if (!r->own)
      kgi_pgr_foreign_attributes(r, &st);
    const char *source = cites && !r->in->status ? node_of(r, cites) : NULL;
    if (cites && !source)
      kgi_pgr_fail(r, KG_EDATA, "the edge cites '%s', which is no node of the file", cites);
    if (source) {
      kgi_term so = node_term(source);
      kgi_pgr_triple(r, &st, KGI_PROV_DERIVED, &so);
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
