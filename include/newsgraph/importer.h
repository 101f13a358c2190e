// newsgraph::Importer — reads articles into a store: text → mentions →
// entities, events and times → typed nodes and edges with evidence. Its
// options and report are in import_options.h.
#ifndef NEWSGRAPH_IMPORTER_H_
#define NEWSGRAPH_IMPORTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "newsgraph/article.h"
#include "newsgraph/import_options.h"
#include "newsgraph/store.h"

namespace newsgraph {

class Importer {
 public:
  // Loads the knowledge base and seeds the store with its states, alliances
  // and memberships (once per KB version). `store` must outlive the importer
  // and be open for writing. Errors: a KB file that does not parse (with its
  // file:line), a read-only store.
  static absl::StatusOr<std::unique_ptr<Importer>> Create(Store* store,
                                                          const ImporterOptions& options);
  ~Importer();

  // Imports one article in one atomic commit. An article already stored
  // with the same id and the same text is skipped. Errors: InvalidArgument
  // for a missing/malformed date, text that is not UTF-8 or a text over
  // ImporterOptions::max_article_bytes; AlreadyExists for an id already
  // stored with a different text. Nothing is written then.
  absl::Status ImportArticle(const ArticleInput& article, ImportReport* report);

  // Imports a JSON Lines file ({"id","title","date","source","url","text"}
  // per line; title, source and url may be null). Errors name the file and
  // line ("dev.jsonl:17: missing \"date\""); articles before the bad line
  // stay imported, and none after it is read. `progress`, if set, is called
  // after each article with the bytes consumed so far and the file size.
  absl::Status ImportJsonLines(
      const std::string& path, ImportReport* report,
      const std::function<void(uint64_t done, uint64_t total)>& progress = nullptr);

  // Imports JSON Lines files as one batch in a canonical order -- by
  // publication date, then id -- whatever the order of the files and of
  // the lines in them, so the same articles give the same store (ids,
  // merged events, places) and the same export. Every line is checked
  // first; a bad one is an error naming its file and line, and then
  // nothing is imported. `progress` counts articles, not bytes. Costs one
  // more read of the files and about 100 bytes per article.
  absl::Status ImportJsonLinesInOrder(
      const std::vector<std::string>& paths, ImportReport* report,
      const std::function<void(uint64_t done, uint64_t total)>& progress = nullptr);

  // Imports a plain-text article; its id is the file name without
  // extension, its title the first non-empty line, its date `date`.
  absl::Status ImportTextFile(const std::string& path, const std::string& date,
                              ImportReport* report);

 private:
  struct Impl;
  explicit Importer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTER_H_
