/*
 * Graphviz DOT through cgraph: the graph of dot_build.c written with agwrite, which quotes
 * every id and value.
 */
#include "dot_build.h"

static kg_status write_action(Agraph_t *root, void *ctx, kg_error *err) {
  FILE *out = ctx;
  if (kgi_dot_is_large(root) &&
      fprintf(out,
              "/* kgexport: %d nodes. dot's layout is impractical at this size, so the graph\n"
              "   asks for sfdp (layout=sfdp), straight edges and no edge labels (the\n"
              "   relation is in each edge's tooltip); -K chooses another engine. */\n",
              agnnodes(root)) < 0)
    return kgi_error_set(err, KG_EIO, "DOT: writing the output failed");
  if (agwrite(root, out) != 0)
    return ferror(out) ? kgi_error_set(err, KG_EIO, "DOT: writing the output failed") : KG_ELIB;
  return KG_OK;
}

static kg_status write_dot(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                           kg_error *err) {
  return kgi_dot_with_written_graph(g, opts, write_action, out, err);
}

const kgi_exporter kgi_exporter_dot = {
    .name = "dot",
    .extension = "dot",
    .description = "Graphviz DOT (cgraph)",
    .write = write_dot,
    .views = true,
};
