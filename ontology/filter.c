/*
 * Filters (--types, --from/--to, --focus/--depth) applied to the model before any exporter,
 * so that the Turtle, GraphML and DOT of a filtered graph agree. Linear in the graph: one
 * adjacency index (CSR) for the walk, one pass per restriction, one copy of what is kept.
 */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

typedef struct selection {
  const kg_graph *g;
  uint8_t *keep; /* per node */
  uint32_t *off; /* CSR: the edges at node i are adj[off[i] .. off[i+1]) */
  uint32_t *adj; /* edge indices, each edge listed at both ends */
  kg_error *err;
} selection;

/* ---- types ---- */

/* The IRI a --types entry names, appended to b: a kg: local name, a known CURIE, or an IRI. */
static kg_status type_iri(kgi_buf *b, const char *t, kg_error *err) {
  const char *colon = strchr(t, ':');
  if (!colon) {
    kgi_buf_printf(b, "%s%s", KG_NS, t);
    if (!b->oom && !kgi_vocab_defines(b->s))
      return kgi_error_set(err, KG_EDATA, "unknown type \"%s\": the kgexport ontology has no kg:%s",
                           t, t);
    return b->oom ? kgi_error_oom(err) : KG_OK;
  }
  const char *ns = NULL;
  for (const kgi_prefix *p = kgi_prefixes; p->prefix && !ns; p++)
    if (strlen(p->prefix) == (size_t)(colon - t) && strncmp(t, p->prefix, (size_t)(colon - t)) == 0)
      ns = p->ns;
  if (ns)
    kgi_buf_printf(b, "%s%s", ns, colon + 1);
  else
    kgi_buf_puts(b, t);
  return b->oom ? kgi_error_oom(err) : KG_OK;
}

static kg_status keep_types(selection *s, const kg_filter *f) {
  /* the wanted IRIs one after another in one buffer, each ended by its NUL */
  kgi_buf all;
  kgi_buf_init(&all);
  size_t *at = kgi_calloc(f->ntypes, sizeof *at);
  kg_status st = at ? KG_OK : kgi_error_oom(s->err);
  for (size_t i = 0; i < f->ntypes && !st; i++) {
    at[i] = all.len;
    st = type_iri(&all, f->types[i], s->err);
    kgi_buf_put(&all, "", 1);
  }
  if (!st && all.oom)
    st = kgi_error_oom(s->err);
  for (size_t i = 0; i < s->g->nnodes && !st; i++) {
    const kg_node *n = s->g->nodes[i];
    bool ok = false;
    for (uint32_t c = 0; c < n->nclasses + n->nimplied && !ok; c++)
      for (size_t t = 0; t < f->ntypes && !ok; t++)
        ok = kgi_vocab_is_a(c < n->nclasses ? n->classes[c] : n->implied[c - n->nclasses],
                            all.s + at[t]);
    if (!ok)
      s->keep[i] = 0;
  }
  free(at);
  kgi_buf_dispose(&all);
  return st;
}

/* ---- dates ---- */

/* A window bound as a full date: from "2025-11" -> 2025-11-01, to "2025-11" -> 2025-11-30. */
static kg_status window_bound(char *buf, size_t size, const char *d, bool upper, kg_error *err) {
  kg_value v = {KG_VALUE_DATE, d, NULL, NULL};
  char canon[KGI_DATE_MAX], first[KGI_DATE_MAX], last[KGI_DATE_MAX];
  kg_error local;
  kg_error_init(&local);
  if (kg_value_canonical(canon, sizeof canon, KG_VALUE_DATE, d, &local) != KG_OK)
    return kgi_error_set(err, KG_EDATA, "date window: %s", local.message);
  v.lexical = canon;
  kg_node probe;
  memset(&probe, 0, sizeof probe);
  kgi_prop p = {KGI_SCHEMA "startDate", v};
  probe.props = &p;
  probe.nprops = 1;
  if (!kgi_node_interval(&probe, first, last, sizeof first))
    return kgi_error_set(err, KG_EDATA, "date window: \"%s\" is out of range", d);
  snprintf(buf, size, "%s", upper ? last : first);
  return KG_OK;
}

static kg_status keep_window(selection *s, const kg_filter *f) {
  char from[KGI_DATE_MAX] = "", to[KGI_DATE_MAX] = "";
  kg_status st = KG_OK;
  if (f->from)
    st = window_bound(from, sizeof from, f->from, false, s->err);
  if (!st && f->to)
    st = window_bound(to, sizeof to, f->to, true, s->err);
  if (!st && from[0] && to[0] && kgi_date_compare(from, to) > 0)
    st = kgi_error_set(s->err, KG_EDATA,
                       "date window: from \"%s\" is after to \"%s\", so nothing would be kept",
                       f->from, f->to);
  if (st)
    return st;
  const kg_graph *g = s->g;
  uint8_t *dropped = kgi_calloc(g->nnodes, 1);
  if (!dropped)
    return kgi_error_oom(s->err);
  for (size_t i = 0; i < g->nnodes; i++) {
    char a[KGI_DATE_MAX], b[KGI_DATE_MAX];
    if (!kgi_node_interval(g->nodes[i], a, b, sizeof a))
      continue;
    /* by the date each starts with (a dateTime keeps its date first) */
    if ((to[0] && kgi_date_compare(a, to) > 0) ||
        (from[0] && b[0] && kgi_date_compare(b, from) < 0))
      dropped[i] = 1;
  }
  /* an undated node that was linked only to dropped nodes goes with them */
  for (size_t i = 0; i < g->nnodes; i++) {
    if (dropped[i]) {
      s->keep[i] = 0;
      continue;
    }
    char a[KGI_DATE_MAX], b[KGI_DATE_MAX];
    if (kgi_node_interval(g->nodes[i], a, b, sizeof a) || s->off[i] == s->off[i + 1])
      continue;
    bool linked = false;
    for (uint32_t k = s->off[i]; k < s->off[i + 1] && !linked; k++) {
      const kg_edge *e = g->edges[s->adj[k]];
      linked = !dropped[(e->src->index == i ? e->tgt : e->src)->index];
    }
    if (!linked)
      s->keep[i] = 0;
  }
  free(dropped);
  return KG_OK;
}

/* ---- focus ---- */

static kg_status keep_focus(selection *s, const kg_filter *f) {
  const kg_graph *g = s->g;
  const kg_node *start = NULL;
  kg_error local;
  kg_error_init(&local);
  if (kg_graph_lookup(&start, g, f->focus, &local))
    return kgi_error_set(s->err, local.status, "focus: %s", local.message);
  uint32_t *queue = kgi_malloc((g->nnodes + 1) * sizeof *queue);
  unsigned *dist = kgi_malloc((g->nnodes + 1) * sizeof *dist);
  if (!queue || !dist) {
    free(queue);
    free(dist);
    return kgi_error_oom(s->err);
  }
  for (size_t i = 0; i < g->nnodes; i++)
    dist[i] = UINT32_MAX;
  size_t head = 0, tail = 0;
  dist[start->index] = 0;
  queue[tail++] = start->index;
  while (head < tail) {
    uint32_t i = queue[head++];
    if (dist[i] >= f->depth)
      continue;
    for (uint32_t k = s->off[i]; k < s->off[i + 1]; k++) {
      const kg_edge *e = g->edges[s->adj[k]];
      uint32_t j = (e->src->index == i ? e->tgt : e->src)->index;
      if (dist[j] == UINT32_MAX && s->keep[j]) {
        dist[j] = dist[i] + 1;
        queue[tail++] = j;
      }
    }
  }
  for (size_t i = 0; i < g->nnodes; i++)
    if (dist[i] == UINT32_MAX)
      s->keep[i] = 0;
  free(queue);
  free(dist);
  return KG_OK;
}

/* ---- adjacency ---- */

static kg_status build_adjacency(selection *s) {
  const kg_graph *g = s->g;
  s->off = kgi_calloc(g->nnodes + 1, sizeof *s->off);
  s->adj = kgi_malloc((2 * g->nedges + 1) * sizeof *s->adj);
  if (!s->off || !s->adj)
    return kgi_error_oom(s->err);
  for (size_t i = 0; i < g->nnodes; i++)
    s->off[i + 1] = s->off[i] + g->nodes[i]->in_degree + g->nodes[i]->out_degree;
  uint32_t *fill = kgi_malloc((g->nnodes + 1) * sizeof *fill);
  if (!fill)
    return kgi_error_oom(s->err);
  memcpy(fill, s->off, g->nnodes * sizeof *fill);
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    s->adj[fill[e->src->index]++] = (uint32_t)i;
    s->adj[fill[e->tgt->index]++] = (uint32_t)i;
  }
  free(fill);
  return KG_OK;
}

/* ---- the copy ---- */

static kg_status copy_node(kg_graph *out, const kg_node *n, kg_error *err) {
  kg_node *c = NULL;
  kg_status st = n->blank ? kgi_graph_add_blank(&c, out, n->id + 2, err)
                          : kg_graph_add_node(&c, out, n->iri, err);
  for (uint32_t i = 0; i < n->nclasses && !st; i++)
    st = kg_node_add_class(out, c, n->classes[i], err);
  for (uint32_t i = 0; i < n->nlabels && !st; i++)
    st = kg_node_add_label(out, c, n->labels[i].text, n->labels[i].lang, err);
  for (uint32_t i = 0; i < n->nprops && !st; i++)
    st = kg_node_add_value(out, c, n->props[i].pred, &n->props[i].value, err);
  for (uint32_t i = 0; i < n->nsame && !st; i++)
    st = kg_node_add_same_as(out, c, n->same_as[i], err);
  for (uint32_t i = 0; i < n->nimplied && !st; i++)
    st = kgi_node_add_implied_class(out, c, n->implied[i], err);
  return st;
}

static kg_node *counterpart(kg_graph *out, const kg_node *n) {
  return kg_graph_find_node(out, n->blank ? n->id : n->iri);
}

static kg_status copy_kept(kg_graph *out, const selection *s, kg_error *err) {
  const kg_graph *g = s->g;
  kg_status st = KG_OK;
  for (size_t i = 0; i < g->nnodes && !st; i++)
    if (s->keep[i])
      st = copy_node(out, g->nodes[i], err);
  for (size_t i = 0; i < g->nnodes && !st; i++)
    if (s->keep[i] && g->nodes[i]->source)
      kg_node_set_cites(counterpart(out, g->nodes[i]), counterpart(out, g->nodes[i]->source));
  for (size_t i = 0; i < g->nedges && !st; i++) {
    const kg_edge *e = g->edges[i];
    if (!s->keep[e->src->index] || !s->keep[e->tgt->index])
      continue;
    kg_edge *c = NULL;
    st = kg_graph_add_edge(&c, out, counterpart(out, e->src), e->pred, counterpart(out, e->tgt),
                           err);
    for (uint32_t q = 0; q < e->nquals && !st; q++)
      st = kg_edge_add_qualifier(out, c, e->quals[q].pred, &e->quals[q].value, err);
    if (!st) {
      c->source = e->source ? counterpart(out, e->source) : NULL;
      const char *named = kgi_edge_stmt_iri(g, e), *in_out = NULL;
      if (named && !(in_out = kgi_pool_intern(&out->pool, named)))
        st = kgi_error_oom(err);
      else if (named)
        st = kgi_edge_set_stmt_iri(out, c, in_out, err);
    }
  }
  return st;
}

void kg_filter_init(kg_filter *f) {
  if (f) {
    memset(f, 0, sizeof *f);
    f->version = KG_FILTER_VERSION;
    f->depth = 1;
  }
}

kg_status kg_graph_filter(kg_graph **out, const kg_graph *g, const kg_filter *f, kg_error *err) {
  if (!out || !g || !f)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  if (f->version != KG_FILTER_VERSION)
    return kgi_error_set(err, KG_EINVAL, "kg_filter version %u is not %u (call kg_filter_init)",
                         f->version, KG_FILTER_VERSION);
  *out = NULL;
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;
  selection s = {.g = g, .err = err};
  s.keep = kgi_malloc(g->nnodes + 1);
  if (!s.keep)
    return kgi_error_oom(err);
  memset(s.keep, 1, g->nnodes + 1);
  st = build_adjacency(&s);
  if (!st && f->ntypes)
    st = keep_types(&s, f);
  if (!st && (f->from || f->to))
    st = keep_window(&s, f);
  if (!st && f->focus)
    st = keep_focus(&s, f);
  /* provenance is never cut away: the source a kept element cites stays */
  for (size_t i = 0; i < g->nnodes && !st; i++)
    if (s.keep[i] && g->nodes[i]->source)
      s.keep[g->nodes[i]->source->index] = 1;
  for (size_t i = 0; i < g->nedges && !st; i++) {
    const kg_edge *e = g->edges[i];
    if (s.keep[e->src->index] && s.keep[e->tgt->index] && e->source)
      s.keep[e->source->index] = 1;
  }
  kg_graph *res = NULL;
  if (!st)
    st = kg_graph_new(&res, g->base, err);
  if (!st && g->title) /* the part is still the graph of the same story and input */
    st = kg_graph_set_title(res, g->title, err);
  for (size_t i = 0; i < g->nprefixes && !st; i++)
    st = kgi_graph_add_prefix(res, g->prefixes[i].prefix, g->prefixes[i].ns, err);
  if (!st)
    st = copy_kept(res, &s, err);
  free(s.keep);
  free(s.off);
  free(s.adj);
  if (st) {
    kg_graph_free(res);
    return st;
  }
  *out = res;
  return KG_OK;
}
