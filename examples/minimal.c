/*
 * The smallest useful kgexport program: build a two-node graph through the public API,
 * with a qualified edge and its source, and write it in every format.
 *
 *   minimal OUTDIR      writes OUTDIR/minimal.ttl, .nt, .graphml, .dot
 */
#include <kgexport.h>

#include <stdio.h>

#define KG(term) KG_NS term

static int check(kg_status st, const kg_error *err) {
  if (st)
    fprintf(stderr, "minimal: %s\n", err->message);
  return st != KG_OK;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: minimal OUTDIR\n");
    return 64;
  }
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  kg_node *article = NULL, *rubio = NULL, *us = NULL;
  kg_edge *office = NULL;
  kg_value role = {KG_VALUE_LANGSTRING, "Secretary of State", "en", NULL};
  int failed = check(kg_graph_new(&g, "https://example.org/minimal/", &err), &err) ||
               check(kg_graph_add_node(&article, g, "article", &err), &err) ||
               check(kg_node_add_class(g, article, KG("NewsArticle"), &err), &err) ||
               check(kg_node_add_label(
                         g, article, "Trump and Xi discuss Taiwan, trade, and Ukraine", "en", &err),
                     &err) ||
               check(kg_graph_add_node(&rubio, g, "marco-rubio", &err), &err) ||
               check(kg_node_add_class(g, rubio, KG("Person"), &err), &err) ||
               check(kg_node_add_label(g, rubio, "Marco Rubio", "en", &err), &err) ||
               check(kg_graph_add_node(&us, g, "united-states", &err), &err) ||
               check(kg_node_add_class(g, us, KG("Country"), &err), &err) ||
               check(kg_node_add_label(g, us, "United States", "en", &err), &err) ||
               check(kg_graph_add_edge(&office, g, rubio, KG("holdsOffice"), us, &err), &err) ||
               check(kg_edge_add_qualifier(g, office, KG("role"), &role, &err), &err);
  if (!failed) {
    kg_graph_apply_default_source(g, article); /* every node and edge cites the article */
    kg_stats s;
    kg_graph_stats(g, &s);
    printf("nodes %zu\nedges %zu\ntriples %zu\n", s.nodes, s.edges, s.triples);
    for (size_t i = 0; kg_format_name(i) && !failed; i++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/minimal.%s", argv[1], kg_format_extension(kg_format_name(i)));
      failed = check(kg_export_file(g, kg_format_name(i), path, &err), &err);
    }
  }
  kg_graph_free(g);
  return failed ? 1 : 0;
}
