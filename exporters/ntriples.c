/* N-Triples, through librdf's serializer: one triple per line, for bulk loaders. */
#include "rdf_map.h"

static kg_status write_ntriples(const kg_graph *g, FILE *out, kg_error *err) {
  return kgi_rdf_write(g, out, "ntriples", err);
}

const kgi_exporter kgi_exporter_ntriples = {
    .name = "ntriples",
    .extension = "nt",
    .description = "RDF 1.1 N-Triples (librdf serializer)",
    .write = write_ntriples,
};
