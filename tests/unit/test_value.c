/* Value types: lexical checks and canonical forms. */
#include "check.h"
#include "kgexport.h"

static const char *canon(kg_value_kind k, const char *lex) {
  static char buf[128];
  kg_error err;
  kg_error_init(&err);
  if (kg_value_canonical(buf, sizeof buf, k, lex, &err) != KG_OK)
    return NULL;
  return buf;
}

static void test_decimal(void) {
  /* raptor 2.0.15 writes "10" as an integer and "1." as invalid Turtle: we never hand it those */
  CHECK_STR(canon(KG_VALUE_DECIMAL, "10"), "10.0");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "29.3"), "29.3");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "29.30"), "29.3");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "1."), "1.0");
  CHECK_STR(canon(KG_VALUE_DECIMAL, ".5"), "0.5");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "+007.250"), "7.25");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "-0.0"), "0.0");
  CHECK_STR(canon(KG_VALUE_DECIMAL, "-1.5"), "-1.5");
  CHECK(canon(KG_VALUE_DECIMAL, "1.2.3") == NULL);
  CHECK(canon(KG_VALUE_DECIMAL, "abc") == NULL);
  CHECK(canon(KG_VALUE_DECIMAL, ".") == NULL);
  CHECK(canon(KG_VALUE_DECIMAL, "1e3") == NULL);
}

static void test_integer(void) {
  CHECK_STR(canon(KG_VALUE_INTEGER, "007"), "7");
  CHECK_STR(canon(KG_VALUE_INTEGER, "-0"), "0");
  CHECK_STR(canon(KG_VALUE_INTEGER, "+12"), "12");
  CHECK_STR(canon(KG_VALUE_INTEGER, "123456789012345678901234567890"),
            "123456789012345678901234567890");
  CHECK(canon(KG_VALUE_INTEGER, "1.0") == NULL);
  CHECK(canon(KG_VALUE_INTEGER, "") == NULL);
  CHECK(canon(KG_VALUE_INTEGER, "12a") == NULL);
}

static void test_dates(void) {
  CHECK_STR(canon(KG_VALUE_DATE, "2025-11-24"), "2025-11-24");
  CHECK_STR(canon(KG_VALUE_DATE, "2026-04"), "2026-04");
  CHECK_STR(canon(KG_VALUE_DATE, "2026"), "2026");
  CHECK_STR(canon(KG_VALUE_DATE, "2024-02-29"), "2024-02-29");
  CHECK(canon(KG_VALUE_DATE, "2025-02-29") == NULL);
  CHECK(canon(KG_VALUE_DATE, "2025-13-01") == NULL);
  CHECK(canon(KG_VALUE_DATE, "2025-11-31") == NULL);
  CHECK(canon(KG_VALUE_DATE, "2025-1-1") == NULL);
  CHECK(canon(KG_VALUE_DATE, "25-11-24") == NULL);
  CHECK(canon(KG_VALUE_DATE, "November 2025") == NULL);
  CHECK_STR(canon(KG_VALUE_DATETIME, "2025-11-24T10:30:00Z"), "2025-11-24T10:30:00Z");
  CHECK(canon(KG_VALUE_DATETIME, "2025-11-24T25:00:00") == NULL);

  kg_value d = {KG_VALUE_DATE, "2026-04", NULL, NULL};
  CHECK(kg_value_date_precision(&d) == KG_DATE_MONTH);
  CHECK_STR(kg_value_datatype(&d), "http://www.w3.org/2001/XMLSchema#gYearMonth");
  d.lexical = "2026";
  CHECK(kg_value_date_precision(&d) == KG_DATE_YEAR);
  CHECK_STR(kg_value_datatype(&d), "http://www.w3.org/2001/XMLSchema#gYear");
  d.lexical = "2025-11-24";
  CHECK(kg_value_date_precision(&d) == KG_DATE_DAY);
  CHECK_STR(kg_value_datatype(&d), "http://www.w3.org/2001/XMLSchema#date");
}

/* Doubles in XSD's canonical form: raptor 2.0.15's Turtle writer prints a double bare, and
 * only a bare number with an exponent reads back as a double ("1" is an integer, "48.8566" a
 * decimal). */
static void test_double(void) {
  CHECK_STR(canon(KG_VALUE_DOUBLE, "48.8566"), "4.88566E1");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "1"), "1.0E0");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "1.0"), "1.0E0");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "+1."), "1.0E0");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "10"), "1.0E1");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "1.5e10"), "1.5E10");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "1e300"), "1.0E300");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "0012.3400e-2"), "1.234E-1");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "-0.000123"), "-1.23E-4");
  CHECK_STR(canon(KG_VALUE_DOUBLE, ".5"), "5.0E-1");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "4.88566E1"), "4.88566E1"); /* canonical stays */
  CHECK_STR(canon(KG_VALUE_DOUBLE, "123456789012345678901234567890"),
            "1.2345678901234567890123456789E29"); /* digits never rounded */
  CHECK_STR(canon(KG_VALUE_DOUBLE, "0"), "0.0E0");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "0.000e5"), "0.0E0");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "-0"), "-0.0E0"); /* -0 is a double of its own */
  CHECK_STR(canon(KG_VALUE_DOUBLE, "INF"), "INF");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "+INF"), "INF");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "-INF"), "-INF");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "NaN"), "NaN");
  CHECK(canon(KG_VALUE_DOUBLE, "1e") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "e5") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, ".") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "1,5") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "inf") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "-NaN") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "0x1p3") == NULL);
  CHECK(canon(KG_VALUE_DOUBLE, "1e99999999999") == NULL);
  char small[6];
  kg_error err;
  kg_error_init(&err);
  CHECK(kg_value_canonical(small, sizeof small, KG_VALUE_DOUBLE, "48.8566", &err) == KG_EINVAL);
}

/* A typed value goes through the one check of every value, from the API as from a reader: an
 * unknown name in the XSD namespace is refused with the closest one; a datatype the model
 * has a kind for takes it. */
static void test_typed(void) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  kg_node *n = NULL;
  CHECK(kg_graph_new(&g, "https://example.org/g/", &err) == KG_OK);
  CHECK(kg_graph_add_node(&n, g, "n", &err) == KG_OK);
  const char *p = "https://example.org/g/p";
#define XSD "http://www.w3.org/2001/XMLSchema#"
  kg_value typo = {KG_VALUE_TYPED, "2025-11-24", NULL, XSD "dat"};
  CHECK(kg_node_add_value(g, n, p, &typo, &err) == KG_EDATA);
  CHECK(err.status == KG_EDATA);
  CHECK_STR(err.message, "unknown XSD datatype xsd:dat (did you mean xsd:date?)");
  kg_error_init(&err);
  typo.datatype = XSD "datetime"; /* names are case sensitive */
  CHECK(kg_node_add_value(g, n, p, &typo, &err) == KG_EDATA);
  CHECK_STR(err.message, "unknown XSD datatype xsd:datetime (did you mean xsd:dateTime?)");
  kg_error_init(&err);
  typo.datatype = XSD "wibble"; /* nothing close: no suggestion */
  CHECK(kg_node_add_value(g, n, p, &typo, &err) == KG_EDATA);
  CHECK_STR(err.message, "unknown XSD datatype xsd:wibble");
  CHECK(kg_node_value_count(n) == 0);

  kg_error_init(&err);
  kg_value dbl = {KG_VALUE_TYPED, "48.8566", NULL, XSD "double"};
  kg_value lng = {KG_VALUE_TYPED, "007", NULL, XSD "long"};
  kg_value own = {KG_VALUE_TYPED, "12", NULL, "https://example.org/dt#celsius"};
  kg_value bad = {KG_VALUE_TYPED, "many", NULL, XSD "integer"};
  CHECK(kg_node_add_value(g, n, p, &dbl, &err) == KG_OK);
  CHECK(kg_node_add_value(g, n, p, &lng, &err) == KG_OK);
  CHECK(kg_node_add_value(g, n, p, &own, &err) == KG_OK);
  CHECK(kg_node_add_value(g, n, p, &bad, &err) == KG_EDATA);
  CHECK(kg_node_value_count(n) == 3);
  const kg_value *v = kg_node_value_at(n, 0, NULL);
  CHECK(v && v->kind == KG_VALUE_DOUBLE);
  CHECK_STR(v ? v->lexical : NULL, "4.88566E1");
  CHECK_STR(v ? kg_value_datatype(v) : NULL, XSD "double");
  v = kg_node_value_at(n, 1, NULL); /* no kind of the model's: kept as written */
  CHECK(v && v->kind == KG_VALUE_TYPED);
  CHECK_STR(v ? v->lexical : NULL, "007");
  CHECK_STR(v ? kg_value_datatype(v) : NULL, XSD "long");
  v = kg_node_value_at(n, 2, NULL);
  CHECK_STR(v ? kg_value_datatype(v) : NULL, "https://example.org/dt#celsius");
#undef XSD
  kg_graph_free(g);
}

static void test_other(void) {
  CHECK_STR(canon(KG_VALUE_BOOLEAN, "1"), "true");
  CHECK_STR(canon(KG_VALUE_BOOLEAN, "false"), "false");
  CHECK(canon(KG_VALUE_BOOLEAN, "yes") == NULL);
  kg_value s = {KG_VALUE_STRING, "x", NULL, NULL};
  CHECK(kg_value_datatype(&s) == NULL); /* plain strings carry no datatype */
  CHECK_STR(kg_value_kind_name(KG_VALUE_DECIMAL), "decimal");
}

int main(void) {
  test_decimal();
  test_integer();
  test_dates();
  test_double();
  test_typed();
  test_other();
  return CHECK_RESULT();
}
