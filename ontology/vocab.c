/*
 * The project vocabulary, read from ontology/kgexport.ttl (embedded at build time): the
 * one source of truth for which kg: terms exist, their English labels and their parents;
 * and the alignments of well-known vocabularies onto it (ontology/alignments.ttl): which
 * foreign class is drawn as which kg: class, which properties name, date or type a node.
 */
#include "vocab.h"

#include <pthread.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

typedef struct term {
  const char *iri;
  const char *label;  /* rdfs:label @en */
  const char *parent; /* kg: terms: the first kg: rdfs:subClassOf; aligned terms: the first
                         rdfs:subClassOf or rdfs:subPropertyOf */
} term;

static struct {
  kgi_pool pool;
  term *terms;
  size_t nterms, capterms;
  kgi_index ix;
  kg_error *err;
  kg_status status;
  kg_error load_error; /* the reading's failure, for every later caller */
} V;

typedef struct tprobe {
  const char *iri;
} tprobe;

static bool term_is(void *ctx, uint32_t v) {
  return strcmp(V.terms[v].iri, ((tprobe *)ctx)->iri) == 0;
}

static term *find(const char *iri) {
  tprobe p = {iri};
  uint32_t *v = kgi_index_find(&V.ix, kgi_hash_str(iri, 0), term_is, &p);
  return v ? &V.terms[*v] : NULL;
}

static term *get(const char *iri) {
  term *t = find(iri);
  if (t || V.status)
    return t;
  if (kgi_grow((void **)&V.terms, &V.capterms, V.nterms + 1, sizeof *V.terms, V.err) ||
      kgi_index_put(&V.ix, kgi_hash_str(iri, 0), (uint32_t)V.nterms, V.err)) {
    V.status = KG_ENOMEM;
    return NULL;
  }
  t = &V.terms[V.nterms++];
  memset(t, 0, sizeof *t);
  t->iri = kgi_pool_intern(&V.pool, iri);
  if (!t->iri)
    V.status = kgi_error_oom(V.err);
  return t;
}

static bool in_ns(const char *iri) { return strncmp(iri, KG_NS, strlen(KG_NS)) == 0; }

/* Which file a triple comes from (the statement handler's data). */
typedef enum source_file { ONTOLOGY, ALIGNMENTS } source_file;

static void on_triple(void *data, raptor_statement *s) {
  source_file from = *(source_file *)data;
  if (V.status || s->subject->type != RAPTOR_TERM_TYPE_URI)
    return;
  const char *subj = (const char *)raptor_uri_as_string(s->subject->value.uri);
  if (from == ONTOLOGY && (!in_ns(subj) || !subj[strlen(KG_NS)]))
    return;
  term *t = get(subj);
  if (!t)
    return;
  const char *pred = (const char *)raptor_uri_as_string(s->predicate->value.uri);
  raptor_term *o = s->object;
  if (strcmp(pred, KGI_RDFS_LABEL) == 0 && o->type == RAPTOR_TERM_TYPE_LITERAL &&
      o->value.literal.language && strcmp((const char *)o->value.literal.language, "en") == 0) {
    t->label = kgi_pool_intern(&V.pool, (const char *)o->value.literal.string);
  } else if ((strcmp(pred, KGI_RDFS "subClassOf") == 0 ||
              (from == ALIGNMENTS && strcmp(pred, KGI_RDFS "subPropertyOf") == 0)) &&
             o->type == RAPTOR_TERM_TYPE_URI) {
    const char *sup = (const char *)raptor_uri_as_string(o->value.uri);
    if ((from == ALIGNMENTS || in_ns(sup)) && !t->parent &&
        !(t->parent = kgi_pool_intern(&V.pool, sup)))
      V.status = kgi_error_oom(V.err);
  }
}

/* The built-in files are the ones the tests parse with rapper: when raptor fails on them at
 * run time, its own allocations failed (it reports one that fails mid-token as a syntax
 * error), or the build embedded something else. Out of memory, then, with raptor's words. */
static void on_log(void *data, raptor_log_message *m) {
  const char *file = data;
  if (m->level >= RAPTOR_LOG_LEVEL_ERROR && !V.status)
    V.status = kgi_error_set(
        V.err, KG_ENOMEM,
        "out of memory (or a broken build) reading the built-in vocabulary (raptor at %s:%d: %s)",
        file, m->locator ? m->locator->line : 0, m->text);
}

/* One embedded Turtle file into V. */
static void read_file(raptor_world *w, source_file from, const char *name, const char *text,
                      size_t len) {
  raptor_parser *p = raptor_new_parser(w, "turtle");
  raptor_uri *base = p ? raptor_new_uri(w, (const unsigned char *)KG_NS) : NULL;
  if (!base) {
    V.status = kgi_error_set(V.err, KG_ELIB, "cannot start the RDF parser");
  } else {
    raptor_world_set_log_handler(w, (void *)name, on_log);
    raptor_parser_set_statement_handler(p, &from, on_triple);
    if (raptor_parser_parse_start(p, base) == 0)
      raptor_parser_parse_chunk(p, (const unsigned char *)text, len, 1);
  }
  if (base)
    raptor_free_uri(base);
  if (p)
    raptor_free_parser(p);
}

/* Read the embedded ontology and alignments into V (once per process, under pthread_once). */
static void load(void) {
  kg_error *err = &V.load_error;
  kg_error_init(err);
  kgi_pool_init(&V.pool);
  V.err = err;
  V.status = KG_OK;
  raptor_world *w = kgi_raptor_world_get();
  if (!w)
    V.status = kgi_error_set(err, KG_ELIB, "cannot start the RDF parser");
  if (!V.status)
    read_file(w, ONTOLOGY, "ontology/kgexport.ttl", kgi_ontology_ttl, kgi_ontology_ttl_len);
  if (!V.status)
    read_file(w, ALIGNMENTS, "ontology/alignments.ttl", kgi_alignments_ttl, kgi_alignments_ttl_len);
  kgi_raptor_world_put(w);
  V.err = NULL;
  if (V.status) { /* what was read is dropped: every lookup then finds nothing */
    free(V.terms);
    V.terms = NULL;
    V.nterms = V.capterms = 0;
    kgi_index_dispose(&V.ix);
    kgi_pool_dispose(&V.pool);
  }
}

/*
 * The vocabulary is read once per process and only read afterwards, so any number of
 * threads may ask it at once; pthread_once makes the first reading safe too. A failed
 * reading (out of memory, a broken build) is remembered and reported to every caller.
 */
kg_status kgi_vocab_load(kg_error *err) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, load);
  if (V.status)
    return kgi_error_set(err, V.status, "%s", V.load_error.message);
  return KG_OK;
}

bool kgi_vocab_defines(const char *iri) { return find(iri) != NULL; }

/* The kg: term closest to a name that is none ("Persn" -> "Person"), or NULL. */
static const char *closest_term(const char *local) {
  size_t nns = strlen(KG_NS), best = (size_t)-1;
  const char *found = NULL;
  for (size_t i = 0; i < V.nterms; i++) {
    if (strncmp(V.terms[i].iri, KG_NS, nns) != 0)
      continue;
    size_t d = kgi_edit_distance(local, V.terms[i].iri + nns);
    if (d < best) {
      best = d;
      found = V.terms[i].iri + nns;
    }
  }
  return found && kgi_edit_close(best, local) ? found : NULL;
}

kg_status kgi_vocab_check_term(const char *iri, kg_error *err) {
  size_t nns = strlen(KG_NS);
  if (strncmp(iri, KG_NS, nns) != 0)
    return KG_OK;
  kg_status st = kgi_vocab_load(err);
  if (st || find(iri))
    return st;
  const char *near = closest_term(iri + nns);
  return kgi_error_set(
      err, KG_EDATA, "unknown term kg:%s: the kgexport ontology does not define it%s%s%s",
      iri + nns, near ? " (did you mean kg:" : "", near ? near : "", near ? "?)" : "");
}

const char *kgi_vocab_parent(const char *iri) {
  term *t = find(iri);
  return t ? t->parent : NULL;
}

bool kgi_vocab_is_a(const char *c, const char *wanted) {
  for (int depth = 0; c && depth < KGI_VOCAB_DEPTH_MAX; depth++, c = kgi_vocab_parent(c))
    if (strcmp(c, wanted) == 0)
      return true;
  return false;
}

bool kgi_vocab_names(const char *pred) { return kgi_vocab_is_a(pred, KGI_RDFS_LABEL); }

bool kgi_vocab_types(const char *pred) { return kgi_vocab_is_a(pred, KGI_RDF_TYPE); }

const char *kgi_vocab_label(const char *iri) {
  term *t = find(iri);
  return t ? t->label : NULL;
}
