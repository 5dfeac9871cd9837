/*
 * importers/pgread.h — what the GraphML and GEXF readers share (pgread.c): libxml2's push
 * parser made safe (no DTD, no entity, no network), its errors as "file:line:col", a table of
 * columns, and one element (a node or an edge) collected until it ends, then turned into
 * triples through the same mapping as RDF (map.c).
 *
 * A file kgexport wrote (its GraphML <desc> or GEXF <creator> says so) reads back to the model
 * it was written from: each value column names its predicate and datatype (core/desc.c), the
 * `iri`, `relation`, `cites` and `statement` columns carry the rest, and the columns it derived
 * (the shown label, colours, sizes, days) are left alone. Any other file is read as a property
 * graph: ids and column names that are not IRIs become IRIs under the base.
 */
#ifndef KGI_PGREAD_H
#define KGI_PGREAD_H

#include "importer.h"

#include <libxml/parser.h>

/* The roles of the columns kgexport's own writers derive or fix (exporters/columns.h). */
typedef enum {
  KGI_PGC_OTHER,   /* a foreign file's column: a value under the base */
  KGI_PGC_VALUE,   /* a described value column (kgexport's): pred, lang, kind, datatype */
  KGI_PGC_DERIVED, /* shown label, r, g, b, size, start, end, weight: left alone */
  KGI_PGC_IRI,
  KGI_PGC_CLASS,
  KGI_PGC_CLASSES,
  KGI_PGC_WIKIDATA,
  KGI_PGC_SAME_AS,
  KGI_PGC_CITES,
  KGI_PGC_RELATION,
  KGI_PGC_STATEMENT,
  KGI_PGC_LABEL,  /* a foreign file's label column: rdfs:label */
  KGI_PGC_SKIPPED /* yEd's graphics (yfiles): not data */
} kgi_pgc_role;

/* What a column's text is, as the file declares it. */
typedef enum {
  KGI_PGT_STRING,
  KGI_PGT_INTEGER,
  KGI_PGT_DOUBLE,
  KGI_PGT_BOOLEAN,
  KGI_PGT_DATE, /* GEXF "date" */
  KGI_PGT_IRI   /* GEXF "anyURI" */
} kgi_pgt;

typedef struct kgi_pgcol {
  char *id;
  char *name;
  bool for_edge; /* else for nodes (GraphML "all" columns are entered twice) */
  kgi_pgc_role role;
  kgi_pgt type;
  bool list;          /* GEXF list types: "[a, b]" */
  char *pred;         /* VALUE, OTHER, LABEL: the predicate IRI */
  char *lang;         /* VALUE: language tag or NULL */
  char *datatype;     /* VALUE: datatype IRI or NULL */
  kg_value_kind kind; /* VALUE */
  char *sep;          /* GraphML: what joins several values (NULL: one value) */
  char *dflt;         /* the column's default, or NULL */
} kgi_pgcol;

/* One cell of the element being read: column index and its text in the element's buffer. */
typedef struct kgi_pgcell {
  uint32_t col;
  size_t off, len;
} kgi_pgcell;

/* Gephi's drawing of a node (GEXF viz:), kept as kg:positionX … kg:size values. */
typedef struct kgi_pgviz {
  bool pos, color, size;
  char x[32], y[32], z[32];
  int r, g, b;
  char sizev[32];
} kgi_pgviz;

enum { KGI_PGR_DEPTH_MAX = 1024 };

/* An absent string of an element (below). */
#define KGI_PGR_NONE ((size_t)-1)

typedef struct kgi_pgelem {
  bool open, is_edge;
  size_t line, col;
  kgi_buf text; /* the element's strings, NUL-separated; offsets below */
  size_t id, source, target, label, kind, start, end, weight; /* KGI_PGR_NONE: absent */
  kgi_pgcell *cells;
  size_t ncells, capcells;
  kgi_pgviz viz;
} kgi_pgelem;

typedef struct kgi_pgr {
  kgi_input *in;
  const char *format; /* "GraphML", "GEXF" */
  struct _xmlParserCtxt *ctxt;
  bool own;     /* written by kgexport */
  bool started; /* the root was seen */
  /* what each open element is, in the format's own terms (its enum), as deep as libxml2
     lets a document nest */
  unsigned char stack[KGI_PGR_DEPTH_MAX];
  size_t depth;
  kgi_pgcol *cols;
  size_t ncols, capcols;
  kgi_index col_ix; /* (id, nodes or edges) -> column: a file may declare a million */
  kgi_pgelem el;
  kgi_buf chars;  /* character data of the element being read, when capturing */
  bool capturing; /* inside an element whose text is a value */
  /* node ids: the file's id -> the node's term (an IRI, or "_:label") */
  struct kgi_pgnode {
    char *id, *term;
  } * nodes;
  size_t nnodes, capnodes;
  kgi_index node_ix;
  /* nodes' sources, named before every node is known: written once the nodes are in */
  char **cites_of; /* node term, then source id, in pairs */
  size_t ncites, capcites;
  bool edges_begun;
  /* what a file of kgexport's says of its own base and prefixes (inferred from its ids) */
  char *base_guess;
  size_t skipped_yfiles, skipped_other, skipped_periods; /* told through in->on_loss */
  kgi_buf scratch, scratch2, scratch3;
  void *format_state;
} kgi_pgr;

/* ---- the parser (pgread.c) ---- */

/* Start a push parser with the format's element handlers (the rest are set here), and a
 * zeroed state of state_size bytes for the format (r->format_state). */
kg_status kgi_pgr_start(kgi_input *in, const char *format, startElementNsSAX2Func on_start,
                        endElementNsSAX2Func on_end, size_t state_size);
kg_status kgi_pgr_feed(kgi_input *in, const char *data, size_t n, bool at_end);
/* Free the reader; the format's state, whose own buffers the format freed first. */
void kgi_pgr_finish(kgi_input *in);

/* Fail at the parser's current position: "name:line:col: msg". */
void kgi_pgr_fail(kgi_pgr *r, kg_status st, const char *fmt, ...) KGI_PRINTF(3, 4);
/* The value of attribute `name` (no namespace) among SAX2's attributes, copied into b;
 * false when absent, or when memory ran out (the import's status then says so). */
bool kgi_pgr_attr(kgi_pgr *r, const char **attrs, int nattrs, const char *name, kgi_buf *b);
/* An element's local name is `name` and its namespace is none or one the format's root uses. */
bool kgi_pgr_is(const char *local, const char *name);

/* A name (a node id, a column name) as an IRI: itself when it is an absolute IRI, else
 * under the input's base with what an IRI may not hold percent-encoded. */
void kgi_pgr_name_iri(kgi_pgr *r, const char *name, kgi_buf *out);

/* ---- columns ---- */

/* Add a column declared by the file; its role from kgexport's own names when the file is
 * kgexport's (by `desc`, the GraphML key's description or the GEXF id). Returns its index,
 * or KGI_PGR_NONE on failure (r->in->status set). */
size_t kgi_pgr_add_column(kgi_pgr *r, const char *id, const char *name, bool for_edge, kgi_pgt type,
                          bool list, const char *desc);
/* The column of an id, for nodes or edges; KGI_PGR_NONE when undeclared. */
size_t kgi_pgr_find_column(const kgi_pgr *r, const char *id, bool for_edge);

/* ---- elements ---- */

void kgi_pgr_elem_begin(kgi_pgr *r, bool is_edge);
/* Keep a string of the element; returns its offset. */
size_t kgi_pgr_elem_keep(kgi_pgr *r, const char *s, size_t len);
void kgi_pgr_elem_cell(kgi_pgr *r, size_t col, const char *s, size_t len);
/* The element is complete: its triples into the model. */
void kgi_pgr_elem_end(kgi_pgr *r);
/* The end of the graph: the deferred sources, the base and title. */
void kgi_pgr_graph_end(kgi_pgr *r);
/* The graph's title (GraphML's graph <desc>, GEXF's <description>). */
void kgi_pgr_title(kgi_pgr *r, const char *title);

/* A string the element kept (kgi_pgr_elem_keep). */
static inline const char *kgi_pgr_str(const kgi_pgelem *e, size_t off) { return e->text.s + off; }

/* ---- values (pgvalues.c) ---- */

kgi_term kgi_pgr_iri_term(const char *s);
void kgi_pgr_triple(kgi_pgr *r, const kgi_term *s, const char *pred, const kgi_term *o);
void kgi_pgr_literal(kgi_pgr *r, const kgi_term *s, const char *pred, const char *lexical,
                     const char *lang, const char *datatype);
/* The values a cell holds, each NUL-terminated one after another in out: joined by `sep` or
 * the column's separator (GraphML), a list (GEXF), or one. Their count. */
size_t kgi_pgr_items(const kgi_pgcol *c, const char *text, const char *sep, kgi_buf *out);
/* A foreign column's cell: its values typed by the column's declared type. */
void kgi_pgr_foreign_cell(kgi_pgr *r, const kgi_term *s, const kgi_pgcol *c, const char *text);
/* A foreign element's own attributes (label, period, weight, Gephi's drawing) and the
 * defaults of the columns it has no cell of. */
void kgi_pgr_foreign_attributes(kgi_pgr *r, const kgi_term *s);

/* The element that starts: what it is (the format's enum), pushed; false (the import
 * failed) when the document nests too deep. */
bool kgi_pgr_push(kgi_pgr *r, int what);
/* What the element that ends was; -1 when the import has failed (nothing to do). */
int kgi_pgr_pop(kgi_pgr *r);
/* What the element that holds the one starting is (`none` at the root). */
int kgi_pgr_parent(const kgi_pgr *r, int none);
/* The captured text is the file's creator (GEXF) or description (GraphML): is it
 * kgexport's? */
void kgi_pgr_note_own(kgi_pgr *r);

/* Capture character data from now until kgi_pgr_capture_end. */
void kgi_pgr_capture(kgi_pgr *r);
const char *kgi_pgr_capture_end(kgi_pgr *r, size_t *len);

#endif /* KGI_PGREAD_H */
