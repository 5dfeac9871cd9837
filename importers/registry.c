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
    &kgi_importer_rdfxml, /* also what XML whose root is not GraphML's or GEXF's is read as */
    &kgi_importer_nquads,
    &kgi_importer_trig,
    &kgi_importer_graphml,
    &kgi_importer_gexf,
};
/* clang-format on */

#define NIMPORTERS (sizeof importers / sizeof importers[0])

const kgi_importer *kgi_importer_find(const char *name) {
  for (size_t i = 0; name && i < NIMPORTERS; i++)
    if (strcasecmp(importers[i]->name, name) == 0)
      return importers[i];
  return NULL;
}

/*
 * Formats kgexport does not read, by the extension that names them: refused with their
 * name, rather than read as Turtle and reported as a syntax error at their first line.
 */
static const struct unread {
  const char *extension;
  const char *format;
} unread[] = {
    {"jsonld", "JSON-LD"},
};

/* The extension of a file name, without its dot; NULL when it has none. */
static const char *extension_of(const char *name) {
  const char *dot = name ? strrchr(name, '.') : NULL;
  const char *slash = name ? strrchr(name, '/') : NULL;
  return dot && (!slash || dot > slash) ? dot + 1 : NULL;
}

/* The format a file name's extension names, or NULL. */
static const kgi_importer *by_extension(const char *name) {
  const char *ext = extension_of(name);
  for (size_t i = 0; ext && i < NIMPORTERS; i++)
    for (const char *const *e = importers[i]->extensions; *e; e++)
      if (strcasecmp(ext, *e) == 0)
        return importers[i];
  return NULL;
}

/* The format kgexport does not read that a file name's extension names, or NULL. */
static const char *unread_by_extension(const char *name) {
  const char *ext = extension_of(name);
  for (size_t i = 0; ext && i < sizeof unread / sizeof unread[0]; i++)
    if (strcasecmp(ext, unread[i].extension) == 0)
      return unread[i].format;
  return NULL;
}

/* Do the first bytes look like XML (after a byte order mark and white space)? */
static bool looks_like_xml(const char *head, size_t n) {
  if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
    head += 3, n -= 3;
  while (n && (*head == ' ' || *head == '\t' || *head == '\r' || *head == '\n'))
    head++, n--;
  return n >= 5 && (memcmp(head, "<?xml", 5) == 0 || memcmp(head, "<rdf:", 5) == 0 ||
                    memcmp(head, "<!DOC", 5) == 0 || memcmp(head, "<!--", 4) == 0);
}

/*
 * The XML format of the first bytes, by the name of the root element (past the declaration,
 * comments and the document type): GraphML, GEXF, else RDF/XML (also when the root is not in
 * the head: RDF/XML's reader then says what it is).
 */
static const kgi_importer *xml_format(const char *head, size_t n) {
  static const struct {
    const char *root;
    const kgi_importer *format;
  } roots[] = {{"graphml", &kgi_importer_graphml}, {"gexf", &kgi_importer_gexf}};
  for (size_t i = 0; i + 1 < n; i++) {
    if (head[i] != '<' || head[i + 1] == '?' || head[i + 1] == '!' || head[i + 1] == '/')
      continue;
    size_t k = i + 1, end = k;
    while (end < n && head[end] != ' ' && head[end] != '>' && head[end] != '/' &&
           head[end] != '\t' && head[end] != '\r' && head[end] != '\n')
      end++;
    const char *colon = memchr(head + k, ':', end - k); /* a prefixed root: its local name */
    if (colon)
      k = (size_t)(colon - head) + 1;
    for (size_t r = 0; r < sizeof roots / sizeof roots[0]; r++)
      if (end - k == strlen(roots[r].root) && memcmp(head + k, roots[r].root, end - k) == 0)
        return roots[r].format;
    break;
  }
  return &kgi_importer_rdfxml;
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

/* KG_ENOTFOUND for a name no input format has: the closest one by name or extension
 * ("turtel", "ttl": turtle) suggested, and the list. */
static kg_status unknown_format(const char *asked, kg_error *err) {
  const char *names[NIMPORTERS];
  const char *const *aliases[NIMPORTERS];
  for (size_t i = 0; i < NIMPORTERS; i++) {
    names[i] = importers[i]->name;
    aliases[i] = importers[i]->extensions;
  }
  return kgi_unknown_name(err, "input format", "Input formats", asked, names, aliases, NIMPORTERS);
}

kg_status kg_input_format_check(const char *format, kg_error *err) {
  if (!format)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  return kgi_importer_find(format) ? KG_OK : unknown_format(format, err);
}

/*
 * The format to read an input as: the one asked for, else the extension's, else by its first
 * bytes (XML by its root element: GraphML, GEXF, else RDF/XML), else Turtle (N-Triples is a
 * subset of it). Input whose extension names a format kgexport does not read (JSON-LD) is
 * refused here with a message that says so, rather than as a syntax error at its first line.
 */
static kg_status choose(const kgi_importer **out, const char *asked, const char *name,
                        const char *head, size_t n, kg_error *err) {
  if (asked)
    return (*out = kgi_importer_find(asked)) ? KG_OK : unknown_format(asked, err);
  const char *other = unread_by_extension(name);
  const kgi_importer *by_ext = by_extension(name);
  if (!other) {
    bool xml = (!by_ext || by_ext == &kgi_importer_rdfxml) && looks_like_xml(head, n);
    *out = xml ? xml_format(head, n) : by_ext ? by_ext : importers[0];
    return KG_OK;
  }
  kgi_buf names;
  kgi_buf_init(&names);
  put_names(&names);
  kgi_error_set(err, KG_EDATA,
                "%s: this is %s (by its extension), which kgexport does not read; it reads %s",
                name, other, kgi_buf_str(&names));
  kgi_buf_dispose(&names);
  return KG_EDATA;
}

static kg_status check_options(const kg_import_options *opts, kg_error *err) {
  if (opts && (opts->version < 1 || opts->version > KG_IMPORT_OPTIONS_VERSION))
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
  return st ? st : kgi_read(out, fmt, NULL, data, len, name, NULL, base, NULL, err);
}

/* An open stream: its first bytes read to choose the format (a pipe cannot seek back), then
 * handed to the reader first. */
static kg_status import_open(kg_graph **out, FILE *in, const char *name, const char *iri,
                             const kg_import_options *opts, kg_error *err) {
  char head[1024]; /* enough for an XML root element after a declaration and a comment */
  size_t n = fread(head, 1, sizeof head, in);
  if (n < sizeof head && ferror(in))
    return kgi_error_set(err, KG_EIO, "%s: read failed: %s", name, strerror(errno));
  const kgi_importer *fmt;
  kg_status st = choose(&fmt, opts ? opts->syntax : NULL, name, head, n, err);
  return st ? st
            : kgi_read(out, fmt, n < sizeof head ? NULL : in, head, n, name, iri,
                       opts ? opts->base : NULL, opts, err);
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
  st = import_open(out, f, path, NULL, opts, err);
  fclose(f);
  return st;
}

/* The name and the IRI of standard input (kgexport.h, kg_import_stream). */
#define STDIN_NAME "<stdin>"
#define STDIN_IRI "file:///dev/stdin#"

kg_status kg_import_stream(kg_graph **out, FILE *in, const char *name,
                           const kg_import_options *opts, kg_error *err) {
  if (!out || !in)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  kg_status st = check_options(opts, err);
  if (st)
    return st;
  bool std_in = !name || strcmp(name, "-") == 0;
  return import_open(out, in, std_in ? STDIN_NAME : name, std_in ? STDIN_IRI : NULL, opts, err);
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
