/*
 * Triples into the model (docs/model.md), the same for every reader: rdf:type gives classes,
 * rdfs:label labels, owl:sameAs external ids, prov:wasDerivedFrom a node's source,
 * kg:defaultSource the source of what cites none, literals typed values, other IRIs and
 * blank nodes edges. Terms of the kg: namespace must be the ontology's.
 */
#include "importer.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The reporting interval of progress, in triples (a power of two). */
#define PROGRESS_EVERY (1u << 18)

void kgi_input_fail(kgi_input *in, kg_status st, const char *token, bool is_term, const char *msg) {
  if (in->status)
    return;
  size_t line = in->cur_line ? in->cur_line : 1, col = 0;
  size_t off = token ? kgi_window_find(&in->win, line, token) : (size_t)-1;
  if (off != (size_t)-1) {
    kgi_window_line_col(&in->win, is_term ? kgi_window_term_start(&in->win, off) : off, &line,
                        &col);
    kgi_error_set(in->err, st, "%s:%zu:%zu: %s", in->name, line, col, msg);
  } else {
    kgi_error_set(in->err, st, "%s:%zu: %s", in->name, line, msg);
  }
  in->status = st;
}

bool kgi_input_term_fits(kgi_input *in, const kgi_term *t) {
  static const char *const kinds[] = {"an IRI", "a blank node label", "a literal"};
  const char *what = NULL, *token = t->str;
  if (t->len > in->max_term)
    what = kinds[t->type];
  else if (t->type == KGI_TERM_LITERAL && t->datatype && strlen(t->datatype) > in->max_term)
    what = "an IRI", token = t->datatype;
  if (!what || in->status)
    return !what;
  char msg[128];
  kgi_term_too_long(msg, sizeof msg, what, in->max_term);
  /* at the term as written, when the window still holds its start (an IRI at its '<', a
     literal at its quote); else the line alone */
  size_t line = in->cur_line ? in->cur_line : 1, col;
  size_t off = kgi_window_find(&in->win, line, token);
  if (off != (size_t)-1) {
    const char *text = in->win.text;
    if (t->type == KGI_TERM_IRI && off && text[off - 1] == '<')
      off--;
    else if (t->type == KGI_TERM_BLANK && off >= 2 && text[off - 1] == ':' && text[off - 2] == '_')
      off -= 2;
    else if (t->type == KGI_TERM_LITERAL && off &&
             (text[off - 1] == '"' || text[off - 1] == '\'')) {
      char q = text[--off]; /* and the first of three, of a long string */
      if (off >= 2 && text[off - 1] == q && text[off - 2] == q)
        off -= 2;
    }
    kgi_window_line_col(&in->win, off, &line, &col);
    kgi_error_set(in->err, KG_EDATA, "%s:%zu:%zu: %s", in->name, line, col, msg);
  } else {
    kgi_error_set(in->err, KG_EDATA, "%s:%zu: %s", in->name, line, msg);
  }
  in->status = KG_EDATA;
  return false;
}

/* A model call failed with a message in `local`: carry it with the input location. */
static void fail_from(kgi_input *in, kg_status st, const kg_error *local, const char *token) {
  kgi_input_fail(in, st, token, false, local->message);
}

/* Refuse terms of our own namespace that the ontology does not define (typos: kg:Persn), by
 * the check the API makes too, pointing at the term in the input. */
static bool check_term(kgi_input *in, const char *iri) {
  size_t n = strlen(KG_NS);
  if (strncmp(iri, KG_NS, n) != 0)
    return true;
  kg_error local;
  kg_error_init(&local);
  kg_status st = kgi_vocab_check_term(iri, &local);
  if (st)
    kgi_input_fail(in, st, iri + n, true, local.message);
  return !st;
}

static unsigned pred_kind(const char *iri) {
  kgi_rdf_wk wk = kgi_rdf_wk_of(iri);
  return wk == KGI_WK_NONE && strcmp(iri, KG_NS "defaultSource") == 0 ? KGI_PRED_DEFAULT_SOURCE
                                                                      : wk;
}

void kgi_term_prepare(kgi_term *t, bool is_pred) {
  const char *checked = t->type == KGI_TERM_IRI ? t->str : t->datatype;
  kg_error local;
  kg_error_init(&local);
  t->vocab_ok = !checked || kgi_vocab_check_term(checked, &local) == KG_OK;
  if (is_pred && t->type == KGI_TERM_IRI)
    t->pred = (uint8_t)(1 + pred_kind(t->str));
}

/* check_term of the term's IRI, unless a reader answered it ahead */
static bool term_ok(kgi_input *in, const kgi_term *t, const char *iri) {
  return t->vocab_ok || check_term(in, iri);
}

static kg_node *node_for(kgi_input *in, const kgi_term *t) {
  kg_error local;
  kg_error_init(&local);
  kg_node *n = NULL;
  if (t->type == KGI_TERM_BLANK) {
    kg_status st = kgi_graph_add_blank(&n, in->g, t->str, &local);
    if (st)
      fail_from(in, st, &local, NULL);
    return st ? NULL : n;
  }
  const char *iri = t->str;
  if (in->last && in->last->iri && strcmp(iri, in->last->iri) == 0)
    return in->last;
  if (!term_ok(in, t, iri))
    return NULL;
  kg_status st = t->node_hash ? kgi_graph_add_node_hashed(&n, in->g, iri, t->node_hash, &local)
                              : kg_graph_add_node(&n, in->g, iri, &local);
  in->last = n;
  if (st)
    fail_from(in, st, &local, iri);
  return st ? NULL : n;
}

void kgi_input_node(kgi_input *in, const kgi_term *t) {
  if (!in->status && kgi_input_term_fits(in, t))
    (void)node_for(in, t);
}

/*
 * raptor 2.0.15 reads the tag "zh_CN" as "zh-cn" without a word: BCP 47 has no '_', so
 * look at the text as written and refuse it, rather than silently changing the data.
 */
static bool lang_as_written(kgi_input *in, const char *lang) {
  if (!strchr(lang, '-'))
    return true;
  kgi_buf bad;
  kgi_buf_init(&bad);
  kgi_buf_puts(&bad, "@");
  kgi_buf_puts(&bad, lang);
  if (bad.oom) {
    in->status = kgi_error_oom(in->err);
    return false;
  }
  for (char *p = bad.s; *p; p++)
    *p = *p == '-' ? '_' : *p;
  /* case-insensitive search on the current line and the ones just before it */
  size_t line = in->cur_line ? in->cur_line : 1, start, end, n = bad.len;
  bool ok = true;
  for (size_t l = line; ok && l >= 1 && l + 8 > line; l--) {
    if (!kgi_window_line(&in->win, l, &start, &end))
      continue;
    for (size_t i = start; ok && i + n <= end; i++) {
      if (strncasecmp(in->win.text + i, bad.s, n) != 0)
        continue;
      kgi_buf msg;
      kgi_buf_init(&msg);
      /* the tag as written, for the message and to point at it */
      kgi_buf_put(&bad, "", 0);
      memcpy(bad.s, in->win.text + i + 1, n - 1);
      bad.s[n - 1] = '\0';
      kgi_buf_printf(&msg, "\"%s\" is not a BCP 47 language tag (subtags are joined by '-')",
                     bad.s);
      kgi_input_fail(in, KG_EDATA, bad.s, false, kgi_buf_str(&msg));
      kgi_buf_dispose(&msg);
      ok = false;
    }
  }
  kgi_buf_dispose(&bad);
  return ok;
}

/* The literal as a model value; strings borrowed from the reader for this triple. */
static bool literal_value(kgi_input *in, const kgi_term *t, kg_value *v) {
  memset(v, 0, sizeof *v);
  v->lexical = t->str;
  if (strlen(t->str) != t->len) {
    kgi_input_fail(in, KG_EDATA, NULL, false, "a literal holds U+0000, which XML 1.0 forbids");
    return false;
  }
  const char *dt = t->datatype;
  if (t->lang && *t->lang) {
    v->kind = KG_VALUE_LANGSTRING;
    v->lang = t->lang;
    return in->format->own_lang_check || lang_as_written(in, v->lang);
  }
  if (dt && !term_ok(in, t, dt))
    return false;
  v->kind = kgi_kind_for_datatype(dt);
  if (v->kind == KG_VALUE_TYPED)
    v->datatype = dt;
  return true;
}

/* Note that node n has an rdf:subject: it may be a statement about an edge (fold.c). */
static void mark_candidate(kgi_input *in, const kg_node *n) {
  size_t cap = in->capcand;
  if (n->index >= cap) {
    if (kgi_grow((void **)&in->stmt_candidate, &in->capcand, (size_t)n->index + 1, 1, in->err)) {
      in->status = KG_ENOMEM;
      return;
    }
    memset(in->stmt_candidate + cap, 0, in->capcand - cap);
  }
  in->stmt_candidate[n->index] = 1;
}

/* Does this (interned) predicate type its subject? Asked of the vocabulary once per
 * predicate: 1 yes, 2 no. Memory that runs out sets in->status, as everywhere in a reading. */
static bool is_typing(kgi_input *in, const char *pred) {
  uintptr_t *known = kgi_ptrmap_find(&in->typing_ix, pred);
  if (known)
    return *known == 1;
  bool types = kgi_vocab_types(pred);
  if (kgi_ptrmap_put(&in->typing_ix, pred, types ? 1 : 2, in->err))
    in->status = KG_ENOMEM;
  return types;
}

/* An object that is a node: an edge, or the node's source. */
static kg_status object_node(kgi_input *in, kg_node *subj, const char *pred, unsigned kind,
                             const kgi_term *o, kg_error *local) {
  kg_node *obj = node_for(in, o);
  if (!obj)
    return KG_OK; /* in->status is set */
  if (kind == KGI_WK_DERIVED && !subj->source) {
    subj->source = obj;
    return KG_OK;
  }
  if (kind == KGI_WK_SUBJECT)
    mark_candidate(in, subj);
  kg_edge *e;
  kg_status st = kg_graph_add_edge(&e, in->g, subj, pred, obj, local);
  if (st)
    return st;
  /* "instance of" and other typing properties (ontology/alignments.ttl) also give the
     subject its class for styles and filters; the edge stays, as the data says it */
  return obj->iri && is_typing(in, e->pred)
             ? kgi_node_add_implied_class(in->g, subj, obj->iri, local)
             : KG_OK;
}

/* rdf:type, owl:sameAs and rdf:predicate name a class, an external id and a relation: their
 * objects are not nodes. */
static kg_status object_name(kgi_input *in, kg_node *subj, const char *pred, unsigned kind,
                             const char *iri, kg_error *local) {
  if (kind == KGI_WK_TYPE)
    return kg_node_add_class(in->g, subj, iri, local);
  if (kind == KGI_WK_SAME_AS)
    return kg_node_add_same_as(in->g, subj, iri, local);
  kg_value v = {KG_VALUE_IRI, iri, NULL, NULL};
  return kg_node_add_value(in->g, subj, pred, &v, local);
}

void kgi_input_triple(kgi_input *in, const kgi_term *s, const kgi_term *p, const kgi_term *o) {
  if (in->status)
    return;
  if ((++in->triples & (PROGRESS_EVERY - 1)) == 0 && in->progress)
    in->progress(in->progress_ctx, in->triples, 0);
  if (!kgi_input_term_fits(in, s) || !kgi_input_term_fits(in, p) || !kgi_input_term_fits(in, o))
    return;
  const char *pred = p->str;
  if (!term_ok(in, p, pred))
    return;
  unsigned kind = p->pred ? p->pred - 1u : pred_kind(pred);
  bool o_node = o->type != KGI_TERM_LITERAL;
  if (kind == KGI_PRED_DEFAULT_SOURCE && o_node) {
    kg_node *src = node_for(in, o);
    if (!src)
      return;
    in->default_source = src;
    if (s->type == KGI_TERM_IRI &&
        !(in->default_source_subject = kgi_pool_intern(&in->g->pool, s->str)))
      in->status = kgi_error_oom(in->err);
    return;
  }
  kg_node *subj = node_for(in, s);
  if (!subj)
    return;
  kg_error local;
  kg_error_init(&local);
  kg_status st = KG_OK;
  const char *token = NULL;
  if (!o_node) {
    kg_value v;
    if (!literal_value(in, o, &v))
      return;
    token = v.lexical;
    if (kind == KGI_WK_LABEL && (v.kind == KG_VALUE_STRING || v.kind == KG_VALUE_LANGSTRING))
      st = kg_node_add_label(in->g, subj, v.lexical, v.lang, &local);
    else
      st = kg_node_add_value(in->g, subj, pred, &v, &local);
  } else if (o->type == KGI_TERM_IRI &&
             (kind == KGI_WK_TYPE || kind == KGI_WK_SAME_AS || kind == KGI_WK_PREDICATE)) {
    if (!term_ok(in, o, o->str))
      return;
    token = o->str;
    st = object_name(in, subj, pred, kind, o->str, &local);
  } else {
    st = object_node(in, subj, pred, kind, o, &local);
  }
  if (st && !in->status)
    fail_from(in, st, &local, token);
}

/* ---- the graph's title ---- */

/* The properties that title a document, in order of preference. */
static const char *const title_preds[] = {"http://purl.org/dc/terms/title",
                                          "http://purl.org/dc/elements/1.1/title",
                                          KGI_SCHEMA "headline", KGI_SCHEMA "name"};

/* A node's title (in English when it has one in English), or NULL. */
static const char *title_of(const kg_node *n) {
  for (size_t p = 0; n && p < sizeof title_preds / sizeof title_preds[0]; p++) {
    const char *any = NULL;
    for (uint32_t i = 0; i < n->nprops; i++) {
      const kg_value *v = &n->props[i].value;
      if (strcmp(n->props[i].pred, title_preds[p]) != 0 ||
          (v->kind != KG_VALUE_STRING && v->kind != KG_VALUE_LANGSTRING))
        continue;
      if (v->kind == KG_VALUE_LANGSTRING && strcmp(v->lang, "en") == 0)
        return v->lexical;
      any = any ? any : v->lexical;
    }
    if (any)
      return any;
  }
  return NULL;
}

/* The node of the document itself: <> in the input, its base without the '#'. */
static const kg_node *document_node(const kg_graph *g, const char *base) {
  const kg_node *n = kg_graph_find_node(g, base);
  size_t len = strlen(base);
  if (n || !len || base[len - 1] != '#')
    return n;
  kgi_buf doc;
  kgi_buf_init(&doc);
  kgi_buf_put(&doc, base, len - 1);
  n = doc.oom ? NULL : kg_graph_find_node(g, doc.s);
  kgi_buf_dispose(&doc);
  return n;
}

/* The one node that is a source (kg:Source, or a class aligned to it) and has a title. */
static const kg_node *only_titled_source(const kg_graph *g) {
  const kg_node *found = NULL;
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    bool source = false;
    for (uint32_t c = 0; c < n->nclasses && !source; c++)
      source = kgi_vocab_is_a(n->classes[c], KG_NS "Source");
    if (source && title_of(n)) {
      if (found)
        return NULL; /* several: none of them is the graph's */
      found = n;
    }
  }
  return found;
}

kg_status kgi_input_title(kgi_input *in) {
  const char *t = in->doc_title ? in->doc_title : title_of(in->default_source);
  if (!t)
    t = title_of(document_node(in->g, in->parse_base));
  if (!t)
    t = title_of(only_titled_source(in->g));
  const char *slash = strrchr(in->name, '/');
  if (!t && in->name[0] != '<') /* a file's name, not "<input>" */
    t = slash ? slash + 1 : in->name;
  kg_error local;
  kg_error_init(&local);
  kg_status st = t ? kg_graph_set_title(in->g, t, &local) : KG_OK;
  if (st) /* a title is text the model took already; only memory can fail here */
    kgi_error_set(in->err, st, "%s: %s", in->name, local.message);
  return st;
}
