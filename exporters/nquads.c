/* N-Quads: each triple in the named graph of the source document its node or edge cites (the
 * story's article), so a store can keep provenance by graph; written from the model
 * (rdf_text.c). */
#include "rdf_text.h"

static kg_status write_nquads(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  return kgi_rdf_write_lines(g, out, true, err);
}

const kgi_exporter kgi_exporter_nquads = {
    .name = "nquads",
    .extension = "nq",
    .description = "N-Quads, the source document as the named graph",
    .write = write_nquads,
};
