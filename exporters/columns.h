/*
 * Private to the property-graph exporters (GraphML, GEXF): the model's nodes and edges as
 * rows of typed columns, and XML-safe unique node ids. Both formats declare their columns
 * before any row, so the columns are collected in one pass over the graph first.
 */
#ifndef KGI_COLUMNS_H
#define KGI_COLUMNS_H

#include "exporter.h"
#include "present.h"

typedef enum { KGI_FOR_NODE, KGI_FOR_EDGE } kgi_col_for;

/* What a column carries: one of the fixed attributes, or a (predicate, language) of data. */
typedef enum {
  KGI_COL_LABEL,      /* display label */
  KGI_COL_LABEL_LANG, /* label in one language, one column per language (data-dependent) */
  KGI_COL_CLASS,      /* first class, as a CURIE */
  KGI_COL_CLASSES,    /* all classes (only when some node has several) */
  KGI_COL_IRI,
  KGI_COL_WIKIDATA, /* QID (only when some node has one) */
  KGI_COL_SAME_AS,  /* other external ids (only when present) */
  KGI_COL_CITES,    /* id of the source node (only when some element cites one) */
  KGI_COL_R,
  KGI_COL_G,
  KGI_COL_B,
  KGI_COL_SIZE,
  KGI_COL_RELATION, /* predicate IRI of an edge */
  KGI_COL_WEIGHT,
  KGI_COL_STATEMENT, /* statement-node IRI (only when some edge has one) */
  KGI_COL_START,     /* first day of the element's period (only when some element is dated) */
  KGI_COL_END,       /* last day of it */
  KGI_COL_VALUE      /* a typed property or qualifier */
} kgi_col_role;

typedef enum {
  KGI_T_STRING,
  KGI_T_INT,
  KGI_T_LONG,
  KGI_T_FLOAT,
  KGI_T_DOUBLE,
  KGI_T_BOOLEAN
} kgi_col_type;

typedef struct kgi_column {
  kgi_col_for target;
  kgi_col_role role;
  const char *pred; /* KGI_COL_VALUE: interned predicate IRI */
  const char *lang; /* LABEL_LANG, VALUE of a langstring: interned tag, else NULL */
  char *id;         /* NMTOKEN, unique in the file */
  char *name;       /* NMTOKEN, unique per element kind */
  kgi_col_type type;
  bool multi;           /* some element has several values in this column */
  kg_value_kind kind;   /* KGI_COL_VALUE: the kind of every value in the column */
  const char *datatype; /* KGI_COL_VALUE of KG_VALUE_TYPED: the interned datatype IRI */
  /* multi: what joins an element's values where a format has no list type (GraphML): "; ",
     else the first of " | ", " || ", ... that no value of the column holds, so the values
     split back exactly */
  char *sep;
  bool sep_clash; /* some value holds "; " (choose_separators) */
  /* VALUE and LABEL_LANG: the descriptor of its values (core/desc.c), "kg:role@en" */
  char *desc;
} kgi_column;

/* A fixed column an exporter asks for (data-dependent ones appear only when used). */
typedef struct kgi_fixed_column {
  kgi_col_for target;
  kgi_col_role role;
  const char *name;
  kgi_col_type type;
} kgi_fixed_column;

typedef struct kgi_columns {
  kgi_column *cols;
  size_t ncols, capcols;
  /* the fixed columns but the per-language labels, by target and role: 1 + their index, 0
     when absent (asked for every node and edge: an array, not a hash lookup) */
  uint32_t fixed_ix[2][KGI_COL_VALUE];
  kgi_index ix;
  /* names (per element kind), ids, and value columns by predicate and language: a graph
     may have a million predicates, so no lookup here scans the columns */
  kgi_index name_ix, id_ix, pred_ix;
  char **node_ids; /* per node index: NMTOKEN, unique */
  size_t nnode_ids;
  kgi_index nid_ix;
} kgi_columns;

kg_status kgi_columns_build(kgi_columns *c, const kg_graph *g, const kgi_fixed_column *fixed,
                            size_t nfixed, kg_error *err);
void kgi_columns_dispose(kgi_columns *c);
const kgi_column *kgi_columns_find(const kgi_columns *c, kgi_col_for t, kgi_col_role r,
                                   const char *pred, const char *lang);
/* The column of a value: one per predicate, language and kind (and datatype, for
 * KG_VALUE_TYPED), so that every value of a column has the same datatype. */
const kgi_column *kgi_columns_find_value(const kgi_columns *c, kgi_col_for t, const char *pred,
                                         const kg_value *v);

/* One value of an element in its column; an element's cells sorted by column, then order. */
typedef struct kgi_cell {
  const kgi_column *col;
  const kg_value *v;
  uint32_t order;
} kgi_cell;

/* The cells of an element's values (caller frees *out). */
kg_status kgi_columns_cells(kgi_cell **out, const kgi_columns *c, kgi_col_for t,
                            const kgi_prop *props, uint32_t n, kg_error *err);

/* Count in loss what the columns cannot say of g's values (the -v report): a datatype that a
 * column's type does not carry (a date, an IRI, any value in a column widened to string), a
 * decimal or integer written as a double; and without a list type (lists false: GraphML),
 * several values of an element in one column joined into one string. */
void kgi_columns_note_losses(const kgi_columns *c, const kg_graph *g, bool lists, kgi_loss *loss);

#endif
