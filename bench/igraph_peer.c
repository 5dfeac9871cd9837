/* igraph_peer: the igraph peer of bench/run.
 *
 *   igraph_peer graphml|dot IN.nt OUT
 *
 * Reads N-Triples with a simple line parser, as an igraph user would: every IRI or blank node
 * in subject or object position becomes a vertex (a hash map from term to vertex id), every
 * triple whose object is an IRI or blank node an edge, except rdf:type, which (as in kgexport)
 * becomes the "class" string attribute of its subject (the IRI, without <>). The first rdfs:label of a subject
 * becomes its "label" string attribute and the term itself its "name". Other literals are
 * dropped (igraph has no place for them but more attributes). Edges are added with
 * igraph_add_edges in batches. Then igraph_write_graph_graphml or igraph_write_graph_dot.
 * Prints "vertices N edges M" on stderr.
 *
 * Built by bench/run: cc -O2 igraph_peer.c $(pkg-config --cflags --libs igraph)
 */
#include <igraph.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define RDFS_LABEL "<http://www.w3.org/2000/01/rdf-schema#label>"
#define BATCH (1 << 20) /* edges per igraph_add_edges call */

static void die(const char *what) {
  fprintf(stderr, "igraph_peer: %s\n", what);
  exit(1);
}

/* ---- an arena of NUL-terminated strings, addressed by offset ---- */
static char *arena;
static size_t arena_len, arena_cap;

static size_t arena_add(const char *s, size_t n) {
  if (arena_len + n + 1 > arena_cap) {
    while (arena_len + n + 1 > arena_cap)
      arena_cap = arena_cap ? arena_cap * 2 : (1u << 20);
    arena = realloc(arena, arena_cap);
    if (!arena)
      die("out of memory");
  }
  size_t off = arena_len;
  memcpy(arena + off, s, n);
  arena[off + n] = '\0';
  arena_len += n + 1;
  return off;
}

/* ---- term -> vertex id: open addressing, FNV-1a ---- */
typedef struct {
  size_t off; /* in the arena; SIZE_MAX = empty */
  igraph_integer_t id;
} slot;

static slot *table;
static size_t table_cap, nvertices;
static size_t *vname;  /* vertex id -> arena offset of its term */
static size_t *vlabel; /* vertex id -> arena offset of its label, SIZE_MAX if none */
static size_t *vclass; /* vertex id -> arena offset of its class, SIZE_MAX if none */
static size_t vcap;

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static void grow_table(void) {
  size_t ncap = table_cap ? table_cap * 2 : (1u << 16);
  slot *nt = malloc(ncap * sizeof *nt);
  if (!nt)
    die("out of memory");
  for (size_t i = 0; i < ncap; i++)
    nt[i].off = SIZE_MAX;
  for (size_t i = 0; i < table_cap; i++) {
    if (table[i].off == SIZE_MAX)
      continue;
    const char *s = arena + table[i].off;
    size_t j = hash(s, strlen(s)) & (ncap - 1);
    while (nt[j].off != SIZE_MAX)
      j = (j + 1) & (ncap - 1);
    nt[j] = table[i];
  }
  free(table);
  table = nt;
  table_cap = ncap;
}

/* The vertex of a term: an IRI without its <>, or _:name. */
static igraph_integer_t vertex(const char *s, size_t n) {
  if (n >= 2 && s[0] == '<') {
    s++;
    n -= 2;
  }
  if ((nvertices + 1) * 2 > table_cap)
    grow_table();
  size_t j = hash(s, n) & (table_cap - 1);
  while (table[j].off != SIZE_MAX) {
    const char *t = arena + table[j].off;
    if (strncmp(t, s, n) == 0 && t[n] == '\0')
      return table[j].id;
    j = (j + 1) & (table_cap - 1);
  }
  if (nvertices == vcap) {
    vcap = vcap ? vcap * 2 : 4096;
    vname = realloc(vname, vcap * sizeof *vname);
    vlabel = realloc(vlabel, vcap * sizeof *vlabel);
    vclass = realloc(vclass, vcap * sizeof *vclass);
    if (!vname || !vlabel || !vclass)
      die("out of memory");
  }
  table[j].off = arena_add(s, n);
  table[j].id = (igraph_integer_t)nvertices;
  vname[nvertices] = table[j].off;
  vlabel[nvertices] = SIZE_MAX;
  vclass[nvertices] = SIZE_MAX;
  return (igraph_integer_t)nvertices++;
}

/* ---- the N-Triples line parser ---- */
typedef struct {
  const char *s;
  size_t n;
  int literal;
} term;

static const char *skip_ws(const char *p) {
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* One term at p: <iri>, _:blank or a literal with its @lang / ^^<dt> tail. */
static const char *read_term(const char *p, term *t) {
  p = skip_ws(p);
  t->s = p;
  t->literal = 0;
  if (*p == '<') {
    const char *e = strchr(p, '>');
    if (!e)
      return NULL;
    t->n = (size_t)(e + 1 - p);
    return e + 1;
  }
  if (p[0] == '_' && p[1] == ':') {
    const char *e = p + 2;
    while (*e && *e != ' ' && *e != '\t' && *e != '.')
      e++;
    t->n = (size_t)(e - p);
    return e;
  }
  if (*p == '"') {
    const char *e = p + 1;
    while (*e && *e != '"')
      e += (*e == '\\' && e[1]) ? 2 : 1;
    if (*e != '"')
      return NULL;
    t->literal = 1;
    t->s = p + 1;
    t->n = (size_t)(e - p - 1);
    e++;
    if (*e == '@')
      while (*e && *e != ' ' && *e != '\t')
        e++;
    else if (e[0] == '^' && e[1] == '^') {
      e = strchr(e, '>');
      if (!e)
        return NULL;
      e++;
    }
    return e;
  }
  return NULL;
}

static void put_utf8(char **o, unsigned long c) {
  unsigned char *u = (unsigned char *)*o;
  if (c < 0x80) {
    *u++ = (unsigned char)c;
  } else if (c < 0x800) {
    *u++ = (unsigned char)(0xC0 | (c >> 6));
    *u++ = (unsigned char)(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *u++ = (unsigned char)(0xE0 | (c >> 12));
    *u++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    *u++ = (unsigned char)(0x80 | (c & 0x3F));
  } else {
    *u++ = (unsigned char)(0xF0 | (c >> 18));
    *u++ = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    *u++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    *u++ = (unsigned char)(0x80 | (c & 0x3F));
  }
  *o = (char *)u;
}

/* Unescape a literal's lexical form into buf (at most n + 1 bytes). */
static size_t unescape(const char *s, size_t n, char *buf) {
  char *o = buf;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\\' || i + 1 == n) {
      *o++ = s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
    case 't': *o++ = '\t'; break;
    case 'n': *o++ = '\n'; break;
    case 'r': *o++ = '\r'; break;
    case 'b': *o++ = '\b'; break;
    case 'f': *o++ = '\f'; break;
    case 'u':
    case 'U': {
      int len = c == 'u' ? 4 : 8;
      if (i + (size_t)len >= n) { /* too short: keep it as it is */
        *o++ = c;
        break;
      }
      char hex[9] = {0};
      memcpy(hex, s + i + 1, (size_t)len);
      put_utf8(&o, strtoul(hex, NULL, 16));
      i += (size_t)len;
      break;
    }
    default: *o++ = c; break; /* \" \\ \' */
    }
  }
  *o = '\0';
  return (size_t)(o - buf);
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "graphml") && strcmp(argv[1], "dot")))
    die("usage: igraph_peer graphml|dot IN.nt OUT");
  FILE *in = fopen(argv[2], "r");
  if (!in)
    die("cannot open the input");
  igraph_set_attribute_table(&igraph_cattribute_table);

  igraph_t g;
  if (igraph_empty(&g, 0, IGRAPH_DIRECTED))
    die("igraph_empty failed");
  igraph_vector_int_t batch;
  igraph_vector_int_init(&batch, 0);
  igraph_vector_int_reserve(&batch, 2 * (igraph_integer_t)BATCH);

  char *line = NULL, *buf = NULL;
  size_t cap = 0, bufcap = 0, lineno = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, in)) != -1) {
    lineno++;
    const char *p = skip_ws(line);
    if (*p == '#' || *p == '\n' || *p == '\0')
      continue;
    term s, pr, o;
    if (!(p = read_term(p, &s)) || !(p = read_term(p, &pr)) || !(p = read_term(p, &o)) ||
        s.literal || pr.literal) {
      fprintf(stderr, "igraph_peer: line %zu: not an N-Triples triple\n", lineno);
      return 1;
    }
    igraph_integer_t sv = vertex(s.s, s.n);
    if (o.literal) {
      if (vlabel[sv] == SIZE_MAX && pr.n == sizeof RDFS_LABEL - 1 &&
          memcmp(pr.s, RDFS_LABEL, pr.n) == 0) {
        if (o.n + 1 > bufcap) {
          bufcap = o.n + 1;
          buf = realloc(buf, bufcap);
          if (!buf)
            die("out of memory");
        }
        size_t n = unescape(o.s, o.n, buf);
        vlabel[sv] = arena_add(buf, n);
      }
      continue;
    }
    if (pr.n == sizeof RDF_TYPE - 1 && memcmp(pr.s, RDF_TYPE, pr.n) == 0) {
      if (vclass[sv] == SIZE_MAX)
        vclass[sv] = o.s[0] == '<' ? arena_add(o.s + 1, o.n - 2) : arena_add(o.s, o.n);
      continue;
    }
    igraph_integer_t ov = vertex(o.s, o.n);
    igraph_vector_int_push_back(&batch, sv);
    igraph_vector_int_push_back(&batch, ov);
    if (igraph_vector_int_size(&batch) >= 2 * (igraph_integer_t)BATCH) {
      if (igraph_add_vertices(&g, (igraph_integer_t)nvertices - igraph_vcount(&g), NULL) ||
          igraph_add_edges(&g, &batch, NULL))
        die("igraph_add_edges failed");
      igraph_vector_int_clear(&batch);
    }
  }
  free(line);
  free(buf);
  fclose(in);
  if (igraph_add_vertices(&g, (igraph_integer_t)nvertices - igraph_vcount(&g), NULL) ||
      igraph_add_edges(&g, &batch, NULL))
    die("igraph_add_edges failed");
  igraph_vector_int_destroy(&batch);

  /* the string attributes, set in one go per attribute */
  igraph_strvector_t sv;
  const char *names[] = {"name", "label", "class"};
  size_t *cols[] = {vname, vlabel, vclass};
  for (int a = 0; a < 3; a++) {
    if (igraph_strvector_init(&sv, (igraph_integer_t)nvertices))
      die("out of memory");
    for (size_t v = 0; v < nvertices; v++)
      if (cols[a][v] != SIZE_MAX)
        igraph_strvector_set(&sv, (igraph_integer_t)v, arena + cols[a][v]);
    if (igraph_cattribute_VAS_setv(&g, names[a], &sv))
      die("cannot set an attribute");
    igraph_strvector_destroy(&sv);
  }
  /* the term strings now live in igraph's attributes too: drop our copies */
  free(table);
  free(arena);
  free(vname);
  free(vlabel);
  free(vclass);

  FILE *out = fopen(argv[3], "w");
  if (!out)
    die("cannot open the output");
  igraph_error_t rc = strcmp(argv[1], "graphml") == 0 ? igraph_write_graph_graphml(&g, out, 0)
                                                      : igraph_write_graph_dot(&g, out);
  if (rc || fclose(out))
    die("writing failed");
  fprintf(stderr, "vertices %lld edges %lld\n", (long long)igraph_vcount(&g),
          (long long)igraph_ecount(&g));
  igraph_destroy(&g);
  return 0;
}
