/* N-Triples: one triple per line, for bulk loaders; written from the model (rdf_text.c). */
#include "rdf_text.h"

static kg_status write_ntriples(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                                kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  return kgi_rdf_write_lines(g, out, false, err);
}

const kgi_exporter kgi_exporter_ntriples = {
    .name = "ntriples",
    .extension = "nt",
    .description = "RDF 1.1 N-Triples",
    .write = write_ntriples,
};
