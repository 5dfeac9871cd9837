/*
 * The table of input formats and the public import functions. Adding a reader: one file in
 * importers/ with its kgi_importer, one line in the table.
 */
#include "importer.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

/* clang-format off */
static const kgi_importer *const importers[] = {
    &kgi_importer_turtle, /* the first is what an input without a known extension is read as */
    &kgi_importer_ntriples,
};
/* clang-format on */

#define NIMPORTERS (sizeof importers / sizeof importers[0])

const kgi_importer *kgi_importer_find(const char *name) {
  for (size_t i = 0; name && i < NIMPORTERS; i++)
    if (strcasecmp(importers[i]->name, name) == 0)
      return importers[i];
  return NULL;
}

/* The format a file name's extension names, or NULL. */
static const kgi_importer *by_extension(const char *name) {
  const char *dot = name ? strrchr(name, '.') : NULL;
  const char *slash = name ? strrchr(name, '/') : NULL;
  if (!dot || (slash && dot < slash))
    return NULL;
  for (size_t i = 0; i < NIMPORTERS; i++)
    for (const char *const *e = importers[i]->extensions; *e; e++)
      if (strcasecmp(dot + 1, *e) == 0)
        return importers[i];
  return NULL;
}

const char *kg_input_format_name(size_t i) { return i < NIMPORTERS ? importers[i]->name : NULL; }

const char *kg_input_format_description(const char *format) {
  const kgi_importer *f = kgi_importer_find(format);
  return f ? f->description : NULL;
}

/* The names of the input formats, for messages: "turtle, ntriples". */
static void put_names(kgi_buf *b) {
  for (size_t i = 0; i < NIMPORTERS; i++)
    kgi_buf_printf(b, "%s%s", i ? ", " : "", importers[i]->name);
}

/*
 * The format to read an input as: the one asked for, else the extension's, else Turtle
 * (N-Triples is a subset of it). Input that is XML (RDF/XML, GraphML, GEXF) is refused here
 * with a message that says so, rather than as a Turtle syntax error at its first '<'.
 */
static kg_status choose(const kgi_importer **out, const char *asked, const char *name,
                        const char *head, size_t n, kg_error *err) {
  kgi_buf names;
  kgi_buf_init(&names);
  put_names(&names);
  kg_status st = KG_OK;
  if (asked) {
    if (!(*out = kgi_importer_find(asked)))
      st = kgi_error_set(err, KG_ENOTFOUND, "unknown input format \"%s\" (%s)", asked,
                         kgi_buf_str(&names));
  } else if (!(*out = by_extension(name))) {
    while (n && (*head == ' ' || *head == '\t' || *head == '\r' || *head == '\n'))
      head++, n--;
    if (n >= 5 && (memcmp(head, "<?xml", 5) == 0 || memcmp(head, "<rdf:", 5) == 0 ||
                   memcmp(head, "<!DOC", 5) == 0))
      st = kgi_error_set(err, KG_EDATA,
                         "%s: this is XML (RDF/XML, GraphML or GEXF?), which kgexport does not "
                         "read; it reads %s",
                         name, kgi_buf_str(&names));
    *out = importers[0];
  }
  kgi_buf_dispose(&names);
  return st;
}

static kg_status check_options(const kg_import_options *opts, kg_error *err) {
  if (opts && opts->version != KG_IMPORT_OPTIONS_VERSION)
    return kgi_error_set(err, KG_EINVAL,
                         "kg_import_options version %u is not %u (call "
                         "kg_import_options_init)",
                         opts->version, KG_IMPORT_OPTIONS_VERSION);
  return KG_OK;
}

void kg_import_options_init(kg_import_options *opts) {
  if (opts) {
    memset(opts, 0, sizeof *opts);
    opts->version = KG_IMPORT_OPTIONS_VERSION;
  }
}

kg_status kg_import_buffer(kg_graph **out, const char *data, size_t len, const char *name,
                           const char *syntax, const char *base, kg_error *err) {
  if (!out || (!data && len))
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  if (!name)
    name = "<input>";
  data = data ? data : "";
  const kgi_importer *fmt;
  kg_status st = choose(&fmt, syntax, name, data, len, err);
  return st ? st : kgi_read(out, fmt, NULL, data, len, name, base, NULL, err);
}

kg_status kg_import_file_with(kg_graph **out, const char *path, const kg_import_options *opts,
                              kg_error *err) {
  if (!out || !path)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  kg_status st = check_options(opts, err);
  if (st)
    return st;
  FILE *f = fopen(path, "rb");
  if (!f)
    return kgi_error_set(err, KG_EIO, "%s: cannot open: %s", path, strerror(errno));
  /* the first bytes, for choosing a format when the name does not say */
  char head[64];
  size_t n = fread(head, 1, sizeof head, f);
  const kgi_importer *fmt;
  st = choose(&fmt, opts ? opts->syntax : NULL, path, head, n, err);
  if (!st && fseek(f, 0, SEEK_SET) != 0)
    st = kgi_error_set(err, KG_EIO, "%s: cannot read from the start: %s", path, strerror(errno));
  if (!st)
    st = kgi_read(out, fmt, f, NULL, 0, path, opts ? opts->base : NULL, opts, err);
  fclose(f);
  return st;
}

kg_status kg_import_file(kg_graph **out, const char *path, const char *syntax, const char *base,
                         kg_error *err) {
  kg_import_options opts;
  kg_import_options_init(&opts);
  opts.syntax = syntax;
  opts.base = base;
  return kg_import_file_with(out, path, &opts, err);
}

#define STORY_BASE "https://kgexport.org/story/trump-xi-call-2025-11-24/"

kg_status kg_import_story(kg_graph **out, kg_error *err) {
  return kg_import_buffer(out, kgi_story_ttl, kgi_story_ttl_len,
                          "examples/trump-xi-call-2025-11-24.ttl", "turtle", STORY_BASE, err);
}
