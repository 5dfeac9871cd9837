/*
 * Two threads exporting two graphs at once, as the header promises is safe: each imports
 * the story, filters it, and writes every text format and an SVG into memory; each output
 * must equal the one written before the threads started. Each also reads N-Triples, which
 * kgexport reads on two threads of its own (importers/ntriples.c): a good input of several
 * chunks, one with a syntax error late in it, one with a term the mapping refuses early
 * (the reader is then stopped). The graph read is written as GraphML and GEXF, whose writers
 * compose on two threads too, and must give the bytes of one. Meaningful under
 * ThreadSanitizer (the "tsan" preset), where a data race fails the run; a plain build checks
 * the outputs and the messages.
 */
#include "check.h"
#include "kgexport.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 2
#define ROUNDS 2

static const char *const formats[] = {"turtle",  "ntriples", "nquads", "rdfxml",
                                      "graphml", "gexf",     "dot",    "svg"};
#define NFORMATS (sizeof formats / sizeof formats[0])

typedef struct output {
  char *text;
  size_t len;
} output;

static output reference[NFORMATS];

/* The story (its Takaichi neighbourhood when focus is set) in one format, into memory. */
static kg_status export_story(output *out, const char *format, const char *focus, kg_error *err) {
  kg_graph *g = NULL, *part = NULL;
  kg_status st = kg_import_story(&g, err);
  if (!st && focus) {
    kg_filter f;
    kg_filter_init(&f);
    f.focus = focus;
    st = kg_graph_filter(&part, g, &f, err);
  }
  FILE *mem = st ? NULL : open_memstream(&out->text, &out->len);
  if (!st && !mem)
    st = KG_ENOMEM;
  if (!st)
    st = kg_export_stream(part ? part : g, format, mem, err);
  if (mem)
    fclose(mem);
  kg_graph_free(part);
  kg_graph_free(g);
  return st;
}

enum { NT_LINES = 30000 }; /* about 1.9 MB: eight chunks of the reader */

/* NT_LINES triples, line `bad` (1-based; 0: none) replaced by `with`. */
static char *ntriples(size_t bad, const char *with, size_t *len) {
  char *text = NULL;
  FILE *f = open_memstream(&text, len);
  for (size_t i = 1; f && i <= NT_LINES; i++)
    if (i == bad)
      fprintf(f, "%s\n", with);
    else if (i % 2)
      fprintf(f, "<https://example.org/n/s%zu> <https://example.org/n/p> \"value %zu\" .\n", i, i);
    else /* an edge, so that the graph has many of both */
      fprintf(
          f,
          "<https://example.org/n/s%zu> <https://example.org/n/q> <https://example.org/n/s%zu> .\n",
          i, i / 2);
  if (f)
    fclose(f);
  return text;
}

/* An N-Triples read: its triples (want_error NULL) or its message. */
static int read_ntriples(size_t bad, const char *with, const char *want_error) {
  size_t len = 0;
  char *text = ntriples(bad, with, &len);
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  kg_status st =
      kg_import_buffer(&g, text, len, "n.nt", "ntriples", "https://example.org/n/", &err);
  int failures = 0;
  if (want_error && (st == KG_OK || !strstr(err.message, want_error))) {
    fprintf(stderr, "ntriples: '%s', want '%s'\n", err.message, want_error);
    failures++;
  } else if (!want_error) {
    kg_stats stats;
    if (!st)
      kg_graph_stats(g, &stats);
    if (st || stats.triples != NT_LINES) {
      fprintf(stderr, "ntriples: %s, %zu triples\n", err.message, st ? 0 : stats.triples);
      failures++;
    }
  }
  kg_graph_free(g);
  free(text);
  return failures;
}

/*
 * The N-Triples graph (about 22,000 nodes and 15,000 edges) as GraphML and GEXF, whose
 * writers compose that many elements on two threads (exporters/pgwriter.c): the bytes must be
 * those written on one thread (KGEXPORT_THREADS=1, set by main for the reference).
 */
static const char *const large_formats[] = {"graphml", "gexf"};
static output large_reference[2];

static kg_status export_large(output *out, const char *format, kg_error *err) {
  size_t len = 0;
  char *text = ntriples(0, NULL, &len);
  kg_graph *g = NULL;
  kg_status st =
      text ? kg_import_buffer(&g, text, len, "n.nt", "ntriples", "https://example.org/n/", err)
           : KG_ENOMEM;
  FILE *mem = st ? NULL : open_memstream(&out->text, &out->len);
  if (!st && !mem)
    st = KG_ENOMEM;
  if (!st)
    st = kg_export_stream(g, format, mem, err);
  if (mem)
    fclose(mem);
  kg_graph_free(g);
  free(text);
  return st;
}

static int export_large_cases(void) {
  int failures = 0;
  for (size_t i = 0; i < 2; i++) {
    kg_error err;
    kg_error_init(&err);
    output o = {NULL, 0};
    if (export_large(&o, large_formats[i], &err) != KG_OK) {
      fprintf(stderr, "%s (large): %s\n", large_formats[i], err.message);
      failures++;
    } else if (o.len != large_reference[i].len ||
               memcmp(o.text, large_reference[i].text, o.len) != 0) {
      fprintf(stderr, "%s (large): two threads wrote other bytes than one\n", large_formats[i]);
      failures++;
    }
    free(o.text);
  }
  return failures;
}

static int read_ntriples_cases(void) {
  return read_ntriples(0, NULL, NULL) +
         read_ntriples(25000, "<https://example.org/n/s> <https://example.org/n/p> oops .",
                       "n.nt:25000:") +
         read_ntriples(3000, "<https://example.org/n/s> <https://kgexport.org/ns#Persn> \"x\" .",
                       "n.nt:3000:");
}

static void *work(void *arg) {
  int *failures = arg;
  *failures += read_ntriples_cases();
  *failures += export_large_cases();
  for (int round = 0; round < ROUNDS; round++)
    for (size_t i = 0; i < NFORMATS; i++) {
      kg_error err;
      kg_error_init(&err);
      output o = {NULL, 0};
      if (export_story(&o, formats[i], NULL, &err) != KG_OK) {
        fprintf(stderr, "%s: %s\n", formats[i], err.message);
        ++*failures;
      } else if (o.len != reference[i].len || memcmp(o.text, reference[i].text, o.len) != 0) {
        fprintf(stderr, "%s: the output differs from the one written alone\n", formats[i]);
        ++*failures;
      }
      free(o.text);
      /* and a filtered graph, which asks the vocabulary again */
      output part = {NULL, 0};
      if (export_story(&part, formats[i], "sanae-takaichi", &err) != KG_OK) {
        fprintf(stderr, "%s (focus): %s\n", formats[i], err.message);
        ++*failures;
      }
      free(part.text);
    }
  return NULL;
}

int main(void) {
  CHECK(read_ntriples_cases() == 0);
  setenv("KGEXPORT_THREADS", "1", 1);
  for (size_t i = 0; i < 2; i++) {
    kg_error err;
    kg_error_init(&err);
    CHECK(export_large(&large_reference[i], large_formats[i], &err) == KG_OK);
  }
  unsetenv("KGEXPORT_THREADS");
  CHECK(export_large_cases() == 0);
  for (size_t i = 0; i < NFORMATS; i++) {
    kg_error err;
    kg_error_init(&err);
    CHECK(export_story(&reference[i], formats[i], NULL, &err) == KG_OK);
    CHECK(reference[i].len > 0);
  }
  pthread_t threads[NTHREADS];
  int failures[NTHREADS] = {0};
  for (int t = 0; t < NTHREADS; t++)
    CHECK(pthread_create(&threads[t], NULL, work, &failures[t]) == 0);
  for (int t = 0; t < NTHREADS; t++) {
    pthread_join(threads[t], NULL);
    CHECK(failures[t] == 0);
  }
  for (size_t i = 0; i < NFORMATS; i++)
    free(reference[i].text);
  for (size_t i = 0; i < 2; i++)
    free(large_reference[i].text);
  return CHECK_RESULT();
}
