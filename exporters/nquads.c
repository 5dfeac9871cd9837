/* N-Quads, through librdf's serializer: each triple in the named graph of the source document
 * its node or edge cites (the story's article), so a store can keep provenance by graph. */
#include "rdf_map.h"

static kg_status write_nquads(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  static const kgi_rdf_syntax syntax = {"nquads", true, false, false};
  return kgi_rdf_write(g, out, &syntax, err);
}

const kgi_exporter kgi_exporter_nquads = {
    .name = "nquads",
    .extension = "nq",
    .description = "N-Quads, the source document as the named graph (librdf serializer)",
    .write = write_nquads,
};
