/* The bytes of the RDF writers on their way to the file (see rdf_map.h, kgi_rdf_out). */
#define _POSIX_C_SOURCE 200809L /* putc_unlocked */
#include "rdf_map.h"

#include <stdio.h>
#include <string.h>

/*
 * raptor 2.0.15's Turtle writer gets two things wrong that only its output can put right, so
 * its bytes go through this filter on their way to the file. The flag escape_cr of
 * kgi_rdf_syntax marks that writer's output; the other writers quote every literal and escape
 * a CR themselves, and their bytes pass untouched.
 * - A lone carriage return goes raw into a "..." string, which is not Turtle (rapper itself
 *   rejects it). A raw CR can only occur inside a string in its output, and the escape \r is
 *   valid in every Turtle string form.
 * - An xsd:double goes out bare whenever strtod() reads all of it, so INF, -INF and NaN come
 *   out as bare words, which are not Turtle (they have no bare form). Outside strings and
 *   IRIs, a word that is exactly one of them can be nothing else (a prefixed name holds a ':',
 *   the keywords are "a", "true" and "false"): the filter follows strings and IRIs, and writes
 *   such a word "INF"^^xsd:double. Finite doubles need nothing here: the model holds them
 *   in XSD's canonical form (4.88566E1, core/value.c), whose bare form reads back as a
 *   double. raptor's later Turtle writer quotes these itself; the filter then finds nothing.
 */

static const char *const bare_doubles[] = {"INF", "-INF", "NaN"}; /* the model's forms */

/* 2 when word[0..n) is one of bare_doubles, 1 when it starts one, else 0. */
static int bare_double(const char *w, size_t n) {
  int r = 0;
  for (size_t i = 0; i < sizeof bare_doubles / sizeof bare_doubles[0]; i++)
    if (strncmp(bare_doubles[i], w, n) == 0 && r < 2)
      r = bare_doubles[i][n] ? 1 : 2;
  return r;
}

static bool separator(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';' || c == '(' || c == ')' ||
         c == '[' || c == ']';
}

/* One byte to the file (unlocked: kgi_rdf_write holds the stream's lock for the whole
 * document); a CR as \r in Turtle. */
static void put_byte(kgi_rdf_out *f, int c) {
  if (f->failed)
    return;
  if (c == '\r' && f->turtle)
    f->failed = fputs("\\r", f->out) == EOF;
  else
    f->failed = putc_unlocked(c, f->out) == EOF;
}

static void put_str(kgi_rdf_out *f, const char *s) {
  while (*s)
    put_byte(f, (unsigned char)*s++);
}

/* The word held back goes out: quoted and typed when it is a whole word (`whole`: a
 * separator or the end follows) that is a bare INF, -INF or NaN. */
static void end_word(kgi_rdf_out *f, bool whole) {
  bool quote = whole && f->nword && bare_double(f->word, f->nword) == 2;
  if (quote)
    put_byte(f, '"');
  for (size_t i = 0; i < f->nword; i++)
    put_byte(f, (unsigned char)f->word[i]);
  if (quote && f->xsd_prefix) {
    put_str(f, "\"^^");
    put_str(f, f->xsd_prefix);
    put_str(f, ":double");
  } else if (quote) {
    put_str(f, "\"^^<" KGI_XSD "double>");
  }
  f->nword = 0;
}

static void lex_byte(kgi_rdf_out *f, int c) {
  switch (f->state) {
  case LEX_IRI:
    if (c == '>')
      f->state = LEX_OUT;
    break;
  case LEX_QUOTES: /* "", or the opening of "..." or """...""" */
    if (c == '"') {
      if (++f->quotes == 3)
        f->state = LEX_LONG_STRING, f->quotes = 0;
      break;
    }
    if (f->quotes == 2) { /* "" was an empty string: c comes after it */
      f->state = LEX_OUT;
      f->word_start = false;
      lex_byte(f, c);
      return;
    }
    f->state = LEX_STRING;
    lex_byte(f, c);
    return;
  case LEX_STRING:
  case LEX_LONG_STRING:
    if (f->escaped)
      f->escaped = false, f->quotes = 0;
    else if (c == '\\')
      f->escaped = true, f->quotes = 0;
    else if (c != '"')
      f->quotes = 0;
    else if (f->state == LEX_STRING || ++f->quotes == 3)
      f->state = LEX_OUT;
    break;
  case LEX_OUT:
    if (f->nword || f->word_start) {
      if (!separator(c) && c != '"' && c != '<') {
        f->word_start = false;
        if (f->nword < sizeof f->word) {
          f->word[f->nword++] = (char)c;
          if (bare_double(f->word, f->nword))
            return; /* held back */
          f->nword--;
        }
        end_word(f, false);
        break;
      }
      end_word(f, separator(c));
    }
    f->word_start = separator(c);
    if (c == '"')
      f->state = LEX_QUOTES, f->quotes = 1;
    else if (c == '<')
      f->state = LEX_IRI;
    break;
  }
  put_byte(f, c);
}

static int filter_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb) {
  kgi_rdf_out *f = ctx;
  size_t n = size * nmemb;
  if (f->turtle) {
    for (const unsigned char *p = ptr; n--;)
      lex_byte(f, *p++);
  } else if (!f->failed && n && fwrite(ptr, 1, n, f->out) != n) {
    f->failed = true;
  }
  return f->failed ? 0 : (int)nmemb; /* raptor wants the count of items written */
}

/* raptor's writers hand over most output a byte at a time: keep this path short. */
static int filter_write_byte(void *ctx, const int byte) {
  kgi_rdf_out *f = ctx;
  if (f->turtle)
    lex_byte(f, byte);
  else if (!f->failed && putc_unlocked(byte, f->out) == EOF)
    f->failed = true;
  return f->failed ? 1 : 0; /* here: non-zero on failure */
}

void kgi_rdf_out_finish(kgi_rdf_out *f) {
  if (f->state == LEX_OUT)
    end_word(f, true); /* the end of the document ends a word held back */
}

static const raptor_iostream_handler filter_handler = {
    /* version 2: raptor 2.0.15 only treats a handler as writable from version 2 on */
    .version = 2,
    .write_byte = filter_write_byte,
    .write_bytes = filter_write_bytes};

raptor_iostream *kgi_rdf_out_open(kgi_rdf_out *f, raptor_world *w, FILE *out, bool turtle,
                                  const char *xsd_prefix) {
  memset(f, 0, sizeof *f);
  f->out = out;
  f->turtle = turtle;
  f->xsd_prefix = xsd_prefix;
  f->word_start = true;
  return raptor_new_iostream_from_handler(w, f, &filter_handler);
}
