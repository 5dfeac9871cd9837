/* What the GraphML and GEXF readers share (see pgread.h): the parser and the columns. */
#include "pgread.h"

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The longest text one value may have: libxml2's own limit on a text node
 * (XML_MAX_TEXT_LENGTH), which it applies to attribute values in a document that is not
 * parsed as huge, and which kgexport applies to element text too.
 */
#define KGI_PG_TEXT_MAX 10000000

/* ---- the parser ---- */

static void fail_at(kgi_pgr *r, kg_status st, int line, int col, const char *msg) {
  kgi_input *in = r->in;
  if (in->status)
    return;
  if (line > 0 && col > 0)
    kgi_error_set(in->err, st, "%s:%d:%d: %s", in->name, line, col, msg);
  else if (line > 0)
    kgi_error_set(in->err, st, "%s:%d: %s", in->name, line, msg);
  else
    kgi_error_set(in->err, st, "%s: %s", in->name, msg);
  /* not xmlStopParser: in libxml2 2.9 it frees the input that the callback under way still
     reads (its attributes); every callback returns at once once the status is set, and the
     import stops after this chunk */
  in->status = st;
}

void kgi_pgr_fail(kgi_pgr *r, kg_status st, const char *fmt, ...) {
  char msg[KG_ERROR_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int line = r->ctxt ? xmlSAX2GetLineNumber(r->ctxt) : 0;
  int col = r->ctxt ? xmlSAX2GetColumnNumber(r->ctxt) : 0;
  fail_at(r, st, line, col, msg);
}

/* libxml2's errors (malformed XML, limits), with its line and column: the first one ends the
 * import. Warnings are not errors of the input. */
static void on_error(void *ctx, xmlErrorPtr e) {
  kgi_pgr *r = ctx;
  if (!e || e->level < XML_ERR_ERROR)
    return;
  char msg[KG_ERROR_MAX];
  snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = '\0';
  char full[KG_ERROR_MAX];
  if (e->code == XML_ERR_DOCUMENT_END && r->depth > 0) /* libxml2's push parser's words */
    snprintf(full, sizeof full,
             "the document ends before its elements are closed (a truncated file?)");
  else
    snprintf(full, sizeof full, "not well-formed XML: %.400s", msg);
  if (e->code == XML_ERR_NO_MEMORY)
    fail_at(r, KG_ENOMEM, 0, 0, "out of memory (libxml2)");
  else
    fail_at(r, KG_EDATA, e->line, e->int2, full);
}

/* What libxml2 reports outside a parser's context (a parser or a buffer it could not make):
 * said here instead of on standard error, through this thread's handler, set for the time of
 * one libxml2 call and then given back. */
static void on_global_error(void *ctx, xmlErrorPtr e) {
  if (e && e->level >= XML_ERR_ERROR)
    on_error(ctx, e);
}

typedef struct thread_handler {
  xmlStructuredErrorFunc fn;
  void *ctx;
} thread_handler;

static thread_handler take_errors(kgi_pgr *r) {
  thread_handler old = {xmlStructuredError, xmlStructuredErrorContext};
  xmlSetStructuredErrorFunc(r, on_global_error);
  return old;
}

static void give_errors_back(thread_handler old) { xmlSetStructuredErrorFunc(old.ctx, old.fn); }

/*
 * GraphML and GEXF need no document type: one is refused when it starts, before its
 * declarations are read, so no entity is ever declared (a "billion laughs" has nothing to
 * expand) and no external DTD or entity is fetched from a file or the network.
 */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id,
                       const xmlChar *sys_id) {
  KGI_UNUSED(name);
  KGI_UNUSED(ext_id);
  KGI_UNUSED(sys_id);
  kgi_pgr *r = ctx;
  kgi_pgr_fail(r, KG_EDATA,
               "a document type declaration (<!DOCTYPE>) is not read in %s: DTDs and "
               "entities are refused, so none is loaded",
               r->format);
}

static xmlEntityPtr on_entity(void *ctx, const xmlChar *name) {
  kgi_pgr *r = ctx;
  kgi_pgr_fail(r, KG_EDATA, "entity '&%s;' is not declared (%s has no entities)",
               (const char *)name, r->format);
  return NULL;
}

static void on_chars(void *ctx, const xmlChar *s, int len) {
  kgi_pgr *r = ctx;
  if (!r->capturing || r->in->status)
    return;
  if (r->chars.len + (size_t)len > KGI_PG_TEXT_MAX) {
    kgi_pgr_fail(r, KG_EDATA, "a value longer than %d bytes (libxml2's limit on XML text)",
                 KGI_PG_TEXT_MAX);
    return;
  }
  kgi_buf_put(&r->chars, (const char *)s, (size_t)len);
}

kg_status kgi_pgr_start(kgi_input *in, const char *format, startElementNsSAX2Func on_start,
                        endElementNsSAX2Func on_end, size_t state_size) {
  kgi_pgr *r = kgi_calloc(1, sizeof *r);
  if (!r)
    return kgi_error_oom(in->err);
  xmlSAXHandler handler, *sax = &handler;
  memset(sax, 0, sizeof *sax);
  sax->startElementNs = on_start;
  sax->endElementNs = on_end;
  in->reader = r;
  r->in = in;
  r->format = format;
  kgi_buf_init(&r->chars);
  kgi_buf_init(&r->el.text);
  kgi_buf_init(&r->scratch);
  kgi_buf_init(&r->scratch2);
  kgi_buf_init(&r->scratch3);
  sax->initialized = XML_SAX2_MAGIC;
  sax->serror = on_error;
  sax->internalSubset = on_doctype;
  sax->externalSubset = on_doctype;
  sax->getEntity = on_entity;
  sax->getParameterEntity = on_entity;
  sax->characters = on_chars;
  sax->cdataBlock = on_chars;
  r->format_state = kgi_calloc(1, state_size);
  /* no file name: messages name the input themselves, nothing is resolved against its
     folder, and libxml2 would only copy the working folder and the name for itself */
  thread_handler old = take_errors(r);
  r->ctxt = r->format_state ? xmlCreatePushParserCtxt(sax, r, NULL, 0, NULL) : NULL;
  give_errors_back(old);
  if (!r->ctxt)
    return kgi_error_oom(in->err);
  /* no network, no entity substitution, no DTD loading: libxml2's safe defaults, stated */
  xmlCtxtUseOptions(r->ctxt, XML_PARSE_NONET);
  return KG_OK;
}

kg_status kgi_pgr_feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  kgi_pgr *r = in->reader;
  thread_handler old = take_errors(r);
  int rc = xmlParseChunk(r->ctxt, data, (int)n, at_end);
  give_errors_back(old);
  if (!in->status && rc != 0)
    kgi_pgr_fail(r, KG_EDATA, "not well-formed XML (libxml2 error %d)", rc);
  if (!in->status && at_end && !r->started)
    fail_at(r, KG_EDATA, 0, 0, "no root element");
  if (!in->status && r->chars.oom)
    in->status = kgi_error_oom(in->err);
  return in->status;
}

static void col_dispose(kgi_pgcol *c) {
  free(c->id);
  free(c->name);
  free(c->pred);
  free(c->lang);
  free(c->datatype);
  free(c->sep);
  free(c->dflt);
}

void kgi_pgr_finish(kgi_input *in) {
  kgi_pgr *r = in->reader;
  if (!r)
    return;
  if (r->ctxt) {
    xmlFreeDoc(r->ctxt->myDoc);
    xmlFreeParserCtxt(r->ctxt);
  }
  for (size_t i = 0; i < r->ncols; i++)
    col_dispose(&r->cols[i]);
  free(r->cols);
  for (size_t i = 0; i < r->nnodes; i++) {
    free(r->nodes[i].id);
    free(r->nodes[i].term);
  }
  free(r->nodes);
  kgi_index_dispose(&r->col_ix);
  kgi_index_dispose(&r->node_ix);
  for (size_t i = 0; i < r->ncites; i++)
    free(r->cites_of[i]);
  free(r->cites_of);
  free(r->base_guess);
  free(r->el.cells);
  kgi_buf_dispose(&r->el.text);
  kgi_buf_dispose(&r->chars);
  kgi_buf_dispose(&r->scratch);
  kgi_buf_dispose(&r->scratch2);
  kgi_buf_dispose(&r->scratch3);
  free(r->format_state);
  free(r);
  in->reader = NULL;
}

bool kgi_pgr_attr(kgi_pgr *r, const char **attrs, int nattrs, const char *name, kgi_buf *b) {
  for (int i = 0; i < nattrs; i++) {
    const char *const *a = attrs + 5 * i;
    if (strcmp(a[0], name) == 0 && (!a[1] || strcmp(name, "xmlns") == 0)) {
      kgi_buf_clear(b);
      /* without entity substitution (XML_PARSE_NOENT, off for safety), libxml2 hands an
         attribute's '&' (written &amp; or &#38;) over as "&#38;": the one escape left */
      for (const char *p = a[3], *end = a[4]; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        kgi_buf_put(b, p, (size_t)((amp ? amp : end) - p));
        if (!amp)
          break;
        kgi_buf_put(b, "&", 1);
        p = amp + (end - amp >= 5 && memcmp(amp, "&#38;", 5) == 0 ? 5 : 1);
      }
      kgi_buf_put(b, "", 0);
      if (b->oom && !r->in->status)
        r->in->status = kgi_error_oom(r->in->err);
      return !b->oom;
    }
  }
  return false;
}

bool kgi_pgr_is(const char *local, const char *name) { return strcmp(local, name) == 0; }

void kgi_pgr_capture(kgi_pgr *r) {
  kgi_buf_clear(&r->chars);
  r->capturing = true;
}

const char *kgi_pgr_capture_end(kgi_pgr *r, size_t *len) {
  r->capturing = false;
  kgi_buf_put(&r->chars, "", 0);
  *len = r->chars.len;
  return r->chars.oom ? "" : kgi_buf_str(&r->chars);
}

bool kgi_pgr_push(kgi_pgr *r, int what) {
  if (r->depth >= KGI_PGR_DEPTH_MAX) {
    kgi_pgr_fail(r, KG_EDATA, "elements nested deeper than %d", KGI_PGR_DEPTH_MAX);
    return false;
  }
  r->stack[r->depth++] = (unsigned char)what;
  return true;
}

int kgi_pgr_pop(kgi_pgr *r) { return r->in->status || !r->depth ? -1 : r->stack[--r->depth]; }

int kgi_pgr_parent(const kgi_pgr *r, int none) { return r->depth ? r->stack[r->depth - 1] : none; }

void kgi_pgr_note_own(kgi_pgr *r) {
  size_t len;
  const char *text = kgi_pgr_capture_end(r, &len);
  r->own = strncmp(text, KGI_PG_MARK " ", strlen(KGI_PG_MARK) + 1) == 0;
}

/* ---- columns ---- */

/* The roles of kgexport's own fixed columns, by name (exporters/graphml.c, gexf.c). */
static kgi_pgc_role own_role(const char *name) {
  static const struct {
    const char *name;
    kgi_pgc_role role;
  } roles[] = {
      {"label", KGI_PGC_DERIVED},     {"r", KGI_PGC_DERIVED},
      {"g", KGI_PGC_DERIVED},         {"b", KGI_PGC_DERIVED},
      {"size", KGI_PGC_DERIVED},      {"start", KGI_PGC_DERIVED},
      {"end", KGI_PGC_DERIVED},       {"weight", KGI_PGC_DERIVED},
      {"iri", KGI_PGC_IRI},           {"class", KGI_PGC_CLASS},
      {"classes", KGI_PGC_CLASSES},   {"wikidata", KGI_PGC_WIKIDATA},
      {"same_as", KGI_PGC_SAME_AS},   {"cites", KGI_PGC_CITES},
      {"relation", KGI_PGC_RELATION}, {"statement", KGI_PGC_STATEMENT},
  };
  for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
    if (strcmp(roles[i].name, name) == 0)
      return roles[i].role;
  return KGI_PGC_OTHER;
}

/* A descriptor, and GraphML's ` joined by "SEP"` after it, into the column: 1 when it is
 * one, 0 when it is not, -1 when memory ran out. */
static int describe(kgi_pgr *r, kgi_pgcol *c, const char *desc) {
  const char *joined = strstr(desc, " joined by \"");
  kgi_buf_clear(&r->scratch);
  kgi_buf_put(&r->scratch, desc, joined ? (size_t)(joined - desc) : strlen(desc));
  kgi_buf pred, lang, dt;
  kgi_buf_init(&pred);
  kgi_buf_init(&lang);
  kgi_buf_init(&dt);
  int got = !r->scratch.oom &&
            kgi_value_desc_parse(kgi_buf_str(&r->scratch), &pred, &lang, &dt, &c->kind);
  bool oom = r->scratch.oom || pred.oom || lang.oom || dt.oom;
  if (got && !oom) {
    c->role = KGI_PGC_VALUE;
    oom = !(c->pred = kgi_strdup(kgi_buf_str(&pred))) ||
          (lang.len && !(c->lang = kgi_strdup(lang.s))) ||
          (dt.len && !(c->datatype = kgi_strdup(dt.s)));
    if (joined && !oom) {
      const char *s = joined + strlen(" joined by \"");
      const char *q = strrchr(s, '"');
      oom = q && q > s && !(c->sep = kgi_strndup(s, (size_t)(q - s)));
    }
  }
  kgi_buf_dispose(&pred);
  kgi_buf_dispose(&lang);
  kgi_buf_dispose(&dt);
  return oom ? -1 : got;
}

/* A name as an IRI: itself when it is an absolute IRI, else under the input's base with what
 * an IRI may not hold percent-encoded. */
void kgi_pgr_name_iri(kgi_pgr *r, const char *name, kgi_buf *out) {
  kgi_buf_clear(out);
  if (kgi_iri_absolute(name) && kgi_iri_ok(name) && strstr(name, "//")) {
    kgi_buf_puts(out, name);
    return;
  }
  kgi_buf_puts(out, r->in->base);
  for (const unsigned char *p = (const unsigned char *)name; *p; p++)
    if (kgi_iri_bad[*p] || *p == '#' || *p == '%')
      kgi_buf_printf(out, "%%%02X", *p);
    else
      kgi_buf_put(out, (const char *)p, 1);
}

typedef struct colprobe {
  const kgi_pgr *r;
  const char *id;
  bool for_edge;
} colprobe;

static bool col_is(void *ctx, uint32_t v) {
  const colprobe *p = ctx;
  return p->r->cols[v].for_edge == p->for_edge && strcmp(p->r->cols[v].id, p->id) == 0;
}

size_t kgi_pgr_find_column(const kgi_pgr *r, const char *id, bool for_edge) {
  colprobe p = {r, id, for_edge};
  uint32_t *v = kgi_index_find(&r->col_ix, kgi_hash_str(id, for_edge), col_is, &p);
  return v ? *v : KGI_PGR_NONE;
}

size_t kgi_pgr_add_column(kgi_pgr *r, const char *id, const char *name, bool for_edge, kgi_pgt type,
                          bool list, const char *desc) {
  kgi_input *in = r->in;
  if (kgi_pgr_find_column(r, id, for_edge) != KGI_PGR_NONE) {
    kgi_pgr_fail(r, KG_EDATA, "%s column '%s' is declared twice", for_edge ? "edge" : "node", id);
    return KGI_PGR_NONE;
  }
  if (kgi_grow((void **)&r->cols, &r->capcols, r->ncols + 1, sizeof *r->cols, in->err)) {
    in->status = KG_ENOMEM;
    return KGI_PGR_NONE;
  }
  kgi_pgcol *c = &r->cols[r->ncols];
  memset(c, 0, sizeof *c);
  c->id = kgi_strdup(id);
  c->name = kgi_strdup(name && *name ? name : id);
  c->for_edge = for_edge;
  c->type = type;
  c->list = list;
  bool ok = c->id && c->name;
  int described = ok && r->own && desc ? describe(r, c, desc) : 0;
  if (described) {
    ok = described > 0; /* a value column of kgexport's, or no memory */
  } else if (ok && r->own) {
    c->role = own_role(c->name);
  } else if (ok) {
    /* a node's label is its rdfs:label; an edge's is a qualifier like any other column (a
       statement has no label of its own) */
    c->role = !for_edge && strcasecmp(c->name, "label") == 0     ? KGI_PGC_LABEL
              : for_edge && strcasecmp(c->name, "relation") == 0 ? KGI_PGC_RELATION
                                                                 : KGI_PGC_OTHER;
    if (c->role != KGI_PGC_RELATION) {
      kgi_pgr_name_iri(r, c->role == KGI_PGC_LABEL ? KGI_RDFS_LABEL : c->name, &r->scratch);
      c->pred = r->scratch.oom ? NULL : kgi_strdup(r->scratch.s);
      ok = c->pred != NULL;
    }
  }
  if (!ok || (c->role == KGI_PGC_VALUE && !c->pred)) {
    col_dispose(c);
    in->status = kgi_error_oom(in->err);
    return KGI_PGR_NONE;
  }
  if ((in->status =
           kgi_index_put(&r->col_ix, kgi_hash_str(c->id, for_edge), (uint32_t)r->ncols, in->err))) {
    col_dispose(c);
    return KGI_PGR_NONE;
  }
  return r->ncols++;
}
