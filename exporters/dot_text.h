/*
 * exporters/dot_text.h — text as Graphviz shows it: escaping for its string processing, and
 * names and quotes wrapped into lines measured in display columns. Private to exporters/.
 */
#ifndef KGI_DOT_TEXT_H
#define KGI_DOT_TEXT_H

#include "base.h"

/* How Graphviz reads an attribute before showing it (checked on 2.43 with -Tsvg and -Tpng). */
typedef enum kgi_dot_esc {
  /* label: &entities; decoded, then \N \G \E \T \H \L substituted, then \n \l \r end lines
     and \\ gives \ (one level of backslashes) */
  ESC_LABEL,
  /* tooltip: &entities; decoded, then \x gives x (\n newline), then \N ... substituted and
     \\ gives \ again (two levels of backslashes) */
  ESC_TOOLTIP
} kgi_dot_esc;

/* Append text so that Graphviz shows exactly it (see dot_text.c). */
void kgi_dot_escape(kgi_buf *b, const char *s, kgi_dot_esc kind);
/* A quote in “ ”, cut after about 60 columns (with …) and wrapped at about 30. */
void kgi_dot_put_quote(kgi_buf *b, const char *text);
/* A name in full, in as few balanced lines of about 34 columns as it needs. */
void kgi_dot_put_name(kgi_buf *b, const char *text);

#endif /* KGI_DOT_TEXT_H */
