/* Value column descriptors (core/text.h, kgi_buf_put_value_desc). */
#include "text.h"

#include <string.h>

static bool plain_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

/* A CURIE of the well-known prefixes when the local part is plain, else <IRI>. */
static void put_term(kgi_buf *b, const char *iri) {
  for (const kgi_prefix *p = kgi_prefixes; p->prefix; p++) {
    size_t n = strlen(p->ns);
    if (strncmp(iri, p->ns, n) != 0 || !iri[n])
      continue;
    const char *local = iri + n;
    bool plain = true;
    for (const char *c = local; *c && plain; c++)
      plain = plain_char((unsigned char)*c);
    if (plain) {
      kgi_buf_printf(b, "%s:%s", p->prefix, local);
      return;
    }
  }
  kgi_buf_printf(b, "<%s>", iri);
}

/* The datatype a column of this kind declares: the kind's own, xsd:date for every date. */
static const char *column_datatype(const kg_value *v) {
  if (v->kind == KG_VALUE_DATE)
    return KGI_XSD "date";
  return kg_value_datatype(v);
}

void kgi_buf_put_value_desc(kgi_buf *b, const char *pred, const kg_value *v) {
  put_term(b, pred);
  if (v->kind == KG_VALUE_LANGSTRING) {
    kgi_buf_printf(b, "@%s", v->lang);
  } else if (v->kind == KG_VALUE_IRI) {
    kgi_buf_puts(b, "^^@id");
  } else if (v->kind != KG_VALUE_STRING) {
    kgi_buf_puts(b, "^^");
    put_term(b, column_datatype(v));
  }
}

/* A term at *s (<IRI> or a CURIE of the well-known prefixes, ending at `stop` characters or
 * the end) into out; *s moves past it. */
static bool read_term(const char **s, const char *stop, kgi_buf *out) {
  const char *p = *s;
  kgi_buf_clear(out);
  if (*p == '<') {
    const char *end = strchr(p, '>');
    if (!end || end == p + 1)
      return false;
    kgi_buf_put(out, p + 1, (size_t)(end - p - 1));
    *s = end + 1;
    return !out->oom && kgi_iri_ok(kgi_buf_str(out));
  }
  size_t n = strcspn(p, stop);
  const char *colon = memchr(p, ':', n);
  if (!colon)
    return false;
  for (const kgi_prefix *k = kgi_prefixes; k->prefix; k++) {
    if (strlen(k->prefix) != (size_t)(colon - p) || strncmp(k->prefix, p, (size_t)(colon - p)))
      continue;
    for (const char *c = colon + 1; c < p + n; c++)
      if (!plain_char((unsigned char)*c))
        return false;
    if (colon + 1 == p + n)
      return false;
    kgi_buf_puts(out, k->ns);
    kgi_buf_put(out, colon + 1, (size_t)(p + n - colon - 1));
    *s = p + n;
    return !out->oom;
  }
  return false;
}

bool kgi_value_desc_parse(const char *text, kgi_buf *pred, kgi_buf *lang, kgi_buf *datatype,
                          kg_value_kind *kind) {
  const char *p = text;
  kgi_buf_clear(lang);
  kgi_buf_clear(datatype);
  if (!read_term(&p, "@^", pred))
    return false;
  if (!*p) {
    *kind = KG_VALUE_STRING;
    return true;
  }
  if (*p == '@') {
    kgi_buf_puts(lang, p + 1);
    *kind = KG_VALUE_LANGSTRING;
    return !lang->oom && kgi_lang_valid(kgi_buf_str(lang));
  }
  if (strncmp(p, "^^", 2) != 0)
    return false;
  p += 2;
  if (strcmp(p, "@id") == 0) {
    *kind = KG_VALUE_IRI;
    return true;
  }
  if (!read_term(&p, "", datatype) || *p)
    return false;
  *kind = kgi_kind_for_datatype(kgi_buf_str(datatype));
  return *kind != KG_VALUE_STRING && *kind != KG_VALUE_LANGSTRING;
}
