/*
 * The RDF syntaxes raptor parses: Turtle, RDF/XML, N-Quads and TriG, one reader
 * parameterised by a small table per syntax. raptor reports the line where it finished a
 * triple; map.c searches back from there for the term an error is about.
 *
 * Named graphs (N-Quads, TriG) are read the way the N-Quads export writes them
 * (docs/model.md): a triple in a named graph cites that graph as its source. The graph
 * speaks for the element the triple belongs to (the edge when the triple is one, else its
 * subject node) unless the element's own triples name its source (prov:wasDerivedFrom):
 * the graphs are applied when the input has been read, to what still cites nothing. A
 * triple in the default graph is read as in Turtle.
 *
 * RDF/XML is untrusted XML: raptor is told never to fetch a file or anything on the
 * network, nor to load external entities, and the document type declaration is checked
 * before raptor sees a byte of the document (xml_prolog below): an external DTD, an external
 * or parameter entity, and an entity that refers to other entities (the "billion laughs")
 * are refused with a message that says so.
 */
#include "importer.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

/* What differs from one syntax to the next. */
typedef struct syntax {
  const char *raptor_name; /* raptor's parser */
  bool xml;                /* the document type declaration is checked first */
} syntax;

/* The prolog of an XML document (declaration, comments, document type) is held back from
 * raptor until it is checked, up to this many bytes: an internal DTD subset larger than
 * this is refused. */
#define PROLOG_MAX (1024 * 1024)

typedef struct reader {
  raptor_world *world;
  raptor_parser *parser;
  raptor_uri *base;
  const syntax *syn;
  bool prolog_checked;  /* XML: the prolog was checked and handed to raptor */
  kgi_buf prolog;       /* XML: the bytes held back until then */
  kg_node **node_graph; /* per node index: the named graph of its first triple, or NULL */
  kg_node **edge_graph; /* per edge index: the named graph it came in */
  size_t cap_nodes, cap_edges;
  const char *graph_iri; /* the last graph looked up, and its node */
  kg_node *graph_node;
  struct term_scan { /* check_term_lengths: the term being read, across chunks */
    int state, quotes;
    char quote, first[2];
    size_t len, line, col, start_line, start_col;
  } ts;
  long tag_run;    /* characters of the language tag being read (-1: none), check_language_tags */
  char tag_quote;  /* RDF/XML: the quote that ends xml:lang's value */
  uint64_t tag_at; /* where it starts, in the input (the window may drop its start) */
} reader;

static const char *uri_str(raptor_uri *u) { return (const char *)raptor_uri_as_string(u); }

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

static size_t parser_line(const reader *r) {
  raptor_locator *loc = raptor_parser_get_locator(r->parser);
  return loc && loc->line > 0 ? (size_t)loc->line : 1;
}

/* ---- named graphs ---- */

/* The node of a term (a graph's name, or a triple's subject), made when it is new. */
static kg_node *node_of(kgi_input *in, const kgi_term *t) {
  kg_error local;
  kg_error_init(&local);
  kg_node *n = NULL;
  kg_status st = t->type == KGI_TERM_BLANK ? kgi_graph_add_blank(&n, in->g, t->str, &local)
                                           : kg_graph_add_node(&n, in->g, t->str, &local);
  if (st)
    kgi_input_fail(in, st, t->type == KGI_TERM_BLANK ? NULL : t->str, true, local.message);
  return st ? NULL : n;
}

/* Remember that the element at index i cites graph (the first graph it came in wins). */
static bool note_graph(kgi_input *in, kg_node ***slots, size_t *cap, size_t i, kg_node *graph) {
  if (i >= *cap) {
    size_t old = *cap;
    if (kgi_grow((void **)slots, cap, i + 1, sizeof **slots, in->err)) {
      in->status = KG_ENOMEM;
      return false;
    }
    memset(*slots + old, 0, (*cap - old) * sizeof **slots);
  }
  if (!(*slots)[i])
    (*slots)[i] = graph;
  return true;
}

/* A triple that came in a named graph (already mapped): note the graph for its element. */
static void in_graph(kgi_input *in, const raptor_term *graph, const kgi_term *s, const kgi_term *p,
                     const kgi_term *o, size_t nedges_before) {
  reader *r = in->reader;
  kgi_term gt;
  from_raptor(&gt, graph);
  if (gt.type == KGI_TERM_LITERAL || strcmp(p->str, KG_NS "defaultSource") == 0 ||
      !kgi_input_term_fits(in, &gt))
    return;
  if (!r->graph_node || gt.type == KGI_TERM_BLANK || !r->graph_iri ||
      strcmp(r->graph_iri, gt.str) != 0) {
    if (!(r->graph_node = node_of(in, &gt)))
      return;
    r->graph_iri = gt.type == KGI_TERM_IRI ? r->graph_node->iri : NULL;
  }
  kg_graph *g = in->g;
  if (g->nedges > nedges_before) { /* the triple is a new edge */
    note_graph(in, &r->edge_graph, &r->cap_edges, g->nedges - 1, r->graph_node);
    return;
  }
  bool names = o->type == KGI_TERM_IRI &&
               (strcmp(p->str, KGI_RDF_TYPE) == 0 || strcmp(p->str, KGI_OWL_SAMEAS) == 0 ||
                strcmp(p->str, KGI_RDF_PREDICATE) == 0);
  if (o->type != KGI_TERM_LITERAL && !names && strcmp(p->str, KGI_PROV_DERIVED) != 0)
    return; /* an edge read before: it cites the graph it came in first */
  kg_node *subj = node_of(in, s);
  if (subj)
    note_graph(in, &r->node_graph, &r->cap_nodes, subj->index, r->graph_node);
}

/* When the input has been read: what cites no source of its own cites its graph. */
static void apply_graphs(kgi_input *in) {
  reader *r = in->reader;
  kg_graph *g = in->g;
  for (size_t i = 0; i < g->nnodes && i < r->cap_nodes; i++)
    if (r->node_graph[i] && !g->nodes[i]->source && g->nodes[i] != r->node_graph[i])
      g->nodes[i]->source = r->node_graph[i];
  for (size_t i = 0; i < g->nedges && i < r->cap_edges; i++)
    if (r->edge_graph[i] && !g->edges[i]->source)
      g->edges[i]->source = r->edge_graph[i];
}

/* ---- raptor's handlers ---- */

static void on_triple(void *data, raptor_statement *st) {
  kgi_input *in = data;
  reader *r = in->reader;
  kgi_term s, p, o;
  from_raptor(&s, st->subject);
  from_raptor(&p, st->predicate);
  from_raptor(&o, st->object);
  in->cur_line = parser_line(r);
  size_t nedges = in->g->nedges;
  kgi_input_triple(in, &s, &p, &o);
  if (!in->status && st->graph)
    in_graph(in, st->graph, &s, &p, &o, nedges);
  if (in->status)
    raptor_parser_parse_abort(r->parser);
}

/* A prefix the input declares: kept, so that ids read as the input wrote them ("ex:alice"). */
static void on_namespace(void *data, raptor_namespace *ns) {
  kgi_input *in = data;
  const unsigned char *prefix = raptor_namespace_get_prefix(ns);
  raptor_uri *uri = raptor_namespace_get_uri(ns);
  if (in->status || !prefix || !*prefix || !uri)
    return; /* the empty prefix makes no readable CURIE */
  kgi_term t = {KGI_TERM_IRI, uri_str(uri), strlen(uri_str(uri)), NULL, NULL, 0, 0, 0};
  if (!kgi_input_term_fits(in, &t)) {
    raptor_parser_parse_abort(((reader *)in->reader)->parser);
    return;
  }
  kg_error local;
  kg_error_init(&local);
  kg_status st = kgi_graph_add_prefix(in->g, (const char *)prefix, uri_str(uri), &local);
  if (st) {
    kgi_input_fail(in, st, NULL, false, local.message);
    raptor_parser_parse_abort(((reader *)in->reader)->parser);
  }
}

static void on_log(void *data, raptor_log_message *m) {
  kgi_input *in = data;
  reader *r = in->reader;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR || in->status)
    return;
  raptor_locator *loc = m->locator;
  if ((!loc || loc->line <= 0) && r && r->parser)
    loc = raptor_parser_get_locator(r->parser);
  /* libxml2's messages end with a newline */
  const char *text = m->text ? m->text : "";
  int len = (int)strcspn(text, "\r\n");
  /* bison's words when the Turtle parser's stack is full: 10,000 entries, about 5,000 levels
     of [ ] or ( ), whatever memory is free (no deeper input is read, so none overflows) */
  static const char deep[] = "nested more deeply than the Turtle parser reads (about 5000 "
                             "levels of [ ], 10000 of ( ): raptor's stack is full)";
  if (strcmp(text, "memory exhausted") == 0) {
    text = deep;
    len = (int)sizeof deep - 1;
  }
  const xmlError *xe = r && r->syn->xml ? xmlGetLastError() : NULL;
  if (xe && xe->code == XML_ERR_NO_MEMORY) { /* libxml2's, under raptor's RDF/XML parser */
    in->status = kgi_error_oom(in->err);
    raptor_parser_parse_abort(r->parser);
    return;
  }
  if (loc && loc->line > 0 && loc->column > 0)
    kgi_error_set(in->err, KG_EPARSE, "%s:%d:%d: %.*s", in->name, loc->line, loc->column, len,
                  text);
  else if (loc && loc->line > 0)
    kgi_error_set(in->err, KG_EPARSE, "%s:%d: %.*s", in->name, loc->line, len, text);
  else
    kgi_error_set(in->err, KG_EPARSE, "%s: %.*s", in->name, len, text);
  in->status = KG_EPARSE;
  if (r && r->parser)
    raptor_parser_parse_abort(r->parser);
}

/* ---- the XML prolog ---- */

typedef enum { PROLOG_MORE, PROLOG_OK, PROLOG_REFUSED } prolog_result;

typedef struct scan {
  const char *s;
  size_t n, pos;
  size_t at;      /* where the refused declaration starts */
  char what[512]; /* the message when refused */
} scan;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void skip_space(scan *sc) {
  while (sc->pos < sc->n && is_space(sc->s[sc->pos]))
    sc->pos++;
}

/* Does the text at pos start with word? (*partial: the text ends inside it) */
static bool starts(const scan *sc, const char *word, bool *partial) {
  size_t k = strlen(word), have = sc->n - sc->pos;
  if (have < k) {
    if (memcmp(sc->s + sc->pos, word, have) == 0)
      *partial = true;
    return false;
  }
  return memcmp(sc->s + sc->pos, word, k) == 0;
}

/* Move past the next `end`; false when the text ends first. */
static bool skip_past(scan *sc, const char *end) {
  size_t k = strlen(end);
  for (size_t i = sc->pos; i + k <= sc->n; i++)
    if (memcmp(sc->s + i, end, k) == 0) {
      sc->pos = i + k;
      return true;
    }
  return false;
}

/* A name (of a document type, an entity): its length at pos. */
static size_t name_len(const scan *sc) {
  size_t i = sc->pos;
  while (i < sc->n && !is_space(sc->s[i]) && !strchr("[]>\"'%;&", sc->s[i]))
    i++;
  return i - sc->pos;
}

/* A quoted literal at pos: its content in [*start, *end), pos past it; false when cut. */
static bool quoted(scan *sc, size_t *start, size_t *end) {
  char q = sc->s[sc->pos];
  const char *close = memchr(sc->s + sc->pos + 1, q, sc->n - sc->pos - 1);
  if (!close)
    return false;
  *start = sc->pos + 1;
  *end = (size_t)(close - sc->s);
  sc->pos = *end + 1;
  return true;
}

/* "SYSTEM" or "PUBLIC" at pos: an external identifier, its system literal quoted in what. */
static bool external_id(scan *sc, const char *fmt, const char *name, bool *cut) {
  bool partial = false;
  if (!starts(sc, "SYSTEM", &partial) && !starts(sc, "PUBLIC", &partial)) {
    *cut = *cut || partial;
    return false;
  }
  bool public = sc->s[sc->pos] == 'P';
  sc->at = sc->pos;
  sc->pos += 6;
  size_t a = 0, b = 0;
  for (int lit = 0; lit < (public ? 2 : 1); lit++) {
    skip_space(sc);
    if (sc->pos >= sc->n || (sc->s[sc->pos] != '"' && sc->s[sc->pos] != '\'') ||
        !quoted(sc, &a, &b))
      a = b = 0;
  }
  int shown = (int)(b - a > 200 ? 200 : b - a);
  snprintf(sc->what, sizeof sc->what, fmt, name, shown, sc->s + a);
  return true;
}

/* One entity declaration, at "<!ENTITY". */
static prolog_result entity_decl(scan *sc) {
  size_t decl = sc->pos;
  sc->pos += 8;
  skip_space(sc);
  if (sc->pos >= sc->n)
    return PROLOG_MORE;
  if (sc->s[sc->pos] == '%') {
    sc->pos++;
    skip_space(sc);
    size_t k = name_len(sc);
    if (sc->pos + k >= sc->n)
      return PROLOG_MORE;
    sc->at = decl;
    snprintf(sc->what, sizeof sc->what,
             "parameter entity '%.*s' refused: kgexport reads no DTD, and loads no file an "
             "input names",
             (int)(k > 100 ? 100 : k), sc->s + sc->pos);
    return PROLOG_REFUSED;
  }
  size_t k = name_len(sc);
  char name[101];
  snprintf(name, sizeof name, "%.*s", (int)(k > 100 ? 100 : k), sc->s + sc->pos);
  sc->pos += k;
  skip_space(sc);
  if (sc->pos >= sc->n)
    return PROLOG_MORE;
  bool cut = false;
  if (external_id(sc,
                  "external entity '%s' refused (\"%.*s\"): kgexport reads no file and "
                  "fetches nothing an input names",
                  name, &cut))
    return PROLOG_REFUSED;
  if (cut)
    return PROLOG_MORE;
  if (sc->s[sc->pos] == '"' || sc->s[sc->pos] == '\'') {
    size_t a, b;
    if (!quoted(sc, &a, &b))
      return PROLOG_MORE;
    for (size_t i = a; i < b; i++) {
      if ((sc->s[i] != '&' && sc->s[i] != '%') ||
          (sc->s[i] == '&' && i + 1 < b && sc->s[i + 1] == '#'))
        continue; /* a character reference is no entity */
      size_t e = i + 1;
      while (e < b && sc->s[e] != ';')
        e++;
      sc->at = decl;
      snprintf(sc->what, sizeof sc->what,
               "entity '%s' refers to another entity (%.*s), which kgexport refuses: nested "
               "entities are how entity expansion attacks (\"billion laughs\") grow",
               name, (int)((e < b ? e + 1 : e) - i > 100 ? 100 : (e < b ? e + 1 : e) - i),
               sc->s + i);
      return PROLOG_REFUSED;
    }
  }
  return skip_past(sc, ">") ? PROLOG_OK : PROLOG_MORE;
}

/* Skip one markup declaration other than an entity, quotes respected. */
static bool skip_decl(scan *sc) {
  char q = 0;
  for (size_t i = sc->pos; i < sc->n; i++) {
    char c = sc->s[i];
    if (q)
      q = c == q ? 0 : q;
    else if (c == '"' || c == '\'')
      q = c;
    else if (c == '>') {
      sc->pos = i + 1;
      return true;
    }
  }
  return false;
}

/* The document type declaration, at "<!DOCTYPE". */
static prolog_result doctype(scan *sc) {
  sc->pos += 9;
  skip_space(sc);
  size_t k = name_len(sc);
  char name[101];
  snprintf(name, sizeof name, "%.*s", (int)(k > 100 ? 100 : k), sc->s + sc->pos);
  sc->pos += k;
  skip_space(sc);
  if (sc->pos >= sc->n)
    return PROLOG_MORE;
  bool cut = false;
  if (external_id(sc,
                  "the document type '%s' names an external DTD (\"%.*s\"), which kgexport "
                  "refuses: it loads no DTD and fetches nothing an input names",
                  name, &cut))
    return PROLOG_REFUSED;
  if (cut)
    return PROLOG_MORE;
  if (sc->s[sc->pos] != '[')
    return skip_past(sc, ">") ? PROLOG_OK : PROLOG_MORE;
  sc->pos++;
  for (;;) {
    skip_space(sc);
    if (sc->pos >= sc->n)
      return PROLOG_MORE;
    bool partial = false;
    prolog_result r = PROLOG_OK;
    if (sc->s[sc->pos] == ']') {
      sc->pos++;
      return skip_past(sc, ">") ? PROLOG_OK : PROLOG_MORE;
    } else if (sc->s[sc->pos] == '%') {
      size_t at = sc->pos++;
      size_t len = name_len(sc);
      sc->at = at;
      snprintf(sc->what, sizeof sc->what,
               "parameter entity reference %%%.*s; refused: kgexport reads no DTD",
               (int)(len > 100 ? 100 : len), sc->s + sc->pos);
      return PROLOG_REFUSED;
    } else if (starts(sc, "<!--", &partial)) {
      if (!skip_past(sc, "-->"))
        return PROLOG_MORE;
    } else if (starts(sc, "<?", &partial)) {
      if (!skip_past(sc, "?>"))
        return PROLOG_MORE;
    } else if (starts(sc, "<!ENTITY", &partial)) {
      if ((r = entity_decl(sc)) != PROLOG_OK)
        return r;
    } else if (partial) {
      return PROLOG_MORE;
    } else if (starts(sc, "<!", &partial)) {
      if (!skip_decl(sc))
        return PROLOG_MORE;
    } else {
      return PROLOG_OK; /* not a DTD: the XML parser says what is wrong */
    }
  }
}

/* Check the prolog at s[0..n): declaration, comments, processing instructions and the
 * document type, up to the root element. */
static prolog_result check_prolog(scan *sc) {
  if (sc->n >= 3 && memcmp(sc->s, "\xEF\xBB\xBF", 3) == 0)
    sc->pos = 3;
  for (;;) {
    skip_space(sc);
    if (sc->pos >= sc->n)
      return PROLOG_MORE;
    bool partial = false;
    if (starts(sc, "<?", &partial)) {
      if (!skip_past(sc, "?>"))
        return PROLOG_MORE;
    } else if (starts(sc, "<!--", &partial)) {
      if (!skip_past(sc, "-->"))
        return PROLOG_MORE;
    } else if (starts(sc, "<!DOCTYPE", &partial)) {
      return doctype(sc);
    } else {
      return partial ? PROLOG_MORE : PROLOG_OK;
    }
  }
}

/* Line and column (in characters) of byte off of the prolog. */
static void prolog_where(const char *s, size_t off, size_t *line, size_t *col) {
  *line = 1, *col = 1;
  for (size_t i = 0; i < off; i++) {
    if (s[i] == '\n')
      ++*line, *col = 1;
    else if (((unsigned char)s[i] & 0xC0) != 0x80)
      ++*col;
  }
}

/*
 * libxml2 under raptor's RDF/XML parser: raptor 2.0.15 hears the parser's own errors (its
 * SAX error handlers), but what libxml2 reports outside a parser context (a parser, an input
 * or a buffer it could not make for want of memory) goes to libxml2's generic handler,
 * printed on standard error while the parse goes on as if the chunk had been read. This
 * thread's generic handler takes it for the time of a chunk; the error itself is libxml2's
 * last (a structured handler would take raptor's parse errors from it too).
 */
static void on_libxml_error(void *ctx, const char *fmt, ...) {
  KGI_UNUSED(fmt);
  kgi_input *in = ctx;
  const xmlError *e = xmlGetLastError();
  if (in->status || !e || e->level < XML_ERR_ERROR)
    return; /* a message comes in several calls: the first one counts */
  if (e->code == XML_ERR_NO_MEMORY)
    in->status = kgi_error_oom(in->err);
  else
    in->status = kgi_error_set(in->err, KG_EPARSE, "%s: libxml2: %.200s", in->name,
                               e->message ? e->message : "error");
}

static void parse_chunk(kgi_input *in, reader *r, const char *data, size_t n, bool at_end) {
  if (!r->syn->xml) {
    raptor_parser_parse_chunk(r->parser, (const unsigned char *)data, n, at_end);
    return;
  }
  xmlGenericErrorFunc old = xmlGenericError;
  void *old_ctx = xmlGenericErrorContext;
  xmlResetLastError(); /* on_log asks it whether an error raptor reports is memory's */
  xmlSetGenericErrorFunc(in, on_libxml_error);
  raptor_parser_parse_chunk(r->parser, (const unsigned char *)data, n, at_end);
  xmlSetGenericErrorFunc(old_ctx, old);
  /* memory that libxml2 said it ran out of, where raptor took no notice (a parser context
     it could not make is not an error raptor reports) */
  const xmlError *e = xmlGetLastError();
  if (!in->status && e && e->code == XML_ERR_NO_MEMORY)
    in->status = kgi_error_oom(in->err);
}

/* XML: hold the prolog back until it is checked; then hand it (and the rest) to raptor. */
static kg_status feed_xml(kgi_input *in, const char *data, size_t n, bool at_end, bool *done) {
  reader *r = in->reader;
  *done = false;
  if (r->prolog_checked)
    return KG_OK;
  kgi_buf_put(&r->prolog, data, n);
  if (r->prolog.oom)
    return in->status = kgi_error_oom(in->err);
  scan sc = {r->prolog.s, r->prolog.len, 0, 0, {0}};
  prolog_result res = check_prolog(&sc);
  if (res == PROLOG_MORE && !at_end && r->prolog.len <= PROLOG_MAX)
    return *done = true, KG_OK;
  if (res == PROLOG_MORE && !at_end) {
    sc.at = 0;
    snprintf(sc.what, sizeof sc.what,
             "the document type declaration is longer than %d bytes, which kgexport refuses",
             PROLOG_MAX);
    res = PROLOG_REFUSED;
  }
  if (res == PROLOG_REFUSED) {
    size_t line, col;
    prolog_where(r->prolog.s, sc.at, &line, &col);
    kgi_error_set(in->err, KG_EDATA, "%s:%zu:%zu: %s", in->name, line, col, sc.what);
    return in->status = KG_EDATA;
  }
  r->prolog_checked = true;
  *done = true;
  parse_chunk(in, r, r->prolog.s, r->prolog.len, at_end);
  kgi_buf_dispose(&r->prolog);
  return in->status;
}

/* ---- the reader ---- */

static const syntax *syntax_of(const kgi_importer *f);

static kg_status start(kgi_input *in) {
  reader *r = kgi_calloc(1, sizeof *r);
  if (!r)
    return kgi_error_oom(in->err);
  in->reader = r;
  kgi_buf_init(&r->prolog);
  r->tag_run = -1;
  r->ts.line = r->ts.col = 1;
  r->syn = syntax_of(in->format);
  if (!(r->world = kgi_raptor_world_get()))
    return kgi_error_set(in->err, KG_ELIB, "cannot start the RDF parser");
  raptor_world_set_log_handler(r->world, in, on_log);
  r->parser = raptor_new_parser(r->world, r->syn->raptor_name);
  r->base = raptor_new_uri(r->world, (const unsigned char *)in->parse_base);
  if (!r->parser || !r->base)
    return kgi_error_set(in->err, KG_ELIB, "cannot create the %s parser", in->format->name);
  /* untrusted input: never fetch anything, never load an external entity */
  if (raptor_parser_set_option(r->parser, RAPTOR_OPTION_NO_NET, NULL, 1) ||
      raptor_parser_set_option(r->parser, RAPTOR_OPTION_NO_FILE, NULL, 1) ||
      raptor_parser_set_option(r->parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0))
    return kgi_error_set(in->err, KG_ELIB, "cannot make the %s parser safe", in->format->name);
  raptor_parser_set_statement_handler(r->parser, in, on_triple);
  raptor_parser_set_namespace_handler(r->parser, in, on_namespace);
  if (raptor_parser_parse_start(r->parser, r->base) != 0)
    return kgi_error_set(in->err, KG_ELIB, "cannot start the %s parser", in->format->name);
  r->prolog_checked = !r->syn->xml;
  return KG_OK;
}

/*
 * raptor 2.0.15 holds a language tag's length in an unsigned char (raptor_new_term_from_literal):
 * a tag of 256 characters or more is cut, and the cut copy, which has no terminating NUL, is
 * later read past its end (ASan: a heap overflow, in every syntax raptor reads; found by
 * fuzz_import). No real tag is that long (BCP 47's subtags have 8 characters at most): one is
 * refused before raptor reads it, by its place. A tag starts after '@' (Turtle, TriG,
 * N-Quads) or as the value of xml:lang (RDF/XML); the count goes on across chunks. A string
 * holding '@' and 256 letters or digits in a row is refused too: a false alarm too rare to
 * cost a parser of our own.
 */
enum { RAPTOR_LANG_MAX = 255 };

static bool tag_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* Does the quote at off open the value of an attribute named ...lang (xml:lang), with the
 * spaces XML allows around its '='? */
static bool opens_xml_lang(const kgi_window *w, size_t off) {
  size_t i = off;
  while (i > 0 && is_space(w->text[i - 1]))
    i--;
  if (i == 0 || w->text[--i] != '=')
    return false;
  while (i > 0 && is_space(w->text[i - 1]))
    i--;
  return i >= 4 && memcmp(w->text + i - 4, "lang", 4) == 0;
}

static void check_language_tags(kgi_input *in, reader *r, size_t n) {
  const kgi_window *w = &in->win;
  for (size_t off = w->len - n; off < w->len && !in->status; off++) {
    unsigned char c = (unsigned char)w->text[off];
    /* a tag goes on while its characters do; xml:lang's value, to its closing quote (raptor
       takes all of it as the tag, whatever it holds) */
    bool in_tag = r->tag_run >= 0 && (r->syn->xml ? c != r->tag_quote : tag_char(c));
    if (in_tag) {
      if (++r->tag_run > RAPTOR_LANG_MAX) {
        size_t line, col;
        kgi_window_line_col(w, (size_t)(r->tag_at - w->dropped), &line, &col);
        kgi_error_set(in->err, KG_EDATA,
                      "%s:%zu:%zu: a language tag of more than %d characters, which the RDF "
                      "parser (raptor 2.0.15) cannot read safely",
                      in->name, line, col, RAPTOR_LANG_MAX);
        in->status = KG_EDATA;
      }
      continue;
    }
    bool closes = r->tag_run >= 0 && r->syn->xml;
    r->tag_run = -1;
    if (closes)
      continue;
    if (!r->syn->xml && c != '@') { /* outside a tag: on to the next '@' */
      const char *at = memchr(w->text + off, '@', w->len - off);
      off = at ? (size_t)(at - w->text) : w->len;
      if (!at)
        break;
      c = '@';
    }
    bool opens = !r->syn->xml ? c == '@' : (c == '"' || c == '\'') && opens_xml_lang(w, off);
    if (opens) {
      r->tag_run = 0;
      r->tag_quote = (char)c;
      r->tag_at = w->dropped + off + 1;
    }
  }
}

/*
 * raptor's Turtle parser (TriG's too) holds the whole input until it ends, then parses it,
 * and a term it builds costs about three times its size: a term longer than the limit is
 * refused as it arrives, by its place, before raptor reads it. Strings (short and long,
 * with their escapes), IRIs, comments and the runs of other characters (prefixed names,
 * blank node labels, numbers) are followed across chunks, and measured as written, which
 * is never shorter than what raptor makes of them. N-Quads, whose lines raptor reads one at
 * a time, is followed the same way.
 */
enum { TS_OUT, TS_IRI, TS_OPEN, TS_STR, TS_LONG, TS_NAME, TS_COMMENT, TS_ESCAPED = 16 };

static bool name_end(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '"' || c == '\'' ||
         c == ',' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '#';
}

static void check_term_lengths(kgi_input *in, reader *r, const char *data, size_t n) {
  struct term_scan *t = &r->ts;
  size_t max = in->max_term;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)data[i];
    int state = t->state & ~TS_ESCAPED;
    bool escaped = t->state & TS_ESCAPED;
    if (t->state == TS_OUT && !name_end(c)) { /* a term starts */
      t->start_line = t->line, t->start_col = t->col, t->len = 0;
      t->first[0] = (char)c, t->first[1] = i + 1 < n ? data[i + 1] : 0;
      t->state = TS_NAME;
    } else if (t->state == TS_OUT && (c == '"' || c == '\'')) {
      t->start_line = t->line, t->start_col = t->col, t->len = 0;
      t->state = TS_OPEN, t->quote = (char)c, t->quotes = 1;
    } else if (t->state == TS_OUT && c == '<') {
      t->start_line = t->line, t->start_col = t->col, t->len = 0;
      t->state = TS_IRI;
    } else if (t->state == TS_OUT && c == '#') {
      t->state = TS_COMMENT;
    } else if (state == TS_OPEN) { /* "" or """, or a string's first character */
      if (c == (unsigned char)t->quote && t->quotes < 2)
        t->quotes++;
      else if (c == (unsigned char)t->quote)
        t->state = TS_LONG, t->quotes = 0;
      else if (t->quotes == 2 || c == '\n') { /* "": an empty string; this byte again, outside */
        t->state = TS_OUT, i--;
        continue;
      } else
        t->state = c == '\\' ? TS_STR | TS_ESCAPED : TS_STR, t->len = 1;
    } else if (escaped) {
      t->state = state, t->len++;
    } else if (state == TS_STR || state == TS_LONG) {
      t->len++;
      if (c == '\\')
        t->state |= TS_ESCAPED, t->quotes = 0;
      else if (c != (unsigned char)t->quote)
        t->quotes = 0;
      else if (state == TS_STR || ++t->quotes == 3)
        t->state = TS_OUT;
      if (state == TS_STR && (c == '\n' || c == '\r')) /* no string: raptor says what is wrong */
        t->state = TS_OUT;
    } else if (state == TS_IRI) {
      if (c == '>' || (kgi_iri_bad[c] && c != '\\'))
        t->state = TS_OUT;
      else
        t->len++;
    } else if (state == TS_NAME) {
      if (name_end(c)) {
        t->state = TS_OUT, i--; /* this byte again, outside */
        continue;
      }
      t->state |= c == '\\' ? TS_ESCAPED : 0;
      t->len++;
    } else if (state == TS_COMMENT && (c == '\n' || c == '\r')) {
      t->state = TS_OUT;
    }
    /* a long string's closing quotes are not its text */
    size_t len = state == TS_LONG ? t->len - (size_t)t->quotes : t->len;
    if (t->state != TS_OUT && t->state != TS_COMMENT && max && len > max) {
      char msg[128];
      bool blank = t->first[0] == '_' && t->first[1] == ':';
      bool number = strchr("0123456789+-.", t->first[0]) != NULL;
      kgi_term_too_long(msg, sizeof msg,
                        state == TS_IRI    ? "an IRI"
                        : state != TS_NAME ? "a literal"
                        : blank            ? "a blank node label"
                        : number           ? "a literal"
                                           : "an IRI",
                        max);
      kgi_error_set(in->err, KG_EDATA, "%s:%zu:%zu: %s", in->name, t->start_line, t->start_col,
                    msg);
      in->status = KG_EDATA;
      return;
    }
    if (c == '\n')
      t->line++, t->col = 1;
    else if ((c & 0xc0) != 0x80)
      t->col++;
  }
}

static kg_status feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  reader *r = in->reader;
  if (!r->syn->xml)
    check_term_lengths(in, r, data, n);
  if (!in->status)
    check_language_tags(in, r, n);
  if (in->status)
    return in->status;
  bool done = false;
  kg_status st = feed_xml(in, data, n, at_end, &done);
  if (!st && !done)
    parse_chunk(in, r, data, n, at_end);
  if (!in->status && at_end && r->prolog_checked)
    apply_graphs(in);
  return in->status;
}

static void finish(kgi_input *in) {
  reader *r = in->reader;
  if (!r)
    return;
  if (r->parser)
    raptor_free_parser(r->parser);
  if (r->base)
    raptor_free_uri(r->base);
  kgi_raptor_world_put(r->world);
  kgi_buf_dispose(&r->prolog);
  free(r->node_graph);
  free(r->edge_graph);
  free(r);
  in->reader = NULL;
}

/* ---- the syntaxes ---- */

static const syntax turtle = {"turtle", false};
static const syntax rdfxml = {"rdfxml", true};
static const syntax nquads = {"nquads", false};
static const syntax trig = {"trig", false};

static const char *const turtle_ext[] = {"ttl", "turtle", NULL};
static const char *const rdfxml_ext[] = {"rdf", "owl", "xml", NULL};
static const char *const nquads_ext[] = {"nq", "nquads", NULL};
static const char *const trig_ext[] = {"trig", NULL};

const kgi_importer kgi_importer_turtle = {
    .name = "turtle",
    .extensions = turtle_ext,
    .description = "Turtle 1.1 (raptor)",
    .start = start,
    .feed = feed,
    .finish = finish,
};

const kgi_importer kgi_importer_rdfxml = {
    .name = "rdfxml",
    .extensions = rdfxml_ext,
    .description = "RDF/XML (raptor; no DTD, external entity, file or network is loaded)",
    .start = start,
    .feed = feed,
    .finish = finish,
};

const kgi_importer kgi_importer_nquads = {
    .name = "nquads",
    .extensions = nquads_ext,
    .description = "N-Quads 1.1 (raptor; a named graph is the source its triples cite)",
    .start = start,
    .feed = feed,
    .finish = finish,
};

const kgi_importer kgi_importer_trig = {
    .name = "trig",
    .extensions = trig_ext,
    .description = "TriG (raptor; a named graph is the source its triples cite)",
    .start = start,
    .feed = feed,
    .finish = finish,
};

static const syntax *syntax_of(const kgi_importer *f) {
  return f == &kgi_importer_rdfxml   ? &rdfxml
         : f == &kgi_importer_nquads ? &nquads
         : f == &kgi_importer_trig   ? &trig
                                     : &turtle;
}
