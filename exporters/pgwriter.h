/*
 * exporters/pgwriter.h — what the two property-graph writers (GraphML, GEXF) share: an XML
 * writer on libxml2's output buffer, its escaping, its sticky error, node and edge openings, and
 * the grouping of an element's labels and values by column. Each format says how one column's
 * values are written (a kgi_pg_put); everything else is written once, here.
 */
#ifndef KGI_PGWRITER_H
#define KGI_PGWRITER_H

#include "columns.h"

#include <stdio.h>

struct _xmlError;
struct _xmlOutputBuffer;

enum { KGI_PG_DEPTH_MAX = 16 }; /* GraphML and GEXF nest 6 deep at most */

typedef struct kgi_pg {
  const kg_graph *g;
  struct _xmlOutputBuffer *out; /* libxml2's output buffer on the stream */
  char *block;                  /* XML composed, handed to `out` a block at a time */
  size_t len;
  const char *names[KGI_PG_DEPTH_MAX], *prefixes[KGI_PG_DEPTH_MAX]; /* the open elements */
  size_t depth;
  bool open_tag;   /* the innermost start tag takes attributes still */
  bool indent_end; /* the next end tag goes on a line of its own */
  kgi_columns cols;
  const char *format; /* "GraphML", "GEXF": names the format in messages */
  kg_error *err;
  kg_status st;    /* the first failure; every call below is a no-op once it is set */
  kgi_buf scratch; /* text composed by the functions below */
  kgi_buf text;    /* text composed by a format's element writers (a relation's label) */
  kgi_buf *mem;    /* when set, the XML goes here instead of to `out` (a part of the
                      elements composed on a second thread, see kgi_pg_elements) */
  /* this thread's libxml2 error handler while the writer runs (restored by close): libxml2
     would print its I/O errors; the export's own message says what failed */
  void (*old_handler)(void *, struct _xmlError *);
  void *old_handler_ctx;
  bool handler_set;
} kgi_pg;

/* The columns of g and an indenting XML writer on out (not closed by kgi_pg_close). */
kg_status kgi_pg_open(kgi_pg *pg, const kg_graph *g, FILE *out, const char *format,
                      const kgi_fixed_column *fixed, size_t nfixed, kg_error *err);
/* Flush and free; returns the first failure (or KG_OK). */
kg_status kgi_pg_close(kgi_pg *pg);

void kgi_pg_start(kgi_pg *pg, const char *name);
/* An element in a declared namespace prefix ("viz", "color"). */
void kgi_pg_start_ns(kgi_pg *pg, const char *prefix, const char *name);
void kgi_pg_end(kgi_pg *pg);
void kgi_pg_attr(kgi_pg *pg, const char *name, const char *value);
void kgi_pg_text(kgi_pg *pg, const char *text);
/* <name>text</name> */
void kgi_pg_element(kgi_pg *pg, const char *name, const char *text);
void kgi_pg_document_start(kgi_pg *pg, const char *root);
void kgi_pg_document_end(kgi_pg *pg);

/*
 * Elements 0 … n-1 of one kind, each written by each(pg, i, ctx), in that order. From a
 * few thousand on, two threads compose them (unless kgi_threads_allowed says no): the
 * output is the same bytes. So each must write whole elements, through pg only, and keep
 * nothing between calls but what ctx holds unchanged; pg->text is its scratch.
 */
typedef void (*kgi_pg_each)(kgi_pg *pg, size_t i, const void *ctx);
void kgi_pg_elements(kgi_pg *pg, size_t n, kgi_pg_each each, const void *ctx);

/* <node id="…"> and <edge id="e…" source="…" target="…">, left open. */
void kgi_pg_node_start(kgi_pg *pg, const kg_node *n);
void kgi_pg_edge_start(kgi_pg *pg, const kg_edge *e);

/* How a format writes the values of one column of one element (n >= 1). */
typedef void (*kgi_pg_put)(kgi_pg *pg, const kgi_column *k, const char *const *items, size_t n);

/* The node's labels, one call per language (its column), in the order languages first
 * appear. */
void kgi_pg_labels(kgi_pg *pg, const kg_node *n, kgi_pg_put put);
/* An element's typed values, one call per column, in column order. */
void kgi_pg_values(kgi_pg *pg, kgi_col_for t, const kgi_prop *props, uint32_t n, kgi_pg_put put);
/* The node's classes as CURIEs, in one call (the CLASSES column). */
void kgi_pg_classes(kgi_pg *pg, const kg_node *n, kgi_pg_put put);
/* A fixed column's one value (nothing when the column is absent or the value NULL). */
void kgi_pg_fixed(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *value, kgi_pg_put put);

/* What both formats write of every node, in this order: its labels per language, its
 * class and classes, IRI, Wikidata id, other external ids and the source it cites. */
void kgi_pg_node_columns(kgi_pg *pg, const kg_node *n, kgi_pg_put put);
/* What both write of every edge: its relation IRI, the source it cites, its statement IRI. */
void kgi_pg_edge_columns(kgi_pg *pg, const kg_edge *e, kgi_pg_put put);

/* A fixed column's list of values (nothing when the column is absent or n is 0). */
void kgi_pg_fixed_list(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *const *items,
                       size_t n, kgi_pg_put put);

#endif /* KGI_PGWRITER_H */
