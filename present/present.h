/*
 * present/present.h — what every visual format shows of a node or an edge: colour and shape
 * by class, labels, the Wikidata link, dates, which edges are context. DOT, the pictures,
 * GraphML and GEXF all ask here, so each rule exists once and the formats agree.
 */
#ifndef KGI_PRESENT_H
#define KGI_PRESENT_H

#include "vocab.h"

typedef struct kgi_style {
  const char *cls;       /* kg: class local name; NULL for "other" */
  const char *legend;    /* label in a legend */
  const char *fill;      /* "#rrggbb" */
  const char *shape;     /* Graphviz shape */
  const char *viz_shape; /* GEXF viz:shape */
} kgi_style;

/* The style of a node's first styled class (walking up subClassOf); never NULL. */
const kgi_style *kgi_style_for(const kg_node *n);
size_t kgi_style_count(void);
const kgi_style *kgi_style_at(size_t i);
void kgi_style_rgb(const kgi_style *s, int rgb[3]);

#endif /* KGI_PRESENT_H */
