/*
 * Text the model holds, checked once for every reader and writer: UTF-8, the characters
 * XML 1.0 allows, the bytes an IRI may hold, BCP 47 tags, display columns, CURIEs.
 */
#include "text.h"

#include <ctype.h>
#include <string.h>
#ifdef KGI_SSE2
#include <emmintrin.h>
#endif

/* ---- UTF-8 and XML ---- */

size_t kgi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
  unsigned char c = s[0];
  size_t n;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if ((c & 0xe0) == 0xc0) {
    n = 2, v = c & 0x1f, min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3, v = c & 0x0f, min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (len < n)
    return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xc0) != 0x80)
      return 0;
    v = (v << 6) | (s[i] & 0x3f);
  }
  if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
    return 0;
  *cp = v;
  return n;
}

/* 1 for the bytes an IRI may not hold as written: C0 controls, space and <>"{}|\^` */
const unsigned char kgi_iri_bad[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0,
    /* 0x80 and up: 0 (UTF-8 is checked on its own) */
};

size_t kgi_iri_run(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
#ifdef KGI_SSE2
  /* Sixteen bytes a step, while none is in the set (N-Triples spends its reading time
   * here): <= 0x20, then <> and \^ as (x | 2) == '>' and '^', |} as (x | 1) == '}', and
   * "`{ one by one. The bytes after the block's first bad one are looked at below. */
  const __m128i space = _mm_set1_epi8(0x20), two = _mm_set1_epi8(2), one = _mm_set1_epi8(1);
  while (end - p >= 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i x2 = _mm_or_si128(x, two), x1 = _mm_or_si128(x, one);
    __m128i bad = _mm_cmpeq_epi8(_mm_min_epu8(x, space), x);
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x2, _mm_set1_epi8('>')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x2, _mm_set1_epi8('^')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x1, _mm_set1_epi8('}')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('`')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('{')));
    if (_mm_movemask_epi8(bad))
      break;
    p += 16;
  }
#endif
  while (p < end && !kgi_iri_bad[*p])
    p++;
  return (size_t)(p - (const unsigned char *)s);
}

#ifndef KGI_SSE2
/* Eight bytes at once (read unaligned). */
static inline uint64_t word_at(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, sizeof w);
  return w;
}
#define HIGH_BITS 0x8080808080808080ULL
/* Does a word hold a byte below 0x20 (a control character, or a line end)? */
#define HAS_BELOW_SPACE(w) (((w)-0x2020202020202020ULL) & ~(w)&HIGH_BITS)
#endif

static inline bool plain_ascii(unsigned char c, bool text) {
  return c < 0x80 && (!text || c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
}

/* How many leading bytes need no closer look, as the runs that are most of any input: ASCII,
 * and with `text`, no C0 control but tab, line feed and carriage return. */
static size_t ascii_run(const unsigned char *p, size_t len, bool text) {
  size_t i = 0;
#ifdef KGI_SSE2
  const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t');
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; len - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i)), stop = x;
    if (text) { /* signed: below 0x20, or 0x80 and up */
      __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(x, tab),
                                _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
      stop = _mm_andnot_si128(ws, _mm_cmplt_epi8(x, space));
    }
    if (_mm_movemask_epi8(stop))
      break;
  }
  while (i < len && plain_ascii(p[i], text)) /* within the block that stopped the loop */
    i++;
#else
  /* a word with a line end in it goes a byte at a time, then words again */
  while (i < len) {
    uint64_t w;
    if (len - i >= 8 && !((w = word_at(p + i)) & HIGH_BITS) && !(text && HAS_BELOW_SPACE(w)))
      i += 8;
    else if (plain_ascii(p[i], text))
      i++;
    else
      break;
  }
#endif
  return i;
}

bool kgi_utf8_valid(const char *s, size_t len, size_t *bad_offset) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while ((i += ascii_run(p + i, len - i, false)) < len) {
    uint32_t cp;
    size_t n = kgi_utf8_decode(p + i, len - i, &cp);
    if (!n) {
      if (bad_offset)
        *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}

bool kgi_xml_char_ok(uint32_t cp) {
  if (cp < 0x20)
    return cp == 0x09 || cp == 0x0a || cp == 0x0d;
  if (cp >= 0xd800 && cp <= 0xdfff)
    return false;
  return cp != 0xfffe && cp != 0xffff;
}

size_t kgi_find_xml_illegal(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while ((i += ascii_run(p + i, len - i, true)) < len) {
    uint32_t cp;
    size_t n = kgi_utf8_decode(p + i, len - i, &cp);
    if (!n || !kgi_xml_char_ok(cp))
      return i;
    i += n;
  }
  return (size_t)-1;
}

/* BCP 47 shape (RFC 5646 well-formedness at the level of subtags): a 2-3 letter or 4-8
 * letter primary subtag, then subtags of 1-8 letters/digits, or "x-"/"i-" private forms. */
bool kgi_lang_valid(const char *tag) {
  const char *p = tag;
  size_t first = 0;
  while (isalpha((unsigned char)p[first]))
    first++;
  if (first == 0 || first > 8 ||
      (first == 1 && tolower((unsigned char)p[0]) != 'x' && tolower((unsigned char)p[0]) != 'i'))
    return false;
  p += first;
  while (*p) {
    if (*p != '-')
      return false;
    p++;
    size_t n = 0;
    while (isalnum((unsigned char)p[n]))
      n++;
    if (n == 0 || n > 8)
      return false;
    p += n;
  }
  return true;
}

int kgi_char_columns(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                 (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD)
             ? 2
             : 1;
}

/* ---- suggestions ---- */

static int ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c; }

size_t kgi_edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n > KGI_EDIT_MAX || m > KGI_EDIT_MAX)
    return (size_t)-1;
  /* three rows of the table: two back (for swaps), the previous one, the current one */
  size_t rows[3][KGI_EDIT_MAX + 1];
  size_t *back = rows[0], *prev = rows[1], *cur = rows[2];
  for (size_t j = 0; j <= m; j++)
    prev[j] = j;
  for (size_t i = 1; i <= n; i++) {
    cur[0] = i;
    int ai = ascii_lower(a[i - 1]);
    for (size_t j = 1; j <= m; j++) {
      int bj = ascii_lower(b[j - 1]);
      size_t d = prev[j - 1] + (ai != bj);
      if (prev[j] + 1 < d)
        d = prev[j] + 1;
      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ai == ascii_lower(b[j - 2]) && ascii_lower(a[i - 2]) == bj &&
          back[j - 2] + 1 < d)
        d = back[j - 2] + 1;
      cur[j] = d;
    }
    size_t *t = back;
    back = prev, prev = cur, cur = t;
  }
  return prev[m];
}

bool kgi_edit_close(size_t distance, const char *typed) {
  size_t most = strlen(typed) / 3;
  return distance <= (most ? most : 1);
}

/* ---- prefixes ---- */

const kgi_prefix kgi_prefixes[] = {
    {"kg", KG_NS},
    {"rdf", KGI_RDF},
    {"rdfs", KGI_RDFS},
    {"xsd", KGI_XSD},
    {"owl", KGI_OWL},
    {"prov", KGI_PROV},
    {"schema", KGI_SCHEMA},
    {"dct", "http://purl.org/dc/terms/"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"foaf", "http://xmlns.com/foaf/0.1/"},
    {"wd", KGI_WD},
    {"wdt", "http://www.wikidata.org/prop/direct/"},
    {NULL, NULL},
};
/* the RDF writers keep a set of these as the bits of an unsigned (kgi_rdf_prefixes_used) */
_Static_assert(sizeof kgi_prefixes / sizeof kgi_prefixes[0] - 1 <= 32, "a bit per prefix");

void kgi_buf_put_curie(kgi_buf *b, const char *iri) {
  for (const kgi_prefix *p = kgi_prefixes; p->prefix; p++) {
    size_t n = strlen(p->ns);
    if (strncmp(iri, p->ns, n) == 0 && iri[n]) {
      kgi_buf_puts(b, p->prefix);
      kgi_buf_puts(b, ":");
      kgi_buf_puts(b, iri + n);
      return;
    }
  }
  kgi_buf_puts(b, iri);
}

const char *kgi_local_name(const char *iri) {
  const char *best = iri;
  for (const char *p = iri; *p; p++)
    if ((*p == '#' || *p == '/' || *p == ':') && p[1])
      best = p + 1;
  return best;
}

/* IRI characters RFC 3987 forbids, and which every RDF syntax would have to escape. */
bool kgi_iri_ok(const char *s) {
  if (!*s)
    return false;
  bool ascii = true;
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) {
    if (kgi_iri_bad[*p])
      return false;
    ascii = ascii && *p < 0x80;
  }
  /* text given through the API (or made by a \u escape) is checked here, as input text is */
  size_t len = (size_t)(p - (const unsigned char *)s);
  return ascii || (kgi_utf8_valid(s, len, NULL) && kgi_find_xml_illegal(s, len) == (size_t)-1);
}

bool kgi_iri_absolute(const char *s) {
  const char *p = s;
  if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
    return false;
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
         *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

kg_status kgi_unknown_name(kg_error *err, const char *kind, const char *label, const char *asked,
                           const char *const *names, const char *const *const *aliases, size_t n) {
  size_t best = n, best_d = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    size_t d = kgi_edit_distance(asked, names[i]);
    for (const char *const *a = aliases ? aliases[i] : NULL; a && *a; a++) {
      size_t da = kgi_edit_distance(asked, *a);
      d = da < d ? da : d;
    }
    if (d < best_d)
      best = i, best_d = d;
  }
  kgi_buf list;
  kgi_buf_init(&list);
  for (size_t i = 0; i < n; i++)
    kgi_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
  if (best < n && kgi_edit_close(best_d, asked))
    kgi_error_set(err, KG_ENOTFOUND, "unknown %s '%s'; did you mean '%s'? %s: %s", kind, asked,
                  names[best], label, kgi_buf_str(&list));
  else
    kgi_error_set(err, KG_ENOTFOUND, "unknown %s '%s'. %s: %s", kind, asked, label,
                  kgi_buf_str(&list));
  kgi_buf_dispose(&list);
  return KG_ENOTFOUND;
}
