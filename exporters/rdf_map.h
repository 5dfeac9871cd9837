/* Private to the RDF exporters: the model written through a librdf serializer. */
#ifndef KGI_RDF_MAP_H
#define KGI_RDF_MAP_H

#include "exporter.h"

#include <redland.h>

/* What an RDF exporter asks of the shared writer (each exporter file has its own). */
typedef struct kgi_rdf_syntax {
  const char *serializer; /* librdf's serializer name ("turtle", "rdfxml-abbrev", ...) */
  bool quads;             /* each triple in the named graph of the source its element cites, through
                             raptor's N-Quads writer (librdf's drops the graph) */
  bool prefixes;          /* declare the base and the prefixes the graph uses */
  bool escape_cr; /* write a CR inside a literal as \r: raptor's Turtle writer leaves it raw,
                     which a Turtle reader turns into a line end (RDF/XML escapes it itself) */
} kgi_rdf_syntax;

/*
 * The output stream every RDF writer writes through (rdf_out.c): bytes go to the file, and
 * raptor's Turtle writer's two faults are put right on the way (a raw CR in a string, a bare
 * INF/NaN). init: kgi_rdf_out_open; the iostream it returns belongs to the serializer that
 * is given it; kgi_rdf_out_finish after the last byte. `failed`: a write failed.
 */
enum kgi_rdf_lex { LEX_OUT, LEX_IRI, LEX_QUOTES, LEX_STRING, LEX_LONG_STRING };
typedef struct kgi_rdf_out {
  FILE *out;
  bool turtle;            /* raptor's Turtle writer (see rdf_out.c) */
  const char *xsd_prefix; /* the prefix declared for XSD, or NULL */
  bool failed;
  enum kgi_rdf_lex state;
  int quotes;      /* the quotes in a row: opening a string, or in a long string */
  bool escaped;    /* in a string, after a backslash */
  bool word_start; /* outside strings and IRIs, after a separator: a word may begin */
  char word[4];    /* a word held back while it may be one of the bare doubles */
  size_t nword;
} kgi_rdf_out;

raptor_iostream *kgi_rdf_out_open(kgi_rdf_out *f, raptor_world *w, FILE *out, bool turtle,
                                  const char *xsd_prefix);
void kgi_rdf_out_finish(kgi_rdf_out *f);

kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const kgi_rdf_syntax *syntax, kg_error *err);

#endif
