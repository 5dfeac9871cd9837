/* The shared part of the GraphML and GEXF writers (see pgwriter.h). */
#include "pgwriter.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

/* Record a libxml2 failure (< 0) as the writer's first error. */
static void check(kgi_pg *pg, int rc) {
  if (!pg->st && rc < 0)
    pg->st = kgi_error_set(pg->err, KG_EIO, "%s: the XML writer failed", pg->format);
}

/*
 * What libxml2 2.9's writer may rewrite, by byte: 1 in element text (xmlEncodeSpecialChars:
 * < > & " and CR), 2 in an attribute value (also TAB, LF and the other controls). Non-ASCII
 * bytes in attributes take the escaping path too, to be safe (libxml2 writes them as they
 * are when the document's encoding is set, as ours is), so a raw write is never a change.
 */
static const unsigned char xml_rewrites[256] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 3, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/*
 * xmlTextWriterWriteString and xmlTextWriterWriteAttribute, same bytes out: text the writer
 * would not change (most ids, numbers, dates, ASCII labels) goes through
 * xmlTextWriterWriteRaw, because libxml2 2.9 otherwise copies every string through its
 * escaper, one allocation per call. The escaping itself stays libxml2's.
 */
void kgi_pg_text(kgi_pg *pg, const char *text) {
  if (pg->st)
    return;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    if (xml_rewrites[*p] & 1) {
      check(pg, xmlTextWriterWriteString(pg->w, X(text)));
      return;
    }
  check(pg, xmlTextWriterWriteRaw(pg->w, X(text)));
}

void kgi_pg_attr(kgi_pg *pg, const char *name, const char *value) {
  if (pg->st)
    return;
  for (const unsigned char *p = (const unsigned char *)value; *p; p++)
    if (xml_rewrites[*p] & 2) {
      check(pg, xmlTextWriterWriteAttribute(pg->w, X(name), X(value)));
      return;
    }
  check(pg, xmlTextWriterStartAttribute(pg->w, X(name)));
  if (!pg->st)
    check(pg, xmlTextWriterWriteRaw(pg->w, X(value)));
  if (!pg->st)
    check(pg, xmlTextWriterEndAttribute(pg->w));
}

void kgi_pg_start(kgi_pg *pg, const char *name) {
  if (!pg->st)
    check(pg, xmlTextWriterStartElement(pg->w, X(name)));
}

void kgi_pg_start_ns(kgi_pg *pg, const char *prefix, const char *name) {
  if (!pg->st)
    check(pg, xmlTextWriterStartElementNS(pg->w, X(prefix), X(name), NULL));
}

void kgi_pg_end(kgi_pg *pg) {
  if (!pg->st)
    check(pg, xmlTextWriterEndElement(pg->w));
}

void kgi_pg_element(kgi_pg *pg, const char *name, const char *text) {
  kgi_pg_start(pg, name);
  kgi_pg_text(pg, text);
  kgi_pg_end(pg);
}

void kgi_pg_document_start(kgi_pg *pg, const char *root) {
  if (!pg->st)
    check(pg, xmlTextWriterStartDocument(pg->w, "1.0", "UTF-8", NULL));
  kgi_pg_start(pg, root);
}

void kgi_pg_document_end(kgi_pg *pg) {
  if (!pg->st)
    check(pg, xmlTextWriterEndDocument(pg->w));
  if (!pg->st)
    check(pg, xmlTextWriterFlush(pg->w));
}

/* libxml2's process-wide state is set up before any writer runs (raptor_world_open, when the
 * vocabulary is read) and never torn down (ontology/raptor_world.c), so writers in several
 * threads share it safely. */
/* libxml2's own report of an error of the writer (a write that failed): the export reports
 * it once, with the file and the system's reason (exporters/registry.c). */
static void ignore_xml_error(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

kg_status kgi_pg_open(kgi_pg *pg, const kg_graph *g, FILE *out, const char *format,
                      const kgi_fixed_column *fixed, size_t nfixed, kg_error *err) {
  memset(pg, 0, sizeof *pg);
  pg->g = g;
  pg->format = format;
  pg->err = err;
  pg->st = kgi_columns_build(&pg->cols, g, fixed, nfixed, err);
  if (pg->st)
    return pg->st;
  pg->old_handler = xmlStructuredError;
  pg->old_handler_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, ignore_xml_error);
  pg->handler_set = true;
  xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
  pg->w = buf ? xmlNewTextWriter(buf) : NULL;
  if (!pg->w) {
    if (buf)
      xmlOutputBufferClose(buf);
    return pg->st = kgi_error_set(err, KG_ELIB, "%s: cannot create the XML writer", format);
  }
  xmlTextWriterSetIndent(pg->w, 1);
  xmlTextWriterSetIndentString(pg->w, X("  "));
  return KG_OK;
}

kg_status kgi_pg_close(kgi_pg *pg) {
  if (pg->w)
    xmlFreeTextWriter(pg->w);
  if (pg->handler_set)
    xmlSetStructuredErrorFunc(pg->old_handler_ctx, pg->old_handler);
  pg->handler_set = false;
  pg->w = NULL;
  kgi_buf_dispose(&pg->scratch);
  kgi_columns_dispose(&pg->cols);
  return pg->st;
}

void kgi_pg_node_start(kgi_pg *pg, const kg_node *n) {
  kgi_pg_start(pg, "node");
  kgi_pg_attr(pg, "id", pg->cols.node_ids[n->index]);
}

void kgi_pg_edge_start(kgi_pg *pg, const kg_edge *e) {
  char id[16];
  snprintf(id, sizeof id, "e%u", (unsigned)e->index);
  kgi_pg_start(pg, "edge");
  kgi_pg_attr(pg, "id", id);
  kgi_pg_attr(pg, "source", pg->cols.node_ids[e->src->index]);
  kgi_pg_attr(pg, "target", pg->cols.node_ids[e->tgt->index]);
}

void kgi_pg_fixed(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *value, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, t, r, NULL, NULL);
  if (k && value && !pg->st)
    put(pg, k, &value, 1);
}

void kgi_pg_fixed_list(kgi_pg *pg, kgi_col_for t, kgi_col_role r, const char *const *items,
                       size_t n, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, t, r, NULL, NULL);
  if (k && n && !pg->st)
    put(pg, k, items, n);
}

void kgi_pg_labels(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  if (!n->nlabels || pg->st)
    return;
  const char **items = kgi_malloc(n->nlabels * sizeof *items);
  if (!items) {
    pg->st = kgi_error_oom(pg->err);
    return;
  }
  for (uint32_t i = 0; i < n->nlabels && !pg->st; i++) {
    bool first = true; /* a language's labels are written with its first one */
    for (uint32_t j = 0; j < i && first; j++)
      first = n->labels[j].lang != n->labels[i].lang;
    if (!first)
      continue;
    size_t m = 0;
    for (uint32_t j = i; j < n->nlabels; j++)
      if (n->labels[j].lang == n->labels[i].lang)
        items[m++] = n->labels[j].text;
    const kgi_column *k =
        kgi_columns_find(&pg->cols, KGI_FOR_NODE, KGI_COL_LABEL_LANG, NULL, n->labels[i].lang);
    if (k)
      put(pg, k, items, m);
  }
  free(items);
}

void kgi_pg_values(kgi_pg *pg, kgi_col_for t, const kgi_prop *props, uint32_t n, kgi_pg_put put) {
  kgi_cell *cells = NULL;
  const char **items = NULL;
  if (!n || pg->st || (pg->st = kgi_columns_cells(&cells, &pg->cols, t, props, n, pg->err)))
    return;
  if (!(items = kgi_malloc(n * sizeof *items))) {
    free(cells);
    pg->st = kgi_error_oom(pg->err);
    return;
  }
  for (uint32_t i = 0; i < n && !pg->st;) {
    uint32_t j = i;
    for (; j < n && cells[j].col == cells[i].col; j++)
      items[j - i] = cells[j].v->lexical;
    put(pg, cells[i].col, items, j - i);
    i = j;
  }
  free(items);
  free(cells);
}

void kgi_pg_classes(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  const kgi_column *k = kgi_columns_find(&pg->cols, KGI_FOR_NODE, KGI_COL_CLASSES, NULL, NULL);
  if (!k || n->nclasses < 2 || pg->st)
    return;
  /* the CURIEs one after another in one buffer, then pointers into it */
  kgi_buf b;
  kgi_buf_init(&b);
  size_t *at = kgi_malloc(n->nclasses * sizeof *at);
  const char **items = kgi_malloc(n->nclasses * sizeof *items);
  for (uint32_t i = 0; at && i < n->nclasses; i++) {
    at[i] = b.len;
    kgi_buf_put_curie(&b, n->classes[i]);
    kgi_buf_put(&b, "", 1); /* keep the NUL between items */
  }
  if (!at || !items || b.oom) {
    pg->st = kgi_error_oom(pg->err);
  } else {
    for (uint32_t i = 0; i < n->nclasses; i++)
      items[i] = b.s + at[i];
    put(pg, k, items, n->nclasses);
  }
  free(at);
  free(items);
  kgi_buf_dispose(&b);
}

/* A fixed column's value composed in pg->scratch. */
static void fixed_scratch(kgi_pg *pg, kgi_col_for t, kgi_col_role r, kgi_pg_put put) {
  if (pg->scratch.oom && !pg->st)
    pg->st = kgi_error_oom(pg->err);
  kgi_pg_fixed(pg, t, r, kgi_buf_str(&pg->scratch), put);
}

void kgi_pg_node_columns(kgi_pg *pg, const kg_node *n, kgi_pg_put put) {
  kgi_pg_labels(pg, n, put);
  if (n->nclasses) {
    kgi_buf_clear(&pg->scratch);
    kgi_buf_put_curie(&pg->scratch, n->classes[0]);
    fixed_scratch(pg, KGI_FOR_NODE, KGI_COL_CLASS, put);
  }
  kgi_pg_classes(pg, n, put);
  kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_IRI, n->iri ? n->iri : n->id, put);
  kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_WIKIDATA, kgi_show_wikidata(n), put);
  kgi_pg_fixed_list(pg, KGI_FOR_NODE, KGI_COL_SAME_AS, n->same_as, n->nsame, put);
  if (n->source)
    kgi_pg_fixed(pg, KGI_FOR_NODE, KGI_COL_CITES, pg->cols.node_ids[n->source->index], put);
}

void kgi_pg_edge_columns(kgi_pg *pg, const kg_edge *e, kgi_pg_put put) {
  kgi_pg_fixed(pg, KGI_FOR_EDGE, KGI_COL_RELATION, e->pred, put);
  if (e->source)
    kgi_pg_fixed(pg, KGI_FOR_EDGE, KGI_COL_CITES, pg->cols.node_ids[e->source->index], put);
  if (kgi_edge_has_statement(e)) {
    kgi_buf_clear(&pg->scratch);
    kgi_edge_statement_iri(&pg->scratch, pg->g, e);
    fixed_scratch(pg, KGI_FOR_EDGE, KGI_COL_STATEMENT, put);
  }
}
