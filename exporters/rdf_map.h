/* Private to the RDF/XML exporter: the model written through a librdf serializer. */
#ifndef KGI_RDF_MAP_H
#define KGI_RDF_MAP_H

#include "rdf_text.h"

#include <redland.h>

/* All of g through librdf's serializer of that name ("rdfxml-abbrev"), the base and the
 * prefixes the graph uses declared. */
kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const char *serializer, kg_error *err);

#endif
