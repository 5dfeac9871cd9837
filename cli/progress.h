/*
 * cli/progress.h — progress on a terminal: a long read's count and rate, a long write's
 * seconds. Private to the command line.
 */
#ifndef KG_CLI_PROGRESS_H
#define KG_CLI_PROGRESS_H

#include <pthread.h>
#include <stdint.h>
#include <time.h>

/* The program's name, for the lines shown. */
extern const char *prog;

/* Seconds since `start` (CLOCK_MONOTONIC). */
double seconds_since(const struct timespec *start);

/* Progress of a long read, on a terminal only (a rate helps to guess how long is left): the
 * import's progress callback, ctx a struct progress. */
typedef struct progress {
  struct timespec start;
  int shown;
} progress;
void show_progress(void *ctx, uint64_t triples, int done);

/*
 * Progress of a write, on a terminal only: what is being written ("out/g.png (8 of 10)"),
 * shown at once or after a second, then the seconds so far, once a second, from a thread of
 * its own (the write itself reports nothing until it is done). The line is cleared when
 * the file is written.
 */
typedef struct ticker {
  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_t thread;
  struct timespec start;
  const char *what;
  int on;    /* a terminal shows it, and the thread runs */
  int stop;  /* set by ticker_stop */
  int width; /* characters of the line shown, 0: none */
} ticker;

/* Start showing the write of `what` (a borrowed string) when `on`; at once when `now`. */
void ticker_start(ticker *t, const char *what, int on, int now);
/* Stop and clear the line; the seconds the write took when its progress was shown and it
 * took a second or more, else 0 (short writes say nothing more). */
double ticker_stop(ticker *t);

#endif /* KG_CLI_PROGRESS_H */
