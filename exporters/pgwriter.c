/* The shared part of the GraphML and GEXF writers (see pgwriter.h). */
#include "pgwriter.h"

#include <libxml/globals.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef KGI_SSE2
#include <emmintrin.h>
#endif

/*
 * The writer: XML composed in a 64 KB buffer, handed to libxml2's output buffer
 * (xmlOutputBuffer, which writes the stream and notes a failed write) a block at a time. It
 * writes what libxml2 2.9's xmlTextWriter wrote with indentation on, byte for byte (the
 * goldens and a 1M-triple file compared), without its per-element machinery: a list node, a
 * copy of each escaped string and a buffer append per call were most of the time of writing
 * GraphML (perf, bench/RESULTS.md).
 */
enum { OUT_BLOCK = 1 << 16 };

/* Record a failure of the output buffer as the writer's first error: memory that ran out,
 * else the output's (registry.c names the system's reason). */
static void fail_out(kgi_pg *pg, bool oom) {
  if (pg->st)
    return;
  pg->st = oom ? kgi_error_oom(pg->err)
               : kgi_error_set(pg->err, KG_EIO, "%s: the XML writer failed", pg->format);
}

/* libxml2 2.9 marks a failed write to the output in the buffer's error code (XML_IO_*); a
 * buffer that could not grow fails the call and leaves that code alone. */
static void check(kgi_pg *pg, int rc) {
  if (rc < 0)
    fail_out(pg, pg->out->error == XML_ERR_OK || pg->out->error == XML_ERR_NO_MEMORY);
}

static void flush_block(kgi_pg *pg) {
  if (pg->st || !pg->len)
    return;
  if (pg->mem) {
    kgi_buf_put(pg->mem, pg->block, pg->len);
    if (pg->mem->oom)
      fail_out(pg, true);
  } else {
    check(pg, xmlOutputBufferWrite(pg->out, (int)pg->len, pg->block));
  }
  pg->len = 0;
}

static void put_bytes_slow(kgi_pg *pg, const char *s, size_t n) {
  while (n && !pg->st) {
    if (pg->len == OUT_BLOCK)
      flush_block(pg);
    size_t k = OUT_BLOCK - pg->len < n ? OUT_BLOCK - pg->len : n;
    memcpy(pg->block + pg->len, s, k);
    pg->len += k;
    s += k;
    n -= k;
  }
}

/* Most writes are a few bytes that fit: copied in place (inlined, constant sizes unrolled). */
static inline void put_bytes(kgi_pg *pg, const char *s, size_t n) {
  if (n <= OUT_BLOCK - pg->len) {
    memcpy(pg->block + pg->len, s, n);
    pg->len += n;
  } else {
    put_bytes_slow(pg, s, n);
  }
}

static void put_str(kgi_pg *pg, const char *s) { put_bytes(pg, s, strlen(s)); }

/*
 * The escaping rules, the one place they live: what xmlTextWriter wrote. In element text
 * (xmlEncodeSpecialChars): < > & " and CR. In an attribute value
 * (xmlBufAttrSerializeTxtContent): those but CR's, and TAB, LF, CR as character references.
 * Other bytes go as they are (UTF-8; the model holds no character XML forbids).
 */
enum { IN_TEXT = 1, IN_ATTR = 2 };
static const unsigned char escaped_in[256] = {
    ['&'] = IN_TEXT | IN_ATTR, ['<'] = IN_TEXT | IN_ATTR,  ['>'] = IN_TEXT | IN_ATTR,
    ['"'] = IN_TEXT | IN_ATTR, ['\r'] = IN_TEXT | IN_ATTR, ['\n'] = IN_ATTR,
    ['\t'] = IN_ATTR,
};

static const char *escape_of(unsigned char c) {
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  case '\r': return "&#13;";
  case '\n': return "&#10;";
  default: return "&#9;";
  }
}

/* How many leading bytes escaped_in leaves alone in both places. Where SSE2 is, sixteen
 * bytes a step skip blocks holding none of & " < > (as (x | 2) == '>') and nothing at or
 * below CR, a set that holds every byte of the table; the rest is the table's. */
static size_t plain_run(const unsigned char *p, size_t n) {
  size_t i = 0;
#ifdef KGI_SSE2
  const __m128i cr = _mm_set1_epi8('\r'), two = _mm_set1_epi8(2);
  for (; n - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    __m128i stop = _mm_cmpeq_epi8(_mm_min_epu8(x, cr), x);
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(_mm_or_si128(x, two), _mm_set1_epi8('>')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
    if (_mm_movemask_epi8(stop))
      break;
  }
#endif
  while (i < n && !escaped_in[p[i]])
    i++;
  return i;
}

/* The text with its escapes: runs that need none copied whole, each other byte alone. */
static void put_escaped(kgi_pg *pg, const char *s, unsigned where) {
  const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
  while (p < end && !pg->st) {
    size_t run = plain_run(p, (size_t)(end - p));
    put_bytes(pg, (const char *)p, run);
    if ((p += run) == end)
      break;
    if (escaped_in[*p] & where)
      put_str(pg, escape_of(*p));
    else
      put_bytes(pg, (const char *)p, 1);
    p++;
  }
}

/* An element's start tag left open for attributes: ">" closes it when content follows. */
static void close_start_tag(kgi_pg *pg, bool newline) {
  if (pg->depth && pg->open_tag) {
    put_bytes(pg, newline ? ">\n" : ">", newline ? 2 : 1);
    pg->open_tag = false;
  }
}

static void indent(kgi_pg *pg) {
  for (size_t i = 1; i < pg->depth; i++)
    put_bytes(pg, "  ", 2);
}

static void start_named(kgi_pg *pg, const char *prefix, const char *name) {
  if (pg->st)
    return;
  if (pg->depth == KGI_PG_DEPTH_MAX) {
    pg->st = kgi_error_set(pg->err, KG_ELIB, "%s: elements nested too deep", pg->format);
    return;
  }
  close_start_tag(pg, true);
  pg->prefixes[pg->depth] = prefix;
  pg->names[pg->depth++] = name;
  indent(pg);
  put_bytes(pg, "<", 1);
  if (prefix) {
    put_str(pg, prefix);
    put_bytes(pg, ":", 1);
  }
  put_str(pg, name);
  pg->open_tag = true;
}

void kgi_pg_start(kgi_pg *pg, const char *name) { start_named(pg, NULL, name); }

void kgi_pg_start_ns(kgi_pg *pg, const char *prefix, const char *name) {
  start_named(pg, prefix, name);
}

void kgi_pg_attr(kgi_pg *pg, const char *name, const char *value) {
  if (pg->st || !pg->open_tag)
    return;
  put_bytes(pg, " ", 1);
  put_str(pg, name);
  put_bytes(pg, "=\"", 2);
  put_escaped(pg, value, IN_ATTR);
  put_bytes(pg, "\"", 1);
}

void kgi_pg_text(kgi_pg *pg, const char *text) {
  if (pg->st)
    return;
  close_start_tag(pg, false);
  pg->indent_end = false; /* text ends on the line it started on */
  put_escaped(pg, text, IN_TEXT);
}

void kgi_pg_end(kgi_pg *pg) {
  if (pg->st || !pg->depth)
    return;
  if (pg->open_tag) {
    put_bytes(pg, "/>", 2);
    pg->open_tag = false;
  } else {
    if (pg->indent_end)
      indent(pg);
    put_bytes(pg, "</", 2);
    if (pg->prefixes[pg->depth - 1]) {
      put_str(pg, pg->prefixes[pg->depth - 1]);
      put_bytes(pg, ":", 1);
    }
    put_str(pg, pg->names[pg->depth - 1]);
    put_bytes(pg, ">", 1);
  }
  pg->indent_end = true;
  put_bytes(pg, "\n", 1);
  pg->depth--;
}

void kgi_pg_element(kgi_pg *pg, const char *name, const char *text) {
  kgi_pg_start(pg, name);
  kgi_pg_text(pg, text);
  kgi_pg_end(pg);
}

void kgi_pg_document_start(kgi_pg *pg, const char *root) {
  put_str(pg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  kgi_pg_start(pg, root);
}

void kgi_pg_document_end(kgi_pg *pg) {
  while (pg->depth && !pg->st)
    kgi_pg_end(pg);
  flush_block(pg);
  if (!pg->st)
    check(pg, xmlOutputBufferFlush(pg->out));
}

/* libxml2's process-wide state is set up before any writer runs (raptor_world_open, when the
 * vocabulary is read) and never torn down (ontology/raptor_world.c), so writers in several
 * threads share it safely. */
/* libxml2's own report of an error of the output buffer (a write that failed): the export
 * reports it once, with the file and the system's reason (exporters/registry.c). */
static void ignore_xml_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

kg_status kgi_pg_open(kgi_pg *pg, const kg_graph *g, FILE *out, const char *format,
                      const kgi_fixed_column *fixed, size_t nfixed, kg_error *err) {
  memset(pg, 0, sizeof *pg);
  pg->g = g;
  pg->format = format;
  pg->err = err;
  pg->st = kgi_columns_build(&pg->cols, g, fixed, nfixed, err);
  if (pg->st)
    return pg->st;
  pg->old_handler = xmlStructuredError;
  pg->old_handler_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, ignore_xml_error);
  pg->handler_set = true;
  if (!(pg->block = kgi_malloc(OUT_BLOCK)))
    return pg->st = kgi_error_oom(err);
  pg->out = xmlOutputBufferCreateFile(out, NULL);
  if (!pg->out) /* it fails for want of memory only */
    return pg->st = kgi_error_oom(err);
  return KG_OK;
}

kg_status kgi_pg_close(kgi_pg *pg) {
  if (pg->out) {
    check(pg, xmlOutputBufferFlush(pg->out)); /* its error code is gone after the close */
    if (xmlOutputBufferClose(pg->out) < 0)
      fail_out(pg, false);
  }
  pg->out = NULL;
  if (pg->handler_set)
    xmlSetStructuredErrorFunc(pg->old_handler_ctx, pg->old_handler);
  pg->handler_set = false;
  free(pg->block);
  pg->block = NULL;
  kgi_buf_dispose(&pg->scratch);
  kgi_buf_dispose(&pg->text);
  kgi_columns_dispose(&pg->cols);
  return pg->st;
}

/*
 * Elements on two threads. GraphML's and GEXF's nodes and edges are most of a large file, and
 * composing them (escaping, finding columns, formatting numbers) most of its writing. They go
 * in runs of PART elements, each composed into memory by whichever thread is free, and handed
 * to the output in order by this thread, which also composes when no run is ready to hand on.
 * The second thread only composes, so the two share the work as it comes, whatever handing
 * on costs (a copy and a write of each run's bytes, the kernel's copy into the page cache
 * included). A run depends on nothing before it (every element starts and ends at the
 * same depth, the parent's start tag closed), so the bytes are those one thread writes. At
 * most RING runs are composed and not yet written.
 */
enum { PART = 2048, RING = 8 };

typedef struct part {
  kgi_pg pg; /* the writer's state at the elements' depth, its output `mem` */
  kgi_buf mem;
  kg_error err;
  size_t from, to;
  kgi_pg_each each;
  const void *ctx;
  unsigned long oom; /* allocations that failed on the thread that composed it */
  bool composed;     /* ready to hand on (the crew's lock) */
} part;

static kg_status part_open(part *p, const kgi_pg *pg, kgi_pg_each each, const void *ctx) {
  memset(p, 0, sizeof *p);
  kg_error_init(&p->err);
  p->pg.g = pg->g;
  p->pg.cols = pg->cols; /* shared, read only: the copy is never disposed */
  p->pg.format = pg->format;
  p->pg.err = &p->err;
  p->pg.depth = pg->depth;
  memcpy(p->pg.names, pg->names, sizeof pg->names);
  memcpy(p->pg.prefixes, pg->prefixes, sizeof pg->prefixes);
  p->pg.mem = &p->mem;
  p->each = each;
  p->ctx = ctx;
  return (p->pg.block = kgi_malloc(OUT_BLOCK)) ? KG_OK : KG_ENOMEM;
}

static void part_close(part *p) {
  free(p->pg.block);
  kgi_buf_dispose(&p->pg.scratch);
  kgi_buf_dispose(&p->pg.text);
  kgi_buf_dispose(&p->mem);
}

/* Compose elements [from, to); what failed is the run's, allocations counted on this thread. */
static void compose(part *p) {
  unsigned long before = kgi_oom_events();
  kgi_buf_clear(&p->mem);
  for (size_t i = p->from; i < p->to && !p->pg.st; i++)
    p->each(&p->pg, i, p->ctx);
  flush_block(&p->pg);
  p->oom = kgi_oom_events() - before;
}

/* A composed run to the output; or its failure, which is the writer's first. */
static void take(kgi_pg *pg, const part *p) {
  if (pg->st)
    return;
  if (p->pg.st) {
    *pg->err = p->err;
    pg->st = p->pg.st;
  } else if (p->oom) { /* a failure the composing code made something else of */
    pg->st = kgi_error_oom(pg->err);
  } else {
    flush_block(pg); /* what came before the run, then the run itself, not copied again */
    for (size_t at = 0; at < p->mem.len && !pg->st; at += OUT_BLOCK) {
      size_t k = p->mem.len - at < OUT_BLOCK ? p->mem.len - at : OUT_BLOCK;
      check(pg, xmlOutputBufferWrite(pg->out, (int)k, p->mem.s + at));
    }
  }
}

typedef struct crew {
  pthread_mutex_t lock;
  pthread_cond_t changed;
  part ring[RING]; /* run r in ring[r % RING] */
  size_t n, nruns;
  size_t next;    /* the next run to compose */
  size_t written; /* runs handed to the output */
  bool stop;      /* no more runs: all are written, or the output failed */
} crew;

/* Claim the next run when its place in the ring is free (the lock held); NULL: none now. */
static part *claim(crew *c) {
  if (c->stop || c->next >= c->nruns || c->next >= c->written + RING)
    return NULL;
  size_t r = c->next++;
  part *p = &c->ring[r % RING];
  p->from = r * PART;
  p->to = c->n - p->from < PART ? c->n : p->from + PART;
  return p;
}

static void compose_claimed(crew *c, part *p) {
  pthread_mutex_unlock(&c->lock);
  compose(p);
  pthread_mutex_lock(&c->lock);
  p->composed = true;
  pthread_cond_broadcast(&c->changed);
}

static void *compose_aside(void *arg) {
  crew *c = arg;
  pthread_mutex_lock(&c->lock);
  while (!c->stop && c->next < c->nruns) {
    part *p = claim(c);
    if (p)
      compose_claimed(c, p);
    else
      pthread_cond_wait(&c->changed, &c->lock);
  }
  pthread_mutex_unlock(&c->lock);
  return NULL;
}

/* This thread: hand on the next run when it is composed, else compose one, else wait. */
static void hand_on(kgi_pg *pg, crew *c) {
  pthread_mutex_lock(&c->lock);
  while (c->written < c->nruns && !pg->st) {
    part *p = &c->ring[c->written % RING];
    if (p->composed) {
      pthread_mutex_unlock(&c->lock);
      take(pg, p);
      pthread_mutex_lock(&c->lock);
      p->composed = false;
      c->written++;
      pthread_cond_broadcast(&c->changed);
    } else if ((p = claim(c))) {
      compose_claimed(c, p);
    } else {
      pthread_cond_wait(&c->changed, &c->lock);
    }
  }
  c->stop = true; /* all written, or the output failed */
  pthread_cond_broadcast(&c->changed);
  pthread_mutex_unlock(&c->lock);
}

static void elements_in_parts(kgi_pg *pg, size_t n, kgi_pg_each each, const void *ctx) {
  crew *c = kgi_calloc(1, sizeof *c);
  bool opened = c != NULL;
  for (int k = 0; opened && k < RING; k++)
    opened = part_open(&c->ring[k], pg, each, ctx) == KG_OK;
  if (!opened) {
    for (int k = 0; c && k < RING; k++)
      part_close(&c->ring[k]);
    free(c);
    pg->st = kgi_error_oom(pg->err);
    return;
  }
  pthread_mutex_init(&c->lock, NULL);
  pthread_cond_init(&c->changed, NULL);
  c->n = n;
  c->nruns = (n + PART - 1) / PART;
  close_start_tag(pg, true); /* what the first element's start would do */
  pthread_t aside;
  /* with no thread to be had, this one composes every run */
  bool started = !pg->st && pthread_create(&aside, NULL, compose_aside, c) == 0;
  hand_on(pg, c);
  if (started)
    pthread_join(aside, NULL);
  pg->indent_end = true; /* as the last element's end tag left it */
  for (int k = 0; k < RING; k++)
    part_close(&c->ring[k]);
  pthread_cond_destroy(&c->changed);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

void kgi_pg_elements(kgi_pg *pg, size_t n, kgi_pg_each each, const void *ctx) {
  if (pg->st || !n)
    return;
  if (n >= 2 * PART && kgi_threads_allowed()) {
    elements_in_parts(pg, n, each, ctx);
    return;
  }
  for (size_t i = 0; i < n && !pg->st; i++)
    each(pg, i, ctx);
}

void kgi_pg_node_start(kgi_pg *pg, const kg_node *n) {
  kgi_pg_start(pg, "node");
  kgi_pg_attr(pg, "id", pg->cols.node_ids[n->index]);
}

void kgi_pg_edge_start(kgi_pg *pg, const kg_edge *e) {
  char id[16], *p = id + sizeof id;
  *--p = '\0';
  uint32_t v = e->index;
  do
    *--p = (char)('0' + v % 10);
  while (v /= 10);
  *--p = 'e';
  kgi_pg_start(pg, "edge");
  kgi_pg_attr(pg, "id", p);
  kgi_pg_attr(pg, "source", pg->cols.node_ids[e->src->index]);
  kgi_pg_attr(pg, "target", pg->cols.node_ids[e->tgt->index]);
}

void kgi_pg_fixed(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *value, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, t, r, NULL, NULL);
  if (k && value && !pg->st)
    put(pg, k, &value, 1);
}

void kgi_pg_fixed_list(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *const *items,
                       size_t n, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, t, r, NULL, NULL);
  if (k && n && !pg->st)
    put(pg, k, items, n);
}

void kgi_pg_labels(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  if (!n->nlabels || pg->st)
    return;
  const char **items = kgi_malloc(n->nlabels * sizeof *items);
  if (!items) {
    pg->st = kgi_error_oom(pg->err);
    return;
  }
  for (uint32_t i = 0; i < n->nlabels && !pg->st; i++) {
    bool first = true; /* a language's labels are written with its first one */
    for (uint32_t j = 0; j < i && first; j++)
      first = n->labels[j].lang != n->labels[i].lang;
    if (!first)
      continue;
    size_t m = 0;
    for (uint32_t j = i; j < n->nlabels; j++)
      if (n->labels[j].lang == n->labels[i].lang)
        items[m++] = n->labels[j].text;
    const kgi_column *k =
        kgi_columns_find(&pg->cols, KGI_FOR_NODE, KGI_COL_LABEL_LANG, NULL, n->labels[i].lang);
    if (k)
      put(pg, k, items, m);
  }
  free(items);
}

void kgi_pg_values(kgi_pg *pg, kgi_col_for t, const kgi_prop *props, uint32_t n, kgi_pg_put put) {
  kgi_cell *cells = NULL;
  const char **items = NULL;
  if (!n || pg->st || (pg->st = kgi_columns_cells(&cells, &pg->cols, t, props, n, pg->err)))
    return;
  if (!(items = kgi_malloc(n * sizeof *items))) {
    free(cells);
    pg->st = kgi_error_oom(pg->err);
    return;
  }
  for (uint32_t i = 0; i < n && !pg->st;) {
    uint32_t j = i;
    for (; j < n && cells[j].col == cells[i].col; j++)
      items[j - i] = cells[j].v->lexical;
    put(pg, cells[i].col, items, j - i);
    i = j;
  }
  free(items);
  free(cells);
}

void kgi_pg_classes(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, KGI_FOR_NODE, KGI_COL_CLASSES, NULL, NULL);
  if (!k || n->nclasses < 2 || pg->st)
    return;
  /* the CURIEs one after another in one buffer, then pointers into it */
  kgi_buf b;
  kgi_buf_init(&b);
  size_t *at = kgi_malloc(n->nclasses * sizeof *at);
  const char **items = kgi_malloc(n->nclasses * sizeof *items);
  for (uint32_t i = 0; at && i < n->nclasses; i++) {
    at[i] = b.len;
    kgi_buf_put_curie(&b, n->classes[i]);
    kgi_buf_put(&b, "", 1); /* keep the NUL between items */
  }
  if (!at || !items || b.oom) {
    pg->st = kgi_error_oom(pg->err);
  } else {
    for (uint32_t i = 0; i < n->nclasses; i++)
      items[i] = b.s + at[i];
    put(pg, k, items, n->nclasses);
  }
  free(at);
  free(items);
  kgi_buf_dispose(&b);
}

/* A fixed column's value composed in pg->scratch. */
static void fixed_scratch(kgi_pg *pg, kgi_col_for t, kgi_col_role r, kgi_pg_put put) {
  if (pg->scratch.oom && !pg->st)
    pg->st = kgi_error_oom(pg->err);
  kgi_pg_fixed(pg, t, r, kgi_buf_str(&pg->scratch), put);
}

void kgi_pg_node_columns(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  kgi_pg_labels(pg, n, put);
  if (n->nclasses) {
    kgi_buf_clear(&pg->scratch);
    kgi_buf_put_curie(&pg->scratch, n->classes[0]);
    fixed_scratch(pg, KGI_FOR_NODE, KGI_COL_CLASS, put);
  }
  kgi_pg_classes(pg, n, put);
  kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_IRI, n->iri ? n->iri : n->id, put);
  kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_WIKIDATA, kgi_show_wikidata(n), put);
  kgi_pg_fixed_list(pg, KGI_FOR_NODE, KGI_COL_SAME_AS, n->same_as, n->nsame, put);
  if (n->source)
    kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_CITES, pg->cols.node_ids[n->source->index], put);
}

void kgi_pg_edge_columns(kgi_pg *pg, const kg_edge *e, kgi_pg_put put) {
  kgi_pg_fixed(pg, KGI_FOR_EDGE, KGI_COL_RELATION, e->pred, put);
  if (e->source)
    kgi_pg_fixed(pg, KGI_FOR_EDGE, KGI_COL_CITES, pg->cols.node_ids[e->source->index], put);
  if (kgi_edge_has_statement(e)) {
    kgi_buf_clear(&pg->scratch);
    kgi_edge_statement_iri(&pg->scratch, pg->g, e);
    fixed_scratch(pg, KGI_FOR_EDGE, KGI_COL_STATEMENT, put);
  }
}
