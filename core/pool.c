/*
 * The per-graph string pool. Strings are interned (one copy each) and live in large
 * chunks freed all at once. Build with -DKG_DEBUG_POOL to give every string its own
 * allocation, so that AddressSanitizer and valgrind see overruns.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* 64 KB chunks, then 2 MB ones (huge pages) once the pool holds 2 MB */
#define CHUNK_SMALL (64 * 1024)
#define CHUNK_BIG (2 * 1024 * 1024 - sizeof(kgi_pool_chunk)) /* with its header: 2 MB */

struct kgi_pool_chunk {
  kgi_pool_chunk *next;
  size_t used, size;
  char data[];
};

void kgi_pool_init(kgi_pool *p) { memset(p, 0, sizeof *p); }

void kgi_pool_dispose(kgi_pool *p) {
  kgi_pool_chunk *c = p->chunks;
  while (c) {
    kgi_pool_chunk *next = c->next;
    free(c);
    c = next;
  }
  free(p->strs);
  kgi_index_dispose(&p->index);
  memset(p, 0, sizeof *p);
}

static char *pool_alloc(kgi_pool *p, size_t n) {
#ifdef KG_DEBUG_POOL
  size_t want = n;
  bool own = false;
#else
  size_t chunk = p->nchunks < 32 ? CHUNK_SMALL : CHUNK_BIG;
  bool own = n > CHUNK_SMALL / 4; /* a big string gets a chunk of its own */
  size_t want = own ? n : chunk;
  kgi_pool_chunk *c = p->chunks;
  if (c && c->size - c->used >= n) {
    char *r = c->data + c->used;
    c->used += n;
    return r;
  }
#endif
  if (want > SIZE_MAX - sizeof(kgi_pool_chunk))
    return NULL;
  kgi_pool_chunk *nc = kgi_reserve_block(p->reserve, sizeof *nc + want, false);
  if (!nc)
    return NULL;
  nc->size = want;
  nc->used = n;
  p->nchunks++;
  /* a chunk of its own goes behind the current one, so the rest of that stays usable */
  if (p->chunks && own) {
    nc->next = p->chunks->next;
    p->chunks->next = nc;
  } else {
    nc->next = p->chunks;
    p->chunks = nc;
  }
  return nc->data;
}

typedef struct probe {
  const kgi_pool *p;
  const char *s;
  size_t len;
} probe;

static bool same(void *ctx, uint32_t v) {
  probe *pr = ctx;
  const char *t = pr->p->strs[v];
  return strncmp(t, pr->s, pr->len) == 0 && t[pr->len] == '\0';
}

const char *kgi_pool_intern_len(kgi_pool *p, const char *s, size_t len) {
  uint64_t h = kgi_hash_bytes(s, len, 0);
  probe pr = {p, s, len};
  uint32_t *found = kgi_index_find(&p->index, h, same, &pr);
  if (found)
    return p->strs[*found];
  if (p->nstrs >= UINT32_MAX)
    return NULL;
  kg_error err;
  kg_error_init(&err);
  if (kgi_grow((void **)&p->strs, &p->capstrs, p->nstrs + 1, sizeof *p->strs, &err))
    return NULL;
  char *copy = pool_alloc(p, len + 1);
  if (!copy)
    return NULL;
  memcpy(copy, s, len);
  copy[len] = '\0';
  if (kgi_index_put(&p->index, h, (uint32_t)p->nstrs, &err))
    return NULL;
  p->strs[p->nstrs++] = copy;
  return copy;
}

const char *kgi_pool_intern(kgi_pool *p, const char *s) {
  return kgi_pool_intern_len(p, s, strlen(s));
}

const char *kgi_pool_lookup(const kgi_pool *p, const char *s) {
  size_t len = strlen(s);
  probe pr = {p, s, len};
  uint32_t *found = kgi_index_find(&p->index, kgi_hash_bytes(s, len, 0), same, &pr);
  return found ? p->strs[*found] : NULL;
}
