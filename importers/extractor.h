// The text pipeline: article text -> sentences -> mentions (gazetteer and
// title patterns) -> coreference -> times -> event triggers with factuality.
// Pure: reads no store, so each stage can be tested on its own.
#ifndef NEWSGRAPH_IMPORTERS_EXTRACTOR_H_
#define NEWSGRAPH_IMPORTERS_EXTRACTOR_H_

#include <memory>

#include "absl/status/statusor.h"
#include "importers/extraction.h"
#include "importers/knowledge_base.h"
#include "newsgraph/article.h"

namespace newsgraph {

struct ExtractorOptions {
  // Read candidate sentences with the Link Grammar parser (importers/parse/).
  // Without it, or where its dictionary is not installed, the surface rules
  // of events.cc read them alone.
  bool parse_sentences = true;
};

class Extractor {
 public:
  // Builds the gazetteer from `kb`, which must outlive the extractor.
  explicit Extractor(const KnowledgeBase* kb, const ExtractorOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Reads one article. `article.date` must be a valid YYYY-MM-DD and
  // `article.text` valid UTF-8 (the importer checks both first).
  absl::StatusOr<Extraction> Extract(const ArticleInput& article) const;

  // Whether sentences are parsed: asked for, and the dictionary loaded.
  bool parsing() const;

 private:
  // Extract on a text short enough to read in one piece.
  absl::StatusOr<Extraction> ExtractSegment(const ArticleInput& article) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_EXTRACTOR_H_
