/*
 * The model as RDF triples (docs/model.md), shared by the Turtle and N-Triples exporters:
 * a librdf stream that produces the triples one element at a time, so no second copy of
 * the graph is built before the serializer sees it.
 */
#define _POSIX_C_SOURCE 200809L /* flockfile, putc_unlocked */
#include "rdf_map.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The counts of the stats are the RDF mapping's (core/triples.c): they live with it. */
void kg_graph_stats(const kg_graph *g, kg_stats *out) {
  out->nodes = g->nnodes;
  out->edges = g->nedges;
  out->triples = kgi_graph_triple_count(g);
}

/* ---- librdf terms ---- */

static librdf_node *iri_node(librdf_world *w, const char *iri) {
  return librdf_new_node_from_uri_string(w, (const unsigned char *)iri);
}

static librdf_node *term_for(librdf_world *w, const kg_node *n) {
  if (n->blank)
    return librdf_new_node_from_blank_identifier(w, (const unsigned char *)n->id + 2);
  return iri_node(w, n->iri);
}

static librdf_node *literal_for(librdf_world *w, const kg_value *v) {
  if (v->kind == KG_VALUE_IRI)
    return iri_node(w, v->lexical);
  const char *dt = kg_value_datatype(v);
  librdf_uri *u = NULL;
  if (dt && !(u = librdf_new_uri(w, (const unsigned char *)dt)))
    return NULL;
  /* plain strings are written without ^^xsd:string: raptor counts the two forms apart */
  librdf_node *r = librdf_new_node_from_typed_literal(
      w, (const unsigned char *)v->lexical, v->kind == KG_VALUE_LANGSTRING ? v->lang : NULL, u);
  if (u)
    librdf_free_uri(u);
  return r;
}

/* ---- the stream ---- */

typedef struct gen {
  librdf_world *w;
  const kg_graph *g;
  size_t node_i, edge_i;
  librdf_statement **batch; /* the current element's triples */
  size_t nbatch, capbatch, pos;
  bool failed;
  bool quads;                    /* N-Quads: each triple in the named graph of its source */
  kgi_buf scratch;               /* the statement IRI of the edge being written */
  librdf_node *wk[KGI_WK_COUNT]; /* the mapping's own IRIs, made once and copied */
} gen;

/* Append one triple; takes ownership of the three nodes (librdf's rule for statements). */
static void emit(gen *s, librdf_node *a, librdf_node *b, librdf_node *c, const kg_node *context) {
  librdf_statement *st = NULL;
  kg_error e;
  kg_error_init(&e);
  if (a && b && c &&
      !kgi_grow((void **)&s->batch, &s->capbatch, s->nbatch + 1, sizeof *s->batch, &e))
    st = librdf_new_statement_from_nodes(s->w, a, b, c);
  else {
    if (a)
      librdf_free_node(a);
    if (b)
      librdf_free_node(b);
    if (c)
      librdf_free_node(c);
  }
  if (!st) {
    s->failed = true;
    return;
  }
  /* librdf 1.0.17's statement is raptor's, whose `graph` term raptor's N-Quads writer prints */
  if (s->quads && context && !(st->graph = term_for(s->w, context))) {
    librdf_free_statement(st);
    s->failed = true;
    return;
  }
  s->batch[s->nbatch++] = st;
}

static librdf_node *copy(librdf_node *n) { return librdf_new_node_from_node(n); }

static librdf_node *librdf_term(gen *s, const kgi_rdf_term *t) {
  switch (t->kind) {
  case KGI_RDF_BLANK:
    return librdf_new_node_from_blank_identifier(s->w, (const unsigned char *)t->str);
  case KGI_RDF_LITERAL: return literal_for(s->w, t->value);
  default: return t->wk ? copy(s->wk[t->wk]) : iri_node(s->w, t->str);
  }
}

static bool emit_triple(void *ctx, const kgi_rdf_term *a, const kgi_rdf_term *b,
                        const kgi_rdf_term *c, const kg_node *graph) {
  gen *s = ctx;
  emit(s, librdf_term(s, a), librdf_term(s, b), librdf_term(s, c), graph);
  return !s->failed;
}

static void fill_node(gen *s, const kg_node *n) { kgi_node_triples(n, emit_triple, s); }

static void fill_edge(gen *s, const kg_edge *e) {
  if (!kgi_edge_triples(s->g, e, &s->scratch, emit_triple, s) && s->scratch.oom)
    s->failed = true;
}

static void clear_batch(gen *s) {
  for (size_t i = 0; i < s->nbatch; i++)
    librdf_free_statement(s->batch[i]);
  s->nbatch = s->pos = 0;
}

/* Move to the next element with triples; false at the end. */
static bool refill(gen *s) {
  clear_batch(s);
  while (!s->nbatch && !s->failed) {
    if (s->node_i < s->g->nnodes)
      fill_node(s, s->g->nodes[s->node_i++]);
    else if (s->edge_i < s->g->nedges)
      fill_edge(s, s->g->edges[s->edge_i++]);
    else
      return false;
  }
  return !s->failed;
}

static int gen_is_end(void *ctx) {
  gen *s = ctx;
  return s->failed || s->pos >= s->nbatch;
}

static int gen_next(void *ctx) {
  gen *s = ctx;
  if (++s->pos >= s->nbatch)
    refill(s);
  return gen_is_end(ctx);
}

static void *gen_get(void *ctx, int flags) {
  gen *s = ctx;
  if (flags != LIBRDF_STREAM_GET_METHOD_GET_OBJECT || s->pos >= s->nbatch)
    return NULL;
  return s->batch[s->pos];
}

static void gen_finished(void *ctx) { KGI_UNUSED(ctx); }

static void gen_dispose(gen *s) {
  clear_batch(s);
  free(s->batch);
  kgi_buf_dispose(&s->scratch);
  for (size_t i = 0; i < KGI_WK_COUNT; i++)
    if (s->wk[i])
      librdf_free_node(s->wk[i]);
}

typedef struct logctx {
  kg_error *err;
  bool failed;
} logctx;

static int on_log(void *data, librdf_log_message *m) {
  logctx *l = data;
  if (librdf_log_message_level(m) >= LIBRDF_LOG_ERROR && !l->failed) {
    l->failed = true;
    kgi_error_set(l->err, KG_ELIB, "RDF serializer: %s", librdf_log_message_message(m));
  }
  return 1;
}

/*
 * raptor 2.0.15's Turtle writer gets two things wrong that only its output can put right, so
 * its bytes go through this filter on their way to the file. The flag escape_cr of
 * kgi_rdf_syntax marks that writer's output; the other writers quote every literal and escape
 * a CR themselves, and their bytes pass untouched.
 * - A lone carriage return goes raw into a "..." string, which is not Turtle (rapper itself
 *   rejects it). A raw CR can only occur inside a string in its output, and the escape \r is
 *   valid in every Turtle string form.
 * - An xsd:double goes out bare whenever strtod() reads all of it, so INF, -INF and NaN come
 *   out as bare words, which are not Turtle (they have no bare form). Outside strings and
 *   IRIs, a word that is exactly one of them can be nothing else (a prefixed name holds a ':',
 *   the keywords are "a", "true" and "false"): the filter follows strings and IRIs, and writes
 *   such a word "INF"^^xsd:double. Finite doubles need nothing here: the model holds them
 *   in XSD's canonical form (4.88566E1, core/value.c), whose bare form reads back as a
 *   double. raptor's later Turtle writer quotes these itself; the filter then finds nothing.
 */
enum lex_state { LEX_OUT, LEX_IRI, LEX_QUOTES, LEX_STRING, LEX_LONG_STRING };

typedef struct outfilter {
  FILE *out;
  bool turtle;            /* raptor's Turtle writer (see above) */
  const char *xsd_prefix; /* the prefix declared for XSD, or NULL */
  bool failed;
  enum lex_state state;
  int quotes;      /* the quotes in a row: opening a string, or in a long string */
  bool escaped;    /* in a string, after a backslash */
  bool word_start; /* outside strings and IRIs, after a separator: a word may begin */
  char word[4];    /* a word held back while it may be one of bare_doubles */
  size_t nword;
} outfilter;

static const char *const bare_doubles[] = {"INF", "-INF", "NaN"}; /* the model's forms */

/* 2 when word[0..n) is one of bare_doubles, 1 when it starts one, else 0. */
static int bare_double(const char *w, size_t n) {
  int r = 0;
  for (size_t i = 0; i < sizeof bare_doubles / sizeof bare_doubles[0]; i++)
    if (strncmp(bare_doubles[i], w, n) == 0 && r < 2)
      r = bare_doubles[i][n] ? 1 : 2;
  return r;
}

static bool separator(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';' || c == '(' || c == ')' ||
         c == '[' || c == ']';
}

/* One byte to the file (unlocked: kgi_rdf_write holds the stream's lock for the whole
 * document); a CR as \r in Turtle. */
static void put_byte(outfilter *f, int c) {
  if (f->failed)
    return;
  if (c == '\r' && f->turtle)
    f->failed = fputs("\\r", f->out) == EOF;
  else
    f->failed = putc_unlocked(c, f->out) == EOF;
}

static void put_str(outfilter *f, const char *s) {
  while (*s)
    put_byte(f, (unsigned char)*s++);
}

/* The word held back goes out: quoted and typed when it is a whole word (`whole`: a
 * separator or the end follows) that is a bare INF, -INF or NaN. */
static void end_word(outfilter *f, bool whole) {
  bool quote = whole && f->nword && bare_double(f->word, f->nword) == 2;
  if (quote)
    put_byte(f, '"');
  for (size_t i = 0; i < f->nword; i++)
    put_byte(f, (unsigned char)f->word[i]);
  if (quote && f->xsd_prefix) {
    put_str(f, "\"^^");
    put_str(f, f->xsd_prefix);
    put_str(f, ":double");
  } else if (quote) {
    put_str(f, "\"^^<" KGI_XSD "double>");
  }
  f->nword = 0;
}

static void lex_byte(outfilter *f, int c) {
  switch (f->state) {
  case LEX_IRI:
    if (c == '>')
      f->state = LEX_OUT;
    break;
  case LEX_QUOTES: /* "", or the opening of "..." or """...""" */
    if (c == '"') {
      if (++f->quotes == 3)
        f->state = LEX_LONG_STRING, f->quotes = 0;
      break;
    }
    if (f->quotes == 2) { /* "" was an empty string: c comes after it */
      f->state = LEX_OUT;
      f->word_start = false;
      lex_byte(f, c);
      return;
    }
    f->state = LEX_STRING;
    lex_byte(f, c);
    return;
  case LEX_STRING:
  case LEX_LONG_STRING:
    if (f->escaped)
      f->escaped = false, f->quotes = 0;
    else if (c == '\\')
      f->escaped = true, f->quotes = 0;
    else if (c != '"')
      f->quotes = 0;
    else if (f->state == LEX_STRING || ++f->quotes == 3)
      f->state = LEX_OUT;
    break;
  case LEX_OUT:
    if (f->nword || f->word_start) {
      if (!separator(c) && c != '"' && c != '<') {
        f->word_start = false;
        if (f->nword < sizeof f->word) {
          f->word[f->nword++] = (char)c;
          if (bare_double(f->word, f->nword))
            return; /* held back */
          f->nword--;
        }
        end_word(f, false);
        break;
      }
      end_word(f, separator(c));
    }
    f->word_start = separator(c);
    if (c == '"')
      f->state = LEX_QUOTES, f->quotes = 1;
    else if (c == '<')
      f->state = LEX_IRI;
    break;
  }
  put_byte(f, c);
}

static int filter_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb) {
  outfilter *f = ctx;
  size_t n = size * nmemb;
  if (f->turtle) {
    for (const unsigned char *p = ptr; n--;)
      lex_byte(f, *p++);
  } else if (!f->failed && n && fwrite(ptr, 1, n, f->out) != n) {
    f->failed = true;
  }
  return f->failed ? 0 : (int)nmemb; /* raptor wants the count of items written */
}

/* raptor's writers hand over most output a byte at a time: keep this path short. */
static int filter_write_byte(void *ctx, const int byte) {
  outfilter *f = ctx;
  if (f->turtle)
    lex_byte(f, byte);
  else if (!f->failed && putc_unlocked(byte, f->out) == EOF)
    f->failed = true;
  return f->failed ? 1 : 0; /* here: non-zero on failure */
}

/* The end of the document ends a word held back. */
static void filter_finish(outfilter *f) {
  if (f->state == LEX_OUT)
    end_word(f, true);
}

static const raptor_iostream_handler filter_handler = {
    /* version 2: raptor 2.0.15 only treats a handler as writable from version 2 on */
    .version = 2,
    .write_byte = filter_write_byte,
    .write_bytes = filter_write_bytes};

/*
 * N-Quads: librdf's serializer passes on subject, predicate and object but drops the graph,
 * so quads go to raptor's own N-Quads serializer (librdf's statement is raptor's, with its
 * `graph` term set by emit()). Frees io, as librdf does.
 */
static int serialize_quads(librdf_world *w, gen *s, raptor_iostream *io, logctx *log) {
  raptor_serializer *rs = raptor_new_serializer(librdf_world_get_raptor(w), "nquads");
  int rc = !rs || raptor_serializer_start_to_iostream(rs, NULL, io) != 0;
  for (; !rc && !gen_is_end(s); gen_next(s))
    rc = raptor_serializer_serialize_statement(rs, s->batch[s->pos]) != 0 || log->failed;
  if (rs) {
    if (!rc)
      rc = raptor_serializer_serialize_end(rs) != 0;
    raptor_free_serializer(rs);
  }
  raptor_free_iostream(io);
  return rc;
}

/*
 * The prefixes worth declaring, as a bit per kgi_prefixes entry: those of the mapping's own
 * vocabulary (rdf:type, rdfs:label, xsd: types, prov:wasDerivedFrom, owl:sameAs), and the others
 * when some string of the graph starts with their namespace. raptor's writers try every declared
 * prefix on every IRI they write, so unused ones cost time on a large graph (and say nothing to a
 * reader).
 */
/* Does raptor's Turtle writer write this value with ^^xsd:? Integers, decimals, booleans and
 * finite doubles it writes bare; INF and NaN get a type (see cr_write_bytes). */
static bool typed_in_turtle(const kg_value *v) {
  return v->kind == KG_VALUE_DATE || v->kind == KG_VALUE_DATETIME ||
         (v->kind == KG_VALUE_DOUBLE && (strchr(v->lexical, 'I') || strchr(v->lexical, 'N')));
}

/* Which of the mapping's own vocabularies the graph's triples use (core/triples.c): rdf: for
 * statements (rdf:type is written "a"), rdfs: for labels, owl: for external ids, prov: for
 * sources, xsd: for literals written with their type. */
static bool mapping_uses(const kg_graph *g, const char *ns) {
  bool rdf = !strcmp(ns, KGI_RDF), rdfs = !strcmp(ns, KGI_RDFS), owl = !strcmp(ns, KGI_OWL),
       prov = !strcmp(ns, KGI_PROV), xsd = !strcmp(ns, KGI_XSD);
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    if ((rdfs && n->nlabels) || (owl && n->nsame) || (prov && n->source))
      return true;
    for (uint32_t k = 0; xsd && k < n->nprops; k++)
      if (typed_in_turtle(&n->props[k].value))
        return true;
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if ((rdf && kgi_edge_has_statement(e)) || (prov && e->source))
      return true;
    for (uint32_t k = 0; xsd && k < e->nquals; k++)
      if (typed_in_turtle(&e->quals[k].value))
        return true;
  }
  return false;
}

/*
 * The prefixes worth declaring, as a bit per kgi_prefixes entry: those of the mapping's own
 * vocabulary that the triples use, and the others when some string of the graph starts with
 * their namespace. raptor's writers try every declared prefix on every IRI they write, so
 * unused ones cost time on a large graph (and say nothing to a reader).
 */
static unsigned prefixes_used(const kg_graph *g) {
  unsigned used = 0, all = 0;
  size_t len[32];
  for (const kgi_prefix *p = kgi_prefixes; p->prefix && p - kgi_prefixes < 32; p++) {
    size_t i = (size_t)(p - kgi_prefixes);
    len[i] = strlen(p->ns);
    all |= 1u << i;
    if (mapping_uses(g, p->ns))
      used |= 1u << i;
  }
  for (size_t k = 0; k < g->pool.nstrs && used != all; k++) {
    const char *str = g->pool.strs[k];
    for (size_t i = 0; kgi_prefixes[i].prefix && i < 32; i++)
      if (!(used & 1u << i) && strncmp(str, kgi_prefixes[i].ns, len[i]) == 0)
        used |= 1u << i;
  }
  return used;
}

/* librdf worlds come and go one at a time: librdf_new_world sets libltdl's search path, which
 * is process-wide (two at once freed it twice, under AddressSanitizer). */
static pthread_mutex_t librdf_lock = PTHREAD_MUTEX_INITIALIZER;

kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const kgi_rdf_syntax *syntax, kg_error *err) {
  bool quads = syntax->quads;
  kg_status st = KG_OK;
  const char *xsd_prefix = NULL; /* for the doubles the Turtle filter quotes */
  logctx log = {err, false};
  gen s;
  memset(&s, 0, sizeof s);
  /* a pooled world (no URI interning: the model's strings are interned already, and raptor's
     writers compare URIs by their text); librdf uses it and leaves it to us */
  raptor_world *rw = kgi_raptor_world_get();
  pthread_mutex_lock(&librdf_lock);
  librdf_world *w = rw ? librdf_new_world() : NULL;
  if (w) {
    librdf_world_set_logger(w, &log, on_log);
    librdf_world_set_raptor(w, rw);
    librdf_world_open(w);
  }
  pthread_mutex_unlock(&librdf_lock);
  librdf_serializer *ser = NULL;
  librdf_stream *stream = NULL;
  if (!w) {
    kgi_raptor_world_put(rw);
    return kgi_error_set(err, KG_ELIB, "cannot start librdf");
  }
  s.w = w;
  s.g = g;
  s.quads = quads;
  bool made = true;
  for (int i = KGI_WK_NONE + 1; i < KGI_WK_COUNT; i++)
    made = (s.wk[i] = iri_node(w, kgi_rdf_wk_iri((kgi_rdf_wk)i))) && made;
  ser = librdf_new_serializer(w, syntax->serializer, NULL, NULL);
  if (!ser || !made) {
    st = kgi_error_set(err, KG_ELIB, "cannot create the %s serializer", syntax->serializer);
    goto done;
  }
  if (syntax->prefixes) {
    librdf_uri *u = librdf_new_uri(w, (const unsigned char *)g->base);
    if (u) {
      librdf_serializer_set_namespace(ser, u, "");
      librdf_free_uri(u);
    }
    unsigned used = prefixes_used(g);
    for (const kgi_prefix *p = kgi_prefixes; p->prefix; p++) {
      if (!(used & 1u << (p - kgi_prefixes)) ||
          !(u = librdf_new_uri(w, (const unsigned char *)p->ns)))
        continue;
      librdf_serializer_set_namespace(ser, u, p->prefix);
      librdf_free_uri(u);
      if (strcmp(p->ns, KGI_XSD) == 0)
        xsd_prefix = p->prefix;
    }
  }
  refill(&s);
  if (s.failed) {
    st = kgi_error_set(err, KG_ENOMEM, "out of memory");
    goto done;
  }
  stream = librdf_new_stream(w, &s, gen_is_end, gen_next, gen_get, gen_finished);
  if (!stream) {
    st = kgi_error_set(err, KG_ELIB, "cannot create a librdf stream");
    goto done;
  }
  outfilter filter = {
      .out = out, .turtle = syntax->escape_cr, .xsd_prefix = xsd_prefix, .word_start = true};
  raptor_iostream *io =
      raptor_new_iostream_from_handler(librdf_world_get_raptor(w), &filter, &filter_handler);
  if (!io) {
    st = kgi_error_set(err, KG_ELIB, "cannot create an output stream");
    goto done;
  }
  flockfile(out);
  int rc = quads ? serialize_quads(w, &s, io, &log)
                 : librdf_serializer_serialize_stream_to_iostream(ser, NULL, stream, io);
  filter_finish(&filter);
  funlockfile(out);
  /* librdf 1.0.17 frees the iostream it was given (checked with valgrind) */
  if (filter.failed)
    st = kgi_error_set(err, KG_EIO, "write failed");
  else if (rc || log.failed || s.failed)
    st = kgi_error_set(err, s.failed ? KG_ENOMEM : KG_ELIB, "the %s serializer failed",
                       syntax->serializer);
done:
  if (stream)
    librdf_free_stream(stream);
  gen_dispose(&s);
  if (ser)
    librdf_free_serializer(ser);
  pthread_mutex_lock(&librdf_lock);
  librdf_free_world(w); /* leaves rw alone: it was given, not made */
  pthread_mutex_unlock(&librdf_lock);
  kgi_raptor_world_put(rw);
  return st;
}
