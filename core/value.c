/* Typed values: lexical checks, canonical forms, datatypes, calendar dates. */
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  kg_value_kind kind;
  const char *name;
  const char *datatype; /* NULL: no datatype written */
} kinds[] = {
    {KG_VALUE_STRING, "string", NULL},
    {KG_VALUE_LANGSTRING, "langstring", NULL},
    {KG_VALUE_INTEGER, "integer", KGI_XSD "integer"},
    {KG_VALUE_DECIMAL, "decimal", KGI_XSD "decimal"},
    {KG_VALUE_DOUBLE, "double", KGI_XSD "double"},
    {KG_VALUE_BOOLEAN, "boolean", KGI_XSD "boolean"},
    {KG_VALUE_DATE, "date", KGI_XSD "date"},
    {KG_VALUE_DATETIME, "dateTime", KGI_XSD "dateTime"},
    {KG_VALUE_IRI, "iri", NULL},
    {KG_VALUE_TYPED, "typed", NULL},
};

const char *kg_value_kind_name(kg_value_kind kind) {
  if ((size_t)kind < sizeof kinds / sizeof kinds[0])
    return kinds[kind].name;
  return "unknown";
}

kg_date_precision kg_value_date_precision(const kg_value *v) {
  size_t n = v->lexical ? strlen(v->lexical) : 0;
  const char *l = v->lexical;
  if (n && l[0] == '-') { /* negative years */
    l++;
    n--;
  }
  if (!strchr(l, '-'))
    return KG_DATE_YEAR;
  return strchr(strchr(l, '-') + 1, '-') ? KG_DATE_DAY : KG_DATE_MONTH;
}

const char *kg_value_datatype(const kg_value *v) {
  if (v->kind == KG_VALUE_TYPED)
    return v->datatype;
  if (v->kind == KG_VALUE_DATE) {
    switch (kg_value_date_precision(v)) {
    case KG_DATE_YEAR: return KGI_XSD "gYear";
    case KG_DATE_MONTH: return KGI_XSD "gYearMonth";
    case KG_DATE_DAY: return KGI_XSD "date";
    }
  }
  if ((size_t)v->kind < sizeof kinds / sizeof kinds[0])
    return kinds[v->kind].datatype;
  return NULL;
}

/*
 * The datatypes of XSD 1.1 (Part 2, section 3: the special, primitive and other built-in
 * ones), each with the model's kind for it; those the model has no kind for keep their
 * lexical form as written (KG_VALUE_TYPED). A name in the XSD namespace that is not here is a
 * typo, refused by kgi_datatype_check. The model's own come first: they win ties when a typo
 * is as close to two names.
 */
static const struct {
  const char *local;
  kg_value_kind kind;
} xsd_types[] = {
    {"string", KG_VALUE_STRING},
    {"boolean", KG_VALUE_BOOLEAN},
    {"decimal", KG_VALUE_DECIMAL},
    {"integer", KG_VALUE_INTEGER},
    {"double", KG_VALUE_DOUBLE},
    {"date", KG_VALUE_DATE},
    {"gYearMonth", KG_VALUE_DATE},
    {"gYear", KG_VALUE_DATE},
    {"dateTime", KG_VALUE_DATETIME},
    {"anySimpleType", KG_VALUE_TYPED},
    {"anyAtomicType", KG_VALUE_TYPED},
    {"float", KG_VALUE_TYPED},
    {"duration", KG_VALUE_TYPED},
    {"time", KG_VALUE_TYPED},
    {"gMonthDay", KG_VALUE_TYPED},
    {"gDay", KG_VALUE_TYPED},
    {"gMonth", KG_VALUE_TYPED},
    {"hexBinary", KG_VALUE_TYPED},
    {"base64Binary", KG_VALUE_TYPED},
    {"anyURI", KG_VALUE_TYPED},
    {"QName", KG_VALUE_TYPED},
    {"NOTATION", KG_VALUE_TYPED},
    {"normalizedString", KG_VALUE_TYPED},
    {"token", KG_VALUE_TYPED},
    {"language", KG_VALUE_TYPED},
    {"NMTOKEN", KG_VALUE_TYPED},
    {"NMTOKENS", KG_VALUE_TYPED},
    {"Name", KG_VALUE_TYPED},
    {"NCName", KG_VALUE_TYPED},
    {"ID", KG_VALUE_TYPED},
    {"IDREF", KG_VALUE_TYPED},
    {"IDREFS", KG_VALUE_TYPED},
    {"ENTITY", KG_VALUE_TYPED},
    {"ENTITIES", KG_VALUE_TYPED},
    {"nonPositiveInteger", KG_VALUE_TYPED},
    {"negativeInteger", KG_VALUE_TYPED},
    {"long", KG_VALUE_TYPED},
    {"int", KG_VALUE_TYPED},
    {"short", KG_VALUE_TYPED},
    {"byte", KG_VALUE_TYPED},
    {"nonNegativeInteger", KG_VALUE_TYPED},
    {"unsignedLong", KG_VALUE_TYPED},
    {"unsignedInt", KG_VALUE_TYPED},
    {"unsignedShort", KG_VALUE_TYPED},
    {"unsignedByte", KG_VALUE_TYPED},
    {"positiveInteger", KG_VALUE_TYPED},
    {"yearMonthDuration", KG_VALUE_TYPED},
    {"dayTimeDuration", KG_VALUE_TYPED},
    {"dateTimeStamp", KG_VALUE_TYPED},
};
enum { NXSD = sizeof xsd_types / sizeof xsd_types[0] };

/* The local name of an IRI in the XSD namespace, else NULL. */
static const char *xsd_local(const char *dt) {
  size_t nx = strlen(KGI_XSD);
  return strncmp(dt, KGI_XSD, nx) == 0 ? dt + nx : NULL;
}

/* The xsd_types entry of an XSD datatype IRI, or -1. */
static int xsd_find(const char *dt) {
  const char *local = xsd_local(dt);
  for (int i = 0; local && i < NXSD; i++)
    if (strcmp(local, xsd_types[i].local) == 0)
      return i;
  return -1;
}

kg_value_kind kgi_kind_for_datatype(const char *dt) {
  if (!dt)
    return KG_VALUE_STRING;
  if (strcmp(dt, KGI_RDF_LANGSTRING) == 0)
    return KG_VALUE_LANGSTRING;
  int i = xsd_find(dt);
  return i < 0 ? KG_VALUE_TYPED : xsd_types[i].kind;
}

kg_status kgi_datatype_check(const char *dt, kg_error *err) {
  const char *local = xsd_local(dt);
  if (!local || xsd_find(dt) >= 0)
    return KG_OK;
  int best = -1;
  size_t best_d = (size_t)-1;
  for (int i = 0; i < NXSD; i++) {
    size_t d = kgi_edit_distance(local, xsd_types[i].local);
    if (d < best_d)
      best = i, best_d = d;
  }
  if (best >= 0 && kgi_edit_close(best_d, local))
    return kgi_error_set(err, KG_EDATA, "unknown XSD datatype xsd:%s (did you mean xsd:%s?)", local,
                         xsd_types[best].local);
  return kgi_error_set(err, KG_EDATA, "unknown XSD datatype xsd:%s", local);
}

/* ---- canonical lexical forms ---- */

static bool all_digits(const char *s, size_t n) {
  if (n == 0)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return false;
  return true;
}

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int kgi_days_in_month(long y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Year, month and day of "[-]YYYY[-MM[-DD]]..." (missing parts: 1). */
static void date_parts(const char *s, long *y, long *m, long *d) {
  char *rest;
  *y = strtol(s, &rest, 10);
  *m = *rest == '-' ? strtol(rest + 1, &rest, 10) : 1;
  *d = *rest == '-' ? strtol(rest + 1, &rest, 10) : 1;
}

int kgi_date_compare(const char *a, const char *b) {
  long ya, ma, da, yb, mb, db;
  date_parts(a, &ya, &ma, &da);
  date_parts(b, &yb, &mb, &db);
  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ma != mb)
    return ma < mb ? -1 : 1;
  return da < db ? -1 : da > db;
}

/* YYYY[-MM[-DD]] with an optional leading '-'; checks ranges. Returns the length used. */
static size_t parse_date(const char *s, kg_date_precision *prec) {
  const char *p = s;
  if (*p == '-')
    p++;
  size_t ny = 0;
  while (isdigit((unsigned char)p[ny]))
    ny++;
  if (ny < 4 || (ny > 4 && p[0] == '0'))
    return 0;
  long y = strtol(p, NULL, 10);
  p += ny;
  *prec = KG_DATE_YEAR;
  if (*p != '-')
    return (size_t)(p - s);
  if (!all_digits(p + 1, 2) || isdigit((unsigned char)p[3]))
    return 0;
  int m = (p[1] - '0') * 10 + (p[2] - '0');
  if (m < 1 || m > 12)
    return 0;
  p += 3;
  *prec = KG_DATE_MONTH;
  if (*p != '-')
    return (size_t)(p - s);
  if (!all_digits(p + 1, 2) || isdigit((unsigned char)p[3]))
    return 0;
  int d = (p[1] - '0') * 10 + (p[2] - '0');
  if (d < 1 || d > kgi_days_in_month(y, m))
    return 0;
  p += 3;
  *prec = KG_DATE_DAY;
  return (size_t)(p - s);
}

static bool valid_tz(const char *p) {
  if (*p == '\0')
    return true;
  if (p[0] == 'Z' && p[1] == '\0')
    return true;
  return (p[0] == '+' || p[0] == '-') && all_digits(p + 1, 2) && p[3] == ':' &&
         all_digits(p + 4, 2) && p[6] == '\0';
}

static kg_status put(char *buf, size_t size, const char *s, size_t n, kg_error *err) {
  if (n + 1 > size)
    return kgi_error_set(err, KG_EINVAL, "value too long");
  memcpy(buf, s, n);
  buf[n] = '\0';
  return KG_OK;
}

static kg_status canon_integer(char *buf, size_t size, const char *s, kg_error *err) {
  const char *p = s;
  bool neg = false;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  size_t n = strlen(p);
  if (!all_digits(p, n))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:integer", s);
  while (n > 1 && *p == '0')
    p++, n--;
  if (n + 2 > size)
    return kgi_error_set(err, KG_EINVAL, "value too long");
  size_t o = 0;
  if (neg && !(n == 1 && *p == '0'))
    buf[o++] = '-';
  memcpy(buf + o, p, n);
  buf[o + n] = '\0';
  return KG_OK;
}

/* Canonical decimal: optional '-', no leading zeros but one, at least one digit after the
 * point, no trailing zeros after the first. raptor 2.0.15's Turtle writer mangles "1" and
 * "1." (see docs/formats.md): this form is the one it writes faithfully. */
static kg_status canon_decimal(char *buf, size_t size, const char *s, kg_error *err) {
  const char *p = s;
  bool neg = false;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  const char *dot = strchr(p, '.');
  size_t ni = dot ? (size_t)(dot - p) : strlen(p);
  const char *f = dot ? dot + 1 : "";
  size_t nf = strlen(f);
  if ((ni == 0 && nf == 0) || (ni && !all_digits(p, ni)) || (nf && !all_digits(f, nf)))
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:decimal", s);
  while (ni > 1 && *p == '0')
    p++, ni--;
  while (nf > 1 && f[nf - 1] == '0')
    nf--;
  bool zero = (ni == 0 || (ni == 1 && *p == '0')) && (nf == 0 || (nf == 1 && f[0] == '0'));
  if (ni + nf + 4 > size)
    return kgi_error_set(err, KG_EINVAL, "value too long");
  size_t o = 0;
  if (neg && !zero)
    buf[o++] = '-';
  if (ni == 0)
    buf[o++] = '0';
  memcpy(buf + o, p, ni);
  o += ni;
  buf[o++] = '.';
  if (nf == 0)
    buf[o++] = '0';
  memcpy(buf + o, f, nf);
  o += nf;
  buf[o] = '\0';
  return KG_OK;
}

/*
 * Canonical double: XSD 1.1's canonical shape, one non-zero digit before the point, at least
 * one after, then E and the exponent ("48.8566" is "4.88566E1", "1" is "1.0E0", "-0" is
 * "-0.0E0"); INF, -INF and NaN as they are. Made here, in the model, so that every format
 * writes the same form, and because it is the one form that keeps its type in Turtle: raptor
 * 2.0.15's Turtle writer prints any double strtod() reads as a bare number, and a bare number
 * without an exponent reads back as an integer or a decimal (docs/formats.md). The digits are
 * the ones written, moved but never rounded, so the value is exactly the one written and the
 * locale never matters. For a literal of at most 15 significant digits (DBL_DIG) in the range
 * of normal doubles, this is XSD's canonical mapping of its value.
 */
static kg_status canon_double(char *buf, size_t size, const char *s, kg_error *err) {
  if (!strcmp(s, "INF") || !strcmp(s, "+INF"))
    return put(buf, size, "INF", 3, err);
  if (!strcmp(s, "-INF") || !strcmp(s, "NaN"))
    return put(buf, size, s, strlen(s), err);
  const char *p = s;
  bool neg = false;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  const char *ip = p; /* integer digits */
  size_t ni = 0, nf = 0;
  while (isdigit((unsigned char)*p))
    p++, ni++;
  const char *fp = p + (*p == '.'); /* fraction digits */
  if (*p == '.')
    for (p++; isdigit((unsigned char)*p); p++)
      nf++;
  if (ni + nf == 0)
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:double", s);
  long exp = 0;
  if (*p == 'e' || *p == 'E') {
    p++;
    bool eneg = false;
    if (*p == '+' || *p == '-')
      eneg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
      return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:double", s);
    for (; isdigit((unsigned char)*p); p++) {
      if (exp > 99999999) /* far beyond any double's range; keeps the sums below in a long */
        return kgi_error_set(err, KG_EDATA, "\"%s\": the exponent of an xsd:double is too large",
                             s);
      exp = exp * 10 + (*p - '0');
    }
    if (eneg)
      exp = -exp;
  }
  if (*p)
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:double", s);
    /* the digits ip[0..ni) fp[0..nf) as one string d, and the power of ten of its first digit */
#define DIGIT(k) ((k) < ni ? ip[k] : fp[(k)-ni])
  size_t nd = ni + nf, first = 0, last = nd;
  while (first < nd && DIGIT(first) == '0')
    first++;
  if (first == nd) /* zero keeps its sign: -0 and 0 are two doubles */
    return put(buf, size, neg ? "-0.0E0" : "0.0E0", neg ? 6 : 5, err);
  while (DIGIT(last - 1) == '0')
    last--;
  if (nd > (size_t)LONG_MAX / 2)
    return kgi_error_set(err, KG_EINVAL, "value too long");
  long e10 = exp + (long)ni - (long)first - 1;
  char ebuf[24];
  int ne = snprintf(ebuf, sizeof ebuf, "E%ld", e10);
  size_t need = (neg ? 1 : 0) + 2 + (last - first > 1 ? last - first - 1 : 1) + (size_t)ne + 1;
  if (need > size)
    return kgi_error_set(err, KG_EINVAL, "value too long");
  char *o = buf;
  if (neg)
    *o++ = '-';
  *o++ = DIGIT(first);
  *o++ = '.';
  if (last - first == 1)
    *o++ = '0';
  for (size_t k = first + 1; k < last; k++)
    *o++ = DIGIT(k);
#undef DIGIT
  memcpy(o, ebuf, (size_t)ne + 1);
  return KG_OK;
}

kg_status kg_value_canonical(char *buf, size_t size, kg_value_kind kind, const char *lex,
                             kg_error *err) {
  if (!buf || !lex)
    return kgi_error_set(err, KG_EINVAL, "no lexical form");
  if ((kind == KG_VALUE_DATE || kind == KG_VALUE_DATETIME) && strlen(lex) >= KGI_DATE_MAX)
    return kgi_error_set(err, KG_EDATA,
                         "\"%.24s…\" is longer than a date can be here (%d characters)", lex,
                         KGI_DATE_MAX - 1);
  switch (kind) {
  case KG_VALUE_INTEGER: return canon_integer(buf, size, lex, err);
  case KG_VALUE_DECIMAL: return canon_decimal(buf, size, lex, err);
  case KG_VALUE_DOUBLE: return canon_double(buf, size, lex, err);
  case KG_VALUE_BOOLEAN:
    if (!strcmp(lex, "true") || !strcmp(lex, "1"))
      return put(buf, size, "true", 4, err);
    if (!strcmp(lex, "false") || !strcmp(lex, "0"))
      return put(buf, size, "false", 5, err);
    return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:boolean", lex);
  case KG_VALUE_DATE: {
    kg_date_precision prec;
    size_t n = parse_date(lex, &prec);
    if (!n || !valid_tz(lex + n))
      return kgi_error_set(err, KG_EDATA, "\"%s\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                           lex);
    return put(buf, size, lex, strlen(lex), err);
  }
  case KG_VALUE_DATETIME: {
    kg_date_precision prec;
    size_t n = parse_date(lex, &prec);
    const char *t = lex + n;
    bool ok = n && prec == KG_DATE_DAY && t[0] == 'T' && all_digits(t + 1, 2) && t[3] == ':' &&
              all_digits(t + 4, 2) && t[6] == ':' && all_digits(t + 7, 2);
    if (ok) {
      int hh = (t[1] - '0') * 10 + t[2] - '0', mm = (t[4] - '0') * 10 + t[5] - '0',
          ss = (t[7] - '0') * 10 + t[8] - '0';
      t += 9;
      if (*t == '.') {
        t++;
        if (!isdigit((unsigned char)*t))
          ok = false;
        while (isdigit((unsigned char)*t))
          t++;
      }
      ok = ok && hh < 24 && mm < 60 && ss < 60 && valid_tz(t);
    }
    if (!ok)
      return kgi_error_set(err, KG_EDATA, "\"%s\" is not an xsd:dateTime", lex);
    return put(buf, size, lex, strlen(lex), err);
  }
  case KG_VALUE_STRING:
  case KG_VALUE_LANGSTRING:
  case KG_VALUE_IRI:
  case KG_VALUE_TYPED: return put(buf, size, lex, strlen(lex), err);
  }
  return kgi_error_set(err, KG_EINVAL, "unknown value kind %d", (int)kind);
}
