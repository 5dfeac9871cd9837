/* Library-internal declarations shared by core/, importers/, exporters/ and ontology/. */
#ifndef KGI_H
#define KGI_H

#include "kgexport.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#define KGI_UNUSED(x) ((void)(x))
#if defined(__GNUC__)
#define KGI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define KGI_PRINTF(a, b)
#endif

/* ---- errors (core/error.c) ---- */

/* Set err (first error wins: a filled err is left alone) and return st. */
kg_status kgi_error_set(kg_error *err, kg_status st, const char *fmt, ...) KGI_PRINTF(3, 4);
kg_status kgi_error_oom(kg_error *err);

/* ---- memory ---- */

void *kgi_malloc(size_t n);
void *kgi_calloc(size_t n, size_t size);
/* Memory for large tables and arenas (hash indexes, node and string storage), freed with
 * free(): from 2 MB on, on Linux, in 2 MB pages where transparent huge pages are enabled for
 * madvise, which saves a page fault per 4 KB on filling and most TLB misses on random probes. */
void *kgi_malloc_big(size_t bytes);
void *kgi_calloc_big(size_t n, size_t size); /* zeroed */
/* realloc of an array of `n` items of `size`, overflow-checked; NULL on failure. */
void *kgi_reallocarray(void *p, size_t n, size_t size);
/* Grow *items so that it holds at least `need` items; *cap is updated. */
kg_status kgi_grow(void **items, size_t *cap, size_t need, size_t size, kg_error *err);

/* ---- hashing and the index (core/index.c) ---- */

uint64_t kgi_hash_bytes(const void *data, size_t len, uint64_t seed);
static inline uint64_t kgi_hash_str(const char *s, uint64_t seed) {
  uint64_t h = seed ^ 14695981039346656037ULL;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}
static inline uint64_t kgi_hash_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

/*
 * An open-addressing hash index from a 64-bit hash to a uint32 value. It stores no keys:
 * the caller compares candidates (values with the same hash) against its own storage.
 */
typedef struct kgi_index {
  uint64_t *hashes; /* 0 marks an empty slot (a hash of 0 is stored as 1) */
  uint32_t *values;
  size_t cap, count;
} kgi_index;

typedef bool (*kgi_index_eq)(void *ctx, uint32_t value);

void kgi_index_dispose(kgi_index *ix);
/* The value whose hash matches and for which eq() says yes, or NULL. */
uint32_t *kgi_index_find(const kgi_index *ix, uint64_t hash, kgi_index_eq eq, void *ctx);
/* The same for an index whose "hashes" are the keys themselves (e.g. interned pointers):
 * no call to eq() in the common case, as a matching hash is a matching key. */
uint32_t *kgi_index_find_key(const kgi_index *ix, uint64_t key, kgi_index_eq eq, void *ctx);
kg_status kgi_index_put(kgi_index *ix, uint64_t hash, uint32_t value, kg_error *err);
void kgi_index_clear(kgi_index *ix);

/* ---- string pool (core/pool.c): interned strings, freed with the pool ---- */

typedef struct kgi_pool_chunk kgi_pool_chunk;
typedef struct kgi_pool {
  kgi_pool_chunk *chunks;
  size_t nchunks;
  const char **strs; /* every interned string, by number */
  size_t nstrs, capstrs;
  kgi_index index;
} kgi_pool;

void kgi_pool_init(kgi_pool *p);
void kgi_pool_dispose(kgi_pool *p);
/* Interned copy of s[0..len): equal strings get the same pointer. NULL on OOM. */
const char *kgi_pool_intern_len(kgi_pool *p, const char *s, size_t len);
const char *kgi_pool_intern(kgi_pool *p, const char *s);
/* The interned copy of s, or NULL when s was never interned (adds nothing). */
const char *kgi_pool_lookup(const kgi_pool *p, const char *s);

/* ---- the model (core/graph.c) ---- */

typedef struct kgi_label {
  const char *text;
  const char *lang; /* "" when untagged; lower case */
} kgi_label;

typedef struct kgi_prop {
  const char *pred; /* interned IRI */
  kg_value value;   /* strings interned */
} kgi_prop;

struct kg_node {
  uint32_t index;      /* position in the graph's node order */
  bool dead;           /* removed during import (e.g. a statement folded into an edge) */
  bool blank;          /* a blank node: id is "_:name", no IRI */
  bool stmt_candidate; /* import: has an rdf:subject, may be a statement about an edge */
  const char *id;
  const char *iri; /* NULL for blank nodes */
  const char **classes;
  kgi_label *labels;
  kgi_prop *props;
  const char **same_as;
  uint32_t nclasses, capclasses, nlabels, caplabels, nprops, capprops, nsame, capsame;
  kg_node *source;
  uint32_t in_degree, out_degree;
};

struct kg_edge {
  uint32_t index;
  bool dead;
  kg_node *src, *tgt;
  const char *pred;
  kgi_prop *quals;
  uint32_t nquals, capquals;
  kg_node *source;
  const char *stmt_iri; /* the statement node's IRI when the input named it, else NULL */
};

struct kg_graph {
  kgi_pool pool;
  const char *base;
  kg_node **nodes; /* node order; each node is its own slot in a chunk */
  size_t nnodes, capnodes;
  kg_edge **edges;
  size_t nedges, capedges;
  kgi_index node_ix; /* hash(id) -> node index */
  kgi_index edge_ix; /* hash(src, pred, tgt) -> edge index */
  /* chunked storage so node and edge pointers stay valid while the graph grows */
  void **blocks;
  size_t nblocks, capblocks;
  char *block_cur;
  size_t block_left;
};

/* Add a value with its strings interned and its lexical form canonicalised. */
kg_status kgi_graph_intern_value(kg_graph *g, kg_value *out, const kg_value *in, kg_error *err);
/* Drop nodes and edges marked dead and renumber the rest (O(n)). */
kg_status kgi_graph_compact(kg_graph *g, kg_error *err);
/* Give node ids relative to a new base (before compaction, which re-indexes them). */
kg_status kgi_graph_rebase(kg_graph *g, const char *base, kg_error *err);
kg_status kgi_graph_add_blank(kg_node **out, kg_graph *g, const char *label, kg_error *err);
kg_edge *kgi_graph_find_edge(const kg_graph *g, const kg_node *src, const char *pred,
                             const kg_node *tgt);
/* Node id for an IRI: relative to the base when under it. */
const char *kgi_graph_id_for_iri(const kg_graph *g, const char *iri);

/* ---- values (core/value.c) ---- */

/* Decode the code point at s (at most len bytes): its length, or 0 when malformed. */
size_t kgi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
bool kgi_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* A code point that XML 1.0 forbids (C0 controls but TAB LF CR, U+FFFE, U+FFFF, surrogates). */
bool kgi_xml_char_ok(uint32_t cp);
/* First offset of an XML-forbidden character in valid UTF-8 text, or (size_t)-1. */
size_t kgi_find_xml_illegal(const char *s, size_t len);
/* 1 for the bytes an IRI may not hold as written: C0 controls, space and <>"{}|\^` */
extern const unsigned char kgi_iri_bad[256];
/* Lower-case copy check of a BCP 47 tag; false when malformed. */
bool kgi_lang_valid(const char *tag);
/* The kind for an XSD datatype IRI (KG_VALUE_TYPED when not one of ours). */
kg_value_kind kgi_kind_for_datatype(const char *dt_iri);

/* ---- well-known IRIs ---- */

#define KGI_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define KGI_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define KGI_XSD "http://www.w3.org/2001/XMLSchema#"
#define KGI_OWL "http://www.w3.org/2002/07/owl#"
#define KGI_PROV "http://www.w3.org/ns/prov#"
#define KGI_SCHEMA "http://schema.org/"
#define KGI_WD "http://www.wikidata.org/entity/"

#define KGI_RDF_TYPE KGI_RDF "type"
#define KGI_RDF_STATEMENT KGI_RDF "Statement"
#define KGI_RDF_SUBJECT KGI_RDF "subject"
#define KGI_RDF_PREDICATE KGI_RDF "predicate"
#define KGI_RDF_OBJECT KGI_RDF "object"
#define KGI_RDF_LANGSTRING KGI_RDF "langString"
#define KGI_RDFS_LABEL KGI_RDFS "label"
#define KGI_OWL_SAMEAS KGI_OWL "sameAs"
#define KGI_PROV_DERIVED KGI_PROV "wasDerivedFrom"

/* Prefixes every exporter may use to shorten IRIs (NULL-terminated). */
typedef struct kgi_prefix {
  const char *prefix;
  const char *ns;
} kgi_prefix;
extern const kgi_prefix kgi_prefixes[];
/* "schema:startDate" style name into buf when a prefix matches, else the IRI. */
const char *kgi_curie(char *buf, size_t size, const char *iri);
/* The part of an IRI after the last '#', '/' or ':'. */
const char *kgi_local_name(const char *iri);

/* ---- output (core/sink.c) ---- */

typedef struct kgi_sink {
  FILE *fp;
  char *tmp_path;
  char *final_path;
} kgi_sink;

kg_status kgi_sink_open(kgi_sink *s, const char *path, kg_error *err);
/* Flush, check, close and rename: the file appears complete or not at all. */
kg_status kgi_sink_commit(kgi_sink *s, kg_error *err);
/* Close and remove the temporary file (safe after a failed commit, accepts an unopened sink). */
void kgi_sink_abort(kgi_sink *s);

/* ---- exporters (one file each in exporters/, the table in core/registry.c) ---- */

typedef struct kgi_exporter {
  const char *name;
  const char *extension;
  const char *description;
  /* Write all of g to out. Never opens, closes or renames files. */
  kg_status (*write)(const kg_graph *g, FILE *out, kg_error *err);
} kgi_exporter;

extern const kgi_exporter kgi_exporter_turtle;
extern const kgi_exporter kgi_exporter_ntriples;
extern const kgi_exporter kgi_exporter_nquads;
extern const kgi_exporter kgi_exporter_rdfxml;
extern const kgi_exporter kgi_exporter_graphml;
extern const kgi_exporter kgi_exporter_gexf;
extern const kgi_exporter kgi_exporter_dot;
extern const kgi_exporter kgi_exporter_png;
extern const kgi_exporter kgi_exporter_svg;
extern const kgi_exporter kgi_exporter_pdf;

const kgi_exporter *kgi_exporter_find(const char *name);

/* RDF mapping shared by the RDF exporters and the triple count (exporters/rdf_map.c). */
/* Statement-node IRI of an edge (deterministic): into buf. */
const char *kgi_edge_statement_iri(char *buf, size_t size, const kg_graph *g, const kg_edge *e);
bool kgi_edge_has_statement(const kg_edge *e);
size_t kgi_graph_triple_count(const kg_graph *g);

/* ---- time (core/time.c) ---- */

/*
 * The period an element covers on a timeline, as full dates (or dateTimes): a node (an
 * event, a quote) lives for the period its date covers ("2026-04" -> 2026-04-01 .. 2026-04-30);
 * an edge with a start date qualifier (an office held since October 2025) from then on, and
 * `end` is then "" (unbounded). False when the element is undated.
 */
bool kgi_node_interval(const kg_node *n, char *start, char *end, size_t size);
bool kgi_edge_interval(const kg_edge *e, char *start, char *end, size_t size);

/* ---- styles by class (core/style.c) ---- */

typedef struct kgi_style {
  const char *cls;       /* kg: class local name; NULL for "other" */
  const char *legend;    /* label in a legend */
  const char *fill;      /* "#rrggbb" */
  const char *shape;     /* Graphviz shape */
  const char *viz_shape; /* GEXF viz:shape */
} kgi_style;

/* The style of a node's first styled class (walking up subClassOf); never NULL. */
const kgi_style *kgi_style_for(const kg_node *n);
size_t kgi_style_count(void);
const kgi_style *kgi_style_at(size_t i);
void kgi_style_rgb(const kgi_style *s, int rgb[3]);

/* ---- the vocabulary (ontology/vocab.c) ---- */

/* Load the embedded ontology once (not thread-safe on first call). */
kg_status kgi_vocab_load(kg_error *err);
/* Is this IRI (under KG_NS) a term the ontology defines? */
bool kgi_vocab_defines(const char *iri);
/* The first rdfs:subClassOf parent of a kg: class that is also a kg: class, or NULL. */
const char *kgi_vocab_parent(const char *class_iri);
/* English rdfs:label of a term, or NULL. */
const char *kgi_vocab_label(const char *iri);

/* Embedded files (generated at build time). */
extern const char kgi_story_ttl[];
extern const size_t kgi_story_ttl_len;
extern const char kgi_ontology_ttl[];
extern const size_t kgi_ontology_ttl_len;

#endif /* KGI_H */
