/*
 * Turtle, written from the model: the base and the prefixes the graph uses declared, then a
 * block per subject, the nodes by IRI. A node's block holds its own triples and those of the
 * edges that start at it (by predicate, then target); the statement node of each of those
 * edges follows as a block of its own. Objects of one predicate in a row are joined with ','
 * (a node's own values keep their order), rdf:type is "a", an IRI under a declared namespace
 * is a prefixed name when its local part is one Turtle reads everywhere.
 *
 * raptor's Turtle serializer is not used: it copies the whole graph to sort it (280 bytes per
 * triple at 1M), and 2.0.15 writes an xsd:decimal "10" and a double INF bare, which read back
 * as another type or not at all. The escaping is still raptor's (rdf_text.c).
 */
#include "rdf_text.h"

#include <stdlib.h>
#include <string.h>

/* ---- literals ---- */

static size_t digits(const char *s) {
  size_t n = 0;
  while (s[n] >= '0' && s[n] <= '9')
    n++;
  return n;
}

/*
 * Is v written bare, as Turtle's INTEGER, DECIMAL, DOUBLE or BOOLEAN token, which a reader
 * types as the model does? Only when its lexical form is exactly that token: an xsd:decimal
 * "10" bare would read back as an integer, a double with no exponent as a decimal, and INF or
 * NaN have no bare form.
 */
static bool bare(const kg_value *v) {
  const char *s = v->lexical;
  switch (v->kind) {
  case KG_VALUE_BOOLEAN: return !strcmp(s, "true") || !strcmp(s, "false");
  case KG_VALUE_INTEGER:
  case KG_VALUE_DECIMAL:
  case KG_VALUE_DOUBLE: break;
  default: return false;
  }
  s += *s == '+' || *s == '-';
  size_t whole = digits(s), frac = 0;
  s += whole;
  if (v->kind == KG_VALUE_INTEGER)
    return whole && !*s;
  if (*s == '.')
    s++, frac = digits(s), s += frac;
  if (v->kind == KG_VALUE_DECIMAL)
    return frac && !*s;
  if (!(whole || frac) || (*s != 'e' && *s != 'E'))
    return false;
  s++;
  s += *s == '+' || *s == '-';
  return digits(s) && !s[digits(s)];
}

/* Is v written with an XSD datatype after ^^ (so xsd: is worth declaring)? */
static bool typed_xsd(const kg_value *v) {
  const char *dt = kg_value_datatype(v); /* NULL for a plain or language-tagged string */
  return dt && strncmp(dt, KGI_XSD, strlen(KGI_XSD)) == 0 && !bare(v);
}

/* ---- the writer ---- */

typedef struct decl {
  const char *prefix, *ns;
  size_t len;
} decl;

enum { MAX_DECLS = 64 };

typedef struct ttl {
  kgi_rdf_text t;
  const kg_graph *g;
  decl decls[MAX_DECLS];
  size_t ndecls;
  kgi_buf subject; /* the subject of the block being written (its IRI or blank label) */
  bool open;       /* a block is open */
  bool blank;      /* its subject is a blank node */
  const char *pred;
  enum { ALL, EDGE, STATEMENT } part; /* what of an edge's triples is written */
  bool first;                         /* the next triple is the edge's own */
} ttl;

/* A local part Turtle 1.0 and 1.1 readers all take after "prefix:" (ASCII only; '.' and a
 * leading digit are left to <...>). */
static bool local_ok(const char *s) {
  if (!*s)
    return true;
  if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
    return false;
  for (s++; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
          *s == '_' || *s == '-'))
      return false;
  return true;
}

/* The declared namespaces are kept longest first (see declare), so the first that starts the
 * IRI and leaves a local part Turtle takes is the one to use. */
static void put_iri(ttl *w, const char *iri) {
  const decl *best = NULL;
  for (const decl *d = w->decls; d < w->decls + w->ndecls && !best; d++)
    if (iri[0] == d->ns[0] && strncmp(iri, d->ns, d->len) == 0 && local_ok(iri + d->len))
      best = d;
  if (!best) {
    kgi_rdf_text_quoted(&w->t, iri, KGI_ESC_TTL_IRI);
    return;
  }
  kgi_rdf_text_puts(&w->t, best->prefix);
  kgi_rdf_text_put(&w->t, ":", 1);
  kgi_rdf_text_puts(&w->t, iri + best->len);
}

static void put_term(ttl *w, const kgi_rdf_term *term) {
  if (term->kind == KGI_RDF_IRI) {
    put_iri(w, term->str);
    return;
  }
  if (term->kind == KGI_RDF_BLANK) {
    kgi_rdf_text_put(&w->t, "_:", 2);
    kgi_rdf_text_puts(&w->t, term->str);
    return;
  }
  const kg_value *v = term->value;
  if (bare(v)) {
    kgi_rdf_text_puts(&w->t, v->lexical);
    return;
  }
  kgi_rdf_text_quoted(&w->t, v->lexical, KGI_ESC_TTL_LITERAL);
  const char *dt = kg_value_datatype(v);
  if (v->kind == KG_VALUE_LANGSTRING) {
    kgi_rdf_text_put(&w->t, "@", 1);
    kgi_rdf_text_puts(&w->t, v->lang);
  } else if (dt) { /* none for a plain string: no ^^xsd:string */
    kgi_rdf_text_put(&w->t, "^^", 2);
    put_iri(w, dt);
  }
}

static void put_predicate(ttl *w, const kgi_rdf_term *p) {
  if (p->wk == KGI_WK_TYPE)
    kgi_rdf_text_put(&w->t, "a", 1);
  else
    put_term(w, p);
}

static bool same_subject(const ttl *w, const kgi_rdf_term *s) {
  return w->open && w->blank == (s->kind == KGI_RDF_BLANK) &&
         strcmp(kgi_buf_str(&w->subject), s->str) == 0;
}

/* One triple: a new block, the next predicate of the block, or one more object. */
static void put_triple(ttl *w, const kgi_rdf_term *s, const kgi_rdf_term *p,
                       const kgi_rdf_term *o) {
  if (!same_subject(w, s)) {
    if (w->open)
      kgi_rdf_text_put(&w->t, " .\n\n", 4);
    kgi_buf_clear(&w->subject);
    kgi_buf_puts(&w->subject, s->str);
    w->open = true;
    w->blank = s->kind == KGI_RDF_BLANK;
    put_term(w, s);
    kgi_rdf_text_put(&w->t, "\n    ", 5);
    put_predicate(w, p);
  } else if (strcmp(p->str, w->pred) != 0) {
    kgi_rdf_text_put(&w->t, " ;\n    ", 7);
    put_predicate(w, p);
  } else {
    kgi_rdf_text_put(&w->t, ",", 1);
  }
  w->pred = p->str; /* interned, or the mapping's own: it outlives the block */
  kgi_rdf_text_put(&w->t, " ", 1);
  put_term(w, o);
}

static bool on_triple(void *ctx, const kgi_rdf_term *s, const kgi_rdf_term *p,
                      const kgi_rdf_term *o, const kg_node *graph) {
  ttl *w = ctx;
  KGI_UNUSED(graph); /* Turtle has no named graphs: N-Quads and TriG do */
  bool first = w->first;
  w->first = false;
  if (w->part == EDGE) { /* the edge's own triple only; stop before its statement */
    put_triple(w, s, p, o);
    return false;
  }
  if (!(w->part == STATEMENT && first))
    put_triple(w, s, p, o);
  return !w->t.failed && !w->subject.oom;
}

/* ---- edges by the node they start at ---- */

/* A node's place in the document: IRIs before blank nodes, each by its text. */
static int node_cmp(const kg_node *x, const kg_node *y) {
  if (x->blank != y->blank)
    return x->blank - y->blank;
  return strcmp(x->blank ? x->id : x->iri, y->blank ? y->id : y->iri);
}

static int by_node(const void *a, const void *b) {
  return node_cmp(*(kg_node *const *)a, *(kg_node *const *)b);
}

static int by_predicate(const void *a, const void *b) {
  const kg_edge *x = *(kg_edge *const *)a, *y = *(kg_edge *const *)b;
  int c = x->pred == y->pred ? 0 : strcmp(x->pred, y->pred);
  return c ? c : node_cmp(x->tgt, y->tgt);
}

/*
 * The order the document is written in, which is the graph's and not the order it was read
 * in, so a Turtle file read and written again comes out the same: the nodes by their IRI;
 * the edges grouped by the node they start at, each group by predicate and then target (the
 * model holds one edge per source, predicate and target). The edges of node i are
 * out[at[i] .. at[i + 1]).
 */
static bool order_graph(const kg_graph *g, kg_node ***nodes, kg_edge ***out, size_t **at) {
  *nodes = malloc((g->nnodes ? g->nnodes : 1) * sizeof **nodes);
  *out = malloc((g->nedges ? g->nedges : 1) * sizeof **out);
  *at = calloc(g->nnodes + 2, sizeof **at);
  if (!*nodes || !*out || !*at)
    return false;
  if (g->nnodes) /* an empty graph has no node array to copy from */
    memcpy(*nodes, g->nodes, g->nnodes * sizeof **nodes);
  qsort(*nodes, g->nnodes, sizeof **nodes, by_node);
  size_t *next = *at + 1;
  for (size_t i = 0; i < g->nedges; i++)
    next[g->edges[i]->src->index + 1]++;
  for (size_t i = 1; i <= g->nnodes; i++)
    next[i] += next[i - 1];
  for (size_t i = 0; i < g->nedges; i++)
    (*out)[next[g->edges[i]->src->index]++] = g->edges[i];
  /* next[i] is now where node i's edges end, which is at[i + 1] */
  for (size_t i = 0; i < g->nnodes; i++)
    if ((*at)[i + 1] - (*at)[i] > 1)
      qsort(*out + (*at)[i], (*at)[i + 1] - (*at)[i], sizeof **out, by_predicate);
  return true;
}

/* ---- prefixes ---- */

static void declare(ttl *w, const char *prefix, const char *ns) {
  if (w->ndecls == MAX_DECLS)
    return;
  size_t len = strlen(ns), at = w->ndecls++;
  for (; at > 0 && w->decls[at - 1].len < len; at--) /* longest first */
    w->decls[at] = w->decls[at - 1];
  w->decls[at] = (decl){prefix, ns, len};
  kgi_rdf_text_puts(&w->t, "@prefix ");
  kgi_rdf_text_puts(&w->t, prefix);
  kgi_rdf_text_puts(&w->t, ": ");
  kgi_rdf_text_quoted(&w->t, ns, KGI_ESC_TTL_IRI);
  kgi_rdf_text_puts(&w->t, " .\n");
}

/* A prefix name (PN_PREFIX) every Turtle reader takes: an ASCII letter, then letters, digits,
 * '_' and '-'. */
static bool prefix_ok(const char *s) {
  if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
    return false;
  return local_ok(s);
}

static bool declared(const ttl *w, const char *prefix, const char *ns) {
  for (const decl *d = w->decls; d < w->decls + w->ndecls; d++)
    if (!strcmp(d->prefix, prefix) || !strcmp(d->ns, ns))
      return true;
  return false;
}

/* Does some string of the graph start with ns and go on (ns alone is the declaration)? */
static bool pool_uses(const kg_graph *g, const char *ns) {
  size_t n = strlen(ns);
  for (size_t k = 0; k < g->pool.nstrs; k++)
    if (strncmp(g->pool.strs[k], ns, n) == 0 && g->pool.strs[k][n])
      return true;
  return false;
}

/* The base as ":", the mapping's own prefixes the graph uses, then the input's own prefixes
 * that name a namespace the graph uses and clash with none of those. */
static void declare_prefixes(ttl *w) {
  const kg_graph *g = w->g;
  declare(w, "", g->base);
  unsigned used = kgi_rdf_prefixes_used(g, typed_xsd);
  for (const kgi_prefix *p = kgi_prefixes; p->prefix; p++)
    if (used & 1u << (p - kgi_prefixes))
      declare(w, p->prefix, p->ns);
  for (size_t i = 0; i < g->nprefixes; i++) {
    const kgi_prefix *p = &g->prefixes[i];
    if (prefix_ok(p->prefix) && *p->ns && !declared(w, p->prefix, p->ns) && pool_uses(g, p->ns))
      declare(w, p->prefix, p->ns);
  }
  kgi_rdf_text_puts(&w->t, "\n");
}

/* ---- the document ---- */

static void write_node(ttl *w, const kg_node *n, kg_edge **edges, size_t nedges, kgi_buf *scratch) {
  w->part = ALL;
  kgi_node_triples(n, on_triple, w);
  w->part = EDGE;
  for (size_t k = 0; k < nedges; k++) {
    w->first = true;
    kgi_edge_triples(w->g, edges[k], scratch, on_triple, w);
  }
  w->part = STATEMENT;
  for (size_t k = 0; k < nedges && !w->t.failed && !scratch->oom; k++) {
    if (!kgi_edge_has_statement(edges[k]))
      continue;
    w->first = true;
    kgi_edge_triples(w->g, edges[k], scratch, on_triple, w);
  }
}

static kg_status write_turtle(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                              kg_error *err) {
  (void)opts; /* RDF has no views or versions, and loses nothing */
  ttl w;
  memset(&w, 0, sizeof w);
  w.g = g;
  kg_node **nodes = NULL;
  kg_edge **edges = NULL;
  size_t *at = NULL;
  kg_status st = kgi_rdf_text_open(&w.t, out, err);
  if (st)
    return st;
  kgi_buf scratch;
  kgi_buf_init(&scratch);
  kgi_buf_init(&w.subject);
  bool made = order_graph(g, &nodes, &edges, &at);
  if (made) {
    declare_prefixes(&w);
    for (size_t i = 0; i < g->nnodes && !w.t.failed && !scratch.oom && !w.subject.oom; i++) {
      size_t k = nodes[i]->index;
      write_node(&w, nodes[i], edges + at[k], at[k + 1] - at[k], &scratch);
    }
    if (w.open)
      kgi_rdf_text_put(&w.t, " .\n", 3);
  }
  bool oom = !made || scratch.oom || w.subject.oom;
  kgi_buf_dispose(&scratch);
  kgi_buf_dispose(&w.subject);
  free(nodes);
  free(edges);
  free(at);
  st = kgi_rdf_text_close(&w.t, oom ? NULL : err);
  return oom ? kgi_error_set(err, KG_ENOMEM, "out of memory") : st;
}

const kgi_exporter kgi_exporter_turtle = {
    .name = "turtle",
    .extension = "ttl",
    .description = "RDF 1.1 Turtle",
    .write = write_turtle,
};
