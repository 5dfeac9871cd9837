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
#include "columns.h"

#include <libxml/xmlwriter.h>
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

typedef struct writer {
  const kg_graph *g;
  xmlTextWriterPtr w;
  kgi_columns cols;
  kg_error *err;
  kg_status st;
} writer;

#define W(call)                                                                                    \
  do {                                                                                             \
    if (!wr->st && (call) < 0)                                                                     \
      wr->st = kgi_error_set(wr->err, KG_EIO, "GraphML: the XML writer failed");                   \
  } while (0)

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

static const char *type_name(const kgi_column *k) {
  static const char *names[] = {"string", "int", "long", "float", "double", "boolean"};
  /* GraphML has no list type: several values are written joined, as a string */
  return k->multi ? "string" : names[k->type];
}

static void write_keys(writer *wr) {
  for (size_t i = 0; i < wr->cols.ncols && !wr->st; i++) {
    const kgi_column *k = &wr->cols.cols[i];
    W(xmlTextWriterStartElement(wr->w, X("key")));
    W(kgi_xml_attr(wr->w, "id", k->id));
    W(kgi_xml_attr(wr->w, "for", k->target == KGI_FOR_NODE ? "node" : "edge"));
    W(kgi_xml_attr(wr->w, "attr.name", k->name));
    W(kgi_xml_attr(wr->w, "attr.type", type_name(k)));
    if (k->role == KGI_COL_VALUE) {
      /* the predicate IRI travels with the key, so a reader can map it back to RDF */
      char buf[1024];
      snprintf(buf, sizeof buf, "%s%s%s", k->pred, k->lang ? " @" : "", k->lang ? k->lang : "");
      W(xmlTextWriterWriteElement(wr->w, X("desc"), X(buf)));
    }
    if (k->role == KGI_COL_WEIGHT)
      W(xmlTextWriterWriteElement(wr->w, X("default"), X("1.0")));
    W(xmlTextWriterEndElement(wr->w));
  }
}

static void data_for(writer *wr, const kgi_column *k, const char *text) {
  if (!k || !text || wr->st)
    return;
  W(xmlTextWriterStartElement(wr->w, X("data")));
  W(kgi_xml_attr(wr->w, "key", k->id));
  W(kgi_xml_text(wr->w, text));
  W(xmlTextWriterEndElement(wr->w));
}

static void data(writer *wr, kgi_col_for t, kgi_col_role r, const char *text) {
  data_for(wr, kgi_columns_find(&wr->cols, t, r, NULL, NULL), text);
}

/* An element's typed values, in column order; several values of one column joined by "; ". */
static void write_values(writer *wr, kgi_col_for t, const kgi_prop *props, uint32_t n) {
  kgi_cell *cells = NULL;
  if (wr->st || (wr->st = kgi_columns_cells(&cells, &wr->cols, t, props, n, wr->err)))
    return;
  for (uint32_t i = 0; i < n && !wr->st;) {
    W(xmlTextWriterStartElement(wr->w, X("data")));
    W(kgi_xml_attr(wr->w, "key", cells[i].col->id));
    uint32_t j = i;
    for (; j < n && cells[j].col == cells[i].col; j++) {
      if (j > i)
        W(kgi_xml_text(wr->w, "; "));
      W(kgi_xml_text(wr->w, cells[j].v->lexical));
    }
    W(xmlTextWriterEndElement(wr->w));
    i = j;
  }
  free(cells);
}

static void write_labels(writer *wr, const kg_node *n) {
  for (uint32_t i = 0; i < n->nlabels && !wr->st; i++) {
    bool first = true; /* labels of one language after the first were written with it */
    for (uint32_t j = 0; j < i && first; j++)
      first = n->labels[j].lang != n->labels[i].lang;
    if (!first)
      continue;
    const kgi_column *k =
        kgi_columns_find(&wr->cols, KGI_FOR_NODE, KGI_COL_LABEL_LANG, NULL, n->labels[i].lang);
    W(xmlTextWriterStartElement(wr->w, X("data")));
    W(kgi_xml_attr(wr->w, "key", k->id));
    W(kgi_xml_text(wr->w, n->labels[i].text));
    for (uint32_t j = i + 1; j < n->nlabels; j++)
      if (n->labels[j].lang == n->labels[i].lang) {
        W(kgi_xml_text(wr->w, "; "));
        W(kgi_xml_text(wr->w, n->labels[j].text));
      }
    W(xmlTextWriterEndElement(wr->w));
  }
}

/* Space-separated list into buf (truncated at its size). */
static const char *joined(char *buf, size_t size, const char *const *items, uint32_t n,
                          bool curie) {
  size_t o = 0;
  buf[0] = '\0';
  for (uint32_t i = 0; i < n && o < size; i++) {
    char c[512];
    const char *s = curie ? kgi_curie(c, sizeof c, items[i]) : items[i];
    o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? " " : "", s);
  }
  return buf;
}

static void write_node(writer *wr, const kg_node *n) {
  char buf[2048];
  W(xmlTextWriterStartElement(wr->w, X("node")));
  W(kgi_xml_attr(wr->w, "id", wr->cols.node_ids[n->index]));
  data(wr, KGI_FOR_NODE, KGI_COL_LABEL, kg_node_display_label(n, "en"));
  write_labels(wr, n);
  if (n->nclasses)
    data(wr, KGI_FOR_NODE, KGI_COL_CLASS, kgi_curie(buf, sizeof buf, n->classes[0]));
  if (n->nclasses > 1)
    data(wr, KGI_FOR_NODE, KGI_COL_CLASSES, joined(buf, sizeof buf, n->classes, n->nclasses, true));
  data(wr, KGI_FOR_NODE, KGI_COL_IRI, n->iri ? n->iri : n->id);
  size_t nwd = strlen(KGI_WD);
  for (uint32_t i = 0; i < n->nsame; i++)
    if (strncmp(n->same_as[i], KGI_WD, nwd) == 0) {
      data(wr, KGI_FOR_NODE, KGI_COL_WIKIDATA, n->same_as[i] + nwd);
      break;
    }
  if (n->nsame)
    data(wr, KGI_FOR_NODE, KGI_COL_SAME_AS, joined(buf, sizeof buf, n->same_as, n->nsame, false));
  if (n->source)
    data(wr, KGI_FOR_NODE, KGI_COL_CITES, wr->cols.node_ids[n->source->index]);
  int rgb[3];
  kgi_style_rgb(kgi_style_for(n), rgb);
  kgi_col_role rr[3] = {KGI_COL_R, KGI_COL_G, KGI_COL_B};
  for (int i = 0; i < 3; i++) {
    snprintf(buf, sizeof buf, "%d", rgb[i]);
    data(wr, KGI_FOR_NODE, rr[i], buf);
  }
  /* Gephi scales sizes itself; give it the node's importance: its degree */
  snprintf(buf, sizeof buf, "%.1f", kgi_node_size(n));
  data(wr, KGI_FOR_NODE, KGI_COL_SIZE, buf);
  /* the period as full dates, which Gephi can turn into a time interval (yyyy-MM-dd) */
  char start[64], end[64];
  if (kgi_node_interval(n, start, end, sizeof start)) {
    data(wr, KGI_FOR_NODE, KGI_COL_START, start);
    data(wr, KGI_FOR_NODE, KGI_COL_END, end[0] ? end : NULL);
  }
  write_values(wr, KGI_FOR_NODE, n->props, n->nprops);
  W(xmlTextWriterEndElement(wr->w));
}

static void write_edge(writer *wr, const kg_edge *e) {
  char buf[1024];
  W(xmlTextWriterStartElement(wr->w, X("edge")));
  snprintf(buf, sizeof buf, "e%u", e->index);
  W(kgi_xml_attr(wr->w, "id", buf));
  W(kgi_xml_attr(wr->w, "source", wr->cols.node_ids[e->src->index]));
  W(kgi_xml_attr(wr->w, "target", wr->cols.node_ids[e->tgt->index]));
  kgi_relation_label(buf, sizeof buf, e->pred);
  data(wr, KGI_FOR_EDGE, KGI_COL_LABEL, buf);
  data(wr, KGI_FOR_EDGE, KGI_COL_RELATION, e->pred);
  if (e->source)
    data(wr, KGI_FOR_EDGE, KGI_COL_CITES, wr->cols.node_ids[e->source->index]);
  if (kgi_edge_has_statement(e))
    data(wr, KGI_FOR_EDGE, KGI_COL_STATEMENT, kgi_edge_statement_iri(buf, sizeof buf, wr->g, e));
  char start[64], end[64];
  if (kgi_edge_interval(e, start, end, sizeof start)) {
    data(wr, KGI_FOR_EDGE, KGI_COL_START, start);
    data(wr, KGI_FOR_EDGE, KGI_COL_END, end[0] ? end : NULL);
  }
  write_values(wr, KGI_FOR_EDGE, e->quals, e->nquals);
  W(xmlTextWriterEndElement(wr->w));
}

static kg_status write_graphml(const kg_graph *g, FILE *out, kg_error *err) {
  writer wr_ = {.g = g, .err = err};
  writer *wr = &wr_;
  wr->st = kgi_columns_build(&wr->cols, g, fixed, sizeof fixed / sizeof fixed[0], err);
  if (!wr->st && !(wr->w = kgi_xml_writer_open(out, "GraphML", err)))
    wr->st = KG_ELIB;
  if (!wr->st) {
    W(xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL));
    W(xmlTextWriterStartElement(wr->w, X("graphml")));
    W(kgi_xml_attr(wr->w, "xmlns", GRAPHML_NS));
    W(kgi_xml_attr(wr->w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    W(kgi_xml_attr(wr->w, "xsi:schemaLocation",
                   GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
    write_keys(wr);
    W(xmlTextWriterStartElement(wr->w, X("graph")));
    W(kgi_xml_attr(wr->w, "id", "G"));
    W(kgi_xml_attr(wr->w, "edgedefault", "directed"));
    for (size_t i = 0; i < g->nnodes && !wr->st; i++)
      write_node(wr, g->nodes[i]);
    for (size_t i = 0; i < g->nedges && !wr->st; i++)
      write_edge(wr, g->edges[i]);
    W(xmlTextWriterEndDocument(wr->w));
    W(xmlTextWriterFlush(wr->w));
  }
  if (wr->w)
    xmlFreeTextWriter(wr->w);
  kgi_columns_dispose(&wr->cols);
  return wr->st;
}

const kgi_exporter kgi_exporter_graphml = {
    .name = "graphml",
    .extension = "graphml",
    .description = "GraphML 1.0 for Gephi, yEd, NetworkX, igraph (libxml2)",
    .write = write_graphml,
};
