/*
 * The model's RDF triples (core/triples.h) through a librdf serializer, for RDF/XML, whose
 * abbreviated form needs a serializer that sees the graph: a librdf stream that produces the
 * triples one element at a time, so no second copy of the graph is built before the
 * serializer sees it.
 */
#include "rdf_map.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- librdf terms ---- */

static librdf_node *iri_node(librdf_world *w, const char *iri) {
  return librdf_new_node_from_uri_string(w, (const unsigned char *)iri);
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
  kgi_buf scratch;               /* the statement IRI of the edge being written */
  librdf_node *wk[KGI_WK_COUNT]; /* the mapping's own IRIs, made once and copied */
} gen;

/* Append one triple; takes ownership of the three nodes (librdf's rule for statements). */
static void emit(gen *s, librdf_node *a, librdf_node *b, librdf_node *c) {
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
  KGI_UNUSED(graph); /* RDF/XML has no named graphs */
  emit(s, librdf_term(s, a), librdf_term(s, b), librdf_term(s, c));
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

/* librdf worlds come and go one at a time: librdf_new_world sets libltdl's search path, which
 * is process-wide (two at once freed it twice, under AddressSanitizer). */
static pthread_mutex_t librdf_lock = PTHREAD_MUTEX_INITIALIZER;

kg_status kgi_rdf_write(const kg_graph *g, FILE *out, const char *serializer, kg_error *err) {
  kg_status st = KG_OK;
  logctx log = {err, false};
  gen s;
  memset(&s, 0, sizeof s);
  kgi_rdf_text text;
  if ((st = kgi_rdf_text_open(&text, out, err)))
    return st;
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
    kgi_rdf_text_close(&text, NULL);
    return kgi_error_set(err, KG_ELIB, "cannot start librdf");
  }
  s.w = w;
  s.g = g;
  bool made = true;
  for (int i = KGI_WK_NONE + 1; i < KGI_WK_COUNT; i++)
    made = (s.wk[i] = iri_node(w, kgi_rdf_wk_iri((kgi_rdf_wk)i))) && made;
  ser = librdf_new_serializer(w, serializer, NULL, NULL);
  if (!ser || !made) {
    st = kgi_error_set(err, KG_ELIB, "cannot create the %s serializer", serializer);
    goto done;
  }
  librdf_uri *u = librdf_new_uri(w, (const unsigned char *)g->base);
  if (u) {
    librdf_serializer_set_namespace(ser, u, "");
    librdf_free_uri(u);
  }
  unsigned used = kgi_rdf_prefixes_used(g, NULL);
  for (const kgi_prefix *p = kgi_prefixes; p->prefix; p++) {
    if (!(used & 1u << (p - kgi_prefixes)) ||
        !(u = librdf_new_uri(w, (const unsigned char *)p->ns)))
      continue;
    librdf_serializer_set_namespace(ser, u, p->prefix);
    librdf_free_uri(u);
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
  errno = 0; /* raptor says only that it failed; a malloc that failed leaves ENOMEM */
  raptor_iostream *io = text.io;
  text.io = NULL; /* librdf 1.0.17 frees the iostream it was given (checked with valgrind) */
  int rc = librdf_serializer_serialize_stream_to_iostream(ser, NULL, stream, io);
  if (s.failed || (rc && errno == ENOMEM)) {
    kg_error_init(err); /* raptor's own complaint about it ("Unable to add properties") */
    st = kgi_error_set(err, KG_ENOMEM, "out of memory (the %s serializer)", serializer);
  } else if (rc || log.failed)
    st = kgi_error_set(err, KG_ELIB, "the %s serializer failed", serializer);
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
  kg_status closed = kgi_rdf_text_close(&text, st ? NULL : err);
  return st ? st : closed;
}
