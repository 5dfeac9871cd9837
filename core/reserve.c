/*
 * Memory made ready ahead (see base.h). The kernel zeroes a page the first time it is
 * touched: at 5M triples that was a fifth of the N-Triples mapping's time, spent in 2 MB
 * blocks of nodes, edges and strings. A thread with time to spare (the N-Triples reader,
 * which waits for the mapping most of the time) touches the next blocks before the mapping
 * needs them.
 */
#include "base.h"

#include <stdlib.h>

void kgi_reserve_init(kgi_reserve *r) {
  memset(r, 0, sizeof *r);
  pthread_mutex_init(&r->lock, NULL);
}

void kgi_reserve_release(kgi_reserve *r) {
  atomic_store(&r->wanted, false);
  pthread_mutex_lock(&r->lock);
  for (int i = 0; i < r->nready; i++)
    free(r->ready[i]);
  r->nready = 0;
  pthread_mutex_unlock(&r->lock);
}

void kgi_reserve_dispose(kgi_reserve *r) {
  kgi_reserve_release(r);
  pthread_mutex_destroy(&r->lock);
}

/* A zeroed block, touched. A block the reserve could not make is no failure of the import
 * (the taker allocates its own): kgi_malloc_spare. */
static void *make_block(void) {
  void *p = kgi_malloc_spare(KGI_RESERVE_BLOCK);
  if (p)
    memset(p, 0, KGI_RESERVE_BLOCK);
  return p;
}

void kgi_reserve_fill(kgi_reserve *r) {
  if (!atomic_load_explicit(&r->wanted, memory_order_relaxed))
    return;
  for (;;) {
    pthread_mutex_lock(&r->lock);
    bool full = r->nready == KGI_RESERVE_MAX;
    pthread_mutex_unlock(&r->lock);
    void *b = full ? NULL : make_block(); /* outside the lock: the taker does not wait */
    if (!b)
      return;
    pthread_mutex_lock(&r->lock);
    if (r->nready < KGI_RESERVE_MAX) {
      r->ready[r->nready++] = b;
      b = NULL;
    }
    pthread_mutex_unlock(&r->lock);
    free(b);
  }
}

void *kgi_reserve_block(kgi_reserve *r, size_t bytes, bool zeroed) {
  void *b = NULL;
  if (r && bytes == KGI_RESERVE_BLOCK) {
    atomic_store_explicit(&r->wanted, true, memory_order_relaxed);
    pthread_mutex_lock(&r->lock);
    if (r->nready)
      b = r->ready[--r->nready];
    pthread_mutex_unlock(&r->lock);
  }
  if (b)
    return b;
  return zeroed ? kgi_calloc_big(1, bytes) : kgi_malloc_big(bytes);
}
