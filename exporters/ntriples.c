/* N-Triples, through librdf's serializer: one triple per line, for bulk loaders. */
#include "rdf_map.h"

static kg_status write_ntriples(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                                kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  static const kgi_rdf_syntax syntax = {"ntriples", false, false, false};
  return kgi_rdf_write(g, out, &syntax, err);
}

const kgi_exporter kgi_exporter_ntriples = {
    .name = "ntriples",
    .extension = "nt",
    .description = "RDF 1.1 N-Triples (librdf serializer)",
    .write = write_ntriples,
};
