/* The table of output formats. Adding a format: one file in exporters/, one line here. */
#include "dot_build.h"
#include "exporter.h"
#include "sink.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

/* The formats laid out by Graphviz. Above KGI_DOT_LARGE_GRAPH nodes the layout is sfdp's,
 * whose time grows with the graph to minutes (a PNG of 500k triples: a minute, its SVG two),
 * where the data formats, DOT included, take seconds. */
static const kgi_exporter *const laid_out[] = {
    &kgi_exporter_png,
    &kgi_exporter_svg,
    &kgi_exporter_pdf,
};

const kgi_exporter *kgi_exporter_find(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < NEXPORTERS; i++)
    if (strcasecmp(exporters[i]->name, name) == 0)
      return exporters[i];
  return NULL;
}

/* KG_ENOTFOUND for a name no output format has: the closest one by name or extension
 * ("grapml": graphml, "ttl": turtle) suggested, and the list. */
static kg_status unknown_format(const char *asked, kg_error *err) {
  const char *names[NEXPORTERS], *ext[NEXPORTERS][2];
  const char *const *aliases[NEXPORTERS];
  for (size_t i = 0; i < NEXPORTERS; i++) {
    names[i] = exporters[i]->name;
    ext[i][0] = exporters[i]->extension;
    ext[i][1] = NULL;
    aliases[i] = ext[i];
  }
  return kgi_unknown_name(err, "format", "Formats", asked, names, aliases, NEXPORTERS);
}

kg_status kg_format_check(const char *format, kg_error *err) {
  if (!format)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return kgi_exporter_find(format) ? KG_OK : unknown_format(format, err);
}

int kg_format_practical(const kg_graph *g, const char *format) {
  const kgi_exporter *x = kgi_exporter_find(format);
  if (!g || !x)
    return 0;
  for (size_t i = 0; i < sizeof laid_out / sizeof laid_out[0]; i++)
    if (x == laid_out[i])
      return g->nnodes <= KGI_DOT_LARGE_GRAPH;
  return 1;
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

static const char *const view_names[] = {"overview", "full", "timeline"};

kg_status kg_view_from_name(kg_view *out, const char *name, kg_error *err) {
  for (size_t i = 0; name && i < sizeof view_names / sizeof view_names[0]; i++)
    if (strcasecmp(name, view_names[i]) == 0) {
      *out = (kg_view)(KG_VIEW_OVERVIEW + i);
      return KG_OK;
    }
  return kgi_error_set(err, KG_ENOTFOUND, "unknown view '%s'. Views: overview, full, timeline",
                       name ? name : "");
}

int kg_format_has_views(const char *format) {
  const kgi_exporter *x = kgi_exporter_find(format);
  return x && x->views;
}

void kg_export_options_init(kg_export_options *opts) {
  if (opts) {
    memset(opts, 0, sizeof *opts);
    opts->version = KG_EXPORT_OPTIONS_VERSION;
  }
}

/* The view an export draws: the one asked for, else the format's own (the overview). */
static kgi_view_kind view_of(kg_view v) {
  return v == KG_VIEW_FULL       ? KGI_VIEW_FULL
         : v == KG_VIEW_TIMELINE ? KGI_VIEW_TIMELINE
                                 : KGI_VIEW_OVERVIEW;
}

kg_status kg_export_stream_with(const kg_graph *g, const char *format, FILE *out,
                                const kg_export_options *opts, kg_error *err) {
  if (!g || !out)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  if (opts && (opts->version < 1 || opts->version > KG_EXPORT_OPTIONS_VERSION))
    return kgi_error_set(err, KG_EINVAL,
                         "kg_export_options version %u is not %u (call kg_export_options_init)",
                         opts->version, KG_EXPORT_OPTIONS_VERSION);
  /* a version 1 caller's struct ends before on_loss */
  kg_loss_fn on_loss = opts && opts->version >= 2 ? opts->on_loss : NULL;
  const kgi_exporter *x = kgi_exporter_find(format);
  if (!x)
    return unknown_format(format ? format : "", err);
  kg_view view = opts ? opts->view : KG_VIEW_DEFAULT;
  if (view != KG_VIEW_DEFAULT && !x->views)
    return kgi_error_set(err, KG_EINVAL,
                         "%s has no views: a view is what a picture or DOT shows (dot, png, svg, "
                         "pdf); data formats write the whole graph",
                         x->name);
  kgi_loss loss = {.n = 0};
  kgi_write_opts w = {view_of(view), x->versions ? x->versions[0] : NULL, on_loss ? &loss : NULL,
                      false};
  const char *asked = opts ? opts->format_version : NULL;
  if (asked) {
    w.version = NULL;
    for (const char *const *v = x->versions; v && *v && !w.version; v++)
      if (strcasecmp(*v, asked) == 0)
        w.version = *v;
    if (!w.version) {
      kgi_buf list;
      kgi_buf_init(&list);
      for (const char *const *v = x->versions; v && *v; v++)
        kgi_buf_printf(&list, "%s%s", v == x->versions ? "" : ", ", *v);
      kgi_error_set(err, KG_EINVAL, "%s has no version '%s'%s%s", x->name, asked,
                    x->versions ? "; it writes " : " to choose", kgi_buf_str(&list));
      kgi_buf_dispose(&list);
      return KG_EINVAL;
    }
  }
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;
  unsigned long oom_before = kgi_oom_events();
  errno = 0;
  st = kgi_oom_verdict(oom_before, x->write(g, out, &w, err), err);
  int failed_write = ferror(out) ? errno : 0;
  if (fflush(out) != 0 || ferror(out)) {
    /* whatever the writer said (libxml2's, raptor's, cgraph's own failure), the cause is
       the system's: one message for every format */
    int cause = failed_write ? failed_write : errno ? errno : EIO;
    kg_error_init(err);
    st = kgi_error_set(err, KG_EIO, "cannot write: %s", strerror(cause));
  }
  for (size_t i = 0; !st && on_loss && i < loss.n; i++)
    on_loss(opts->loss_ctx, x->name, loss.item[i].what, loss.item[i].count);
  return st;
}

void kgi_loss_add(kgi_loss *l, const char *what, uint64_t count) {
  if (!l || !count)
    return;
  size_t i = 0;
  while (i < l->n && l->item[i].what != what)
    i++;
  if (i == l->n) {
    if (l->n == KGI_LOSS_KINDS)
      return; /* more kinds than any exporter counts: a programming error, never a crash */
    l->item[l->n].what = what;
    l->item[l->n++].count = 0;
  }
  l->item[i].count += count;
}

kg_status kg_export_stream(const kg_graph *g, const char *format, FILE *out, kg_error *err) {
  return kg_export_stream_with(g, format, out, NULL, err);
}

kg_status kg_export_file_with(const kg_graph *g, const char *format, const char *path,
                              const kg_export_options *opts, kg_error *err) {
  if (!path)
    return kgi_error_set(err, KG_EINVAL, "missing path");
  kg_status st = kg_format_check(format ? format : "", err);
  if (st)
    return st;
  kgi_sink sink;
  if ((st = kgi_sink_open(&sink, path, err)))
    return st;
  st = kg_export_stream_with(g, format, sink.fp, opts, err);
  if (st) {
    kgi_sink_abort(&sink);
    if (st == KG_EIO && err) { /* a stream has no name: the file's goes first */
      char msg[sizeof err->message];
      snprintf(msg, sizeof msg, "%s", err->message);
      kg_error_init(err);
      kgi_error_set(err, KG_EIO, "%s: %s", path, msg);
    }
    return st;
  }
  return kgi_sink_commit(&sink, err);
}

kg_status kg_export_file(const kg_graph *g, const char *format, const char *path, kg_error *err) {
  return kg_export_file_with(g, format, path, NULL, err);
}
