/*
 * The groups of a DOT picture: a legend cluster showing the styles in use (its nodes named
 * "legend_*" so tools can leave them out), and actors in the cluster of their country.
 */
#include "dot_build.h"

#include <stdlib.h>
#include <string.h>

/* ---- the legend ---- */

/* A legend node "legend_<i>" (with a suffix in the unlikely case the data uses the name). */
static kg_status add_legend_node(Agnode_t **out, kgi_dot *d, Agraph_t *sub, size_t i) {
  char name[64];
  int n = snprintf(name, sizeof name, "legend_%zu", i);
  for (unsigned k = 2; agnode(d->root, name, 0); k++)
    snprintf(name + n, sizeof name - (size_t)n, "_%u", k);
  *out = agnode(sub, name, 1);
  if (!*out)
    return kgi_dot_failed(d, "create a legend node");
  const kgi_style *s = kgi_style_at(i);
  kg_status st;
  kgi_buf_clear(&d->text);
  kgi_buf_puts(&d->text, s->legend);
  if ((st = kgi_dot_set_text(d, *out, "label", ESC_LABEL)))
    return st;
  kgi_buf_clear(&d->text);
  if (s->cls) {
    kgi_buf_puts(&d->text, "kg:");
    kgi_buf_puts(&d->text, s->cls);
  }
  if ((st = kgi_dot_set_text(d, *out, "tooltip", ESC_TOOLTIP)) ||
      (st = kgi_dot_set_plain(d, *out, "shape", s->shape)) ||
      (st = kgi_dot_set_plain(d, *out, "fillcolor", s->fill)) ||
      (st = kgi_dot_set_plain(d, *out, "fontcolor", kgi_style_text_colour(s))))
    return st;
  return KG_OK;
}

/*
 * One node per style in use, in the style table's order, stacked in a column (rank=same is
 * a column with rankdir=LR) inside its own cluster, which dot places beside the story
 * rather than among it. Invisible edges, drawn from each item to the one before, keep the
 * column in table order from the top.
 */
kg_status kgi_dot_add_legend(kgi_dot *d) {
  Agraph_t *box = agsubg(d->root, kgi_cg("cluster_legend"), 1);
  Agraph_t *column = box ? agsubg(box, kgi_cg("legend_column"), 1) : NULL;
  if (!column)
    return kgi_dot_failed(d, "create the legend");
  kg_status st;
  if ((st = kgi_dot_set_plain(d, box, "label", "Legend")) ||
      (st = kgi_dot_set_plain(d, box, "style", "rounded,filled")) ||
      (st = kgi_dot_set_plain(d, box, "color", "#c8c8c8")) ||
      (st = kgi_dot_set_plain(d, box, "fillcolor", "#f7f7f7")) ||
      (st = kgi_dot_set_plain(d, box, "fontsize", "12")) ||
      (st = kgi_dot_set_plain(d, column, "rank", "same")))
    return st;
  Agnode_t *prev = NULL;
  for (size_t i = 0; i < kgi_style_count(); i++) {
    const kgi_style *s = kgi_style_at(i);
    bool used = false;
    for (size_t j = 0; j < d->g->nnodes && !used; j++)
      used = d->view->node_shown[j] && kgi_style_for(d->g->nodes[j]) == s;
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
        return kgi_dot_failed(d, "create a legend edge");
      if ((st = kgi_dot_set_plain(d, e, "style", "invis")))
        return st;
    }
    prev = n;
  }
  return KG_OK;
}

/* ---- countries ---- */

/* An edge that says its source acts for its target country (an office, a mandate). */
static bool acts_for_country(const kgi_view *v, const kg_edge *e) {
  return (strcmp(e->pred, KG_NS "holdsOffice") == 0 || strcmp(e->pred, KG_NS "represents") == 0) &&
         kgi_view_is(v, e->tgt, "Country") && !kgi_view_is(v, e->src, "Country");
}

/*
 * Actors grouped by the country they act for: one cluster per country that has any, holding
 * the country and the people and bodies whose kg:holdsOffice / kg:represents edges all point
 * to it (a delegation acting for several countries belongs to none of them). Graphviz 2.43's
 * dot loses or fails to route labelled edges between clusters with its default ranking and
 * splines ("lost edge", "Pshortestpath failed"), so a graph with country clusters is ranked
 * with newrank and drawn with polyline edges, with which it routes every edge.
 */
kg_status kgi_dot_add_country_clusters(kgi_dot *d) {
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
    if (!acts_for_country(d->view, e) || !d->view->node_shown[e->src->index] ||
        !d->view->node_shown[e->tgt->index])
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
      st = kgi_dot_failed(d, "create a country cluster");
      break;
    }
    kgi_buf_clear(&d->text);
    kgi_buf_puts(&d->text, kgi_show_name(c));
    if ((st = kgi_dot_set_text(d, sub, "label", ESC_LABEL)) ||
        (st = kgi_dot_set_plain(d, sub, "style", "rounded,filled")) ||
        (st = kgi_dot_set_plain(d, sub, "color", "#d9d9d9")) ||
        (st = kgi_dot_set_plain(d, sub, "fillcolor", "#f4f4f4")))
      break;
    for (size_t j = 0; j < g->nnodes; j++)
      if (country[j] == c && !agsubnode(sub, d->nodes[j], 1))
        st = kgi_dot_failed(d, "put a node in its country's cluster");
  }
  if (!st && grouped)
    st = kgi_dot_set_plain(d, d->root, "newrank", "true");
  if (!st && grouped)
    st = kgi_dot_set_plain(d, d->root, "splines", "polyline");
  free(country);
  free(several);
  return st;
}

/* ---- a timeline's axis ---- */

typedef struct dated {
  const kg_node *n;
  char start[KGI_DATE_MAX];
} dated;

static int by_start(const void *a, const void *b) {
  const dated *x = a, *y = b;
  int c = kgi_date_compare(x->start, y->start);
  return c ? c : (x->n->index > y->n->index) - (x->n->index < y->n->index);
}

/* An invisible edge that only ranks: from a before b. */
static kg_status add_invisible(kgi_dot *d, Agnode_t *a, Agnode_t *b, const char *weight,
                               size_t *count) {
  char name[64];
  snprintf(name, sizeof name, "time_e%zu", (*count)++);
  Agedge_t *e = agedge(d->root, a, b, name, 1);
  kg_status st;
  if (!e || (st = kgi_dot_set_plain(d, e, "style", "invis")) ||
      (st = kgi_dot_set_plain(d, e, "weight", weight)))
    return e ? st : kgi_dot_failed(d, "create the time axis");
  return KG_OK;
}

/* The tick of a date on the axis ("time_<k>"), labelled with the date as the event gives it. */
static kg_status add_tick(kgi_dot *d, Agnode_t **out, const kg_node *event, size_t group) {
  char name[64];
  snprintf(name, sizeof name, "time_%zu", group);
  *out = agnode(d->root, name, 1);
  if (!*out)
    return kgi_dot_failed(d, "create a date of the time axis");
  kgi_buf_clear(&d->text);
  kgi_show_dates(&d->text, "", event, "");
  kg_status st;
  if ((st = kgi_dot_set_text(d, *out, "label", ESC_LABEL)) ||
      (st = kgi_dot_set_plain(d, *out, "shape", "plaintext")) ||
      (st = kgi_dot_set_plain(d, *out, "style", "")) ||
      (st = kgi_dot_set_plain(d, *out, "fontsize", "14")))
    return st;
  return KG_OK;
}

/*
 * The dated events left to right in date order: an invisible, heavy edge from each date's
 * first event to every event of the next date, which dot ranks along rankdir=LR, so events of
 * one date share a rank. An interval ("2026-04") is
 * placed by its start. The data's own edges carry constraint=false (add_edge), so they do not
 * fight the axis.
 */
kg_status kgi_dot_add_time_axis(kgi_dot *d) {
  const kg_graph *g = d->g;
  dated *axis = kgi_malloc((g->nnodes + 1) * sizeof *axis);
  if (!axis)
    return kgi_error_oom(d->err);
  size_t n = 0;
  char end[KGI_DATE_MAX];
  for (size_t i = 0; i < g->nnodes; i++)
    if (d->view->node_shown[i] && kgi_view_on_axis(g->nodes[i]) &&
        kgi_node_interval(g->nodes[i], axis[n].start, end, sizeof end)) {
      axis[n].n = g->nodes[i];
      n++;
    }
  qsort(axis, n, sizeof *axis, by_start);
  kg_status st = KG_OK;
  Agnode_t *prev = NULL, *prev_tick = NULL, *first_tick = NULL;
  size_t edge = 0;
  for (size_t i = 0, group = 0; i < n && !st; group++) {
    size_t j = i;
    while (j < n && kgi_date_compare(axis[j].start, axis[i].start) == 0)
      j++;
    /* the date's tick on the axis: the date as the data gives it ("2026-04") */
    Agnode_t *tick = NULL;
    if ((st = add_tick(d, &tick, axis[i].n, group)))
      break;
    first_tick = first_tick ? first_tick : tick;
    /* every event of a date, and its tick, one rank after the previous date's first event */
    for (size_t k = i; k <= j && prev && !st; k++)
      st = add_invisible(d, prev, k < j ? d->nodes[axis[k].n->index] : tick, "100", &edge);
    /* the ticks in one line, in date order */
    if (!st && prev_tick)
      st = add_invisible(d, prev_tick, tick, "1000", &edge);
    prev = d->nodes[axis[i].n->index];
    prev_tick = tick;
    i = j;
  }
  /* the actors in a column before the first date: an edge of theirs then never joins two
     nodes of one rank (labelled flat edges are where Graphviz 2.43's dot frees memory twice,
     seen under AddressSanitizer) */
  for (size_t i = 0; n && i < g->nnodes && !st; i++) {
    if (!d->view->node_shown[i] || kgi_view_on_axis(g->nodes[i]))
      continue;
    st = add_invisible(d, d->nodes[i], d->nodes[axis[0].n->index], "1", &edge);
    if (!st && first_tick)
      st = add_invisible(d, d->nodes[i], first_tick, "1", &edge);
  }
  free(axis);
  return st;
}
