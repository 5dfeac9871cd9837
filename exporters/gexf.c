/*
 * GEXF 1.3, Gephi's own format, through libxml2's xmlTextWriter. Valid against the GEXF 1.3
 * RELAX NG schema (gexf.rng; the published XSD wrongly rejects viz: elements).
 *
 * Shaped for Gephi's importer (../shared/reference/gephi-import-rules.md): every node has a
 * label, every edge a `kind` (its relation), so that two relations between the same nodes
 * stay two edges; `defaultedgetype` is explicit; colours are integer `viz:color`; typed
 * attribute columns, `liststring` for several values. Dated nodes make the graph
 * `mode="dynamic"`: each gets the interval its date covers (a day, or all of April 2026 for
 * "2026-04"), so Gephi's timeline plays the story.
 */
#include "columns.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#define GEXF_NS "http://gexf.net/1.3"
#define VIZ_NS "http://gexf.net/1.3/viz"

/* The label is an XML attribute in GEXF, colour and size are viz: elements: not columns. */
static const kgi_fixed_column fixed[] = {
    {KGI_FOR_NODE, KGI_COL_LABEL_LANG, "label", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CLASS, "class", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CLASSES, "classes", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_IRI, "iri", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_WIKIDATA, "wikidata", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_SAME_AS, "same_as", KGI_T_STRING},
    {KGI_FOR_NODE, KGI_COL_CITES, "cites", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_RELATION, "relation", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_CITES, "cites", KGI_T_STRING},
    {KGI_FOR_EDGE, KGI_COL_STATEMENT, "statement", KGI_T_STRING},
};

typedef struct writer {
  const kg_graph *g;
  xmlTextWriterPtr w;
  kgi_columns cols;
  bool datetime; /* some time is an xsd:dateTime */
  kg_error *err;
  kg_status st;
} writer;

#define W(call)                                                                                    \
  do {                                                                                             \
    if (!wr->st && (call) < 0)                                                                     \
      wr->st = kgi_error_set(wr->err, KG_EIO, "GEXF: the XML writer failed");                      \
  } while (0)

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

/* ---- time ---- */

static bool graph_is_dynamic(writer *wr) {
  bool dynamic = false;
  char a[64], b[64];
  for (size_t i = 0; i < wr->g->nnodes; i++) {
    const kg_node *n = wr->g->nodes[i];
    if (kgi_node_interval(n, a, b, sizeof a)) {
      dynamic = true;
      wr->datetime |= strchr(a, 'T') != NULL;
    }
  }
  for (size_t i = 0; i < wr->g->nedges; i++) {
    const kg_edge *e = wr->g->edges[i];
    if (kgi_edge_interval(e, a, b, sizeof a)) {
      dynamic = true;
      wr->datetime |= strchr(a, 'T') != NULL;
    }
  }
  return dynamic;
}

static void write_interval(writer *wr, bool dated, const char *start, const char *end) {
  if (!dated)
    return;
  W(kgi_xml_attr(wr->w, "start", start));
  if (end[0])
    W(kgi_xml_attr(wr->w, "end", end));
}

/* ---- attributes ---- */

static const char *type_name(const kgi_column *k) {
  static const char *names[] = {"string", "integer", "long", "float", "double", "boolean"};
  return k->multi ? "liststring" : names[k->type];
}

static void write_attribute_decls(writer *wr, kgi_col_for t) {
  W(xmlTextWriterStartElement(wr->w, X("attributes")));
  W(kgi_xml_attr(wr->w, "class", t == KGI_FOR_NODE ? "node" : "edge"));
  W(kgi_xml_attr(wr->w, "mode", "static"));
  for (size_t i = 0; i < wr->cols.ncols && !wr->st; i++) {
    const kgi_column *k = &wr->cols.cols[i];
    if (k->target != t)
      continue;
    W(xmlTextWriterStartElement(wr->w, X("attribute")));
    W(kgi_xml_attr(wr->w, "id", k->id));
    W(kgi_xml_attr(wr->w, "title", k->name));
    W(kgi_xml_attr(wr->w, "type", type_name(k)));
    W(xmlTextWriterEndElement(wr->w));
  }
  W(xmlTextWriterEndElement(wr->w));
}

static void attvalue(writer *wr, const kgi_column *k, const char *value) {
  if (!k || !value || wr->st)
    return;
  W(xmlTextWriterStartElement(wr->w, X("attvalue")));
  W(kgi_xml_attr(wr->w, "for", k->id));
  W(kgi_xml_attr(wr->w, "value", value));
  W(xmlTextWriterEndElement(wr->w));
}

static void fixed_value(writer *wr, kgi_col_for t, kgi_col_role r, const char *value) {
  attvalue(wr, kgi_columns_find(&wr->cols, t, r, NULL, NULL), value);
}

/*
 * A list as Gephi's list parser reads it: ["a", "b \"c\""] — brackets, items in double
 * quotes with '"' and '\' escaped by a backslash, so commas inside items stay inside.
 */
static char *list_value(const char *const *items, size_t n) {
  size_t len = 3;
  for (size_t i = 0; i < n; i++)
    len += 2 * strlen(items[i]) + 4;
  char *r = kgi_malloc(len);
  if (!r)
    return NULL;
  size_t o = 0;
  r[o++] = '[';
  for (size_t i = 0; i < n; i++) {
    if (i) {
      r[o++] = ',';
      r[o++] = ' ';
    }
    r[o++] = '"';
    for (const char *p = items[i]; *p; p++) {
      if (*p == '"' || *p == '\\')
        r[o++] = '\\';
      r[o++] = *p;
    }
    r[o++] = '"';
  }
  r[o++] = ']';
  r[o] = '\0';
  return r;
}

static void write_list(writer *wr, const kgi_column *k, const char *const *items, size_t n) {
  char *v = list_value(items, n);
  if (!v) {
    wr->st = kgi_error_oom(wr->err);
    return;
  }
  attvalue(wr, k, v);
  free(v);
}

/* Typed values, one attvalue per column; a multi-valued column gets its values as a list. */
static void write_values(writer *wr, kgi_col_for t, const kgi_prop *props, uint32_t n) {
  kgi_cell *cells = NULL;
  const char **items = NULL;
  if (wr->st || (wr->st = kgi_columns_cells(&cells, &wr->cols, t, props, n, wr->err)))
    return;
  if (n && !(items = kgi_malloc(n * sizeof *items))) {
    free(cells);
    wr->st = kgi_error_oom(wr->err);
    return;
  }
  for (uint32_t i = 0; i < n && !wr->st;) {
    uint32_t j = i;
    for (; j < n && cells[j].col == cells[i].col; j++)
      items[j - i] = cells[j].v->lexical;
    if (cells[i].col->multi)
      write_list(wr, cells[i].col, items, j - i);
    else
      attvalue(wr, cells[i].col, cells[i].v->lexical);
    i = j;
  }
  free(items);
  free(cells);
}

static void write_label_values(writer *wr, const kg_node *n) {
  for (uint32_t i = 0; i < n->nlabels && !wr->st; i++) {
    bool first = true;
    for (uint32_t j = 0; j < i && first; j++)
      first = n->labels[j].lang != n->labels[i].lang;
    if (!first)
      continue;
    const kgi_column *k =
        kgi_columns_find(&wr->cols, KGI_FOR_NODE, KGI_COL_LABEL_LANG, NULL, n->labels[i].lang);
    if (!k->multi) {
      attvalue(wr, k, n->labels[i].text);
      continue;
    }
    const char *items[64];
    size_t m = 0;
    for (uint32_t j = i; j < n->nlabels && m < 64; j++)
      if (n->labels[j].lang == n->labels[i].lang)
        items[m++] = n->labels[j].text;
    write_list(wr, k, items, m);
  }
}

/* ---- nodes and edges ---- */

static void write_node(writer *wr, const kg_node *n) {
  char buf[1024];
  W(xmlTextWriterStartElement(wr->w, X("node")));
  W(kgi_xml_attr(wr->w, "id", wr->cols.node_ids[n->index]));
  /* Gephi shows an empty label, not the id, when the attribute is missing */
  W(kgi_xml_attr(wr->w, "label", kg_node_display_label(n, "en")));
  char start[64], end[64];
  write_interval(wr, kgi_node_interval(n, start, end, sizeof start), start, end);
  W(xmlTextWriterStartElement(wr->w, X("attvalues")));
  write_label_values(wr, n);
  if (n->nclasses)
    fixed_value(wr, KGI_FOR_NODE, KGI_COL_CLASS, kgi_curie(buf, sizeof buf, n->classes[0]));
  if (n->nclasses > 1) {
    char **curies = kgi_calloc(n->nclasses, sizeof *curies);
    for (uint32_t i = 0; curies && i < n->nclasses; i++) {
      char c[512];
      const char *s = kgi_curie(c, sizeof c, n->classes[i]);
      curies[i] = kgi_malloc(strlen(s) + 1);
      if (curies[i])
        strcpy(curies[i], s);
    }
    bool ok = curies != NULL;
    for (uint32_t i = 0; ok && i < n->nclasses; i++)
      ok = curies[i] != NULL;
    if (ok)
      write_list(wr, kgi_columns_find(&wr->cols, KGI_FOR_NODE, KGI_COL_CLASSES, NULL, NULL),
                 (const char *const *)curies, n->nclasses);
    else
      wr->st = kgi_error_oom(wr->err);
    for (uint32_t i = 0; curies && i < n->nclasses; i++)
      free(curies[i]);
    free(curies);
  }
  fixed_value(wr, KGI_FOR_NODE, KGI_COL_IRI, n->iri ? n->iri : n->id);
  size_t nwd = strlen(KGI_WD);
  for (uint32_t i = 0; i < n->nsame; i++)
    if (strncmp(n->same_as[i], KGI_WD, nwd) == 0) {
      fixed_value(wr, KGI_FOR_NODE, KGI_COL_WIKIDATA, n->same_as[i] + nwd);
      break;
    }
  if (n->nsame)
    write_list(wr, kgi_columns_find(&wr->cols, KGI_FOR_NODE, KGI_COL_SAME_AS, NULL, NULL),
               n->same_as, n->nsame);
  if (n->source)
    fixed_value(wr, KGI_FOR_NODE, KGI_COL_CITES, wr->cols.node_ids[n->source->index]);
  write_values(wr, KGI_FOR_NODE, n->props, n->nprops);
  W(xmlTextWriterEndElement(wr->w));

  const kgi_style *s = kgi_style_for(n);
  int rgb[3];
  kgi_style_rgb(s, rgb);
  W(xmlTextWriterStartElementNS(wr->w, X("viz"), X("color"), NULL));
  const char *ch[3] = {"r", "g", "b"};
  for (int i = 0; i < 3; i++) {
    snprintf(buf, sizeof buf, "%d", rgb[i]);
    W(kgi_xml_attr(wr->w, ch[i], buf));
  }
  W(xmlTextWriterEndElement(wr->w));
  W(xmlTextWriterStartElementNS(wr->w, X("viz"), X("size"), NULL));
  snprintf(buf, sizeof buf, "%.1f", kgi_node_size(n));
  W(kgi_xml_attr(wr->w, "value", buf));
  W(xmlTextWriterEndElement(wr->w));
  W(xmlTextWriterStartElementNS(wr->w, X("viz"), X("shape"), NULL));
  W(kgi_xml_attr(wr->w, "value", s->viz_shape));
  W(xmlTextWriterEndElement(wr->w));
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
  W(kgi_xml_attr(wr->w, "label", buf));
  /* the edge kind keeps parallel relations apart: Gephi merges same-kind parallel edges */
  W(kgi_xml_attr(wr->w, "kind", kgi_curie(buf, sizeof buf, e->pred)));
  char start[64], end[64];
  write_interval(wr, kgi_edge_interval(e, start, end, sizeof start), start, end);
  W(xmlTextWriterStartElement(wr->w, X("attvalues")));
  fixed_value(wr, KGI_FOR_EDGE, KGI_COL_RELATION, e->pred);
  if (e->source)
    fixed_value(wr, KGI_FOR_EDGE, KGI_COL_CITES, wr->cols.node_ids[e->source->index]);
  if (kgi_edge_has_statement(e))
    fixed_value(wr, KGI_FOR_EDGE, KGI_COL_STATEMENT,
                kgi_edge_statement_iri(buf, sizeof buf, wr->g, e));
  write_values(wr, KGI_FOR_EDGE, e->quals, e->nquals);
  W(xmlTextWriterEndElement(wr->w));
  W(xmlTextWriterEndElement(wr->w));
}

static void write_document(writer *wr) {
  const kg_graph *g = wr->g;
  char buf[64];
  W(xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL));
  W(xmlTextWriterStartElement(wr->w, X("gexf")));
  W(kgi_xml_attr(wr->w, "xmlns", GEXF_NS));
  W(kgi_xml_attr(wr->w, "xmlns:viz", VIZ_NS));
  W(kgi_xml_attr(wr->w, "version", "1.3"));
  W(xmlTextWriterStartElement(wr->w, X("meta")));
  W(xmlTextWriterWriteElement(wr->w, X("creator"), X("kgexport " KG_VERSION)));
  W(xmlTextWriterWriteElement(wr->w, X("description"), X(g->base)));
  W(xmlTextWriterEndElement(wr->w));
  W(xmlTextWriterStartElement(wr->w, X("graph")));
  W(kgi_xml_attr(wr->w, "defaultedgetype", "directed"));
  if (graph_is_dynamic(wr)) {
    W(kgi_xml_attr(wr->w, "mode", "dynamic"));
    W(kgi_xml_attr(wr->w, "timeformat", wr->datetime ? "dateTime" : "date"));
    W(kgi_xml_attr(wr->w, "timerepresentation", "interval"));
  } else {
    W(kgi_xml_attr(wr->w, "mode", "static"));
  }
  write_attribute_decls(wr, KGI_FOR_NODE);
  write_attribute_decls(wr, KGI_FOR_EDGE);
  W(xmlTextWriterStartElement(wr->w, X("nodes")));
  snprintf(buf, sizeof buf, "%zu", g->nnodes);
  W(kgi_xml_attr(wr->w, "count", buf));
  for (size_t i = 0; i < g->nnodes && !wr->st; i++)
    write_node(wr, g->nodes[i]);
  W(xmlTextWriterEndElement(wr->w));
  W(xmlTextWriterStartElement(wr->w, X("edges")));
  snprintf(buf, sizeof buf, "%zu", g->nedges);
  W(kgi_xml_attr(wr->w, "count", buf));
  for (size_t i = 0; i < g->nedges && !wr->st; i++)
    write_edge(wr, g->edges[i]);
  W(xmlTextWriterEndDocument(wr->w));
  W(xmlTextWriterFlush(wr->w));
}

static kg_status write_gexf(const kg_graph *g, FILE *out, kg_error *err) {
  writer wr_ = {.g = g, .err = err};
  writer *wr = &wr_;
  wr->st = kgi_columns_build(&wr->cols, g, fixed, sizeof fixed / sizeof fixed[0], err);
  if (!wr->st && !(wr->w = kgi_xml_writer_open(out, "GEXF", err)))
    wr->st = KG_ELIB;
  if (!wr->st) {
    write_document(wr);
  }
  if (wr->w)
    xmlFreeTextWriter(wr->w);
  kgi_columns_dispose(&wr->cols);
  return wr->st;
}

const kgi_exporter kgi_exporter_gexf = {
    .name = "gexf",
    .extension = "gexf",
    .description = "GEXF 1.3 for Gephi, with its timeline (libxml2)",
    .write = write_gexf,
};
