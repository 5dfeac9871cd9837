/* cgraph disciplines: the order of subgraphs in a DOT graph (see kgi_dot_disc in dot_build.h), and
 * an arena for its memory. */
#include "dot_build.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Subgraphs in the order they were made. agwrite writes subgraphs in the order of their ids,
 * and cgraph's own id discipline makes a named object's id the address of its interned
 * name: the clusters' order then depended on the heap (after a picture was rendered in the
 * same process, the next DOT listed them differently). This discipline numbers named
 * subgraphs as they are made and hands every other object to cgraph's own.
 */
/*
 * cgraph 2.43 uses what its allocator returns without a check (agstrdup copies into NULL: a
 * crash when memory runs out while a graph is built). Nothing can be unwound from inside
 * cgraph, so a failed allocation ends the process here, as Graphviz's own layout code does,
 * but with a message, the exit status of an internal error, and no temporary file left.
 */
static _Noreturn void out_of_memory(void) {
  static const char msg[] = "kgexport: out of memory in Graphviz (cgraph)\n";
  kg_remove_partial_outputs();
  (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
  _exit(70); /* EX_SOFTWARE; no atexit handler: they might allocate */
}

typedef struct ordered_ids {
  Agraph_t *g;  /* the state cgraph's own discipline works with */
  char **names; /* named subgraph k has the id 2 * (k + 1): even, as cgraph's named ids are */
  size_t n, cap;
} ordered_ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc) {
  ordered_ids *s = kgi_calloc(1, sizeof *s);
  if (!s)
    out_of_memory(); /* cgraph 2.43 does not check what this returns */
  s->g = AgIdDisc.open(g, disc);
  return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
  ordered_ids *s = state;
  if (objtype != AGRAPH || !str)
    return AgIdDisc.map(s->g, objtype, str, id, createflag);
  for (size_t k = 0; k < s->n; k++)
    if (strcmp(s->names[k], str) == 0) {
      *id = (IDTYPE)(2 * (k + 1));
      return 1;
    }
  if (!createflag)
    return 0;
  if (s->n == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 16;
    char **names = kgi_reallocarray(s->names, cap, sizeof *names);
    if (!names)
      out_of_memory(); /* a failed map leaves cgraph 2.43's own half-made graph behind */
    s->names = names;
    s->cap = cap;
  }
  /* a cgraph string: agwrite asks cgraph whether a name is an HTML string by its header */
  if (!(s->names[s->n] = agstrdup(s->g, str)))
    return 0;
  *id = (IDTYPE)(2 * ++s->n);
  return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id) {
  return AgIdDisc.alloc(((ordered_ids *)state)->g, objtype, id);
}

static void ids_free(void *state, int objtype, IDTYPE id) {
  ordered_ids *s = state;
  if (objtype != AGRAPH || id % 2 != 0 || id == 0 || (size_t)id / 2 > s->n)
    AgIdDisc.free(s->g, objtype, id);
}

static char *ids_print(void *state, int objtype, IDTYPE id) {
  ordered_ids *s = state;
  if (objtype == AGRAPH && id % 2 == 0 && id != 0 && (size_t)id / 2 <= s->n)
    return s->names[id / 2 - 1];
  return AgIdDisc.print(s->g, objtype, id);
}

static void ids_close(void *state) {
  ordered_ids *s = state;
  for (size_t k = 0; k < s->n; k++)
    agstrfree(s->g, s->names[k]);
  free(s->names);
  AgIdDisc.close(s->g);
  free(s);
}

static void ids_register(void *state, int objtype, void *obj) {
  AgIdDisc.idregister(((ordered_ids *)state)->g, objtype, obj);
}

static Agiddisc_t ordered_id_disc = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                     ids_print, ids_close, ids_register};

/* cgraph's memory, the usual way: its own discipline, with a check of what it returns. */
static void *heap_alloc(void *state, size_t req) {
  void *p = kgi_alloc_fails(KGI_ALLOC_CGRAPH) ? NULL : AgMemDisc.alloc(state, req); /* zeroed */
  if (!p && req)
    out_of_memory();
  return p;
}

static void *heap_resize(void *state, void *ptr, size_t old, size_t req) {
  void *p = kgi_alloc_fails(KGI_ALLOC_CGRAPH) ? NULL : AgMemDisc.resize(state, ptr, old, req);
  if (!p && req)
    out_of_memory();
  return p;
}

static Agmemdisc_t heap_mem_disc = {NULL, heap_alloc, heap_resize, NULL, NULL};

/*
 * cgraph's memory for a graph that is only written: an arena. Objects, attribute records,
 * interned strings and dictionaries are taken from 1 MB blocks and never freed one by one;
 * when the root graph is closed, cgraph hands the whole heap to the discipline's close (its
 * "free entire heap" path) instead of deleting every node and edge, their attribute records
 * and their strings one by one. That walk was two fifths of a large DOT export (7.8 s
 * against 4.6 s at 1M triples). What cgraph frees before the end (a replaced attribute
 * value) stays until then.
 *
 * cgraph's dictionaries take their holders from malloc or from the graph's heap, as a global
 * of cgraph's happens to be set (agdictobjmem); and give them back through the heap's free
 * whenever a delete sets it (agdtdelete). So the arena's free takes a pointer that is not
 * its own to be malloc's, and frees it. No graph is laid out in an arena (gvc's layouts
 * delete and make much; their graphs use the usual discipline).
 */
enum { ARENA_BLOCK = 1 << 20, ARENA_ALIGN = 16 };

typedef struct arena_block {
  struct arena_block *next;
  size_t size;
  max_align_t data[]; /* ARENA_ALIGN-aligned by malloc */
} arena_block;

typedef struct arena {
  arena_block *blocks;
  char *at, *end; /* the free part of the newest block */
} arena;

static void *arena_open(Agdisc_t *disc) {
  (void)disc;
  arena *a = kgi_calloc(1, sizeof *a);
  if (!a)
    out_of_memory();
  return a;
}

/* A block of its own for a large request, else a new 1 MB block to carve from. */
static void *arena_grow(arena *a, size_t req) {
  bool own = req > ARENA_BLOCK / 8;
  size_t size = own ? req : ARENA_BLOCK;
  arena_block *b = kgi_alloc_fails(KGI_ALLOC_CGRAPH) || size > SIZE_MAX - sizeof *b
                       ? NULL
                       : calloc(1, sizeof *b + size);
  if (!b)
    out_of_memory();
  b->next = a->blocks;
  b->size = size;
  a->blocks = b;
  char *data = (char *)b->data;
  if (!own) {
    a->at = data + req;
    a->end = data + size;
  }
  return data;
}

static void *arena_alloc(void *state, size_t req) {
  arena *a = state;
  req = (req + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (a->at && req <= (size_t)(a->end - a->at)) { /* none before the first block */
    void *p = a->at; /* zeroed: the blocks are calloc'd and never reused */
    a->at += req;
    return p;
  }
  return arena_grow(a, req);
}

static void *arena_resize(void *state, void *ptr, size_t old, size_t req) {
  if (req <= old)
    return ptr;
  void *p = arena_alloc(state, req);
  if (ptr && old)
    memcpy(p, ptr, old);
  return p;
}

static bool in_arena(const arena *a, const void *ptr) {
  const char *p = ptr;
  for (const arena_block *b = a->blocks; b; b = b->next)
    if (p >= (const char *)b->data && p < (const char *)b->data + b->size)
      return true;
  return false;
}

static void arena_free(void *state, void *ptr) {
  if (ptr && !in_arena(state, ptr))
    free(ptr); /* a dictionary holder malloc'd by cgraph (see above) */
}

static void arena_close(void *state) {
  arena *a = state;
  for (arena_block *b = a->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(a);
}

static Agmemdisc_t arena_mem_disc = {arena_open, arena_alloc, arena_resize, arena_free,
                                     arena_close};

/*
 * The dictionaries of a root graph. cdt mallocs each dictionary's header itself (its
 * contents are in the arena), and cgraph's whole-heap close does not close them: they are
 * freed here, after it. cgraph 2.43 makes these for a root graph: its five object sets, its
 * three attribute dictionaries, the string dictionary and the internal name maps, three
 * each way. A header missed here is a leak that memcheck.kgexport and LeakSanitizer report.
 */
enum { ROOT_DICTS = 15 };

static size_t root_dicts(Agraph_t *g, Dict_t **d) {
  size_t n = 0;
  Dict_t *sets[] = {g->n_seq, g->n_id, g->e_seq, g->e_id, g->g_dict, g->clos->strdict};
  for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
    d[n++] = sets[i];
  Agdatadict_t *dd = (Agdatadict_t *)aggetrec(g, kgi_cg("_AG_datadict"), 0);
  if (dd) {
    d[n++] = dd->dict.n;
    d[n++] = dd->dict.e;
    d[n++] = dd->dict.g;
  }
  for (int k = 0; k < 3; k++) {
    d[n++] = g->clos->lookup_by_name[k];
    d[n++] = g->clos->lookup_by_id[k];
  }
  return n;
}

/* The whole-heap close of a graph in an arena. */
static int close_arena_graph(Agraph_t *g) {
  /* subgraphs the usual way: their dictionaries are views on the root's, and their edge
     sets hold malloc'd holders */
  for (Agraph_t *sub = agfstsubg(g), *next; sub; sub = next) {
    next = agnxtsubg(sub);
    if (agclose(sub) != 0)
      return -1;
  }
  Dict_t *dicts[ROOT_DICTS];
  size_t n = root_dicts(g, dicts);
  ordered_ids *ids = g->clos->state.id;
  int rc = agclose(g); /* the arena goes (arena_close); the id discipline's close is skipped */
  for (size_t i = 0; i < n; i++)
    free(dicts[i]);
  free(ids->names); /* the names were in the arena */
  free(ids);
  return rc;
}

int kgi_dot_close(Agraph_t *g) {
  return g->clos->disc.mem == &arena_mem_disc ? close_arena_graph(g) : agclose(g);
}

static Agdisc_t heap_disc = {&heap_mem_disc, &ordered_id_disc, &AgIoDisc};
static Agdisc_t arena_disc = {&arena_mem_disc, &ordered_id_disc, &AgIoDisc};

Agdisc_t *kgi_dot_disc(bool in_arena_mem) {
  if (!heap_mem_disc.open) {             /* the parts of cgraph's own discipline it passes on to */
    heap_mem_disc.open = AgMemDisc.open; /* under the Graphviz lock, or before any thread */
    heap_mem_disc.free = AgMemDisc.free;
    heap_mem_disc.close = AgMemDisc.close;
  }
  return in_arena_mem ? &arena_disc : &heap_disc;
}
