/*
 * Statements about edges (docs/model.md, "Edges, their qualifiers and their source"): an
 * rdf:Statement node that says nothing but which asserted edge it describes, its qualifiers
 * and its source is folded into that edge. The inverse of core/triples.c's statement node.
 */
#include "importer.h"

#include <stdlib.h>
#include <string.h>

typedef struct folding {
  kg_graph *g;
  const uint8_t *candidate; /* per node: has an rdf:subject */
  uint8_t *foldable;        /* per node: a candidate that is nothing but a statement */
  uint8_t *drop_node, *drop_edge;
  kg_error *err;
} folding;

static int by_src(const void *a, const void *b) {
  const kg_edge *x = *(kg_edge *const *)a, *y = *(kg_edge *const *)b;
  return x->src->index < y->src->index ? -1 : x->src->index > y->src->index;
}

/* A node that is nothing but an rdf:Statement (no label, no other class, not pointed at). */
static bool only_a_statement(const kg_node *n) {
  if (n->in_degree || n->nlabels || n->nsame)
    return false;
  for (uint32_t i = 0; i < n->nclasses; i++)
    if (strcmp(n->classes[i], KGI_RDF_STATEMENT) != 0)
      return false;
  return true;
}

/* The statement's rdf:subject and rdf:object edges and its rdf:predicate, each exactly once,
 * and no other edge that could not be a qualifier; false otherwise. */
static bool statement_parts(const kg_node *n, kg_edge **out, size_t nout, kg_edge **se,
                            kg_edge **oe, const char **p) {
  *se = *oe = NULL;
  *p = NULL;
  for (size_t i = 0; i < nout; i++) {
    const char *pr = out[i]->pred;
    if (strcmp(pr, KGI_RDF_SUBJECT) == 0) {
      if (*se)
        return false;
      *se = out[i];
    } else if (strcmp(pr, KGI_RDF_OBJECT) == 0) {
      if (*oe)
        return false;
      *oe = out[i];
    } else if (out[i]->tgt->blank || out[i]->nquals) {
      return false; /* an IRI qualifier must be an IRI */
    }
  }
  for (uint32_t i = 0; i < n->nprops; i++)
    if (strcmp(n->props[i].pred, KGI_RDF_PREDICATE) == 0 &&
        n->props[i].value.kind == KG_VALUE_IRI) {
      if (*p)
        return false;
      *p = n->props[i].value.lexical;
    }
  return *se && *oe && *p;
}

/* Fold statement node n into the edge it describes when it is nothing but that. */
static kg_status fold_one(folding *f, kg_node *n, kg_edge **out, size_t nout) {
  kg_edge *se, *oe;
  const char *p;
  if (!only_a_statement(n) || !statement_parts(n, out, nout, &se, &oe, &p))
    return KG_OK;
  kg_edge *e;
  kg_status found = kgi_graph_find_edge(&e, f->g, se->tgt, p, oe->tgt, f->err);
  if (found)
    return found;
  /* not asserted, or already described by another statement; an edge of a statement that
     folds itself is not described (a statement about a kept node's edge is) */
  if (!e || e->nquals || kgi_edge_stmt_iri(f->g, e) || f->foldable[e->src->index])
    return KG_OK;
  for (uint32_t i = 0; i < n->nprops; i++) {
    if (strcmp(n->props[i].pred, KGI_RDF_PREDICATE) == 0)
      continue;
    kg_status st = kg_edge_add_qualifier(f->g, e, n->props[i].pred, &n->props[i].value, f->err);
    if (st)
      return st;
  }
  for (size_t i = 0; i < nout; i++) {
    if (out[i] != se && out[i] != oe) {
      kg_value v = {KG_VALUE_IRI, out[i]->tgt->iri, NULL, NULL};
      kg_status st = kg_edge_add_qualifier(f->g, e, out[i]->pred, &v, f->err);
      if (st)
        return st;
    }
    f->drop_edge[out[i]->index] = 1;
  }
  e->source = n->source;
  f->drop_node[n->index] = 1;
  return n->iri ? kgi_edge_set_stmt_iri(f->g, e, n->iri, f->err) : KG_OK;
}

kg_status kgi_fold_statements(kg_graph *g, const uint8_t *candidate, uint8_t *drop_node,
                              uint8_t *drop_edge, kg_error *err) {
  folding f = {g, candidate, NULL, drop_node, drop_edge, err};
  size_t count = 0;
  for (size_t i = 0; i < g->nedges; i++)
    count += candidate[g->edges[i]->src->index];
  if (!count)
    return KG_OK;
  kg_edge **list = kgi_malloc(count * sizeof *list);
  if (!list)
    return kgi_error_oom(err);
  size_t k = 0;
  for (size_t i = 0; i < g->nedges; i++)
    if (candidate[g->edges[i]->src->index])
      list[k++] = g->edges[i];
  qsort(list, count, sizeof *list, by_src);
  /* first, which candidates are statements that fold: a statement about the edge of one of
     them is a statement about a statement's part, left as it is */
  if (!(f.foldable = kgi_calloc(g->nnodes ? g->nnodes : 1, 1))) {
    free(list);
    return kgi_error_oom(err);
  }
  for (size_t i = 0; i < count;) {
    size_t j = i;
    while (j < count && list[j]->src == list[i]->src)
      j++;
    kg_edge *se, *oe;
    const char *p;
    const kg_node *n = list[i]->src;
    f.foldable[n->index] = only_a_statement(n) && statement_parts(n, list + i, j - i, &se, &oe, &p);
    i = j;
  }
  kg_status st = KG_OK;
  for (size_t i = 0; i < count && !st;) {
    size_t j = i;
    while (j < count && list[j]->src == list[i]->src)
      j++;
    st = fold_one(&f, list[i]->src, list + i, j - i);
    i = j;
  }
  free(list);
  free(f.foldable);
  return st;
}
