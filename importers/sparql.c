/*
 * A SPARQL endpoint as an input (kg_import_sparql): a CONSTRUCT or DESCRIBE query sent over
 * HTTP with libcurl (SPARQL 1.1 Protocol, a form-encoded POST), the answer read through the
 * same reader a file of its syntax goes through (read.c), chosen by the answer's
 * Content-Type. The answer is read as it arrives, a chunk at a time, so it is never held
 * whole; a failed exchange (a timeout half-way) abandons the graph read so far, so none is
 * handed over half read. Only http and https, also after a redirect.
 */
#include "importer.h"

#include <ctype.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
  CONNECT_TIMEOUT_DEFAULT = 10, /* seconds */
  TIMEOUT_DEFAULT = 300,        /* seconds: a large CONSTRUCT on a busy store */
  MAX_REDIRECTS = 5,
  FIRST_LINE_MAX = 200 /* bytes of the server's message quoted after an HTTP error */
};

/* The answer's media types kgexport reads, and the reader of each. */
static const struct {
  const char *type;
  const kgi_importer *reader;
} answer_types[] = {
    {"application/n-triples", &kgi_importer_ntriples},
    {"text/turtle", &kgi_importer_turtle},
    {"application/x-turtle", &kgi_importer_turtle},
};

void kg_sparql_options_init(kg_sparql_options *opts) {
  if (opts) {
    memset(opts, 0, sizeof *opts);
    opts->version = KG_SPARQL_OPTIONS_VERSION;
    opts->connect_timeout = CONNECT_TIMEOUT_DEFAULT;
    opts->timeout = TIMEOUT_DEFAULT;
  }
}

/* curl_global_init is called once per process and never undone (as raptor's worlds are
 * kept: tearing a library's globals down under another thread is what bit libxml2). */
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_status = CURLE_OK;
static void curl_init(void) { curl_init_status = curl_global_init(CURL_GLOBAL_DEFAULT); }

static bool is_http_url(const char *url) {
  return (strncasecmp(url, "http://", 7) == 0 && url[7]) ||
         (strncasecmp(url, "https://", 8) == 0 && url[8]);
}

static const kgi_importer *reader_for(const char *content_type);

/* An answer as it arrives: read by the reader of its Content-Type when it is RDF and the
 * status says success, else its first bytes kept for the message. */
typedef struct answer {
  CURL *curl;
  const char *name, *iri; /* of the reading: "<URL>" in messages, "URL#" its base */
  kg_error *err;
  bool started;
  long code;
  const kgi_importer *reader;
  char *content_type; /* curl's, valid while the handle is */
  kgi_reading *reading;
  kg_status st; /* the reading's first failure */
  kgi_buf head; /* the first bytes of an answer that is not read */
} answer;

enum { HEAD_KEPT = 4096 }; /* bytes of a refused answer kept for its first line */

/* The status and Content-Type are known with the first bytes of the body. */
static void on_first_bytes(answer *a) {
  a->started = true;
  curl_easy_getinfo(a->curl, CURLINFO_RESPONSE_CODE, &a->code);
  curl_easy_getinfo(a->curl, CURLINFO_CONTENT_TYPE, &a->content_type);
  a->reader = a->code >= 200 && a->code <= 299 ? reader_for(a->content_type) : NULL;
  if (a->reader)
    a->st = kgi_read_start(&a->reading, a->reader, a->name, a->iri, NULL, NULL, a->err);
}

static size_t on_body(char *data, size_t size, size_t n, void *ctx) {
  answer *a = ctx;
  size_t len = size * n;
  if (!a->started)
    on_first_bytes(a);
  if (a->reading) {
    if (!a->st)
      a->st = kgi_read_feed(a->reading, data, len, false);
    return a->st ? 0 : len; /* 0: curl stops with CURLE_WRITE_ERROR */
  }
  if (a->head.len < HEAD_KEPT)
    kgi_buf_put(&a->head, data, len < HEAD_KEPT - a->head.len ? len : HEAD_KEPT - a->head.len);
  return a->head.oom ? 0 : len;
}

/* The first line of the server's message with text in it, markup removed, cut short:
 * "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error". */
static void first_line(char *out, size_t outsize, const char *body, size_t len) {
  size_t o = 0;
  bool in_tag = false;
  out[0] = '\0';
  for (size_t i = 0; i < len && o + 1 < outsize; i++) {
    char c = body[i];
    if (c == '\n' || c == '\r') {
      while (o && out[o - 1] == ' ')
        o--;
      if (o)
        break;
      continue;
    }
    if (c == '<')
      in_tag = true;
    else if (c == '>' && in_tag)
      in_tag = false;
    else if (!in_tag && (unsigned char)c >= 0x20 && c != 0x7f && (o || c != ' '))
      out[o++] = c == '\t' ? ' ' : c;
  }
  out[o] = '\0';
}

/* The reader for a Content-Type ("text/turtle; charset=utf-8"); NULL when it is not RDF
 * kgexport reads. */
static const kgi_importer *reader_for(const char *content_type) {
  if (!content_type)
    return NULL;
  while (*content_type == ' ')
    content_type++;
  size_t n = strcspn(content_type, "; \t");
  for (size_t i = 0; i < sizeof answer_types / sizeof answer_types[0]; i++)
    if (strlen(answer_types[i].type) == n &&
        strncasecmp(answer_types[i].type, content_type, n) == 0)
      return answer_types[i].reader;
  return NULL;
}

/* A transport failure in one line: "ENDPOINT: cannot connect: Connection refused". */
static kg_status transport_error(const char *endpoint, CURLcode rc, long os_errno,
                                 const char *detail, long timeout, kg_error *err) {
  if (rc == CURLE_OPERATION_TIMEDOUT)
    return kgi_error_set(err, KG_EUNAVAIL, "%s: no complete answer within %ld s (%s)", endpoint,
                         timeout, detail[0] ? detail : curl_easy_strerror(rc));
  if (rc == CURLE_COULDNT_CONNECT && os_errno)
    return kgi_error_set(err, KG_EUNAVAIL, "%s: cannot connect: %s", endpoint,
                         strerror((int)os_errno));
  return kgi_error_set(err, KG_EUNAVAIL, "%s: %s", endpoint,
                       detail[0] ? detail : curl_easy_strerror(rc));
}

kg_status kg_import_sparql(kg_graph **out, const char *endpoint, const char *query,
                           const kg_sparql_options *opts, kg_error *err) {
  if (!out || !endpoint || !query)
    return kgi_error_set(err, KG_EINVAL, "missing argument");
  *out = NULL;
  if (opts && opts->version != KG_SPARQL_OPTIONS_VERSION)
    return kgi_error_set(err, KG_EINVAL,
                         "kg_sparql_options version %u is not %u (call kg_sparql_options_init)",
                         opts->version, KG_SPARQL_OPTIONS_VERSION);
  kg_sparql_options defaults;
  kg_sparql_options_init(&defaults);
  if (!opts)
    opts = &defaults;
  if (opts->connect_timeout < 1 || opts->timeout < 1)
    return kgi_error_set(err, KG_EINVAL, "SPARQL timeouts must be 1 s or more, got %ld and %ld",
                         opts->connect_timeout, opts->timeout);
  if (!is_http_url(endpoint))
    return kgi_error_set(err, KG_EINVAL, "%s: not an http or https URL", endpoint);
  pthread_once(&curl_once, curl_init);
  if (curl_init_status != CURLE_OK)
    return kgi_error_set(err, KG_ELIB, "cannot start libcurl: %s",
                         curl_easy_strerror(curl_init_status));

  kg_status st = KG_OK;
  CURL *curl = curl_easy_init();
  struct curl_slist *headers = NULL;
  char *escaped = NULL;
  kgi_buf form, name, iri;
  kgi_buf_init(&form);
  kgi_buf_init(&name);
  kgi_buf_init(&iri);
  answer a;
  memset(&a, 0, sizeof a);
  kgi_buf_init(&a.head);
  a.curl = curl;
  a.err = err;
  char detail[CURL_ERROR_SIZE] = "";
  if (!curl) {
    st = kgi_error_set(err, KG_ELIB, "cannot start libcurl");
    goto done;
  }
  escaped = curl_easy_escape(curl, query, 0);
  kgi_buf_puts(&form, "query=");
  kgi_buf_puts(&form, escaped ? escaped : "");
  struct curl_slist *h1 =
      curl_slist_append(NULL, "Accept: application/n-triples, text/turtle;q=0.9");
  struct curl_slist *h2 =
      h1 ? curl_slist_append(h1, "Content-Type: application/x-www-form-urlencoded") : NULL;
  headers = h2 ? h2 : h1;
  if (!escaped || form.oom || !h2) {
    st = kgi_error_oom(err);
    goto done;
  }
  kgi_buf_printf(&name, "<%s>", endpoint);
  kgi_buf_printf(&iri, "%s#", endpoint);
  if (name.oom || iri.oom) {
    st = kgi_error_oom(err);
    goto done;
  }
  a.name = name.s;
  a.iri = iri.s;
  CURLcode set = CURLE_OK;
  set |= curl_easy_setopt(curl, CURLOPT_URL, endpoint);
  set |= curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  set |= curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set |= curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  set |= curl_easy_setopt(curl, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
  set |= curl_easy_setopt(curl, CURLOPT_MAXREDIRS, (long)MAX_REDIRECTS);
  set |= curl_easy_setopt(curl, CURLOPT_POSTFIELDS, kgi_buf_str(&form));
  set |= curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)form.len);
  set |= curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  set |= curl_easy_setopt(curl, CURLOPT_USERAGENT, "kgexport/" KG_VERSION);
  set |= curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, opts->connect_timeout);
  set |= curl_easy_setopt(curl, CURLOPT_TIMEOUT, opts->timeout);
  set |= curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); /* no SIGALRM: threads import at once */
  set |= curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  set |= curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  set |= curl_easy_setopt(curl, CURLOPT_WRITEDATA, &a);
  set |= curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
  if (set != CURLE_OK) {
    st = kgi_error_set(err, KG_ELIB, "%s: libcurl refused an option", endpoint);
    goto done;
  }
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_WRITE_ERROR && (a.st || a.head.oom)) { /* the answer does not parse */
    st = a.st ? a.st : kgi_error_oom(err);
    goto done;
  }
  if (rc != CURLE_OK) {
    long os_errno = 0;
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
    st = transport_error(endpoint, rc, os_errno, detail, opts->timeout, err);
    goto done;
  }
  if (!a.started) /* an empty body */
    on_first_bytes(&a);
  if (a.code < 200 || a.code > 299) {
    /* 400: the service read the query and refused it, the user's input; any other status
       is the service's (or its URL's) failure */
    char line[FIRST_LINE_MAX + 1];
    first_line(line, sizeof line, kgi_buf_str(&a.head), a.head.len);
    st = kgi_error_set(err, a.code == 400 ? KG_EDATA : KG_EUNAVAIL, "%s: HTTP %ld%s%s", endpoint,
                       a.code, line[0] ? ": " : "", line);
    goto done;
  }
  if (!a.reader) {
    st = kgi_error_set(err, KG_EDATA,
                       "%s: the answer is %s, not RDF (kgexport reads application/n-triples "
                       "and text/turtle; was the query a CONSTRUCT or DESCRIBE?)",
                       endpoint, a.content_type ? a.content_type : "of no Content-Type");
    goto done;
  }
  if (!(st = a.st) && !(st = kgi_read_feed(a.reading, "", 0, true))) {
    st = kgi_read_end(a.reading, out);
    a.reading = NULL;
    if (!st && (st = kg_graph_set_title(*out, endpoint, err))) {
      kg_graph_free(*out);
      *out = NULL;
    }
  }
done:
  if (a.reading) /* a failed exchange: the graph read so far is dropped */
    kgi_read_end(a.reading, NULL);
  kgi_buf_dispose(&a.head);
  curl_free(escaped);
  curl_slist_free_all(headers);
  if (curl)
    curl_easy_cleanup(curl);
  kgi_buf_dispose(&form);
  kgi_buf_dispose(&name);
  kgi_buf_dispose(&iri);
  return st;
}
