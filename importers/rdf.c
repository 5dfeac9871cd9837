/*
 * RDF (Turtle, N-Triples) into the model: Turtle through Redland's raptor parser, N-Triples
 * through our own line reader (importers/nt.c), both feeding on_triple().
 *
 * The mapping is docs/model.md. Errors name the input and the line (and column when it is
 * known): the N-Triples reader knows the column of every syntax error; raptor reports the
 * line where it finished a triple. For a bad term or a bad literal we search back from that
 * line for the offending text to point at it exactly.
 */
#include "importer.h"
#include "nt.h"

#include <ctype.h>
#include <errno.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct importer {
  kg_graph *g;
  raptor_parser *parser;
  const char *name; /* for messages */
  /* The recent input, for locating tokens: a window that starts at the beginning of line
   * first_line and ends at the end of what raptor has been given. line_at[k] is the offset
   * of line first_line + k in it. Bounded, so memory does not grow with the input. */
  char *text;
  size_t len, cap;
  size_t first_line;
  size_t *line_at;
  size_t nlines, caplines;
  size_t checked; /* bytes of the window already checked for UTF-8 and XML characters */
  kg_error *err;
  kg_status status;
  kg_node *default_source;
  kg_node *last; /* the node of the last IRI looked up: triples come grouped by subject */
  uint64_t triples;
  kg_progress_fn progress;
  void *progress_ctx;
  const char *default_source_subject; /* its subject IRI: a base candidate */
  /* N-Triples goes through our own line reader (importers/nt.c) rather than raptor */
  bool nt;
  kgi_nt_reader ntr;
  size_t next_line; /* the first line not read yet (N-Triples) */
  size_t cur_line;  /* the line of the triple being handled (N-Triples), else 0 */
  bool after_cr;    /* the last byte given was a CR (N-Triples: a CRLF is one line end) */
} importer;

/* ---- the text window and locating errors ---- */

/* Column (1-based, in characters) of byte `off` within its line starting at `line_start`. */
static size_t column_of(const char *text, size_t line_start, size_t off) {
  size_t col = 1;
  for (size_t i = line_start; i < off; i++)
    if (((unsigned char)text[i] & 0xc0) != 0x80)
      col++;
  return col;
}

/* Line and column of window offset `off` (binary search in line_at). */
static void line_col_of(const importer *im, size_t off, size_t *line, size_t *col) {
  size_t lo = 0, hi = im->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (im->line_at[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  *line = im->first_line + lo;
  *col = column_of(im->text, im->line_at[lo], off);
}

/* The window's byte range of a line, false when the line is not (or no longer) in it. */
static bool line_range(const importer *im, size_t line, size_t *start, size_t *end) {
  if (line < im->first_line || line - im->first_line >= im->nlines)
    return false;
  size_t k = line - im->first_line;
  *start = im->line_at[k];
  *end = k + 1 < im->nlines ? im->line_at[k + 1] : im->len;
  return true;
}

/*
 * Find `token` on line `line` or, going back, on the lines before it (raptor reports a
 * triple at the line where its parser reduced it, which can be a line after the token).
 * Returns the window offset of the match, or (size_t)-1.
 */
static size_t find_token(const importer *im, size_t line, const char *token) {
  size_t tl = strlen(token), start, end;
  for (size_t l = line; tl && l >= 1 && l + 8 > line; l--) {
    if (!line_range(im, l, &start, &end))
      continue;
    for (size_t i = start; i + tl <= end; i++)
      if (memcmp(im->text + i, token, tl) == 0)
        return i;
  }
  return (size_t)-1;
}

/* A prefixed name or an IRI in angle brackets starts before its local part: point there. */
static size_t term_start(const importer *im, size_t off) {
  const char *t = im->text;
  size_t i = off;
  if (i && t[i - 1] == ':') {
    i--;
    while (i && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-' ||
                 t[i - 1] == '.'))
      i--;
  } else if (i && (t[i - 1] == '#' || t[i - 1] == '/')) {
    while (i && t[i - 1] != '<' && t[i - 1] != '\n')
      i--;
    if (i && t[i - 1] == '<')
      i--;
  }
  return i;
}

static size_t current_line(const importer *im) {
  if (im->cur_line)
    return im->cur_line;
  raptor_locator *loc = raptor_parser_get_locator(im->parser);
  return loc && loc->line > 0 ? (size_t)loc->line : 1;
}

/* Fail the import with "name:line[:col]: message", pointing at `token` when found (at the
 * start of the term it belongs to when `is_term`). */
static void fail_at_term(importer *im, kg_status st, const char *token, bool is_term,
                         const char *msg) {
  if (im->status)
    return;
  size_t line = current_line(im), col = 0;
  size_t off = token ? find_token(im, line, token) : (size_t)-1;
  if (off != (size_t)-1) {
    line_col_of(im, is_term ? term_start(im, off) : off, &line, &col);
    kgi_error_set(im->err, st, "%s:%zu:%zu: %s", im->name, line, col, msg);
  } else {
    kgi_error_set(im->err, st, "%s:%zu: %s", im->name, line, msg);
  }
  im->status = st;
  if (im->parser)
    raptor_parser_parse_abort(im->parser);
}

static void fail_at(importer *im, kg_status st, const char *token, const char *msg) {
  fail_at_term(im, st, token, false, msg);
}

/* A model call failed with a message in `local`: carry it with the input location. */
static void fail_from(importer *im, kg_status st, const kg_error *local, const char *token) {
  fail_at(im, st, token, local->message);
}

/* ---- terms ---- */

static const char *uri_str(raptor_uri *u) { return (const char *)raptor_uri_as_string(u); }

/* Refuse terms of our own namespace that the ontology does not define (typos: kg:Persn). */
static bool check_term(importer *im, const char *iri) {
  size_t n = strlen(KG_NS);
  if (strncmp(iri, KG_NS, n) != 0 || kgi_vocab_defines(iri))
    return true;
  char msg[KG_ERROR_MAX];
  snprintf(msg, sizeof msg, "unknown term kg:%s: the kgexport ontology does not define it",
           iri + n);
  fail_at_term(im, KG_EDATA, iri + n, true, msg);
  return false;
}

static kg_node *node_for(importer *im, const kgi_term *t) {
  kg_error local;
  kg_error_init(&local);
  kg_node *n = NULL;
  kg_status st;
  if (t->type == KGI_TERM_BLANK) {
    st = kgi_graph_add_blank(&n, im->g, t->str, &local);
  } else {
    const char *iri = t->str;
    if (im->last && im->last->iri && strcmp(iri, im->last->iri) == 0)
      return im->last;
    if (!check_term(im, iri))
      return NULL;
    st = kg_graph_add_node(&n, im->g, iri, &local);
    im->last = n;
    if (st) {
      fail_from(im, st, &local, iri);
      return NULL;
    }
  }
  if (st) {
    fail_from(im, st, &local, NULL);
    return NULL;
  }
  return n;
}

/*
 * raptor 2.0.15 reads the tag "zh_CN" as "zh-cn" without a word: BCP 47 has no '_', so
 * look at the text as written and refuse it, rather than silently changing the data.
 */
static bool lang_as_written(importer *im, const char *lang) {
  if (!strchr(lang, '-'))
    return true;
  char bad[72];
  size_t n = strlen(lang);
  if (n + 2 > sizeof bad)
    return true;
  bad[0] = '@';
  for (size_t i = 0; i <= n; i++)
    bad[i + 1] = lang[i] == '-' ? '_' : lang[i];
  /* case-insensitive search on the current line and the ones just before it */
  size_t line = current_line(im), start, end;
  for (size_t l = line; l >= 1 && l + 8 > line; l--) {
    if (!line_range(im, l, &start, &end))
      continue;
    for (size_t i = start; i + n + 1 <= end; i++) {
      if (strncasecmp(im->text + i, bad, n + 1) != 0)
        continue;
      char msg[KG_ERROR_MAX], tag[72];
      snprintf(tag, sizeof tag, "%.*s", (int)n, im->text + i + 1);
      snprintf(msg, sizeof msg, "\"%s\" is not a BCP 47 language tag (subtags are joined by '-')",
               tag);
      fail_at(im, KG_EDATA, tag, msg);
      return false;
    }
  }
  return true;
}

/* The literal as a model value; strings borrowed from the parser for this triple. */
static bool literal_value(importer *im, const kgi_term *t, kg_value *v) {
  memset(v, 0, sizeof *v);
  v->lexical = t->str;
  if (strlen(t->str) != t->len) {
    fail_at(im, KG_EDATA, NULL, "a literal holds U+0000, which XML 1.0 forbids");
    return false;
  }
  const char *dt = t->datatype;
  if (t->lang && *t->lang) {
    v->kind = KG_VALUE_LANGSTRING;
    v->lang = t->lang;
    return im->nt || lang_as_written(im, v->lang);
  }
  if (dt && !check_term(im, dt))
    return false;
  v->kind = kgi_kind_for_datatype(dt);
  if (v->kind == KG_VALUE_TYPED)
    v->datatype = dt;
  return true;
}

/* ---- one triple ---- */

static void on_triple(importer *im, const kgi_term *s, const kgi_term *p, const kgi_term *o) {
  if (im->status)
    return;
  if ((++im->triples & ((1u << 18) - 1)) == 0 && im->progress)
    im->progress(im->progress_ctx, im->triples, 0);
  const char *pred = p->str;
  if (!check_term(im, pred))
    return;
  bool o_node = o->type != KGI_TERM_LITERAL;

  if (strcmp(pred, KG_NS "defaultSource") == 0 && o_node) {
    kg_node *src = node_for(im, o);
    if (!src)
      return;
    im->default_source = src;
    if (s->type == KGI_TERM_IRI)
      im->default_source_subject = kgi_pool_intern(&im->g->pool, s->str);
    return;
  }

  kg_node *subj = node_for(im, s);
  if (!subj)
    return;
  kg_error local;
  kg_error_init(&local);
  kg_status st = KG_OK;
  const char *token = NULL;

  if (!o_node) {
    kg_value v;
    if (!literal_value(im, o, &v))
      return;
    token = v.lexical;
    if (strcmp(pred, KGI_RDFS_LABEL) == 0 &&
        (v.kind == KG_VALUE_STRING || v.kind == KG_VALUE_LANGSTRING))
      st = kg_node_add_label(im->g, subj, v.lexical, v.lang, &local);
    else
      st = kg_node_add_value(im->g, subj, pred, &v, &local);
  } else if (o->type == KGI_TERM_IRI &&
             (strcmp(pred, KGI_RDF_TYPE) == 0 || strcmp(pred, KGI_OWL_SAMEAS) == 0 ||
              strcmp(pred, KGI_RDF_PREDICATE) == 0)) {
    const char *iri = o->str;
    if (!check_term(im, iri))
      return;
    token = iri;
    if (strcmp(pred, KGI_RDF_TYPE) == 0)
      st = kg_node_add_class(im->g, subj, iri, &local);
    else if (strcmp(pred, KGI_OWL_SAMEAS) == 0)
      st = kg_node_add_same_as(im->g, subj, iri, &local);
    else { /* rdf:predicate names a relation, not a node */
      kg_value v = {KG_VALUE_IRI, iri, NULL, NULL};
      st = kg_node_add_value(im->g, subj, pred, &v, &local);
    }
  } else {
    kg_node *obj = node_for(im, o);
    if (!obj)
      return;
    if (strcmp(pred, KGI_PROV_DERIVED) == 0 && !subj->source) {
      subj->source = obj;
      return;
    }
    if (strcmp(pred, KGI_RDF_SUBJECT) == 0)
      subj->stmt_candidate = true;
    kg_edge *e;
    st = kg_graph_add_edge(&e, im->g, subj, pred, obj, &local);
  }
  if (st)
    fail_from(im, st, &local, token);
}

/* A raptor term as ours: strings borrowed from raptor for the callback's duration. */
static void from_raptor(kgi_term *out, const raptor_term *t) {
  memset(out, 0, sizeof *out);
  switch (t->type) {
  case RAPTOR_TERM_TYPE_BLANK:
    out->type = KGI_TERM_BLANK;
    out->str = (const char *)t->value.blank.string;
    out->len = t->value.blank.string_len;
    break;
  case RAPTOR_TERM_TYPE_LITERAL:
    out->type = KGI_TERM_LITERAL;
    out->str = (const char *)t->value.literal.string;
    out->len = t->value.literal.string_len;
    if (t->value.literal.language && t->value.literal.language_len)
      out->lang = (const char *)t->value.literal.language;
    if (t->value.literal.datatype)
      out->datatype = uri_str(t->value.literal.datatype);
    break;
  default:
    out->type = KGI_TERM_IRI;
    out->str = uri_str(t->value.uri);
    out->len = strlen(out->str);
    break;
  }
}

static void on_raptor_triple(void *data, raptor_statement *st) {
  kgi_term s, p, o;
  from_raptor(&s, st->subject);
  from_raptor(&p, st->predicate);
  from_raptor(&o, st->object);
  on_triple(data, &s, &p, &o);
}

static void on_log(void *data, raptor_log_message *m) {
  importer *im = data;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR || im->status)
    return;
  raptor_locator *loc = m->locator;
  if ((!loc || loc->line <= 0) && im->parser)
    loc = raptor_parser_get_locator(im->parser);
  if (loc && loc->line > 0 && loc->column > 0)
    kgi_error_set(im->err, KG_EPARSE, "%s:%d:%d: %s", im->name, loc->line, loc->column, m->text);
  else if (loc && loc->line > 0)
    kgi_error_set(im->err, KG_EPARSE, "%s:%d: %s", im->name, loc->line, m->text);
  else
    kgi_error_set(im->err, KG_EPARSE, "%s: %s", im->name, m->text);
  im->status = KG_EPARSE;
  if (im->parser)
    raptor_parser_parse_abort(im->parser);
}

/* ---- statements about edges (docs/model.md, "Edges, their qualifiers and their source") ---- */

typedef struct group {
  kg_node *n;
  kg_edge **edges;
  size_t count;
} group;

static int by_src(const void *a, const void *b) {
  const kg_edge *x = *(kg_edge *const *)a, *y = *(kg_edge *const *)b;
  return x->src->index < y->src->index ? -1 : x->src->index > y->src->index;
}

/* Fold statement node n into the edge it describes when it is nothing but that. */
static kg_status fold_statement(kg_graph *g, kg_node *n, kg_edge **out, size_t nout,
                                kg_error *err) {
  if (n->in_degree || n->nlabels || n->nsame)
    return KG_OK;
  for (uint32_t i = 0; i < n->nclasses; i++)
    if (strcmp(n->classes[i], KGI_RDF_STATEMENT) != 0)
      return KG_OK;
  kg_edge *se = NULL, *oe = NULL;
  const char *p = NULL;
  for (size_t i = 0; i < nout; i++) {
    const char *pr = out[i]->pred;
    if (strcmp(pr, KGI_RDF_SUBJECT) == 0) {
      if (se)
        return KG_OK;
      se = out[i];
    } else if (strcmp(pr, KGI_RDF_OBJECT) == 0) {
      if (oe)
        return KG_OK;
      oe = out[i];
    } else if (out[i]->tgt->blank || out[i]->nquals) {
      return KG_OK; /* an IRI qualifier must be an IRI */
    }
  }
  for (uint32_t i = 0; i < n->nprops; i++)
    if (strcmp(n->props[i].pred, KGI_RDF_PREDICATE) == 0 &&
        n->props[i].value.kind == KG_VALUE_IRI) {
      if (p)
        return KG_OK;
      p = n->props[i].value.lexical;
    }
  if (!se || !oe || !p)
    return KG_OK;
  kg_edge *e = kgi_graph_find_edge(g, se->tgt, p, oe->tgt);
  if (!e || e->nquals || e->stmt_iri || e->src->stmt_candidate)
    return KG_OK; /* not asserted, or already described by another statement */
  for (uint32_t i = 0; i < n->nprops; i++) {
    if (strcmp(n->props[i].pred, KGI_RDF_PREDICATE) == 0)
      continue;
    kg_status st = kg_edge_add_qualifier(g, e, n->props[i].pred, &n->props[i].value, err);
    if (st)
      return st;
  }
  for (size_t i = 0; i < nout; i++) {
    if (out[i] != se && out[i] != oe) {
      kg_value v = {KG_VALUE_IRI, out[i]->tgt->iri, NULL, NULL};
      kg_status st = kg_edge_add_qualifier(g, e, out[i]->pred, &v, err);
      if (st)
        return st;
    }
    out[i]->dead = true;
  }
  e->source = n->source;
  e->stmt_iri = n->iri;
  n->dead = true;
  return KG_OK;
}

static kg_status fold_statements(kg_graph *g, kg_error *err) {
  size_t count = 0;
  for (size_t i = 0; i < g->nedges; i++)
    if (g->edges[i]->src->stmt_candidate)
      count++;
  if (!count)
    return KG_OK;
  kg_edge **list = kgi_malloc(count * sizeof *list);
  if (!list)
    return kgi_error_oom(err);
  size_t k = 0;
  for (size_t i = 0; i < g->nedges; i++)
    if (g->edges[i]->src->stmt_candidate)
      list[k++] = g->edges[i];
  qsort(list, count, sizeof *list, by_src);
  kg_status st = KG_OK;
  for (size_t i = 0; i < count && !st;) {
    size_t j = i;
    while (j < count && list[j]->src == list[i]->src)
      j++;
    st = fold_statement(g, list[i]->src, list + i, j - i, err);
    i = j;
  }
  free(list);
  return st;
}

/* Nodes left with nothing (e.g. only named by a folded statement) are not part of the graph. */
static void drop_empty_nodes(kg_graph *g) {
  for (size_t i = 0; i < g->nnodes; i++) {
    kg_node *n = g->nodes[i];
    if (!n->dead && !n->nclasses && !n->nlabels && !n->nprops && !n->nsame && !n->source &&
        !n->in_degree && !n->out_degree)
      n->dead = true;
  }
}

/* ---- entry points ---- */

/* Keep the window bounded: drop whole lines from its start, keeping at least KEEP bytes
 * (the lines an error message may point back to). */
enum { KEEP = 64 * 1024, CHUNK = 256 * 1024 };

static void trim_window(importer *im) {
  if (im->len <= 2 * KEEP || im->checked < im->len - KEEP)
    return;
  size_t k = 0; /* the first line that starts at or after len - KEEP */
  size_t lo = 0, hi = im->nlines;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (im->line_at[mid] < im->len - KEEP)
      lo = mid + 1;
    else
      hi = mid;
  }
  k = lo;
  if (im->nt && k > im->next_line - im->first_line)
    k = im->next_line - im->first_line; /* never drop a line not read yet */
  if (k == 0 || k >= im->nlines)
    return;
  size_t cut = im->line_at[k];
  memmove(im->text, im->text + cut, im->len - cut);
  im->len -= cut;
  im->checked -= cut;
  for (size_t i = k; i < im->nlines; i++)
    im->line_at[i - k] = im->line_at[i] - cut;
  im->nlines -= k;
  im->first_line += k;
}

static kg_status append_window(importer *im, const char *data, size_t n) {
  trim_window(im);
  if (kgi_grow((void **)&im->text, &im->cap, im->len + n + 1, 1, im->err))
    return KG_ENOMEM;
  if (im->nlines == 0) {
    if (kgi_grow((void **)&im->line_at, &im->caplines, 1, sizeof *im->line_at, im->err))
      return KG_ENOMEM;
    im->line_at[im->nlines++] = 0;
    im->first_line = 1;
  }
  memcpy(im->text + im->len, data, n);
  /* N-Triples ends a line with [#xD#xA]+: a lone CR ends a line too, and the LF of a CRLF
   * moves that line's start past itself (one line, not two) */
  bool crs = im->nt && (im->after_cr || memchr(data, '\r', n));
  for (size_t i = 0; i < n; i++) {
    if (!crs) { /* the common case: lines end with LF alone */
      const char *lf = memchr(data + i, '\n', n - i);
      if (!lf)
        break;
      i = (size_t)(lf - data);
    }
    char ch = data[i];
    bool after_cr = im->after_cr;
    im->after_cr = ch == '\r';
    if (ch != '\n' && !(im->nt && ch == '\r'))
      continue;
    size_t at = im->len + i + 1;
    if (im->nt && ch == '\n' && after_cr) {
      im->line_at[im->nlines - 1] = at;
      continue;
    }
    if (kgi_grow((void **)&im->line_at, &im->caplines, im->nlines + 1, sizeof *im->line_at,
                 im->err))
      return KG_ENOMEM;
    im->line_at[im->nlines++] = at;
  }
  im->len += n;
  im->text[im->len] = '\0';
  return KG_OK;
}

/*
 * Check the new bytes of the window for invalid UTF-8 and characters XML 1.0 forbids, up to
 * the last complete character (the rest waits for the next chunk, unless this is the end).
 */
static kg_status check_window(importer *im, bool at_end) {
  size_t end = im->len;
  if (!at_end) { /* hold back a character cut by the chunk boundary */
    size_t back = 0;
    while (back < 3 && back < end - im->checked &&
           ((unsigned char)im->text[end - 1 - back] & 0xc0) == 0x80)
      back++;
    if (back < end - im->checked && (unsigned char)im->text[end - 1 - back] >= 0xc0)
      end -= back + 1;
  }
  const char *p = im->text + im->checked;
  size_t n = end - im->checked, bad, line, col;
  if (!kgi_utf8_valid(p, n, &bad)) {
    line_col_of(im, im->checked + bad, &line, &col);
    return kgi_error_set(im->err, KG_EPARSE, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)", im->name,
                         line, col, (unsigned)(unsigned char)p[bad]);
  }
  bad = kgi_find_xml_illegal(p, n);
  if (bad != (size_t)-1) {
    line_col_of(im, im->checked + bad, &line, &col);
    return kgi_error_set(im->err, KG_EPARSE,
                         "%s:%zu:%zu: control character U+%04X is not allowed (XML 1.0 forbids it)",
                         im->name, line, col, (unsigned)(unsigned char)p[bad]);
  }
  im->checked = end;
  return KG_OK;
}

/* Read the complete N-Triples lines of the window (at the end, the last one too). */
static kg_status read_nt_lines(importer *im, bool at_end) {
  size_t last = at_end ? im->nlines : im->nlines - 1;
  for (size_t k = im->next_line - im->first_line; k < last; k++) {
    size_t start = im->line_at[k];
    size_t end = k + 1 < im->nlines ? im->line_at[k + 1] - 1 : im->len;
    size_t pos = 0;
    im->cur_line = im->first_line + k;
    for (;;) {
      kgi_term t[3];
      size_t off = 0;
      const char *msg = NULL;
      kgi_nt_result r = kgi_nt_read(&im->ntr, im->text + start, end - start, &pos, t, &off, &msg);
      if (r == KGI_NT_EMPTY)
        break;
      if (r == KGI_NT_NOMEM)
        return im->status = kgi_error_oom(im->err);
      if (r == KGI_NT_ERROR) {
        kgi_error_set(im->err, KG_EPARSE, "%s:%zu:%zu: %s", im->name, im->cur_line,
                      column_of(im->text, start, start + off), msg);
        return im->status = KG_EPARSE;
      }
      on_triple(im, &t[0], &t[1], &t[2]);
      if (im->status)
        return im->status;
    }
    im->next_line = im->cur_line + 1;
  }
  return KG_OK;
}

/* Give the parser one chunk of input (checked first); at_end finishes the parse. */
static kg_status feed(importer *im, const char *data, size_t n, bool at_end) {
  kg_status st = append_window(im, data, n);
  if (!st)
    st = check_window(im, at_end);
  if (st)
    return st;
  if (im->nt)
    return read_nt_lines(im, at_end);
  raptor_parser_parse_chunk(im->parser, (const unsigned char *)data, n, at_end);
  return im->status;
}

static const char *guess_syntax(const char *name) {
  const char *dot = name ? strrchr(name, '.') : NULL;
  if (dot && (strcmp(dot, ".nt") == 0 || strcmp(dot, ".ntriples") == 0))
    return "ntriples";
  return "turtle";
}

/* Where the input comes from: a buffer, or a file read in chunks. */
typedef struct source {
  const char *data;
  size_t len;
  FILE *file;
} source;

static kg_status parse_all(importer *im, source *src) {
  if (!src->file)
    return feed(im, src->data, src->len, true);
  char *chunk = kgi_malloc(CHUNK);
  if (!chunk)
    return kgi_error_oom(im->err);
  kg_status st = KG_OK;
  for (;;) {
    size_t n = fread(chunk, 1, CHUNK, src->file);
    if (n < CHUNK && ferror(src->file)) {
      st = kgi_error_set(im->err, KG_EIO, "%s: read failed: %s", im->name, strerror(errno));
      break;
    }
    bool at_end = n < CHUNK && feof(src->file);
    if ((st = feed(im, chunk, n, at_end)) || at_end)
      break;
  }
  free(chunk);
  return st;
}

static kg_status import(kg_graph **out, source *src, const char *name, const char *syntax,
                        const char *base, const kg_import_options *opts, kg_error *err) {
  *out = NULL;
  if (!name)
    name = "<input>";
  if (!syntax)
    syntax = guess_syntax(name);
  if (strcmp(syntax, "turtle") != 0 && strcmp(syntax, "ntriples") != 0)
    return kgi_error_set(err, KG_EINVAL, "unknown input syntax \"%s\" (turtle, ntriples)", syntax);
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;

  /* the parse base: given, or the input's own file IRI */
  char *file_iri = NULL;
  const char *parse_base = base;
  if (!parse_base) {
    size_t n = strlen(name);
    file_iri = kgi_malloc(n + 16);
    if (!file_iri)
      return kgi_error_oom(err);
    snprintf(file_iri, n + 16, "file:///%s#", name[0] == '/' ? name + 1 : name);
    for (char *p = file_iri + 8; *p; p++)
      if (strchr(" <>\"{}|\\^`", *p))
        *p = '_';
    parse_base = file_iri;
  }

  importer im;
  memset(&im, 0, sizeof im);
  im.name = name;
  im.err = err;
  if (opts) {
    im.progress = opts->progress;
    im.progress_ctx = opts->progress_ctx;
  }
  im.nt = strcmp(syntax, "ntriples") == 0;
  im.next_line = 1;
  raptor_world *world = NULL;
  raptor_uri *buri = NULL;
  st = kg_graph_new(&im.g, parse_base, err);
  if (st)
    goto done;
  if (im.nt)
    goto parse;
  world = raptor_new_world();
  if (!world || raptor_world_open(world)) {
    st = kgi_error_set(err, KG_ELIB, "cannot start the RDF parser");
    goto done;
  }
  raptor_world_set_log_handler(world, &im, on_log);
  im.parser = raptor_new_parser(world, syntax);
  buri = raptor_new_uri(world, (const unsigned char *)parse_base);
  if (!im.parser || !buri) {
    st = kgi_error_set(err, KG_ELIB, "cannot create the %s parser", syntax);
    goto done;
  }
  /* untrusted input: never fetch anything */
  raptor_parser_set_option(im.parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(im.parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(im.parser, &im, on_raptor_triple);
  if (raptor_parser_parse_start(im.parser, buri) != 0) {
    st = kgi_error_set(err, KG_ELIB, "cannot start the %s parser", syntax);
    goto done;
  }
parse:
  if ((st = parse_all(&im, src)))
    goto done;
  if (im.progress)
    im.progress(im.progress_ctx, im.triples, 1);
  st = fold_statements(im.g, err);
  if (st)
    goto done;
  if (im.default_source)
    kg_graph_apply_default_source(im.g, im.default_source);
  drop_empty_nodes(im.g);
  if (!base && im.default_source_subject) {
    size_t n = strlen(im.default_source_subject);
    char last = n ? im.default_source_subject[n - 1] : 0;
    if (last == '/' || last == '#')
      st = kgi_graph_rebase(im.g, im.default_source_subject, err);
    if (st)
      goto done;
  }
  st = kgi_graph_compact(im.g, err);
done:
  if (im.parser)
    raptor_free_parser(im.parser);
  if (buri)
    raptor_free_uri(buri);
  if (world)
    raptor_free_world(world);
  free(file_iri);
  free(im.text);
  free(im.line_at);
  kgi_nt_dispose(&im.ntr);
  if (st) {
    kg_graph_free(im.g);
    return st;
  }
  *out = im.g;
  return KG_OK;
}

kg_status kg_import_buffer(kg_graph **out, const char *data, size_t len, const char *name,
                           const char *syntax, const char *base, kg_error *err) {
  if (!out || (!data && len))
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  source src = {data ? data : "", len, NULL};
  return import(out, &src, name, syntax, base, NULL, err);
}

kg_status kg_import_file_with(kg_graph **out, const char *path, const kg_import_options *opts,
                              kg_error *err) {
  if (!out || !path)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  FILE *f = fopen(path, "rb");
  if (!f)
    return kgi_error_set(err, KG_EIO, "%s: cannot open: %s", path, strerror(errno));
  source src = {NULL, 0, f};
  kg_status st =
      import(out, &src, path, opts ? opts->syntax : NULL, opts ? opts->base : NULL, opts, err);
  fclose(f);
  return st;
}

kg_status kg_import_file(kg_graph **out, const char *path, const char *syntax, const char *base,
                         kg_error *err) {
  kg_import_options opts = {syntax, base, NULL, NULL};
  return kg_import_file_with(out, path, &opts, err);
}

#define STORY_BASE "https://kgexport.org/story/trump-xi-call-2025-11-24/"

kg_status kg_import_story(kg_graph **out, kg_error *err) {
  return kg_import_buffer(out, kgi_story_ttl, kgi_story_ttl_len,
                          "examples/trump-xi-call-2025-11-24.ttl", "turtle", STORY_BASE, err);
}
