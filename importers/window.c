/*
 * The recent input text and its line starts, so that an error names the line and the column
 * of what is wrong. Readers report where they are (raptor: the line where it finished a
 * triple), and a bad term or literal is searched for back from there.
 */
#include "importer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Keep the window bounded: drop whole lines from its start, keeping at least KEEP bytes
 * (the lines an error message may point back to); a line longer than that (a one-line file
 * of many triples) loses its start, counted in first_col so that columns stay right. */
enum { KEEP = 64 * 1024 };

/* How many lines back from a reported line a token is looked for: raptor reports a triple
 * at the line where its parser reduced it, which can be some lines after the token. */
enum { LOOK_BACK = 8 };

size_t kgi_window_column(const kgi_window *w, size_t line_start, size_t off) {
  size_t col = line_start == 0 ? 1 + w->first_col : 1;
  for (size_t i = line_start; i < off; i++)
    if (((unsigned char)w->text[i] & 0xc0) != 0x80)
      col++;
  return col;
}

void kgi_window_line_col(const kgi_window *w, size_t off, size_t *line, size_t *col) {
  size_t lo = 0, hi = w->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (w->line_at[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  *line = w->first_line + lo;
  *col = kgi_window_column(w, w->line_at[lo], off);
}

bool kgi_window_line(const kgi_window *w, size_t line, size_t *start, size_t *end) {
  if (line < w->first_line || line - w->first_line >= w->nlines)
    return false;
  size_t k = line - w->first_line;
  *start = w->line_at[k];
  *end = k + 1 < w->nlines ? w->line_at[k + 1] : w->len;
  return true;
}

size_t kgi_window_find(const kgi_window *w, size_t line, const char *token) {
  size_t tl = strlen(token), start, end;
  for (size_t l = line; tl && l >= 1 && l + LOOK_BACK > line; l--) {
    if (!kgi_window_line(w, l, &start, &end))
      continue;
    for (size_t i = start; i + tl <= end; i++)
      if (memcmp(w->text + i, token, tl) == 0)
        return i;
  }
  return (size_t)-1;
}

size_t kgi_window_term_start(const kgi_window *w, size_t off) {
  const char *t = w->text;
  size_t i = off;
  if (i && t[i - 1] == ':') {
    i--;
    while (i && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-' ||
                 t[i - 1] == '.'))
      i--;
  } else if (i && (t[i - 1] == '#' || t[i - 1] == '/')) {
    while (i && t[i - 1] != '<' && t[i - 1] != '\n')
      i--;
    if (i && t[i - 1] == '<')
      i--;
  }
  return i;
}

/* Drop the first cut bytes of the window: whole lines (k of them), or the start of the first
 * line (k == 0). */
static void drop(kgi_window *w, size_t k, size_t cut) {
  if (k == 0)
    for (size_t i = 0; i < cut; i++)
      w->first_col += ((unsigned char)w->text[i] & 0xc0) != 0x80;
  else
    w->first_col = 0;
  memmove(w->text, w->text + cut, w->len - cut);
  w->len -= cut;
  w->checked -= cut;
  w->dropped += cut;
  for (size_t i = k ? k : 1; i < w->nlines; i++)
    w->line_at[i - k] = w->line_at[i] - cut;
  w->nlines -= k;
  w->first_line += k;
}

static void trim(kgi_window *w) {
  if (w->len <= 2 * KEEP || w->checked < w->len - KEEP)
    return;
  size_t lo = 0, hi = w->nlines; /* the first line that starts at or after len - KEEP */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w->line_at[mid] < w->len - KEEP)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t k = lo;
  bool pinned = w->pinned_line && k >= w->pinned_line - w->first_line;
  if (pinned)
    k = w->pinned_line - w->first_line; /* never drop a line not consumed yet */
  if (k > 0 && k <= w->nlines)
    drop(w, k - (k == w->nlines), w->line_at[k - (k == w->nlines)]);
  if (pinned || w->len <= 2 * KEEP || (w->nlines > 1 && w->line_at[1] <= w->len - KEEP))
    return;
  /* the first line goes on past len - KEEP: its start goes, up to a character's start */
  size_t cut = w->len - KEEP;
  while (cut < w->checked && ((unsigned char)w->text[cut] & 0xc0) == 0x80)
    cut++;
  drop(w, 0, cut);
}

kg_status kgi_window_append(kgi_window *w, const char *data, size_t n, kg_error *err) {
  trim(w);
  if (kgi_grow((void **)&w->text, &w->cap, w->len + n + 1, 1, err))
    return KG_ENOMEM;
  if (w->nlines == 0) {
    if (kgi_grow((void **)&w->line_at, &w->caplines, 1, sizeof *w->line_at, err))
      return KG_ENOMEM;
    w->line_at[w->nlines++] = 0;
    w->first_line = 1;
  }
  memcpy(w->text + w->len, data, n);
  /* where a lone CR ends a line, the LF of a CRLF moves that line's start past itself (one
   * line, not two) */
  bool crs = w->cr_ends_line && (w->after_cr || memchr(data, '\r', n));
  for (size_t i = 0; i < n; i++) {
    if (!crs) { /* the common case: lines end with LF alone */
      const char *lf = memchr(data + i, '\n', n - i);
      if (!lf)
        break;
      i = (size_t)(lf - data);
    }
    char ch = data[i];
    bool after_cr = w->after_cr;
    w->after_cr = ch == '\r';
    if (ch != '\n' && !(w->cr_ends_line && ch == '\r'))
      continue;
    size_t at = w->len + i + 1;
    if (w->cr_ends_line && ch == '\n' && after_cr) {
      w->line_at[w->nlines - 1] = at;
      continue;
    }
    if (kgi_grow((void **)&w->line_at, &w->caplines, w->nlines + 1, sizeof *w->line_at, err))
      return KG_ENOMEM;
    w->line_at[w->nlines++] = at;
  }
  w->len += n;
  w->text[w->len] = '\0';
  return KG_OK;
}

kg_status kgi_window_check(kgi_window *w, bool at_end, const char *name, kg_error *err) {
  size_t end = w->len;
  if (!at_end) { /* hold back a character cut by the chunk boundary */
    size_t back = 0;
    while (back < 3 && back < end - w->checked &&
           ((unsigned char)w->text[end - 1 - back] & 0xc0) == 0x80)
      back++;
    if (back < end - w->checked && (unsigned char)w->text[end - 1 - back] >= 0xc0)
      end -= back + 1;
  }
  const char *p = w->text + w->checked;
  size_t n = end - w->checked, bad, line, col;
  if (!kgi_utf8_valid(p, n, &bad)) {
    kgi_window_line_col(w, w->checked + bad, &line, &col);
    return kgi_error_set(err, KG_EPARSE, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)", name, line, col,
                         (unsigned)(unsigned char)p[bad]);
  }
  bad = kgi_find_xml_illegal(p, n);
  if (bad != (size_t)-1) {
    kgi_window_line_col(w, w->checked + bad, &line, &col);
    return kgi_error_set(err, KG_EPARSE,
                         "%s:%zu:%zu: control character U+%04X is not allowed (XML 1.0 forbids it)",
                         name, line, col, (unsigned)(unsigned char)p[bad]);
  }
  w->checked = end;
  return KG_OK;
}

void kgi_window_dispose(kgi_window *w) {
  free(w->text);
  free(w->line_at);
  memset(w, 0, sizeof *w);
}
