/* Private to the RDF exporters: the model written through a librdf serializer. */
#ifndef KGI_RDF_MAP_H
#define KGI_RDF_MAP_H

#include "exporter.h"

#include <redland.h>

/* syntax: a librdf serializer name ("turtle", "ntriples", "rdfxml-abbrev", "nquads": there
 * each triple goes in the named graph of the source its element cites). */
kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const char *syntax, kg_error *err);

#endif
