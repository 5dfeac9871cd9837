/* RDF/XML, through librdf's abbreviating RDF/XML serializer (prefixes as XML namespaces). */
#include "rdf_map.h"

#include <string.h>

/*
 * RDF/XML writes a predicate, and a class (a typed node), as an element name: its IRI must end
 * in an XML name (a letter or '_', then letters, digits, '.', '-', '_'), which becomes the
 * local part after a namespace.
 * raptor's serializer fails on one that does not (`owl:` alone, `http://e.org/p/1`) with its
 * own words half-way through the file: checked first, with the predicate named. Bytes of
 * non-ASCII letters are taken as name characters, as raptor does.
 */
static bool name_char(unsigned char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 ||
         (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* Where the local name an XML writer splits an IRI into starts (its length when none). */
static size_t local_name_at(const char *iri) {
  size_t n = strlen(iri), start = n;
  while (start > 0 && name_char((unsigned char)iri[start - 1], false))
    start--;
  while (start < n && !name_char((unsigned char)iri[start], true))
    start++; /* a local name starts with a letter or '_' */
  return start;
}

/* A predicate, or a class (written as a typed node's element name), as an element name. */
static kg_status check_name(const char *iri, const char *what, kg_error *err) {
  size_t at = local_name_at(iri), rdf = strlen(KGI_RDF);
  /* a namespace that extends RDF's own (rdf-syntax-ns#v#) is forbidden in RDF/XML */
  if (at < strlen(iri) && strncmp(iri, KGI_RDF, rdf) == 0 && at != rdf)
    return kgi_error_set(err, KG_EDATA,
                         "RDF/XML cannot write the %s <%s>: its namespace would extend the RDF "
                         "namespace, which RDF/XML forbids (Turtle, N-Triples and N-Quads can)",
                         what, iri);
  if (at < strlen(iri))
    return KG_OK;
  return kgi_error_set(err, KG_EDATA,
                       "RDF/XML cannot write the %s <%s>: it does not end in an XML name, and "
                       "RDF/XML writes it as an element name (Turtle, N-Triples and N-Quads "
                       "can)",
                       what, iri);
}

static kg_status check_predicate(const char *pred, kg_error *err) {
  return check_name(pred, "predicate", err);
}

/*
 * raptor 2.0.15's RDF/XML writer refuses U+007F (DEL), which XML 1.0 allows ("Cannot write
 * illegal XML 1.0 character"), half-way through the file: refused first, with where it is.
 */
static kg_status check_text(const char *s, const char *where, kg_error *err) {
  if (!s || !strchr(s, 0x7f))
    return KG_OK;
  return kgi_error_set(err, KG_EDATA,
                       "RDF/XML cannot write U+007F (DEL), in %s: raptor's RDF/XML writer "
                       "refuses it, though XML 1.0 allows it (Turtle, N-Triples and N-Quads "
                       "can)",
                       where);
}

static kg_status check_props(const kgi_prop *props, uint32_t n, const char *where, kg_error *err) {
  for (uint32_t i = 0; i < n; i++)
    if (check_predicate(props[i].pred, err) || check_text(props[i].value.lexical, where, err) ||
        check_text(props[i].value.datatype, where, err))
      return KG_EDATA;
  return KG_OK;
}

/* What RDF/XML's writer cannot take, looked for before anything is written. */
static kg_status check_graph(const kg_graph *g, kg_error *err) {
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    const char *where = n->iri ? n->iri : n->id;
    kg_status st = check_text(where, where, err);
    for (uint32_t k = 0; !st && k < n->nclasses; k++)
      st = check_text(n->classes[k], where, err) || check_name(n->classes[k], "class", err)
               ? KG_EDATA
               : KG_OK;
    for (uint32_t k = 0; !st && k < n->nlabels; k++)
      st = check_text(n->labels[k].text, where, err);
    for (uint32_t k = 0; !st && k < n->nsame; k++)
      st = check_text(n->same_as[k], where, err);
    if (st || check_props(n->props, n->nprops, where, err))
      return KG_EDATA;
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    const char *where = e->src->iri ? e->src->iri : e->src->id;
    if (check_predicate(e->pred, err) || check_text(e->pred, where, err) ||
        check_text(kgi_edge_stmt_iri(g, e), where, err) ||
        check_props(e->quals, e->nquals, where, err))
      return KG_EDATA;
  }
  return KG_OK;
}

static kg_status write_rdfxml(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  kg_status st = check_graph(g, err);
  return st ? st : kgi_rdf_write(g, out, "rdfxml-abbrev", err);
}

const kgi_exporter kgi_exporter_rdfxml = {
    .name = "rdfxml",
    .extension = "rdf",
    .description = "RDF/XML (librdf serializer)",
    .write = write_rdfxml,
};
