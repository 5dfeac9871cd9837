/* Turtle, through librdf's (raptor's) Turtle serializer: prefixes declared, subjects grouped. */
#include "rdf_map.h"

static kg_status write_turtle(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  static const kgi_rdf_syntax syntax = {"turtle", false, true, true};
  return kgi_rdf_write(g, out, &syntax, err);
}

const kgi_exporter kgi_exporter_turtle = {
    .name = "turtle",
    .extension = "ttl",
    .description = "RDF 1.1 Turtle (librdf serializer)",
    .write = write_turtle,
};
