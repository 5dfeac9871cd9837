/* core/sink.h — atomic output: a temporary file beside the target, renamed when complete (a
 * link's target is replaced, the link kept); a device or a pipe is written as it is. */
#ifndef KGI_SINK_H
#define KGI_SINK_H

#include "base.h"

#include <stdio.h>

typedef struct kgi_sink {
  FILE *fp;
  char *tmp_path;
  char *final_path;
  int slot;    /* 1 + its slot among the files kg_remove_partial_outputs removes; 0: none */
  bool direct; /* the target is a device or a pipe, written as it is (no temporary file) */
} kgi_sink;

kg_status kgi_sink_open(kgi_sink *s, const char *path, kg_error *err);
/* Flush, check, close and rename: the file appears complete or not at all. */
kg_status kgi_sink_commit(kgi_sink *s, kg_error *err);
/* Close and remove the temporary file (safe after a failed commit, accepts an unopened sink). */
void kgi_sink_abort(kgi_sink *s);

#endif /* KGI_SINK_H */
