/*
 * Graphviz DOT through cgraph: the graph is built with agopen/agnode/agedge and written with
 * agwrite, which quotes every id and value. One DOT node per model node, named by its id; one
 * DOT edge per model edge, in model order, each with its own key so that parallel edges
 * survive (the graph is not strict). Shapes and colours come from core/style.c; a legend
 * cluster shows the styles in use, its nodes named "legend_*" so tools can leave them out.
 *
 * A DOT file is a picture: literal values go to tooltips, never become nodes. Text from the
 * data is escaped here for Graphviz's own string processing (see put_escaped), because
 * agwrite only escapes '"'.
 */
#include "dot_build.h"

#include <cgraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Layout limits for quote text, in display columns (a CJK character counts two), and the
   line length of names: with rankdir=LR a rank is as wide as its widest node, so a long
   event name on one line widens the whole picture. */
enum { QUOTE_MAX = 60, QUOTE_LINE = 30, NAME_LINE = 34 };

/*
 * Noto Sans CJK SC (Debian: fonts-noto-cjk) draws the Chinese, Japanese and Korean text, but
 * it draws Latin punctuation at CJK full width ("Taiwan’ s", a centred "⋯"); so Latin text
 * comes from DejaVu Sans, which every Graphviz install has through fontconfig, and pango
 * takes what DejaVu lacks from the next family in the list (SVG keeps the list as CSS).
 */
#define FONT "DejaVu Sans,Noto Sans CJK SC"

/*
 * cgraph 2.42/2.43 (Debian 12) declares its string arguments `char *` although it only reads
 * them (later releases say `const char *`). This is the one place where const is cast away.
 */
static char *cg(const char *s) { return (char *)s; }

/* ---- cgraph's error hook ------------------------------------------------------------- */

/*
 * cgraph reports through a process-global hook (agseterrf) that takes no context pointer and
 * otherwise prints to stderr. While we write, the hook copies the last message here; the old
 * hook is put back before write_dot returns. Not thread-safe, as cgraph's hook is not.
 */
static char cg_message[256];

static int capture_cg_error(char *msg) {
  size_t n = strcspn(msg, "\r\n"); /* our messages are one line */
  if (n >= sizeof cg_message)
    n = sizeof cg_message - 1;
  memcpy(cg_message, msg, n);
  cg_message[n] = '\0';
  return 0;
}

/* ---- a growing text buffer with a sticky out-of-memory flag ---------------------------- */

typedef struct buf {
  char *s;
  size_t len, cap;
  bool oom; /* an append failed: the text is incomplete, checked before it is used */
} buf;

static void buf_put(buf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (n > SIZE_MAX / 4 - b->len) { /* so that the doubling below cannot overflow */
    b->oom = true;
    return;
  }
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      b->oom = true;
      return;
    }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static void buf_clear(buf *b) {
  b->len = 0;
  if (b->s)
    b->s[0] = '\0';
}

/* A CURIE ("kg:holdsOffice") when a prefix matches, else the IRI. */
static void buf_put_curie(buf *b, const char *iri) {
  char c[512];
  /* a CURIE is never longer than its IRI, so a short IRI's CURIE is never truncated */
  buf_puts(b, strlen(iri) < sizeof c ? kgi_curie(c, sizeof c, iri) : iri);
}

/* ---- escaping ---------------------------------------------------------------------------- */

/* How Graphviz reads an attribute before showing it (checked on 2.43 with -Tsvg and -Tpng). */
typedef enum esc_kind {
  /* label: &entities; decoded, then \N \G \E \T \H \L substituted, then \n \l \r end lines
     and \\ gives \ (one level of backslashes) */
  ESC_LABEL,
  /* tooltip: &entities; decoded, then \x gives x (\n newline), then \N ... substituted and
     \\ gives \ again (two levels of backslashes) */
  ESC_TOOLTIP
} esc_kind;

/*
 * Append text so that Graphviz shows exactly it. agwrite quotes the value and escapes '"',
 * but Graphviz then interprets backslash sequences in labels and tooltips (escString: a data
 * "\N" would become the node's name, "\l" a line end) and decodes HTML entities ("&amp;"
 * would show as "&"). So: every '\' doubled (quadrupled in tooltips, which are unescaped
 * twice), each newline written as \n, '\r' dropped, and '&' written as "&amp;". Node names
 * are not escStrings and are passed to cgraph as they are.
 */
static void put_escaped(buf *b, const char *s, esc_kind kind) {
  const char *backslash = kind == ESC_TOOLTIP ? "\\\\\\\\" : "\\\\";
  for (const char *run = s;; s++) {
    const char *with;
    switch (*s) {
    case '\\': with = backslash; break;
    case '\n': with = "\\n"; break;
    case '\r': with = ""; break;
    case '&': with = "&amp;"; break;
    case '\0': buf_put(b, run, (size_t)(s - run)); return;
    default: continue;
    }
    buf_put(b, run, (size_t)(s - run));
    buf_puts(b, with);
    run = s + 1;
  }
}

/* ---- UTF-8 text measured in display columns ------------------------------------------ */

/* Length of the UTF-8 sequence starting with byte c (the model holds valid UTF-8 only). */
static size_t utf8_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/* Bytes of the character at s, never past the string's end (a cut sequence counts short). */
static size_t char_len(const char *s) {
  size_t n = utf8_len((unsigned char)*s), i = 1;
  while (i < n && s[i])
    i++;
  return i;
}

/* Two columns for CJK, kana, hangul and fullwidth forms, one for the rest: close enough to
   wrap quotes evenly in Latin and CJK text alike. */
static int char_width(const char *s) {
  size_t n = utf8_len((unsigned char)*s);
  uint32_t cp = n == 1 ? (unsigned char)s[0] : (unsigned char)s[0] & (0x7F >> n);
  for (size_t i = 1; i < n && s[i]; i++)
    cp = cp << 6 | ((unsigned char)s[i] & 0x3F);
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                 (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD)
             ? 2
             : 1;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

typedef struct wrap {
  buf *b;
  int line;      /* columns on the current line */
  int total;     /* columns written */
  int line_max;  /* wrap lines at about this many columns */
  int total_max; /* cut the text after about this many, 0: never */
} wrap;

/* One character, starting a new line first when it would pass line_max (long CJK runs). */
static void wrap_char(wrap *w, const char *s, size_t n, int width) {
  if (w->line && w->line + width > w->line_max) {
    buf_puts(w->b, "\n");
    w->line = 0;
  }
  buf_put(w->b, s, n);
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
      buf_puts(w->b, "\n");
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
static void put_quote(buf *b, const char *text) {
  wrap w = {b, 0, 0, QUOTE_LINE, QUOTE_MAX};
  buf_puts(b, "\xE2\x80\x9C"); /* “ */
  bool whole = put_wrapped(&w, text);
  buf_puts(b, whole ? "\xE2\x80\x9D" : "\xE2\x80\xA6\xE2\x80\x9D"); /* ” or …” */
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
static void put_name(buf *b, const char *text) {
  int widest, lines = lines_at(text, NAME_LINE, &widest);
  int line_max = widest < NAME_LINE ? widest : NAME_LINE;
  while (line_max < NAME_LINE && lines_at(text, line_max, &widest) > lines)
    line_max++;
  wrap w = {b, 0, 0, line_max, 0};
  put_wrapped(&w, text);
}

/* ---- reading the model ---------------------------------------------------------------- */

static const kg_value *value_of(const kg_node *n, const char *pred) {
  for (uint32_t i = 0; i < n->nprops; i++)
    if (strcmp(n->props[i].pred, pred) == 0)
      return &n->props[i].value;
  return NULL;
}

static bool is_cjk_lang(const char *lang) {
  return (strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
          strncmp(lang, "ko", 2) == 0) &&
         (lang[2] == '\0' || lang[2] == '-');
}

/* The first Chinese, Japanese or Korean label, when it is not the display label already. */
static const char *native_label(const kg_node *n, const char *shown) {
  for (uint32_t i = 0; i < n->nlabels; i++)
    if (is_cjk_lang(n->labels[i].lang))
      return strcmp(n->labels[i].text, shown) != 0 ? n->labels[i].text : NULL;
  return NULL;
}

static bool style_is(const kgi_style *s, const char *cls) {
  return s->cls && strcmp(s->cls, cls) == 0;
}

/* "participatedIn" -> "participated in"; '_' and '-' become spaces, acronyms stay. */
static void put_readable_name(buf *b, const char *name) {
  for (const char *p = name; *p; p++) {
    char c = *p;
    bool upper = c >= 'A' && c <= 'Z';
    bool after_word =
        p > name && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
    if (c == '_' || c == '-') {
      buf_puts(b, " ");
      continue;
    }
    if (upper && after_word)
      buf_puts(b, " ");
    if (upper && !(p[1] >= 'A' && p[1] <= 'Z'))
      c = (char)(c - 'A' + 'a');
    buf_put(b, &c, 1);
  }
}

/* The Wikidata entity id (Q…, P…, L… and digits) the node is the same as, or NULL. */
static const char *wikidata_id(const kg_node *n) {
  size_t nwd = strlen(KGI_WD);
  for (uint32_t i = 0; i < n->nsame; i++) {
    if (strncmp(n->same_as[i], KGI_WD, nwd) != 0)
      continue;
    const char *id = n->same_as[i] + nwd;
    /* only plain ids, short: the page URL then needs no escaping and fits a small buffer */
    size_t len = strlen(id);
    if (id[0] && strchr("QPL", id[0]) && len > 1 && len < 32 &&
        strspn(id + 1, "0123456789") == len - 1)
      return id;
  }
  return NULL;
}

/* White text when it meets WCAG AA contrast (4.5:1) on the fill, else black, which then
   contrasts more: white on the mid blues and greys, black on the light and warm fills. */
static const char *text_colour(const kgi_style *s) {
  static const double weight[3] = {0.2126, 0.7152, 0.0722};
  int rgb[3];
  kgi_style_rgb(s, rgb);
  double lum = 0;
  for (int k = 0; k < 3; k++) {
    double c = rgb[k] / 255.0;
    lum += weight[k] * (c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
  }
  return 1.05 / (lum + 0.05) >= 4.5 ? "#ffffff" : "#000000";
}

/* ---- the cgraph graph ------------------------------------------------------------------- */

typedef struct dot {
  const kg_graph *g;
  Agraph_t *root;
  Agnode_t **nodes; /* the cgraph node of each model node, by index */
  buf text;         /* text being composed */
  buf esc;          /* its escaped form */
  bool large;       /* laid out by sfdp: no edge labels (they are the slow part of it) */
  kg_error *err;
} dot;

static kg_status cg_failed(dot *d, const char *what) {
  return kgi_error_set(d->err, KG_ELIB, "DOT: cgraph could not %s%s%s", what,
                       cg_message[0] ? ": " : "", cg_message);
}

/* Every attribute we set, declared once with its default so agwrite writes only differences. */
typedef struct attr_default {
  int kind;
  const char *name, *value;
} attr_default;

static const attr_default defaults[] = {
    {AGRAPH, "charset", "UTF-8"},
    {AGRAPH, "rankdir", "LR"},
    {AGRAPH, "fontname", FONT},
    {AGRAPH, "fontsize", "14"},
    {AGRAPH, "label", ""}, /* set on the root only: clusters would inherit a declared value */
    {AGRAPH, "labelloc", "t"},
    {AGRAPH, "labeljust", "l"},
    {AGRAPH, "overlap", "false"},
    {AGRAPH, "splines", "true"},
    {AGRAPH, "newrank", ""},
    /* ~95 nodes and ~240 edges (the story) draw at about 52 x 41 inches, 11 pt text: the
       story's many edge labels are extra rows of a rank, so rows stay tight */
    {AGRAPH, "nodesep", "0.18"},
    {AGRAPH, "ranksep", "0.6"},
    {AGRAPH, "pad", "0.3"},
    {AGRAPH, "rank", ""},
    {AGRAPH, "style", ""},
    {AGRAPH, "color", ""},
    {AGRAPH, "fillcolor", ""},
    /* Long values on one line: agwrite otherwise splits them with backslash-newlines. */
    {AGRAPH, "linelength", "0"},
    {AGNODE, "fontname", FONT},
    {AGNODE, "fontsize", "11"},
    {AGNODE, "label", "\\N"},
    {AGNODE, "shape", "ellipse"},
    {AGNODE, "style", "filled"},
    {AGNODE, "fillcolor", "#d4d4d4"},
    {AGNODE, "fontcolor", "#000000"},
    {AGNODE, "color", "#4d4d4d"},
    {AGNODE, "penwidth", "0.8"},
    {AGNODE, "margin", "0.12,0.06"},
    {AGNODE, "tooltip", ""},
    {AGNODE, "URL", ""},
    {AGNODE, "target", ""},
    {AGEDGE, "fontname", FONT},
    {AGEDGE, "fontsize", "9"},
    {AGEDGE, "label", ""},
    {AGEDGE, "tooltip", ""},
    {AGEDGE, "color", "#5a5a5a"},
    {AGEDGE, "fontcolor", "#333333"},
    {AGEDGE, "style", "solid"},
    {AGEDGE, "penwidth", "0.8"},
    {AGEDGE, "arrowsize", "0.6"},
};

/* A value that is not data text (a colour, a shape, a number): set as it is. */
static kg_status set_plain(dot *d, void *obj, const char *name, const char *value) {
  if (agsafeset(obj, cg(name), cg(value), cg("")) != 0)
    return cg_failed(d, "set an attribute");
  return KG_OK;
}

/* Data text composed in d->text: escaped for its kind, then set. */
static kg_status set_text(dot *d, void *obj, const char *name, esc_kind kind) {
  buf_clear(&d->esc);
  put_escaped(&d->esc, d->text.s ? d->text.s : "", kind);
  if (d->text.oom || d->esc.oom)
    return kgi_error_oom(d->err);
  return set_plain(d, obj, name, d->esc.s);
}

static kg_status open_graph(dot *d) {
  d->root = agopen(cg("kg"), Agdirected, NULL); /* not strict: parallel edges are kept */
  if (!d->root)
    return cg_failed(d, "create the graph");
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
    if (!(d->large && strcmp(defaults[i].name, "overlap") == 0) &&
        !agattr(d->root, defaults[i].kind, cg(defaults[i].name), cg(defaults[i].value)))
      return cg_failed(d, "declare an attribute");
  buf_clear(&d->text);
  buf_puts(&d->text, d->g->base);
  return set_text(d, d->root, "label", ESC_LABEL);
}

/* ---- nodes ---- */

/* The date line of an event: its start (or kg:date), and its end when it has one; none
   when the label says the date already ("... April 2026" has no line "2026"). */
static void put_event_date(buf *b, const kg_node *n, const char *shown) {
  const kg_value *start = value_of(n, KGI_SCHEMA "startDate");
  const kg_value *end = value_of(n, KGI_SCHEMA "endDate");
  if (!start)
    start = value_of(n, KG_NS "date");
  if ((!start && !end) || (start && !end && strstr(shown, start->lexical)))
    return;
  buf_puts(b, "\n");
  if (start)
    buf_puts(b, start->lexical);
  if (end) {
    buf_puts(b, " \xE2\x80\x93 "); /* – */
    buf_puts(b, end->lexical);
  }
}

/* A figure: "≈ 29.3 percent" (value, unit, and whether it is approximate). */
static void put_amount(buf *b, const kg_node *n, const kg_value *amount) {
  const kg_value *unit = value_of(n, KGI_SCHEMA "unitText");
  const kg_value *approx = value_of(n, KG_NS "approximate");
  if (approx && strcmp(approx->lexical, "true") == 0)
    buf_puts(b, "\xE2\x89\x88 "); /* ≈ */
  buf_puts(b, amount->lexical);
  if (unit) {
    buf_puts(b, " ");
    buf_puts(b, unit->lexical);
  }
}

/* What a node shows: a quote's text, a figure's amount, else its label (+ native); then an
   event's date. b is empty on entry. */
static void put_node_label(buf *b, const kg_node *n, const kgi_style *s) {
  const kg_value *text = value_of(n, KGI_SCHEMA "text");
  const kg_value *amount = value_of(n, KGI_SCHEMA "value");
  if (style_is(s, "Quote") && text) {
    put_quote(b, text->lexical);
  } else if (style_is(s, "Quantity") && amount) {
    put_amount(b, n, amount);
  } else {
    const char *shown = kg_node_display_label(n, "en");
    const char *native = native_label(n, shown);
    put_name(b, shown);
    if (native) {
      buf_puts(b, "\n");
      buf_puts(b, native);
    }
  }
  if (style_is(s, "Event") || style_is(s, "Deadline") || value_of(n, KGI_SCHEMA "startDate"))
    put_event_date(b, n, b->s ? b->s : "");
}

/* Classes; IRI (or blank id); source; then every literal value: the drawing's details. */
static void put_node_tooltip(buf *b, const kg_node *n) {
  for (uint32_t i = 0; i < n->nclasses; i++) {
    buf_puts(b, i ? ", " : "");
    buf_put_curie(b, n->classes[i]);
  }
  buf_puts(b, n->nclasses ? "; " : "");
  buf_puts(b, n->iri ? n->iri : n->id);
  if (n->source) {
    buf_puts(b, "; source: ");
    buf_puts(b, kg_node_display_label(n->source, "en"));
  }
  for (uint32_t i = 0; i < n->nprops; i++) {
    buf_puts(b, "; ");
    buf_put_curie(b, n->props[i].pred);
    buf_puts(b, ": ");
    buf_puts(b, n->props[i].value.lexical);
  }
}

static kg_status add_node(dot *d, const kg_node *n) {
  const kgi_style *s = kgi_style_for(n);
  Agnode_t *an = agnode(d->root, cg(n->id), 1);
  if (!an)
    return cg_failed(d, "create a node");
  d->nodes[n->index] = an;
  kg_status st;
  buf_clear(&d->text);
  put_node_label(&d->text, n, s);
  if ((st = set_text(d, an, "label", ESC_LABEL)))
    return st;
  buf_clear(&d->text);
  put_node_tooltip(&d->text, n);
  if ((st = set_text(d, an, "tooltip", ESC_TOOLTIP)) ||
      (st = set_plain(d, an, "shape", s->shape)) || (st = set_plain(d, an, "fillcolor", s->fill)) ||
      (st = set_plain(d, an, "fontcolor", text_colour(s))))
    return st;
  const char *wd = wikidata_id(n);
  if (wd) {
    char url[64];
    snprintf(url, sizeof url, "https://www.wikidata.org/wiki/%s", wd);
    if ((st = set_plain(d, an, "URL", url)) || (st = set_plain(d, an, "target", "_blank")))
      return st;
  }
  return KG_OK;
}

static kg_status add_nodes(dot *d) {
  for (size_t i = 0; i < d->g->nnodes; i++) {
    kg_status st = add_node(d, d->g->nodes[i]);
    if (st)
      return st;
  }
  /* ids are unique in the model; two equal names would have given one DOT node */
  if ((size_t)agnnodes(d->root) != d->g->nnodes)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d nodes drawn for %zu in the graph",
                         agnnodes(d->root), d->g->nnodes);
  return KG_OK;
}

/* ---- edges ---- */

/* Edges that say what something is about are context, drawn light and dashed. */
static bool is_context_edge(const kg_edge *e) {
  return strcmp(e->pred, KG_NS "topic") == 0 || strcmp(e->pred, KGI_SCHEMA "about") == 0;
}

/* The ontology's English label ("holds office in"), else the local name made readable. */
static void put_edge_label(buf *b, const kg_edge *e) {
  const char *label = kgi_vocab_label(e->pred);
  if (label)
    buf_puts(b, label);
  else
    put_readable_name(b, kgi_local_name(e->pred));
}

/* "kg:holdsOffice; kg:role: President; kg:startDate: 2025-10; source: ..." */
static void put_edge_tooltip(buf *b, const kg_edge *e) {
  buf_put_curie(b, e->pred);
  for (uint32_t i = 0; i < e->nquals; i++) {
    buf_puts(b, "; ");
    buf_put_curie(b, e->quals[i].pred);
    buf_puts(b, ": ");
    buf_puts(b, e->quals[i].value.lexical);
  }
  if (e->source) {
    buf_puts(b, "; source: ");
    buf_puts(b, kg_node_display_label(e->source, "en"));
  }
}

static kg_status add_edge(dot *d, const kg_edge *e) {
  char key[32];
  snprintf(key, sizeof key, "e%u", (unsigned)e->index); /* unique: parallel edges stay apart */
  Agedge_t *ae = agedge(d->root, d->nodes[e->src->index], d->nodes[e->tgt->index], key, 1);
  if (!ae)
    return cg_failed(d, "create an edge");
  kg_status st;
  buf_clear(&d->text);
  put_edge_label(&d->text, e);
  if (!d->large && (st = set_text(d, ae, "label", ESC_LABEL)))
    return st;
  buf_clear(&d->text);
  put_edge_tooltip(&d->text, e);
  if ((st = set_text(d, ae, "tooltip", ESC_TOOLTIP)))
    return st;
  if (is_context_edge(e) &&
      ((st = set_plain(d, ae, "style", "dashed")) || (st = set_plain(d, ae, "color", "#b0b0b0")) ||
       (st = set_plain(d, ae, "fontcolor", "#8c8c8c"))))
    return st;
  return KG_OK;
}

static kg_status add_edges(dot *d) {
  for (size_t i = 0; i < d->g->nedges; i++) {
    kg_status st = add_edge(d, d->g->edges[i]);
    if (st)
      return st;
  }
  if ((size_t)agnedges(d->root) != d->g->nedges)
    return kgi_error_set(d->err, KG_ELIB, "DOT: %d edges drawn for %zu in the graph",
                         agnedges(d->root), d->g->nedges);
  return KG_OK;
}

/* ---- the legend ---- */

/* A legend node "legend_<i>" (with a suffix in the unlikely case the data uses the name). */
static kg_status add_legend_node(Agnode_t **out, dot *d, Agraph_t *sub, size_t i) {
  char name[64];
  int n = snprintf(name, sizeof name, "legend_%zu", i);
  for (unsigned k = 2; agnode(d->root, name, 0); k++)
    snprintf(name + n, sizeof name - (size_t)n, "_%u", k);
  *out = agnode(sub, name, 1);
  if (!*out)
    return cg_failed(d, "create a legend node");
  const kgi_style *s = kgi_style_at(i);
  kg_status st;
  buf_clear(&d->text);
  buf_puts(&d->text, s->legend);
  if ((st = set_text(d, *out, "label", ESC_LABEL)))
    return st;
  buf_clear(&d->text);
  if (s->cls) {
    buf_puts(&d->text, "kg:");
    buf_puts(&d->text, s->cls);
  }
  if ((st = set_text(d, *out, "tooltip", ESC_TOOLTIP)) ||
      (st = set_plain(d, *out, "shape", s->shape)) ||
      (st = set_plain(d, *out, "fillcolor", s->fill)) ||
      (st = set_plain(d, *out, "fontcolor", text_colour(s))))
    return st;
  return KG_OK;
}

/*
 * One node per style in use, in the style table's order, stacked in a column (rank=same is
 * a column with rankdir=LR) inside its own cluster, which dot places beside the story
 * rather than among it. Invisible edges, drawn from each item to the one before, keep the
 * column in table order from the top.
 */
static kg_status add_legend(dot *d) {
  Agraph_t *box = agsubg(d->root, cg("cluster_legend"), 1);
  Agraph_t *column = box ? agsubg(box, cg("legend_column"), 1) : NULL;
  if (!column)
    return cg_failed(d, "create the legend");
  kg_status st;
  if ((st = set_plain(d, box, "label", "Legend")) ||
      (st = set_plain(d, box, "style", "rounded,filled")) ||
      (st = set_plain(d, box, "color", "#c8c8c8")) ||
      (st = set_plain(d, box, "fillcolor", "#f7f7f7")) ||
      (st = set_plain(d, box, "fontsize", "12")) || (st = set_plain(d, column, "rank", "same")))
    return st;
  Agnode_t *prev = NULL;
  for (size_t i = 0; i < kgi_style_count(); i++) {
    const kgi_style *s = kgi_style_at(i);
    bool used = false;
    for (size_t j = 0; j < d->g->nnodes && !used; j++)
      used = kgi_style_for(d->g->nodes[j]) == s;
    if (!used)
      continue;
    Agnode_t *n;
    if ((st = add_legend_node(&n, d, column, i)))
      return st;
    if (prev) {
      char key[64];
      snprintf(key, sizeof key, "legend_e%zu", i);
      Agedge_t *e = agedge(column, n, prev, key, 1);
      if (!e)
        return cg_failed(d, "create a legend edge");
      if ((st = set_plain(d, e, "style", "invis")))
        return st;
    }
    prev = n;
  }
  return KG_OK;
}

/* ---- countries ---- */

/* An edge that says its source acts for its target country (an office, a mandate). */
static bool acts_for_country(const kg_edge *e) {
  return (strcmp(e->pred, KG_NS "holdsOffice") == 0 || strcmp(e->pred, KG_NS "represents") == 0) &&
         style_is(kgi_style_for(e->tgt), "Country") && !style_is(kgi_style_for(e->src), "Country");
}

/*
 * Actors grouped by the country they act for: one cluster per country that has any, holding
 * the country and the people and bodies whose kg:holdsOffice / kg:represents edges all point
 * to it (a delegation acting for several countries belongs to none of them). Graphviz 2.43's
 * dot loses or fails to route labelled edges between clusters with its default ranking and
 * splines ("lost edge", "Pshortestpath failed"), so a graph with country clusters is ranked
 * with newrank and drawn with polyline edges, with which it routes every edge.
 */
static kg_status add_country_clusters(dot *d) {
  const kg_graph *g = d->g;
  const kg_node **country = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *country);
  bool *several = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *several);
  if (!country || !several) {
    free(country);
    free(several);
    return kgi_error_oom(d->err);
  }
  for (size_t i = 0; i < g->nedges; i++) {
    const kg_edge *e = g->edges[i];
    if (!acts_for_country(e))
      continue;
    uint32_t a = e->src->index;
    several[a] = several[a] || (country[a] && country[a] != e->tgt);
    country[a] = e->tgt;
  }
  size_t grouped = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    if (several[i] || !country[i])
      country[i] = NULL;
    else if (country[i] != g->nodes[i]) {
      country[country[i]->index] = country[i]; /* the country heads its own cluster */
      grouped++;
    }
  }
  kg_status st = KG_OK;
  for (size_t i = 0; i < g->nnodes && grouped && !st; i++) {
    const kg_node *c = g->nodes[i];
    if (country[i] != c) /* one cluster per country, in node order */
      continue;
    char name[64];
    snprintf(name, sizeof name, "cluster_country_%zu", i);
    Agraph_t *sub = agsubg(d->root, name, 1);
    if (!sub) {
      st = cg_failed(d, "create a country cluster");
      break;
    }
    buf_clear(&d->text);
    buf_puts(&d->text, kg_node_display_label(c, "en"));
    if ((st = set_text(d, sub, "label", ESC_LABEL)) ||
        (st = set_plain(d, sub, "style", "rounded,filled")) ||
        (st = set_plain(d, sub, "color", "#d9d9d9")) ||
        (st = set_plain(d, sub, "fillcolor", "#f4f4f4")))
      break;
    for (size_t j = 0; j < g->nnodes; j++)
      if (country[j] == c && !agsubnode(sub, d->nodes[j], 1))
        st = cg_failed(d, "put a node in its country's cluster");
  }
  if (!st && grouped)
    st = set_plain(d, d->root, "newrank", "true");
  if (!st && grouped)
    st = set_plain(d, d->root, "splines", "polyline");
  free(country);
  free(several);
  return st;
}

/* ---- the exporter ---- */

/*
 * Above this many nodes dot's layout takes minutes to hours: the graph asks for sfdp, with
 * straight edges, no edge labels (the relation stays in the tooltip), sfdp's own overlap
 * handling and a picture capped at 60 inches. Measured on a 10k-node graph with sfdp 2.43:
 * 10 s so; over 5 minutes with edge labels; 42 s with overlap=prism; a crash with
 * overlap=false; everything piled into a corner with overlap=true.
 */
enum { LARGE_GRAPH = 2000 };

static kg_status mark_large(dot *d) {
  kg_status st;
  if ((st = set_plain(d, d->root, "layout", "sfdp")) ||
      (st = set_plain(d, d->root, "splines", "false")) ||
      (st = set_plain(d, d->root, "outputorder", "edgesfirst")) ||
      (st = set_plain(d, d->root, "size", "60,60")))
    return st;
  return KG_OK;
}

kg_status kgi_dot_with_graph(const kg_graph *g, kgi_dot_action action, void *ctx, kg_error *err) {
  dot d = {.g = g, .err = err};
  kg_status st = KG_OK;
  cg_message[0] = '\0';
  agusererrf old_hook = agseterrf(capture_cg_error);
  d.nodes = kgi_calloc(g->nnodes ? g->nnodes : 1, sizeof *d.nodes);
  if (!d.nodes) {
    st = kgi_error_oom(err);
    goto done;
  }
  d.large = g->nnodes > LARGE_GRAPH;
  if ((st = open_graph(&d)) || (d.large && (st = mark_large(&d))) || (st = add_nodes(&d)) ||
      (st = add_edges(&d)) || (!d.large && (st = add_country_clusters(&d))) ||
      (st = add_legend(&d)))
    goto done;
  st = action(d.root, ctx, err);
  if (st && !err->message[0])
    st = cg_failed(&d, "render the graph");
done:
  if (d.root) {
    /* cgraph keeps names that start with '%' (ids of percent-encoded IRIs) in an internal
       map that agclose does not free (2.43): this frees them, once they are written */
    aginternalmapclearlocalnames(d.root);
    if (agclose(d.root) != 0 && !st)
      st = cg_failed(&d, "free the graph");
  }
  agseterrf(old_hook);
  free(d.nodes);
  free(d.text.s);
  free(d.esc.s);
  return st;
}

static kg_status write_action(Agraph_t *root, void *ctx, kg_error *err) {
  FILE *out = ctx;
  if (agnnodes(root) > LARGE_GRAPH + 64 &&
      fprintf(out,
              "/* kgexport: %d nodes. dot's layout is impractical at this size, so the graph\n"
              "   asks for sfdp (layout=sfdp), straight edges and no edge labels (the\n"
              "   relation is in each edge's tooltip); -K chooses another engine. */\n",
              agnnodes(root)) < 0)
    return kgi_error_set(err, KG_EIO, "DOT: writing the output failed");
  if (agwrite(root, out) != 0)
    return ferror(out) ? kgi_error_set(err, KG_EIO, "DOT: writing the output failed") : KG_ELIB;
  return KG_OK;
}

static kg_status write_dot(const kg_graph *g, FILE *out, kg_error *err) {
  return kgi_dot_with_graph(g, write_action, out, err);
}

const kgi_exporter kgi_exporter_dot = {
    .name = "dot",
    .extension = "dot",
    .description = "Graphviz DOT (cgraph)",
    .write = write_dot,
};
