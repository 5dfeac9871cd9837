/*
 * N-Triples through kgexport's own strict line reader (nt.c), which knows the column of
 * every syntax error: the window holds the lines, each complete one is read when it arrives.
 */
#include "importer.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ntriples {
  kgi_nt_reader r;
  size_t next_line; /* the first line not read yet */
  kgi_nt_scan scan; /* of that line, while it is not complete */
  size_t scan_line;
} ntriples;

/* The longest line: a triple of four terms (a literal's datatype is the fourth), each of
 * max bytes, and room for the syntax, spaces and a comment. */
static size_t line_max(size_t max) {
  return max > (SIZE_MAX - 65536) / 4 ? SIZE_MAX : 4 * max + 65536;
}

/* The last line, not complete yet: a term in it over the limit is refused now, before the
 * rest of it is read (N-Triples holds the whole line until it ends); so is a line longer
 * than four terms can make it. */
static kg_status check_pending(kgi_input *in, ntriples *nt) {
  kgi_window *w = &in->win;
  size_t k = w->nlines - 1, line = w->first_line + k, start = w->line_at[k], off;
  const char *what;
  char msg[160];
  if (nt->scan_line != line) {
    memset(&nt->scan, 0, sizeof nt->scan);
    nt->scan_line = line;
  }
  if (kgi_nt_scan_line(&nt->scan, w->text + start, w->len - start, in->max_term, &off, &what)) {
    if (w->len - start <= line_max(in->max_term))
      return KG_OK;
    off = line_max(in->max_term);
    snprintf(msg, sizeof msg,
             "a line of more than %zu bytes, which no triple of terms of at most %zu bytes "
             "needs (--max-term-bytes raises the limit)",
             off, in->max_term);
  } else {
    kgi_term_too_long(msg, sizeof msg, what, in->max_term);
  }
  kgi_error_set(in->err, KG_EDATA, "%s:%zu:%zu: %s", in->name, line,
                kgi_window_column(w, start, start + off), msg);
  return in->status = KG_EDATA;
}

static kg_status start(kgi_input *in) {
  ntriples *nt = kgi_calloc(1, sizeof *nt);
  if (!nt)
    return kgi_error_oom(in->err);
  nt->next_line = 1;
  nt->r.max_term = in->max_term;
  in->reader = nt;
  in->win.pinned_line = 1;
  return KG_OK;
}

/* Read the complete lines of the window (at the end, the last one too). */
static kg_status feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  KGI_UNUSED(data);
  KGI_UNUSED(n);
  ntriples *nt = in->reader;
  kgi_window *w = &in->win;
  size_t last = at_end ? w->nlines : w->nlines - 1;
  for (size_t k = nt->next_line - w->first_line; k < last; k++) {
    size_t start = w->line_at[k];
    size_t end = k + 1 < w->nlines ? w->line_at[k + 1] - 1 : w->len;
    size_t pos = 0;
    in->cur_line = w->first_line + k;
    for (;;) {
      kgi_term t[3];
      size_t off = 0;
      const char *msg = NULL;
      kgi_nt_result r = kgi_nt_read(&nt->r, w->text + start, end - start, &pos, t, &off, &msg);
      if (r == KGI_NT_EMPTY)
        break;
      if (r == KGI_NT_NOMEM)
        return in->status = kgi_error_oom(in->err);
      if (r == KGI_NT_ERROR) { /* a term over the limit is well-formed, but refused */
        kg_status st = msg == nt->r.msg ? KG_EDATA : KG_EPARSE;
        kgi_error_set(in->err, st, "%s:%zu:%zu: %s", in->name, in->cur_line,
                      kgi_window_column(w, start, start + off), msg);
        return in->status = st;
      }
      kgi_input_triple(in, &t[0], &t[1], &t[2]);
      if (in->status)
        return in->status;
    }
    nt->next_line = in->cur_line + 1;
    w->pinned_line = nt->next_line;
  }
  return at_end ? KG_OK : check_pending(in, nt);
}

static void finish(kgi_input *in) {
  ntriples *nt = in->reader;
  if (!nt)
    return;
  kgi_nt_dispose(&nt->r);
  free(nt);
  in->reader = NULL;
}

static const char *const extensions[] = {"nt", "ntriples", NULL};

const kgi_importer kgi_importer_ntriples = {
    .name = "ntriples",
    .extensions = extensions,
    .description = "N-Triples 1.1 (a strict line reader of kgexport's own)",
    .own_lang_check = true,
    .cr_ends_line = true,
    .start = start,
    .feed = feed,
    .finish = finish,
};
