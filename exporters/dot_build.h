/* Private to the Graphviz exporters: the DOT graph of a model, built once, used twice (the
 * DOT file in dot.c, the pictures rendered in-process in render.c). */
#ifndef KGI_DOT_BUILD_H
#define KGI_DOT_BUILD_H

#include "exporter.h"
#include "present.h"

#include <cgraph.h>

/* Does something with the built graph; a status != KG_OK without a message in err means
 * "cgraph failed" and gets cgraph's own message. */
typedef kg_status (*kgi_dot_action)(Agraph_t *root, void *ctx, kg_error *err);

/* Build the styled cgraph graph of g, run action on it, free it. Graphs above 2000 nodes
 * carry layout=sfdp. */
kg_status kgi_dot_with_graph(const kg_graph *g, kgi_dot_action action, void *ctx, kg_error *err);

#endif
