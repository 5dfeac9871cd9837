/*
 * exporters/exporter.h — one output format = one file in exporters/ = one kgi_exporter; the
 * table is exporters/registry.c. Private to the exporters layer.
 */
#ifndef KGI_EXPORTER_H
#define KGI_EXPORTER_H

#include "model.h"
#include "triples.h"
#include "present.h"
#include "vocab.h"

#include <stdio.h>

typedef struct kgi_exporter {
  const char *name;
  const char *extension;
  const char *description;
  /* Write all of g to out. Never opens, closes or renames files. */
  kg_status (*write)(const kg_graph *g, FILE *out, kg_error *err);
  /* Formats that draw a view (present.h) have this too; write is then their default view. */
  kg_status (*write_view)(const kg_graph *g, FILE *out, kgi_view_kind view, kg_error *err);
} kgi_exporter;

extern const kgi_exporter kgi_exporter_turtle;
extern const kgi_exporter kgi_exporter_ntriples;
extern const kgi_exporter kgi_exporter_nquads;
extern const kgi_exporter kgi_exporter_rdfxml;
extern const kgi_exporter kgi_exporter_graphml;
extern const kgi_exporter kgi_exporter_gexf;
extern const kgi_exporter kgi_exporter_dot;
extern const kgi_exporter kgi_exporter_png;
extern const kgi_exporter kgi_exporter_svg;
extern const kgi_exporter kgi_exporter_pdf;

const kgi_exporter *kgi_exporter_find(const char *name);

#endif /* KGI_EXPORTER_H */
