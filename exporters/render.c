/*
 * Pictures rendered in-process by Graphviz's gvc: PNG, SVG and PDF of the same graph the DOT
 * exporter writes (exporters/dot.c), laid out with dot, or sfdp when the graph asks for it
 * (large graphs). The same picture as `dot -Tpng` on the DOT file.
 */
#include "dot_build.h"

#include <errno.h>
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct render {
  const char *format; /* a gvc output format: "png", "svg", "pdf" */
  FILE *out;
} render;

/*
 * The layout depends on the order in which dot meets nodes and edges, and a graph read from
 * a DOT file meets them in the file's order, not in the order they were built. So the graph
 * is written as DOT into memory and read back: the picture is exactly `dot -T` of the file.
 */
static Agraph_t *as_read_from_dot(Agraph_t *built) {
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  if (!mem)
    return NULL;
  int bad = agwrite(built, mem) != 0;
  bad |= fclose(mem) != 0;
  FILE *in = bad ? NULL : fmemopen(text, len, "r");
  Agraph_t *g = in ? agread(in, kgi_dot_disc(false)) : NULL;
  if (in)
    fclose(in);
  free(text);
  return g;
}

/*
 * One Graphviz context for the whole process, made on first use and kept: gvc 2.43's pango
 * plugin keeps its font map in a static cache that gvFreeContext frees but a later context
 * still uses (a use-after-free on the second picture of a process, caught by ASan). Not
 * thread-safe, as Graphviz is not.
 */
static GVC_t *context(void) {
  static GVC_t *gvc;
  if (!gvc)
    gvc = gvContext();
  return gvc;
}

static kg_status render_action(Agraph_t *built, void *ctx, kg_error *err) {
  render *r = ctx;
  Agraph_t *root = as_read_from_dot(built);
  if (!root)
    return kgi_error_set(err, KG_ELIB, "Graphviz: cannot read back the graph");
  GVC_t *gvc = context();
  if (!gvc) {
    kgi_dot_close(root);
    return kgi_error_set(err, KG_ELIB, "Graphviz: cannot create a rendering context");
  }
  const char *engine = agget(root, "layout");
  if (!engine || !*engine)
    engine = "dot";
  kg_status st = KG_OK;
  if (gvLayout(gvc, root, engine) != 0) {
    st = kgi_error_set(err, KG_ELIB, "Graphviz: the %s layout failed", engine);
  } else {
    /* gvc 2.43 takes a non-const format name; it only reads it */
    char format[16];
    snprintf(format, sizeof format, "%s", r->format);
    /* rendered into memory, then written here: gvc's own writer ends the process (exit 1)
       when a write fails, a full disk or a closed output */
    char *data = NULL;
    unsigned int len = 0;
    if (gvRenderData(gvc, root, format, &data, &len) != 0 || !data)
      st = kgi_error_set(err, KG_ELIB, "Graphviz cannot render %s here", r->format);
    else if (fwrite(data, 1, len, r->out) != len)
      st = kgi_error_set(err, KG_EIO, "cannot write: %s", strerror(errno));
    if (data)
      gvFreeRenderData(data);
    gvFreeLayout(gvc, root);
  }
  kgi_dot_close(root);
  return st;
}

/* A picture of the view opts asks for; a format without tooltips (PNG, PDF) loses what they
 * hold, and the -v report counts it. */
static kg_status render_picture(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                                const char *format, bool tooltips, kg_error *err) {
  render r = {format, out};
  kgi_write_opts o = *opts;
  o.no_tooltips = !tooltips;
  return kgi_dot_with_graph(g, &o, render_action, &r, err);
}

static kg_status write_png(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                           kg_error *err) {
  return render_picture(g, out, opts, "png", false, err);
}

static kg_status write_svg(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                           kg_error *err) {
  return render_picture(g, out, opts, "svg", true, err);
}

static kg_status write_pdf(const kg_graph *g, FILE *out, const kgi_write_opts *opts,
                           kg_error *err) {
  return render_picture(g, out, opts, "pdf", false, err);
}

const kgi_exporter kgi_exporter_png = {
    .name = "png",
    .extension = "png",
    .description = "PNG picture, laid out and rendered by Graphviz (gvc)",
    .write = write_png,
    .views = true,
};

const kgi_exporter kgi_exporter_svg = {
    .name = "svg",
    .extension = "svg",
    .description = "SVG picture with Wikidata links and tooltips (gvc)",
    .write = write_svg,
    .views = true,
};

const kgi_exporter kgi_exporter_pdf = {
    .name = "pdf",
    .extension = "pdf",
    .description = "PDF picture (gvc)",
    .write = write_pdf,
    .views = true,
};
