/* RDF terms as text, straight from the model (see rdf_text.h). */
#include "rdf_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TEXT_BLOCK = 64 * 1024 };

/* ---- the output ---- */

static void flush(kgi_rdf_text *t) {
  if (t->len && !t->failed && fwrite(t->buf, 1, t->len, t->out) != t->len)
    t->failed = true;
  t->len = 0;
}

void kgi_rdf_text_put(kgi_rdf_text *t, const char *s, size_t n) {
  if (t->len + n > TEXT_BLOCK) {
    flush(t);
    if (n > TEXT_BLOCK) { /* a huge literal goes out as it is */
      if (!t->failed && fwrite(s, 1, n, t->out) != n)
        t->failed = true;
      return;
    }
  }
  memcpy(t->buf + t->len, s, n);
  t->len += n;
}

void kgi_rdf_text_puts(kgi_rdf_text *t, const char *s) { kgi_rdf_text_put(t, s, strlen(s)); }

static int io_write_byte(void *ctx, const int byte) {
  char c = (char)byte;
  kgi_rdf_text_put(ctx, &c, 1);
  return 0;
}

static int io_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb) {
  kgi_rdf_text_put(ctx, ptr, size * nmemb);
  return (int)nmemb; /* raptor wants the count of items written */
}

static const raptor_iostream_handler text_handler = {
    /* version 2: raptor 2.0.15 only treats a handler as writable from version 2 on */
    .version = 2,
    .write_byte = io_write_byte,
    .write_bytes = io_write_bytes};

kg_status kgi_rdf_text_open(kgi_rdf_text *t, FILE *out, kg_error *err) {
  memset(t, 0, sizeof *t);
  t->out = out;
  if (!(t->buf = malloc(TEXT_BLOCK)))
    return kgi_error_set(err, KG_ENOMEM, "out of memory");
  t->world = kgi_raptor_world_get();
  if (!t->world) {
    kgi_rdf_text_close(t, NULL);
    return kgi_error_set(err, KG_ELIB, "cannot start raptor");
  }
  /* raptor's only reason to refuse a stream is its allocation */
  if (!(t->io = raptor_new_iostream_from_handler(t->world, t, &text_handler))) {
    kgi_rdf_text_close(t, NULL);
    return kgi_error_oom(err);
  }
  return KG_OK;
}

kg_status kgi_rdf_text_close(kgi_rdf_text *t, kg_error *err) {
  flush(t);
  if (t->io)
    raptor_free_iostream(t->io);
  kgi_raptor_world_put(t->world);
  free(t->buf);
  kg_status st = KG_OK;
  if (t->failed)
    st = kgi_error_set(err, KG_EIO, "write failed");
  else if (*t->bad_utf8)
    st = kgi_error_set(err, KG_EDATA, "not valid UTF-8, cannot be written: \"%s\"", t->bad_utf8);
  memset(t, 0, sizeof *t);
  return st;
}

/* ---- escaping ---- */

/*
 * The ASCII bytes raptor_string_escaped_write copies unchanged, for an IRI (with its
 * SPARQL_URI_ESCAPES rules and '>' as delimiter) and for a literal (with '"'). Every other
 * byte, UTF-8 included, sends the whole string to raptor, whose rules these are.
 */
static inline bool iri_plain(unsigned char c) {
  if (c <= 0x20 || c >= 0x7f)
    return false;
  switch (c) {
  case '<':
  case '>':
  case '"':
  case '{':
  case '}':
  case '|':
  case '^':
  case '`':
  case '\\': return false;
  default: return true;
  }
}
static inline bool literal_plain(unsigned char c) {
  return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static const unsigned raptor_flags[] = {
    [KGI_ESC_NT_IRI] = RAPTOR_ESCAPED_WRITE_NTRIPLES_URI,
    [KGI_ESC_NT_LITERAL] = RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL,
    [KGI_ESC_TTL_IRI] = RAPTOR_ESCAPED_WRITE_TURTLE_URI,
    [KGI_ESC_TTL_LITERAL] =
        RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL | RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU,
};

void kgi_rdf_text_quoted(kgi_rdf_text *t, const char *s, kgi_rdf_escape how) {
  bool iri = how == KGI_ESC_NT_IRI || how == KGI_ESC_TTL_IRI;
  char delim = iri ? '>' : '"';
  size_t n = 0;
  if (iri)
    while (s[n] && iri_plain((unsigned char)s[n]))
      n++;
  else
    while (s[n] && literal_plain((unsigned char)s[n]))
      n++;
  kgi_rdf_text_put(t, iri ? "<" : "\"", 1);
  if (!s[n]) {
    kgi_rdf_text_put(t, s, n);
  } else if (raptor_string_escaped_write((const unsigned char *)s, strlen(s), delim,
                                         raptor_flags[how], t->io) &&
             !*t->bad_utf8) { /* copied: s may be a statement IRI composed for one edge */
    snprintf(t->bad_utf8, sizeof t->bad_utf8, "%.60s", s);
  }
  kgi_rdf_text_put(t, &delim, 1);
}

void kgi_rdf_text_nt_term(kgi_rdf_text *t, const kgi_rdf_term *term) {
  switch (term->kind) {
  case KGI_RDF_IRI: kgi_rdf_text_quoted(t, term->str, KGI_ESC_NT_IRI); return;
  case KGI_RDF_BLANK:
    kgi_rdf_text_put(t, "_:", 2);
    kgi_rdf_text_puts(t, term->str);
    return;
  case KGI_RDF_LITERAL: break;
  }
  const kg_value *v = term->value;
  kgi_rdf_text_quoted(t, v->lexical, KGI_ESC_NT_LITERAL);
  const char *dt = kg_value_datatype(v);
  if (v->kind == KG_VALUE_LANGSTRING) {
    kgi_rdf_text_put(t, "@", 1);
    kgi_rdf_text_puts(t, v->lang);
  } else if (dt) { /* none for a plain string: no ^^xsd:string */
    kgi_rdf_text_put(t, "^^", 2);
    kgi_rdf_text_quoted(t, dt, KGI_ESC_NT_IRI);
  }
}

/* ---- N-Triples and N-Quads ---- */

typedef struct lines {
  kgi_rdf_text *t;
  bool quads;
} lines;

static bool write_line(void *ctx, const kgi_rdf_term *s, const kgi_rdf_term *p,
                       const kgi_rdf_term *o, const kg_node *graph) {
  lines *l = ctx;
  kgi_rdf_text_nt_term(l->t, s);
  kgi_rdf_text_put(l->t, " ", 1);
  kgi_rdf_text_nt_term(l->t, p);
  kgi_rdf_text_put(l->t, " ", 1);
  kgi_rdf_text_nt_term(l->t, o);
  if (l->quads && graph) {
    kgi_rdf_term gt = kgi_node_term(graph);
    kgi_rdf_text_put(l->t, " ", 1);
    kgi_rdf_text_nt_term(l->t, &gt);
  }
  kgi_rdf_text_put(l->t, " .\n", 3);
  return !l->t->failed;
}

kg_status kgi_rdf_write_lines(const kg_graph *g, FILE *out, bool quads, kg_error *err) {
  kgi_rdf_text t;
  kg_status st = kgi_rdf_text_open(&t, out, err);
  if (st)
    return st;
  lines l = {&t, quads};
  kgi_buf scratch;
  kgi_buf_init(&scratch);
  bool ok = true;
  for (size_t i = 0; ok && i < g->nnodes; i++)
    ok = kgi_node_triples(g->nodes[i], write_line, &l);
  for (size_t i = 0; ok && i < g->nedges; i++)
    ok = kgi_edge_triples(g, g->edges[i], &scratch, write_line, &l);
  bool oom = scratch.oom;
  kgi_buf_dispose(&scratch);
  st = kgi_rdf_text_close(&t, err);
  if (!st && oom)
    st = kgi_error_set(err, KG_ENOMEM, "out of memory");
  return st;
}

/* ---- prefixes ---- */

/* Which of the mapping's own vocabularies the graph's triples use (core/triples.c): rdf: for
 * statements, rdfs: for labels, owl: for external ids, prov: for sources, xsd: for literals
 * written with their type. */
static bool mapping_uses(const kg_graph *g, const char *ns, bool (*typed)(const kg_value *)) {
  bool rdf = !strcmp(ns, KGI_RDF), rdfs = !strcmp(ns, KGI_RDFS), owl = !strcmp(ns, KGI_OWL),
       prov = !strcmp(ns, KGI_PROV), xsd = typed && !strcmp(ns, KGI_XSD);
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    if ((rdfs && n->nlabels) || (owl && n->nsame) || (prov && n->source))
      return true;
    for (uint32_t k = 0; xsd && k < n->nprops; k++)
      if (typed(&n->props[k].value))
        return true;
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if ((rdf && kgi_edge_has_statement(e)) || (prov && e->source))
      return true;
    for (uint32_t k = 0; xsd && k < e->nquals; k++)
      if (typed(&e->quals[k].value))
        return true;
  }
  return false;
}

unsigned kgi_rdf_prefixes_used(const kg_graph *g, bool (*typed)(const kg_value *v)) {
  unsigned used = 0, all = 0;
  size_t len[32];
  for (const kgi_prefix *p = kgi_prefixes; p->prefix && p - kgi_prefixes < 32; p++) {
    size_t i = (size_t)(p - kgi_prefixes);
    len[i] = strlen(p->ns);
    all |= 1u << i;
    if (mapping_uses(g, p->ns, typed))
      used |= 1u << i;
  }
  for (size_t k = 0; k < g->pool.nstrs && used != all; k++) {
    const char *str = g->pool.strs[k];
    for (size_t i = 0; kgi_prefixes[i].prefix && i < 32; i++)
      if (!(used & 1u << i) && strncmp(str, kgi_prefixes[i].ns, len[i]) == 0 && str[len[i]])
        used |= 1u << i;
  }
  return used;
}
