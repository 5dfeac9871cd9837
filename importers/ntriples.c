/*
 * N-Triples through kgexport's own strict line reader (nt.c), which knows the column of
 * every syntax error: the window holds the lines, each complete one is read when it arrives.
 */
#include "importer.h"

#include <stdlib.h>

typedef struct ntriples {
  kgi_nt_reader r;
  size_t next_line; /* the first line not read yet */
} ntriples;

static kg_status start(kgi_input *in) {
  ntriples *nt = kgi_calloc(1, sizeof *nt);
  if (!nt)
    return kgi_error_oom(in->err);
  nt->next_line = 1;
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
      if (r == KGI_NT_ERROR) {
        kgi_error_set(in->err, KG_EPARSE, "%s:%zu:%zu: %s", in->name, in->cur_line,
                      kgi_window_column(w, start, start + off), msg);
        return in->status = KG_EPARSE;
      }
      kgi_input_triple(in, &t[0], &t[1], &t[2]);
      if (in->status)
        return in->status;
    }
    nt->next_line = in->cur_line + 1;
    w->pinned_line = nt->next_line;
  }
  return KG_OK;
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
