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
#include "pgwriter.h"

#include <stdlib.h>
#include <string.h>

/* What changes between the versions kgexport writes. 1.2draft is what NetworkX reads (its
 * read_gexf knows no later version): the same content, but that version has no edge `kind`
 * (the relation stays in the `relation` column) and no `timerepresentation` (intervals are
 * its only one). */
typedef struct version {
  const char *name, *ns, *viz_ns, *number;
  bool kinds, timerepresentation;
} version;

static const version versions[] = {
    {"1.3", "http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3", true, true},
    {"1.2draft", "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2", false,
     false},
};

static const char *const version_names[] = {"1.3", "1.2draft", NULL};

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

/* ---- time ---- */

/* Is some element dated (the graph is dynamic), and is some time a dateTime? */
static bool graph_is_dynamic(const kg_graph *g, bool *datetime) {
  bool dynamic = false;
  char a[KGI_DATE_MAX], b[KGI_DATE_MAX];
  *datetime = false;
  for (size_t i = 0; i < g->nnodes; i++)
    if (kgi_show_node_period(g->nodes[i], a, b, sizeof a)) {
      dynamic = true;
      *datetime |= strchr(a, 'T') != NULL;
    }
  for (size_t i = 0; i < g->nedges; i++)
    if (kgi_show_edge_period(g->edges[i], a, b, sizeof a)) {
      dynamic = true;
      *datetime |= strchr(a, 'T') != NULL;
    }
  return dynamic;
}

static void write_interval(kgi_pg *pg, bool dated, const char *start, const char *end) {
  if (!dated)
    return;
  kgi_pg_attr(pg, "start", start);
  if (end[0])
    kgi_pg_attr(pg, "end", end);
}

/* ---- attributes ---- */

static const char *type_name(const kgi_column *k) {
  static const char *names[] = {"string", "integer", "long", "float", "double", "boolean"};
  return k->multi ? "liststring" : names[k->type];
}

/* A value or label column's id is its descriptor ("kg:role@en", core/desc.c): GEXF has no
 * other place for it, and it lets a reader map the column back to RDF. Others keep their
 * name-like ids (never with a ':', so the two never meet). */
static const char *attribute_id(const kgi_column *k) { return k->desc ? k->desc : k->id; }

static void write_attribute_decls(kgi_pg *pg, kgi_col_for t) {
  kgi_pg_start(pg, "attributes");
  kgi_pg_attr(pg, "class", t == KGI_FOR_NODE ? "node" : "edge");
  kgi_pg_attr(pg, "mode", "static");
  for (size_t i = 0; i < pg->cols.ncols && !pg->st; i++) {
    const kgi_column *k = &pg->cols.cols[i];
    if (k->target != t)
      continue;
    kgi_pg_start(pg, "attribute");
    kgi_pg_attr(pg, "id", attribute_id(k));
    kgi_pg_attr(pg, "title", k->name);
    kgi_pg_attr(pg, "type", type_name(k));
    kgi_pg_end(pg);
  }
  kgi_pg_end(pg);
}

/*
 * A list as Gephi's list parser reads it: ["a", "b \"c\""] — brackets, items in double
 * quotes with '"' and '\' escaped by a backslash, so commas inside items stay inside.
 */
static void list_value(kgi_buf *b, const char *const *items, size_t n) {
  kgi_buf_puts(b, "[");
  for (size_t i = 0; i < n; i++) {
    kgi_buf_puts(b, i ? ", \"" : "\"");
    for (const char *p = items[i], *run = p;; p++) {
      if (*p && *p != '"' && *p != '\\')
        continue;
      kgi_buf_put(b, run, (size_t)(p - run));
      if (!*p)
        break;
      kgi_buf_put(b, "\\", 1);
      kgi_buf_put(b, p, 1);
      run = p + 1;
    }
    kgi_buf_puts(b, "\"");
  }
  kgi_buf_puts(b, "]");
}

/* One attvalue per column; a multi-valued column gets its values as a list. */
static void put_attvalue(kgi_pg *pg, const kgi_column *k, const char *const *items, size_t n) {
  kgi_buf list;
  kgi_buf_init(&list);
  const char *value = items[0];
  if (k->multi) {
    list_value(&list, items, n);
    if (list.oom) {
      pg->st = kgi_error_oom(pg->err);
      return;
    }
    value = list.s;
  }
  kgi_pg_start(pg, "attvalue");
  kgi_pg_attr(pg, "for", attribute_id(k));
  kgi_pg_attr(pg, "value", value);
  kgi_pg_end(pg);
  kgi_buf_dispose(&list);
}

/* ---- nodes and edges ---- */

/* A drawing's position (kg:positionX/Y/Z, read from Gephi's viz:position), kept. */
static void write_position(kgi_pg *pg, const kg_node *n) {
  const kg_value *x = kgi_show_value(n, KG_NS "positionX");
  const kg_value *y = kgi_show_value(n, KG_NS "positionY");
  const kg_value *z = kgi_show_value(n, KG_NS "positionZ");
  char num[64];
  if (!x || !y)
    return;
  kgi_pg_start_ns(pg, "viz", "position");
  snprintf(num, sizeof num, "%g", strtod(x->lexical, NULL));
  kgi_pg_attr(pg, "x", num);
  snprintf(num, sizeof num, "%g", strtod(y->lexical, NULL));
  kgi_pg_attr(pg, "y", num);
  if (z) {
    snprintf(num, sizeof num, "%g", strtod(z->lexical, NULL));
    kgi_pg_attr(pg, "z", num);
  }
  kgi_pg_end(pg);
}

static void write_viz(kgi_pg *pg, const kg_node *n) {
  char num[32];
  const kgi_style *s = kgi_style_for(n);
  int rgb[3];
  kgi_show_rgb(n, rgb);
  kgi_pg_start_ns(pg, "viz", "color");
  const char *ch[3] = {"r", "g", "b"};
  for (int i = 0; i < 3; i++) {
    snprintf(num, sizeof num, "%d", rgb[i]);
    kgi_pg_attr(pg, ch[i], num);
  }
  kgi_pg_end(pg);
  write_position(pg, n);
  kgi_pg_start_ns(pg, "viz", "size");
  snprintf(num, sizeof num, "%.1f", kgi_show_size(n));
  kgi_pg_attr(pg, "value", num);
  kgi_pg_end(pg);
  kgi_pg_start_ns(pg, "viz", "shape");
  kgi_pg_attr(pg, "value", s->viz_shape);
  kgi_pg_end(pg);
}

static void write_node(kgi_pg *pg, size_t i, const void *ctx) {
  (void)ctx;
  const kg_node *n = pg->g->nodes[i];
  kgi_pg_node_start(pg, n);
  /* Gephi shows an empty label, not the id, when the attribute is missing */
  kgi_pg_attr(pg, "label", kgi_show_name(n));
  char start[KGI_DATE_MAX], end[KGI_DATE_MAX];
  write_interval(pg, kgi_show_node_period(n, start, end, sizeof start), start, end);
  kgi_pg_start(pg, "attvalues");
  kgi_pg_node_columns(pg, n, put_attvalue);
  kgi_pg_values(pg, KGI_FOR_NODE, n->props, n->nprops, put_attvalue);
  kgi_pg_end(pg);
  write_viz(pg, n);
  kgi_pg_end(pg);
}

static void write_edge(kgi_pg *pg, size_t i, const void *ctx) {
  const version *v = ctx;
  const kg_edge *e = pg->g->edges[i];
  kgi_buf *text = &pg->text;
  kgi_pg_edge_start(pg, e);
  kgi_buf_clear(text);
  kgi_show_relation(text, e->pred);
  kgi_pg_attr(pg, "label", kgi_buf_str(text));
  /* the edge kind keeps parallel relations apart: Gephi merges same-kind parallel edges */
  kgi_buf_clear(text);
  kgi_buf_put_curie(text, e->pred);
  if (v->kinds)
    kgi_pg_attr(pg, "kind", kgi_buf_str(text));
  if (text->oom && !pg->st)
    pg->st = kgi_error_oom(pg->err);
  char start[KGI_DATE_MAX], end[KGI_DATE_MAX];
  write_interval(pg, kgi_show_edge_period(e, start, end, sizeof start), start, end);
  kgi_pg_start(pg, "attvalues");
  kgi_pg_edge_columns(pg, e, put_attvalue);
  kgi_pg_values(pg, KGI_FOR_EDGE, e->quals, e->nquals, put_attvalue);
  kgi_pg_end(pg);
  kgi_pg_end(pg);
}

/* <nodes count="N">…</nodes>, then the same for edges. */
static void write_elements(kgi_pg *pg, const version *v) {
  const kg_graph *g = pg->g;
  char num[32];
  kgi_pg_start(pg, "nodes");
  snprintf(num, sizeof num, "%zu", g->nnodes);
  kgi_pg_attr(pg, "count", num);
  kgi_pg_elements(pg, g->nnodes, write_node, NULL);
  kgi_pg_end(pg);
  kgi_pg_start(pg, "edges");
  snprintf(num, sizeof num, "%zu", g->nedges);
  kgi_pg_attr(pg, "count", num);
  kgi_pg_elements(pg, g->nedges, write_edge, v);
  kgi_pg_end(pg);
}

static void write_document(kgi_pg *pg, const version *v) {
  const kg_graph *g = pg->g;
  kgi_pg_document_start(pg, "gexf");
  kgi_pg_attr(pg, "xmlns", v->ns);
  kgi_pg_attr(pg, "xmlns:viz", v->viz_ns);
  kgi_pg_attr(pg, "version", v->number);
  kgi_pg_start(pg, "meta");
  kgi_pg_element(pg, "creator", KGI_PG_MARK " " KG_VERSION);
  kgi_pg_element(pg, "description", kgi_show_title(g));
  kgi_pg_end(pg);
  kgi_pg_start(pg, "graph");
  kgi_pg_attr(pg, "defaultedgetype", "directed");
  bool datetime;
  if (graph_is_dynamic(g, &datetime)) {
    kgi_pg_attr(pg, "mode", "dynamic");
    kgi_pg_attr(pg, "timeformat", datetime ? "dateTime" : "date");
    if (v->timerepresentation)
      kgi_pg_attr(pg, "timerepresentation", "interval");
  } else {
    kgi_pg_attr(pg, "mode", "static");
  }
  write_attribute_decls(pg, KGI_FOR_NODE);
  write_attribute_decls(pg, KGI_FOR_EDGE);
  write_elements(pg, v);
  kgi_pg_document_end(pg);
}

static kg_status write_gexf(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                            kg_error *err) {
  const version *v = &versions[0];
  for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++)
    if (opts->version && strcmp(opts->version, versions[i].name) == 0)
      v = &versions[i];
  kgi_pg pg;
  if (!kgi_pg_open(&pg, g, out, "GEXF", fixed, sizeof fixed / sizeof fixed[0], err)) {
    write_document(&pg, v);
    if (!pg.st)
      kgi_columns_note_losses(&pg.cols, g, true, opts->loss);
  }
  return kgi_pg_close(&pg);
}

const kgi_exporter kgi_exporter_gexf = {
    .name = "gexf",
    .extension = "gexf",
    .description = "GEXF 1.3 for Gephi, with its timeline (libxml2)",
    .write = write_gexf,
    .versions = version_names,
};
