/*
 * Text for Graphviz: escaping (agwrite only escapes '"'; Graphviz then interprets
 * backslashes and entities) and wrapping in display columns (a CJK character counts two).
 */
#include "dot_text.h"
#include "text.h"

#include <string.h>

/* Layout limits for quote text, in display columns, and the line length of names: with
   rankdir=LR a rank is as wide as its widest node, so a long event name on one line widens
   the whole picture. */
enum { QUOTE_MAX = 60, QUOTE_LINE = 30, NAME_LINE = 34 };

/* ---- escaping ---------------------------------------------------------------------------- */

/*
 * Append text so that Graphviz shows exactly it. agwrite quotes the value and escapes '"',
 * but Graphviz then interprets backslash sequences in labels and tooltips (escString: a data
 * "\N" would become the node's name, "\l" a line end) and decodes HTML entities ("&amp;"
 * would show as "&"). So: every '\' doubled (quadrupled in tooltips, which are unescaped
 * twice), each newline written as \n, '\r' dropped, and '&' written as "&amp;". Node names
 * are not escStrings and are passed to cgraph as they are.
 */
void kgi_dot_escape(kgi_buf *b, const char *s, kgi_dot_esc kind) {
  const char *backslash = kind == ESC_TOOLTIP ? "\\\\\\\\" : "\\\\";
  for (const char *run = s;; s++) {
    const char *with;
    switch (*s) {
    case '\\': with = backslash; break;
    case '\n': with = "\\n"; break;
    case '\r': with = ""; break;
    case '&': with = "&amp;"; break;
    case '\0': kgi_buf_put(b, run, (size_t)(s - run)); return;
    default: continue;
    }
    kgi_buf_put(b, run, (size_t)(s - run));
    kgi_buf_puts(b, with);
    run = s + 1;
  }
}

/* ---- UTF-8 text measured in display columns ------------------------------------------ */

/* Bytes of the character at s, never past the string's end, and its display columns (the
 * model holds valid UTF-8 only; a malformed byte counts as one byte of one column). */
static size_t char_at(const char *s, int *width) {
  uint32_t cp;
  size_t n = kgi_utf8_decode((const unsigned char *)s, strnlen(s, 4), &cp);
  *width = n ? kgi_char_columns(cp) : 1;
  return n ? n : 1;
}

static size_t char_len(const char *s) {
  int width;
  return char_at(s, &width);
}

static int char_width(const char *s) {
  int width;
  char_at(s, &width);
  return width;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

typedef struct wrap {
  kgi_buf *b;
  int line;      /* columns on the current line */
  int total;     /* columns written */
  int line_max;  /* wrap lines at about this many columns */
  int total_max; /* cut the text after about this many, 0: never */
} wrap;

/* One character, starting a new line first when it would pass line_max (long CJK runs). */
static void wrap_char(wrap *w, const char *s, size_t n, int width) {
  if (w->line && w->line + width > w->line_max) {
    kgi_buf_puts(w->b, "\n");
    w->line = 0;
  }
  kgi_buf_put(w->b, s, n);
  w->line += width;
  w->total += width;
}

/* One word, or as much of it as fits in total_max; false when the text is cut. */
static bool put_word(wrap *w, const char *p, const char *end, int width, bool first) {
  bool limited = w->total_max > 0;
  if (limited && !first && w->total + 1 + width > w->total_max && width <= w->line_max)
    return false; /* cut at the word end */
  if (!first) {
    if (w->line + 1 + width > w->line_max) {
      kgi_buf_puts(w->b, "\n");
      w->line = 0;
    } else {
      wrap_char(w, " ", 1, 1);
    }
  }
  for (; p < end; p += char_len(p)) {
    if (limited && w->total >= w->total_max)
      return false; /* a long run without spaces (CJK): cut inside it */
    wrap_char(w, p, char_len(p), char_width(p));
  }
  return true;
}

/* Text wrapped (and cut) as w says, word by word; false when it was cut. */
static bool put_wrapped(wrap *w, const char *text) {
  bool first = true, whole = true;
  for (const char *p = text; *p && whole;) {
    while (is_space(*p))
      p++;
    if (!*p)
      break;
    int width = 0;
    const char *end = p;
    for (; *end && !is_space(*end); end += char_len(end))
      width += char_width(end);
    whole = put_word(w, p, end, width, first);
    first = false;
    p = end;
  }
  return whole;
}

/*
 * The quote text in “ ”, cut after about QUOTE_MAX columns (at a word end when there is one,
 * with an ellipsis: the whole text is in the tooltip) and wrapped at about QUOTE_LINE
 * columns, so that a quote fits a note shape.
 */
void kgi_dot_put_quote(kgi_buf *b, const char *text) {
  wrap w = {b, 0, 0, QUOTE_LINE, QUOTE_MAX};
  kgi_buf_puts(b, "\xE2\x80\x9C"); /* “ */
  bool whole = put_wrapped(&w, text);
  kgi_buf_puts(b, whole ? "\xE2\x80\x9D" : "\xE2\x80\xA6\xE2\x80\x9D"); /* ” or …” */
}

/* How many lines greedy wrapping at line_max columns gives text (words never cut), and the
 * widest word. */
static int lines_at(const char *text, int line_max, int *widest) {
  int lines = 1, line = 0;
  *widest = 0;
  for (const char *p = text; *p;) {
    while (is_space(*p))
      p++;
    int width = 0;
    for (; *p && !is_space(*p); p += char_len(p))
      width += char_width(p);
    if (!width)
      break;
    if (width > *widest)
      *widest = width;
    if (line && line + 1 + width > line_max) {
      lines++;
      line = width;
    } else {
      line += (line ? 1 : 0) + width;
    }
  }
  return lines;
}

/* A name in full, in as few lines of about NAME_LINE columns as it needs, and of about equal
 * length (no "2025" left alone on the last line): the shortest line length that gives no
 * more lines than NAME_LINE does. */
void kgi_dot_put_name(kgi_buf *b, const char *text) {
  int widest, lines = lines_at(text, NAME_LINE, &widest);
  int line_max = widest < NAME_LINE ? widest : NAME_LINE;
  while (line_max < NAME_LINE && lines_at(text, line_max, &widest) > lines)
    line_max++;
  wrap w = {b, 0, 0, line_max, 0};
  put_wrapped(&w, text);
}
