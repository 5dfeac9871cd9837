/* The growable text buffer (see base.h): one for every module that composes text. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kgi_buf_init(kgi_buf *b) { memset(b, 0, sizeof *b); }

void kgi_buf_dispose(kgi_buf *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}

void kgi_buf_clear(kgi_buf *b) {
  b->len = 0;
  if (b->s)
    b->s[0] = '\0';
}

/* Room for n more bytes and the NUL; false (and oom set) when there is none. */
static bool reserve(kgi_buf *b, size_t n) {
  if (b->oom)
    return false;
  if (n > SIZE_MAX / 4 - b->len) { /* so that the doubling below cannot overflow */
    b->oom = true;
    return false;
  }
  if (b->len + n + 1 <= b->cap)
    return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + n + 1)
    cap *= 2;
  char *p = kgi_reallocarray(b->s, cap, 1);
  if (!p) {
    b->oom = true;
    return false;
  }
  b->s = p;
  b->cap = cap;
  return true;
}

void kgi_buf_put(kgi_buf *b, const char *s, size_t n) {
  if (!reserve(b, n))
    return;
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void kgi_buf_puts(kgi_buf *b, const char *s) { kgi_buf_put(b, s, strlen(s)); }

void kgi_buf_printf(kgi_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->oom = true;
    return;
  }
  if (!reserve(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

const char *kgi_buf_str(const kgi_buf *b) { return b->s ? b->s : ""; }
