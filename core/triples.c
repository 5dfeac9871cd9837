/* The model as RDF triples (see triples.h). */
#include "triples.h"

#include <string.h>

static const char *const wk_iris[KGI_WK_COUNT] = {
    [KGI_WK_TYPE] = KGI_RDF_TYPE,       [KGI_WK_STATEMENT] = KGI_RDF_STATEMENT,
    [KGI_WK_SUBJECT] = KGI_RDF_SUBJECT, [KGI_WK_PREDICATE] = KGI_RDF_PREDICATE,
    [KGI_WK_OBJECT] = KGI_RDF_OBJECT,   [KGI_WK_LABEL] = KGI_RDFS_LABEL,
    [KGI_WK_SAME_AS] = KGI_OWL_SAMEAS,  [KGI_WK_DERIVED] = KGI_PROV_DERIVED,
};

const char *kgi_rdf_wk_iri(kgi_rdf_wk wk) { return wk < KGI_WK_COUNT ? wk_iris[wk] : NULL; }

kgi_rdf_wk kgi_rdf_wk_of(const char *iri) {
  for (int w = KGI_WK_NONE + 1; w < KGI_WK_COUNT; w++)
    if (strcmp(iri, wk_iris[w]) == 0)
      return (kgi_rdf_wk)w;
  return KGI_WK_NONE;
}

static kgi_rdf_term wk(kgi_rdf_wk w) { return (kgi_rdf_term){KGI_RDF_IRI, w, wk_iris[w], NULL}; }
static kgi_rdf_term iri(const char *s) { return (kgi_rdf_term){KGI_RDF_IRI, KGI_WK_NONE, s, NULL}; }

kgi_rdf_term kgi_node_term(const kg_node *n) {
  if (n->blank)
    return (kgi_rdf_term){KGI_RDF_BLANK, KGI_WK_NONE, n->id + 2, NULL};
  return iri(n->iri);
}

/* A value: an IRI value is an IRI term, anything else a literal. */
static kgi_rdf_term value_term(const kg_value *v) {
  if (v->kind == KG_VALUE_IRI)
    return iri(v->lexical);
  return (kgi_rdf_term){KGI_RDF_LITERAL, KGI_WK_NONE, NULL, v};
}

bool kgi_node_triples(const kg_node *n, kgi_triple_fn fn, void *ctx) {
  const kg_node *graph = n->source;
  kgi_rdf_term s = kgi_node_term(n), p, o;
  p = wk(KGI_WK_TYPE);
  for (uint32_t i = 0; i < n->nclasses; i++)
    if (o = iri(n->classes[i]), !fn(ctx, &s, &p, &o, graph))
      return false;
  p = wk(KGI_WK_LABEL);
  for (uint32_t i = 0; i < n->nlabels; i++) {
    kg_value v = {*n->labels[i].lang ? KG_VALUE_LANGSTRING : KG_VALUE_STRING, n->labels[i].text,
                  n->labels[i].lang, NULL};
    if (o = value_term(&v), !fn(ctx, &s, &p, &o, graph))
      return false;
  }
  for (uint32_t i = 0; i < n->nprops; i++) {
    p = iri(n->props[i].pred);
    if (o = value_term(&n->props[i].value), !fn(ctx, &s, &p, &o, graph))
      return false;
  }
  p = wk(KGI_WK_SAME_AS);
  for (uint32_t i = 0; i < n->nsame; i++)
    if (o = iri(n->same_as[i]), !fn(ctx, &s, &p, &o, graph))
      return false;
  p = wk(KGI_WK_DERIVED);
  if (n->source && (o = kgi_node_term(n->source), !fn(ctx, &s, &p, &o, graph)))
    return false;
  return true;
}

bool kgi_edge_has_statement(const kg_edge *e) { return e->nquals || e->source; }

void kgi_edge_statement_iri(kgi_buf *b, const kg_graph *g, const kg_edge *e) {
  const char *named = kgi_edge_stmt_iri(g, e);
  if (named) {
    kgi_buf_puts(b, named);
    return;
  }
  /* stable across runs: a hash of the triple's three terms */
  uint64_t h = kgi_hash_fnv(e->src->iri ? e->src->iri : e->src->id, 0);
  h = kgi_hash_fnv(e->pred, h);
  h = kgi_hash_fnv(e->tgt->iri ? e->tgt->iri : e->tgt->id, h);
  kgi_buf_printf(b, "%sstatement-%016llx", g->base, (unsigned long long)h);
}

bool kgi_edge_triples(const kg_graph *g, const kg_edge *e, kgi_buf *scratch, kgi_triple_fn fn,
                      void *ctx) {
  const kg_node *graph = e->source;
  kgi_rdf_term s = kgi_node_term(e->src), p = iri(e->pred), o = kgi_node_term(e->tgt);
  if (!fn(ctx, &s, &p, &o, graph))
    return false;
  if (!kgi_edge_has_statement(e))
    return true;
  kgi_buf_clear(scratch);
  kgi_edge_statement_iri(scratch, g, e);
  if (scratch->oom)
    return false;
  kgi_rdf_term st = iri(scratch->s), q;
  if ((p = wk(KGI_WK_TYPE), q = wk(KGI_WK_STATEMENT), !fn(ctx, &st, &p, &q, graph)) ||
      (p = wk(KGI_WK_SUBJECT), q = kgi_node_term(e->src), !fn(ctx, &st, &p, &q, graph)) ||
      (p = wk(KGI_WK_PREDICATE), q = iri(e->pred), !fn(ctx, &st, &p, &q, graph)) ||
      (p = wk(KGI_WK_OBJECT), q = kgi_node_term(e->tgt), !fn(ctx, &st, &p, &q, graph)))
    return false;
  for (uint32_t i = 0; i < e->nquals; i++) {
    p = iri(e->quals[i].pred);
    if (q = value_term(&e->quals[i].value), !fn(ctx, &st, &p, &q, graph))
      return false;
  }
  p = wk(KGI_WK_DERIVED);
  if (e->source && (q = kgi_node_term(e->source), !fn(ctx, &st, &p, &q, graph)))
    return false;
  return true;
}

/* What kgi_node_triples and kgi_edge_triples emit, counted without making any term (the
 * statement IRI is a hash and a printf): tests/consumers/rapper.sh holds the count against
 * the triples rapper reads from every RDF export. */
size_t kgi_node_triple_count(const kg_node *n) {
  return (size_t)n->nclasses + n->nlabels + n->nprops + n->nsame + (n->source != NULL);
}

size_t kgi_edge_triple_count(const kg_edge *e) {
  if (!kgi_edge_has_statement(e))
    return 1;
  return 1 + 4 + (size_t)e->nquals + (e->source != NULL);
}

size_t kgi_graph_triple_count(const kg_graph *g) {
  size_t t = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    t += kgi_node_triple_count(g->nodes[i]);
  for (size_t i = 0; i < g->nedges; i++)
    t += kgi_edge_triple_count(g->edges[i]);
  return t;
}

/* The counts of the stats are the RDF mapping's: they live with it. */
void kg_graph_stats(const kg_graph *g, kg_stats *out) {
  out->nodes = g->nnodes;
  out->edges = g->nedges;
  out->triples = kgi_graph_triple_count(g);
}
