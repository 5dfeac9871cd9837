/*
 * exporters/rdf_text.h — private to the RDF exporters: RDF terms written as text straight from
 * the model (core/triples.h), for the N-Triples, N-Quads and Turtle writers. Escaping is
 * raptor's (raptor_string_escaped_write): a string none of whose bytes raptor would change is
 * copied as it is, any other goes through raptor. No librdf node, statement or serializer is
 * made, and nothing of the graph is copied.
 */
#ifndef KGI_RDF_TEXT_H
#define KGI_RDF_TEXT_H

#include "exporter.h"

#include <raptor2.h>

/* Output in 64 KB blocks, written to `out` as they fill. init: kgi_rdf_text_open; dispose:
 * kgi_rdf_text_close, which writes what is left and says whether all went well. */
typedef struct kgi_rdf_text {
  FILE *out;
  char *buf;
  size_t len;
  raptor_world *world;
  raptor_iostream *io; /* into buf, for raptor's escaping */
  bool failed;         /* a write to `out` failed */
  char bad_utf8[64];   /* the start of the first string raptor refused as UTF-8, or "" */
} kgi_rdf_text;

/* How a string is escaped: raptor's rules for N-Triples and for Turtle (where UTF-8 stays as
 * it is), each for an IRI (between < and >) or a literal (between quotes). Turtle literals also
 * take \t \n \r: a raw CR or LF would need the long-string form. */
typedef enum kgi_rdf_escape {
  KGI_ESC_NT_IRI,
  KGI_ESC_NT_LITERAL,
  KGI_ESC_TTL_IRI,
  KGI_ESC_TTL_LITERAL
} kgi_rdf_escape;

kg_status kgi_rdf_text_open(kgi_rdf_text *t, FILE *out, kg_error *err);
kg_status kgi_rdf_text_close(kgi_rdf_text *t, kg_error *err);

void kgi_rdf_text_put(kgi_rdf_text *t, const char *s, size_t n);
void kgi_rdf_text_puts(kgi_rdf_text *t, const char *s);
/* s between its delimiters (< >, or " "), escaped as `how` says. */
void kgi_rdf_text_quoted(kgi_rdf_text *t, const char *s, kgi_rdf_escape how);
/* A term as N-Triples writes it (raptor_term_escaped_write's form). */
void kgi_rdf_text_nt_term(kgi_rdf_text *t, const kgi_rdf_term *term);

/* Every triple of g, a line each; with `quads`, each in the named graph of the source its
 * element cites (N-Quads). */
kg_status kgi_rdf_write_lines(const kg_graph *g, FILE *out, bool quads, kg_error *err);

/*
 * The prefixes worth declaring, as a bit per kgi_prefixes entry: those of the mapping's own
 * vocabulary that the triples use, and the others when some string of the graph starts with
 * their namespace and goes on (unused ones say nothing to a reader, and a writer tries each on
 * every IRI). `typed`: does a writer write this value with its datatype IRI (xsd: then counts as
 * used); NULL: only by the strings of the graph.
 */
unsigned kgi_rdf_prefixes_used(const kg_graph *g, bool (*typed)(const kg_value *v));

#endif /* KGI_RDF_TEXT_H */
