/*
 * ontology/vocab.h — the vocabulary as a service: which kg: terms exist, their labels and
 * parents (read from ontology/kgexport.ttl, embedded), what dates an element, and the
 * filter that selects by class and date. Asked by the importers, the presentation and the
 * exporters; knows no format.
 */
#ifndef KGI_VOCAB_H
#define KGI_VOCAB_H

#include "model.h"

/* ---- the vocabulary (ontology/vocab.c) ---- */

/* Load the embedded ontology once (not thread-safe on first call). */
kg_status kgi_vocab_load(kg_error *err);
/* Is this IRI (under KG_NS) a term the ontology defines? */
bool kgi_vocab_defines(const char *iri);
/* The first rdfs:subClassOf parent of a kg: class that is also a kg: class, or NULL. */
const char *kgi_vocab_parent(const char *class_iri);
/*
 * How far up subClassOf a class is followed. The ontology's tree is four deep; the bound
 * only ends a walk through a cycle, which an ontology may hold (a ⊑ b ⊑ a).
 */
enum { KGI_VOCAB_DEPTH_MAX = 32 };
/* Is class c, or one of its ancestors, the class `wanted`? */
bool kgi_vocab_is_a(const char *c, const char *wanted);
/* English rdfs:label of a term, or NULL. */
const char *kgi_vocab_label(const char *iri);

/* ---- time (core/time.c) ---- */

/*
 * The period an element covers on a timeline, as full dates (or dateTimes): a node (an
 * event, a quote) lives for the period its date covers ("2026-04" -> 2026-04-01 .. 2026-04-30);
 * an edge with a start date qualifier (an office held since October 2025) from then on, and
 * `end` is then "" (unbounded). False when the element is undated.
 */
bool kgi_node_interval(const kg_node *n, char *start, char *end, size_t size);
bool kgi_edge_interval(const kg_edge *e, char *start, char *end, size_t size);

/* ---- raptor worlds (ontology/raptor_world.c) ---- */

typedef struct raptor_world_s raptor_world;
/* An opened raptor world from the pool (see raptor_world.c for why worlds are never
 * freed); NULL when raptor cannot start. Its user sets its own handlers. */
raptor_world *kgi_raptor_world_get(void);
/* Give it back (handlers cleared) for the next user. Accepts NULL. */
void kgi_raptor_world_put(raptor_world *w);

/* Does pred name a node (a sub-property of rdfs:label: foaf:name, schema:name, ...)? */
bool kgi_vocab_names(const char *pred);
/* Does pred type its subject by its object (a sub-property of rdf:type: wdt:P31)? */
bool kgi_vocab_types(const char *pred);

extern const char kgi_alignments_ttl[];
extern const size_t kgi_alignments_ttl_len;
extern const char kgi_ontology_ttl[];
extern const size_t kgi_ontology_ttl_len;

#endif /* KGI_VOCAB_H */
