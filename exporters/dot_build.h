/* Private to the Graphviz exporters: the DOT graph of a model, built once, used twice (the
 * DOT file in dot.c, the pictures rendered in-process in render.c). */
#ifndef KGI_DOT_BUILD_H
#define KGI_DOT_BUILD_H

#include "exporter.h"
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
 * graph read back from DOT for a layout is read with it too. */
Agdisc_t *kgi_dot_disc(void);

/* Was the graph built in the large-graph mode (it asks for sfdp)? */
bool kgi_dot_is_large(Agraph_t *root);

/* Does something with the built graph; a status != KG_OK without a message in err means
 * "cgraph failed" and gets cgraph's own message. */
typedef kg_status (*kgi_dot_action)(Agraph_t *root, void *ctx, kg_error *err);

/* Build the styled cgraph graph of g, run action on it, free it. Graphs above
 * KGI_DOT_LARGE_GRAPH nodes carry layout=sfdp. */
kg_status kgi_dot_with_graph(const kg_graph *g, kgi_dot_action action, void *ctx, kg_error *err);

#endif
