/*
 * GraphML through libxml2's xmlTextWriter, valid against the GraphML 1.0 XSD and shaped
 * for Gephi's importer (../shared/reference/gephi-import-rules.md): keys declared first,
 * for="node"/"edge" only, typed (attr.type), NMTOKEN ids; `label`, `weight`, `r`/`g`/`b`
 * and `size` where Gephi looks for them; one key per language for labels. The mapping is
 * in docs/formats.md.
 *
 * libxml2 2.9.14 writes control characters and invalid UTF-8 through without complaint:
 * the model refuses both at input (core/graph.c), so none can reach this writer.
 */
#include "pgwriter.h"

#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const kgi_fixed_column fixed[] = {
    {KGI_FOR_NODE, KGI_COL_LABEL, "label", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_LABEL_LANG, "label", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CLASS, "class", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CLASSES, "classes", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_IRI, "iri", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_WIKIDATA, "wikidata", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_SAME_AS, "same_as", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CITES, "cites", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_R, "r", KGI_T_INT},
    {KGI_FOR_NODE, KGI_COL_G, "g", KGI_T_INT},
    {KGI_FOR_NODE, KGI_COL_B, "b", KGI_T_INT},
    {KGI_FOR_NODE, KGI_COL_SIZE, "size", KGI_T_FLOAT},
    {KGI_FOR_NODE, KGI_COL_START, "start", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_END, "end", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_LABEL, "label", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_RELATION, "relation", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_WEIGHT, "weight", KGI_T_DOUBLE},
    {KGI_FOR_EDGE, KGI_COL_CITES, "cites", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_STATEMENT, "statement", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_START, "start", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_END, "end", KGI_T_STRING},
};

static const char *type_name(const kgi_column *k) {
  static const char *names[] = {"string", "int", "long", "float", "double", "boolean"};
  /* GraphML has no list type: several values are written joined, as a string */
  return k->multi ? "string" : names[k->type];
}

static void write_keys(kgi_pg *pg) {
  kgi_buf desc;
  kgi_buf_init(&desc);
  for (size_t i = 0; i < pg->cols.ncols && !pg->st; i++) {
    const kgi_column *k = &pg->cols.cols[i];
    kgi_pg_start(pg, "key");
    kgi_pg_attr(pg, "id", k->id);
    kgi_pg_attr(pg, "for", k->target == KGI_FOR_NODE ? "node" : "edge");
    kgi_pg_attr(pg, "attr.name", k->name);
    kgi_pg_attr(pg, "attr.type", type_name(k));
    if (k->role == KGI_COL_VALUE || k->role == KGI_COL_LABEL_LANG) {
      /* the predicate and datatype travel with the key (core/desc.c), and how several
         values are joined, so that a reader maps the column back to RDF */
      kgi_buf_clear(&desc);
      kgi_buf_puts(&desc, k->desc);
      if (k->sep)
        kgi_buf_printf(&desc, " joined by \"%s\"", k->sep);
      if (desc.oom)
        pg->st = kgi_error_oom(pg->err);
      kgi_pg_element(pg, "desc", kgi_buf_str(&desc));
    }
    if (k->role == KGI_COL_WEIGHT)
      kgi_pg_element(pg, "default", "1.0");
    kgi_pg_end(pg);
  }
  kgi_buf_dispose(&desc);
}

/* One <data> per column; several values joined, by a space for lists of IRIs and CURIEs,
 * else by the column's separator, which none of its values holds. */
static void put_data(kgi_pg *pg, const kgi_column *k, const char *const *items, size_t n) {
  const char *sep = k->role == KGI_COL_CLASSES || k->role == KGI_COL_SAME_AS ? " "
                    : k->sep                                                 ? k->sep
                                                                             : "; ";
  kgi_pg_start(pg, "data");
  kgi_pg_attr(pg, "key", k->id);
  for (size_t i = 0; i < n; i++) {
    if (i)
      kgi_pg_text(pg, sep);
    kgi_pg_text(pg, items[i]);
  }
  kgi_pg_end(pg);
}

static void data(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *text) {
  kgi_pg_fixed(pg, t, r, text, put_data);
}

/* The period as full dates, which Gephi can turn into a time interval (yyyy-MM-dd). */
static void write_period(kgi_pg *pg, kgi_col_for t, bool dated, const char *start,
                         const char *end) {
  if (!dated)
    return;
  data(pg, t, KGI_COL_START, start);
  data(pg, t, KGI_COL_END, end[0] ? end : NULL);
}

static void write_node(kgi_pg *pg, size_t i, const void *ctx) {
  (void)ctx;
  const kg_node *n = pg->g->nodes[i];
  char num[32];
  kgi_pg_node_start(pg, n);
  data(pg, KGI_FOR_NODE, KGI_COL_LABEL, kgi_show_name(n));
  kgi_pg_node_columns(pg, n, put_data);
  int rgb[3];
  kgi_show_rgb(n, rgb);
  kgi_col_role rr[3] = {KGI_COL_R, KGI_COL_G, KGI_COL_B};
  for (int c = 0; c < 3; c++) {
    snprintf(num, sizeof num, "%d", rgb[c]);
    data(pg, KGI_FOR_NODE, rr[c], num);
  }
  snprintf(num, sizeof num, "%.1f", kgi_show_size(n));
  data(pg, KGI_FOR_NODE, KGI_COL_SIZE, num);
  char start[KGI_DATE_MAX], end[KGI_DATE_MAX];
  write_period(pg, KGI_FOR_NODE, kgi_show_node_period(n, start, end, sizeof start), start, end);
  kgi_pg_values(pg, KGI_FOR_NODE, n->props, n->nprops, put_data);
  kgi_pg_end(pg);
}

static void write_edge(kgi_pg *pg, size_t i, const void *ctx) {
  (void)ctx;
  const kg_edge *e = pg->g->edges[i];
  kgi_buf *text = &pg->text;
  kgi_pg_edge_start(pg, e);
  kgi_buf_clear(text);
  kgi_show_relation(text, e->pred);
  if (text->oom && !pg->st)
    pg->st = kgi_error_oom(pg->err);
  data(pg, KGI_FOR_EDGE, KGI_COL_LABEL, kgi_buf_str(text));
  kgi_pg_edge_columns(pg, e, put_data);
  char start[KGI_DATE_MAX], end[KGI_DATE_MAX];
  write_period(pg, KGI_FOR_EDGE, kgi_show_edge_period(e, start, end, sizeof start), start, end);
  kgi_pg_values(pg, KGI_FOR_EDGE, e->quals, e->nquals, put_data);
  kgi_pg_end(pg);
}

static kg_status write_graphml(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                               kg_error *err) {
  kgi_pg pg;
  if (kgi_pg_open(&pg, g, out, "GraphML", fixed, sizeof fixed / sizeof fixed[0], err))
    return kgi_pg_close(&pg);
  kgi_pg_document_start(&pg, "graphml");
  kgi_pg_attr(&pg, "xmlns", GRAPHML_NS);
  kgi_pg_attr(&pg, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  kgi_pg_attr(&pg, "xsi:schemaLocation",
              GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  /* what marks the file as kgexport's: its reader then knows which keys it derived */
  kgi_pg_element(&pg, "desc",
                 KGI_PG_MARK " " KG_VERSION
                             "; a value key's description names its RDF predicate and datatype");
  write_keys(&pg);
  kgi_pg_start(&pg, "graph");
  kgi_pg_attr(&pg, "id", "G");
  kgi_pg_attr(&pg, "edgedefault", "directed");
  kgi_pg_element(&pg, "desc", kgi_show_title(g)); /* what the graph is: its title */
  kgi_pg_elements(&pg, g->nnodes, write_node, NULL);
  kgi_pg_elements(&pg, g->nedges, write_edge, NULL);
  kgi_pg_document_end(&pg);
  if (!pg.st)
    kgi_columns_note_losses(&pg.cols, g, false, opts->loss);
  return kgi_pg_close(&pg);
}

const kgi_exporter kgi_exporter_graphml = {
    .name = "graphml",
    .extension = "graphml",
    .description = "GraphML 1.0 for Gephi, yEd, NetworkX, igraph (libxml2)",
    .write = write_graphml,
};
