/*
 * kgexport — a knowledge graph of news events, read from RDF and exported to RDF (Turtle,
 * N-Triples, N-Quads, RDF/XML), GraphML, GEXF, DOT and pictures (PNG, SVG, PDF).
 *
 * This is the only public header. It includes no third-party header.
 *
 * OWNERSHIP (the one rule for every type below):
 *   - A kg_graph owns every node, edge, value and string added to it. String arguments are
 *     copied (interned) when added; callers keep ownership of what they pass in.
 *   - Pointers and strings returned by getters are borrowed: valid until kg_graph_free().
 *   - kg_graph_new() allocates, kg_graph_free() releases everything at once (accepts NULL).
 *   - kg_error is the caller's struct: kg_error_init() before use, nothing to free.
 *
 * ERRORS: every fallible function returns a kg_status (KG_OK == 0) and, on failure, fills
 * the caller's kg_error with one line of text. Where input is involved the text starts
 * with "file:line[:col]: ". The first error wins: callers pass the status up unchanged.
 *
 * THREADS: a graph is not locked. Any number of threads may read one graph at once
 * (getters, kg_graph_filter, kg_graph_stats, kg_export_*); a graph being changed (kg_*_add_*,
 * kg_*_set_*) must not be read or changed by another thread at the same time. Different
 * graphs may be imported, filtered and exported in different threads at once: the library's
 * process-wide state is guarded inside it (the vocabulary, read once; Graphviz and librdf's
 * world setup, used by one thread at a time; raptor worlds, pooled so that libxml2's globals
 * are never torn down under a writer). Tested under
 * ThreadSanitizer (tests/unit/test_threads.c). kg_strerror and the format lists are
 * constant. Reading N-Triples from a file, a stream or a buffer starts a thread of the
 * library's own for the reading, which ends before the import returns; the graph is built,
 * and the progress callback called, on the caller's thread. Writing GraphML or GEXF of a
 * graph of some thousands of nodes or edges composes them on a second thread too, with the
 * same bytes as one; a large graph's GraphML/GEXF ids are made on a second thread. All
 * stay on the caller's thread when the process may run on one CPU only (taskset, a
 * cpuset), or when KGEXPORT_THREADS=1 is in the environment.
 *
 * WORDS: an edge goes from a node to a node (kg_edge_from, kg_edge_to); a node or an edge
 * cites a source (kg_node_cites, kg_edge_cites), the node of the article that reported it.
 */
#ifndef KGEXPORT_H
#define KGEXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define KG_EXTERN __attribute__((visibility("default")))
#define KG_NODISCARD __attribute__((warn_unused_result))
#else
#define KG_EXTERN
#define KG_NODISCARD
#endif

/* The version, written here and nowhere else (CMakeLists.txt reads it from these lines). */
#define KG_VERSION_MAJOR 0
#define KG_VERSION_MINOR 1
#define KG_VERSION_PATCH 0
#define KG_VERSION "0.1.0"

/* Namespace of the project ontology (ontology/kgexport.ttl). */
#define KG_NS "https://kgexport.org/ns#"

/* Status codes. Numbers are never reused. */
typedef enum kg_status {
  KG_OK = 0,
  KG_EINVAL = 1,    /* bad argument from the caller (a programming error) */
  KG_ENOMEM = 2,    /* out of memory */
  KG_EPARSE = 3,    /* input is not well-formed (syntax, UTF-8) */
  KG_EDATA = 4,     /* input is well-formed but wrong (unknown term, bad date, bad IRI) */
  KG_EIO = 5,       /* reading or writing a file failed */
  KG_ENOTFOUND = 6, /* no such node, format or term */
  KG_ELIB = 7,      /* a library (librdf, libxml2, cgraph) reported a failure */
  KG_EUNAVAIL = 8   /* a network service could not be reached, failed, or did not answer in time */
} kg_status;

KG_EXTERN const char *kg_strerror(kg_status st);

#define KG_ERROR_MAX 512
typedef struct kg_error {
  kg_status status;
  char message[KG_ERROR_MAX]; /* one line, no trailing newline; "" when none */
} kg_error;

KG_EXTERN void kg_error_init(kg_error *err);

/* ---- Values ------------------------------------------------------------------------ */

typedef enum kg_value_kind {
  KG_VALUE_STRING = 0, /* plain string (xsd:string) */
  KG_VALUE_LANGSTRING, /* string with a BCP 47 language tag (stored lower case) */
  KG_VALUE_INTEGER,    /* xsd:integer */
  KG_VALUE_DECIMAL,    /* xsd:decimal, canonical lexical form "29.3", "10.0" */
  KG_VALUE_DOUBLE,     /* xsd:double */
  KG_VALUE_BOOLEAN,    /* xsd:boolean, "true" / "false" */
  KG_VALUE_DATE,       /* xsd:date "2025-11-24", xsd:gYearMonth "2026-04", xsd:gYear "2026" */
  KG_VALUE_DATETIME,   /* xsd:dateTime */
  KG_VALUE_IRI,        /* an IRI that is a value, not a node (e.g. a homepage) */
  KG_VALUE_TYPED       /* any other datatype: lexical form kept, datatype IRI in `datatype` */
} kg_value_kind;

/* Precision of a KG_VALUE_DATE. */
typedef enum kg_date_precision {
  KG_DATE_DAY = 0,
  KG_DATE_MONTH = 1,
  KG_DATE_YEAR = 2
} kg_date_precision;

/*
 * A value. `lexical` is the canonical lexical form. `lang` is set for LANGSTRING only,
 * `datatype` for TYPED only. All strings borrowed (from the graph, or from the caller
 * before the value is added).
 */
typedef struct kg_value {
  kg_value_kind kind;
  const char *lexical;
  const char *lang;
  const char *datatype;
} kg_value;

/* Datatype IRI of a value (xsd:...), NULL for STRING, LANGSTRING and IRI. */
KG_EXTERN const char *kg_value_datatype(const kg_value *v);
/* Date precision of a KG_VALUE_DATE value (from its lexical form). */
KG_EXTERN kg_date_precision kg_value_date_precision(const kg_value *v);
/* Name of a value kind: "string", "integer", ... */
KG_EXTERN const char *kg_value_kind_name(kg_value_kind kind);

/*
 * Check `lexical` against `kind` and write its canonical form into buf (e.g. decimal "10"
 * becomes "10.0", boolean "1" becomes "true"). The message in err says what is wrong.
 */
KG_EXTERN KG_NODISCARD kg_status kg_value_canonical(char *buf, size_t bufsize, kg_value_kind kind,
                                                    const char *lexical, kg_error *err);

/* ---- Graph --------------------------------------------------------------------------- */

typedef struct kg_graph kg_graph;
typedef struct kg_node kg_node;
typedef struct kg_edge kg_edge;

/* base: the IRI under which node ids live, e.g. "https://example.org/story/" (copied). */
KG_EXTERN KG_NODISCARD kg_status kg_graph_new(kg_graph **out, const char *base, kg_error *err);
KG_EXTERN void kg_graph_free(kg_graph *g);
KG_EXTERN const char *kg_graph_base(const kg_graph *g);
/* What the graph is called: the title of pictures and of the GraphML/GEXF description. An
 * import sets it (the title of the source the graph cites by default, else the title of
 * the document or of its one source, else the file name); NULL when never set. */
KG_EXTERN KG_NODISCARD kg_status kg_graph_set_title(kg_graph *g, const char *title, kg_error *err);
KG_EXTERN const char *kg_graph_title(const kg_graph *g);

/*
 * Add a node, or find the node that already has this id. `id` is relative to the base
 * ("xi-jinping") or an absolute IRI ("http://www.wikidata.org/entity/Q15031").
 */
KG_EXTERN KG_NODISCARD kg_status kg_graph_add_node(kg_node **out, kg_graph *g, const char *id,
                                                   kg_error *err);
/* O(1) lookup; NULL when absent. */
KG_EXTERN kg_node *kg_graph_find_node(const kg_graph *g, const char *id);
/*
 * The node a person names, as --focus takes it: its id, its IRI, a CURIE ("ex:alice"), the
 * last segment of its IRI ("xi-jinping", for a graph read with no base, whose ids are whole
 * IRIs), or a name in any language, case-insensitive ("takaichi", "Xi Jinping", "习近平").
 * An exact name beats one that starts a word of a longer one, and a person, body, country or
 * place beats an event or a source whose title mentions it. KG_ENOTFOUND when no node has
 * the name (the message gives the closest ids) or when several tie (the message lists them,
 * at most ten).
 */
KG_EXTERN KG_NODISCARD kg_status kg_graph_lookup(const kg_node **out, const kg_graph *g,
                                                 const char *name, kg_error *err);

KG_EXTERN KG_NODISCARD kg_status kg_node_add_class(kg_graph *g, kg_node *n, const char *class_iri,
                                                   kg_error *err);
/* lang may be NULL or "" for an untagged label. */
KG_EXTERN KG_NODISCARD kg_status kg_node_add_label(kg_graph *g, kg_node *n, const char *text,
                                                   const char *lang, kg_error *err);
/* A typed value under a predicate IRI; the value is checked and canonicalised. */
KG_EXTERN KG_NODISCARD kg_status kg_node_add_value(kg_graph *g, kg_node *n, const char *pred_iri,
                                                   const kg_value *v, kg_error *err);
/* An external identifier, e.g. "http://www.wikidata.org/entity/Q15031" (owl:sameAs). */
KG_EXTERN KG_NODISCARD kg_status kg_node_add_same_as(kg_graph *g, kg_node *n, const char *iri,
                                                     kg_error *err);
/* The source this node cites (a node of the graph, usually a kg:Source). */
KG_EXTERN void kg_node_set_cites(kg_node *n, kg_node *source);

/* Add the edge from -pred-> to, or find the existing one (a triple is unique). */
KG_EXTERN KG_NODISCARD kg_status kg_graph_add_edge(kg_edge **out, kg_graph *g, kg_node *from,
                                                   const char *pred_iri, kg_node *to,
                                                   kg_error *err);
KG_EXTERN KG_NODISCARD kg_status kg_edge_add_qualifier(kg_graph *g, kg_edge *e,
                                                       const char *pred_iri, const kg_value *v,
                                                       kg_error *err);
/* The source this edge cites. */
KG_EXTERN void kg_edge_set_cites(kg_edge *e, kg_node *source);

/* Every node and edge that cites no source cites `source` (the story's article). */
KG_EXTERN void kg_graph_apply_default_source(kg_graph *g, kg_node *source);

/* ---- Reading the graph ------------------------------------------------------------- */

KG_EXTERN size_t kg_graph_node_count(const kg_graph *g);
KG_EXTERN size_t kg_graph_edge_count(const kg_graph *g);
/* Nodes and edges in insertion order, 0 <= i < count. */
KG_EXTERN const kg_node *kg_graph_node_at(const kg_graph *g, size_t i);
KG_EXTERN const kg_edge *kg_graph_edge_at(const kg_graph *g, size_t i);

KG_EXTERN const char *kg_node_id(const kg_node *n);
KG_EXTERN const char *kg_node_iri(const kg_node *n);
KG_EXTERN size_t kg_node_class_count(const kg_node *n);
KG_EXTERN const char *kg_node_class_at(const kg_node *n, size_t i);
KG_EXTERN size_t kg_node_label_count(const kg_node *n);
KG_EXTERN const char *kg_node_label_at(const kg_node *n, size_t i, const char **lang);
/* The label in `lang`, else English, else untagged, else any label, else the id. */
KG_EXTERN const char *kg_node_display_label(const kg_node *n, const char *lang);
KG_EXTERN size_t kg_node_value_count(const kg_node *n);
KG_EXTERN const kg_value *kg_node_value_at(const kg_node *n, size_t i, const char **pred_iri);
KG_EXTERN size_t kg_node_same_as_count(const kg_node *n);
KG_EXTERN const char *kg_node_same_as_at(const kg_node *n, size_t i);
KG_EXTERN const kg_node *kg_node_cites(const kg_node *n);

KG_EXTERN const kg_node *kg_edge_from(const kg_edge *e);
KG_EXTERN const kg_node *kg_edge_to(const kg_edge *e);
KG_EXTERN const char *kg_edge_predicate(const kg_edge *e);
KG_EXTERN size_t kg_edge_qualifier_count(const kg_edge *e);
KG_EXTERN const kg_value *kg_edge_qualifier_at(const kg_edge *e, size_t i, const char **pred_iri);
KG_EXTERN const kg_node *kg_edge_cites(const kg_edge *e);

/* ---- Filtering ------------------------------------------------------------------------ */

/*
 * Which part of a graph to keep. Every member is optional (NULL / 0 = no restriction); the
 * restrictions combine (a node must pass all of them):
 *   types  classes to keep, by local name ("Person", "Event") or IRI; a subclass in the
 *          ontology counts ("PhoneCall" is an "Event");
 *   from, to  a date window (YYYY, YYYY-MM or YYYY-MM-DD): dated nodes (events, quotes) whose
 *          period does not meet it are dropped, and so are nodes they alone connected;
 *   focus, depth  the nodes within `depth` edges of `focus` (either direction), in what the
 *          other restrictions kept.
 * Edges are kept when both ends are; the source a kept element cites is always kept.
 */
#define KG_FILTER_VERSION 1
typedef struct kg_filter {
  unsigned version; /* KG_FILTER_VERSION: set by kg_filter_init() */
  const char *const *types;
  size_t ntypes;
  const char *from, *to;
  const char *focus;
  unsigned depth;
} kg_filter;

/* No restriction, depth 1, and the version (as for kg_import_options). */
KG_EXTERN void kg_filter_init(kg_filter *f);

/* A new graph holding the part of g that f keeps (the caller frees it). Fails with
 * KG_ENOTFOUND when the focus node does not exist, KG_EDATA for a malformed date or a type
 * the ontology does not know. */
KG_EXTERN KG_NODISCARD kg_status kg_graph_filter(kg_graph **out, const kg_graph *g,
                                                 const kg_filter *f, kg_error *err);

/* ---- Import and export ------------------------------------------------------------- */

typedef struct kg_stats {
  size_t nodes;
  size_t edges;
  size_t triples; /* RDF triples the graph maps to (what the Turtle export holds) */
} kg_stats;

/* Counts of the graph as every exporter maps it. */
KG_EXTERN void kg_graph_stats(const kg_graph *g, kg_stats *out);

/*
 * Read RDF into a new graph. syntax: "turtle" or "ntriples" (NULL: guess from the name).
 * `name` is used in error messages ("story.ttl:12:5: ..."). base: node ids are relative
 * to it (NULL: derive from a kg:defaultSource subject or use the file's IRI).
 */
KG_EXTERN KG_NODISCARD kg_status kg_import_file(kg_graph **out, const char *path,
                                                const char *syntax, const char *base,
                                                kg_error *err);
KG_EXTERN KG_NODISCARD kg_status kg_import_buffer(kg_graph **out, const char *data, size_t len,
                                                  const char *name, const char *syntax,
                                                  const char *base, kg_error *err);
/*
 * Progress of a long import: called every 262,144 triples read, and once at the end with
 * done = 1. It must not call back into the graph being read.
 */
typedef void (*kg_progress_fn)(void *ctx, uint64_t triples, int done);

/*
 * What a format could not carry of a graph, told once per kind after a successful export (or
 * what an input held that the model has no place for, after an import):
 * `what` says what and how ("edge qualifiers not shown (no tooltips)"), `count` how
 * many (never 0). The strings live until the call returns. Nothing is told of a format that
 * carries everything (the RDF syntaxes).
 */
typedef void (*kg_loss_fn)(void *ctx, const char *format, const char *what, uint64_t count);

/*
 * Options of an import, versioned as libgit2's are: kg_import_options_init() fills in the
 * version and the defaults, then set what you need. A library built for another version
 * refuses the struct (KG_EINVAL) rather than misreading it.
 */
#define KG_IMPORT_OPTIONS_VERSION 3
typedef struct kg_import_options {
  unsigned version;   /* KG_IMPORT_OPTIONS_VERSION */
  const char *syntax; /* an input format name (kg_input_format_name); NULL: from the
                         extension, else Turtle */
  const char *base;   /* as for kg_import_file; NULL: derived */
  kg_progress_fn progress;
  void *progress_ctx;
  /* version 2: what the input held that the model does not (yEd's graphics in GraphML, the
     periods of GEXF's dynamic values), one call per kind with its count, after a successful
     import; `format` is the input format's name. NULL: nothing is counted. Version 1 callers
     are still accepted. */
  kg_loss_fn on_loss;
  void *loss_ctx;
  /* version 3: the longest term the input may hold, in bytes: an IRI, a literal's lexical
     form, a blank node label (as written in N-Triples; as the parser hands it over in the
     other syntaxes). A longer one is refused with KG_EDATA, "FILE:LINE:COL: a literal of
     more than N bytes", before the input is read further. 0: KG_MAX_TERM_BYTES_DEFAULT.
     GraphML and GEXF values stop at libxml2's 10,000,000 bytes whatever this says. Version 1
     and 2 callers get the default. */
  size_t max_term_bytes;
} kg_import_options;

/* The default longest term of an import (kg_import_options.max_term_bytes): 64 MiB. */
#define KG_MAX_TERM_BYTES_DEFAULT ((size_t)64 * 1024 * 1024)

KG_EXTERN void kg_import_options_init(kg_import_options *opts);

/* kg_import_file with options (opts may be NULL). */
KG_EXTERN KG_NODISCARD kg_status kg_import_file_with(kg_graph **out, const char *path,
                                                     const kg_import_options *opts, kg_error *err);

/*
 * Read an open stream (standard input, a pipe) to its end into a new graph; the stream is
 * not closed. Its first bytes choose the format when opts->syntax is NULL (XML is refused,
 * anything else is read as Turtle), so it need not be seekable. `name` is used in messages
 * and its extension chooses the format, as a path's does; NULL or "-" means standard input,
 * named "<stdin>" in messages ("<stdin>:12:5: ..."), whose own IRI, the base when none is
 * given or derived, is "file:///dev/stdin#".
 */
KG_EXTERN KG_NODISCARD kg_status kg_import_stream(kg_graph **out, FILE *in, const char *name,
                                                  const kg_import_options *opts, kg_error *err);

/*
 * Options of a SPARQL import, versioned as kg_import_options are: kg_sparql_options_init()
 * fills in the version and the defaults (connect within 10 s, the whole answer within 300 s).
 */
#define KG_SPARQL_OPTIONS_VERSION 1
typedef struct kg_sparql_options {
  unsigned version;     /* KG_SPARQL_OPTIONS_VERSION */
  long connect_timeout; /* seconds to reach the service, 1 or more */
  long timeout;         /* seconds for the whole exchange, 1 or more */
} kg_sparql_options;

KG_EXTERN void kg_sparql_options_init(kg_sparql_options *opts);

/*
 * Ask a SPARQL endpoint (an http or https URL) a CONSTRUCT or DESCRIBE query and read the
 * answer into a new graph (SPARQL 1.1 Protocol: a form-encoded POST, N-Triples or Turtle
 * asked for; the answer's Content-Type chooses the reader). The answer is named
 * "<ENDPOINT>" in messages ("<http://host/sparql>:3:7: ..."); its base IRI is the endpoint
 * followed by '#'; the graph's title is the endpoint. Fails with KG_EINVAL for a URL that
 * is not http or https, KG_EUNAVAIL when the service cannot be reached, does not answer in
 * time or answers with an HTTP error ("ENDPOINT: HTTP 503: the server's first line"), except
 * KG_EDATA for HTTP 400 (the query was refused) and for an answer that is not RDF, and
 * KG_EPARSE / KG_EDATA for RDF that does not read. opts may be NULL (the defaults).
 */
KG_EXTERN KG_NODISCARD kg_status kg_import_sparql(kg_graph **out, const char *endpoint,
                                                  const char *query, const kg_sparql_options *opts,
                                                  kg_error *err);

/* Input formats: "turtle", "ntriples". NULL when the index is past the end. */
KG_EXTERN const char *kg_input_format_name(size_t i);
KG_EXTERN const char *kg_input_format_description(const char *format);
/* KG_OK when `format` names an input format (case does not matter); else KG_ENOTFOUND with a
 * message that suggests the closest name and lists them ("unknown input format 'turtel'; did
 * you mean 'turtle'? Input formats: turtle, ntriples"). */
KG_EXTERN KG_NODISCARD kg_status kg_input_format_check(const char *format, kg_error *err);

/* The built-in story (examples/trump-xi-call-2025-11-24.ttl, embedded at build time). */
KG_EXTERN KG_NODISCARD kg_status kg_import_story(kg_graph **out, kg_error *err);

/* Output formats: "turtle", "ntriples", "graphml", "dot". NULL when the index is past the end. */
KG_EXTERN const char *kg_format_name(size_t i);
KG_EXTERN const char *kg_format_extension(const char *format);
KG_EXTERN const char *kg_format_description(const char *format);
/* KG_OK when `format` names an output format (case does not matter: "GraphML"); else
 * KG_ENOTFOUND with a message that suggests the closest name and lists them ("unknown format
 * 'grapml'; did you mean 'graphml'? Formats: turtle, ntriples, ..."). */
KG_EXTERN KG_NODISCARD kg_status kg_format_check(const char *format, kg_error *err);
/*
 * Is writing g in `format` practical? 0 for a picture (png, svg, pdf) of a large graph (over
 * 2000 nodes), whose layout can take minutes where the data formats take seconds, and for an
 * unknown format; else 1. kg_export_* still writes what is asked of it; kgexport --all
 * leaves out what is not practical.
 */
KG_EXTERN int kg_format_practical(const kg_graph *g, const char *format);

/*
 * What a picture or a DOT file shows of a graph (data formats write everything, always):
 *   KG_VIEW_OVERVIEW  the default: the actors, their countries and bodies, the events and
 *                     deadlines and how they connect; quotes and figures folded into the node
 *                     they belong to (a speaker's statements in its tooltip, an event's figures
 *                     in its label); topics, sources and "about" edges left out;
 *   KG_VIEW_FULL      every node and edge;
 *   KG_VIEW_TIMELINE  the dated events left to right in date order, with the actors that took
 *                     part in them.
 */
typedef enum kg_view {
  KG_VIEW_DEFAULT = 0, /* the format's own: KG_VIEW_OVERVIEW for pictures and DOT */
  KG_VIEW_OVERVIEW,
  KG_VIEW_FULL,
  KG_VIEW_TIMELINE
} kg_view;

/* The view a name says ("overview", "full", "timeline"; case does not matter), else
 * KG_ENOTFOUND with the names in the message. */
KG_EXTERN KG_NODISCARD kg_status kg_view_from_name(kg_view *out, const char *name, kg_error *err);
/* Does the format draw a view (dot, png, svg, pdf)? 1 or 0. */
KG_EXTERN int kg_format_has_views(const char *format);

/* Options of an export, versioned as kg_import_options are (version 1 callers, built before
 * on_loss existed, are still accepted). */
#define KG_EXPORT_OPTIONS_VERSION 2
typedef struct kg_export_options {
  unsigned version; /* KG_EXPORT_OPTIONS_VERSION */
  kg_view view;     /* a view other than KG_VIEW_DEFAULT for a data format is KG_EINVAL */
  /* the version of the format to write, for a format that has several: "1.3" (the newest)
     or "1.2draft" for GEXF, which NetworkX reads; NULL: the newest. Another is KG_EINVAL. */
  const char *format_version;
  kg_loss_fn on_loss; /* NULL: nothing is counted */
  void *loss_ctx;
} kg_export_options;

KG_EXTERN void kg_export_options_init(kg_export_options *opts);

/* Write the graph to an open stream (not closed). A failed write is KG_EIO, "cannot write:
 * <the system's reason>", whatever the format. Memory that runs out is KG_ENOMEM, except
 * inside Graphviz (dot, png, svg, pdf), which cannot recover from it: the process ends there
 * with exit status 70 (cgraph) or 1 (Graphviz's layout), after kg_remove_partial_outputs. */
KG_EXTERN KG_NODISCARD kg_status kg_export_stream(const kg_graph *g, const char *format, FILE *out,
                                                  kg_error *err);
/*
 * Write the graph to `path` atomically: a temporary file in the same folder
 * (".NAME.kgexport-PID-XXXXXX"), renamed over `path` only when everything was written. On
 * failure no file is left behind. The temporary files of earlier writers of `path` that were
 * killed (their PID no running process, last modified before the library was loaded, regular
 * files of this user) are removed; nothing else is (docs/errors.md).
 */
KG_EXTERN KG_NODISCARD kg_status kg_export_file(const kg_graph *g, const char *format,
                                                const char *path, kg_error *err);
/* The same with options (opts may be NULL: the defaults). */
KG_EXTERN KG_NODISCARD kg_status kg_export_stream_with(const kg_graph *g, const char *format,
                                                       FILE *out, const kg_export_options *opts,
                                                       kg_error *err);
KG_EXTERN KG_NODISCARD kg_status kg_export_file_with(const kg_graph *g, const char *format,
                                                     const char *path,
                                                     const kg_export_options *opts, kg_error *err);
/*
 * Remove the temporary files of the exports to files under way in this process, for a
 * handler of SIGINT or SIGTERM that then ends the process: async-signal-safe (no lock, no
 * allocation). An export left running afterwards fails at its rename.
 */
KG_EXTERN void kg_remove_partial_outputs(void);

#ifdef __cplusplus
}
#endif
#endif /* KGEXPORT_H */
