/*
 * The styled cgraph graph of a model, built once and used twice: written as DOT (dot.c) and
 * laid out and rendered in-process (render.c). One DOT node per model node, named by its id;
 * one DOT edge per model edge, in model order, each with its own key so that parallel edges
 * survive (the graph is not strict). What each node and edge shows comes from the
 * presentation (present/); a legend cluster shows the styles in use, its nodes named
 * "legend_*" so tools can leave them out; actors sit in the cluster of their country.
 *
 * A DOT file is a picture: literal values go to tooltips, never become nodes.
 */
#include "dot_build.h"
#include "dot_text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Noto Sans CJK SC (Debian: fonts-noto-cjk) draws the Chinese, Japanese and Korean text, but
 * it draws Latin punctuation at CJK full width ("Taiwan’ s", a centred "⋯"); so Latin text
 * comes from DejaVu Sans, which every Graphviz install has through fontconfig, and pango
 * takes what DejaVu lacks from the next family in the list (SVG keeps the list as CSS).
 */
#define FONT "DejaVu Sans,Noto Sans CJK SC"

/*
 * cgraph 2.42/2.43 (Debian 12) declares its string arguments `char *` although it only reads
 * them (later releases say `const char *`). This is the one place where const is cast away.
 */
static char *cg(const char *s) { return (char *)s; }

/* ---- cgraph's error hook ------------------------------------------------------------- */

/*
 * cgraph reports through a process-global hook (agseterrf) that takes no context pointer and
 * otherwise prints to stderr. While we write, the hook copies the last message here; the old
 * hook is put back before write_dot returns. Not thread-safe, as cgraph's hook is not.
 */
static char cg_message[256];

static int capture_cg_error(char *msg) {
  size_t n = strcspn(msg, "\r\n"); /* our messages are one line */
  if (n >= sizeof cg_message)
    n = sizeof cg_message - 1;
  memcpy(cg_message, msg, n);
  cg_message[n] = '\0';
  return 0;
}

/* ---- the cgraph graph ------------------------------------------------------------------- */

typedef struct dot {
  const kg_graph *g;
  Agraph_t *root;
  Agnode_t **nodes; /* the cgraph node of each model node, by index */
  kgi_buf text;     /* text being composed */
  kgi_buf esc;      /* its escaped form */
  bool large;       /* laid out by sfdp: no edge labels (they are the slow part of it) */
  kg_error *err;
} dot;

static kg_status cg_failed(dot *d, const char *what) {
  return kgi_error_set(d->err, KG_ELIB, "DOT: cgraph could not %s%s%s", what,
                       cg_message[0] ? ": " : "", cg_message);
}

/* Every attribute we set, declared once with its default so agwrite writes only differences. */
typedef struct attr_default {
  int kind;
  const char *name, *value;
} attr_default;

static const attr_default defaults[] = {
    {AGRAPH, "charset", "UTF-8"},
    {AGRAPH, "rankdir", "LR"},
    {AGRAPH, "fontname", FONT},
    {AGRAPH, "fontsize", "14"},
    {AGRAPH, "label", ""}, /* set on the root only: clusters would inherit a declared value */
    {AGRAPH, "labelloc", "t"},
    {AGRAPH, "labeljust", "l"},
    {AGRAPH, "overlap", "false"},
    {AGRAPH, "splines", "true"},
    {AGRAPH, "newrank", ""},
    /* ~95 nodes and ~240 edges (the story) draw at about 52 x 41 inches, 11 pt text: the
       story's many edge labels are extra rows of a rank, so rows stay tight */
    {AGRAPH, "nodesep", "0.18"},
    {AGRAPH, "ranksep", "0.6"},
    {AGRAPH, "pad", "0.3"},
    {AGRAPH, "rank", ""},
    {AGRAPH, "style", ""},
    {AGRAPH, "color", ""},
    {AGRAPH, "fillcolor", ""},
    /* Long values on one line: agwrite otherwise splits them with backslash-newlines. */
    {AGRAPH, "linelength", "0"},
    {AGNODE, "fontname", FONT},
    {AGNODE, "fontsize", "11"},
    {AGNODE, "label", "\\N"},
    {AGNODE, "shape", "ellipse"},
    {AGNODE, "style", "filled"},
    {AGNODE, "fillcolor", "#d4d4d4"},
    {AGNODE, "fontcolor", "#000000"},
    {AGNODE, "color", "#4d4d4d"},
    {AGNODE, "penwidth", "0.8"},
    {AGNODE, "margin", "0.12,0.06"},
    {AGNODE, "tooltip", ""},
    {AGNODE, "URL", ""},
    {AGNODE, "target", ""},
    {AGEDGE, "fontname", FONT},
    {AGEDGE, "fontsize", "9"},
    {AGEDGE, "label", ""},
    {AGEDGE, "tooltip", ""},
    {AGEDGE, "color", "#5a5a5a"},
    {AGEDGE, "fontcolor", "#333333"},
    {AGEDGE, "style", "solid"},
    {AGEDGE, "penwidth", "0.8"},
    {AGEDGE, "arrowsize", "0.6"},
};

/* A value that is not data text (a colour, a shape, a number): set as it is. */
static kg_status set_plain(dot *d, void *obj, const char *name, const char *value) {
  if (agsafeset(obj, cg(name), cg(value), cg("")) != 0)
    return cg_failed(d, "set an attribute");
  return KG_OK;
}

/* Data text composed in d->text: escaped for its kind, then set. */
static kg_status set_text(dot *d, void *obj, const char *name, kgi_dot_esc kind) {
  kgi_buf_clear(&d->esc);
  kgi_dot_escape(&d->esc, kgi_buf_str(&d->text), kind);
  if (d->text.oom || d->esc.oom)
    return kgi_error_oom(d->err);
  return set_plain(d, obj, name, d->esc.s);
}

/*
 * Subgraphs in the order they were made. agwrite writes subgraphs in the order of their ids,
 * and cgraph's own id discipline makes a named object's id the address of its interned
 * name: the clusters' order then depended on the heap (after a picture was rendered in the
 * same process, the next DOT listed them differently). This discipline numbers named
 * subgraphs as they are made and hands every other object to cgraph's own.
 */
typedef struct ordered_ids {
  Agraph_t *g;  /* the state cgraph's own discipline works with */
  char **names; /* named subgraph k has the id 2 * (k + 1): even, as cgraph's named ids are */
  size_t n, cap;
} ordered_ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc) {
  ordered_ids *s = calloc(1, sizeof *s);
  if (s)
    s->g = AgIdDisc.open(g, disc);
  return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
  ordered_ids *s = state;
  if (objtype != AGRAPH || !str)
    return AgIdDisc.map(s->g, objtype, str, id, createflag);
  for (size_t k = 0; k < s->n; k++)
    if (strcmp(s->names[k], str) == 0) {
      *id = (IDTYPE)(2 * (k + 1));
      return 1;
    }
  if (!createflag)
    return 0;
  if (s->n == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 16;
    char **names = realloc(s->names, cap * sizeof *names);
    if (!names)
      return 0;
    s->names = names;
    s->cap = cap;
  }
  /* a cgraph string: agwrite asks cgraph whether a name is an HTML string by its header */
  if (!(s->names[s->n] = agstrdup(s->g, str)))
    return 0;
  *id = (IDTYPE)(2 * ++s->n);
  return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id) {
  return AgIdDisc.alloc(((ordered_ids *)state)->g, objtype, id);
}

static void ids_free(void *state, int objtype, IDTYPE id) {
  ordered_ids *s = state;
  if (objtype != AGRAPH || id % 2 != 0 || id == 0 || (size_t)id / 2 > s->n)
    AgIdDisc.free(s->g, objtype, id);
}

static char *ids_print(void *state, int objtype, IDTYPE id) {
  ordered_ids *s = state;
  if (objtype == AGRAPH && id % 2 == 0 && id != 0 && (size_t)id / 2 <= s->n)
    return s->names[id / 2 - 1];
  return AgIdDisc.print(s->g, objtype, id);
}

static void ids_close(void *state) {
  ordered_ids *s = state;
  for (size_t k = 0; k < s->n; k++)
    agstrfree(s->g, s->names[k]);
  free(s->names);
  AgIdDisc.close(s->g);
  free(s);
}

static void ids_register(void *state, int objtype, void *obj) {
  AgIdDisc.idregister(((ordered_ids *)state)->g, objtype, obj);
}

static Agiddisc_t ordered_id_disc = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                     ids_print, ids_close, ids_register};

static Agdisc_t ordered_disc = {&AgMemDisc, &ordered_id_disc, &AgIoDisc};

Agdisc_t *kgi_dot_disc(void) { return &ordered_disc; }

static kg_status open_graph(dot *d) {
  d->root = agopen(cg("kg"), Agdirected, &ordered_disc); /* not strict: parallel edges kept */
  if (!d->root)
    return cg_failed(d, "create the graph");
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
    if (!(d->large && strcmp(defaults[i].name, "overlap") == 0) &&
        !agattr(d->root, defaults[i].kind, cg(defaults[i].name), cg(defaults[i].value)))
      return cg_failed(d, "declare an attribute");
  kgi_buf_clear(&d->text);
  kgi_buf_puts(&d->text, d->g->base);
  return set_text(d, d->root, "label", ESC_LABEL);
}

/* ---- nodes ---- */

/* What a node shows: a quote's text, a figure's amount, else its name (+ native name); then
   its dates. b is empty on entry. */
static void put_node_label(kgi_buf *b, const kg_node *n) {
  const char *quote = kgi_show_quote(n);
  if (quote) {
    kgi_dot_put_quote(b, quote);
  } else if (!kgi_show_amount(b, n)) {
    const char *shown = kgi_show_name(n);
    const char *native = kgi_show_native_name(n, shown);
    kgi_dot_put_name(b, shown);
    if (native) {
      kgi_buf_puts(b, "\n");
      kgi_buf_puts(b, native);
    }
  }
  if (kgi_show_is(n, "Event") || kgi_show_is(n, "Deadline") ||
      kgi_show_value(n, KGI_SCHEMA "startDate"))
    kgi_show_dates(b, "\n", n, kgi_buf_str(b));
}

/* Classes; IRI (or blank id); source; then every literal value: the drawing's details. */
static void put_node_tooltip(kgi_buf *b, const kg_node *n) {
  for (uint32_t i = 0; i < n->nclasses; i++) {
    kgi_buf_puts(b, i ? ", " : "");
    kgi_buf_put_curie(b, n->classes[i]);
  }
  kgi_buf_puts(b, n->nclasses ? "; " : "");
  kgi_buf_puts(b, n->iri ? n->iri : n->id);
  if (n->source) {
    kgi_buf_puts(b, "; source: ");
    kgi_buf_puts(b, kgi_show_name(n->source));
  }
  for (uint32_t i = 0; i < n->nprops; i++) {
    kgi_buf_puts(b, "; ");
    kgi_buf_put_curie(b, n->props[i].pred);
    kgi_buf_puts(b, ": ");
    kgi_buf_puts(b, n->props[i].value.lexical);
  }
}

static kg_status add_node(dot *d, const kg_node *n) {
  const kgi_style *s = kgi_style_for(n);
  Agnode_t *an = agnode(d->root, cg(n->id), 1);
  if (!an)
    return cg_failed(d, "create a node");
  d->nodes[n->index] = an;
  kg_status st;
  kgi_buf_clear(&d->text);
  put_node_label(&d->text, n);
  if ((st = set_text(d, an, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  put_node_tooltip(&d->text, n);
  if ((st = set_text(d, an, "tooltip", ESC_TOOLTIP)) ||
      (st = set_plain(d, an, "shape", s->shape)) || (st = set_plain(d, an, "fillcolor", s->fill)) ||
      (st = set_plain(d, an, "fontcolor", kgi_style_text_colour(s))))
    return st;
  const char *wd = kgi_show_wikidata(n);
  if (wd) {
    kgi_buf_clear(&d->text);
    kgi_buf_printf(&d->text, "https://www.wikidata.org/wiki/%s", wd);
    if (d->text.oom)
      return kgi_error_oom(d->err);
    if ((st = set_plain(d, an, "URL", kgi_buf_str(&d->text))) ||
        (st = set_plain(d, an, "target", "_blank")))
      return st;
  }
  return KG_OK;
}

static kg_status add_nodes(dot *d) {
  for (size_t i = 0; i < d->g->nnodes; i++) {
    kg_status st = add_node(d, d->g->nodes[i]);
    if (st)
      return st;
  }
  /* ids are unique in the model; two equal names would have given one DOT node */
  if ((size_t)agnnodes(d->root) != d->g->nnodes)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d nodes drawn for %zu in the graph",
                         agnnodes(d->root), d->g->nnodes);
  return KG_OK;
}

/* ---- edges ---- */

/* "kg:holdsOffice; kg:role: President; kg:startDate: 2025-10; source: ..." */
static void put_edge_tooltip(kgi_buf *b, const kg_edge *e) {
  kgi_buf_put_curie(b, e->pred);
  for (uint32_t i = 0; i < e->nquals; i++) {
    kgi_buf_puts(b, "; ");
    kgi_buf_put_curie(b, e->quals[i].pred);
    kgi_buf_puts(b, ": ");
    kgi_buf_puts(b, e->quals[i].value.lexical);
  }
  if (e->source) {
    kgi_buf_puts(b, "; source: ");
    kgi_buf_puts(b, kgi_show_name(e->source));
  }
}

static kg_status add_edge(dot *d, const kg_edge *e) {
  char key[32];
  snprintf(key, sizeof key, "e%u", (unsigned)e->index); /* unique: parallel edges stay apart */
  Agedge_t *ae = agedge(d->root, d->nodes[e->src->index], d->nodes[e->tgt->index], key, 1);
  if (!ae)
    return cg_failed(d, "create an edge");
  kg_status st;
  kgi_buf_clear(&d->text);
  kgi_show_relation(&d->text, e->pred);
  if (!d->large && (st = set_text(d, ae, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  put_edge_tooltip(&d->text, e);
  if ((st = set_text(d, ae, "tooltip", ESC_TOOLTIP)))
    return st;
  if (kgi_show_is_context(e) &&
      ((st = set_plain(d, ae, "style", "dashed")) || (st = set_plain(d, ae, "color", "#b0b0b0")) ||
       (st = set_plain(d, ae, "fontcolor", "#8c8c8c"))))
    return st;
  return KG_OK;
}

static kg_status add_edges(dot *d) {
  for (size_t i = 0; i < d->g->nedges; i++) {
    kg_status st = add_edge(d, d->g->edges[i]);
    if (st)
      return st;
  }
  if ((size_t)agnedges(d->root) != d->g->nedges)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d edges drawn for %zu in the graph",
                         agnedges(d->root), d->g->nedges);
  return KG_OK;
}

/* ---- the legend ---- */

/* A legend node "legend_<i>" (with a suffix in the unlikely case the data uses the name). */
static kg_status add_legend_node(Agnode_t **out, dot *d, Agraph_t *sub, size_t i) {
  char name[64];
  int n = snprintf(name, sizeof name, "legend_%zu", i);
  for (unsigned k = 2; agnode(d->root, name, 0); k++)
    snprintf(name + n, sizeof name - (size_t)n, "_%u", k);
  *out = agnode(sub, name, 1);
  if (!*out)
    return cg_failed(d, "create a legend node");
  const kgi_style *s = kgi_style_at(i);
  kg_status st;
  kgi_buf_clear(&d->text);
  kgi_buf_puts(&d->text, s->legend);
  if ((st = set_text(d, *out, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  if (s->cls) {
    kgi_buf_puts(&d->text, "kg:");
    kgi_buf_puts(&d->text, s->cls);
  }
  if ((st = set_text(d, *out, "tooltip", ESC_TOOLTIP)) ||
      (st = set_plain(d, *out, "shape", s->shape)) ||
      (st = set_plain(d, *out, "fillcolor", s->fill)) ||
      (st = set_plain(d, *out, "fontcolor", kgi_style_text_colour(s))))
    return st;
  return KG_OK;
}

/*
 * One node per style in use, in the style table's order, stacked in a column (rank=same is
 * a column with rankdir=LR) inside its own cluster, which dot places beside the story
 * rather than among it. Invisible edges, drawn from each item to the one before, keep the
 * column in table order from the top.
 */
static kg_status add_legend(dot *d) {
  Agraph_t *box = agsubg(d->root, cg("cluster_legend"), 1);
  Agraph_t *column = box ? agsubg(box, cg("legend_column"), 1) : NULL;
  if (!column)
    return cg_failed(d, "create the legend");
  kg_status st;
  if ((st = set_plain(d, box, "label", "Legend")) ||
      (st = set_plain(d, box, "style", "rounded,filled")) ||
      (st = set_plain(d, box, "color", "#c8c8c8")) ||
      (st = set_plain(d, box, "fillcolor", "#f7f7f7")) ||
      (st = set_plain(d, box, "fontsize", "12")) || (st = set_plain(d, column, "rank", "same")))
    return st;
  Agnode_t *prev = NULL;
  for (size_t i = 0; i < kgi_style_count(); i++) {
    const kgi_style *s = kgi_style_at(i);
    bool used = false;
    for (size_t j = 0; j < d->g->nnodes && !used; j++)
      used = kgi_style_for(d->g->nodes[j]) == s;
    if (!used)
      continue;
    Agnode_t *n;
    if ((st = add_legend_node(&n, d, column, i)))
      return st;
    if (prev) {
      char key[64];
      snprintf(key, sizeof key, "legend_e%zu", i);
      Agedge_t *e = agedge(column, n, prev, key, 1);
      if (!e)
        return cg_failed(d, "create a legend edge");
      if ((st = set_plain(d, e, "style", "invis")))
        return st;
    }
    prev = n;
  }
  return KG_OK;
}

/* ---- countries ---- */

/* An edge that says its source acts for its target country (an office, a mandate). */
static bool acts_for_country(const kg_edge *e) {
  return (strcmp(e->pred, KG_NS "holdsOffice") == 0 || strcmp(e->pred, KG_NS "represents") == 0) &&
         kgi_show_is(e->tgt, "Country") && !kgi_show_is(e->src, "Country");
}

/*
 * Actors grouped by the country they act for: one cluster per country that has any, holding
 * the country and the people and bodies whose kg:holdsOffice / kg:represents edges all point
 * to it (a delegation acting for several countries belongs to none of them). Graphviz 2.43's
 * dot loses or fails to route labelled edges between clusters with its default ranking and
 * splines ("lost edge", "Pshortestpath failed"), so a graph with country clusters is ranked
 * with newrank and drawn with polyline edges, with which it routes every edge.
 */
static kg_status add_country_clusters(dot *d) {
  const kg_graph *g = d->g;
  const kg_node **country = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *country);
  bool *several = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *several);
  if (!country || !several) {
    free(country);
    free(several);
    return kgi_error_oom(d->err);
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if (!acts_for_country(e))
      continue;
    uint32_t a = e->src->index;
    several[a] = several[a] || (country[a] && country[a] != e->tgt);
    country[a] = e->tgt;
  }
  size_t grouped = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    if (several[i] || !country[i])
      country[i] = NULL;
    else if (country[i] != g->nodes[i]) {
      country[country[i]->index] = country[i]; /* the country heads its own cluster */
      grouped++;
    }
  }
  kg_status st = KG_OK;
  for (size_t i = 0; i < g->nnodes && grouped && !st; i++) {
    const kg_node *c = g->nodes[i];
    if (country[i] != c) /* one cluster per country, in node order */
      continue;
    char name[64];
    snprintf(name, sizeof name, "cluster_country_%zu", i);
    Agraph_t *sub = agsubg(d->root, name, 1);
    if (!sub) {
      st = cg_failed(d, "create a country cluster");
      break;
    }
    kgi_buf_clear(&d->text);
    kgi_buf_puts(&d->text, kgi_show_name(c));
    if ((st = set_text(d, sub, "label", ESC_LABEL)) ||
        (st = set_plain(d, sub, "style", "rounded,filled")) ||
        (st = set_plain(d, sub, "color", "#d9d9d9")) ||
        (st = set_plain(d, sub, "fillcolor", "#f4f4f4")))
      break;
    for (size_t j = 0; j < g->nnodes; j++)
      if (country[j] == c && !agsubnode(sub, d->nodes[j], 1))
        st = cg_failed(d, "put a node in its country's cluster");
  }
  if (!st && grouped)
    st = set_plain(d, d->root, "newrank", "true");
  if (!st && grouped)
    st = set_plain(d, d->root, "splines", "polyline");
  free(country);
  free(several);
  return st;
}

/* ---- the exporter ---- */

static kg_status mark_large(dot *d) {
  kg_status st;
  if ((st = set_plain(d, d->root, "layout", "sfdp")) ||
      (st = set_plain(d, d->root, "splines", "false")) ||
      (st = set_plain(d, d->root, "outputorder", "edgesfirst")) ||
      (st = set_plain(d, d->root, "size", "60,60")))
    return st;
  return KG_OK;
}

/*
 * cgraph and gvc keep process-wide state (the error hook above, the string dictionary, the
 * plugin and font caches of the one rendering context), so one graph at a time is built,
 * written and rendered: two threads exporting pictures at once take turns here.
 */
static kg_status with_graph_locked(const kg_graph *g, kgi_dot_action action, void *ctx,
                                   kg_error *err);

static pthread_mutex_t graphviz_lock = PTHREAD_MUTEX_INITIALIZER;

kg_status kgi_dot_with_graph(const kg_graph *g, kgi_dot_action action, void *ctx, kg_error *err) {
  pthread_mutex_lock(&graphviz_lock);
  kg_status st = with_graph_locked(g, action, ctx, err);
  pthread_mutex_unlock(&graphviz_lock);
  return st;
}

static kg_status with_graph_locked(const kg_graph *g, kgi_dot_action action, void *ctx,
                                   kg_error *err) {
  dot d = {.g = g, .err = err};
  kg_status st = KG_OK;
  cg_message[0] = '\0';
  agusererrf old_hook = agseterrf(capture_cg_error);
  d.nodes = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *d.nodes);
  if (!d.nodes) {
    st = kgi_error_oom(err);
    goto done;
  }
  d.large = g->nnodes > KGI_DOT_LARGE_GRAPH;
  if ((st = open_graph(&d)) || (d.large && (st = mark_large(&d))) || (st = add_nodes(&d)) ||
      (st = add_edges(&d)) || (!d.large && (st = add_country_clusters(&d))) ||
      (st = add_legend(&d)))
    goto done;
  st = action(d.root, ctx, err);
  if (st && !err->message[0])
    st = cg_failed(&d, "render the graph");
done:
  if (d.root) {
    /* cgraph keeps names that start with '%' (ids of percent-encoded IRIs) in an internal
       map that agclose does not free (2.43): this frees them, once they are written */
    aginternalmapclearlocalnames(d.root);
    if (agclose(d.root) != 0 && !st)
      st = cg_failed(&d, "free the graph");
  }
  agseterrf(old_hook);
  free(d.nodes);
  kgi_buf_dispose(&d.text);
  kgi_buf_dispose(&d.esc);
  return st;
}

bool kgi_dot_is_large(Agraph_t *root) {
  const char *layout = agget(root, cg("layout"));
  return layout && strcmp(layout, "sfdp") == 0;
}
