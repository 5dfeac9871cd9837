/*
 * A strict N-Triples (RDF 1.1) line reader. N-Triples is the format of large dumps, and
 * raptor's general parser spends most of an import building and freeing terms we copy
 * anyway; this reader decodes one line into reusable buffers and reports errors with the
 * exact column. Turtle still goes through raptor.
 */
#ifndef KGI_NT_H
#define KGI_NT_H

#include "base.h"

typedef enum kgi_term_type { KGI_TERM_IRI, KGI_TERM_BLANK, KGI_TERM_LITERAL } kgi_term_type;

/* One RDF term, NUL-terminated strings; who owns them is said where a term is handed out. */
typedef struct kgi_term {
  kgi_term_type type;
  const char *str;      /* IRI, blank node label (without "_:"), or lexical form */
  size_t len;           /* of str (a lexical form may hold U+0000 only as an error) */
  const char *lang;     /* literal: language tag as written, or NULL */
  const char *datatype; /* literal: datatype IRI, or NULL */
  uint64_t node_hash;   /* IRI: its kgi_graph_node_hash when the reader computed it, else 0 */
  /* what the mapping asks of a term alone, answered ahead by a reader on its own thread
     (kgi_term_prepare); 0: not answered, the mapping asks itself */
  uint8_t vocab_ok; /* the IRI, or a literal's datatype, passed the vocabulary's check */
  uint8_t pred;     /* a predicate: 1 + its kind (importer.h, KGI_PRED_DEFAULT_SOURCE) */
} kgi_term;

/* Decoding buffers, reused from line to line; zero-initialise, free with kgi_nt_dispose. */
typedef struct kgi_nt_reader {
  kgi_buf buf[5];  /* subject, predicate, object, datatype, language */
  size_t max_term; /* the longest IRI, lexical form or label, as written (0: no limit) */
  char msg[128];   /* the message of a term over max_term */
} kgi_nt_reader;

typedef enum kgi_nt_result {
  KGI_NT_TRIPLE, /* terms[0..2] filled; their strings live in the reader until the next call */
  KGI_NT_EMPTY,  /* blank or comment-only line */
  KGI_NT_ERROR,  /* *err_off is the byte offset in the line, *err_msg a static message, or
                    the reader's msg for a term over max_term */
  KGI_NT_NOMEM
} kgi_nt_result;

/*
 * Read the triple that starts at line[*pos] (a line without its '\n'). On KGI_NT_TRIPLE,
 * *pos moves past it: a line may hold more triples after a carriage return (EOL is
 * [#xD#xA]+), so call again until KGI_NT_EMPTY.
 */
kgi_nt_result kgi_nt_read(kgi_nt_reader *r, const char *line, size_t len, size_t *pos,
                          kgi_term terms[3], size_t *err_off, const char **err_msg);
void kgi_nt_dispose(kgi_nt_reader *r);

/* The message of a term over the limit: "a literal of more than N bytes (...)"; what: "a
 * literal", "an IRI", "a blank node label". */
void kgi_term_too_long(char *msg, size_t size, const char *what, size_t max);

/*
 * The part of a line read so far, before its end arrives: kgi_nt_scan follows its terms
 * from one call to the next (zero it at each new line) so that a term longer than max is
 * refused as soon as it is, not when its line ends. It looks at line[from..len) and returns
 * false with *err_off (where the term starts) and *what ("a literal", "an IRI", "a blank
 * node label") when a term is too long; the same terms kgi_nt_read would refuse.
 */
typedef struct kgi_nt_scan {
  size_t at;    /* bytes of the line looked at */
  size_t start; /* where the current term's text starts (after '<', '"' or "_:") */
  int state;
} kgi_nt_scan;
bool kgi_nt_scan_line(kgi_nt_scan *s, const char *line, size_t len, size_t max, size_t *err_off,
                      const char **what);

#endif
