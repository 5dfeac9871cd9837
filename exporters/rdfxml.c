/* RDF/XML, through librdf's abbreviating RDF/XML serializer (prefixes as XML namespaces). */
#include "rdf_map.h"

#include <string.h>

/*
 * RDF/XML writes a predicate as an element name: its IRI must end in an XML name (a letter or
 * '_', then letters, digits, '.', '-', '_'), which becomes the local part after a namespace.
 * raptor's serializer fails on one that does not (`owl:` alone, `http://e.org/p/1`) with its
 * own words half-way through the file: checked first, with the predicate named. Bytes of
 * non-ASCII letters are taken as name characters, as raptor does.
 */
static bool name_char(unsigned char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 ||
         (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

static bool ends_in_xml_name(const char *iri) {
  size_t n = strlen(iri), start = n;
  while (start > 0 && name_char((unsigned char)iri[start - 1], false))
    start--;
  while (start < n && !name_char((unsigned char)iri[start], true))
    start++; /* a local name starts with a letter or '_' */
  return start < n;
}

static kg_status check_predicate(const char *pred, kg_error *err) {
  if (ends_in_xml_name(pred))
    return KG_OK;
  return kgi_error_set(err, KG_EDATA,
                       "RDF/XML cannot write the predicate <%s>: it does not end in an XML "
                       "name, and RDF/XML writes predicates as element names (Turtle, "
                       "N-Triples and N-Quads can)",
                       pred);
}

static kg_status check_props(const kgi_prop *props, uint32_t n, kg_error *err) {
  for (uint32_t i = 0; i < n; i++)
    if (check_predicate(props[i].pred, err))
      return KG_EDATA;
  return KG_OK;
}

static kg_status check_predicates(const kg_graph *g, kg_error *err) {
  for (size_t i = 0; i < g->nnodes; i++)
    if (check_props(g->nodes[i]->props, g->nodes[i]->nprops, err))
      return KG_EDATA;
  for (size_t i = 0; i < g->nedges; i++)
    if (check_predicate(g->edges[i]->pred, err) ||
        check_props(g->edges[i]->quals, g->edges[i]->nquals, err))
      return KG_EDATA;
  return KG_OK;
}

static kg_status write_rdfxml(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  static const kgi_rdf_syntax syntax = {"rdfxml-abbrev", false, true, false};
  kg_status st = check_predicates(g, err);
  return st ? st : kgi_rdf_write(g, out, &syntax, err);
}

const kgi_exporter kgi_exporter_rdfxml = {
    .name = "rdfxml",
    .extension = "rdf",
    .description = "RDF/XML (librdf serializer)",
    .write = write_rdfxml,
};
