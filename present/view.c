/*
 * Views of a graph for pictures and DOT (see present.h): what each shows and what it folds
 * away. Presentation only: the model is not changed, and data formats have no views.
 */
#include "present.h"

#include <stdlib.h>
#include <string.h>

/* Kinds that the overview folds into the node they belong to, or leaves out as context. */
static bool folded_or_context(const kg_node *n) {
  return kgi_show_is(n, "Quote") || kgi_show_is(n, "Quantity") || kgi_show_is(n, "Topic") ||
         kgi_show_is(n, "Source");
}

bool kgi_view_on_axis(const kg_node *n) {
  char a[KGI_DATE_MAX], b[KGI_DATE_MAX];
  return (kgi_show_is(n, "Event") || kgi_show_is(n, "Deadline")) &&
         kgi_node_interval(n, a, b, sizeof a);
}

bool kgi_view_is(const kgi_view *v, const kg_node *n, const char *cls) {
  const char *c = v->style[n->index]->cls;
  return c && strcmp(c, cls) == 0;
}

/* An actor of a timeline: a person, a body, a country. */
static bool actor(const kgi_view *v, const kg_node *n) {
  return kgi_view_is(v, n, "Person") || kgi_view_is(v, n, "Country") ||
         kgi_view_is(v, n, "Organization") || kgi_view_is(v, n, "GovernmentOrganization") ||
         kgi_view_is(v, n, "NewsOrganization");
}

/* Prepend edge `i` (item saidBy or quantityOf owner) to the list of its owner, the edge's
 * target: lists are by edge, so a quote said by two people is in both their lists. */
static void push(uint32_t *first, uint32_t *next, const kg_edge *e) {
  next[e->index] = first[e->tgt->index];
  first[e->tgt->index] = e->index + 1;
}

static void fold(kgi_view *v, const kg_graph *g) {
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if (strcmp(e->pred, KG_NS "saidBy") == 0 && kgi_view_is(v, e->src, "Quote"))
      push(v->said_first, v->said_next, e);
    else if (strcmp(e->pred, KG_NS "quantityOf") == 0 && kgi_view_is(v, e->src, "Quantity"))
      push(v->figure_first, v->figure_next, e);
  }
}

/* Hide what has no edge left to show. */
static void hide_lonely(kgi_view *v, const kg_graph *g) {
  uint8_t *linked = kgi_calloc(g->nnodes + 1, 1);
  if (!linked)
    return; /* they stay: a picture with a few lonely nodes is still right */
  for (size_t i = 0; i < g->nedges; i++)
    if (v->edge_shown[i])
      linked[g->edges[i]->src->index] = linked[g->edges[i]->tgt->index] = 1;
  for (size_t i = 0; i < g->nnodes; i++)
    v->node_shown[i] = v->node_shown[i] && linked[i];
  free(linked);
}

static void select_overview(kgi_view *v, const kg_graph *g) {
  for (size_t i = 0; i < g->nnodes; i++)
    v->node_shown[i] = !folded_or_context(g->nodes[i]);
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    v->edge_shown[i] =
        v->node_shown[e->src->index] && v->node_shown[e->tgt->index] && !kgi_show_is_context(e);
  }
  hide_lonely(v, g);
}

static void select_timeline(kgi_view *v, const kg_graph *g) {
  for (size_t i = 0; i < g->nnodes; i++)
    v->node_shown[i] = kgi_view_on_axis(g->nodes[i]);
  /* actors attached to the events they took part in (node_shown: on the axis, so far) */
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    v->edge_shown[i] = (v->node_shown[e->tgt->index] && actor(v, e->src)) ||
                       (v->node_shown[e->src->index] && actor(v, e->tgt));
  }
  for (size_t i = 0; i < g->nedges; i++)
    if (v->edge_shown[i])
      v->node_shown[g->edges[i]->src->index] = v->node_shown[g->edges[i]->tgt->index] = 1;
}

kg_status kgi_view_build(kgi_view *v, const kg_graph *g, kgi_view_kind kind, kg_error *err) {
  memset(v, 0, sizeof *v);
  v->kind = kind;
  size_t nn = g->nnodes + 1, ne = g->nedges + 1;
  v->node_shown = kgi_malloc(nn);
  v->edge_shown = kgi_malloc(ne);
  v->said_first = kgi_calloc(nn, sizeof *v->said_first);
  v->said_next = kgi_calloc(ne, sizeof *v->said_next);
  v->figure_first = kgi_calloc(nn, sizeof *v->figure_first);
  v->figure_next = kgi_calloc(ne, sizeof *v->figure_next);
  v->style = kgi_malloc(nn * sizeof *v->style);
  if (!v->node_shown || !v->edge_shown || !v->said_first || !v->said_next || !v->figure_first ||
      !v->figure_next || !v->style) {
    kgi_view_dispose(v);
    return kgi_error_oom(err);
  }
  for (size_t i = 0; i < g->nnodes; i++)
    v->style[i] = kgi_style_for(g->nodes[i]);
  memset(v->node_shown, 1, nn);
  memset(v->edge_shown, 1, ne);
  if (kind == KGI_VIEW_OVERVIEW) {
    fold(v, g);
    select_overview(v, g);
  } else if (kind == KGI_VIEW_TIMELINE) {
    select_timeline(v, g);
  }
  return KG_OK;
}

void kgi_view_dispose(kgi_view *v) {
  free(v->node_shown);
  free(v->edge_shown);
  free(v->said_first);
  free(v->said_next);
  free(v->figure_first);
  free(v->figure_next);
  free(v->style);
  memset(v, 0, sizeof *v);
}

size_t kgi_view_statements(const kgi_view *v, const kg_node *n) {
  size_t count = 0;
  for (uint32_t k = v->said_first ? v->said_first[n->index] : 0; k; k = v->said_next[k - 1])
    count++;
  return count;
}

void kgi_view_put_statements(kgi_buf *b, const kgi_view *v, const kg_graph *g, const kg_node *n) {
  for (uint32_t k = v->said_first ? v->said_first[n->index] : 0; k; k = v->said_next[k - 1]) {
    const kg_node *q = g->edges[k - 1]->src;
    const char *text = kgi_show_words(q); /* a quote's: fold listed only quotes */
    const kg_value *date = kgi_show_value(q, KG_NS "date");
    kgi_buf_puts(b, "\n");
    if (date)
      kgi_buf_printf(b, "%s: ", date->lexical);
    if (text)
      kgi_buf_printf(b, "\xE2\x80\x9C%s\xE2\x80\x9D", text); /* “…” */
    else
      kgi_buf_puts(b, kgi_show_name(q)); /* a paraphrase: its name says it */
  }
}

void kgi_view_put_figures(kgi_buf *b, const kgi_view *v, const kg_graph *g, const kg_node *n) {
  for (uint32_t k = v->figure_first ? v->figure_first[n->index] : 0; k; k = v->figure_next[k - 1]) {
    kgi_buf_puts(b, "\n");
    kgi_show_amount(b, g->edges[k - 1]->src);
  }
}
