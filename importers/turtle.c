/*
 * Turtle through Redland's raptor parser. raptor reports the line where it finished a
 * triple; map.c searches back from there for the term an error is about.
 */
#include "importer.h"

#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

typedef struct turtle {
  raptor_world *world;
  raptor_parser *parser;
  raptor_uri *base;
} turtle;

static const char *uri_str(raptor_uri *u) { return (const char *)raptor_uri_as_string(u); }

/* A raptor term as ours: strings borrowed from raptor for the callback's duration. */
static void from_raptor(kgi_term *out, const raptor_term *t) {
  memset(out, 0, sizeof *out);
  switch (t->type) {
  case RAPTOR_TERM_TYPE_BLANK:
    out->type = KGI_TERM_BLANK;
    out->str = (const char *)t->value.blank.string;
    out->len = t->value.blank.string_len;
    break;
  case RAPTOR_TERM_TYPE_LITERAL:
    out->type = KGI_TERM_LITERAL;
    out->str = (const char *)t->value.literal.string;
    out->len = t->value.literal.string_len;
    if (t->value.literal.language && t->value.literal.language_len)
      out->lang = (const char *)t->value.literal.language;
    if (t->value.literal.datatype)
      out->datatype = uri_str(t->value.literal.datatype);
    break;
  default:
    out->type = KGI_TERM_IRI;
    out->str = uri_str(t->value.uri);
    out->len = strlen(out->str);
    break;
  }
}

static size_t parser_line(const turtle *t) {
  raptor_locator *loc = raptor_parser_get_locator(t->parser);
  return loc && loc->line > 0 ? (size_t)loc->line : 1;
}

static void on_triple(void *data, raptor_statement *st) {
  kgi_input *in = data;
  turtle *t = in->reader;
  kgi_term s, p, o;
  from_raptor(&s, st->subject);
  from_raptor(&p, st->predicate);
  from_raptor(&o, st->object);
  in->cur_line = parser_line(t);
  kgi_input_triple(in, &s, &p, &o);
  if (in->status)
    raptor_parser_parse_abort(t->parser);
}

/* A prefix the input declares: kept, so that ids read as the input wrote them ("ex:alice"). */
static void on_namespace(void *data, raptor_namespace *ns) {
  kgi_input *in = data;
  const unsigned char *prefix = raptor_namespace_get_prefix(ns);
  raptor_uri *uri = raptor_namespace_get_uri(ns);
  if (in->status || !prefix || !*prefix || !uri)
    return; /* the empty prefix makes no readable CURIE */
  kg_error local;
  kg_error_init(&local);
  kg_status st = kgi_graph_add_prefix(in->g, (const char *)prefix, uri_str(uri), &local);
  if (st) {
    kgi_input_fail(in, st, NULL, false, local.message);
    raptor_parser_parse_abort(((turtle *)in->reader)->parser);
  }
}

static void on_log(void *data, raptor_log_message *m) {
  kgi_input *in = data;
  turtle *t = in->reader;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR || in->status)
    return;
  raptor_locator *loc = m->locator;
  if ((!loc || loc->line <= 0) && t && t->parser)
    loc = raptor_parser_get_locator(t->parser);
  if (loc && loc->line > 0 && loc->column > 0)
    kgi_error_set(in->err, KG_EPARSE, "%s:%d:%d: %s", in->name, loc->line, loc->column, m->text);
  else if (loc && loc->line > 0)
    kgi_error_set(in->err, KG_EPARSE, "%s:%d: %s", in->name, loc->line, m->text);
  else
    kgi_error_set(in->err, KG_EPARSE, "%s: %s", in->name, m->text);
  in->status = KG_EPARSE;
  if (t && t->parser)
    raptor_parser_parse_abort(t->parser);
}

static kg_status start(kgi_input *in) {
  turtle *t = kgi_calloc(1, sizeof *t);
  if (!t)
    return kgi_error_oom(in->err);
  in->reader = t;
  if (!(t->world = kgi_raptor_world_get()))
    return kgi_error_set(in->err, KG_ELIB, "cannot start the RDF parser");
  raptor_world_set_log_handler(t->world, in, on_log);
  t->parser = raptor_new_parser(t->world, "turtle");
  t->base = raptor_new_uri(t->world, (const unsigned char *)in->parse_base);
  if (!t->parser || !t->base)
    return kgi_error_set(in->err, KG_ELIB, "cannot create the turtle parser");
  /* untrusted input: never fetch anything */
  raptor_parser_set_option(t->parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(t->parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(t->parser, in, on_triple);
  raptor_parser_set_namespace_handler(t->parser, in, on_namespace);
  if (raptor_parser_parse_start(t->parser, t->base) != 0)
    return kgi_error_set(in->err, KG_ELIB, "cannot start the turtle parser");
  return KG_OK;
}

static kg_status feed(kgi_input *in, const char *data, size_t n, bool at_end) {
  turtle *t = in->reader;
  raptor_parser_parse_chunk(t->parser, (const unsigned char *)data, n, at_end);
  return in->status;
}

static void finish(kgi_input *in) {
  turtle *t = in->reader;
  if (!t)
    return;
  if (t->parser)
    raptor_free_parser(t->parser);
  if (t->base)
    raptor_free_uri(t->base);
  kgi_raptor_world_put(t->world);
  free(t);
  in->reader = NULL;
}

static const char *const extensions[] = {"ttl", "turtle", NULL};

const kgi_importer kgi_importer_turtle = {
    .name = "turtle",
    .extensions = extensions,
    .description = "Turtle 1.1 (raptor)",
    .start = start,
    .feed = feed,
    .finish = finish,
};
