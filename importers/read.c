/*
 * One import, whatever the format: the input read in chunks into the window (checked for
 * UTF-8 and XML characters), handed to the format's reader, whose triples map.c puts into
 * the model; then statements folded into edges, the default source applied, empty nodes
 * dropped, ids made relative to the story's own base, the graph compacted.
 */
#include "importer.h"

#include <errno.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

/* Input is read in chunks of this size: memory stays flat however large the file. */
enum { CHUNK = 256 * 1024 };

static kg_status feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  kg_status st = kgi_window_append(&in->win, data, n, in->err);
  if (!st)
    st = kgi_window_check(&in->win, at_end, in->name, in->err);
  if (!st)
    st = in->format->feed(in, data, n, at_end);
  return st ? st : in->status;
}

static kg_status read_file(kgi_input *in, FILE *file) {
  char *chunk = kgi_malloc(CHUNK);
  if (!chunk)
    return kgi_error_oom(in->err);
  kg_status st = KG_OK;
  for (;;) {
    size_t n = fread(chunk, 1, CHUNK, file);
    if (n < CHUNK && ferror(file)) {
      st = kgi_error_set(in->err, KG_EIO, "%s: read failed: %s", in->name, strerror(errno));
      break;
    }
    bool at_end = n < CHUNK && feof(file);
    if ((st = feed(in, chunk, n, at_end)) || at_end)
      break;
  }
  free(chunk);
  return st;
}

/* Nodes left with nothing (e.g. only named by a folded statement) are not part of the
 * graph; neither are those the folding dropped. The default source goes to what is kept. */
static void settle_nodes(kgi_input *in, uint8_t *drop) {
  kg_graph *g = in->g;
  for (size_t i = 0; in->default_source && i < g->nnodes; i++)
    if (!drop[i] && !g->nodes[i]->source && g->nodes[i] != in->default_source)
      g->nodes[i]->source = in->default_source;
  for (size_t i = 0; in->default_source && i < g->nedges; i++)
    if (!g->edges[i]->source)
      g->edges[i]->source = in->default_source;
  enum { EMPTY = 2 };
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    if (!drop[i] && !n->nclasses && !n->nlabels && !n->nprops && !n->nsame && !n->source &&
        !n->in_degree && !n->out_degree)
      drop[i] = EMPTY;
  }
  /* a source is kept, whatever else it has: a named graph of N-Quads or TriG is one, and
     nothing may cite a node the graph no longer holds */
  for (size_t i = 0; i < g->nnodes; i++)
    if (g->nodes[i]->source && drop[g->nodes[i]->source->index] == EMPTY)
      drop[g->nodes[i]->source->index] = 0;
  for (size_t i = 0; i < g->nedges; i++)
    if (g->edges[i]->source && drop[g->edges[i]->source->index] == EMPTY)
      drop[g->edges[i]->source->index] = 0;
}

/* A story that names its default source under a base of its own (".../story/") gets its
 * node ids relative to that base, unless the caller gave one. */
static kg_status rebase(kgi_input *in, const char *given_base) {
  const char *subject = in->default_source_subject ? in->default_source_subject : in->id_base;
  if (given_base || !subject)
    return KG_OK;
  size_t n = strlen(subject);
  char last = n ? subject[n - 1] : 0;
  return last == '/' || last == '#' ? kgi_graph_rebase(in->g, subject, in->err) : KG_OK;
}

static kg_status finish(kgi_input *in, const char *given_base) {
  kg_graph *g = in->g;
  uint8_t *drop_node = kgi_calloc(g->nnodes, 1), *drop_edge = kgi_calloc(g->nedges, 1);
  kg_status st = drop_node && drop_edge ? KG_OK : kgi_error_oom(in->err);
  /* the candidates, one per node (map.c grew them only as far as it marked) */
  if (!st && in->capcand < g->nnodes) {
    size_t cap = in->capcand;
    if (!(st = kgi_grow((void **)&in->stmt_candidate, &in->capcand, g->nnodes, 1, in->err)))
      memset(in->stmt_candidate + cap, 0, in->capcand - cap);
  }
  if (!st)
    st = kgi_fold_statements(g, in->stmt_candidate, drop_node, drop_edge, in->err);
  if (!st) {
    settle_nodes(in, drop_node);
    /* a default source that goes (nothing cites it, or it was a statement that folded) is
       no longer the input's: the title is not read from a node the graph gave up */
    bool source_goes = in->default_source && drop_node[in->default_source->index];
    st = kgi_graph_compact(g, drop_node, drop_edge, in->err);
    if (!st && source_goes)
      in->default_source = NULL;
  }
  if (!st)
    st = rebase(in, given_base);
  if (!st)
    st = kgi_input_title(in);
  free(drop_node);
  free(drop_edge);
  return st;
}

/*
 * The input's own IRI as the parse base, as rapper makes it: the file's absolute file: IRI
 * (raptor's, from the working folder), so that <#me> means the same IRI whichever folder the
 * command ran in; then '#', under which the node ids of the file's own IRIs live. What an IRI
 * may not hold (and a '#' in the name) is percent-encoded.
 */
static char *file_iri(const char *name) {
  unsigned char *path = raptor_uri_filename_to_uri_string(name);
  kgi_buf b;
  kgi_buf_init(&b);
  for (const unsigned char *p = path; p && *p; p++)
    if (kgi_iri_bad[*p] || *p == '#')
      kgi_buf_printf(&b, "%%%02X", *p);
    else
      kgi_buf_put(&b, (const char *)p, 1);
  kgi_buf_puts(&b, "#");
  if (path)
    raptor_free_memory(path);
  if (!path || b.oom) {
    kgi_buf_dispose(&b);
    return NULL;
  }
  return b.s;
}

/* One import under way: the input, and the strings it borrows. */
struct kgi_reading {
  kgi_input in;
  char *own_base, *own_parse;
  const char *given_base;
  kg_status st;
  unsigned long oom_before; /* kgi_oom_events() as the reading started */
};

kg_status kgi_read_start(kgi_reading **out, const kgi_importer *fmt, const char *name,
                         const char *iri, const char *base, const kg_import_options *opts,
                         kg_error *err) {
  *out = NULL;
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;
  unsigned long oom_before = kgi_oom_events();
  kgi_reading *r = kgi_calloc(1, sizeof *r);
  if (!r)
    return kgi_error_oom(err);
  r->oom_before = oom_before;
  r->own_base = base || iri ? NULL : file_iri(name);
  /* a file's own IRI: ids live under "FILE#", but the file is parsed against its IRI as
     rapper does, so that <> is the file itself, not "FILE#" */
  r->own_parse = r->own_base ? kgi_strdup(r->own_base) : NULL;
  if (!base && !iri && (!r->own_base || !r->own_parse)) {
    free(r->own_base);
    free(r->own_parse);
    free(r);
    return kgi_error_oom(err);
  }
  if (r->own_parse)
    r->own_parse[strlen(r->own_parse) - 1] = '\0';
  kgi_input *in = &r->in;
  in->format = fmt;
  in->name = name;
  in->base = base ? base : iri ? iri : r->own_base;
  in->parse_base = r->own_parse ? r->own_parse : in->base;
  in->err = err;
  in->win.cr_ends_line = fmt->cr_ends_line;
  r->given_base = base;
  if (opts) {
    in->progress = opts->progress;
    in->progress_ctx = opts->progress_ctx;
  }
  if (opts && opts->version >= 2) { /* a version 1 struct ends before these */
    in->on_loss = opts->on_loss;
    in->loss_ctx = opts->loss_ctx;
  }
  in->max_term = opts && opts->version >= 3 && opts->max_term_bytes ? opts->max_term_bytes
                                                                    : KG_MAX_TERM_BYTES_DEFAULT;
  r->st = kg_graph_new(&in->g, in->base, err);
  if (!r->st)
    r->st = fmt->start(in);
  *out = r;
  return r->st;
}

kg_status kgi_read_feed(kgi_reading *r, const char *data, size_t n, bool at_end) {
  /* a buffer handed over whole goes to the reader in the chunks a file is read in: the
     window keeps no more of it, and libxml2 and raptor (whose XML parser takes an int
     length) never see more than a chunk */
  do {
    size_t k = n < CHUNK ? n : CHUNK;
    if (!r->st)
      r->st = feed(&r->in, data, k, at_end && k == n);
    data += k;
    n -= k;
  } while (!r->st && n);
  return r->st;
}

kg_status kgi_read_end(kgi_reading *r, kg_graph **out) {
  kgi_input *in = &r->in;
  kg_status st = r->st;
  if (!st && !out)
    st = KG_EINVAL; /* abandoned: the caller wants no graph */
  if (!st && in->progress)
    in->progress(in->progress_ctx, in->triples, 1);
  if (!st)
    st = finish(in, r->given_base);
  st = kgi_oom_verdict(r->oom_before, st, in->err);
  if (in->g) /* the reader was started */
    in->format->finish(in);
  kgi_window_dispose(&in->win);
  free(in->stmt_candidate);
  kgi_ptrmap_dispose(&in->typing_ix);
  free(r->own_base);
  free(r->own_parse);
  if (st || !out)
    kg_graph_free(in->g);
  else
    *out = in->g;
  free(r);
  return st;
}

kg_status kgi_read(kg_graph **out, const kgi_importer *fmt, FILE *file, const char *data,
                   size_t len, const char *name, const char *iri, const char *base,
                   const kg_import_options *opts, kg_error *err) {
  *out = NULL;
  kgi_reading *r;
  kg_status st = kgi_read_start(&r, fmt, name, iri, base, opts, err);
  if (!r)
    return st;
  bool two_threads = fmt->read_all && kgi_threads_allowed();
  if (!st && two_threads)
    st = r->st = fmt->read_all(&r->in, file, data, len);
  if (!st && !two_threads && (len || !file)) /* the bytes read already (a head, or all) */
    st = kgi_read_feed(r, data, len, !file);
  if (!st && !two_threads && file)
    st = r->st = read_file(&r->in, file);
  st = kgi_read_end(r, st ? NULL : out);
  return st;
}
