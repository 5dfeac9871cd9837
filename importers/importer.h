/*
 * importers/importer.h — private to the importers layer: what the readers share.
 */
#ifndef KGI_IMPORTER_H
#define KGI_IMPORTER_H

#include "model.h"
#include "vocab.h"

/* The built-in story (examples/trump-xi-call-2025-11-24.ttl, embedded at build time). */
extern const char kgi_story_ttl[];
extern const size_t kgi_story_ttl_len;

#endif /* KGI_IMPORTER_H */
