/*
 * What a node or an edge shows, the same in every visual format (see present.h): the DOT
 * and the pictures, GraphML's and GEXF's label columns, the Wikidata links.
 */
#include "present.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A string value under a naming property (foaf:name, schema:name, skos:prefLabel, ...: see
 * ontology/alignments.ttl), in KGI_SHOW_LANG when there is one; NULL when none. */
static const char *aligned_name(const kg_node *n) {
  const char *any = NULL;
  for (uint32_t i = 0; i < n->nprops; i++) {
    const kg_value *v = &n->props[i].value;
    if ((v->kind != KG_VALUE_STRING && v->kind != KG_VALUE_LANGSTRING) ||
        !kgi_vocab_names(n->props[i].pred))
      continue;
    if (v->kind == KG_VALUE_LANGSTRING && strcmp(v->lang, KGI_SHOW_LANG) == 0)
      return v->lexical;
    if (!any)
      any = v->lexical;
  }
  return any;
}

const char *kgi_show_title(const kg_graph *g) { return g->title ? g->title : g->base; }

const char *kgi_show_name(const kg_node *n) {
  /* rdfs:label first; a node with none shows its aligned name, else its id */
  const char *aligned = n->nlabels ? NULL : aligned_name(n);
  return aligned ? aligned : kg_node_display_label(n, KGI_SHOW_LANG);
}

static bool is_cjk_lang(const char *lang) {
  return (strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
          strncmp(lang, "ko", 2) == 0) &&
         (lang[2] == '\0' || lang[2] == '-');
}

const char *kgi_show_native_name(const kg_node *n, const char *shown) {
  for (uint32_t i = 0; i < n->nlabels; i++)
    if (is_cjk_lang(n->labels[i].lang))
      return strcmp(n->labels[i].text, shown) != 0 ? n->labels[i].text : NULL;
  return NULL;
}

/* "participatedIn" -> "participated in"; '_' and '-' become spaces, acronyms stay. */
static void put_readable_name(kgi_buf *b, const char *name) {
  for (const char *p = name; *p; p++) {
    char c = *p;
    bool upper = c >= 'A' && c <= 'Z';
    bool after_word =
        p > name && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
    if (c == '_' || c == '-') {
      kgi_buf_puts(b, " ");
      continue;
    }
    if (upper && after_word)
      kgi_buf_puts(b, " ");
    if (upper && !(p[1] >= 'A' && p[1] <= 'Z'))
      c = (char)(c - 'A' + 'a');
    kgi_buf_put(b, &c, 1);
  }
}

void kgi_show_relation(kgi_buf *b, const char *pred) {
  const char *label = kgi_vocab_label(pred);
  if (label)
    kgi_buf_puts(b, label);
  else
    put_readable_name(b, kgi_local_name(pred));
}

const char *kgi_show_wikidata(const kg_node *n) {
  size_t nwd = strlen(KGI_WD);
  for (uint32_t i = 0; i < n->nsame; i++) {
    if (strncmp(n->same_as[i], KGI_WD, nwd) != 0)
      continue;
    const char *id = n->same_as[i] + nwd;
    /* only plain ids: a page URL made of them needs no escaping */
    size_t len = strlen(id);
    if (id[0] && strchr("QPL", id[0]) && len > 1 && strspn(id + 1, "0123456789") == len - 1)
      return id;
  }
  return NULL;
}

const kg_value *kgi_show_value(const kg_node *n, const char *pred) {
  for (uint32_t i = 0; i < n->nprops; i++)
    if (strcmp(n->props[i].pred, pred) == 0)
      return &n->props[i].value;
  return NULL;
}

/* The first value under pred or a property aligned to it (wdt:P580 for schema:startDate). */
static const kg_value *aligned_value(const kg_node *n, const char *pred) {
  for (uint32_t i = 0; i < n->nprops; i++)
    if (kgi_vocab_is_a(n->props[i].pred, pred))
      return &n->props[i].value;
  return NULL;
}

/* A date as shown: a dateTime at midnight UTC (Wikidata writes every day so) as its day. */
static void put_day(kgi_buf *b, const char *lexical) {
  const char *t = strchr(lexical, 'T');
  if (t && strcmp(t, "T00:00:00Z") == 0)
    kgi_buf_put(b, lexical, (size_t)(t - lexical));
  else
    kgi_buf_puts(b, lexical);
}

void kgi_show_dates(kgi_buf *b, const char *sep, const kg_node *n, const char *shown) {
  const kg_value *start = aligned_value(n, KGI_SCHEMA "startDate");
  const kg_value *end = aligned_value(n, KGI_SCHEMA "endDate");
  if (!start)
    start = kgi_show_value(n, KG_NS "date");
  if ((!start && !end) || (start && !end && strstr(shown, start->lexical)))
    return;
  kgi_buf_puts(b, sep);
  if (start)
    put_day(b, start->lexical);
  if (end) {
    kgi_buf_puts(b, " \xE2\x80\x93 "); /* – */
    put_day(b, end->lexical);
  }
}

bool kgi_show_amount(kgi_buf *b, const kg_node *n) {
  const kg_value *amount = kgi_show_value(n, KGI_SCHEMA "value");
  if (!amount || !kgi_show_is(n, "Quantity"))
    return false;
  const kg_value *unit = kgi_show_value(n, KGI_SCHEMA "unitText");
  const kg_value *approx = kgi_show_value(n, KG_NS "approximate");
  if (approx && strcmp(approx->lexical, "true") == 0)
    kgi_buf_puts(b, "\xE2\x89\x88 "); /* ≈ */
  kgi_buf_puts(b, amount->lexical);
  if (unit) {
    kgi_buf_puts(b, " ");
    kgi_buf_puts(b, unit->lexical);
  }
  return true;
}

const char *kgi_show_words(const kg_node *n) {
  const kg_value *text = kgi_show_value(n, KGI_SCHEMA "text");
  return text ? text->lexical : NULL;
}

const char *kgi_show_quote(const kg_node *n) {
  const char *words = kgi_show_words(n);
  return words && kgi_show_is(n, "Quote") ? words : NULL;
}

bool kgi_show_is(const kg_node *n, const char *cls) {
  const kgi_style *s = kgi_style_for(n);
  return s->cls && strcmp(s->cls, cls) == 0;
}

bool kgi_show_is_context(const kg_edge *e) {
  return strcmp(e->pred, KG_NS "topic") == 0 || strcmp(e->pred, KGI_SCHEMA "about") == 0;
}

double kgi_show_size(const kg_node *n) {
  const kg_value *drawn = kgi_show_value(n, KG_NS "size");
  double size = drawn ? strtod(drawn->lexical, NULL) : 0;
  return size > 0 ? size : 10.0 + 5.0 * sqrt((double)n->in_degree + (double)n->out_degree);
}

void kgi_show_rgb(const kg_node *n, int rgb[3]) {
  const kg_value *c = kgi_show_value(n, KG_NS "color");
  if (!c || c->lexical[0] != '#' || strlen(c->lexical) != 7 ||
      strspn(c->lexical + 1, "0123456789abcdefABCDEF") != 6) {
    kgi_style_rgb(kgi_style_for(n), rgb);
    return;
  }
  unsigned long v = strtoul(c->lexical + 1, NULL, 16);
  rgb[0] = (int)(v >> 16 & 255), rgb[1] = (int)(v >> 8 & 255), rgb[2] = (int)(v & 255);
}

/* "YYYY-..." with a year Gephi can place: four digits, no sign ("" is an open end). */
static bool gephi_placeable(const char *date) {
  return !date[0] || (date[0] != '-' && strspn(date, "0123456789") == 4);
}

/* A dateTime at midnight UTC is a day on a timeline (Wikidata writes every date so): shown as
 * the date, which every GEXF reader takes (NetworkX's has no dateTime). */
static void day_of_midnight(char *date) {
  char *t = strchr(date, 'T');
  if (t && strcmp(t, "T00:00:00Z") == 0)
    *t = '\0';
}

static bool placeable(bool dated, char *start, char *end) {
  if (!dated || !gephi_placeable(start) || !gephi_placeable(end))
    return false;
  day_of_midnight(start);
  day_of_midnight(end);
  return true;
}

bool kgi_show_node_period(const kg_node *n, char *start, char *end, size_t size) {
  return placeable(kgi_node_interval(n, start, end, size), start, end);
}

bool kgi_show_edge_period(const kg_edge *e, char *start, char *end, size_t size) {
  return placeable(kgi_edge_interval(e, start, end, size), start, end);
}
