/*
 * GraphML in (libxml2's push parser, pgread.c): <key>s become columns, <node>s and <edge>s
 * elements, their <data> cells. Of yEd's graphics (keys with a yfiles.type) the labels, the
 * node's place and colour are kept, the rest skipped and counted; hyperedges and ports, which
 * the model has no place for, are skipped and counted too. Nested graphs (yEd's
 * groups) are read as part of the one graph.
 */
#include "pgread.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define YFILES_NS "http://www.yworks.com/xml/graphml"

/* What an open element is (pgread.c keeps the stack of them). */
typedef enum {
  G_OTHER,
  G_ROOT,
  G_ROOT_DESC,
  G_KEY,
  G_KEY_DESC,
  G_KEY_DEFAULT,
  G_GRAPH,
  G_GRAPH_DESC,
  G_NODE,
  G_EDGE,
  G_DATA,
  G_SKIP,
  G_YLABEL /* yEd's y:NodeLabel or y:EdgeLabel: the element's label */
} gm_what;

typedef struct gm {
  size_t graphs; /* <graph>s open */
  kgi_buf key_id, key_for, key_name, key_type, key_desc, key_default;
  bool key_yfiles, key_has_default;
  size_t data_col;
} gm;

static kgi_pgr *R(void *ctx) { return ctx; }
static gm *G(kgi_pgr *r) { return r->format_state; }

static bool graphml_ns(const xmlChar *uri) {
  return !uri || strcmp((const char *)uri, GRAPHML_NS) == 0;
}

static kgi_pgt type_of(const char *t) {
  if (!strcmp(t, "boolean"))
    return KGI_PGT_BOOLEAN;
  if (!strcmp(t, "int") || !strcmp(t, "long"))
    return KGI_PGT_INTEGER;
  if (!strcmp(t, "float") || !strcmp(t, "double"))
    return KGI_PGT_DOUBLE;
  return KGI_PGT_STRING;
}

static void key_begin(kgi_pgr *r, const char **attrs, int n) {
  gm *g = G(r);
  kgi_buf *bufs[] = {&g->key_id,   &g->key_for,  &g->key_name,
                     &g->key_type, &g->key_desc, &g->key_default};
  for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
    kgi_buf_clear(bufs[i]);
  g->key_has_default = false;
  if (!kgi_pgr_attr(r, attrs, n, "id", &g->key_id)) {
    kgi_pgr_fail(r, KG_EDATA, "a <key> without an id");
    return;
  }
  if (!kgi_pgr_attr(r, attrs, n, "for", &g->key_for))
    kgi_buf_puts(&g->key_for, "all");
  kgi_pgr_attr(r, attrs, n, "attr.name", &g->key_name);
  if (!kgi_pgr_attr(r, attrs, n, "attr.type", &g->key_type))
    kgi_buf_puts(&g->key_type, "string");
  const char *t = kgi_buf_str(&g->key_type);
  if (strcmp(t, "boolean") && strcmp(t, "int") && strcmp(t, "long") && strcmp(t, "float") &&
      strcmp(t, "double") && strcmp(t, "string")) {
    kgi_pgr_fail(r, KG_EDATA,
                 "key '%s' has attr.type '%s'; GraphML's are boolean, int, long, float, double "
                 "and string",
                 kgi_buf_str(&g->key_id), t);
    return;
  }
  kgi_buf yf;
  kgi_buf_init(&yf);
  g->key_yfiles = kgi_pgr_attr(r, attrs, n, "yfiles.type", &yf);
  kgi_buf_dispose(&yf);
}

/* The key is complete: a column for nodes, for edges, or both ("all"). */
static void key_end(kgi_pgr *r) {
  gm *g = G(r);
  const char *f = kgi_buf_str(&g->key_for);
  bool nodes = !strcmp(f, "node") || !strcmp(f, "all");
  bool edges = !strcmp(f, "edge") || !strcmp(f, "all");
  const char *desc = g->key_desc.len ? g->key_desc.s : NULL;
  for (int e = 0; e < 2 && !r->in->status; e++) {
    if (!(e ? edges : nodes))
      continue;
    size_t c = kgi_pgr_add_column(r, kgi_buf_str(&g->key_id), kgi_buf_str(&g->key_name), e,
                                  type_of(kgi_buf_str(&g->key_type)), false, desc);
    if (c == KGI_PGR_NONE)
      return;
    if (g->key_yfiles)
      r->cols[c].role = KGI_PGC_SKIPPED;
    if (g->key_has_default && !(r->cols[c].dflt = kgi_strdup(kgi_buf_str(&g->key_default))))
      r->in->status = kgi_error_oom(r->in->err);
  }
}

static void data_begin(kgi_pgr *r, const char **attrs, int n, gm_what *what) {
  gm *g = G(r);
  kgi_buf key;
  kgi_buf_init(&key);
  if (!r->el.open) { /* data of the graph or of the document: nothing the model holds */
    *what = G_SKIP;
  } else if (!kgi_pgr_attr(r, attrs, n, "key", &key)) {
    kgi_pgr_fail(r, KG_EDATA, "a <data> without a key");
  } else if ((g->data_col = kgi_pgr_find_column(r, key.s, r->el.is_edge)) == KGI_PGR_NONE) {
    kgi_pgr_fail(r, KG_EDATA, "<data key=\"%s\">: no <key> declares '%s' for %s", key.s, key.s,
                 r->el.is_edge ? "edges" : "nodes");
  } else if (r->cols[g->data_col].role == KGI_PGC_SKIPPED) {
    r->skipped_yfiles++;
    *what = G_SKIP;
  } else {
    *what = G_DATA;
    kgi_pgr_capture(r);
  }
  kgi_buf_dispose(&key);
}

/*
 * What yEd's graphics say that the model keeps: the label (y:NodeLabel, y:EdgeLabel), and of a
 * node its place (y:Geometry's centre, with y pointing up as in Graphviz) and colour (y:Fill),
 * as kg:positionX/Y and kg:color. The rest of the graphics is skipped, and counted.
 */
static gm_what yfiles_element(kgi_pgr *r, const char *name, const char **attrs, int n) {
  kgi_pgelem *e = &r->el;
  kgi_buf a, b, c, d;
  kgi_buf_init(&a);
  kgi_buf_init(&b);
  kgi_buf_init(&c);
  kgi_buf_init(&d);
  gm_what what = G_SKIP;
  if ((!strcmp(name, "NodeLabel") && !e->is_edge) || (!strcmp(name, "EdgeLabel") && e->is_edge)) {
    if (e->label == KGI_PGR_NONE) {
      kgi_pgr_capture(r);
      what = G_YLABEL;
    }
  } else if (!strcmp(name, "Geometry") && !e->is_edge && !e->viz.pos &&
             kgi_pgr_attr(r, attrs, n, "x", &a) && kgi_pgr_attr(r, attrs, n, "y", &b) &&
             kgi_pgr_attr(r, attrs, n, "width", &c) && kgi_pgr_attr(r, attrs, n, "height", &d)) {
    double x = strtod(a.s, NULL) + strtod(c.s, NULL) / 2;
    double y = strtod(b.s, NULL) + strtod(d.s, NULL) / 2;
    snprintf(e->viz.x, sizeof e->viz.x, "%.17g", x);
    snprintf(e->viz.y, sizeof e->viz.y, "%.17g", -y);
    e->viz.pos = true;
  } else if (!strcmp(name, "Fill") && !e->is_edge && !e->viz.color &&
             kgi_pgr_attr(r, attrs, n, "color", &a) && a.len >= 7 && a.s[0] == '#') {
    unsigned long rgb = strtoul(kgi_buf_str(&a) + 1, NULL, 16) >> (a.len == 9 ? 8 : 0);
    e->viz.color = true;
    e->viz.r = (int)(rgb >> 16 & 255), e->viz.g = (int)(rgb >> 8 & 255),
    e->viz.b = (int)(rgb & 255);
  }
  kgi_buf_dispose(&a);
  kgi_buf_dispose(&b);
  kgi_buf_dispose(&c);
  kgi_buf_dispose(&d);
  return what;
}

static void element_begin(kgi_pgr *r, gm_what *what, const char **attrs, int n) {
  gm *g = G(r);
  kgi_buf v;
  kgi_buf_init(&v);
  switch (*what) {
  case G_NODE:
  case G_EDGE:
    kgi_pgr_elem_begin(r, *what == G_EDGE);
    if (kgi_pgr_attr(r, attrs, n, "id", &v))
      r->el.id = kgi_pgr_elem_keep(r, v.s, v.len);
    if (*what == G_EDGE && kgi_pgr_attr(r, attrs, n, "source", &v))
      r->el.source = kgi_pgr_elem_keep(r, v.s, v.len);
    if (*what == G_EDGE && kgi_pgr_attr(r, attrs, n, "target", &v))
      r->el.target = kgi_pgr_elem_keep(r, v.s, v.len);
    break;
  case G_KEY: key_begin(r, attrs, n); break;
  case G_ROOT_DESC:
  case G_GRAPH_DESC:
  case G_KEY_DESC: kgi_pgr_capture(r); break;
  case G_KEY_DEFAULT:
    g->key_has_default = true;
    kgi_pgr_capture(r);
    break;
  default: break;
  }
  kgi_buf_dispose(&v);
}

/* What an element in GraphML's namespace is, under its parent. */
static gm_what classify(kgi_pgr *r, gm_what parent, const char *name) {
  gm *g = G(r);
  if (parent == G_ROOT && !strcmp(name, "desc"))
    return G_ROOT_DESC;
  if (parent == G_ROOT && !strcmp(name, "key"))
    return G_KEY;
  if (parent == G_KEY && !strcmp(name, "desc"))
    return G_KEY_DESC;
  if (parent == G_KEY && !strcmp(name, "default"))
    return G_KEY_DEFAULT;
  if ((parent == G_ROOT || parent == G_NODE) && !strcmp(name, "graph")) {
    g->graphs++;
    return G_GRAPH;
  }
  if (parent == G_GRAPH && !strcmp(name, "desc") && g->graphs == 1)
    return G_GRAPH_DESC;
  if (parent == G_GRAPH && !strcmp(name, "node"))
    return G_NODE;
  if (parent == G_GRAPH && !strcmp(name, "edge"))
    return G_EDGE;
  if (parent == G_GRAPH && (!strcmp(name, "hyperedge") || !strcmp(name, "port"))) {
    r->skipped_other++;
    return G_SKIP;
  }
  if ((parent == G_NODE || parent == G_EDGE || parent == G_GRAPH || parent == G_ROOT) &&
      !strcmp(name, "data"))
    return G_DATA;
  return G_OTHER;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndefaulted,
                     const xmlChar **attrs) {
  KGI_UNUSED(prefix);
  KGI_UNUSED(nns);
  KGI_UNUSED(ns);
  KGI_UNUSED(ndefaulted);
  kgi_pgr *r = R(ctx);
  const char *name = (const char *)local;
  if (r->in->status)
    return;
  gm_what what = G_OTHER, parent = (gm_what)kgi_pgr_parent(r, G_OTHER);
  if (!r->depth) {
    if (strcmp(name, "graphml") || !graphml_ns(uri)) {
      kgi_pgr_fail(r, KG_EDATA, "the root element is <%s>, not GraphML's <graphml>", name);
      return;
    }
    r->started = true;
    what = G_ROOT;
  } else if (parent == G_SKIP || parent == G_YLABEL) {
    what = G_SKIP;
    if (r->el.open && !r->own && uri && !strcmp((const char *)uri, YFILES_NS))
      what = yfiles_element(r, name, (const char **)attrs, nattrs);
  } else if (graphml_ns(uri)) {
    what = classify(r, parent, name);
    if (what == G_DATA)
      data_begin(r, (const char **)attrs, nattrs, &what);
    else
      element_begin(r, &what, (const char **)attrs, nattrs);
  }
  kgi_pgr_push(r, what);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  KGI_UNUSED(local);
  KGI_UNUSED(prefix);
  KGI_UNUSED(uri);
  kgi_pgr *r = R(ctx);
  gm *g = G(r);
  int popped = kgi_pgr_pop(r);
  if (popped < 0)
    return;
  gm_what what = (gm_what)popped;
  size_t len;
  const char *text;
  switch (what) {
  case G_ROOT_DESC: kgi_pgr_note_own(r); break;
  case G_GRAPH_DESC: kgi_pgr_title(r, kgi_pgr_capture_end(r, &len)); break;
  case G_KEY_DESC:
    text = kgi_pgr_capture_end(r, &len);
    kgi_buf_clear(&g->key_desc);
    kgi_buf_put(&g->key_desc, text, len);
    break;
  case G_KEY_DEFAULT:
    text = kgi_pgr_capture_end(r, &len);
    kgi_buf_clear(&g->key_default);
    kgi_buf_put(&g->key_default, text, len);
    break;
  case G_KEY: key_end(r); break;
  case G_DATA:
    text = kgi_pgr_capture_end(r, &len);
    kgi_pgr_elem_cell(r, g->data_col, text, len);
    break;
  case G_YLABEL:
    text = kgi_pgr_capture_end(r, &len);
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\n'))
      len--;
    if (len)
      r->el.label = kgi_pgr_elem_keep(r, text, len);
    break;
  case G_NODE:
  case G_EDGE: kgi_pgr_elem_end(r); break;
  case G_GRAPH:
    if (--g->graphs == 0)
      kgi_pgr_graph_end(r);
    break;
  default: break;
  }
}

static kg_status start(kgi_input *in) {
  return kgi_pgr_start(in, "GraphML", on_start, on_end, sizeof(gm));
}

static void finish(kgi_input *in) {
  kgi_pgr *r = in->reader;
  if (r && r->format_state) {
    gm *g = r->format_state;
    kgi_buf *bufs[] = {&g->key_id,   &g->key_for,  &g->key_name,
                       &g->key_type, &g->key_desc, &g->key_default};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
      kgi_buf_dispose(bufs[i]);
  }
  kgi_pgr_finish(in);
}

static const char *const graphml_ext[] = {"graphml", NULL};

const kgi_importer kgi_importer_graphml = {
    .name = "graphml",
    .extensions = graphml_ext,
    .description = "GraphML (libxml2; kgexport's own files read back to the same model)",
    .own_lang_check = true,
    .start = start,
    .feed = kgi_pgr_feed,
    .finish = finish,
};
