/*
 * N-Triples lines into terms, following the RDF 1.1 N-Triples grammar
 * (https://www.w3.org/TR/n-triples/#n-triples-grammar). UTF-8 validity and the characters
 * XML forbids are checked on the raw text by the importer; escapes are checked here.
 */
#include "nt.h"

#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cursor {
  const char *s;
  size_t len, i;
  size_t err_off;
  const char *err_msg;
  bool nomem;
  kgi_nt_reader *r;
} cursor;

static bool fail(cursor *c, size_t off, const char *msg) {
  if (!c->err_msg && !c->nomem) {
    c->err_off = off;
    c->err_msg = msg;
  }
  return false;
}

void kgi_term_too_long(char *msg, size_t size, const char *what, size_t max) {
  snprintf(msg, size, "%s of more than %zu bytes (--max-term-bytes raises the limit)", what, max);
}

/* Is the term whose text starts at `text` (its delimiter at `start`) longer than the limit
 * by now? Then it is refused at its start, before its text is copied. */
static bool too_long(cursor *c, size_t start, size_t text, const char *what) {
  if (!c->r->max_term || c->i - text <= c->r->max_term)
    return false;
  kgi_term_too_long(c->r->msg, sizeof c->r->msg, what, c->r->max_term);
  return !fail(c, start, c->r->msg);
}

static bool put(cursor *c, kgi_buf *b, const char *data, size_t n) {
  kgi_buf_put(b, data, n);
  if (b->oom)
    c->nomem = true;
  return !b->oom;
}

static void skip_ws(cursor *c) {
  while (c->i < c->len && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
    c->i++;
}

static int hexval(char ch) {
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* \uXXXX or \UXXXXXXXX at c->i (the backslash): append the character as UTF-8. */
static bool uchar(cursor *c, kgi_buf *b) {
  size_t at = c->i;
  size_t n = c->s[at + 1] == 'u' ? 4 : 8;
  if (at + 2 + n > c->len)
    return fail(c, at, "incomplete \\u escape");
  uint32_t cp = 0;
  for (size_t k = 0; k < n; k++) {
    int h = hexval(c->s[at + 2 + k]);
    if (h < 0)
      return fail(c, at, "a \\u escape needs hexadecimal digits");
    cp = cp << 4 | (uint32_t)h;
  }
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return fail(c, at, "a \\u escape names no Unicode character");
  char u[4];
  size_t m;
  if (cp < 0x80) {
    u[0] = (char)cp;
    m = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xc0 | cp >> 6);
    u[1] = (char)(0x80 | (cp & 0x3f));
    m = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xe0 | cp >> 12);
    u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    u[2] = (char)(0x80 | (cp & 0x3f));
    m = 3;
  } else {
    u[0] = (char)(0xf0 | cp >> 18);
    u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    u[3] = (char)(0x80 | (cp & 0x3f));
    m = 4;
  }
  c->i = at + 2 + n;
  return put(c, b, u, m);
}

static bool scheme_char(char ch, bool first) {
  bool alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return first ? alpha : alpha || (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.';
}

/* IRIREF: '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>', and absolute (N-Triples has no base). */
static bool iriref(cursor *c, kgi_buf *b) {
  size_t start = c->i;
  if (c->i >= c->len || c->s[c->i] != '<')
    return fail(c, c->i, "expected an IRI in <...>");
  c->i++;
  kgi_buf_clear(b);
  bool escaped = false;
  for (;;) {
    size_t run = c->i;
    c->i += kgi_iri_run(c->s + c->i, c->len - c->i);
    if (too_long(c, start, start + 1, "an IRI") || !put(c, b, c->s + run, c->i - run))
      return false;
    if (c->i >= c->len)
      return fail(c, start, "IRI without its closing '>'");
    char ch = c->s[c->i];
    if (ch == '>')
      break;
    if (ch == '\\' && c->i + 1 < c->len && (c->s[c->i + 1] == 'u' || c->s[c->i + 1] == 'U')) {
      if (!uchar(c, b))
        return false;
      escaped = true;
      continue;
    }
    return fail(c, c->i, "character not allowed in an IRI (write it as \\u escape or %-encoding)");
  }
  c->i++;
  size_t k = 0;
  while (k < b->len && scheme_char(b->s[k], k == 0))
    k++;
  if (k == 0 || k >= b->len || b->s[k] != ':')
    return fail(c, start, "relative IRI: N-Triples IRIs are absolute (scheme:...)");
  if (escaped && kgi_iri_run(b->s, b->len) != b->len) /* an escape may give a forbidden one */
    return fail(c, start, "an escape in this IRI gives a character IRIs do not allow");
  return true;
}

/* The code point at s[*i], *i moved past it; 0 (no label character) when malformed. */
static uint32_t next_cp(const char *s, size_t len, size_t *i) {
  uint32_t cp = 0;
  size_t n = kgi_utf8_decode((const unsigned char *)s + *i, len - *i, &cp);
  *i += n ? n : 1;
  return n ? cp : 0;
}

/* PN_CHARS_BASE, PN_CHARS_U (with ':', as RDF 1.1 N-Triples has it) and PN_CHARS */
static bool pn_base(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
static bool pn_u(uint32_t c) { return pn_base(c) || c == '_' || c == ':'; }
static bool pn_chars(uint32_t c) {
  return pn_u(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

/* BLANK_NODE_LABEL: '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)? */
static bool blank(cursor *c, kgi_buf *b) {
  size_t start = c->i;
  c->i += 2;
  size_t first = c->i, at = c->i;
  uint32_t cp = c->i < c->len ? next_cp(c->s, c->len, &at) : 0;
  if (!(pn_u(cp) || (cp >= '0' && cp <= '9')))
    return fail(c, start, "blank node label expected after '_:'");
  c->i = at;
  while (c->i < c->len) {
    at = c->i;
    cp = next_cp(c->s, c->len, &at);
    if (!pn_chars(cp) && cp != '.')
      break;
    c->i = at;
  }
  while (c->s[c->i - 1] == '.') /* a label does not end with '.': that is the triple's end */
    c->i--;
  if (too_long(c, start, first, "a blank node label"))
    return false;
  kgi_buf_clear(b);
  return put(c, b, c->s + first, c->i - first);
}

/* STRING_LITERAL_QUOTE: '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"' */
static bool string_literal(cursor *c, kgi_buf *b) {
  size_t start = c->i++;
  kgi_buf_clear(b);
  for (;;) {
    size_t run = c->i;
    while (c->i < c->len && c->s[c->i] != '"' && c->s[c->i] != '\\' && c->s[c->i] != '\r')
      c->i++;
    if (too_long(c, start, start + 1, "a literal") || !put(c, b, c->s + run, c->i - run))
      return false;
    if (c->i >= c->len || c->s[c->i] == '\r')
      return fail(c, start, "string without its closing '\"' on this line");
    if (c->s[c->i] == '"')
      break;
    if (c->i + 1 >= c->len)
      return fail(c, c->i, "'\\' at the end of the line");
    const char *ech = NULL;
    switch (c->s[c->i + 1]) {
    case 't': ech = "\t"; break;
    case 'b': ech = "\b"; break;
    case 'n': ech = "\n"; break;
    case 'r': ech = "\r"; break;
    case 'f': ech = "\f"; break;
    case '"': ech = "\""; break;
    case '\'': ech = "'"; break;
    case '\\': ech = "\\"; break;
    case 'u':
    case 'U':
      if (!uchar(c, b))
        return false;
      continue;
    default:
      return fail(c, c->i, "unknown escape in a string (\\t \\b \\n \\r \\f \\\" \\' \\\\ \\u)");
    }
    if (!put(c, b, ech, 1))
      return false;
    c->i += 2;
  }
  c->i++;
  return true;
}

/* LANGTAG: '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* */
static bool langtag(cursor *c, kgi_buf *b) {
  size_t start = c->i++;
  size_t first = c->i;
  while (c->i < c->len &&
         ((c->s[c->i] >= 'a' && c->s[c->i] <= 'z') || (c->s[c->i] >= 'A' && c->s[c->i] <= 'Z')))
    c->i++;
  if (c->i == first)
    return fail(c, start, "language tag expected after '@'");
  while (c->i < c->len && c->s[c->i] == '-') {
    size_t sub = ++c->i;
    while (c->i < c->len &&
           ((c->s[c->i] >= 'a' && c->s[c->i] <= 'z') || (c->s[c->i] >= 'A' && c->s[c->i] <= 'Z') ||
            (c->s[c->i] >= '0' && c->s[c->i] <= '9')))
      c->i++;
    if (c->i == sub)
      return fail(c, start, "empty subtag in a language tag");
  }
  if (c->i < c->len && c->s[c->i] == '_')
    return fail(c, start, "not a BCP 47 language tag (subtags are joined by '-')");
  kgi_buf_clear(b);
  return put(c, b, c->s + first, c->i - first);
}

static bool subject_or_object(cursor *c, kgi_nt_reader *r, int which, kgi_term *t) {
  kgi_buf *b = &r->buf[which];
  memset(t, 0, sizeof *t);
  char ch = c->i < c->len ? c->s[c->i] : '\0';
  if (ch == '<') {
    t->type = KGI_TERM_IRI;
    if (!iriref(c, b))
      return false;
  } else if (ch == '_' && c->i + 1 < c->len && c->s[c->i + 1] == ':') {
    t->type = KGI_TERM_BLANK;
    if (!blank(c, b))
      return false;
  } else if (ch == '"' && which == 2) {
    t->type = KGI_TERM_LITERAL;
    if (!string_literal(c, b))
      return false;
    if (c->i < c->len && c->s[c->i] == '@') {
      if (!langtag(c, &r->buf[4]))
        return false;
      t->lang = kgi_buf_str(&r->buf[4]);
    } else if (c->i + 1 < c->len && c->s[c->i] == '^' && c->s[c->i + 1] == '^') {
      c->i += 2;
      if (!iriref(c, &r->buf[3]))
        return false;
      t->datatype = kgi_buf_str(&r->buf[3]);
    }
  } else {
    return fail(c, c->i,
                which == 0 ? "expected a subject: <IRI> or _:label"
                           : "expected an object: <IRI>, _:label or \"literal\"");
  }
  t->str = kgi_buf_str(b);
  t->len = b->len;
  return true;
}

kgi_nt_result kgi_nt_read(kgi_nt_reader *r, const char *line, size_t len, size_t *pos,
                          kgi_term terms[3], size_t *err_off, const char **err_msg) {
  cursor c = {line, len, *pos, 0, NULL, false, r};
  /* EOL is [#xD#xA]+: a carriage return ends a line like '\n' does */
  while (c.i < c.len && (c.s[c.i] == ' ' || c.s[c.i] == '\t' || c.s[c.i] == '\r'))
    c.i++;
  if (c.i >= c.len || c.s[c.i] == '#') {
    *pos = c.len;
    return KGI_NT_EMPTY;
  }
  bool ok = subject_or_object(&c, r, 0, &terms[0]);
  if (ok) {
    skip_ws(&c);
    memset(&terms[1], 0, sizeof terms[1]);
    terms[1].type = KGI_TERM_IRI;
    ok = c.i < c.len && c.s[c.i] == '<' ? iriref(&c, &r->buf[1])
                                        : fail(&c, c.i, "expected a predicate: <IRI>");
    terms[1].str = kgi_buf_str(&r->buf[1]);
    terms[1].len = r->buf[1].len;
  }
  if (ok) {
    skip_ws(&c);
    ok = subject_or_object(&c, r, 2, &terms[2]);
  }
  if (ok) {
    skip_ws(&c);
    ok = c.i < c.len && c.s[c.i] == '.' ? (c.i++, true)
                                        : fail(&c, c.i, "expected '.' to end the triple");
  }
  if (ok) {
    skip_ws(&c);
    if (c.i < c.len && c.s[c.i] != '#' && c.s[c.i] != '\r')
      ok = fail(&c, c.i, "unexpected text after the triple's '.'");
  }
  if (!ok) {
    if (c.nomem)
      return KGI_NT_NOMEM;
    *err_off = c.err_off;
    *err_msg = c.err_msg;
    return KGI_NT_ERROR;
  }
  *pos = c.i < c.len && c.s[c.i] == '#' ? c.len : c.i;
  return KGI_NT_TRIPLE;
}

void kgi_nt_dispose(kgi_nt_reader *r) {
  for (int i = 0; i < 5; i++)
    kgi_buf_dispose(&r->buf[i]);
  memset(r, 0, sizeof *r);
}

/* ---- a line not complete yet ---- */

enum { SCAN_OUT, SCAN_IRI, SCAN_STRING, SCAN_ESCAPE, SCAN_BLANK, SCAN_OTHER, SCAN_COMMENT };

bool kgi_nt_scan_line(kgi_nt_scan *s, const char *line, size_t len, size_t max, size_t *err_off,
                      const char **what) {
  size_t i = s->at;
  for (; i < len; i++) {
    unsigned char ch = (unsigned char)line[i];
    switch (s->state) {
    case SCAN_OUT:
      if (ch == ' ' || ch == '\t')
        continue;
      s->start = i + 1;
      if (ch == '_' && i + 1 >= len) {
        s->at = i; /* "_:" or not: known with the next byte */
        return true;
      }
      s->state = ch == '<'                         ? SCAN_IRI
                 : ch == '"'                       ? SCAN_STRING
                 : ch == '#'                       ? SCAN_COMMENT
                 : ch == '_' && line[i + 1] == ':' ? SCAN_BLANK
                                                   : SCAN_OTHER;
      if (s->state == SCAN_BLANK)
        s->start = ++i + 1;
      continue;
    case SCAN_IRI: /* to its '>', or to what no IRI holds (the parser says what is wrong) */
      if (ch == '>' || (kgi_iri_bad[ch] && ch != '\\'))
        s->state = SCAN_OUT;
      break;
    case SCAN_STRING:
      s->state = ch == '"' ? SCAN_OUT : ch == '\\' ? SCAN_ESCAPE : SCAN_STRING;
      break;
    case SCAN_ESCAPE: s->state = SCAN_STRING; break;
    case SCAN_BLANK:
    case SCAN_OTHER:
      if (ch == ' ' || ch == '\t' || ch == '<' || ch == '"') {
        s->state = SCAN_OUT;
        i--; /* that byte again, outside */
      } else if (s->state == SCAN_BLANK && max && i - s->start > max) {
        *err_off = s->start - 2; /* max bytes and the triple's '.' are not too long */
        *what = "a blank node label";
        return false;
      }
      continue;
    default: i = len - 1; continue; /* a comment, to the end of the line */
    }
    if (s->state != SCAN_OUT && max && i + 1 - s->start > max) {
      *err_off = s->start - 1;
      *what = s->state == SCAN_IRI ? "an IRI" : "a literal";
      return false;
    }
  }
  s->at = i;
  return true;
}
