/* The N-Triples line reader: terms decoded per the RDF 1.1 grammar, errors at their column. */
#include "check.h"
#include "nt.h"
#include "text.h"

static kgi_nt_reader reader;

static kgi_nt_result read1(const char *line, kgi_term t[3], size_t *off, const char **msg) {
  size_t pos = 0;
  *off = 0;
  *msg = NULL;
  return kgi_nt_read(&reader, line, strlen(line), &pos, t, off, msg);
}

static void test_terms(void) {
  kgi_term t[3];
  size_t off;
  const char *msg;
  CHECK(read1("<http://a/s> <http://a/p> \"caf\\u00E9 \\U0001F600\\t\\\"q\\\"\"@en-GB .", t, &off,
              &msg) == KGI_NT_TRIPLE);
  CHECK(t[0].type == KGI_TERM_IRI);
  CHECK_STR(t[0].str, "http://a/s");
  CHECK_STR(t[1].str, "http://a/p");
  CHECK(t[2].type == KGI_TERM_LITERAL);
  CHECK_STR(t[2].str, "caf\xc3\xa9 \xf0\x9f\x98\x80\t\"q\"");
  CHECK_STR(t[2].lang, "en-GB");
  CHECK(t[2].datatype == NULL);

  CHECK(read1("_:b.1<http://a/p>\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>.", t, &off,
              &msg) == KGI_NT_TRIPLE);
  CHECK(t[0].type == KGI_TERM_BLANK);
  CHECK_STR(t[0].str, "b.1");
  CHECK_STR(t[2].datatype, "http://www.w3.org/2001/XMLSchema#integer");
  CHECK(t[2].lang == NULL);

  /* RDF 1.1 N-Triples labels may hold ':' (PN_CHARS_U) and non-ASCII letters */
  CHECK(read1("_:a:b <http://a/p> _::x .", t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK_STR(t[0].str, "a:b");
  CHECK_STR(t[2].str, ":x");
  CHECK(read1("_:\xc3\xa9t\xc3\xa9 <http://a/p> _:x\xc2\xb7y .", t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK_STR(t[0].str, "\xc3\xa9t\xc3\xa9");
  CHECK_STR(t[2].str, "x\xc2\xb7y");

  /* a label does not end with '.': that one ends the triple */
  CHECK(read1("<http://a/s> <http://a/p> _:x1.", t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK(t[2].type == KGI_TERM_BLANK);
  CHECK_STR(t[2].str, "x1");

  /* \u0000 is decoded (the importer refuses it); the length says so */
  CHECK(read1("<http://a/s> <http://a/p> \"a\\u0000b\" .", t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK(t[2].len == 3 && strlen(t[2].str) == 1);

  CHECK(read1("", t, &off, &msg) == KGI_NT_EMPTY);
  CHECK(read1("  \t # only a comment", t, &off, &msg) == KGI_NT_EMPTY);
  CHECK(read1("<http://a/s> <http://a/p> <http://a/o> . # and a comment", t, &off, &msg) ==
        KGI_NT_TRIPLE);
}

/* Two triples on one line separated by a carriage return (EOL is [#xD#xA]+). */
static void test_carriage_return(void) {
  const char *line = "<http://a/s> <http://a/p> \"1\" .\r<http://a/s> <http://a/p> \"2\" .\r";
  kgi_term t[3];
  size_t pos = 0, off;
  const char *msg;
  size_t len = strlen(line);
  CHECK(kgi_nt_read(&reader, line, len, &pos, t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK_STR(t[2].str, "1");
  CHECK(kgi_nt_read(&reader, line, len, &pos, t, &off, &msg) == KGI_NT_TRIPLE);
  CHECK_STR(t[2].str, "2");
  CHECK(kgi_nt_read(&reader, line, len, &pos, t, &off, &msg) == KGI_NT_EMPTY);
}

/* Each bad line fails at the byte offset given (0-based), with a message. */
static void test_errors(void) {
  static const struct {
    const char *line;
    size_t off;
  } bad[] = {
      {"<http://a/s> <http://a/p> \"open .", 26},
      {"<http://a/s> <http://a/p> <http://a/o>", 38},
      {"<http://a/s> <http://a/p> <http://a/o> . junk", 41},
      {"<rel> <http://a/p> <http://a/o> .", 0},
      {"<http://a/s> <http://a/p> <http://a/o o> .", 37},
      {"<http://a/s> <http://a/p> <http://a/\\u00ZZ> .", 36},
      {"<http://a/s> <http://a/p> <http://a/\\u0020> .", 26},
      {"<http://a/s> <http://a/p> \"x\\q\" .", 28},
      {"<http://a/s> <http://a/p> \"\\uD800\" .", 27},
      {"<http://a/s> <http://a/p> \"x\"@ .", 29},
      {"<http://a/s> <http://a/p> \"x\"@en- .", 29},
      {"<http://a/s> <http://a/p> \"x\"@zh_CN .", 29},
      {"<http://a/s> <http://a/p> \"x\"^^\"y\" .", 31},
      {"\"lit\" <http://a/p> <http://a/o> .", 0},
      {"<http://a/s> _:p <http://a/o> .", 13},
      {"<http://a/s> <http://a/p> _: .", 26},
      {"<http://a/s> <http://a/p> _:-x .", 26},
      {"<http://a/s> <http://a/p> <http://a/o> . <http://a/s> <http://a/p> <http://a/o> .", 41},
      {"<http://a/s> <http://a/p> \"x\" .\r\"y\" .", 32},
      {"<http://a/s> <http://a/p", 13},
      {"<http://a/s> <http://a/p> _:a\xc3\x97"
       "b .",
       29},                                            /* U+00D7 is no label character */
      {"<http://a/s> <http://a/p> _:\xc2\xb7x .", 26}, /* U+00B7 cannot start a label */
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    kgi_term t[3];
    size_t off = 999;
    const char *msg = NULL;
    size_t pos = 0;
    kgi_nt_result r = KGI_NT_TRIPLE;
    while (r == KGI_NT_TRIPLE) /* a bad second triple on a line still fails */
      r = kgi_nt_read(&reader, bad[i].line, strlen(bad[i].line), &pos, t, &off, &msg);
    if (r != KGI_NT_ERROR || off != bad[i].off || !msg) {
      fprintf(stderr, "bad line %zu \"%s\": result %d, offset %zu, message %s\n", i, bad[i].line,
              (int)r, off, msg ? msg : "(none)");
      check_failures++;
    }
  }
}

/* The IRI byte scan (sixteen bytes a step where the machine has SSE2) stops exactly where
 * the table says, for every byte value, at every position of a block and in the tail. */
static void test_iri_run(void) {
  char s[40];
  for (int b = 0; b < 256; b++)
    for (size_t at = 0; at < sizeof s; at++) {
      memset(s, 'a', sizeof s);
      s[at] = (char)b;
      size_t want = kgi_iri_bad[b] ? at : sizeof s;
      if (kgi_iri_run(s, sizeof s) != want) {
        fprintf(stderr, "byte 0x%02X at %zu: run %zu, want %zu\n", (unsigned)b, at,
                kgi_iri_run(s, sizeof s), want);
        check_failures++;
      }
    }
  CHECK(kgi_iri_run("", 0) == 0);
  CHECK(kgi_iri_run("ab>cd", 5) == 2);
}

/* The input check (sixteen bytes a step where the machine has SSE2): every lone byte at
 * every position, and characters of two and three bytes across a block's edge. */
static void test_text_check(void) {
  char s[40];
  for (int b = 0; b < 256; b++)
    for (size_t at = 0; at < sizeof s; at++) {
      memset(s, 'a', sizeof s);
      s[at] = (char)b;
      bool control = b < 0x20 && b != '\t' && b != '\n' && b != '\r';
      size_t bad = 99, want_xml = control || b >= 0x80 ? at : (size_t)-1;
      CHECK(kgi_utf8_valid(s, sizeof s, &bad) == (b < 0x80));
      CHECK(b < 0x80 || bad == at);
      CHECK(kgi_find_xml_illegal(s, sizeof s) == want_xml);
    }
  for (size_t at = 0; at + 3 <= sizeof s; at++) {
    memset(s, 'a', sizeof s);
    memcpy(s + at, "\xC3\xA9", 2); /* e acute */
    CHECK(kgi_utf8_valid(s, sizeof s, NULL));
    CHECK(kgi_find_xml_illegal(s, sizeof s) == (size_t)-1);
    memcpy(s + at, "\xEF\xBF\xBE", 3); /* U+FFFE: UTF-8, but not an XML character */
    CHECK(kgi_utf8_valid(s, sizeof s, NULL));
    CHECK(kgi_find_xml_illegal(s, sizeof s) == at);
  }
}

int main(void) {
  test_iri_run();
  test_text_check();
  test_terms();
  test_carriage_return();
  test_errors();
  kgi_nt_dispose(&reader);
  return CHECK_RESULT();
}
