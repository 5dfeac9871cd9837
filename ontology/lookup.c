/*
 * Names that find nodes: what a person would type for --focus (kg_graph_lookup). An id, an
 * IRI or a CURIE names its node; else the last segment of an IRI (a graph read with no base
 * has whole IRIs for ids) or a name in any language, case-insensitive: an exact
 * label beats one that only starts a word of it, and an actor or a place beats an event, a
 * topic or a source whose title mentions it ("takaichi" is Sanae Takaichi, not "Takaichi's
 * statement ..."), a quote comes last. What is still a tie is ambiguous: the candidates are
 * listed. An unknown name gets the closest ids.
 */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

/* How many candidates an ambiguous name lists, and how many ids an unknown one suggests. */
enum { LIST_MAX = 10, SUGGEST_MAX = 3 };

static char fold(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* How well `text` (case-folded ASCII, other bytes as they are) names `name`: 0 it is the
 * name, 1 a whole word of it ("Xi" in "Xi Jinping"), 2 the start of a word ("Xi" in
 * "Xinhua"), -1 neither. CJK text has no spaces between words: any position starts one. */
static int match(const char *name, const char *text, size_t tl) {
  size_t nl = strlen(name);
  int best = -1;
  for (size_t i = 0; i + tl <= nl && best != 1; i++) {
    if (i && alnum(name[i - 1]) && (unsigned char)text[0] < 0x80)
      continue;
    size_t k = 0;
    while (k < tl && fold(name[i + k]) == fold(text[k]))
      k++;
    if (k < tl)
      continue;
    if (i == 0 && nl == tl)
      return 0;
    int m = alnum(name[i + tl]) ? 2 : 1;
    best = best < 0 || m < best ? m : best;
  }
  return best;
}

/* 0 for an actor or a place, 2 for a quote, 1 for the rest. */
static int class_rank(const kg_node *n) {
  int rank = 1;
  for (uint32_t c = 0; c < n->nclasses + n->nimplied; c++) {
    const char *cls = c < n->nclasses ? n->classes[c] : n->implied[c - n->nclasses];
    if (kgi_vocab_is_a(cls, KG_NS "Agent") || kgi_vocab_is_a(cls, KG_NS "Place"))
      return 0;
    if (kgi_vocab_is_a(cls, KG_NS "Quote"))
      rank = 2;
  }
  return rank;
}

/* The last segment of a node's IRI, after its last '/' or '#' ("xi-jinping"): what names a
 * node of a graph read with no base, whose ids are whole IRIs. NULL when it has none. */
static const char *local_name(const kg_node *n) {
  if (!n->iri)
    return NULL;
  const char *slash = strrchr(n->iri, '/'), *hash = strrchr(n->iri, '#');
  const char *cut = hash && (!slash || hash > slash) ? hash : slash;
  return cut && cut[1] ? cut + 1 : NULL;
}

/* The best match of text among a node's names (see match), -1 none; the local name of its
 * IRI, typed whole, is as good as its name. */
static int best_match(const kg_node *n, const char *text, size_t tl) {
  const char *local = local_name(n);
  if (local && match(local, text, tl) == 0)
    return 0;
  int best = -1;
  for (uint32_t i = 0; i < n->nlabels && best != 0; i++) {
    int m = match(n->labels[i].text, text, tl);
    if (m >= 0 && (best < 0 || m < best))
      best = m;
  }
  for (uint32_t i = 0; i < n->nprops && best != 0; i++) {
    const kg_value *v = &n->props[i].value;
    if ((v->kind == KG_VALUE_STRING || v->kind == KG_VALUE_LANGSTRING) &&
        kgi_vocab_names(n->props[i].pred)) {
      int m = match(v->lexical, text, tl);
      if (m >= 0 && (best < 0 || m < best))
        best = m;
    }
  }
  return best;
}

/* "id (kg:Class, Label)" for a candidate list. */
static void put_candidate(kgi_buf *b, const kg_node *n) {
  kgi_buf_puts(b, n->id);
  kgi_buf_puts(b, " (");
  if (n->nclasses)
    kgi_buf_put_curie(b, n->classes[0]);
  else
    kgi_buf_puts(b, "no class");
  if (n->nlabels) {
    kgi_buf_puts(b, ", ");
    kgi_buf_puts(b, kg_node_display_label(n, "en"));
  }
  kgi_buf_puts(b, ")");
}

/* The message for a name no node has: the ids closest to it. */
static kg_status unknown(const kg_graph *g, const char *text, kg_error *err) {
  const kg_node *best[SUGGEST_MAX] = {NULL};
  size_t dist[SUGGEST_MAX];
  for (size_t i = 0; i < g->nnodes; i++) {
    const char *local = local_name(g->nodes[i]);
    size_t d = kgi_edit_distance(text, g->nodes[i]->id);
    if (local && local != g->nodes[i]->id) {
      size_t dl = kgi_edit_distance(text, local);
      d = dl < d ? dl : d;
    }
    for (size_t k = 0; k < SUGGEST_MAX; k++)
      if (!best[k] || d < dist[k]) {
        memmove(best + k + 1, best + k, (SUGGEST_MAX - k - 1) * sizeof *best);
        memmove(dist + k + 1, dist + k, (SUGGEST_MAX - k - 1) * sizeof *dist);
        best[k] = g->nodes[i];
        dist[k] = d;
        break;
      }
  }
  kgi_buf b;
  kgi_buf_init(&b);
  for (size_t k = 0; k < SUGGEST_MAX && best[k]; k++)
    kgi_buf_printf(&b, "%s%s", k ? ", " : "", best[k]->id);
  kg_status st = kgi_error_set(err, KG_ENOTFOUND,
                               "no node \"%s\" in the graph (an id, an IRI, a CURIE, the "
                               "last segment of an IRI or a name)%s%s",
                               text, b.len ? "; the closest ids: " : "", kgi_buf_str(&b));
  kgi_buf_dispose(&b);
  return st;
}

kg_status kg_graph_lookup(const kg_node **out, const kg_graph *g, const char *text, kg_error *err) {
  if (!out || !g || !text)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  kg_status st = kgi_vocab_load(err);
  if (st)
    return st;
  /* an id, an IRI, a CURIE */
  const kg_node *n = kg_graph_find_node(g, text);
  kgi_buf iri;
  kgi_buf_init(&iri);
  if (!n && kgi_graph_expand_curie(&iri, g, text) && !iri.oom)
    n = kg_graph_find_node(g, iri.s);
  kgi_buf_dispose(&iri);
  if (n) {
    *out = n;
    return KG_OK;
  }
  /* a name: the lowest score wins, score = 3 * match + class rank */
  size_t tl = strlen(text);
  int best = -1;
  size_t ties = 0;
  int *score = tl ? kgi_malloc(g->nnodes * sizeof *score) : NULL;
  if (tl && !score && g->nnodes)
    return kgi_error_oom(err);
  for (size_t i = 0; tl && i < g->nnodes; i++) {
    int m = best_match(g->nodes[i], text, tl);
    score[i] = m < 0 ? -1 : 3 * m + class_rank(g->nodes[i]);
    if (score[i] >= 0 && (best < 0 || score[i] < best)) {
      best = score[i];
      ties = 0;
    }
    ties += score[i] >= 0 && score[i] == best;
  }
  if (best < 0) {
    free(score);
    return unknown(g, text, err);
  }
  if (ties == 1) {
    for (size_t i = 0; i < g->nnodes && !*out; i++)
      if (score[i] == best)
        *out = g->nodes[i];
    free(score);
    return KG_OK;
  }
  kgi_buf b;
  kgi_buf_init(&b);
  size_t listed = 0;
  for (size_t i = 0; i < g->nnodes && listed < LIST_MAX; i++)
    if (score[i] == best) {
      kgi_buf_puts(&b, listed++ ? "; " : "");
      put_candidate(&b, g->nodes[i]);
    }
  if (ties > listed)
    kgi_buf_printf(&b, "; and %zu more", ties - listed);
  st = kgi_error_set(err, KG_ENOTFOUND, "\"%s\" names %zu nodes, say which (by id): %s", text, ties,
                     kgi_buf_str(&b));
  kgi_buf_dispose(&b);
  free(score);
  return st;
}
