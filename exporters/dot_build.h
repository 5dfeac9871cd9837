/* Private to the Graphviz exporters: the DOT graph of a model, built once, used twice (the
 * DOT file in dot.c, the pictures rendered in-process in render.c). */
#ifndef KGI_DOT_BUILD_H
#define KGI_DOT_BUILD_H

#include "exporter.h"
#include "dot_text.h"
#include "present.h"

#include <cgraph.h>

/*
 * Above this many nodes dot's layout takes minutes to hours: the graph asks for sfdp, with
 * straight edges, no edge labels (the relation stays in the tooltip), sfdp's own overlap
 * handling and a picture capped at 60 inches. Measured on a 10k-node graph with sfdp 2.43:
 * 10 s so; over 5 minutes with edge labels; 42 s with overlap=prism; a crash with
 * overlap=false; everything piled into a corner with overlap=true.
 */
enum { KGI_DOT_LARGE_GRAPH = 2000 };

/* The cgraph discipline the graphs are made with: subgraphs in the order they are made, so
 * that what is written and laid out does not depend on where the heap put their names. A
 * graph read back from DOT for a layout is read with it too. A graph that is only written
 * (never laid out) has its memory in an arena, freed at once by kgi_dot_close. */
Agdisc_t *kgi_dot_disc(bool arena);
/* agclose for a root graph made with kgi_dot_disc. */
int kgi_dot_close(Agraph_t *g);

/* Was the graph built in the large-graph mode (it asks for sfdp)? */
bool kgi_dot_is_large(Agraph_t *root);

/* Does something with the built graph; a status != KG_OK without a message in err means
 * "cgraph failed" and gets cgraph's own message. */
typedef kg_status (*kgi_dot_action)(Agraph_t *root, void *ctx, kg_error *err);

/* Build the styled cgraph graph of what the view of opts shows of g, run action on it, free
 * it; then count in opts->loss what the picture does not show. Graphs above
 * KGI_DOT_LARGE_GRAPH nodes carry layout=sfdp. */
kg_status kgi_dot_with_graph(const kg_graph *g, const kgi_write_opts *opts, kgi_dot_action action,
                             void *ctx, kg_error *err);
/* The same for an action that only writes the graph (agwrite): it is made in an arena. */
kg_status kgi_dot_with_written_graph(const kg_graph *g, const kgi_write_opts *opts,
                                     kgi_dot_action action, void *ctx, kg_error *err);

/* ---- inside the builder (dot_build.c, dot_groups.c) ---- */

/* The graph being built. */
typedef struct kgi_dot {
  const kg_graph *g;
  const kgi_view *view; /* what is drawn */
  Agraph_t *root;
  Agnode_t **nodes; /* the cgraph node of each model node, by index */
  kgi_buf text;     /* text being composed */
  kgi_buf esc;      /* its escaped form */
  bool large;       /* laid out by sfdp: no edge labels (they are the slow part of it) */
  /* every drawn node has a position (kg:positionX/Y, e.g. Gephi's layout): the graph asks
     for nop2 (neato -n2), which keeps them; no legend, boxes or axis that would need places */
  bool fixed;
  bool arena;                  /* only written: its memory in an arena (kgi_dot_disc) */
  const kg_node *named_source; /* the source whose name source_name() found last */
  const char *source_name;
  kg_error *err;
} kgi_dot;

/*
 * cgraph 2.42/2.43 (Debian 12) declares its string arguments `char *` although it only reads
 * them (later releases say `const char *`). This is the one place where const is cast away.
 */
char *kgi_cg(const char *s);
/* KG_ELIB with what failed and cgraph's own last message. */
kg_status kgi_dot_failed(kgi_dot *d, const char *what);
/* A value that is not data text (a colour, a shape, a number): set as it is. */
kg_status kgi_dot_set_plain(kgi_dot *d, void *obj, const char *name, const char *value);
/* Data text composed in d->text: escaped for its kind, then set. */
kg_status kgi_dot_set_text(kgi_dot *d, void *obj, const char *name, kgi_dot_esc kind);
kg_status kgi_dot_add_legend(kgi_dot *d);
kg_status kgi_dot_add_country_clusters(kgi_dot *d);
/* A timeline's axis: its dated events ranked left to right in date order. */
kg_status kgi_dot_add_time_axis(kgi_dot *d);

#endif
