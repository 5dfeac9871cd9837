/*
 * One visual language for every format: a colour and a shape per kind of node. A node's
 * style is that of its first class with a style, walking up the ontology's subClassOf.
 */
#include "present.h"

#include <math.h>
#include <string.h>

static const kgi_style styles[] = {
    /* class local name, legend label, fill (#rrggbb), DOT shape, GEXF viz:shape */
    {"Person", "Person", "#4e79a7", "ellipse", "disc"},
    {"Country", "Country", "#f28e2b", "house", "square"},
    {"Territory", "Territory", "#ffbe7d", "house", "square"},
    {"GovernmentOrganization", "Government body", "#59a14f", "box", "square"},
    {"NewsOrganization", "News organisation", "#8cd17d", "box", "square"},
    {"Organization", "Organisation", "#59a14f", "box", "square"},
    {"City", "City", "#b6992d", "invhouse", "triangle"},
    {"Place", "Place", "#b6992d", "invhouse", "triangle"},
    {"Quote", "Quote (claim)", "#e15759", "note", "diamond"},
    {"Deadline", "Deadline", "#9c755f", "octagon", "diamond"},
    {"Event", "Event", "#edc948", "box", "diamond"},
    {"Topic", "Topic", "#bab0ac", "ellipse", "disc"},
    {"Quantity", "Figure", "#d37295", "cds", "triangle"},
    {"Source", "Source", "#79706e", "folder", "square"},
};

static const kgi_style other = {NULL, "Other", "#d4d4d4", "ellipse", "disc"};

/* The style of a class: its own, else its nearest styled ancestor's (a foreign class reaches
 * a kg: one through ontology/alignments.ttl: foaf:Person -> kg:Person). */
static const kgi_style *style_of_class(const char *iri) {
  size_t nns = strlen(KG_NS);
  for (int depth = 0; iri && depth < KGI_VOCAB_DEPTH_MAX; depth++, iri = kgi_vocab_parent(iri)) {
    if (strncmp(iri, KG_NS, nns) != 0)
      continue;
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
      if (strcmp(iri + nns, styles[i].cls) == 0)
        return &styles[i];
  }
  return NULL;
}

const kgi_style *kgi_style_for(const kg_node *n) {
  for (uint32_t i = 0; i < n->nclasses; i++) {
    const kgi_style *s = style_of_class(n->classes[i]);
    if (s)
      return s;
  }
  for (uint32_t i = 0; i < n->nimplied; i++) { /* typed by wdt:P31 and the like */
    const kgi_style *s = style_of_class(n->implied[i]);
    if (s)
      return s;
  }
  return &other;
}

size_t kgi_style_count(void) { return sizeof styles / sizeof styles[0] + 1; }

const kgi_style *kgi_style_at(size_t i) {
  if (i < sizeof styles / sizeof styles[0])
    return &styles[i];
  return i == sizeof styles / sizeof styles[0] ? &other : NULL;
}

void kgi_style_rgb(const kgi_style *s, int rgb[3]) {
  for (int k = 0; k < 3; k++) {
    const char *h = s->fill + 1 + 2 * k;
    int v = 0;
    for (int j = 0; j < 2; j++) {
      char c = h[j];
      v = v * 16 + (c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
    }
    rgb[k] = v;
  }
}

const char *kgi_style_text_colour(const kgi_style *s) {
  static const double weight[3] = {0.2126, 0.7152, 0.0722};
  int rgb[3];
  kgi_style_rgb(s, rgb);
  double lum = 0;
  for (int k = 0; k < 3; k++) {
    double c = rgb[k] / 255.0;
    lum += weight[k] * (c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
  }
  /* white when it meets WCAG AA contrast (4.5:1) on the fill, else black, which then
     contrasts more: white on the mid blues and greys, black on the light and warm fills */
  return 1.05 / (lum + 0.05) >= 4.5 ? "#ffffff" : "#000000";
}
