/*
 * importers/importer.h — private to the importers layer. One input format = one file in
 * importers/ = one kgi_importer; the table is importers/registry.c. Every reader hands its
 * triples to the same mapping (map.c) through a kgi_input, which also keeps the recent
 * input text (window.c) so that errors point at a line and a column.
 */
#ifndef KGI_IMPORTER_H
#define KGI_IMPORTER_H

#include "model.h"
#include "nt.h"
#include "triples.h"
#include "vocab.h"

/* ---- the window: the recent input text, for messages (window.c) ---- */

/*
 * A window that starts in line first_line (at its beginning, or first_col characters into
 * it when the line is too long to keep whole) and ends at the end of what has been read;
 * line_at[k] is the offset of line first_line + k in it (line_at[0] is 0). Bounded, so
 * memory does not grow with the input, however long its lines: only a pinned line is kept
 * whole. init: zero it.
 */
typedef struct kgi_window {
  char *text;
  size_t len, cap;
  size_t first_line;
  size_t first_col; /* characters of line first_line dropped already (a long line is cut) */
  uint64_t dropped; /* bytes of the input before text[0] */
  size_t *line_at;
  size_t nlines, caplines;
  size_t checked;     /* bytes already checked for UTF-8 and XML characters */
  size_t pinned_line; /* a line not consumed yet, never dropped (0: none) */
  bool cr_ends_line;  /* a lone CR ends a line (N-Triples: EOL is [#xD#xA]+) */
  bool after_cr;      /* the last byte appended was a CR */
} kgi_window;

kg_status kgi_window_append(kgi_window *w, const char *data, size_t n, kg_error *err);
/* Check the new bytes for invalid UTF-8 and XML-forbidden characters (up to the last whole
 * character unless at_end); the message names `name`, the line and the column. */
kg_status kgi_window_check(kgi_window *w, bool at_end, const char *name, kg_error *err);
void kgi_window_dispose(kgi_window *w);
/* Column (1-based, in characters) of byte off within its line starting at line_start. */
size_t kgi_window_column(const kgi_window *w, size_t line_start, size_t off);
void kgi_window_line_col(const kgi_window *w, size_t off, size_t *line, size_t *col);
/* The byte range of a line; false when it is not (or no longer) in the window. */
bool kgi_window_line(const kgi_window *w, size_t line, size_t *start, size_t *end);
/* Offset of `token` on `line` or on one of the few lines before it, else (size_t)-1. */
size_t kgi_window_find(const kgi_window *w, size_t line, const char *token);
/* Where the term around offset off starts (a prefixed name's prefix, an IRI's '<'). */
size_t kgi_window_term_start(const kgi_window *w, size_t off);

/* ---- one import (read.c) ---- */

typedef struct kgi_importer kgi_importer;

typedef struct kgi_input {
  const kgi_importer *format;
  kg_graph *g;
  const char *name;       /* for messages */
  const char *base;       /* the graph's base: node ids are relative to it */
  const char *parse_base; /* what relative IRIs of the input resolve against */
  kgi_window win;
  size_t cur_line; /* the line of the triple being mapped (set by the reader) */
  kg_error *err;
  kg_status status; /* the first failure; the reader stops at it */
  void *reader;     /* the format's own state */
  /* the mapping's state (map.c) */
  kg_node *default_source;
  const char *default_source_subject; /* its subject IRI: a base candidate */
  kg_node *last;           /* the node of the last IRI looked up: triples come grouped by subject */
  uint8_t *stmt_candidate; /* per node index: has an rdf:subject, may describe an edge */
  kgi_ptrmap typing_ix;    /* interned predicate -> 1 when it types its subject, 2 when not */
  size_t capcand;
  uint64_t triples;
  /* what the input says of itself, where RDF's triples cannot (GraphML, GEXF): its title
     and the base its ids are relative to (interned in the graph's pool, or NULL) */
  const char *doc_title;
  const char *id_base;
  kg_progress_fn progress;
  void *progress_ctx;
  kg_loss_fn on_loss; /* what the input held that the model does not (NULL: not told) */
  void *loss_ctx;
  size_t max_term; /* the longest term, in bytes (kg_import_options.max_term_bytes) */
} kgi_input;

/* Make the node of an IRI or blank node term now, so that nodes keep the order a reader
 * meets them in (map.c); on failure in->status is set. */
void kgi_input_node(kgi_input *in, const kgi_term *t);
/* Is the term no longer than in->max_term (its datatype IRI too)? When not, the import
 * fails with "a literal of more than N bytes" (map.c), at the term when the window still
 * holds its start. kgi_input_triple asks it of every term. */
bool kgi_input_term_fits(kgi_input *in, const kgi_term *t);
/* A predicate as the mapping sees it (its kind): one of the RDF mapping's own terms
 * (kgi_rdf_wk_of, core/triples.h; KGI_WK_NONE for any other), or kg:defaultSource. */
enum { KGI_PRED_DEFAULT_SOURCE = KGI_WK_COUNT };
/* Answer ahead what kgi_input_triple asks of a term alone (t->vocab_ok, and t->pred of a
 * predicate), so that a reader on a thread of its own spares the mapping that work. It reads
 * only the built-in vocabulary: any thread may call it. A term that fails the check is left
 * unanswered, and the mapping reports it in the input's order. */
void kgi_term_prepare(kgi_term *t, bool is_pred);
/* One triple from the reader into the model (map.c); on failure in->status is set. */
void kgi_input_triple(kgi_input *in, const kgi_term *s, const kgi_term *p, const kgi_term *o);
/* Fail the import with "name:line[:col]: msg", pointing at `token` when it is found on the
 * current line (at the start of the term it belongs to when is_term). */
void kgi_input_fail(kgi_input *in, kg_status st, const char *token, bool is_term, const char *msg);

/* Give the graph its title (map.c): the title of the source it cites by default, else of the
 * document itself (<>), else of its one source, else the input's file name. */
kg_status kgi_input_title(kgi_input *in);

/* Fold rdf:Statement nodes that describe an edge into it (fold.c): marks what goes in
 * drop_node / drop_edge (per index), for kgi_graph_compact. */
kg_status kgi_fold_statements(kg_graph *g, const uint8_t *stmt_candidate, uint8_t *drop_node,
                              uint8_t *drop_edge, kg_error *err);

/* ---- the formats (registry.c) ---- */

struct kgi_importer {
  const char *name;
  const char *const *extensions; /* NULL-terminated, without the dot */
  const char *description;
  bool own_lang_check; /* the reader checks language tags as written (else map.c does) */
  bool cr_ends_line;   /* a lone CR ends a line */
  /* Make the reader's state (in->reader), before the first chunk. */
  kg_status (*start)(kgi_input *in);
  /* One chunk, already in the window and checked; at_end: the last one. */
  kg_status (*feed)(kgi_input *in, const char *data, size_t n, bool at_end);
  /* Optional: the whole input at once, `head` (bytes read already) then `file` (NULL: head
   * is all of it), in place of feed; sets in->status as feed does. */
  kg_status (*read_all)(kgi_input *in, FILE *file, const char *head, size_t nhead);
  /* Free the reader's state (also after a failure). */
  void (*finish)(kgi_input *in);
};

extern const kgi_importer kgi_importer_turtle;
extern const kgi_importer kgi_importer_ntriples;
/* RDF/XML, N-Quads and TriG: raptor, as Turtle (raptor_reader.c) */
extern const kgi_importer kgi_importer_rdfxml;
extern const kgi_importer kgi_importer_nquads;
extern const kgi_importer kgi_importer_trig;
/* GraphML and GEXF: libxml2's push parser (graphml_in.c, gexf_in.c, pgread.c) */
extern const kgi_importer kgi_importer_graphml;
extern const kgi_importer kgi_importer_gexf;

/* By name; NULL when unknown. */
const kgi_importer *kgi_importer_find(const char *name);

/*
 * Read a whole input into a new graph (read.c): the `len` bytes at `data` (a head read
 * already to choose the format, or the whole input), then the rest of `file` when it is not
 * NULL. `name` is for messages; `iri` is the input's own IRI, the parse base when `base` is
 * NULL (NULL: a file: IRI made from name).
 */
kg_status kgi_read(kg_graph **out, const kgi_importer *fmt, FILE *file, const char *data,
                   size_t len, const char *name, const char *iri, const char *base,
                   const kg_import_options *opts, kg_error *err);

/*
 * The same, pushed a chunk at a time (an answer arriving over HTTP): start, feed (the last
 * chunk with at_end), then end, which frees the reading and hands over the graph when out is
 * not NULL and everything went well (out NULL abandons it). A failed start still needs end.
 * The strings given to start must outlive the reading.
 */
typedef struct kgi_reading kgi_reading;
kg_status kgi_read_start(kgi_reading **out, const kgi_importer *fmt, const char *name,
                         const char *iri, const char *base, const kg_import_options *opts,
                         kg_error *err);
kg_status kgi_read_feed(kgi_reading *r, const char *data, size_t n, bool at_end);
kg_status kgi_read_end(kgi_reading *r, kg_graph **out);

/* The built-in story (examples/trump-xi-call-2025-11-24.ttl, embedded at build time). */
extern const char kgi_story_ttl[];
extern const size_t kgi_story_ttl_len;

#endif /* KGI_IMPORTER_H */
