// The data newsgraph ships -- the knowledge base (data/kb/) and the canned
// queries (data/queries/canned.cypher) -- compiled into the library, so that
// a built or installed binary works wherever it is moved, with no source
// tree beside it. NEWSGRAPH_DATA_DIR, when set, names a data directory to
// read instead (importers/knowledge_base.h, queries/canned/registry.h).
#ifndef NEWSGRAPH_SCHEMA_EMBEDDED_DATA_H_
#define NEWSGRAPH_SCHEMA_EMBEDDED_DATA_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace newsgraph {

struct EmbeddedFile {
  absl::string_view name;  // relative to data/: "kb/states.textproto"
  absl::string_view text;
};

// Every embedded file, in name order.
absl::Span<const EmbeddedFile> EmbeddedDataFiles();

// The embedded file of that name, or null.
inline const EmbeddedFile* FindEmbeddedFile(absl::string_view name) {
  for (const EmbeddedFile& f : EmbeddedDataFiles()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_EMBEDDED_DATA_H_
