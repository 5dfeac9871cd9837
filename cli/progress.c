/* Progress on a terminal while kgexport reads and writes (see progress.h). */
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

void show_progress(void *ctx, uint64_t triples, int done) {
  progress *p = ctx;
  double s = seconds_since(&p->start);
  if (done && !p->shown)
    return; /* short reads say nothing */
  fprintf(stderr, "\r%s: %llu triples read, %.0f per second%s", prog, (unsigned long long)triples,
          s > 0 ? (double)triples / s : 0.0, done ? "\n" : "");
  p->shown = 1;
}

static void ticker_show(ticker *t) { /* t->lock held */
  int n = fprintf(stderr, "\r%s: writing %s, %.0f s", prog, t->what, seconds_since(&t->start));
  if (n > 0 && n - 1 < t->width)
    fprintf(stderr, "%*s", t->width - (n - 1), "");
  if (n > 0 && n - 1 > t->width)
    t->width = n - 1;
}

static void *ticker_run(void *arg) {
  ticker *t = arg;
  pthread_mutex_lock(&t->lock);
  struct timespec next = t->start;
  while (!t->stop) {
    next.tv_sec++;
    while (!t->stop && pthread_cond_timedwait(&t->wake, &t->lock, &next) != ETIMEDOUT)
      ;
    if (!t->stop)
      ticker_show(t);
  }
  pthread_mutex_unlock(&t->lock);
  return NULL;
}

void ticker_start(ticker *t, const char *what, int on, int now) {
  memset(t, 0, sizeof *t);
  t->what = what;
  if (!on)
    return;
  pthread_condattr_t attr;
  if (pthread_condattr_init(&attr) != 0)
    return;
  int ok = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
           pthread_cond_init(&t->wake, &attr) == 0;
  pthread_condattr_destroy(&attr);
  if (!ok)
    return;
  pthread_mutex_init(&t->lock, NULL);
  clock_gettime(CLOCK_MONOTONIC, &t->start);
  if (now)
    ticker_show(t);
  if (pthread_create(&t->thread, NULL, ticker_run, t) != 0) { /* no progress, still a write */
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->lock);
    return;
  }
  t->on = 1;
}

double ticker_stop(ticker *t) {
  if (!t->on)
    return 0;
  pthread_mutex_lock(&t->lock);
  t->stop = 1;
  pthread_cond_signal(&t->wake);
  pthread_mutex_unlock(&t->lock);
  pthread_join(t->thread, NULL);
  pthread_cond_destroy(&t->wake);
  pthread_mutex_destroy(&t->lock);
  t->on = 0;
  if (!t->width)
    return 0;
  fprintf(stderr, "\r%*s\r", t->width, "");
  double s = seconds_since(&t->start);
  return s >= 1 ? s : 0;
}
