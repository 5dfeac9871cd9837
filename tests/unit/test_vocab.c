/* The C code and ontology/kgexport.ttl agree: every kg: term the code names is defined. */
#include "check.h"
#include "present.h"

int main(void) {
  kg_error err;
  kg_error_init(&err);
  CHECK(kgi_vocab_load(&err) == KG_OK);
  for (size_t i = 0; i < kgi_style_count(); i++) {
    const kgi_style *s = kgi_style_at(i);
    if (!s->cls)
      continue;
    char iri[256];
    snprintf(iri, sizeof iri, "%s%s", KG_NS, s->cls);
    if (!kgi_vocab_defines(iri)) {
      fprintf(stderr, "style class %s is not in the ontology\n", iri);
      check_failures++;
    }
  }
  static const char *used[] = {"defaultSource",  "topic",  "holdsOffice", "role",  "startDate",
                               "participatedIn", "saidBy", "Quote",       "Event", "Source"};
  for (size_t i = 0; i < sizeof used / sizeof used[0]; i++) {
    char iri[256];
    snprintf(iri, sizeof iri, "%s%s", KG_NS, used[i]);
    if (!kgi_vocab_defines(iri)) {
      fprintf(stderr, "%s is not in the ontology\n", iri);
      check_failures++;
    }
  }
  CHECK(!kgi_vocab_defines(KG_NS "Persn"));
  CHECK_STR(kgi_vocab_parent(KG_NS "PhoneCall"), KG_NS "Event");
  CHECK(kgi_vocab_label(KG_NS "Person") != NULL);
  return CHECK_RESULT();
}
