/* RDF/XML, through librdf's abbreviating RDF/XML serializer (prefixes as XML namespaces). */
#include "rdf_map.h"

static kg_status write_rdfxml(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  static const kgi_rdf_syntax syntax = {"rdfxml-abbrev", false, true, false};
  return kgi_rdf_write(g, out, &syntax, err);
}

const kgi_exporter kgi_exporter_rdfxml = {
    .name = "rdfxml",
    .extension = "rdf",
    .description = "RDF/XML (librdf serializer)",
    .write = write_rdfxml,
};
