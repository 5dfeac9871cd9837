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

/* What a format could not carry, counted by kind while it writes (kg_loss_fn). */
enum { KGI_LOSS_KINDS = 8 };
typedef struct kgi_loss {
  struct {
    const char *what; /* a static string */
    uint64_t count;
  } item[KGI_LOSS_KINDS];
  size_t n;
} kgi_loss;

/* Add count to the kind `what` (the same pointer each time); nothing when l is NULL. */
void kgi_loss_add(kgi_loss *l, const char *what, uint64_t count);

/* What an export asks of a format beyond the graph. */
typedef struct kgi_write_opts {
  kgi_view_kind view;
  const char *version; /* one of the format's versions */
  kgi_loss *loss;      /* NULL: nobody asked what was lost */
  bool no_tooltips;    /* a picture without tooltips (PNG, PDF): what they hold is lost */
} kgi_write_opts;

typedef struct kgi_exporter {
  const char *name;
  const char *extension;
  const char *description;
  /* Write all of g to out, as opts asks (resolved by the registry: never NULL, its view a real
   * one, its version one of the format's). Never opens, closes or renames files. */
  kg_status (*write)(const kg_graph *g, FILE *out, const kgi_write_opts *opts, kg_error *err);
  bool views;                  /* draws a view (dot and the pictures) */
  const char *const *versions; /* the versions it writes, newest first; NULL: one */
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
