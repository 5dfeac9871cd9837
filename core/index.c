/* An open-addressing hash index (linear probing) that stores hash tags and values only. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* One step per eight bytes: rotate, mix the word in, multiply. Each step is a bijection of
 * the running value, so strings of one length that differ in one word never collide; the
 * index's finaliser spreads the bits. In-memory only: a statement's IRI, which must stay the
 * same from one version to the next, uses kgi_hash_fnv instead. */
static inline uint64_t hash_step(uint64_t h, uint64_t w) {
  return (((h << 5) | (h >> 59)) ^ w) * 0x517cc1b727220a95ULL;
}

uint64_t kgi_hash_bytes(const void *data, size_t len, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = seed ^ (len * 0x9e3779b97f4a7c15ULL);
  for (; len >= 8; p += 8, len -= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = hash_step(h, w);
  }
  if (len) {
    uint64_t w = 0;
    memcpy(&w, p, len);
    h = hash_step(h, w);
  }
  return h;
}

static uint64_t fix(uint64_t h) {
  /* finaliser (splitmix64) so that linear probing sees well-spread bits */
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

/* The 32 bits a slot keeps of a hash; 0 marks an empty slot. The tag also says where the
 * slot's probe starts, so a rehash needs nothing else. */
static inline uint32_t tag_of(uint64_t hash) {
  uint32_t t = (uint32_t)fix(hash);
  return t ? t : 1;
}

void kgi_index_dispose(kgi_index *ix) {
  free(ix->slots);
  memset(ix, 0, sizeof *ix);
}

void kgi_index_clear(kgi_index *ix) {
  if (ix->slots)
    memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
  ix->count = 0;
}

uint32_t *kgi_index_find(const kgi_index *ix, uint64_t hash, kgi_index_eq eq, void *ctx) {
  if (!ix->cap)
    return NULL;
  uint32_t tag = tag_of(hash);
  size_t mask = ix->cap - 1;
  for (size_t i = tag & mask;; i = (i + 1) & mask) {
    kgi_index_slot *s = &ix->slots[i];
    if (s->tag == 0)
      return NULL;
    if (s->tag == tag && eq(ctx, s->value))
      return &s->value;
  }
}

void kgi_index_prefetch(const kgi_index *ix, uint64_t hash) {
  if (ix->cap)
    __builtin_prefetch(&ix->slots[tag_of(hash) & (ix->cap - 1)]);
}

/* find's probe without its eq() call, and four slots at most: it runs three times a term on
 * the mapping's hot path (as kgi_index_find with an always-true eq it cost 3% at 5M). */
const uint32_t *kgi_index_peek(const kgi_index *ix, uint64_t hash) {
  if (!ix->cap)
    return NULL;
  uint32_t tag = tag_of(hash);
  size_t mask = ix->cap - 1;
  for (size_t i = tag & mask, n = 0; n < 4; i = (i + 1) & mask, n++) {
    const kgi_index_slot *s = &ix->slots[i];
    if (s->tag == 0)
      return NULL;
    if (s->tag == tag)
      return &s->value;
  }
  return NULL;
}

static void place(kgi_index_slot *slots, size_t mask, uint32_t tag, uint32_t value) {
  size_t i = tag & mask;
  while (slots[i].tag != 0)
    i = (i + 1) & mask;
  slots[i].tag = tag;
  slots[i].value = value;
}

/* The entries placed again in ncap new slots, as their tags say (no key is read); their values
 * through `to` when given, an entry whose to[] is KGI_INDEX_GONE left out. */
static kg_status rehash(kgi_index *ix, size_t ncap, const uint32_t *to, kg_error *err) {
  kgi_index_slot *ns = kgi_calloc_big(ncap, sizeof *ns);
  if (!ns)
    return kgi_error_oom(err);
  size_t count = 0;
  for (size_t i = 0; i < ix->cap; i++) {
    uint32_t tag = ix->slots[i].tag, v = ix->slots[i].value;
    if (!tag || (to && (v = to[v]) == KGI_INDEX_GONE))
      continue;
    place(ns, ncap - 1, tag, v);
    count++;
  }
  free(ix->slots);
  ix->slots = ns;
  ix->cap = ncap;
  ix->count = count;
  return KG_OK;
}

kg_status kgi_index_renumber(kgi_index *ix, const uint32_t *to, kg_error *err) {
  return ix->cap ? rehash(ix, ix->cap, to, err) : KG_OK;
}

kg_status kgi_index_put(kgi_index *ix, uint64_t hash, uint32_t value, kg_error *err) {
  if ((ix->count + 1) * 4 >= ix->cap * 3) { /* keep the load under 3/4 */
    size_t ncap = ix->cap ? ix->cap * 2 : 64;
    if (ncap < ix->cap || (uint64_t)ncap > (uint64_t)UINT32_MAX + 1) /* 32 bits of position */
      return kgi_error_oom(err);
    kg_status st = rehash(ix, ncap, NULL, err);
    if (st)
      return st;
  }
  place(ix->slots, ix->cap - 1, tag_of(hash), value);
  ix->count++;
  return KG_OK;
}

/* ---- a map from interned pointers ---- */

static size_t ptr_home(const void *key, size_t mask) {
  return (size_t)fix((uint64_t)(uintptr_t)key) & mask;
}

uintptr_t *kgi_ptrmap_find(const kgi_ptrmap *m, const void *key) {
  if (!m->cap)
    return NULL;
  size_t mask = m->cap - 1;
  for (size_t i = ptr_home(key, mask);; i = (i + 1) & mask) {
    if (!m->slots[i].key)
      return NULL;
    if (m->slots[i].key == key)
      return &m->slots[i].value;
  }
}

static void ptr_place(kgi_ptrmap_slot *slots, size_t mask, const void *key, uintptr_t value) {
  size_t i = ptr_home(key, mask);
  while (slots[i].key)
    i = (i + 1) & mask;
  slots[i].key = key;
  slots[i].value = value;
}

kg_status kgi_ptrmap_put(kgi_ptrmap *m, const void *key, uintptr_t value, kg_error *err) {
  if ((m->count + 1) * 4 >= m->cap * 3) {
    size_t ncap = m->cap ? m->cap * 2 : 32;
    kgi_ptrmap_slot *ns = ncap > SIZE_MAX / sizeof *ns ? NULL : kgi_calloc(ncap, sizeof *ns);
    if (!ns)
      return kgi_error_oom(err);
    for (size_t i = 0; i < m->cap; i++)
      if (m->slots[i].key)
        ptr_place(ns, ncap - 1, m->slots[i].key, m->slots[i].value);
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
  }
  ptr_place(m->slots, m->cap - 1, key, value);
  m->count++;
  return KG_OK;
}

void kgi_ptrmap_dispose(kgi_ptrmap *m) {
  free(m->slots);
  memset(m, 0, sizeof *m);
}
