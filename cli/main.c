/* kgexport: the command-line tool. Uses only the public header. */
#include "kgexport.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Exit codes (docs/errors.md), from sysexits.h. */
enum {
  EXIT_OK = 0,
  EXIT_USAGE = 64,    /* bad command line */
  EXIT_DATA = 65,     /* bad input data: syntax, unknown term, bad value */
  EXIT_SOFTWARE = 70, /* internal error, a library failure, out of memory */
  EXIT_IO = 74        /* a file could not be read or written */
};

static const char *prog = "kgexport";

static void usage(FILE *f) {
  fprintf(f,
          "Usage: %s [OPTIONS] [INPUT]\n"
          "Export a knowledge graph (RDF; with no INPUT, the built-in story of the\n"
          "24 November 2025 Trump-Xi call) to RDF, GraphML, GEXF, DOT and pictures.\n"
          "\n"
          "  -f, --format FORMAT   output format (default: turtle):\n",
          prog);
  for (size_t i = 0; kg_format_name(i); i++)
    fprintf(f, "                          %-9s %s\n", kg_format_name(i),
            kg_format_description(kg_format_name(i)));
  fprintf(f,
          "  -o, --output FILE     write to FILE (default: standard output); FILE appears\n"
          "                        complete or not at all\n"
          "  -a, --all DIR         write every format into DIR, as NAME.EXT\n"
          "  -n, --name NAME       file name stem for --all (default: the input's, or \"story\")\n"
          "  -i, --input-format S  input format (default: from the extension, else turtle):\n");
  for (size_t i = 0; kg_input_format_name(i); i++)
    fprintf(f, "                          %-9s %s\n", kg_input_format_name(i),
            kg_input_format_description(kg_input_format_name(i)));
  fprintf(f, "  -b, --base IRI        node ids are relative to IRI\n"
             "      --focus ID        keep the neighbourhood of node ID (its id or IRI)\n"
             "      --depth N         how many edges from the focus (default 1)\n"
             "      --types A,B       keep nodes of these classes (kg: names such as Person,\n"
             "                        Event, or IRIs/CURIEs); subclasses count\n"
             "      --from DATE       keep events from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)\n"
             "      --to DATE         keep events up to DATE\n"
             "  -s, --stats           print the counts (nodes, edges, triples) and export nothing\n"
             "  -q, --quiet           print nothing but errors (no progress on a terminal)\n"
             "  -h, --help            show this help\n"
             "  -V, --version         show the version\n"
             "\n"
             "Exit status: 0 success, 64 bad usage, 65 bad input data, 70 internal error,\n"
             "74 input/output error.\n");
}

static int exit_code(kg_status st) {
  switch (st) {
  case KG_OK: return EXIT_OK;
  case KG_EPARSE:
  case KG_EDATA: return EXIT_DATA;
  case KG_EIO: return EXIT_IO;
  case KG_ENOTFOUND: return EXIT_USAGE;
  default: return EXIT_SOFTWARE;
  }
}

static int fail(const kg_error *err) {
  fprintf(stderr, "%s\n", err->message[0] ? err->message : kg_strerror(err->status));
  return exit_code(err->status);
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "%s: ", prog);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry '%s --help'.\n", prog);
  return EXIT_USAGE;
}

/* "data/news.ttl" -> "news" (a new string; NULL when out of memory). */
static char *stem_of(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  char *stem = strdup(b);
  char *dot = stem ? strrchr(stem, '.') : NULL;
  if (dot && dot != stem)
    *dot = '\0';
  return stem;
}

static void summary(FILE *f, const char *where, const char *format, const kg_stats *s) {
  fprintf(f, "%-28s %-8s %zu nodes, %zu edges, %zu triples\n", where, format, s->nodes, s->edges,
          s->triples);
}

/* Progress of a long read, on a terminal only (a rate helps to guess how long is left). */
typedef struct progress {
  struct timespec start;
  int shown;
} progress;

static void show_progress(void *ctx, uint64_t triples, int done) {
  progress *p = ctx;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double s =
      (double)(now.tv_sec - p->start.tv_sec) + (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
  if (done && !p->shown)
    return; /* short reads say nothing */
  fprintf(stderr, "\r%s: %llu triples read, %.0f per second%s", prog, (unsigned long long)triples,
          s > 0 ? (double)triples / s : 0.0, done ? "\n" : "");
  p->shown = 1;
}

static int export_all(const kg_graph *g, const char *dir, const char *stem, int quiet) {
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "%s: cannot create %s: %s\n", prog, dir, strerror(errno));
    return EXIT_IO;
  }
  kg_stats s;
  kg_graph_stats(g, &s);
  for (size_t i = 0; kg_format_name(i); i++) {
    const char *fmt = kg_format_name(i);
    const char *ext = kg_format_extension(fmt);
    size_t size = strlen(dir) + strlen(stem) + strlen(ext) + 3;
    char *path = malloc(size);
    if (!path) {
      fprintf(stderr, "%s: out of memory\n", prog);
      return EXIT_SOFTWARE;
    }
    snprintf(path, size, "%s/%s.%s", dir, stem, ext);
    kg_error err;
    kg_error_init(&err);
    int rc = kg_export_file(g, fmt, path, &err) ? fail(&err) : EXIT_OK;
    if (!rc && !quiet)
      summary(stdout, path, fmt, &s);
    free(path);
    if (rc)
      return rc;
  }
  return EXIT_OK;
}

/* "Person,Event" -> {"Person", "Event"}: *buf holds the text, *list points into it (both
 * replaced; the caller frees them). -1 when out of memory. */
static int split_types(char **buf, const char ***list, size_t *n, const char *arg) {
  free(*buf);
  free(*list);
  *n = 0;
  *buf = strdup(arg);
  *list = malloc((strlen(arg) / 2 + 1) * sizeof **list); /* at most one name per two bytes */
  if (!*buf || !*list)
    return -1;
  for (char *t = strtok(*buf, ","); t; t = strtok(NULL, ","))
    (*list)[(*n)++] = t;
  return 0;
}

int main(int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, NULL, 'f'},
      {"output", required_argument, NULL, 'o'},
      {"all", required_argument, NULL, 'a'},
      {"name", required_argument, NULL, 'n'},
      {"input-format", required_argument, NULL, 'i'},
      {"base", required_argument, NULL, 'b'},
      {"stats", no_argument, NULL, 's'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {"focus", required_argument, NULL, 'F'},
      {"depth", required_argument, NULL, 'D'},
      {"types", required_argument, NULL, 'T'},
      {"from", required_argument, NULL, 'R'},
      {"to", required_argument, NULL, 'U'},
      {NULL, 0, NULL, 0},
  };
  const char *format = "turtle", *output = NULL, *all = NULL, *name = NULL, *syntax = NULL,
             *base = NULL;
  int stats = 0, quiet = 0, c;
  kg_filter filter;
  kg_filter_init(&filter);
  char *types_buf = NULL;
  const char **types = NULL;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:o:a:n:i:b:sqhV", opts, NULL)) != -1) {
    switch (c) {
    case 'f': format = optarg; break;
    case 'o': output = optarg; break;
    case 'a': all = optarg; break;
    case 'n': name = optarg; break;
    case 'i': syntax = optarg; break;
    case 'b': base = optarg; break;
    case 's': stats = 1; break;
    case 'q': quiet = 1; break;
    case 'F': filter.focus = optarg; break;
    case 'D': {
      char *end;
      unsigned long d = strtoul(optarg, &end, 10);
      if (!*optarg || *end || d > 1000000)
        return usage_error("--depth needs a number, got '%s'", optarg);
      filter.depth = (unsigned)d;
      break;
    }
    case 'T':
      if (split_types(&types_buf, &types, &filter.ntypes, optarg) != 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_SOFTWARE;
      }
      filter.types = types;
      break;
    case 'R': filter.from = optarg; break;
    case 'U': filter.to = optarg; break;
    case 'h': usage(stdout); return EXIT_OK;
    case 'V': printf("kgexport %s\n", KG_VERSION); return EXIT_OK;
    case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
    default: return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (argc - optind > 1)
    return usage_error("one input at most, got '%s' too", argv[optind + 1]);
  if (!kg_format_name(0) || !kg_format_extension(format))
    return usage_error("unknown format '%s' (see --help)", format);
  if (all && output)
    return usage_error("%s", "--all and --output exclude each other");
  if (syntax && !kg_input_format_description(syntax))
    return usage_error("unknown input format '%s' (see --help)", syntax);
  const char *input = optind < argc ? argv[optind] : NULL;

  kg_error err;
  kg_error_init(&err);
  kg_graph *g = NULL;
  progress prog_state = {{0, 0}, 0};
  clock_gettime(CLOCK_MONOTONIC, &prog_state.start);
  kg_import_options iopts;
  kg_import_options_init(&iopts);
  iopts.syntax = syntax;
  iopts.base = base;
  if (!quiet && isatty(STDERR_FILENO)) {
    iopts.progress = show_progress;
    iopts.progress_ctx = &prog_state;
  }
  kg_status st = input ? kg_import_file_with(&g, input, &iopts, &err) : kg_import_story(&g, &err);
  if (!st && (filter.focus || filter.ntypes || filter.from || filter.to)) {
    kg_graph *part = NULL;
    st = kg_graph_filter(&part, g, &filter, &err);
    kg_graph_free(g);
    g = part;
    if (st) { /* every filter value comes from the command line */
      free(types_buf);
      free(types);
      fprintf(stderr, "%s: %s\n", prog, err.message);
      return EXIT_USAGE;
    }
  }
  free(types_buf);
  free(types);
  if (st)
    return fail(&err);

  int rc = EXIT_OK;
  kg_stats s;
  kg_graph_stats(g, &s);
  if (stats) {
    printf("nodes %zu\nedges %zu\ntriples %zu\n", s.nodes, s.edges, s.triples);
  } else if (all) {
    char *stem = strdup(name ? name : "story");
    if (!name && input) {
      free(stem);
      stem = stem_of(input);
    }
    rc = stem ? export_all(g, all, stem, quiet) : EXIT_SOFTWARE;
    if (!stem)
      fprintf(stderr, "%s: out of memory\n", prog);
    free(stem);
  } else if (output) {
    if (kg_export_file(g, format, output, &err))
      rc = fail(&err);
    else if (!quiet)
      summary(stderr, output, format, &s);
  } else {
    if (kg_export_stream(g, format, stdout, &err))
      rc = fail(&err);
  }
  kg_graph_free(g);
  if (rc == EXIT_OK && fclose(stdout) != 0) {
    fprintf(stderr, "%s: cannot write standard output: %s\n", prog, strerror(errno));
    rc = EXIT_IO;
  }
  return rc;
}
