/*
 * Two threads exporting two graphs at once, as the header promises is safe: each imports
 * the story, filters it, and writes every text format and an SVG into memory; each output
 * must equal the one written before the threads started. Meaningful under ThreadSanitizer
 * (the "tsan" preset), where a data race fails the run; a plain build checks the outputs.
 */
#include "check.h"
#include "kgexport.h"

#include <pthread.h>
#include <stdlib.h>

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

static void *work(void *arg) {
  int *failures = arg;
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
  return CHECK_RESULT();
}
