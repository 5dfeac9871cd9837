/* An open-addressing hash index (linear probing) that stores hashes and values only. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

uint64_t kgi_hash_bytes(const void *data, size_t len, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = seed ^ 14695981039346656037ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t fix(uint64_t h) {
  /* finaliser (splitmix64) so that linear probing sees well-spread bits; 0 means empty */
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h ? h : 1;
}

void kgi_index_dispose(kgi_index *ix) {
  free(ix->hashes);
  free(ix->values);
  memset(ix, 0, sizeof *ix);
}

void kgi_index_clear(kgi_index *ix) {
  if (ix->hashes)
    memset(ix->hashes, 0, ix->cap * sizeof *ix->hashes);
  ix->count = 0;
}

/* Linear probing from h; `exact`: a stored h is the key itself (see kgi_index_find_key). */
static inline uint32_t *probe(const kgi_index *ix, uint64_t h, kgi_index_eq eq, void *ctx,
                              bool exact) {
  if (!ix->cap)
    return NULL;
  size_t mask = ix->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    if (ix->hashes[i] == 0)
      return NULL;
    if (ix->hashes[i] == h && ((exact && h != 1) || eq(ctx, ix->values[i])))
      return &ix->values[i];
  }
}

uint32_t *kgi_index_find(const kgi_index *ix, uint64_t hash, kgi_index_eq eq, void *ctx) {
  return probe(ix, fix(hash), eq, ctx, false);
}

/* fix() is a bijection, so an equal stored hash is an equal key; only 1 is ambiguous (it
 * stands for the key fix() maps to 0 too) and is confirmed by eq. */
uint32_t *kgi_index_find_key(const kgi_index *ix, uint64_t key, kgi_index_eq eq, void *ctx) {
  return probe(ix, fix(key), eq, ctx, true);
}

void kgi_index_prefetch(const kgi_index *ix, uint64_t hash) {
  if (!ix->cap)
    return;
  size_t i = (size_t)fix(hash) & (ix->cap - 1);
  __builtin_prefetch(&ix->hashes[i]);
  __builtin_prefetch(&ix->values[i]);
}

static void place(uint64_t *hashes, uint32_t *values, size_t mask, uint64_t h, uint32_t v) {
  size_t i = (size_t)h & mask;
  while (hashes[i] != 0)
    i = (i + 1) & mask;
  hashes[i] = h;
  values[i] = v;
}

static kg_status rehash(kgi_index *ix, size_t ncap, kg_error *err) {
  uint64_t *nh = kgi_calloc_big(ncap, sizeof *nh);
  uint32_t *nv = kgi_calloc_big(ncap, sizeof *nv);
  if (!nh || !nv) {
    free(nh);
    free(nv);
    return kgi_error_oom(err);
  }
  for (size_t i = 0; i < ix->cap; i++)
    if (ix->hashes[i])
      place(nh, nv, ncap - 1, ix->hashes[i], ix->values[i]);
  free(ix->hashes);
  free(ix->values);
  ix->hashes = nh;
  ix->values = nv;
  ix->cap = ncap;
  return KG_OK;
}

kg_status kgi_index_put(kgi_index *ix, uint64_t hash, uint32_t value, kg_error *err) {
  if ((ix->count + 1) * 4 >= ix->cap * 3) { /* keep the load under 3/4 */
    size_t ncap = ix->cap ? ix->cap * 2 : 64;
    if (ncap < ix->cap)
      return kgi_error_oom(err);
    kg_status st = rehash(ix, ncap, err);
    if (st)
      return st;
  }
  place(ix->hashes, ix->values, ix->cap - 1, fix(hash), value);
  ix->count++;
  return KG_OK;
}
