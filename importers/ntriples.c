/*
 * N-Triples through kgexport's own strict line reader (nt.c), which knows the column of
 * every syntax error: the window holds the lines, each complete one is read when it arrives.
 */
#include "importer.h"

#include <errno.h>
#include <pthread.h>
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

/* What becomes of each triple read: mapped into the model, or kept for the thread that maps. */
typedef void (*triple_fn)(kgi_input *in, void *ctx, const kgi_term t[3]);

/* Read the complete lines of the window (at the end, the last one too). */
static kg_status read_lines(kgi_input *in, ntriples *nt, bool at_end, triple_fn fn, void *ctx) {
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
      fn(in, ctx, t);
      if (in->status)
        return in->status;
    }
    nt->next_line = in->cur_line + 1;
    w->pinned_line = nt->next_line;
  }
  return at_end ? KG_OK : check_pending(in, nt);
}

static void map_triple(kgi_input *in, void *ctx, const kgi_term t[3]) {
  KGI_UNUSED(ctx);
  kgi_input_triple(in, &t[0], &t[1], &t[2]);
}

static kg_status feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  KGI_UNUSED(data);
  KGI_UNUSED(n);
  return read_lines(in, in->reader, at_end, map_triple, NULL);
}

/* ---- a file or a buffer on two threads ----
 *
 * Reading, checking and decoding the lines is half of an import, mapping the triples into
 * the model the other half (bench/PROFILE.md). read_all gives the first half to a thread of
 * its own, which hands batches of decoded triples to the caller's thread; that one maps them
 * in the order of the input, so the model, the progress calls and the first error are those
 * of one thread reading alone. Each batch carries the lines its triples came from, for the
 * column of a term the mapping refuses. The reader stops at its first failure and passes it
 * on after the triples before it; the mapping's first failure stops the reader.
 */

enum { BATCHES = 4, PIPE_CHUNK = 256 * 1024, PREFETCH_AHEAD = 8 };

/* A decoded term, as offsets into its batch's strings (lang and datatype: 0 none, else
 * offset + 1). */
typedef struct packed_term {
  kgi_term_type type;
  size_t str, len, lang, datatype;
  uint64_t node_hash;     /* a subject's or object's IRI: kgi_graph_node_hash */
  uint8_t vocab_ok, pred; /* kgi_term_prepare's answers */
} packed_term;

typedef struct packed_triple {
  size_t line;
  packed_term t[3];
} packed_triple;

typedef struct batch {
  kgi_buf strs; /* the terms' strings, each NUL-terminated */
  packed_triple *triples;
  size_t n, cap;
  kgi_window win; /* the lines of the triples, from the first to the last */
  kg_status st;   /* the reader's failure after these triples (KG_OK: none) */
  kg_error err;
  bool last;
  const kg_graph *g; /* the graph mapped into: its base, for kgi_graph_node_hash */
} batch;

typedef struct pipeline {
  pthread_mutex_t lock;
  pthread_cond_t changed;
  batch slots[BATCHES];
  size_t taken, given; /* batches taken by the mapping, and given by the reader, so far */
  bool stop;           /* the mapping is done: the reader ends */
  /* the reader's own */
  kgi_input in; /* its window, its messages (err), its status */
  kg_error err;
  ntriples nt;
  FILE *file;
  const char *head;
  size_t nhead;
  char *chunk;
  kgi_reserve *reserve; /* the graph's, filled by the reader */
} pipeline;

static size_t pack_str(batch *b, const char *s, size_t len) {
  size_t at = b->strs.len;
  kgi_buf_put(&b->strs, s, len);
  kgi_buf_put(&b->strs, "", 1);
  return at;
}

static void pack_triple(kgi_input *in, void *ctx, const kgi_term t[3]) {
  batch *b = ctx;
  if (kgi_grow((void **)&b->triples, &b->cap, b->n + 1, sizeof *b->triples, in->err)) {
    in->status = KG_ENOMEM;
    return;
  }
  packed_triple *p = &b->triples[b->n++];
  p->line = in->cur_line;
  for (int i = 0; i < 3; i++) {
    kgi_term ahead = t[i];
    kgi_term_prepare(&ahead, i == 1);
    p->t[i].vocab_ok = ahead.vocab_ok;
    p->t[i].pred = ahead.pred;
    p->t[i].type = t[i].type;
    p->t[i].len = t[i].len;
    p->t[i].str = pack_str(b, t[i].str, t[i].len);
    p->t[i].lang = t[i].lang ? pack_str(b, t[i].lang, strlen(t[i].lang)) + 1 : 0;
    p->t[i].datatype = t[i].datatype ? pack_str(b, t[i].datatype, strlen(t[i].datatype)) + 1 : 0;
    /* hashed here, on the reading thread, for the mapping's prefetch and lookup */
    p->t[i].node_hash =
        i != 1 && t[i].type == KGI_TERM_IRI ? kgi_graph_node_hash(b->g, t[i].str) : 0;
  }
  if (b->strs.oom) { /* the triple goes: its strings are not all there */
    b->n--;
    in->status = kgi_error_oom(in->err);
  }
}

static kgi_term unpack(const batch *b, const packed_term *p) {
  const char *s = b->strs.s;
  kgi_term t = {p->type,
                s + p->str,
                p->len,
                p->lang ? s + p->lang - 1 : NULL,
                p->datatype ? s + p->datatype - 1 : NULL,
                p->node_hash,
                p->vocab_ok,
                p->pred};
  return t;
}

/* Lines [from, to) of the reader's window, appended to the batch's. */
static kg_status keep_lines(batch *b, const kgi_window *w, size_t from, size_t to, kg_error *err) {
  if (from >= to)
    return KG_OK;
  size_t k0 = from - w->first_line, k1 = to - w->first_line;
  size_t start = w->line_at[k0], end = k1 < w->nlines ? w->line_at[k1] : w->len;
  kgi_window *bw = &b->win;
  if (!bw->nlines)
    bw->first_line = from;
  if (kgi_grow((void **)&bw->text, &bw->cap, bw->len + end - start + 1, 1, err) ||
      kgi_grow((void **)&bw->line_at, &bw->caplines, bw->nlines + k1 - k0, sizeof *bw->line_at,
               err))
    return KG_ENOMEM;
  for (size_t k = k0; k < k1; k++)
    bw->line_at[bw->nlines++] = bw->len + w->line_at[k] - start;
  memcpy(bw->text + bw->len, w->text + start, end - start);
  bw->len += end - start;
  bw->text[bw->len] = '\0';
  return KG_OK;
}

static void batch_clear(batch *b) {
  kgi_buf_clear(&b->strs);
  b->n = 0;
  b->win.len = b->win.nlines = 0;
  b->st = KG_OK;
  kg_error_init(&b->err);
  b->last = false;
}

/* The next batch the reader may fill; NULL when the mapping is done. */
static batch *free_batch(pipeline *p) {
  pthread_mutex_lock(&p->lock);
  while (!p->stop && p->given - p->taken >= BATCHES - 1)
    pthread_cond_wait(&p->changed, &p->lock); /* the one being mapped stays untouched */
  batch *b = p->stop ? NULL : &p->slots[p->given % BATCHES];
  pthread_mutex_unlock(&p->lock);
  if (b)
    batch_clear(b);
  return b;
}

static void give(pipeline *p) {
  pthread_mutex_lock(&p->lock);
  p->given++;
  pthread_cond_broadcast(&p->changed);
  pthread_mutex_unlock(&p->lock);
}

/* One chunk through the window, its check and the line reader, into a batch. */
static kg_status read_chunk(pipeline *p, batch *b, const char *data, size_t n, bool at_end) {
  kgi_input *in = &p->in;
  size_t from = p->nt.next_line;
  kg_status st = kgi_window_append(&in->win, data, n, in->err);
  if (!st)
    st = kgi_window_check(&in->win, at_end, in->name, in->err);
  if (!st)
    st = read_lines(in, &p->nt, at_end, pack_triple, b);
  /* the lines of the triples packed, the one that failed too (its column) */
  size_t to = st && in->cur_line >= from ? in->cur_line + 1 : p->nt.next_line;
  if (to > in->win.first_line + in->win.nlines)
    to = in->win.first_line + in->win.nlines;
  kg_status kept = keep_lines(b, &in->win, from, to, in->err);
  return st ? st : kept;
}

static void *read_side(void *arg) {
  pipeline *p = arg;
  kgi_input *in = &p->in;
  unsigned long oom_before = kgi_oom_events();
  kg_status st = KG_OK;
  bool at_end = false;
  batch *b = free_batch(p);
  if (b && p->nhead) { /* the bytes read already: all of the input when there is no file */
    at_end = !p->file;
    st = read_chunk(p, b, p->head, p->nhead, at_end);
  }
  while (b && !st && !at_end) {
    if (b->n || b->win.len) { /* one batch a chunk */
      give(p);
      kgi_reserve_fill(p->reserve); /* while the mapping works: this thread waits for it */
      if (!(b = free_batch(p)))
        break;
    }
    size_t n = p->file ? fread(p->chunk, 1, PIPE_CHUNK, p->file) : 0;
    if (p->file && n < PIPE_CHUNK && ferror(p->file)) {
      st = kgi_error_set(in->err, KG_EIO, "%s: read failed: %s", in->name, strerror(errno));
      break;
    }
    at_end = !p->file || (n < PIPE_CHUNK && feof(p->file));
    st = read_chunk(p, b, p->chunk ? p->chunk : "", n, at_end);
  }
  if (b) {
    b->st = kgi_oom_verdict(oom_before, st, in->err);
    b->err = p->err;
    b->last = true;
    give(p);
  }
  return NULL;
}

/* The next batch to map, in order; it stays the mapping's until the next call. */
static batch *next_batch(pipeline *p) {
  pthread_mutex_lock(&p->lock);
  while (p->given == p->taken)
    pthread_cond_wait(&p->changed, &p->lock);
  batch *b = &p->slots[p->taken % BATCHES];
  pthread_mutex_unlock(&p->lock);
  return b;
}

static void mapped(pipeline *p, bool stop) {
  pthread_mutex_lock(&p->lock);
  p->taken++;
  p->stop = p->stop || stop;
  pthread_cond_broadcast(&p->changed);
  pthread_mutex_unlock(&p->lock);
}

/* What the lookups of the subjects and objects of the triples ahead will read, asked for in
 * stages (their hashes were computed on the reading thread): the index slot PREFETCH_AHEAD
 * triples on, then, two triples nearer each time, the node's entry, the node and its id, each
 * found through what the stage before brought in. At 5M triples each is a cache miss.
 * Reading 5M triples with both CPUs: 5.8 s with none, 4.8-5.1 s with the slot alone, then
 * 5% less with the stages (3.33 -> 3.17 s, medians of five, on a smaller model). With one
 * CPU, batching the triples to prefetch this way cost as much as it saved. */
static void prefetch_nodes(const kg_graph *g, const batch *b, size_t i) {
  for (int stage = 0; stage < 4; stage++) {
    size_t j = i + PREFETCH_AHEAD - 2 * (size_t)stage;
    if (j >= b->n)
      continue;
    const packed_triple *t = &b->triples[j];
    for (int k = 0; k < 3; k += 2)
      if (t->t[k].node_hash)
        kgi_graph_prefetch_node(g, t->t[k].node_hash, stage);
  }
}

/* Map one batch, with its lines as the window the mapping's messages look in. */
static void map_batch(kgi_input *in, batch *b) {
  kgi_window own = in->win;
  in->win = b->win;
  for (size_t i = 0; i < b->n && !in->status; i++) {
    prefetch_nodes(in->g, b, i);
    const packed_triple *t = &b->triples[i];
    kgi_term s = unpack(b, &t->t[0]), pr = unpack(b, &t->t[1]), o = unpack(b, &t->t[2]);
    in->cur_line = t->line;
    kgi_input_triple(in, &s, &pr, &o);
  }
  b->win = in->win;
  in->win = own;
  if (!in->status && b->st) { /* the reader's failure comes after the triples before it */
    *in->err = b->err;
    in->status = b->st;
  }
}

static void pipeline_dispose(pipeline *p) {
  for (int i = 0; i < BATCHES; i++) {
    kgi_buf_dispose(&p->slots[i].strs);
    free(p->slots[i].triples);
    kgi_window_dispose(&p->slots[i].win);
  }
  kgi_window_dispose(&p->in.win);
  kgi_nt_dispose(&p->nt.r);
  free(p->chunk);
  pthread_cond_destroy(&p->changed);
  pthread_mutex_destroy(&p->lock);
  free(p);
}

static kg_status read_all(kgi_input *in, FILE *file, const char *head, size_t nhead) {
  pipeline *p = kgi_calloc(1, sizeof *p);
  if (!p || (file && !(p->chunk = kgi_malloc(PIPE_CHUNK)))) {
    free(p);
    return in->status = kgi_error_oom(in->err);
  }
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->changed, NULL);
  kg_error_init(&p->err);
  p->in.name = in->name;
  p->in.err = &p->err;
  p->in.max_term = in->max_term;
  p->in.win.cr_ends_line = in->win.cr_ends_line;
  p->in.win.pinned_line = 1;
  p->nt.next_line = 1;
  p->nt.r.max_term = in->max_term;
  for (int i = 0; i < BATCHES; i++)
    p->slots[i].g = in->g;
  p->reserve = &in->g->reserve;
  p->file = file;
  p->head = head;
  p->nhead = nhead;
  pthread_t reader;
  if (pthread_create(&reader, NULL, read_side, p) != 0) {
    pipeline_dispose(p);
    return in->status = kgi_error_set(in->err, KG_ENOMEM, "out of memory (a reading thread)");
  }
  for (bool last = false; !last;) {
    batch *b = next_batch(p);
    map_batch(in, b);
    last = b->last || in->status;
    mapped(p, last);
  }
  pthread_join(reader, NULL);
  kgi_reserve_release(p->reserve);
  pipeline_dispose(p);
  return in->status;
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
    .read_all = read_all,
    .finish = finish,
};
