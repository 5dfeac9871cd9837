/*
 * GEXF in, 1.1draft, 1.2draft and 1.3 (libxml2's push parser, pgread.c): <attribute>s become
 * columns, <node>s and <edge>s elements, their <attvalue>s cells. Of a file Gephi wrote, the
 * label, the period (start/end, or the first spell), the edge kind and weight, and the viz:
 * position, colour and size are kept (kg:positionX, kg:color, kg:size …); an attvalue's own
 * period (a dynamic attribute) keeps its value, not its period.
 */
#include "pgread.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  X_OTHER,
  X_ROOT,
  X_META,
  X_CREATOR,
  X_DESCRIPTION,
  X_GRAPH,
  X_ATTRIBUTES,
  X_ATTRIBUTE,
  X_DEFAULT,
  X_NODES,
  X_NODE,
  X_EDGES,
  X_EDGE,
  X_ATTVALUES,
  X_SPELLS
} gx_what;

typedef struct gx {
  bool class_edge;  /* the <attributes> being read are the edges' */
  size_t attribute; /* the column being declared */
  kgi_buf a;
} gx;

static gx *X(kgi_pgr *r) { return r->format_state; }

/* GEXF's attribute types: the model's datatype, and whether a list. */
static bool type_of(const char *t, kgi_pgt *type, bool *list) {
  static const struct {
    const char *name;
    kgi_pgt type;
  } types[] = {
      {"integer", KGI_PGT_INTEGER}, {"long", KGI_PGT_INTEGER},       {"short", KGI_PGT_INTEGER},
      {"byte", KGI_PGT_INTEGER},    {"biginteger", KGI_PGT_INTEGER}, {"double", KGI_PGT_DOUBLE},
      {"float", KGI_PGT_DOUBLE},    {"bigdecimal", KGI_PGT_DOUBLE},  {"boolean", KGI_PGT_BOOLEAN},
      {"string", KGI_PGT_STRING},   {"char", KGI_PGT_STRING},        {"date", KGI_PGT_DATE},
      {"anyURI", KGI_PGT_IRI}};
  *list = strncmp(t, "list", 4) == 0;
  if (*list)
    t += 4;
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(types[i].name, t) == 0) {
      *type = types[i].type;
      return true;
    }
  return false;
}

static void attribute_begin(kgi_pgr *r, const char **attrs, int n) {
  gx *x = X(r);
  kgi_buf id, title, type;
  kgi_buf_init(&id);
  kgi_buf_init(&title);
  kgi_buf_init(&type);
  kgi_pgt t = KGI_PGT_STRING;
  bool list = false;
  x->attribute = KGI_PGR_NONE;
  if (!kgi_pgr_attr(r, attrs, n, "id", &id))
    kgi_pgr_fail(r, KG_EDATA, "an <attribute> without an id");
  else if (kgi_pgr_attr(r, attrs, n, "type", &type) && !type_of(type.s, &t, &list))
    kgi_pgr_fail(r, KG_EDATA, "attribute '%s' has type '%s', which GEXF does not define", id.s,
                 type.s);
  else {
    kgi_pgr_attr(r, attrs, n, "title", &title);
    x->attribute = kgi_pgr_add_column(r, id.s, kgi_buf_str(&title), x->class_edge, t, list,
                                      r->own ? id.s : NULL);
  }
  kgi_buf_dispose(&id);
  kgi_buf_dispose(&title);
  kgi_buf_dispose(&type);
}

/* A node's or an edge's own attributes. */
static void element_begin(kgi_pgr *r, bool edge, const char **attrs, int n) {
  static const char *const names[] = {"id",     "label",  "start", "end",
                                      "source", "target", "kind",  "weight"};
  kgi_pgr_elem_begin(r, edge);
  kgi_pgelem *e = &r->el;
  size_t *slots[] = {&e->id,     &e->label,  &e->start, &e->end,
                     &e->source, &e->target, &e->kind,  &e->weight};
  kgi_buf v;
  kgi_buf_init(&v);
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if ((edge || i < 4) && kgi_pgr_attr(r, attrs, n, names[i], &v))
      *slots[i] = kgi_pgr_elem_keep(r, v.s, v.len);
  kgi_buf_dispose(&v);
}

static void attvalue(kgi_pgr *r, const char **attrs, int n) {
  kgi_buf f, v;
  kgi_buf_init(&f);
  kgi_buf_init(&v);
  size_t c;
  if (!kgi_pgr_attr(r, attrs, n, "for", &f) && !kgi_pgr_attr(r, attrs, n, "id", &f))
    kgi_pgr_fail(r, KG_EDATA, "an <attvalue> without a 'for'");
  else if ((c = kgi_pgr_find_column(r, f.s, r->el.is_edge)) == KGI_PGR_NONE)
    kgi_pgr_fail(r, KG_EDATA, "<attvalue for=\"%s\">: no <attribute> declares '%s' for %s", f.s,
                 f.s, r->el.is_edge ? "edges" : "nodes");
  else if (!kgi_pgr_attr(r, attrs, n, "value", &v))
    kgi_pgr_fail(r, KG_EDATA, "an <attvalue> without a value");
  else
    kgi_pgr_elem_cell(r, c, v.s, v.len);
  if (kgi_pgr_attr(r, attrs, n, "start", &f) || kgi_pgr_attr(r, attrs, n, "end", &f))
    r->skipped_periods++; /* a dynamic value's period */
  kgi_buf_dispose(&f);
  kgi_buf_dispose(&v);
}

/* A number attribute of a viz: element into dst (at most 31 bytes). */
static bool viz_number(kgi_pgr *r, const char **attrs, int n, const char *name, char *dst,
                       kgi_buf *b) {
  if (!kgi_pgr_attr(r, attrs, n, name, b) || b->len >= 32 || !b->len)
    return false;
  char *end;
  (void)strtod(b->s, &end);
  if (*end)
    return false;
  memcpy(dst, b->s, b->len + 1);
  return true;
}

static void viz(kgi_pgr *r, const char *name, const char **attrs, int n) {
  kgi_pgviz *v = &r->el.viz;
  kgi_buf b;
  kgi_buf_init(&b);
  if (!strcmp(name, "position")) {
    v->pos = viz_number(r, attrs, n, "x", v->x, &b) && viz_number(r, attrs, n, "y", v->y, &b);
    if (!viz_number(r, attrs, n, "z", v->z, &b))
      v->z[0] = '\0';
  } else if (!strcmp(name, "size")) {
    v->size = viz_number(r, attrs, n, "value", v->sizev, &b);
  } else if (!strcmp(name, "color")) {
    char c[3][32];
    v->color = viz_number(r, attrs, n, "r", c[0], &b) && viz_number(r, attrs, n, "g", c[1], &b) &&
               viz_number(r, attrs, n, "b", c[2], &b);
    if (v->color) {
      v->r = atoi(c[0]);
      v->g = atoi(c[1]);
      v->b = atoi(c[2]);
    } else if (kgi_pgr_attr(r, attrs, n, "hex", &b) && b.len == 7 && b.s[0] == '#') {
      unsigned rgb = (unsigned)strtoul(b.s + 1, NULL, 16);
      v->color = true;
      v->r = (int)(rgb >> 16), v->g = (int)(rgb >> 8 & 255), v->b = (int)(rgb & 255);
    }
  }
  kgi_buf_dispose(&b);
}

static gx_what classify(kgi_pgr *r, gx_what parent, const char *name, const char **attrs, int n) {
  gx *x = X(r);
  kgi_pgelem *e = &r->el;
  if (parent == X_ROOT && !strcmp(name, "meta"))
    return X_META;
  if (parent == X_META && (!strcmp(name, "creator") || !strcmp(name, "description"))) {
    kgi_pgr_capture(r);
    return name[0] == 'c' ? X_CREATOR : X_DESCRIPTION;
  }
  if (parent == X_ROOT && !strcmp(name, "graph"))
    return X_GRAPH;
  if (parent == X_GRAPH && !strcmp(name, "attributes")) {
    x->class_edge = kgi_pgr_attr(r, attrs, n, "class", &x->a) && !strcmp(x->a.s, "edge");
    return X_ATTRIBUTES;
  }
  if (parent == X_ATTRIBUTES && !strcmp(name, "attribute")) {
    attribute_begin(r, attrs, n);
    return X_ATTRIBUTE;
  }
  if (parent == X_ATTRIBUTE && !strcmp(name, "default")) {
    kgi_pgr_capture(r);
    return X_DEFAULT;
  }
  if ((parent == X_GRAPH || parent == X_NODE) && !strcmp(name, "nodes"))
    return X_NODES;
  if (parent == X_GRAPH && !strcmp(name, "edges"))
    return X_EDGES;
  if ((parent == X_NODES && !strcmp(name, "node")) ||
      (parent == X_EDGES && !strcmp(name, "edge"))) {
    element_begin(r, name[0] == 'e', attrs, n);
    return name[0] == 'e' ? X_EDGE : X_NODE;
  }
  if ((parent == X_NODE || parent == X_EDGE) && !strcmp(name, "attvalues"))
    return X_ATTVALUES;
  if (parent == X_ATTVALUES && !strcmp(name, "attvalue"))
    attvalue(r, attrs, n);
  if ((parent == X_NODE || parent == X_EDGE) && !strcmp(name, "spells"))
    return X_SPELLS;
  if (parent == X_SPELLS && !strcmp(name, "spell") && e->start == KGI_PGR_NONE &&
      e->end == KGI_PGR_NONE) { /* the first spell: the model holds one period */
    if (kgi_pgr_attr(r, attrs, n, "start", &x->a))
      e->start = kgi_pgr_elem_keep(r, x->a.s, x->a.len);
    if (kgi_pgr_attr(r, attrs, n, "end", &x->a))
      e->end = kgi_pgr_elem_keep(r, x->a.s, x->a.len);
  }
  return X_OTHER;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndefaulted,
                     const xmlChar **attrs) {
  KGI_UNUSED(prefix);
  KGI_UNUSED(nns);
  KGI_UNUSED(ns);
  KGI_UNUSED(ndefaulted);
  kgi_pgr *r = ctx;
  const char *name = (const char *)local;
  if (r->in->status)
    return;
  gx_what what = X_OTHER, parent = (gx_what)kgi_pgr_parent(r, X_OTHER);
  bool viz_ns = uri && strstr((const char *)uri, "/viz");
  if (!r->depth) {
    if (strcmp(name, "gexf") || viz_ns) {
      kgi_pgr_fail(r, KG_EDATA, "the root element is <%s>, not GEXF's <gexf>", name);
      return;
    }
    r->started = true;
    what = X_ROOT;
  } else if (viz_ns) {
    if (parent == X_NODE && !r->own)
      viz(r, name, (const char **)attrs, nattrs);
  } else {
    what = classify(r, parent, name, (const char **)attrs, nattrs);
  }
  kgi_pgr_push(r, what);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  KGI_UNUSED(local);
  KGI_UNUSED(prefix);
  KGI_UNUSED(uri);
  kgi_pgr *r = ctx;
  gx *x = X(r);
  int popped = kgi_pgr_pop(r);
  if (popped < 0)
    return;
  gx_what what = (gx_what)popped;
  size_t len;
  const char *text;
  switch (what) {
  case X_CREATOR: kgi_pgr_note_own(r); break;
  case X_DESCRIPTION: kgi_pgr_title(r, kgi_pgr_capture_end(r, &len)); break;
  case X_DEFAULT:
    text = kgi_pgr_capture_end(r, &len);
    if (x->attribute != KGI_PGR_NONE && !(r->cols[x->attribute].dflt = kgi_strdup(text)))
      r->in->status = kgi_error_oom(r->in->err);
    break;
  case X_NODE:
  case X_EDGE: kgi_pgr_elem_end(r); break;
  case X_GRAPH: kgi_pgr_graph_end(r); break;
  default: break;
  }
}

static kg_status start(kgi_input *in) {
  return kgi_pgr_start(in, "GEXF", on_start, on_end, sizeof(gx));
}

static void finish(kgi_input *in) {
  kgi_pgr *r = in->reader;
  if (r && r->format_state)
    kgi_buf_dispose(&((gx *)r->format_state)->a);
  kgi_pgr_finish(in);
}

static const char *const gexf_ext[] = {"gexf", NULL};

const kgi_importer kgi_importer_gexf = {
    .name = "gexf",
    .extensions = gexf_ext,
    .description = "GEXF 1.1-1.3, as Gephi writes it (libxml2; kgexport's own files read "
                   "back to the same model)",
    .own_lang_check = true,
    .start = start,
    .feed = kgi_pgr_feed,
    .finish = finish,
};
