/*
 * core/text.h — checks and conversions of text the model holds: UTF-8, XML 1.0 characters,
 * IRIs, language tags, datatypes and calendar dates. Shared by every reader and writer so
 * each rule exists once.
 */
#ifndef KGI_TEXT_H
#define KGI_TEXT_H

#include "base.h"

/* Decode the code point at s (at most len bytes): its length, or 0 when malformed. */
size_t kgi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
bool kgi_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* A code point that XML 1.0 forbids (C0 controls but TAB LF CR, U+FFFE, U+FFFF, surrogates). */
bool kgi_xml_char_ok(uint32_t cp);
/* First offset of an XML-forbidden character in valid UTF-8 text, or (size_t)-1. */
size_t kgi_find_xml_illegal(const char *s, size_t len);
/* An IRI as every RDF syntax can write it: no byte of kgi_iri_bad, valid UTF-8, no
 * character XML forbids. */
bool kgi_iri_ok(const char *s);
/* Does s start with a scheme ("https:", "urn:")? */
bool kgi_iri_absolute(const char *s);
/* 1 for the bytes an IRI may not hold as written: C0 controls, space and <>"{}|\^` */
extern const unsigned char kgi_iri_bad[256];
/* How many of s's first len bytes come before the first byte of kgi_iri_bad (len if none). */
size_t kgi_iri_run(const char *s, size_t len);
/* Lower-case copy check of a BCP 47 tag; false when malformed. */
bool kgi_lang_valid(const char *tag);
/* The kind for an XSD datatype IRI (KG_VALUE_TYPED when not one of ours). */
kg_value_kind kgi_kind_for_datatype(const char *dt_iri);
/* KG_EDATA for an IRI in the XSD namespace that names no XSD 1.1 datatype (a typo such as
 * xsd:dat), with the closest name as a suggestion; KG_OK for any other IRI. */
KG_NODISCARD kg_status kgi_datatype_check(const char *dt_iri, kg_error *err);

/*
 * The longest date or dateTime the model takes, with its NUL: the timeline and the date
 * filter work on copies of this size, so a longer one is refused at input (KG_EDATA). It
 * holds a 16-digit year, or a dateTime with 30 digits of fractional seconds.
 */
enum { KGI_DATE_MAX = 64 };

/* Compare the dates that start two date or dateTime lexical forms ("[-]YYYY-MM-DD...",
 * years of any length and sign): < 0, 0 or > 0. */
int kgi_date_compare(const char *a, const char *b);

/* Days in month m (1..12) of year y, proleptic Gregorian (the calendar of XSD dates). */
int kgi_days_in_month(long y, int m);

/* Display columns of a code point: 2 for CJK, kana, hangul and fullwidth forms, else 1. */
int kgi_char_columns(uint32_t cp);

/*
 * The edit distance between two names, for "did you mean" suggestions (formats, datatypes):
 * the insertions, deletions, substitutions and swaps of two neighbouring bytes that turn a
 * into b (optimal string alignment), ASCII letters compared without regard to case. Names of
 * more than KGI_EDIT_MAX bytes are not compared: (size_t)-1, as for no suggestion.
 */
enum { KGI_EDIT_MAX = 256 };
size_t kgi_edit_distance(const char *a, const char *b);
/*
 * KG_ENOTFOUND for a name a list lacks, the one message of every such case: "unknown KIND
 * 'asked'; did you mean 'NAME'? LABEL: n1, n2, ..." — NAME the entry whose name, or one of
 * whose aliases (aliases[i], NULL-terminated, may be NULL), is closest to what was asked,
 * when it is close enough (kgi_edit_close); without it "unknown KIND 'asked'. LABEL: ...".
 */
kg_status kgi_unknown_name(kg_error *err, const char *kind, const char *label, const char *asked,
                           const char *const *names, const char *const *const *aliases, size_t n);
/* Is a name at this edit distance from `typed` close enough to suggest it? At most a third
 * of the typed length, and at least 1: "grapml" gets "graphml", "xyz" gets nothing. */
bool kgi_edit_close(size_t distance, const char *typed);

/* ---- well-known IRIs ---- */

#define KGI_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define KGI_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define KGI_XSD "http://www.w3.org/2001/XMLSchema#"
#define KGI_OWL "http://www.w3.org/2002/07/owl#"
#define KGI_PROV "http://www.w3.org/ns/prov#"
#define KGI_SCHEMA "http://schema.org/"
#define KGI_WD "http://www.wikidata.org/entity/"

#define KGI_RDF_TYPE KGI_RDF "type"
#define KGI_RDF_STATEMENT KGI_RDF "Statement"
#define KGI_RDF_SUBJECT KGI_RDF "subject"
#define KGI_RDF_PREDICATE KGI_RDF "predicate"
#define KGI_RDF_OBJECT KGI_RDF "object"
#define KGI_RDF_LANGSTRING KGI_RDF "langString"
#define KGI_RDFS_LABEL KGI_RDFS "label"
#define KGI_OWL_SAMEAS KGI_OWL "sameAs"
#define KGI_PROV_DERIVED KGI_PROV "wasDerivedFrom"

/* Prefixes every exporter may use to shorten IRIs (NULL-terminated). */
typedef struct kgi_prefix {
  const char *prefix;
  const char *ns;
} kgi_prefix;
extern const kgi_prefix kgi_prefixes[];
/* The CURIE of an IRI ("kg:holdsOffice") appended to b when a prefix matches, else the IRI. */
void kgi_buf_put_curie(kgi_buf *b, const char *iri);
/*
 * A value column's descriptor: the text that GraphML's key <desc> and GEXF's attribute id
 * carry so that a reader maps the column back to RDF (docs/formats.md). The predicate, then
 * what its values are: "kg:role@en" (strings in English), "schema:startDate^^xsd:date"
 * (dates, of any precision: the lexical form tells xsd:date, gYearMonth and gYear apart),
 * "kg:amount^^xsd:decimal", "schema:url^^@id" (IRIs), "kg:note" (plain strings). An IRI is
 * written as a CURIE of the well-known prefixes when its local part is plain
 * ([A-Za-z0-9_.-]), else as <IRI>.
 */
/* How a GraphML file's <desc> and a GEXF file's <creator> start when kgexport wrote them:
 * its readers then know which columns are derived (the shown label, colours, sizes, days)
 * and which carry the model. */
#define KGI_PG_MARK "kgexport"
void kgi_buf_put_value_desc(kgi_buf *b, const char *pred, const kg_value *v);
/* Read a descriptor back: the predicate IRI, the language ("" when none) and the datatype
 * IRI (NULL for strings) into their buffers, the kind into *kind. False when the text is
 * not a descriptor (a foreign file's description). */
bool kgi_value_desc_parse(const char *text, kgi_buf *pred, kgi_buf *lang, kgi_buf *datatype,
                          kg_value_kind *kind);
/* The part of an IRI after the last '#', '/' or ':'. */
const char *kgi_local_name(const char *iri);

#endif /* KGI_TEXT_H */
