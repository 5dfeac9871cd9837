/* Errors and checked allocation. */
#define _GNU_SOURCE /* madvise, sched_getaffinity */
#include "base.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#endif

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *kg_strerror(kg_status st) {
  switch (st) {
  case KG_OK: return "success";
  case KG_EINVAL: return "invalid argument";
  case KG_ENOMEM: return "out of memory";
  case KG_EPARSE: return "malformed input";
  case KG_EDATA: return "invalid data";
  case KG_EIO: return "input/output error";
  case KG_ENOTFOUND: return "not found";
  case KG_ELIB: return "library failure";
  case KG_EUNAVAIL: return "service unavailable";
  }
  return "unknown status";
}

void kg_error_init(kg_error *err) {
  if (!err)
    return;
  err->status = KG_OK;
  err->message[0] = '\0';
}

kg_status kgi_error_set(kg_error *err, kg_status st, const char *fmt, ...) {
  if (!err || err->status != KG_OK)
    return st; /* first error wins */
  err->status = st;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  /* one line: a message never carries a newline from quoted input */
  for (char *p = err->message; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  return st;
}

kg_status kgi_error_oom(kg_error *err) { return kgi_error_set(err, KG_ENOMEM, "out of memory"); }

#ifdef KG_ALLOC_FAULTS
static atomic_ulong alloc_counts[KGI_ALLOC_FAMILIES];
static atomic_ulong alloc_fail_at;
static atomic_int alloc_fail_family;
static atomic_bool alloc_fired;

bool kgi_alloc_fails(kgi_alloc_family family) {
  unsigned long n = atomic_fetch_add_explicit(&alloc_counts[family], 1, memory_order_relaxed) + 1;
  if (n != atomic_load_explicit(&alloc_fail_at, memory_order_relaxed) ||
      (int)family != atomic_load_explicit(&alloc_fail_family, memory_order_relaxed))
    return false;
  atomic_store(&alloc_fired, true);
  return true;
}

void kgi_alloc_arm(kgi_alloc_family family, unsigned long n) {
  for (int f = 0; f < KGI_ALLOC_FAMILIES; f++)
    atomic_store(&alloc_counts[f], 0);
  atomic_store(&alloc_fail_family, (int)family);
  atomic_store(&alloc_fail_at, n);
  atomic_store(&alloc_fired, false);
}

unsigned long kgi_alloc_count(kgi_alloc_family family) {
  return atomic_load(&alloc_counts[family]);
}

bool kgi_alloc_fired(void) { return atomic_load(&alloc_fired); }
#endif

static _Thread_local unsigned long oom_events;

unsigned long kgi_oom_events(void) { return oom_events; }

bool kgi_threads_allowed(void) {
  const char *n = getenv("KGEXPORT_THREADS");
  if (n && strcmp(n, "1") == 0)
    return false;
#ifdef __linux__
  /* a process held to one CPU (taskset, a container's cpuset) would only switch between
     its two threads: 4% slower reading 5M triples */
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) < 2)
    return false;
#endif
  return true;
}

typedef struct task_run {
  kgi_task fn;
  void *arg;
  kg_error err;
  kg_status st;
} task_run;

/* An allocation that failed on this thread counts here only (oom_events is the thread's):
 * kgi_oom_verdict makes it the task's failure, whatever the task made of it. */
static void *run_task(void *arg) {
  task_run *t = arg;
  unsigned long before = kgi_oom_events();
  t->st = kgi_oom_verdict(before, t->fn(t->arg, &t->err), &t->err);
  return NULL;
}

kg_status kgi_two_tasks(bool worth, kgi_task aside, void *aside_arg, kgi_task here, void *here_arg,
                        kg_error *err) {
  task_run t = {aside, aside_arg, {0}, KG_OK};
  kg_error_init(&t.err);
  pthread_t th;
  bool started = worth && kgi_threads_allowed() && pthread_create(&th, NULL, run_task, &t) == 0;
  if (!started && (t.st = aside(aside_arg, err)))
    return t.st;
  kg_status st = here(here_arg, err);
  if (started) {
    pthread_join(th, NULL);
    if (t.st && !st) {
      if (err)
        *err = t.err;
      st = t.st;
    }
  }
  return st;
}

kg_status kgi_oom_verdict(unsigned long before, kg_status st, kg_error *err) {
  if (oom_events == before || st == KG_ENOMEM)
    return st;
  kg_error_init(err); /* what followed the failure (a "missing" value, a parse error) */
  return kgi_error_oom(err);
}

/* Every failed allocation of the functions below is counted, for kgi_oom_verdict. */
static void *noted(void *p) {
  if (!p)
    oom_events++;
  return p;
}

void *kgi_malloc(size_t n) {
  return noted(kgi_alloc_fails(KGI_ALLOC_OWN) ? NULL : malloc(n ? n : 1));
}

void *kgi_calloc(size_t n, size_t size) {
  return noted(kgi_alloc_fails(KGI_ALLOC_OWN) ? NULL : calloc(n ? n : 1, size ? size : 1));
}

#if defined(__linux__) && defined(MADV_HUGEPAGE)
enum { HUGE = 2 * 1024 * 1024 };

/* bytes (2 MB or more) on 2 MB pages where the kernel allows; NULL when there is no memory */
static void *huge(size_t bytes) {
  void *p = NULL;
  if (posix_memalign(&p, HUGE, bytes) != 0)
    return NULL;
  (void)madvise(p, bytes, MADV_HUGEPAGE); /* advice: without it, 4 KB pages */
  return p;
}
#endif

void *kgi_malloc_big(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= HUGE)
    return noted(kgi_alloc_fails(KGI_ALLOC_OWN) ? NULL : huge(bytes));
#endif
  return kgi_malloc(bytes);
}

void *kgi_malloc_spare(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= HUGE)
    return huge(bytes);
#endif
  return malloc(bytes ? bytes : 1);
}

void *kgi_calloc_big(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size)
    return noted(NULL);
  size_t bytes = n * size;
  if (bytes == 0)
    bytes = 1;
  void *p = kgi_malloc_big(bytes);
  if (p)
    memset(p, 0, bytes);
  return p;
}

void *kgi_reallocarray(void *p, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size)
    return noted(NULL);
  size_t bytes = n * size;
  return noted(kgi_alloc_fails(KGI_ALLOC_OWN) ? NULL : realloc(p, bytes ? bytes : 1));
}

char *kgi_strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *d = kgi_malloc(len + 1);
  if (d) {
    memcpy(d, s, len);
    d[len] = '\0';
  }
  return d;
}

char *kgi_strdup(const char *s) { return kgi_strndup(s, SIZE_MAX); }

kg_status kgi_grow(void **items, size_t *cap, size_t need, size_t size, kg_error *err) {
  if (need <= *cap)
    return KG_OK;
  size_t ncap = *cap ? *cap : 1;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2)
      return kgi_error_oom(err);
    ncap *= 2;
  }
  void *p = kgi_reallocarray(*items, ncap, size);
  if (!p)
    return kgi_error_oom(err);
  *items = p;
  *cap = ncap;
  return KG_OK;
}
