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

kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const kgi_rdf_syntax *syntax, kg_error *err);

#endif
