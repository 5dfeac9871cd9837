/*
 * The allocation-failure sweep (a build with -DKG_ALLOC_FAULTS=ON): the story is read back
 * from every input format and written to every output format; for each of these jobs, and
 * for each family of allocations that can be intercepted (kgexport's own, libxml2's through
 * xmlMemSetup, cgraph's through its memory discipline), the job is first run to count its
 * allocations, then run again once for every N, with the Nth allocation failing. Every run
 * must end with KG_ENOMEM and "out of memory" (exit 70 where cgraph, which cannot unwind,
 * ends the process), leave no output file behind, and leak nothing (LeakSanitizer, at the
 * end of the process and of each child).
 *
 * A job that cgraph takes part in (DOT and the pictures) is run in a child process per N.
 * Every cgraph allocation that fails takes the same path (exporters/dot_ids.c ends the
 * process), so cgraph's own are swept at up to CGRAPH_SAMPLES evenly spread N.
 *
 *   test_alloc_sweep                  the whole sweep
 *   test_alloc_sweep JOB FAMILY       one job and family (JOB and FAMILY as printed)
 *   test_alloc_sweep JOB FAMILY N     one run, for a debugger
 *   test_alloc_sweep count            the allocations of each job, per family
 */
#define _GNU_SOURCE
#include "base.h"
#include "kgexport.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<sanitizer/lsan_interface.h>) && defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define KG_HAVE_LSAN 1
#endif
#endif

#ifndef KG_ALLOC_FAULTS
int main(void) {
  fputs("alloc_sweep: built without KG_ALLOC_FAULTS\n", stderr);
  return 77;
}
#else

enum { CGRAPH_SAMPLES = 24, EXIT_NOMEM = 70, EXIT_OK_RUN = 10, EXIT_OTHER = 11 };

static const char *const family_names[KGI_ALLOC_FAMILIES] = {"own", "libxml2", "cgraph"};

/* ---- libxml2's allocations, counted ---- */

static void *xml_malloc(size_t n) { return kgi_alloc_fails(KGI_ALLOC_LIBXML2) ? NULL : malloc(n); }
static void *xml_realloc(void *p, size_t n) {
  return kgi_alloc_fails(KGI_ALLOC_LIBXML2) ? NULL : realloc(p, n);
}
static char *xml_strdup(const char *s) {
  return kgi_alloc_fails(KGI_ALLOC_LIBXML2) ? NULL : strdup(s);
}

/* ---- the jobs ---- */

typedef struct job {
  char name[32];
  bool import;        /* read `input` back in `format`; else write the story in `format` */
  bool cgraph;        /* cgraph takes part: a child per run */
  const char *format; /* an input or output format */
  char *input;        /* the story in `format` (import jobs) */
  size_t input_len;
} job;

static kg_graph *story;
static char folder[] = "/tmp/kg-alloc-sweep-XXXXXX";
static int failures;

static void fail(const job *j, kgi_alloc_family f, unsigned long n, const char *what) {
  fprintf(stderr, "FAIL %s %s %lu: %s\n", j->name, family_names[f], n, what);
  failures++;
}

/* The files in the output folder (a failed export leaves none). */
static int folder_entries(void) {
  DIR *d = opendir(folder);
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  if (d)
    closedir(d);
  return n;
}

static void empty_folder(void) {
  DIR *d = opendir(folder);
  for (struct dirent *e; d && (e = readdir(d));) {
    char path[sizeof folder + 256];
    snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      (void)unlink(path);
  }
  if (d)
    closedir(d);
}

/* One run of the job: its status, the message in err. */
static kg_status run_job(const job *j, kg_error *err) {
  kg_error_init(err);
  if (j->import) {
    kg_graph *g = NULL;
    kg_status st = kg_import_buffer(&g, j->input, j->input_len, j->name, j->format, NULL, err);
    kg_graph_free(g);
    return st;
  }
  char path[sizeof folder + 32];
  snprintf(path, sizeof path, "%s/story.%s", folder, kg_format_extension(j->format));
  return kg_export_file(story, j->format, path, err);
}

/*
 * What a library itself makes of an allocation of its own that fails, which kgexport cannot
 * tell from bad input: libxml2 2.9.14 copies a namespace's URI and, when the copy fails,
 * reports the namespace as empty (XML_NS_ERR_EMPTY). The run still fails, with exit 65.
 */
static const struct {
  kgi_alloc_family family;
  const char *message;
} library_verdicts[] = {
    {KGI_ALLOC_LIBXML2, "Empty XML namespace is not allowed"},
};

static bool library_verdict(kgi_alloc_family f, kg_status st, const char *message) {
  for (size_t i = 0; i < sizeof library_verdicts / sizeof *library_verdicts; i++)
    if (f == library_verdicts[i].family && st == KG_EDATA &&
        strstr(message, library_verdicts[i].message))
      return true;
  return false;
}

/* What a run with the nth allocation of f failing came to, as an exit code. */
static int run_once(const job *j, kgi_alloc_family f, unsigned long n, char *why, size_t whylen) {
  kg_error err;
  kgi_alloc_arm(f, n);
  kg_status st = run_job(j, &err);
  bool fired = kgi_alloc_fired();
  kgi_alloc_arm(f, 0);
  int files = folder_entries();
  empty_folder();
  if (!fired) {
    snprintf(why, whylen, "the allocation was not reached (status %d)", (int)st);
    return EXIT_OTHER;
  }
  if (st == KG_OK) {
    snprintf(why, whylen, "the failure was swallowed: the run succeeded");
    return EXIT_OK_RUN;
  }
  if ((st != KG_ENOMEM || !strstr(err.message, "out of memory")) &&
      !library_verdict(f, st, err.message)) {
    snprintf(why, whylen, "status %d, not KG_ENOMEM: %s", (int)st, err.message);
    return EXIT_OTHER;
  }
  if (files) {
    snprintf(why, whylen, "%d file(s) left in the output folder", files);
    return EXIT_OTHER;
  }
  return EXIT_NOMEM;
}

/* The same in a child process; a crash, a leak (LeakSanitizer's exit code) or a message of
 * the wrong kind fails. */
static void run_in_child(const job *j, kgi_alloc_family f, unsigned long n) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    char why[512] = "";
    int code = run_once(j, f, n, why, sizeof why);
    if (code != EXIT_NOMEM)
      fprintf(stderr, "%s\n", why);
    exit(code); /* LeakSanitizer checks the child here */
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) {
    fail(j, f, n, "cannot run a child");
    return;
  }
  if (WIFSIGNALED(status)) {
    char what[64];
    snprintf(what, sizeof what, "killed by signal %d", WTERMSIG(status));
    fail(j, f, n, what);
  } else if (WEXITSTATUS(status) != EXIT_NOMEM) {
    char what[64];
    snprintf(what, sizeof what, "exit %d", WEXITSTATUS(status));
    fail(j, f, n, what);
  }
  if (folder_entries()) {
    fail(j, f, n, "a file left in the output folder");
    empty_folder();
  }
}

static void sweep(const job *j, kgi_alloc_family f) {
  kg_error err;
  kgi_alloc_arm(f, 0);
#ifdef KG_HAVE_LSAN
  __lsan_disable(); /* the count: what it leaks, every child would inherit */
#endif
  kg_status counted = run_job(j, &err);
#ifdef KG_HAVE_LSAN
  __lsan_enable();
#endif
  if (counted) {
    fprintf(stderr, "FAIL %s: the job fails without a fault: %s\n", j->name, err.message);
    failures++;
    return;
  }
  unsigned long total = kgi_alloc_count(f);
  empty_folder();
  unsigned long step = 1;
  if (f == KGI_ALLOC_CGRAPH && total > CGRAPH_SAMPLES)
    step = (total + CGRAPH_SAMPLES - 1) / CGRAPH_SAMPLES;
  unsigned long runs = 0;
  int before = failures;
  for (unsigned long n = 1; n <= total; n = n == total         ? n + 1
                                            : n + step < total ? n + step
                                                               : total) {
    runs++;
    if (j->cgraph) {
      run_in_child(j, f, n);
    } else {
      char why[512] = "";
      if (run_once(j, f, n, why, sizeof why) != EXIT_NOMEM)
        fail(j, f, n, why);
    }
    if (failures - before > 5) {
      fprintf(stderr, "     %s %s: stopping after 6 failures\n", j->name, family_names[f]);
      break;
    }
  }
  printf("%-16s %-8s %6lu allocations, %6lu runs%s\n", j->name, family_names[f], total, runs,
         failures == before ? "" : ", FAILED");
}

/* DOT and the pictures are made with cgraph. */
static bool uses_cgraph(const char *job_name) {
  static const char *const with[] = {"write-dot", "write-png", "write-svg", "write-pdf"};
  for (size_t i = 0; i < sizeof with / sizeof *with; i++)
    if (!strcmp(job_name, with[i]))
      return true;
  return false;
}

/* The job called `name`, with its input when it reads one. */
static bool make_job(job *j, const char *name) {
  memset(j, 0, sizeof *j);
  snprintf(j->name, sizeof j->name, "%s", name);
  if (!strncmp(name, "read-", 5)) {
    j->import = true;
    j->format = name + 5;
    FILE *f = open_memstream(&j->input, &j->input_len);
    kg_error err;
    kg_error_init(&err);
    bool ok = f && !kg_export_stream(story, j->format, f, &err);
    if (f)
      fclose(f);
    if (!ok)
      fprintf(stderr, "cannot write the story as %s: %s\n", j->format, err.message);
    return ok;
  }
  j->format = name + 6;
  j->cgraph = uses_cgraph(name);
  return true;
}

/* Every job's name: the story read back from six formats, written to each output format. */
static size_t job_names(char names[][32], size_t max) {
  static const char *const inputs[] = {"turtle", "ntriples", "nquads", "rdfxml", "graphml", "gexf"};
  size_t n = 0;
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs && n < max; i++)
    snprintf(names[n++], 32, "read-%s", inputs[i]);
  for (size_t i = 0; kg_format_name(i) && n < max; i++)
    snprintf(names[n++], 32, "write-%s", kg_format_name(i));
  return n;
}

static int family_of(const char *name) {
  for (int f = 0; f < KGI_ALLOC_FAMILIES; f++)
    if (!strcmp(name, family_names[f]))
      return f;
  return -1;
}

/*
 * The story read and the job run once without a fault, with LeakSanitizer looking away:
 * what a library loads once per process and keeps (the ontology, Graphviz's plugins, fonts)
 * is neither counted in the runs that follow nor reported as their leak.
 */
static bool set_up(job *j, const char *name) {
  kg_error err;
  kg_error_init(&err);
#ifdef KG_HAVE_LSAN
  __lsan_disable();
#endif
  bool ok = !kg_import_story(&story, &err) && make_job(j, name) && !run_job(j, &err);
#ifdef KG_HAVE_LSAN
  __lsan_enable();
#endif
  empty_folder();
  if (!ok)
    fprintf(stderr, "%s: cannot run without a fault: %s\n", name, err.message);
  return ok;
}

/* One job and family swept (n = 0), or run once with its nth allocation failing. */
static int job_main(const char *name, int family, unsigned long n) {
  job j;
  if (!set_up(&j, name))
    return 1;
  if (family == KGI_ALLOC_CGRAPH && !j.cgraph) {
    /* cgraph takes no part */
  } else if (n) {
    char why[512] = "";
    int code = run_once(&j, (kgi_alloc_family)family, n, why, sizeof why);
    printf("%s %s %lu: %s\n", name, family_names[family], n,
           code == EXIT_NOMEM ? "out of memory, as it should" : why);
    failures += code != EXIT_NOMEM;
  } else {
    sweep(&j, (kgi_alloc_family)family);
  }
  free(j.input);
  kg_graph_free(story);
  return failures ? 1 : 0;
}

static void count_all(void) {
  char names[32][32];
  size_t njobs = job_names(names, 32);
  for (size_t i = 0; i < njobs; i++) {
    job j;
    kg_error err;
    if (!set_up(&j, names[i]))
      exit(1);
    kgi_alloc_arm(KGI_ALLOC_OWN, 0);
    if (run_job(&j, &err))
      exit(1);
    empty_folder();
    printf("%-16s", j.name);
    for (int f = 0; f < KGI_ALLOC_FAMILIES; f++)
      printf(" %s %6lu", family_names[f], kgi_alloc_count((kgi_alloc_family)f));
    printf("\n");
    free(j.input);
    kg_graph_free(story);
  }
}

/*
 * LeakSanitizer matches tests/lsan.supp against the stack of a leaked block, which its fast
 * unwinder cuts short inside libraries built without frame pointers. Graphviz's layout and
 * renderers keep what lsan.supp lists: the pictures run with the full unwinder, slower but
 * able to see the suppressed frames. raptor 2.0.15's N-Quads parser loses each datatype IRI
 * when URIs are not interned (as kgexport's worlds do not; rapper, which interns, does not
 * show it): 1,724 runs with full stacks would take minutes, so that job's suppressions add
 * the one frame the fast unwinder sees (the normal and ASan suites read N-Quads with full
 * stacks and the file's own suppressions, and valgrind checks it too).
 */
static bool needs_full_stacks(const char *job_name) {
  return uses_cgraph(job_name) && strcmp(job_name, "write-dot") != 0;
}

/* tests/lsan.supp (LSAN_OPTIONS' suppressions) and raptor's N-Quads loss, in a file of
 * their own; false when there is none to extend. */
static bool nquads_suppressions(char *path, size_t size) {
  const char *o = getenv("LSAN_OPTIONS"), *at = o ? strstr(o, "suppressions=") : NULL;
  if (!at)
    return false;
  at += strlen("suppressions=");
  char given[1024];
  snprintf(given, sizeof given, "%.*s", (int)strcspn(at, ":"), at);
  snprintf(path, size, "/tmp/kg-sweep-lsan-XXXXXX");
  int fd = mkstemp(path);
  FILE *in = fopen(given, "r"), *out = fd >= 0 ? fdopen(fd, "w") : NULL;
  char line[512];
  while (in && out && fgets(line, sizeof line, in))
    fputs(line, out);
  if (out)
    fputs("leak:raptor_new_uri_from_counted_string\n", out);
  bool ok = in && out && !ferror(out);
  if (in)
    fclose(in);
  if (out ? fclose(out) != 0 : fd >= 0 && close(fd) != 0)
    ok = false;
  return ok;
}

static void child_environment(const char *job_name, const char *nquads_supp) {
  char opts[2048];
  if (needs_full_stacks(job_name)) {
    const char *o = getenv("ASAN_OPTIONS");
    snprintf(opts, sizeof opts, "%s%sfast_unwind_on_malloc=0", o ? o : "", o ? ":" : "");
    setenv("ASAN_OPTIONS", opts, 1);
  }
  if (!strcmp(job_name, "read-nquads") && *nquads_supp) {
    snprintf(opts, sizeof opts, "suppressions=%s:print_suppressions=0", nquads_supp);
    setenv("LSAN_OPTIONS", opts, 1);
  }
}

/* Every job and family, each in a process of its own (its leaks are its own). */
static int sweep_all(const char *self) {
  char names[32][32], nquads_supp[64] = "";
  size_t njobs = job_names(names, 32);
  if (!nquads_suppressions(nquads_supp, sizeof nquads_supp))
    nquads_supp[0] = '\0';
  int failed = 0;
  for (size_t i = 0; i < njobs; i++)
    for (int f = 0; f < KGI_ALLOC_FAMILIES; f++) {
      if (f == KGI_ALLOC_CGRAPH && !uses_cgraph(names[i]))
        continue;
      fflush(NULL);
      pid_t pid = fork();
      if (pid == 0) {
        child_environment(names[i], nquads_supp);
        execl(self, self, names[i], family_names[f], (char *)NULL);
        _exit(127);
      }
      int status = 0;
      if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
        fprintf(stderr, "FAIL %s %s: the sweep ended with %s %d\n", names[i], family_names[f],
                WIFSIGNALED(status) ? "signal" : "exit",
                WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
        failed++;
      }
    }
  if (*nquads_supp)
    unlink(nquads_supp);
  return failed;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  /* before libxml2 allocates anything */
  if (xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup) != 0)
    return 1;
  xmlInitParser();
  int rc = 0;
  if (argc == 1) {
    int failed = sweep_all("/proc/self/exe");
    if (failed)
      fprintf(stderr, "%d sweeps failed\n", failed);
    return failed ? 1 : 0;
  }
  if (!mkdtemp(folder))
    return 1;
  if (argc == 2 && !strcmp(argv[1], "count")) {
    count_all();
  } else if (argc == 3 || argc == 4) {
    int f = family_of(argv[2]);
    if (f < 0) {
      fprintf(stderr, "alloc_sweep: no family '%s' (own, libxml2, cgraph)\n", argv[2]);
      rc = 2;
    } else {
      rc = job_main(argv[1], f, argc == 4 ? strtoul(argv[3], NULL, 10) : 0);
    }
  } else {
    rc = 2;
  }
  rmdir(folder);
  return rc;
}
#endif
