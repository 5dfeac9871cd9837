/*
 * core/model.h — the model's inside: nodes, edges and the graph, for the modules that read
 * or build a graph directly (importers, exporters, the vocabulary's filter). Ownership is the
 * public header's: a graph owns everything in it.
 */
#ifndef KGI_MODEL_H
#define KGI_MODEL_H

#include "text.h"

/* Per-element arrays up to this many bytes live in the graph's blocks (kgi_array_grow). */
#define KGI_ARRAY_SMALL 1024

typedef struct kgi_label {
  const char *text;
  const char *lang; /* "" when untagged; lower case */
} kgi_label;

typedef struct kgi_prop {
  const char *pred; /* interned IRI */
  kg_value value;   /* strings interned */
} kgi_prop;

/* 104 bytes. The arrays' capacities are their counts up to a power of two (kgi_array_grow). */
struct kg_node {
  uint32_t index; /* position in the graph's node order */
  bool blank;     /* a blank node: id is "_:name", no IRI */
  uint32_t nclasses, nlabels, nprops, nsame, nimplied;
  uint32_t in_degree, out_degree;
  const char *id;  /* the end of iri when under the base, else iri itself; "_:name" if blank */
  const char *iri; /* NULL for blank nodes */
  const char **classes;
  kgi_label *labels;
  kgi_prop *props;
  const char **same_as;
  /* classes the node has through a typing property rather than rdf:type (a Wikidata
   * "wdt:P31 wd:Q5"): styled and filtered as classes, never written as rdf:type (the edge
   * that says it is kept and written as it came) */
  const char **implied;
  kg_node *source;
};

/* 48 bytes: a graph holds millions. What few edges have lives elsewhere: the statement
 * node's IRI, when the input named it, in the graph's stmt_iris (kgi_edge_stmt_iri). */
struct kg_edge {
  uint32_t index;
  uint32_t nquals; /* quals has room for nquals rounded up to a power of two */
  kg_node *src, *tgt;
  const char *pred;
  kgi_prop *quals;
  kg_node *source;
};

struct kg_graph {
  kgi_pool pool;
  const char *base;
  const char *title;    /* what the graph is called (a source's title, the file name), or NULL */
  kgi_prefix *prefixes; /* the input's own prefixes, in the order declared (strings interned) */
  size_t nprefixes, capprefixes;
  kg_node **nodes; /* node order; each node is its own slot in a chunk */
  size_t nnodes, capnodes;
  kg_edge **edges;
  size_t nedges, capedges;
  kgi_index node_ix;    /* hash(id) -> node index */
  kgi_index edge_ix;    /* hash(src, pred, tgt) -> edge index */
  kgi_index elem_ix;    /* hash(array field, item) -> position, for long per-element arrays */
  bool edge_ix_dropped; /* by kgi_graph_compact; made again when an edge is added or sought */
  kgi_ptrmap term_ix;   /* interned IRIs kgi_graph_term accepted */
  kgi_ptrmap stmt_iris; /* edge -> its statement node's IRI (interned), when the input named it */
  /* chunked storage so node and edge pointers stay valid while the graph grows */
  void **blocks;
  size_t nblocks, capblocks;
  char *block_cur;
  size_t block_left;
  kgi_reserve reserve; /* its big blocks and the pool's, made ahead by a reader's thread */
  void *array_free[KGI_ARRAY_SMALL / 8 + 1]; /* arrays given up in the blocks, by 8 bytes */
  size_t big_arrays;                         /* arrays that are malloc's (kgi_array_grow) */
};

/*
 * Per-element arrays (a node's classes, labels, values, external ids; an edge's qualifiers)
 * hold n items and room for n up to a power of two. Up to KGI_ARRAY_SMALL bytes they live in
 * the graph's blocks, and one given up waits in a list by its size for the next array of that
 * size: no allocator header per array, and freeing the graph frees the blocks alone. Larger
 * ones are malloc's. (A sanitizer build is told where each array is; see KGI_POISON.)
 * Give *items room for n + 1 items of `size` (moving them when it must).
 */
kg_status kgi_array_grow(kg_graph *g, void **items, uint32_t n, size_t size, kg_error *err);

/*
 * The vocabulary's check of a term of kgexport's own namespace (ontology/vocab.c): KG_EDATA
 * for one the ontology does not define, with the closest one as a suggestion. Every add
 * function asks it, so the API refuses what the readers refuse. A weak reference: the core
 * links, and its unit tests run, without the vocabulary layer (nothing is checked then); the
 * library defines it whenever it holds the vocabulary, which every import and export uses.
 */
kg_status kgi_vocab_check_term(const char *iri, kg_error *err) __attribute__((weak));

static inline kg_status kgi_check_term(const char *iri, kg_error *err) {
  return kgi_vocab_check_term ? kgi_vocab_check_term(iri, err) : KG_OK;
}

/* The IRI of a relation, a class or a property, interned in *out: checked (characters
 * RFC 3987 allows, absolute, kgi_check_term) the first time the graph meets it, then found
 * among those checked, since an import meets the same few millions of times. `what` names it
 * in the message of a malformed one ("relation", "class"). */
kg_status kgi_graph_term(kg_graph *g, const char *iri, const char *what, const char **out,
                         kg_error *err);

/* The hash a node id or IRI is filed under in the node index (as kg_graph_add_node takes
 * it): a reader that computes it ahead lets the mapping prefetch the index's slot, a cache
 * miss on every lookup of a large graph. kgi_graph_node_hash reads only g->base. */
uint64_t kgi_graph_node_hash(const kg_graph *g, const char *id);
/* Prefetch stage 0: the index slot; 1, 2, 3: through a guess of the slot (kgi_index_peek),
 * the node's entry in nodes[], the node, its id. Each stage reads what the one before
 * brought in, so they go a few lookups apart. Only on the thread that changes the graph. */
void kgi_graph_prefetch_node(const kg_graph *g, uint64_t hash, int stage);
/* kg_graph_add_node with the id's kgi_graph_node_hash. */
kg_status kgi_graph_add_node_hashed(kg_node **out, kg_graph *g, const char *id, uint64_t hash,
                                    kg_error *err);

/* A class the node has through a typing property (see kg_node.implied). */
kg_status kgi_node_add_implied_class(kg_graph *g, kg_node *n, const char *class_iri, kg_error *err);

/* Note a prefix the input declared ("ex" for "http://example.com/people/"); a prefix
 * declared again takes its new namespace. */
kg_status kgi_graph_add_prefix(kg_graph *g, const char *prefix, const char *ns, kg_error *err);
/* The CURIE of an IRI with the graph's own prefixes, else the well-known ones (the longest
 * namespace that matches), appended to b; false (nothing appended) when none matches. */
bool kgi_graph_put_curie(kgi_buf *b, const kg_graph *g, const char *iri);
/* The IRI a CURIE stands for ("ex:alice"), with the same prefixes; false when its prefix is
 * unknown. */
bool kgi_graph_expand_curie(kgi_buf *b, const kg_graph *g, const char *curie);

/* Add a value with its strings interned and its lexical form canonicalised. */
kg_status kgi_graph_intern_value(kg_graph *g, kg_value *out, const kg_value *in, kg_error *err);
/* Drop the nodes and edges marked in drop_node / drop_edge (by index; an edge at a dropped
 * node goes too) and renumber the rest (O(n)). On failure (memory) the graph is unchanged. */
kg_status kgi_graph_compact(kg_graph *g, const uint8_t *drop_node, const uint8_t *drop_edge,
                            kg_error *err);
/* Give node ids relative to a new base, and index them again (after compaction, so that
 * only the nodes kept are hashed). */
kg_status kgi_graph_rebase(kg_graph *g, const char *base, kg_error *err);
kg_status kgi_graph_add_blank(kg_node **out, kg_graph *g, const char *label, kg_error *err);
/* *out: the edge, or NULL when there is none. Fails only when memory runs out. */
kg_status kgi_graph_find_edge(kg_edge **out, kg_graph *g, const kg_node *src, const char *pred,
                              const kg_node *tgt, kg_error *err);
/* The IRI the input gave the statement node an edge was folded from, or NULL (then the
 * statement's IRI is made from the triple: kgi_edge_statement_iri). */
const char *kgi_edge_stmt_iri(const kg_graph *g, const kg_edge *e);
/* Set it: iri interned in g's pool. */
kg_status kgi_edge_set_stmt_iri(kg_graph *g, const kg_edge *e, const char *iri, kg_error *err);
/* Node id for an IRI: relative to the base when under it. */
const char *kgi_graph_id_for_iri(const kg_graph *g, const char *iri);

#endif /* KGI_MODEL_H */
