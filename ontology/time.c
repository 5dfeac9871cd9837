/*
 * Time: the period a node or an edge covers, from its dates, for any year the model holds.
 * Shared by the --from/--to filter and the timelines of GEXF and GraphML (which show only
 * what Gephi can place: present/labels.c), so they agree.
 */
#include "vocab.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Which values date an element on the timeline, in order of preference. A node (an event, a
 * quote) lives for the period its date covers; an edge qualified with a start date (an
 * office held since October 2025) lives from then on, with no end.
 */
static const char *const node_start[] = {KGI_SCHEMA "startDate", KGI_SCHEMA "dateCreated",
                                         KG_NS "date", KGI_SCHEMA "datePublished"};
static const char *const node_end[] = {KGI_SCHEMA "endDate"};
static const char *const edge_start[] = {KG_NS "startDate", KGI_SCHEMA "startDate"};
static const char *const edge_end[] = {KG_NS "endDate", KGI_SCHEMA "endDate"};

typedef struct timing {
  const char *const *start, *const *end;
  size_t nstart, nend;
  bool open_end; /* no end value: unbounded rather than the end of the start's period */
} timing;

static const timing node_timing = {node_start, node_end, 4, 1, false};
static const timing edge_timing = {edge_start, edge_end, 2, 2, true};

static const kg_value *find_value(const kgi_prop *props, uint32_t n, const char *const *preds,
                                  size_t npreds) {
  for (size_t p = 0; p < npreds; p++)
    for (uint32_t i = 0; i < n; i++)
      if ((props[i].value.kind == KG_VALUE_DATE || props[i].value.kind == KG_VALUE_DATETIME) &&
          /* the predicate, or one aligned to it (wdt:P580 dates as schema:startDate does) */
          kgi_vocab_is_a(props[i].pred, preds[p]))
        return &props[i].value;
  return NULL;
}

/* First and last day a date value covers: "2026-04" covers 2026-04-01 .. 2026-04-30. */
static bool date_bounds(const kg_value *v, char *first, char *last, size_t size) {
  /* [-]YYYY[-MM[-DD]] or a dateTime (the model checked it): a year of any length, and its
     sign; one beyond what a long holds (19 digits) has no interval here, rather than a wrong
     one */
  char *rest;
  errno = 0;
  long y = strtol(v->lexical, &rest, 10);
  if (errno == ERANGE || y == LONG_MIN)
    return false;
  if (v->kind == KG_VALUE_DATETIME) {
    snprintf(first, size, "%s", v->lexical);
    snprintf(last, size, "%s", v->lexical);
    return true;
  }
  int m = rest[0] == '-' ? (int)strtol(rest + 1, &rest, 10) : 1;
  int d = rest[0] == '-' ? (int)strtol(rest + 1, &rest, 10) : 1;
  const char *sign = y < 0 ? "-" : "";
  long ay = y < 0 ? -y : y;
  switch (kg_value_date_precision(v)) {
  case KG_DATE_YEAR:
    snprintf(first, size, "%s%04ld-01-01", sign, ay);
    snprintf(last, size, "%s%04ld-12-31", sign, ay);
    return true;
  case KG_DATE_MONTH:
    snprintf(first, size, "%s%04ld-%02d-01", sign, ay, m);
    snprintf(last, size, "%s%04ld-%02d-%02d", sign, ay, m, kgi_days_in_month(y, m));
    return true;
  case KG_DATE_DAY:
    snprintf(first, size, "%s%04ld-%02d-%02d", sign, ay, m, d);
    snprintf(last, size, "%s", first);
    return true;
  }
  return false;
}

/* The interval of an element ("" end: unbounded); false when undated. */
static bool interval(const timing *t, const kgi_prop *props, uint32_t n, char *start, char *end,
                     size_t size) {
  const kg_value *s = find_value(props, n, t->start, t->nstart);
  if (!s || !date_bounds(s, start, end, size))
    return false;
  if (t->open_end)
    end[0] = '\0';
  char ignored[KGI_DATE_MAX];
  const kg_value *e = find_value(props, n, t->end, t->nend);
  if (e && date_bounds(e, ignored, end, size) && kgi_date_compare(end, start) < 0)
    snprintf(end, size, "%s", start); /* Gephi refuses an interval that ends before it starts */
  return true;
}

bool kgi_node_interval(const kg_node *n, char *start, char *end, size_t size) {
  return interval(&node_timing, n->props, n->nprops, start, end, size);
}

bool kgi_edge_interval(const kg_edge *e, char *start, char *end, size_t size) {
  return interval(&edge_timing, e->quals, e->nquals, start, end, size);
}
