/*
 * raptor worlds for every module that parses or writes RDF (the vocabulary, the Turtle
 * reader, the RDF writers through librdf), kept in a pool and never freed.
 *
 * raptor_free_world calls xmlCleanupParser, which tears libxml2's process-wide state down
 * under any thread using libxml2 at the time (a GraphML writer crashed in
 * tests/unit/test_threads.c) and deletes the key of libxml2's per-thread state, so that every
 * other thread's state leaks (LeakSanitizer saw it). So a world, once made, goes back to the
 * pool when its user is done, for the next one: the pool holds as many worlds as were ever
 * in use at once. Worlds leave libxml2's error handlers alone (an RDF/XML parse reports
 * through the world's log handler, as every syntax does) and do not intern URIs (the model interns
 * already, and an interning tree would grow with every graph a reused world reads).
 */
#include "vocab.h"

#include <pthread.h>
#include <raptor2.h>

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static raptor_world **pool;
static size_t npool, cappool;

static raptor_world *make_world(void) {
  raptor_world *w = raptor_new_world();
  if (!w)
    return NULL;
  raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
  raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
  raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
  if (raptor_world_open(w) != 0)
    return NULL; /* not freed, for the reason above: a failed open is rare and small */
  return w;
}

raptor_world *kgi_raptor_world_get(void) {
  raptor_world *w = NULL;
  pthread_mutex_lock(&pool_lock);
  if (npool)
    w = pool[--npool];
  pthread_mutex_unlock(&pool_lock);
  return w ? w : make_world();
}

void kgi_raptor_world_put(raptor_world *w) {
  if (!w)
    return;
  /* what a user set goes with it (librdf sets both, and its world is freed) */
  raptor_world_set_log_handler(w, NULL, NULL);
  raptor_world_set_generate_bnodeid_handler(w, NULL, NULL);
  pthread_mutex_lock(&pool_lock);
  kg_error ignored;
  kg_error_init(&ignored);
  /* the pool can only fail to grow when memory is out: the world is then kept by no one,
     which is a leak, not a teardown */
  if (!kgi_grow((void **)&pool, &cappool, npool + 1, sizeof *pool, &ignored))
    pool[npool++] = w;
  pthread_mutex_unlock(&pool_lock);
}
