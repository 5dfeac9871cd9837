/*
 * core/base.h — the ground floor every module stands on: errors, memory, hashing, the hash
 * index, the string pool and the growable buffer. Knows no format and no vocabulary.
 */
#ifndef KGI_BASE_H
#define KGI_BASE_H

#include "kgexport.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define KGI_UNUSED(x) ((void)(x))
#if defined(__GNUC__)
#define KGI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define KGI_PRINTF(a, b)
#endif

/* ---- errors (core/error.c) ---- */

/* Set err (first error wins: a filled err is left alone) and return st. */
kg_status kgi_error_set(kg_error *err, kg_status st, const char *fmt, ...) KGI_PRINTF(3, 4);
kg_status kgi_error_oom(kg_error *err);

/* ---- memory ---- */

/* AddressSanitizer sees the graph's blocks as one allocation each: the model tells it where
 * its pieces are (a node, an edge, an array), with a poisoned gap after each, so that an
 * overrun, or a use of a piece given up, is reported as it would be for a malloc'd one. */
#if defined(__SANITIZE_ADDRESS__)
#define KGI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KGI_ASAN 1
#endif
#endif
#ifdef KGI_ASAN
#include <sanitizer/asan_interface.h>
#define KGI_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define KGI_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define KGI_REDZONE 16
#else
#define KGI_POISON(p, n) ((void)(p), (void)(n))
#define KGI_UNPOISON(p, n) ((void)(p), (void)(n))
#define KGI_REDZONE 0
#endif

void *kgi_malloc(size_t n);
void *kgi_calloc(size_t n, size_t size);
/* Memory for large tables and arenas (hash indexes, node and string storage), freed with
 * free(): from 2 MB on, on Linux, in 2 MB pages where transparent huge pages are enabled for
 * madvise, which saves a page fault per 4 KB on filling and most TLB misses on random probes. */
void *kgi_malloc_big(size_t bytes);
void *kgi_calloc_big(size_t n, size_t size); /* zeroed */
/* As kgi_malloc_big, for memory the caller can do without (made ahead, in case): a failure
 * is neither a fault of the allocation sweep nor an out-of-memory event of the run. */
void *kgi_malloc_spare(size_t bytes);
/* realloc of an array of `n` items of `size`, overflow-checked; NULL on failure. */
void *kgi_reallocarray(void *p, size_t n, size_t size);
/* Grow *items so that it holds at least `need` items; *cap is updated. */
kg_status kgi_grow(void **items, size_t *cap, size_t need, size_t size, kg_error *err);
char *kgi_strdup(const char *s);
char *kgi_strndup(const char *s, size_t n);
/*
 * Allocations of the functions above that failed, in this thread so far. An import or an
 * export reads it as it starts and hands it to kgi_oom_verdict as it ends: when memory ran
 * out anywhere in between, the outcome is KG_ENOMEM, whatever the code that met the failure
 * made of it (a buffer that stopped growing reads as a shorter value, a data error).
 */
unsigned long kgi_oom_events(void);
kg_status kgi_oom_verdict(unsigned long before, kg_status st, kg_error *err);

/* Whether an import or export may start a thread of its own (reading N-Triples, composing
 * GraphML and GEXF): yes, unless the process may run on one CPU only, or the environment
 * says KGEXPORT_THREADS=1 (for a user who keeps kgexport on one thread, and for the tests
 * that compare both ways byte for byte). */
bool kgi_threads_allowed(void);

/* Two independent pieces of work: `aside` on a second thread while `here` runs on this one
 * when `worth` it (a size above which a thread pays) and threads are allowed, else aside
 * then here. The first failure is returned, here's before aside's; aside's error reaches
 * err only through this call. Neither may touch what the other writes. */
typedef kg_status (*kgi_task)(void *arg, kg_error *err);
kg_status kgi_two_tasks(bool worth, kgi_task aside, void *aside_arg, kgi_task here, void *here_arg,
                        kg_error *err);

/*
 * Allocation faults, for the sweep of tests/unit/alloc_sweep.c: in a build with
 * -DKG_ALLOC_FAULTS=ON every allocation of kgexport's own (the functions above), of libxml2
 * (when the caller installs a counting allocator with xmlMemSetup) and of cgraph (the memory
 * discipline of exporters/dot_ids.c) is counted per family, and the Nth of an armed family
 * fails, once. In other builds kgi_alloc_fails() is a constant false.
 */
typedef enum kgi_alloc_family {
  KGI_ALLOC_OWN,
  KGI_ALLOC_LIBXML2,
  KGI_ALLOC_CGRAPH,
  KGI_ALLOC_FAMILIES
} kgi_alloc_family;
#ifdef KG_ALLOC_FAULTS
/* Count one allocation of `family`; true when it is the one to fail. Thread-safe. */
bool kgi_alloc_fails(kgi_alloc_family family);
/* Reset the counts; the nth allocation of `family` will fail (n = 0: none). */
void kgi_alloc_arm(kgi_alloc_family family, unsigned long n);
unsigned long kgi_alloc_count(kgi_alloc_family family);
/* Whether the armed allocation was reached (and failed) since kgi_alloc_arm. */
bool kgi_alloc_fired(void);
#else
static inline bool kgi_alloc_fails(kgi_alloc_family family) {
  (void)family;
  return false;
}
#endif

/* Byte scans take sixteen bytes a step with SSE2 (every x86-64); KG_NO_SIMD builds their
 * portable loops instead, which the sanitizer build tests. */
#if defined(__SSE2__) && !defined(KG_NO_SIMD)
#define KGI_SSE2 1
#endif

/* ---- hashing and the index (core/index.c) ---- */

/* For in-memory indexes only: fast, not the same from one version to the next. */
uint64_t kgi_hash_bytes(const void *data, size_t len, uint64_t seed);
static inline uint64_t kgi_hash_str(const char *s, uint64_t seed) {
  return kgi_hash_bytes(s, strlen(s), seed);
}
/* FNV-1a: stable across versions and machines, for what the output shows (a statement's IRI). */
static inline uint64_t kgi_hash_fnv(const char *s, uint64_t seed) {
  uint64_t h = seed ^ 14695981039346656037ULL;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}
static inline uint64_t kgi_hash_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

/*
 * An open-addressing hash index from a 64-bit hash to a uint32 value. It stores no keys:
 * the caller compares candidates (values with the same hash) against its own storage.
 */
typedef struct kgi_index_slot {
  uint32_t tag; /* 32 bits of the finalised hash, never 0: 0 marks an empty slot */
  uint32_t value;
} kgi_index_slot;
typedef struct kgi_index {
  kgi_index_slot *slots; /* a tag and its value side by side: one cache line per probe */
  size_t cap, count;
} kgi_index;

typedef bool (*kgi_index_eq)(void *ctx, uint32_t value);

/* Values renumbered: v becomes to[v], and goes when to[v] is KGI_INDEX_GONE. The tags are
 * placed again as they are: no key is hashed or read (a key must not have changed). */
#define KGI_INDEX_GONE UINT32_MAX
kg_status kgi_index_renumber(kgi_index *ix, const uint32_t *to, kg_error *err);
void kgi_index_dispose(kgi_index *ix);
/* The value whose hash tag matches and for which eq() says yes, or NULL. */
uint32_t *kgi_index_find(const kgi_index *ix, uint64_t hash, kgi_index_eq eq, void *ctx);
kg_status kgi_index_put(kgi_index *ix, uint64_t hash, uint32_t value, kg_error *err);
/* Ask for the slot a find of this hash will probe first, ahead of the find. */
void kgi_index_prefetch(const kgi_index *ix, uint64_t hash);
/* The value of the first slot a find of this hash would compare, or NULL: a guess, for
 * prefetching what a find will read next (no eq() is called). */
const uint32_t *kgi_index_peek(const kgi_index *ix, uint64_t hash);
void kgi_index_clear(kgi_index *ix);

/* A small map whose keys are pointers compared as such (interned strings). Put a key only
 * when find says it is absent. */
typedef struct kgi_ptrmap_slot {
  const void *key; /* NULL marks an empty slot */
  uintptr_t value; /* a small number or a pointer, as the map's owner says */
} kgi_ptrmap_slot;
typedef struct kgi_ptrmap {
  kgi_ptrmap_slot *slots;
  size_t cap, count;
} kgi_ptrmap;

uintptr_t *kgi_ptrmap_find(const kgi_ptrmap *m, const void *key);
kg_status kgi_ptrmap_put(kgi_ptrmap *m, const void *key, uintptr_t value, kg_error *err);
void kgi_ptrmap_dispose(kgi_ptrmap *m);

/* ---- memory made ready ahead (core/reserve.c) ----
 *
 * A graph's 2 MB blocks (nodes, edges, strings), zeroed and touched ahead by a thread with
 * time to spare, so that the thread filling the graph does not wait for the kernel to zero
 * fresh pages. Between init and dispose (the owner's), fill, block and release may be
 * called from any thread. The reserve starts empty and idle; the first block taken says the
 * graph is big enough for a reserve to pay.
 */
#define KGI_RESERVE_BLOCK (2 * 1024 * 1024)
#define KGI_RESERVE_MAX 2 /* ready blocks: at most 4 MB made and not taken */
typedef struct kgi_reserve {
  pthread_mutex_t lock;
  void *ready[KGI_RESERVE_MAX];
  int nready;
  atomic_bool wanted; /* a block was taken; kgi_reserve_release clears it */
} kgi_reserve;

void kgi_reserve_init(kgi_reserve *r);
void kgi_reserve_dispose(kgi_reserve *r);
/* Make blocks until KGI_RESERVE_MAX are ready, when blocks are wanted (the helper's call). */
void kgi_reserve_fill(kgi_reserve *r);
/* Memory of `bytes` for the caller (free()): a ready block (zeroed) when it asks for
 * KGI_RESERVE_BLOCK bytes and one is ready, else allocated now with kgi_malloc_big, zeroed
 * when asked (r may be NULL); NULL when memory ran out. */
void *kgi_reserve_block(kgi_reserve *r, size_t bytes, bool zeroed);
/* Free the ready blocks and go idle, for the helper's caller once the helper is done: a
 * block taken afterwards makes the reserve wanted again, but nothing fills it. */
void kgi_reserve_release(kgi_reserve *r);

/* ---- string pool (core/pool.c): interned strings, freed with the pool ---- */

typedef struct kgi_pool_chunk kgi_pool_chunk;
typedef struct kgi_pool {
  kgi_pool_chunk *chunks;
  size_t nchunks;
  const char **strs; /* every interned string, by number */
  size_t nstrs, capstrs;
  kgi_index index;
  kgi_reserve *reserve; /* where its 2 MB chunks come from (NULL: allocated as needed) */
} kgi_pool;

void kgi_pool_init(kgi_pool *p);
void kgi_pool_dispose(kgi_pool *p);
/* Interned copy of s[0..len): equal strings get the same pointer. NULL on OOM. */
const char *kgi_pool_intern_len(kgi_pool *p, const char *s, size_t len);
const char *kgi_pool_intern(kgi_pool *p, const char *s);
/* The interned copy of s, or NULL when s was never interned (adds nothing). */
const char *kgi_pool_lookup(const kgi_pool *p, const char *s);

/* ---- a growable text buffer (core/buf.c) ---- */

/*
 * Text composed piece by piece. An append that cannot allocate sets `oom` and makes every
 * later append a no-op, so a chain of appends is checked once, at the end. `s` is always
 * NUL-terminated once anything was appended (NULL before). init/dispose: the caller's struct.
 */
typedef struct kgi_buf {
  char *s;
  size_t len, cap;
  bool oom;
} kgi_buf;

void kgi_buf_init(kgi_buf *b);
void kgi_buf_dispose(kgi_buf *b);
void kgi_buf_clear(kgi_buf *b);
void kgi_buf_put(kgi_buf *b, const char *s, size_t n);
void kgi_buf_puts(kgi_buf *b, const char *s);
void kgi_buf_printf(kgi_buf *b, const char *fmt, ...) KGI_PRINTF(2, 3);
/* The text so far ("" when empty). */
const char *kgi_buf_str(const kgi_buf *b);

#endif /* KGI_BASE_H */
