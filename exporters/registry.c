/* The table of output formats. Adding a format: one file in exporters/, one line here. */
#include "exporter.h"
#include "sink.h"

#include <string.h>

/* clang-format off */
static const kgi_exporter *const exporters[] = {
    &kgi_exporter_turtle, /* the first is the default format */
    &kgi_exporter_ntriples,
    &kgi_exporter_nquads,
    &kgi_exporter_rdfxml,
    &kgi_exporter_graphml,
    &kgi_exporter_gexf,
    &kgi_exporter_dot,
    &kgi_exporter_png,
    &kgi_exporter_svg,
    &kgi_exporter_pdf,
};
/* clang-format on */

#define NEXPORTERS (sizeof exporters / sizeof exporters[0])

const kgi_exporter *kgi_exporter_find(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < NEXPORTERS; i++)
    if (strcmp(exporters[i]->name, name) == 0)
      return exporters[i];
  return NULL;
}

const char *kg_format_name(size_t i) { return i < NEXPORTERS ? exporters[i]->name : NULL; }

const char *kg_format_extension(const char *format) {
  const kgi_exporter *x = kgi_exporter_find(format);
  return x ? x->extension : NULL;
}

const char *kg_format_description(const char *format) {
  const kgi_exporter *x = kgi_exporter_find(format);
  return x ? x->description : NULL;
}

kg_status kg_export_stream(const kg_graph *g, const char *format, FILE *out, kg_error *err) {
  if (!g || !out)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  const kgi_exporter *x = kgi_exporter_find(format);
  if (!x)
    return kgi_error_set(err, KG_ENOTFOUND, "unknown format \"%s\"", format ? format : "");
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;
  st = x->write(g, out, err);
  if (!st && (fflush(out) != 0 || ferror(out)))
    st = kgi_error_set(err, KG_EIO, "write failed");
  return st;
}

kg_status kg_export_file(const kg_graph *g, const char *format, const char *path, kg_error *err) {
  if (!path)
    return kgi_error_set(err, KG_EINVAL, "missing path");
  if (!kgi_exporter_find(format))
    return kgi_error_set(err, KG_ENOTFOUND, "unknown format \"%s\"", format ? format : "");
  kgi_sink sink;
  kg_status st = kgi_sink_open(&sink, path, err);
  if (st)
    return st;
  st = kg_export_stream(g, format, sink.fp, err);
  if (st) {
    kgi_sink_abort(&sink);
    return st;
  }
  return kgi_sink_commit(&sink, err);
}
