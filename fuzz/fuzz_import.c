/*
 * Fuzz target: any bytes as Turtle (or N-Triples when the first byte is odd), then, when
 * the input is accepted, every exporter. Built with KG_FUZZ_SYNTAX="graphml" (or "gexf",
 * ...), it is that reader's own target: every input is read as that format. Built two ways:
 *   - with clang -fsanitize=fuzzer (cmake -DKG_FUZZ=ON): libFuzzer drives it;
 *   - otherwise with the replay main below, so ctest replays the corpus (tests/bad, the
 *     story, the adversarial graph) under the ASan+UBSan build on every CI run.
 */
#include "kgexport.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *replay_syntax; /* replay: from the file's extension */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *syntax = size && (data[0] & 1) ? "ntriples" : "turtle";
#ifdef KG_FUZZ_SYNTAX
  syntax = KG_FUZZ_SYNTAX;
#endif
  if (replay_syntax)
    syntax = replay_syntax;
  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  if (kg_import_buffer(&g, (const char *)data, size, "fuzz", syntax, "https://example.org/f/",
                       &err) != KG_OK)
    return 0;
  FILE *sink = fopen("/dev/null", "w");
  for (size_t i = 0; sink && kg_format_name(i); i++) {
    kg_error_init(&err);
    if (kg_export_stream(g, kg_format_name(i), sink, &err) != KG_OK)
      break; /* an accepted graph exports; a failure here is for the sanitizers to explain */
  }
  if (sink)
    fclose(sink);
  kg_graph_free(g);
  return 0;
}

#ifndef KG_LIBFUZZER
/* The syntax a corpus file is replayed as, by its extension (Turtle when none matches). */
static const char *syntax_of(const char *path) {
  static const char *const by_ext[][2] = {{".nt", "ntriples"},     {".rdf", "rdfxml"},
                                          {".nq", "nquads"},       {".trig", "trig"},
                                          {".graphml", "graphml"}, {".gexf", "gexf"}};
  size_t len = strlen(path);
  for (size_t k = 0; k < sizeof by_ext / sizeof by_ext[0]; k++) {
    size_t n = strlen(by_ext[k][0]);
    if (len > n && strcmp(path + len - n, by_ext[k][0]) == 0)
      return by_ext[k][1];
  }
  return "turtle";
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "%s: cannot open\n", argv[i]);
      failed = 1;
      continue;
    }
    static uint8_t buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    replay_syntax = syntax_of(argv[i]);
    LLVMFuzzerTestOneInput(buf, n);
    printf("replayed %s (%zu bytes)\n", argv[i], n);
  }
  return failed;
}
#endif
