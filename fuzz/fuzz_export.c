/*
 * Fuzz target of the exporters: any bytes read as a graph (Turtle, N-Triples, GraphML or
 * GEXF, by the first byte), and when it is accepted, every format written to memory and each
 * output read back by its own parser in the same process:
 *   - GraphML, GEXF and SVG parsed by libxml2 (no network, no entities);
 *   - DOT parsed by cgraph (agmemread);
 *   - Turtle, N-Triples, N-Quads and RDF/XML read back by kgexport's readers (raptor's
 *     parsers, and the N-Triples line reader), and GraphML and GEXF too: each must give the
 *     graph's triple count again (the round trip of docs/formats.md);
 *   - PNG and PDF: their signature.
 * A failure aborts, which libFuzzer and the replay (ctest fuzz.export-replay) report.
 * Built like fuzz_import.c: with -DKG_LIBFUZZER for libFuzzer, else with a main that replays
 * files. Pictures are drawn only for graphs of a few nodes (Graphviz's layout is the slow
 * part, and not what is fuzzed).
 */
#include "kgexport.h"

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { PICTURE_NODES_MAX = 40 };

static void die(const char *format, const char *what, const char *detail) {
  fprintf(stderr, "fuzz_export: %s: %s%s%s\n", format, what, detail ? ": " : "",
          detail ? detail : "");
  abort();
}

/* The format's output in memory; NULL when the export failed (reported by the caller). */
static char *export_to_memory(const kg_graph *g, const char *format, size_t *len, kg_error *err) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  if (!f)
    return NULL;
  kg_status st = kg_export_stream(g, format, f, err);
  fclose(f);
  if (st) {
    free(buf);
    return NULL;
  }
  return buf;
}

static void check_xml(const char *format, const char *buf, size_t len) {
  xmlDocPtr doc = xmlReadMemory(buf, (int)len, "out.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc)
    die(format, "not well-formed XML", NULL);
  xmlFreeDoc(doc);
}

static void check_dot(const char *buf) {
  Agraph_t *g = agmemread(buf);
  if (!g)
    die("dot", "cgraph cannot read it", NULL);
  agclose(g);
}

/* Read back by kgexport's reader of the format: the same number of triples. */
static void check_read_back(const char *format, const char *buf, size_t len, size_t triples) {
  kg_error err;
  kg_error_init(&err);
  kg_graph *back = NULL;
  if (kg_import_buffer(&back, buf, len, "out", format, "https://example.org/f/", &err))
    die(format, "does not read back", err.message);
  kg_stats s;
  kg_graph_stats(back, &s);
  kg_graph_free(back);
  if (s.triples != triples) {
    char counts[64];
    snprintf(counts, sizeof counts, "%zu triples, wrote %zu", s.triples, triples);
    die(format, "reads back to another graph", counts);
  }
}

static void check_output(const char *format, const char *buf, size_t len, size_t triples) {
  static const char *const read_back[] = {"turtle", "ntriples", "nquads",
                                          "rdfxml", "graphml",  "gexf"};
  if (!strcmp(format, "graphml") || !strcmp(format, "gexf") || !strcmp(format, "svg"))
    check_xml(format, buf, len);
  if (!strcmp(format, "dot"))
    check_dot(buf);
  if (!strcmp(format, "png") && (len < 8 || memcmp(buf, "\x89PNG\r\n\x1a\n", 8)))
    die(format, "no PNG signature", NULL);
  if (!strcmp(format, "pdf") && (len < 5 || memcmp(buf, "%PDF-", 5)))
    die(format, "no PDF signature", NULL);
  for (size_t i = 0; i < sizeof read_back / sizeof read_back[0]; i++)
    if (!strcmp(format, read_back[i]))
      check_read_back(format, buf, len, triples);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const inputs[] = {"turtle", "ntriples", "graphml", "gexf"};
  if (!size)
    return 0;
  const char *syntax = inputs[data[0] % 4]; /* the first byte picks the reader */
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  if (kg_import_buffer(&g, (const char *)data + 1, size - 1, "fuzz", syntax,
                       "https://example.org/f/", &err) != KG_OK)
    return 0;
  kg_stats s;
  kg_graph_stats(g, &s);
  for (size_t i = 0; kg_format_name(i); i++) {
    const char *format = kg_format_name(i);
    bool picture = !strcmp(format, "png") || !strcmp(format, "svg") || !strcmp(format, "pdf");
    if (picture && s.nodes > PICTURE_NODES_MAX)
      continue;
    size_t len = 0;
    kg_error_init(&err);
    char *buf = export_to_memory(g, format, &len, &err);
    /* RDF/XML cannot write a predicate that does not end in an XML name: refused as data */
    if (!buf && err.status == KG_EDATA && !strcmp(format, "rdfxml"))
      continue;
    if (!buf)
      die(format, "an accepted graph does not export", err.message);
    check_output(format, buf, len, s.triples);
    free(buf);
  }
  kg_graph_free(g);
  return 0;
}

#ifndef KG_LIBFUZZER
/* Replay: a file named .ttl, .nt, .graphml or .gexf is given a first byte that picks its
 * reader; any other file is a libFuzzer input as it is. */
int main(int argc, char **argv) {
  static const char *const by_ext[][2] = {
      {".ttl", "\x00"}, {".nt", "\x01"}, {".graphml", "\x02"}, {".gexf", "\x03"}};
  static uint8_t buf[1 << 22];
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    const char *prefix = NULL;
    size_t plen = strlen(argv[i]);
    for (size_t k = 0; k < sizeof by_ext / sizeof by_ext[0]; k++) {
      size_t n = strlen(by_ext[k][0]);
      if (plen > n && strcmp(argv[i] + plen - n, by_ext[k][0]) == 0)
        prefix = by_ext[k][1];
    }
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "%s: cannot open\n", argv[i]);
      failed = 1;
      continue;
    }
    /* libFuzzer's corpus files carry their first byte; a file named by its syntax gets one */
    size_t off = prefix ? 1 : 0;
    buf[0] = prefix ? (uint8_t)prefix[0] : 0;
    size_t n = fread(buf + off, 1, sizeof buf - off, f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n + off);
    printf("replayed %s (%zu bytes)\n", argv[i], n);
  }
  return failed;
}
#endif
