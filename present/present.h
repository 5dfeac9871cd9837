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

/* Text colour on a style's fill: white where it meets WCAG AA contrast (4.5:1), else black. */
const char *kgi_style_text_colour(const kgi_style *s);

/* ---- labels and links (present/labels.c) ---- */

/* The language visual formats show first; other languages go to per-language columns. */
#define KGI_SHOW_LANG "en"

/* The title a picture and a GraphML/GEXF description show: the graph's title, else its base
 * IRI. */
const char *kgi_show_title(const kg_graph *g);
/* The name a node is shown under: its label in KGI_SHOW_LANG, else as kg_node_display_label. */
const char *kgi_show_name(const kg_node *n);
/* The first Chinese, Japanese or Korean label when it differs from `shown`, else NULL. */
const char *kgi_show_native_name(const kg_node *n, const char *shown);
/* How a relation reads on an edge: the ontology's English label ("holds office in"), else
 * the local name made readable ("participatedIn" -> "participated in", acronyms kept). */
void kgi_show_relation(kgi_buf *b, const char *pred_iri);
/* The Wikidata entity id (Q…, P…, L… and digits) a node is the same as, or NULL. */
const char *kgi_show_wikidata(const kg_node *n);
/* The first value of a node under pred, or NULL. */
const kg_value *kgi_show_value(const kg_node *n, const char *pred_iri);
/* The date line of a dated node, after `sep`: "2025-10-30", "2026-04 – 2026-05"; nothing
 * when `shown` says the date already ("... April 2026" gets no line "2026-04"). */
void kgi_show_dates(kgi_buf *b, const char *sep, const kg_node *n, const char *shown);
/* A figure: "≈ 29.3 percent" (value, unit, whether approximate); false when not a figure. */
bool kgi_show_amount(kgi_buf *b, const kg_node *n);
/* The text of a quote (schema:text of a kg:Quote), or NULL. */
const char *kgi_show_quote(const kg_node *n);
/* A node's schema:text, whatever its class, or NULL (for a node known to be a quote). */
const char *kgi_show_words(const kg_node *n);
/* Does the node's style say it is of this kind (a kg: class local name)? */
bool kgi_show_is(const kg_node *n, const char *cls);
/* Edges that say what something is about (topic, about): context, drawn light. */
bool kgi_show_is_context(const kg_edge *e);
/* The period of a node or an edge on Gephi's timeline (as kgi_node_interval): false also
 * for years Gephi's date parser cannot place (before 0 or after 9999). */
bool kgi_show_node_period(const kg_node *n, char *start, char *end, size_t size);
bool kgi_show_edge_period(const kg_edge *e, char *start, char *end, size_t size);
/* A node's size in Gephi, which scales sizes itself: its importance, here its degree. */
double kgi_show_size(const kg_node *n);
/* The node's colour as 0-255 components: a drawing's own (kg:color "#rrggbb", Gephi's
 * viz:color read from GEXF), else its class's. Its size likewise: kg:size, else by degree. */
void kgi_show_rgb(const kg_node *n, int rgb[3]);

/* ---- views (present/view.c) ---- */

typedef enum kgi_view_kind {
  KGI_VIEW_FULL,     /* everything, as the model holds it */
  KGI_VIEW_OVERVIEW, /* actors, bodies, places and events; quotes and figures folded into the
                        node they belong to; context (topics, sources, about) left out */
  KGI_VIEW_TIMELINE  /* the dated events in date order, with the actors that took part */
} kgi_view_kind;

/* What a view shows of a graph. init: kgi_view_build; dispose: kgi_view_dispose. */
typedef struct kgi_view {
  kgi_view_kind kind;
  uint8_t *node_shown, *edge_shown; /* by index */
  /* per node, the statements it made (quotes saidBy it) and the figures of it (quantities
     quantityOf it): lists of the saidBy and quantityOf edges, first by node index, next by
     edge index, each entry an edge index + 1, 0 ends */
  uint32_t *said_first, *said_next, *figure_first, *figure_next;
  /* per node, its style (kgi_style_for, once: its cost grows with the node's classes, and
     the views ask it per edge) */
  const kgi_style **style;
} kgi_view;

kg_status kgi_view_build(kgi_view *v, const kg_graph *g, kgi_view_kind kind, kg_error *err);
void kgi_view_dispose(kgi_view *v);
/* kgi_show_is, from the view's table. */
bool kgi_view_is(const kgi_view *v, const kg_node *n, const char *cls);
/* Does a timeline place this node on its axis (a dated event or deadline)? */
bool kgi_view_on_axis(const kg_node *n);
/* How many statements a node made (folded into it by the overview). */
size_t kgi_view_statements(const kgi_view *v, const kg_node *n);
/* Each statement of a node on a line of its own: "2025-11-24: “…”". */
void kgi_view_put_statements(kgi_buf *b, const kgi_view *v, const kg_graph *g, const kg_node *n);
/* Each figure of a node (folded into it by the overview) on a line of its own: "≈ 29.3 %". */
void kgi_view_put_figures(kgi_buf *b, const kgi_view *v, const kg_graph *g, const kg_node *n);

#endif /* KGI_PRESENT_H */
