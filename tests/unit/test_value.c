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

static void test_other(void) {
  CHECK_STR(canon(KG_VALUE_BOOLEAN, "1"), "true");
  CHECK_STR(canon(KG_VALUE_BOOLEAN, "false"), "false");
  CHECK(canon(KG_VALUE_BOOLEAN, "yes") == NULL);
  CHECK_STR(canon(KG_VALUE_DOUBLE, "1.5e10"), "1.5e10");
  CHECK_STR(canon(KG_VALUE_DOUBLE, "INF"), "INF");
  CHECK(canon(KG_VALUE_DOUBLE, "1e") == NULL);
  kg_value s = {KG_VALUE_STRING, "x", NULL, NULL};
  CHECK(kg_value_datatype(&s) == NULL); /* plain strings carry no datatype */
  CHECK_STR(kg_value_kind_name(KG_VALUE_DECIMAL), "decimal");
}

int main(void) {
  test_decimal();
  test_integer();
  test_dates();
  test_other();
  return CHECK_RESULT();
}
