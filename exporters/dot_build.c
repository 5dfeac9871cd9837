/*
 * The styled cgraph graph of a model, built once and used twice: written as DOT (dot.c) and
 * laid out and rendered in-process (render.c). One DOT node per model node, named by its id;
 * one DOT edge per model edge, in model order, each with its own key so that parallel edges
 * survive (the graph is not strict). What each node and edge shows comes from the
 * presentation (present/); the legend and the country clusters are dot_groups.c's, the
 * order of subgraphs dot_ids.c's.
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
char *kgi_cg(const char *s) { return (char *)s; }

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

kg_status kgi_dot_failed(kgi_dot *d, const char *what) {
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
kg_status kgi_dot_set_plain(kgi_dot *d, void *obj, const char *name, const char *value) {
  if (agsafeset(obj, kgi_cg(name), kgi_cg(value), kgi_cg("")) != 0)
    return kgi_dot_failed(d, "set an attribute");
  return KG_OK;
}

/* Data text composed in d->text: escaped for its kind, then set. */
kg_status kgi_dot_set_text(kgi_dot *d, void *obj, const char *name, kgi_dot_esc kind) {
  kgi_buf_clear(&d->esc);
  kgi_dot_escape(&d->esc, kgi_buf_str(&d->text), kind);
  if (d->text.oom || d->esc.oom)
    return kgi_error_oom(d->err);
  return kgi_dot_set_plain(d, obj, name, d->esc.s);
}

static kg_status open_graph(kgi_dot *d) {
  d->root = agopen(kgi_cg("kg"), Agdirected,
                   kgi_dot_disc(d->arena)); /* not strict: parallel edges kept */
  if (!d->root)
    return kgi_dot_failed(d, "create the graph");
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
    if (!(d->large && strcmp(defaults[i].name, "overlap") == 0) &&
        !agattr(d->root, defaults[i].kind, kgi_cg(defaults[i].name), kgi_cg(defaults[i].value)))
      return kgi_dot_failed(d, "declare an attribute");
  kgi_buf_clear(&d->text);
  kgi_buf_puts(&d->text, kgi_show_title(d->g));
  return kgi_dot_set_text(d, d->root, "label", ESC_LABEL);
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

/* What the overview folds into a node: the figures of an event on lines of their own, and
   how many statements a speaker made (the tooltip lists them). */
static void put_folded(kgi_buf *b, const kgi_dot *d, const kg_node *n) {
  kgi_view_put_figures(b, d->view, d->g, n);
  size_t said = kgi_view_statements(d->view, n);
  if (said)
    kgi_buf_printf(b, "\n(%zu statement%s)", said, said == 1 ? "" : "s");
}

/* Classes; IRI (or blank id); source; then every literal value: the drawing's details. */
/* The name of the source a node or edge cites: made once per source in a row (most of a
 * graph cites one), since a name is chosen among all the source's labels. */
static const char *source_name(kgi_dot *d, const kg_node *source) {
  if (d->named_source != source) {
    d->named_source = source;
    d->source_name = kgi_show_name(source);
  }
  return d->source_name;
}

static void put_node_tooltip(kgi_dot *d, kgi_buf *b, const kg_node *n) {
  for (uint32_t i = 0; i < n->nclasses; i++) {
    kgi_buf_puts(b, i ? ", " : "");
    kgi_buf_put_curie(b, n->classes[i]);
  }
  kgi_buf_puts(b, n->nclasses ? "; " : "");
  kgi_buf_puts(b, n->iri ? n->iri : n->id);
  if (n->source) {
    kgi_buf_puts(b, "; source: ");
    kgi_buf_puts(b, source_name(d, n->source));
  }
  for (uint32_t i = 0; i < n->nprops; i++) {
    kgi_buf_puts(b, "; ");
    kgi_buf_put_curie(b, n->props[i].pred);
    kgi_buf_puts(b, ": ");
    kgi_buf_puts(b, n->props[i].value.lexical);
  }
}

/* A node's position, colour and size from a drawing (Gephi's viz:, read from GEXF): pos in
 * points as neato -n2 takes it, the colour over its class's, the size as a least diameter
 * (Gephi's size is a radius, in its layout's units, taken as points). */
static kg_status place_node(kgi_dot *d, Agnode_t *an, const kg_node *n) {
  kg_status st = KG_OK;
  const kg_value *x = kgi_show_value(n, KG_NS "positionX");
  const kg_value *y = kgi_show_value(n, KG_NS "positionY");
  const kg_value *color = kgi_show_value(n, KG_NS "color");
  const kg_value *size = kgi_show_value(n, KG_NS "size");
  char num[64];
  if (d->fixed && x && y) {
    snprintf(num, sizeof num, "%.2f,%.2f", strtod(x->lexical, NULL), strtod(y->lexical, NULL));
    st = kgi_dot_set_plain(d, an, "pos", num);
  }
  if (!st && color && color->lexical[0] == '#' && strlen(color->lexical) == 7)
    st = kgi_dot_set_plain(d, an, "fillcolor", color->lexical);
  double diameter = size ? 2 * strtod(size->lexical, NULL) / 72 : 0;
  if (!st && diameter > 0 && diameter < 100) {
    snprintf(num, sizeof num, "%.3f", diameter);
    if (!(st = kgi_dot_set_plain(d, an, "width", num)))
      st = kgi_dot_set_plain(d, an, "height", num);
  }
  return st;
}

/* Has every node the view draws a position (and is there one)? */
static bool all_placed(const kg_graph *g, const kgi_view *v) {
  size_t shown = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    if (!v->node_shown[i])
      continue;
    if (!kgi_show_value(g->nodes[i], KG_NS "positionX") ||
        !kgi_show_value(g->nodes[i], KG_NS "positionY"))
      return false;
    shown++;
  }
  return shown > 0;
}

static kg_status add_node(kgi_dot *d, const kg_node *n) {
  const kgi_style *s = kgi_style_for(n);
  Agnode_t *an = agnode(d->root, kgi_cg(n->id), 1);
  if (!an)
    return kgi_dot_failed(d, "create a node");
  d->nodes[n->index] = an;
  kg_status st;
  kgi_buf_clear(&d->text);
  put_node_label(&d->text, n);
  put_folded(&d->text, d, n);
  if ((st = kgi_dot_set_text(d, an, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  put_node_tooltip(d, &d->text, n);
  kgi_view_put_statements(&d->text, d->view, d->g, n);
  if ((st = kgi_dot_set_text(d, an, "tooltip", ESC_TOOLTIP)) ||
      (st = kgi_dot_set_plain(d, an, "shape", s->shape)) ||
      (st = kgi_dot_set_plain(d, an, "fillcolor", s->fill)) ||
      (st = kgi_dot_set_plain(d, an, "fontcolor", kgi_style_text_colour(s))))
    return st;
  if ((st = place_node(d, an, n)))
    return st;
  const char *wd = kgi_show_wikidata(n);
  if (wd) {
    kgi_buf_clear(&d->text);
    kgi_buf_printf(&d->text, "https://www.wikidata.org/wiki/%s", wd);
    if (d->text.oom)
      return kgi_error_oom(d->err);
    if ((st = kgi_dot_set_plain(d, an, "URL", kgi_buf_str(&d->text))) ||
        (st = kgi_dot_set_plain(d, an, "target", "_blank")))
      return st;
  }
  return KG_OK;
}

static kg_status add_nodes(kgi_dot *d) {
  size_t shown = 0;
  for (size_t i = 0; i < d->g->nnodes; i++) {
    if (!d->view->node_shown[i])
      continue;
    kg_status st = add_node(d, d->g->nodes[i]);
    if (st)
      return st;
    shown++;
  }
  /* ids are unique in the model; two equal names would have given one DOT node */
  if ((size_t)agnnodes(d->root) != shown)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d nodes drawn for %zu in the view",
                         agnnodes(d->root), shown);
  return KG_OK;
}

/* ---- edges ---- */

/* "kg:holdsOffice; kg:role: President; kg:startDate: 2025-10; source: ..." */
static void put_edge_tooltip(kgi_dot *d, kgi_buf *b, const kg_edge *e) {
  kgi_buf_put_curie(b, e->pred);
  for (uint32_t i = 0; i < e->nquals; i++) {
    kgi_buf_puts(b, "; ");
    kgi_buf_put_curie(b, e->quals[i].pred);
    kgi_buf_puts(b, ": ");
    kgi_buf_puts(b, e->quals[i].value.lexical);
  }
  if (e->source) {
    kgi_buf_puts(b, "; source: ");
    kgi_buf_puts(b, source_name(d, e->source));
  }
}

static kg_status add_edge(kgi_dot *d, const kg_edge *e) {
  char key[32];
  snprintf(key, sizeof key, "e%u", (unsigned)e->index); /* unique: parallel edges stay apart */
  Agedge_t *ae = agedge(d->root, d->nodes[e->src->index], d->nodes[e->tgt->index], key, 1);
  if (!ae)
    return kgi_dot_failed(d, "create an edge");
  kg_status st;
  kgi_buf_clear(&d->text);
  kgi_show_relation(&d->text, e->pred);
  if (!d->large && (st = kgi_dot_set_text(d, ae, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  put_edge_tooltip(d, &d->text, e);
  if ((st = kgi_dot_set_text(d, ae, "tooltip", ESC_TOOLTIP)))
    return st;
  if (kgi_show_is_context(e) && ((st = kgi_dot_set_plain(d, ae, "style", "dashed")) ||
                                 (st = kgi_dot_set_plain(d, ae, "color", "#b0b0b0")) ||
                                 (st = kgi_dot_set_plain(d, ae, "fontcolor", "#8c8c8c"))))
    return st;
  /* on a timeline the axis is the dates': the data's edges do not rank */
  if (d->view->kind == KGI_VIEW_TIMELINE && (st = kgi_dot_set_plain(d, ae, "constraint", "false")))
    return st;
  return KG_OK;
}

static kg_status add_edges(kgi_dot *d) {
  size_t shown = 0;
  for (size_t i = 0; i < d->g->nedges; i++) {
    const kg_edge *e = d->g->edges[i];
    if (!d->view->edge_shown[i] || !d->view->node_shown[e->src->index] ||
        !d->view->node_shown[e->tgt->index])
      continue;
    kg_status st = add_edge(d, e);
    if (st)
      return st;
    shown++;
  }
  if ((size_t)agnedges(d->root) != shown)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d edges drawn for %zu in the view",
                         agnedges(d->root), shown);
  return KG_OK;
}

/* ---- the exporter ---- */

/*
 * The overview is meant to be seen whole on a screen: the story's, at 96 dpi, fits 3400 x
 * 1900 px (2560 x 1440 at 75%). With rankdir=LR its height is the rows of its fullest rank, so
 * rows are packed close (nodesep 0.05 in: measured 3131 x 1865 px against 3131 x 2483 with the
 * full view's 0.18), and the margin is small.
 */
static kg_status tighten(kgi_dot *d) {
  kg_status st;
  if ((st = kgi_dot_set_plain(d, d->root, "nodesep", "0.05")) ||
      (st = kgi_dot_set_plain(d, d->root, "pad", "0.1")))
    return st;
  return KG_OK;
}

static kg_status mark_large(kgi_dot *d) {
  kg_status st;
  if ((st = kgi_dot_set_plain(d, d->root, "layout", "sfdp")) ||
      (st = kgi_dot_set_plain(d, d->root, "splines", "false")) ||
      (st = kgi_dot_set_plain(d, d->root, "outputorder", "edgesfirst")) ||
      (st = kgi_dot_set_plain(d, d->root, "size", "60,60")))
    return st;
  return KG_OK;
}

/*
 * cgraph and gvc keep process-wide state (the error hook above, the string dictionary, the
 * plugin and font caches of the one rendering context), so one graph at a time is built,
 * written and rendered: two threads exporting pictures at once take turns here.
 */
static kg_status with_graph_locked(const kg_graph *g, const kgi_view *view, bool arena,
                                   kgi_dot_action action, void *ctx, kg_error *err);

static pthread_mutex_t graphviz_lock = PTHREAD_MUTEX_INITIALIZER;

/* The labels of a node its picture does not draw: it draws its name and, beside it, its name
 * in its own script (put_node_label). */
static size_t labels_not_drawn(const kg_node *n) {
  const char *shown = kgi_show_name(n);
  const char *native = kgi_show_native_name(n, shown);
  size_t count = 0;
  for (uint32_t k = 0; k < n->nlabels; k++) {
    const char *t = n->labels[k].text;
    count += !((shown && strcmp(t, shown) == 0) || (native && strcmp(t, native) == 0));
  }
  return count;
}

/* Nodes folded into the node they belong to (the overview's statements and figures): shown,
 * though not as nodes of their own. */
static size_t mark_folded(const uint32_t *first, const uint32_t *next, size_t owner,
                          const kgi_view *v, const kg_graph *g, uint8_t *folded) {
  size_t n = 0;
  for (uint32_t k = first[owner]; k; k = next[k - 1]) {
    uint32_t item = g->edges[k - 1]->src->index;
    n += !v->node_shown[item] && !folded[item];
    folded[item] = 1;
  }
  return n;
}

static size_t folded_nodes(const kgi_view *v, const kg_graph *g) {
  uint8_t *folded = kgi_calloc(g->nnodes + 1, 1); /* a quote said by two is one node */
  if (!folded)
    return 0; /* counted as out of memory: the export ends with KG_ENOMEM */
  size_t n = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    if (v->node_shown[i])
      n += mark_folded(v->said_first, v->said_next, i, v, g, folded) +
           mark_folded(v->figure_first, v->figure_next, i, v, g, folded);
  free(folded);
  return n;
}

/* What the drawing of a view leaves out (the -v report): the view's kinds are the point of
 * a view, so they are counted, not hidden; a picture without tooltips loses what they hold. */
static void note_losses(const kg_graph *g, const kgi_view *v, const kgi_write_opts *opts) {
  kgi_loss *loss = opts->loss;
  size_t hidden_nodes = 0, hidden_edges = 0, labels = 0, values = 0, quals = 0, sources = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    const kg_node *n = g->nodes[i];
    if (!v->node_shown[i]) {
      hidden_nodes++;
      continue;
    }
    labels += labels_not_drawn(n);
    values += n->nprops;
    sources += n->source != NULL;
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if (!v->edge_shown[i]) {
      hidden_edges++;
      continue;
    }
    quals += e->nquals;
    sources += e->source != NULL;
  }
  size_t folded = folded_nodes(v, g);
  kgi_loss_add(loss, "nodes left out by the view", hidden_nodes - folded);
  kgi_loss_add(loss, "statements and figures folded into their node", folded);
  kgi_loss_add(loss, "edges left out by the view", hidden_edges);
  kgi_loss_add(loss, "labels in other languages not drawn", labels);
  if (g->nnodes > KGI_DOT_LARGE_GRAPH)
    kgi_loss_add(loss, "edge labels not drawn (a large graph: sfdp)", g->nedges - hidden_edges);
  if (opts->no_tooltips) {
    kgi_loss_add(loss, "literal values not shown (no tooltips)", values);
    kgi_loss_add(loss, "edge qualifiers not shown (no tooltips)", quals);
    kgi_loss_add(loss, "sources cited not shown (no tooltips)", sources);
  }
}

static kg_status with_view(const kg_graph *g, const kgi_write_opts *opts, bool arena,
                           kgi_dot_action action, void *ctx, kg_error *err) {
  kgi_view v;
  kg_status st = kgi_view_build(&v, g, opts->view, err);
  if (st)
    return st;
  pthread_mutex_lock(&graphviz_lock);
  st = with_graph_locked(g, &v, arena, action, ctx, err);
  pthread_mutex_unlock(&graphviz_lock);
  if (!st && opts->loss)
    note_losses(g, &v, opts);
  kgi_view_dispose(&v);
  return st;
}

kg_status kgi_dot_with_graph(const kg_graph *g, const kgi_write_opts *opts, kgi_dot_action action,
                             void *ctx, kg_error *err) {
  return with_view(g, opts, false, action, ctx, err);
}

kg_status kgi_dot_with_written_graph(const kg_graph *g, const kgi_write_opts *opts,
                                     kgi_dot_action action, void *ctx, kg_error *err) {
  return with_view(g, opts, true, action, ctx, err);
}

static kg_status with_graph_locked(const kg_graph *g, const kgi_view *view, bool arena,
                                   kgi_dot_action action, void *ctx, kg_error *err) {
  kgi_dot d = {.g = g, .view = view, .arena = arena, .err = err};
  kg_status st = KG_OK;
  cg_message[0] = '\0';
  agusererrf old_hook = agseterrf(capture_cg_error);
  d.nodes = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *d.nodes);
  if (!d.nodes) {
    st = kgi_error_oom(err);
    goto done;
  }
  d.large = g->nnodes > KGI_DOT_LARGE_GRAPH;
  d.fixed = view->kind != KGI_VIEW_TIMELINE && all_placed(g, view);
  bool ranked = !d.large && !d.fixed; /* laid out by dot */
  if ((st = open_graph(&d)) || (d.large && (st = mark_large(&d))) ||
      (d.fixed && (st = kgi_dot_set_plain(&d, d.root, "layout", "nop2"))) ||
      (ranked && view->kind == KGI_VIEW_OVERVIEW && (st = tighten(&d))) || (st = add_nodes(&d)) ||
      (st = add_edges(&d)) ||
      (view->kind == KGI_VIEW_TIMELINE && ranked && (st = kgi_dot_add_time_axis(&d))) ||
      (view->kind != KGI_VIEW_TIMELINE && ranked && (st = kgi_dot_add_country_clusters(&d))) ||
      (!d.fixed && (st = kgi_dot_add_legend(&d))))
    goto done;
  st = action(d.root, ctx, err);
  if (st && !err->message[0])
    st = kgi_dot_failed(&d, "render the graph");
done:
  if (d.root) {
    /* cgraph keeps names that start with '%' (ids of percent-encoded IRIs) in an internal
       map that agclose does not free (2.43): this frees them, once they are written */
    aginternalmapclearlocalnames(d.root);
    if (kgi_dot_close(d.root) != 0 && !st)
      st = kgi_dot_failed(&d, "free the graph");
  }
  agseterrf(old_hook);
  free(d.nodes);
  kgi_buf_dispose(&d.text);
  kgi_buf_dispose(&d.esc);
  return st;
}

bool kgi_dot_is_large(Agraph_t *root) {
  const char *layout = agget(root, kgi_cg("layout"));
  return layout && strcmp(layout, "sfdp") == 0;
}
