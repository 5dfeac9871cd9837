/* The order of subgraphs in a DOT graph (see kgi_dot_disc in dot_build.h). */
#include "dot_build.h"

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

static void *mem_alloc(void *state, size_t req) {
  void *p = kgi_alloc_fails(KGI_ALLOC_CGRAPH) ? NULL : AgMemDisc.alloc(state, req); /* zeroed */
  if (!p && req)
    out_of_memory();
  return p;
}

static void *mem_resize(void *state, void *ptr, size_t old, size_t req) {
  void *p = kgi_alloc_fails(KGI_ALLOC_CGRAPH) ? NULL : AgMemDisc.resize(state, ptr, old, req);
  if (!p && req)
    out_of_memory();
  return p;
}

static Agmemdisc_t checked_mem_disc = {NULL, mem_alloc, mem_resize, NULL, NULL};

static Agdisc_t ordered_disc = {&checked_mem_disc, &ordered_id_disc, &AgIoDisc};

/* The parts of cgraph's own memory discipline this one passes on to. */
static void init_mem_disc(void) {
  checked_mem_disc.open = AgMemDisc.open;
  checked_mem_disc.free = AgMemDisc.free;
  checked_mem_disc.close = AgMemDisc.close;
}

Agdisc_t *kgi_dot_disc(void) {
  if (!checked_mem_disc.open)
    init_mem_disc(); /* under the Graphviz lock (dot_build.c), or before any thread */
  return &ordered_disc;
}
