/* kgexport: the command-line tool. Uses only the public header. */
#include "kgexport.h"
#include "progress.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Exit codes (docs/errors.md), from sysexits.h. */
enum {
  EXIT_OK = 0,
  EXIT_USAGE = 64,       /* bad command line */
  EXIT_DATA = 65,        /* bad input data: syntax, unknown term, bad value */
  EXIT_UNAVAILABLE = 69, /* a SPARQL endpoint unreachable, failing or too slow */
  EXIT_SOFTWARE = 70,    /* internal error, a library failure, out of memory */
  EXIT_IO = 74           /* a file could not be read or written */
};

const char *prog = "kgexport";

static void usage(FILE *f) {
  fprintf(f,
          "Usage: %s [OPTIONS] [INPUT]\n"
          "       %s [OPTIONS] --sparql URL --query QUERY\n"
          "Export a knowledge graph (RDF) to RDF, GraphML, GEXF, DOT and pictures.\n"
          "INPUT '-' is standard input; with no INPUT, standard input is read when it is a\n"
          "pipe or a file, and the built-in story of the 24 November 2025 Trump-Xi call is\n"
          "exported when it is a terminal or empty. Standard input's base IRI is\n"
          "file:///dev/stdin# (see --base).\n"
          "\n"
          "  -f, --format FORMAT   output format, in any case (default: turtle):\n",
          prog, prog);
  for (size_t i = 0; kg_format_name(i); i++)
    fprintf(f, "                          %-9s %s\n", kg_format_name(i),
            kg_format_description(kg_format_name(i)));
  fprintf(f, "  -o, --output FILE     write to FILE (default, or '-': standard output); FILE\n"
             "                        appears complete or not at all\n"
             "  -a, --all DIR         write every format into DIR, as NAME.EXT; the pictures\n"
             "                        only of a graph small enough to lay out in seconds\n"
             "  -n, --name NAME       file name stem for --all (default: the input's, \"stdin\"\n"
             "                        or \"story\")\n"
             "  -i, --input-format S  input format, in any case (default: from the extension,\n"
             "                        else rdfxml for XML, else turtle):\n");
  for (size_t i = 0; kg_input_format_name(i); i++)
    fprintf(f, "                          %-9s %s\n", kg_input_format_name(i),
            kg_input_format_description(kg_input_format_name(i)));
  fprintf(f, "  -b, --base IRI        node ids are relative to IRI\n"
             "      --max-term-bytes N  the longest IRI, literal or blank node label the input\n"
             "                        may hold, in bytes; K, M, G multiply by 1024, 1024^2,\n"
             "                        1024^3 (default 64M; GraphML and GEXF values stop at\n"
             "                        libxml2's 10,000,000 bytes whatever it says)\n"
             "      --sparql URL      read the answer of a SPARQL endpoint (http or https) to\n"
             "                        --query instead of an INPUT\n"
             "      --query QUERY     a CONSTRUCT or DESCRIBE query: a file holding it, or the\n"
             "                        query itself when no such file exists\n"
             "      --connect-timeout S  seconds to reach the endpoint (default 10)\n"
             "      --timeout S       seconds for the whole answer (default 300)\n"
             "      --focus NODE      keep the neighbourhood of NODE: its id, IRI, CURIE, the\n"
             "                        last segment of its IRI, or a name in any language\n"
             "                        (\"takaichi\", \"Xi Jinping\")\n"
             "      --depth N         how many edges from the focus, 0 or more (default 1)\n"
             "      --types A,B       keep nodes of these classes (kg: names such as Person,\n"
             "                        Event, or IRIs/CURIEs); subclasses count\n"
             "      --from DATE       keep events from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)\n"
             "      --to DATE         keep events up to DATE\n"
             "      --view V          what pictures and DOT show: overview (the default: the\n"
             "                        actors and events, quotes and figures folded in), full,\n"
             "                        timeline (the dated events in date order)\n"
             "      --gexf-version V  1.3 (the default) or 1.2draft, which NetworkX reads\n"
             "  -s, --stats           print the counts (nodes, edges, triples) on standard output\n"
             "                        and export nothing (not with --output or --all)\n"
             "  -q, --quiet           print nothing but errors (no progress on a terminal)\n"
             "  -v, --verbose         say, per file, what its format could not carry (values\n"
             "                        it flattened, what a view or a picture leaves out)\n"
             "  -h, --help            show this help\n"
             "  -V, --version         show the version\n"
             "\n"
             "Exit status: 0 success, 64 bad usage, 65 bad input data (also a query the\n"
             "endpoint refused), 69 endpoint unreachable, failing or too slow, 70 internal\n"
             "error, 74 input/output error.\n");
}

static int exit_code(kg_status st) {
  switch (st) {
  case KG_OK: return EXIT_OK;
  case KG_EPARSE:
  case KG_EDATA: return EXIT_DATA;
  case KG_EIO: return EXIT_IO;
  case KG_ENOTFOUND: return EXIT_USAGE;
  case KG_EUNAVAIL: return EXIT_UNAVAILABLE;
  default: return EXIT_SOFTWARE;
  }
}

static int fail(const kg_error *err) {
  fprintf(stderr, "%s\n", err->message[0] ? err->message : kg_strerror(err->status));
  return exit_code(err->status);
}

/* An export that failed: "kgexport: FILE: what failed" (a file's name is often in the
 * library's message already; standard output's never is). */
static int fail_export(const kg_error *err, const char *output) {
  const char *msg = err->message[0] ? err->message : kg_strerror(err->status);
  const char *where = output ? output : "standard output";
  bool named = output && strncmp(msg, output, strlen(output)) == 0 && msg[strlen(output)] == ':';
  fprintf(stderr, "%s: %s%s%s\n", prog, named ? "" : where, named ? "" : ": ", msg);
  return exit_code(err->status);
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "%s: ", prog);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry '%s --help'.\n", prog);
  return EXIT_USAGE;
}

/* A format name as the table spells it ("GraphML" -> "graphml"), for the summary lines. */
static const char *format_as_listed(const char *format) {
  for (size_t i = 0; kg_format_name(i); i++)
    if (strcasecmp(kg_format_name(i), format) == 0)
      return kg_format_name(i);
  return format;
}

/* Is there input on standard input? Not when it is a terminal or empty (zero bytes), nor
 * when it is closed: then the story is exported. The byte read to find out is pushed
 * back. -1 when it cannot be read. */
static int stdin_has_input(void) {
  if (isatty(STDIN_FILENO))
    return 0;
  errno = 0;
  int c = getc(stdin);
  if (c != EOF)
    return ungetc(c, stdin) != EOF ? 1 : -1;
  if (ferror(stdin) && errno != EBADF) {
    fprintf(stderr, "%s: cannot read standard input: %s\n", prog, strerror(errno));
    return -1;
  }
  clearerr(stdin);
  return 0;
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

/* -v: what a format could not carry, a line each on standard error, after the file's own
 * line (the library tells it during the export; the strings are its until the call returns). */
enum { LOSS_LINES = 16 };
typedef struct loss_report {
  char line[LOSS_LINES][160];
  int n;
} loss_report;

static void report_loss(void *ctx, const char *format, const char *what, uint64_t count) {
  loss_report *r = ctx;
  if (r->n < LOSS_LINES)
    snprintf(r->line[r->n++], sizeof r->line[0], "(%s): %s: %" PRIu64, format, what, count);
}

/* After an export with -v: what was left out of the file `where`, else that nothing was. */
static void report_done(const kg_export_options *o, const char *where, const char *format) {
  loss_report *r = o->loss_ctx;
  if (!r)
    return;
  for (int i = 0; i < r->n; i++)
    fprintf(stderr, "%s: %s %s\n", prog, where, r->line[i]);
  if (!r->n)
    fprintf(stderr, "%s: %s (%s): nothing left out\n", prog, where, format);
  r->n = 0;
}

/* One line per file written; a long write (`seconds` > 0) says how long it took, and the rate. */
static void summary(FILE *f, const char *where, const char *format, const kg_stats *s,
                    double seconds) {
  fprintf(f, "%-28s %-8s %zu nodes, %zu edges, %zu triples", where, format, s->nodes, s->edges,
          s->triples);
  if (seconds > 0)
    fprintf(f, " in %.1f s, %.0f triples per second", seconds, (double)s->triples / seconds);
  fputc('\n', f);
}

/* The other views of --all, as SVG (which zooms): NAME-full.svg and NAME-timeline.svg. */
static int export_views(const kg_graph *g, const char *dir, const char *stem, int quiet,
                        const kg_stats *s, const kg_export_options *base) {
  static const struct {
    const char *suffix;
    kg_view view;
  } views[] = {{"full", KG_VIEW_FULL}, {"timeline", KG_VIEW_TIMELINE}};
  for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
    size_t size = strlen(dir) + strlen(stem) + strlen(views[i].suffix) + 8;
    char *path = malloc(size);
    if (!path) {
      fprintf(stderr, "%s: out of memory\n", prog);
      return EXIT_SOFTWARE;
    }
    snprintf(path, size, "%s/%s-%s.svg", dir, stem, views[i].suffix);
    int rc = EXIT_OK;
    if (!kg_format_practical(g, "svg")) {
      if (!quiet)
        fprintf(stderr,
                "%s: skipped %s: the graph is large (%zu nodes) and its layout can take "
                "minutes; ask for it with -f svg --view %s -o %s\n",
                prog, path, s->nodes, views[i].suffix, path);
    } else {
      kg_export_options o = *base;
      o.view = views[i].view;
      kg_error err;
      kg_error_init(&err);
      rc = kg_export_file_with(g, "svg", path, &o, &err) ? fail_export(&err, path) : EXIT_OK;
      if (!rc && !quiet)
        summary(stdout, path, "svg", s, 0);
      if (!rc)
        report_done(&o, path, "svg");
    }
    free(path);
    if (rc)
      return rc;
  }
  return EXIT_OK;
}

/* Every format into dir: the pictures only where their layout is practical (one line says
 * how to ask for a picture left out). Progress on a terminal, one line per file. */
static int export_all(const kg_graph *g, const char *dir, const char *stem, int quiet,
                      const kg_export_options *opts) {
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "%s: cannot create %s: %s\n", prog, dir, strerror(errno));
    return EXIT_IO;
  }
  kg_stats s;
  kg_graph_stats(g, &s);
  size_t nformats = 0;
  while (kg_format_name(nformats))
    nformats++;
  int show = !quiet && isatty(STDERR_FILENO);
  for (size_t i = 0; i < nformats; i++) {
    const char *fmt = kg_format_name(i);
    const char *ext = kg_format_extension(fmt);
    size_t size = strlen(dir) + strlen(stem) + strlen(ext) + 3;
    char *path = malloc(size), *what = malloc(size + 64);
    if (!path || !what) {
      free(path);
      free(what);
      fprintf(stderr, "%s: out of memory\n", prog);
      return EXIT_SOFTWARE;
    }
    snprintf(path, size, "%s/%s.%s", dir, stem, ext);
    snprintf(what, size + 64, "%s (%zu of %zu)", path, i + 1, nformats);
    int rc = EXIT_OK;
    if (!kg_format_practical(g, fmt)) {
      if (!quiet)
        fprintf(stderr,
                "%s: skipped %s: the graph is large (%zu nodes) and its layout can take "
                "minutes; ask for it with -f %s -o %s\n",
                prog, path, s.nodes, fmt, path);
    } else {
      kg_error err;
      kg_error_init(&err);
      ticker t;
      ticker_start(&t, what, show, 1);
      kg_status st = kg_export_file_with(g, fmt, path, opts, &err);
      double seconds = ticker_stop(&t);
      rc = st ? fail_export(&err, path) : EXIT_OK;
      if (!rc && !quiet)
        summary(stdout, path, fmt, &s, seconds);
      if (!rc)
        report_done(opts, path, fmt);
    }
    free(path);
    free(what);
    if (rc)
      return rc;
  }
  return export_views(g, dir, stem, quiet, &s, opts);
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

/* --timeout and --connect-timeout: whole seconds, 1 to a day. */
static int parse_seconds(long *out, const char *opt, const char *arg) {
  char *end = (char *)arg;
  unsigned long v = 0;
  if (*arg >= '0' && *arg <= '9')
    v = strtoul(arg, &end, 10);
  if (end == arg || *end || v < 1 || v > 86400) {
    fprintf(stderr, "%s: %s must be whole seconds, 1 to 86400, got '%s'\nTry '%s --help'.\n", prog,
            opt, arg, prog);
    return -1;
  }
  *out = (long)v;
  return 0;
}

/* --max-term-bytes: a whole number of bytes, 1 or more, with an optional K, M or G (powers
 * of 1024). */
static int parse_bytes(size_t *out, const char *opt, const char *arg) {
  char *end = (char *)arg;
  unsigned long long v = 0, unit = 1;
  errno = 0;
  if (*arg >= '0' && *arg <= '9') /* strtoull would take "-1" and " 1" */
    v = strtoull(arg, &end, 10);
  const char *units = "KMG";
  const char *u = end != arg && *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
  if (u) {
    unit = 1ull << (10 * (u - units + 1));
    end++;
  }
  if (end == arg || *end || errno || v < 1 || v > (SIZE_MAX / 8) / unit) {
    fprintf(stderr,
            "%s: %s must be a number of bytes, 1 or more, with an optional K, M or G, got "
            "'%s'\nTry '%s --help'.\n",
            prog, opt, arg, prog);
    return -1;
  }
  *out = (size_t)(v * unit);
  return 0;
}

/* --query: the text of the file it names, else the argument itself (a new string; NULL with
 * a message printed when a file cannot be read or memory runs out). */
static char *query_text(const char *arg) {
  struct stat sb;
  if (stat(arg, &sb) != 0 || !S_ISREG(sb.st_mode))
    return strdup(arg);
  FILE *f = fopen(arg, "rb");
  char *text = NULL;
  size_t len = 0;
  if (f) {
    text = malloc((size_t)sb.st_size + 1);
    len = text ? fread(text, 1, (size_t)sb.st_size, f) : 0;
    if (text && ferror(f)) {
      free(text);
      text = NULL;
    }
    fclose(f);
  }
  if (!text) {
    fprintf(stderr, "%s: %s: cannot read the query: %s\n", prog, arg, strerror(errno));
    return NULL;
  }
  text[len] = '\0';
  return text;
}

/* Ctrl-C, SIGTERM, a closed terminal: the file being written goes with the process (the
 * target keeps what it held), then the signal ends it as it would have. */
static void on_signal(int sig) {
  kg_remove_partial_outputs();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void remove_partial_outputs_on_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
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
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {"focus", required_argument, NULL, 'F'},
      {"depth", required_argument, NULL, 'D'},
      {"types", required_argument, NULL, 'T'},
      {"from", required_argument, NULL, 'R'},
      {"to", required_argument, NULL, 'U'},
      {"view", required_argument, NULL, 'W'},
      {"sparql", required_argument, NULL, 'Y'},
      {"query", required_argument, NULL, 'Z'},
      {"connect-timeout", required_argument, NULL, 'C'},
      {"timeout", required_argument, NULL, 'X'},
      {"gexf-version", required_argument, NULL, 1000},
      {"max-term-bytes", required_argument, NULL, 1001},
      {NULL, 0, NULL, 0},
  };
  const char *format = "turtle", *output = NULL, *all = NULL, *name = NULL, *syntax = NULL,
             *base = NULL, *sparql = NULL, *query = NULL;
  kg_sparql_options sopts;
  kg_sparql_options_init(&sopts);
  int stats = 0, quiet = 0, verbose = 0, output_given = 0, c;
  kg_filter filter;
  kg_filter_init(&filter);
  kg_export_options eopts;
  kg_export_options_init(&eopts);
  char *types_buf = NULL;
  const char **types = NULL;
  size_t max_term = 0; /* 0: the library's default */
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:o:a:n:i:b:sqvhV", opts, NULL)) != -1) {
    switch (c) {
    case 'f': format = optarg; break;
    case 'o': /* "-": standard output */
      output = strcmp(optarg, "-") ? optarg : NULL;
      output_given = 1;
      break;
    case 'a': all = optarg; break;
    case 'n': name = optarg; break;
    case 'i': syntax = optarg; break;
    case 'b': base = optarg; break;
    case 's': stats = 1; break;
    case 'q': quiet = 1; break;
    case 'v': verbose = 1; break;
    case 'F': filter.focus = optarg; break;
    case 'D': {
      char *end = optarg;
      unsigned long d = 0;
      if (*optarg >= '0' && *optarg <= '9') /* strtoul would take "-1" and " 1" */
        d = strtoul(optarg, &end, 10);
      if (end == optarg || *end)
        return usage_error("--depth must be a whole number, 0 or more, got '%s'", optarg);
      if (d > 1000000)
        return usage_error("--depth must be at most 1000000, got '%s'", optarg);
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
    case 1000: eopts.format_version = optarg; break;
    case 1001:
      if (parse_bytes(&max_term, "--max-term-bytes", optarg))
        return EXIT_USAGE;
      break;
    case 'W': {
      kg_error verr;
      kg_error_init(&verr);
      if (kg_view_from_name(&eopts.view, optarg, &verr))
        return usage_error("%s", verr.message);
      break;
    }
    case 'U': filter.to = optarg; break;
    case 'Y': sparql = optarg; break;
    case 'Z': query = optarg; break;
    case 'C':
      if (parse_seconds(&sopts.connect_timeout, "--connect-timeout", optarg))
        return EXIT_USAGE;
      break;
    case 'X':
      if (parse_seconds(&sopts.timeout, "--timeout", optarg))
        return EXIT_USAGE;
      break;
    case 'h': usage(stdout); return EXIT_OK;
    case 'V': printf("kgexport %s\n", KG_VERSION); return EXIT_OK;
    case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
    default: return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (argc - optind > 1)
    return usage_error("one input at most, got '%s' too", argv[optind + 1]);
  kg_error err;
  kg_error_init(&err);
  if (kg_format_check(format, &err) || (syntax && kg_input_format_check(syntax, &err))) {
    fprintf(stderr, "%s: %s\n", prog, err.message); /* it lists the formats */
    return EXIT_USAGE;
  }
  format = format_as_listed(format);
  if (all && output_given)
    return usage_error("%s", "--all and --output exclude each other");
  if (stats && output)
    return usage_error("%s", "--stats prints the counts on standard output and writes no file: "
                             "leave out --output (or redirect: > FILE)");
  if (stats && all)
    return usage_error("%s", "--stats and --all exclude each other");
  if (verbose && (quiet || stats))
    return usage_error("--verbose and %s exclude each other", quiet ? "--quiet" : "--stats");
  loss_report report = {0};
  loss_report import_report = {0};
  if (verbose) {
    eopts.on_loss = report_loss;
    eopts.loss_ctx = &report;
  }
  if (eopts.view != KG_VIEW_DEFAULT && all)
    return usage_error("%s", "--view and --all exclude each other (--all writes the overview "
                             "and NAME-full.svg, NAME-timeline.svg)");
  if (eopts.format_version && (all || strcasecmp(format, "gexf") != 0))
    return usage_error("--gexf-version %s is for -f gexf (1.3, the default, or 1.2draft, which "
                       "NetworkX reads)",
                       eopts.format_version);
  if (eopts.format_version && strcmp(eopts.format_version, "1.3") != 0 &&
      strcmp(eopts.format_version, "1.2draft") != 0)
    return usage_error("unknown GEXF version '%s' (1.3, 1.2draft)", eopts.format_version);
  if (eopts.view != KG_VIEW_DEFAULT && !kg_format_has_views(format))
    return usage_error("--view is for pictures and DOT (dot, png, svg, pdf): %s writes the "
                       "whole graph",
                       format);
  const char *input = optind < argc ? argv[optind] : NULL;
  if (sparql && input)
    return usage_error("--sparql reads the endpoint's answer: leave out the input '%s'", input);
  if (sparql && !query)
    return usage_error("%s", "--sparql needs --query (a CONSTRUCT or DESCRIBE query)");
  if (query && !sparql)
    return usage_error("%s", "--query needs --sparql URL (the endpoint to ask)");
  if (sparql && strncasecmp(sparql, "http://", 7) != 0 && strncasecmp(sparql, "https://", 8) != 0)
    return usage_error("--sparql needs an http or https URL, got '%s'", sparql);
  if (sparql && max_term)
    return usage_error("%s", "--max-term-bytes is for an INPUT: a SPARQL answer is read with "
                             "the default limit (64M)");
  if (sparql && (syntax || base))
    return usage_error("%s", "--input-format and --base are for an INPUT: the answer's "
                             "Content-Type chooses its reader and the endpoint is its base");
  int from_stdin = input && strcmp(input, "-") == 0;
  if (sparql) {
    from_stdin = 0;
  } else if (!input) {
    int has = stdin_has_input();
    if (has < 0)
      return EXIT_IO;
    from_stdin = has;
  }

  remove_partial_outputs_on_signals();
  kg_graph *g = NULL;
  progress prog_state = {{0, 0}, 0};
  clock_gettime(CLOCK_MONOTONIC, &prog_state.start);
  kg_import_options iopts;
  kg_import_options_init(&iopts);
  iopts.syntax = syntax;
  iopts.base = base;
  iopts.max_term_bytes = max_term;
  if (verbose) {
    iopts.on_loss = report_loss;
    iopts.loss_ctx = &import_report;
  }
  if (!quiet && isatty(STDERR_FILENO)) {
    iopts.progress = show_progress;
    iopts.progress_ctx = &prog_state;
  }
  kg_status st;
  if (sparql) {
    char *text = query_text(query);
    if (!text) {
      free(types_buf);
      free(types);
      return errno == ENOMEM ? EXIT_SOFTWARE : EXIT_IO;
    }
    st = kg_import_sparql(&g, sparql, text, &sopts, &err);
    free(text);
    if (st && err.message[0] != '<') { /* "<URL>:line:col: ..." is the answer's own place */
      free(types_buf);
      free(types);
      fprintf(stderr, "%s: %s\n", prog, err.message);
      return exit_code(st);
    }
  } else {
    st = from_stdin ? kg_import_stream(&g, stdin, "-", &iopts, &err)
         : input    ? kg_import_file_with(&g, input, &iopts, &err)
                    : kg_import_story(&g, &err);
  }
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
  for (int i = 0; i < import_report.n; i++) /* -v: what the input held that was not read */
    fprintf(stderr, "%s: %s %s\n", prog, input && !from_stdin ? input : "<stdin>",
            import_report.line[i]);

  int rc = EXIT_OK;
  kg_stats s;
  kg_graph_stats(g, &s);
  if (stats) {
    printf("nodes %zu\nedges %zu\ntriples %zu\n", s.nodes, s.edges, s.triples);
  } else if (all) {
    char *stem = name         ? strdup(name)
                 : from_stdin ? strdup("stdin")
                 : input      ? stem_of(input)
                 : sparql     ? strdup("sparql")
                              : strdup("story");
    rc = stem ? export_all(g, all, stem, quiet, &eopts) : EXIT_SOFTWARE;
    if (!stem)
      fprintf(stderr, "%s: out of memory\n", prog);
    free(stem);
  } else {
    /* a long write shows its seconds on a terminal, unless the output goes there too */
    int show = !quiet && isatty(STDERR_FILENO) && (output || !isatty(STDOUT_FILENO));
    ticker t;
    ticker_start(&t, output ? output : "standard output", show, 0);
    st = output ? kg_export_file_with(g, format, output, &eopts, &err)
                : kg_export_stream_with(g, format, stdout, &eopts, &err);
    double seconds = ticker_stop(&t);
    if (st)
      rc = fail_export(&err, output);
    else if (!quiet && (output || seconds > 0))
      summary(stderr, output ? output : "(standard output)", format, &s, seconds);
    if (!st)
      report_done(&eopts, output ? output : "standard output", format);
  }
  kg_graph_free(g);
  if (rc == EXIT_OK && fclose(stdout) != 0) {
    fprintf(stderr, "%s: cannot write standard output: %s\n", prog, strerror(errno));
    rc = EXIT_IO;
  }
  return rc;
}
