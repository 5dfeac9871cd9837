/* The GraphML/GEXF writer's escaping (exporters/pgwriter.c), which skips sixteen bytes a step
 * where the machine has SSE2: every byte value at every position of a block and its tail,
 * in an attribute and in element text, against the rules written out here once more. */
#include "check.h"
#include "model.h"
#include "pgwriter.h"

#include <stdlib.h>

enum { LEN = 40 };

static const char *rule(unsigned char c, bool attr) {
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  case '\r': return "&#13;";
  case '\n': return attr ? "&#10;" : NULL;
  case '\t': return attr ? "&#9;" : NULL;
  default: return NULL;
  }
}

static void put_expected(kgi_buf *b, const char *s, bool attr) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    const char *e = rule(*p, attr);
    if (e)
      kgi_buf_puts(b, e);
    else
      kgi_buf_put(b, (const char *)p, 1);
  }
}

/* One document: an element per position of byte c in a run of 'a's, as attribute and text. */
static void check_byte(const kg_graph *g, unsigned char c) {
  char *out = NULL;
  size_t outlen = 0;
  FILE *f = open_memstream(&out, &outlen);
  kg_error err;
  kg_error_init(&err);
  kgi_pg pg;
  CHECK(f && kgi_pg_open(&pg, g, f, "GraphML", NULL, 0, &err) == KG_OK);
  kgi_pg_document_start(&pg, "doc");
  char s[LEN + 1];
  for (size_t at = 0; at < LEN; at++) {
    memset(s, 'a', LEN);
    s[LEN] = '\0';
    s[at] = (char)c;
    kgi_pg_start(&pg, "x");
    kgi_pg_attr(&pg, "v", s);
    kgi_pg_text(&pg, s);
    kgi_pg_end(&pg);
  }
  kgi_pg_document_end(&pg);
  CHECK(kgi_pg_close(&pg) == KG_OK);
  fclose(f);
  const char *cursor = out;
  for (size_t at = 0; at < LEN && cursor; at++) {
    memset(s, 'a', LEN);
    s[at] = (char)c;
    kgi_buf want;
    kgi_buf_init(&want);
    kgi_buf_puts(&want, "<x v=\"");
    put_expected(&want, s, true);
    kgi_buf_puts(&want, "\">");
    put_expected(&want, s, false);
    kgi_buf_puts(&want, "</x>");
    const char *found = strstr(cursor, kgi_buf_str(&want));
    if (!found) {
      fprintf(stderr, "byte 0x%02X at %zu: no %s\n", (unsigned)c, at, kgi_buf_str(&want));
      check_failures++;
    }
    cursor = found ? found + want.len : NULL;
    kgi_buf_dispose(&want);
  }
  free(out);
}

int main(void) {
  kg_graph *g = NULL;
  kg_error err;
  kg_error_init(&err);
  CHECK(kg_graph_new(&g, "https://example.org/", &err) == KG_OK);
  for (int c = 1; c < 256; c++)
    check_byte(g, (unsigned char)c);
  kg_graph_free(g);
  return CHECK_RESULT();
}
