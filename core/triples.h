/*
 * core/triples.h — the model as RDF triples (docs/model.md), written once: every RDF writer
 * emits these triples and the stats count them. An edge with qualifiers or a source is
 * also described by a statement node (rdf:Statement with rdf:subject, rdf:predicate,
 * rdf:object, the qualifiers and prov:wasDerivedFrom); importers/fold.c is the inverse.
 */
#ifndef KGI_TRIPLES_H
#define KGI_TRIPLES_H

#include "model.h"

typedef enum kgi_rdf_kind { KGI_RDF_IRI, KGI_RDF_BLANK, KGI_RDF_LITERAL } kgi_rdf_kind;

/* The IRIs the mapping itself uses, so a writer can make each once and copy it. */
typedef enum kgi_rdf_wk {
  KGI_WK_NONE = 0,
  KGI_WK_TYPE,
  KGI_WK_STATEMENT,
  KGI_WK_SUBJECT,
  KGI_WK_PREDICATE,
  KGI_WK_OBJECT,
  KGI_WK_LABEL,
  KGI_WK_SAME_AS,
  KGI_WK_DERIVED,
  KGI_WK_COUNT
} kgi_rdf_wk;

/* The IRI of a well-known term. */
const char *kgi_rdf_wk_iri(kgi_rdf_wk wk);
/* The well-known term an IRI is, or KGI_WK_NONE. */
kgi_rdf_wk kgi_rdf_wk_of(const char *iri);

/* A term, borrowed for the duration of a callback. */
typedef struct kgi_rdf_term {
  kgi_rdf_kind kind;
  kgi_rdf_wk wk;         /* IRI: one of the mapping's own, else KGI_WK_NONE */
  const char *str;       /* IRI: the IRI; BLANK: the label (without "_:") */
  const kg_value *value; /* LITERAL */
} kgi_rdf_term;

/* A node as a term: its IRI, or its blank label. */
kgi_rdf_term kgi_node_term(const kg_node *n);

/* One triple; `graph` is the source the element cites (its named graph), or NULL. Return
 * false to stop. */
typedef bool (*kgi_triple_fn)(void *ctx, const kgi_rdf_term *s, const kgi_rdf_term *p,
                              const kgi_rdf_term *o, const kg_node *graph);

/* The triples of a node, then of an edge, in the order the RDF writers write them. The
 * statement IRI of an edge is composed in `scratch`. False when fn stopped, or on running
 * out of memory (scratch->oom). */
bool kgi_node_triples(const kg_node *n, kgi_triple_fn fn, void *ctx);
bool kgi_edge_triples(const kg_graph *g, const kg_edge *e, kgi_buf *scratch, kgi_triple_fn fn,
                      void *ctx);

/* Is an edge described by a statement node (it has qualifiers or a source)? */
bool kgi_edge_has_statement(const kg_edge *e);
/* The statement node's IRI: the input's own, else BASE "statement-" and a hash of the
 * triple (stable across runs); appended to b. */
void kgi_edge_statement_iri(kgi_buf *b, const kg_graph *g, const kg_edge *e);

/* How many triples a node, an edge, the graph map to (what the N-Triples export holds). */
size_t kgi_node_triple_count(const kg_node *n);
size_t kgi_edge_triple_count(const kg_edge *e);
size_t kgi_graph_triple_count(const kg_graph *g);

#endif /* KGI_TRIPLES_H */
