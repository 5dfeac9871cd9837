/* Reading the graph: the public getters (borrowed pointers, valid until kg_graph_free). */
#include "model.h"

#include <string.h>

size_t kg_graph_node_count(const kg_graph *g) { return g ? g->nnodes : 0; }
size_t kg_graph_edge_count(const kg_graph *g) { return g ? g->nedges : 0; }
const kg_node *kg_graph_node_at(const kg_graph *g, size_t i) {
  return i < g->nnodes ? g->nodes[i] : NULL;
}
const kg_edge *kg_graph_edge_at(const kg_graph *g, size_t i) {
  return i < g->nedges ? g->edges[i] : NULL;
}

const char *kg_node_id(const kg_node *n) { return n->id; }
const char *kg_node_iri(const kg_node *n) { return n->iri; }
size_t kg_node_class_count(const kg_node *n) { return n->nclasses; }
const char *kg_node_class_at(const kg_node *n, size_t i) {
  return i < n->nclasses ? n->classes[i] : NULL;
}
size_t kg_node_label_count(const kg_node *n) { return n->nlabels; }

const char *kg_node_label_at(const kg_node *n, size_t i, const char **lang) {
  if (i >= n->nlabels)
    return NULL;
  if (lang)
    *lang = n->labels[i].lang;
  return n->labels[i].text;
}

const char *kg_node_display_label(const kg_node *n, const char *lang) {
  const char *want[3] = {lang ? lang : "en", "en", ""};
  for (size_t w = 0; w < 3; w++)
    for (uint32_t i = 0; i < n->nlabels; i++)
      if (strcmp(n->labels[i].lang, want[w]) == 0)
        return n->labels[i].text;
  if (n->nlabels)
    return n->labels[0].text;
  return n->id;
}

size_t kg_node_value_count(const kg_node *n) { return n->nprops; }

const kg_value *kg_node_value_at(const kg_node *n, size_t i, const char **pred) {
  if (i >= n->nprops)
    return NULL;
  if (pred)
    *pred = n->props[i].pred;
  return &n->props[i].value;
}

size_t kg_node_same_as_count(const kg_node *n) { return n->nsame; }
const char *kg_node_same_as_at(const kg_node *n, size_t i) {
  return i < n->nsame ? n->same_as[i] : NULL;
}
const kg_node *kg_node_cites(const kg_node *n) { return n->source; }

const kg_node *kg_edge_from(const kg_edge *e) { return e->src; }
const kg_node *kg_edge_to(const kg_edge *e) { return e->tgt; }
const char *kg_edge_predicate(const kg_edge *e) { return e->pred; }
size_t kg_edge_qualifier_count(const kg_edge *e) { return e->nquals; }

const kg_value *kg_edge_qualifier_at(const kg_edge *e, size_t i, const char **pred) {
  if (i >= e->nquals)
    return NULL;
  if (pred)
    *pred = e->quals[i].pred;
  return &e->quals[i].value;
}

const kg_node *kg_edge_cites(const kg_edge *e) { return e->source; }
