/*
 * Values of a GraphML or GEXF cell into triples (see pgread.h): several values in one cell
 * (GraphML's joined text, GEXF's lists), and the values of a file kgexport did not write,
 * typed by their column's declared type.
 */
#include "pgread.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

kgi_term kgi_pgr_iri_term(const char *s) {
  /* NULL: a copy that memory ran out for (the reading then ends with KG_ENOMEM) */
  kgi_term t = {KGI_TERM_IRI, s ? s : "", s ? strlen(s) : 0, NULL, NULL, 0, 0, 0};
  return t;
}

void kgi_pgr_triple(kgi_pgr *r, const kgi_term *s, const char *pred, const kgi_term *o) {
  kgi_term p = kgi_pgr_iri_term(pred);
  kgi_input_triple(r->in, s, &p, o);
}

void kgi_pgr_literal(kgi_pgr *r, const kgi_term *s, const char *pred, const char *lexical,
                     const char *lang, const char *datatype) {
  kgi_term o = {KGI_TERM_LITERAL, lexical, strlen(lexical), lang, datatype, 0, 0, 0};
  kgi_pgr_triple(r, s, pred, &o);
}

/* ---- several values in one cell ---- */

/* A GEXF list, ["a", "b \"c\""] as kgexport writes it or [a, b] as Gephi does: its items
 * into out, each with its NUL; the count. */
static size_t list_items(const char *s, kgi_buf *out) {
  size_t n = strlen(s), count = 0;
  if (n < 2 || s[0] != '[' || s[n - 1] != ']') {
    kgi_buf_put(out, s, n + 1);
    return 1;
  }
  const char *p = s + 1, *end = s + n - 1;
  while (p < end) {
    while (p < end && *p == ' ')
      p++;
    if (p >= end)
      break;
    if (*p == '"') {
      for (p++; p < end && *p != '"'; p++) {
        if (*p == '\\' && p + 1 < end)
          p++;
        kgi_buf_put(out, p, 1);
      }
      p++; /* the closing quote */
    } else {
      const char *q = p;
      while (q < end && *q != ',')
        q++;
      const char *t = q;
      while (t > p && t[-1] == ' ')
        t--;
      kgi_buf_put(out, p, (size_t)(t - p));
      p = q;
    }
    kgi_buf_put(out, "", 1);
    count++;
    while (p < end && (*p == ' ' || *p == ','))
      p++;
  }
  return count;
}

/* The values a cell holds, each NUL-terminated one after another in out: joined by the
 * column's separator (GraphML), a list (GEXF), or one. */
static size_t items(const kgi_pgcol *c, const char *text, const char *sep, kgi_buf *out) {
  if (!sep)
    sep = c->sep;
  if (c->list)
    return list_items(text, out);
  if (!sep || !*sep) {
    kgi_buf_put(out, text, strlen(text) + 1);
    return 1;
  }
  size_t count = 0, k = strlen(sep);
  for (const char *p = text;; count++) {
    const char *q = strstr(p, sep);
    size_t len = q ? (size_t)(q - p) : strlen(p);
    kgi_buf_put(out, p, len);
    kgi_buf_put(out, "", 1);
    if (!q)
      return count + 1;
    p = q + k;
  }
}

size_t kgi_pgr_items(const kgi_pgcol *c, const char *text, const char *sep, kgi_buf *out) {
  kgi_buf_clear(out);
  size_t n = items(c, text, sep, out);
  return out->oom ? 0 : n; /* none, rather than fewer than counted (the reading then fails) */
}

/* ---- values of a file kgexport did not write ---- */

/* A foreign column's value with the datatype its declared type gives. Python's and C's
 * spellings of the special doubles and booleans are read as XSD's. */
static void foreign_value(kgi_pgr *r, const kgi_term *s, const char *pred, kgi_pgt type,
                          const char *item) {
  static const char *const specials[][2] = {{"nan", "NaN"},        {"inf", "INF"},
                                            {"-inf", "-INF"},      {"infinity", "INF"},
                                            {"-infinity", "-INF"}, {"+inf", "INF"}};
  if (!*item && type != KGI_PGT_STRING)
    return; /* no value */
  switch (type) {
  case KGI_PGT_STRING: kgi_pgr_literal(r, s, pred, item, NULL, NULL); return;
  case KGI_PGT_INTEGER: kgi_pgr_literal(r, s, pred, item, NULL, KGI_XSD "integer"); return;
  case KGI_PGT_DOUBLE:
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++)
      if (strcasecmp(item, specials[i][0]) == 0)
        item = specials[i][1];
    kgi_pgr_literal(r, s, pred, item, NULL, KGI_XSD "double");
    return;
  case KGI_PGT_BOOLEAN:
    kgi_pgr_literal(r, s, pred,
                    strcasecmp(item, "true") == 0    ? "true"
                    : strcasecmp(item, "false") == 0 ? "false"
                                                     : item,
                    NULL, KGI_XSD "boolean");
    return;
  case KGI_PGT_DATE:
    kgi_pgr_literal(r, s, pred, item, NULL,
                    strchr(item, 'T') ? KGI_XSD "dateTime" : KGI_XSD "date");
    return;
  case KGI_PGT_IRI: {
    kgi_buf iri;
    kgi_buf_init(&iri);
    kgi_pgr_name_iri(r, item, &iri);
    kgi_term o = kgi_pgr_iri_term(kgi_buf_str(&iri));
    if (!iri.oom)
      kgi_pgr_triple(r, s, pred, &o);
    kgi_buf_dispose(&iri);
    return;
  }
  }
}

void kgi_pgr_foreign_cell(kgi_pgr *r, const kgi_term *s, const kgi_pgcol *c, const char *text) {
  size_t n = kgi_pgr_items(c, text, NULL, &r->scratch);
  const char *item = r->scratch.s;
  for (size_t i = 0; i < n && !r->in->status; i++, item += strlen(item) + 1)
    foreign_value(r, s, c->pred, c->type, item);
}

/* The defaults of the foreign columns the element has no cell of (GraphML <default>). */
static void foreign_defaults(kgi_pgr *r, const kgi_term *s) {
  const kgi_pgelem *e = &r->el;
  for (size_t i = 0; i < r->ncols && !r->in->status; i++) {
    const kgi_pgcol *c = &r->cols[i];
    if (!c->dflt || c->for_edge != e->is_edge ||
        (c->role != KGI_PGC_OTHER && c->role != KGI_PGC_LABEL))
      continue;
    bool has = false;
    for (size_t k = 0; k < e->ncells && !has; k++)
      has = e->cells[k].col == i;
    if (!has)
      kgi_pgr_foreign_cell(r, s, c, c->dflt);
  }
}

/* The element's own attributes of a foreign file: a label, a period, Gephi's drawing. */
void kgi_pgr_foreign_attributes(kgi_pgr *r, const kgi_term *s) {
  const kgi_pgelem *e = &r->el;
  if (e->label != KGI_PGR_NONE && !e->is_edge)
    kgi_pgr_literal(r, s, KGI_RDFS_LABEL, kgi_pgr_str(e, e->label), NULL, NULL);
  if (e->label != KGI_PGR_NONE &&
      e->is_edge) { /* a qualifier: a statement has no label of its own */
    kgi_pgr_name_iri(r, "label", &r->scratch3);
    if (!r->scratch3.oom)
      kgi_pgr_literal(r, s, r->scratch3.s, kgi_pgr_str(e, e->label), NULL, NULL);
  }
  if (e->start != KGI_PGR_NONE)
    foreign_value(r, s, KGI_SCHEMA "startDate", KGI_PGT_DATE, kgi_pgr_str(e, e->start));
  if (e->end != KGI_PGR_NONE)
    foreign_value(r, s, KGI_SCHEMA "endDate", KGI_PGT_DATE, kgi_pgr_str(e, e->end));
  if (e->weight != KGI_PGR_NONE) {
    kgi_pgr_name_iri(r, "weight", &r->scratch3);
    if (!r->scratch3.oom)
      foreign_value(r, s, r->scratch3.s, KGI_PGT_DOUBLE, kgi_pgr_str(e, e->weight));
  }
  const kgi_pgviz *v = &e->viz;
  if (v->pos) {
    kgi_pgr_literal(r, s, KG_NS "positionX", v->x, NULL, KGI_XSD "double");
    kgi_pgr_literal(r, s, KG_NS "positionY", v->y, NULL, KGI_XSD "double");
    if (v->z[0])
      kgi_pgr_literal(r, s, KG_NS "positionZ", v->z, NULL, KGI_XSD "double");
  }
  if (v->color) {
    char hex[8];
    snprintf(hex, sizeof hex, "#%02x%02x%02x", v->r & 255, v->g & 255, v->b & 255);
    kgi_pgr_literal(r, s, KG_NS "color", hex, NULL, NULL);
  }
  if (v->size)
    kgi_pgr_literal(r, s, KG_NS "size", v->sizev, NULL, KGI_XSD "double");
  foreign_defaults(r, s);
}
