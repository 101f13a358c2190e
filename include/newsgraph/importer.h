// newsgraph::Importer — reads articles into a store: text → mentions →
// entities, events and times → typed nodes and edges with evidence.
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
#include "newsgraph/store.h"

namespace newsgraph {

struct ImporterOptions {
  // Extra knowledge-base files (protobuf text format) read after the
  // shipped ones in data/kb/.
  std::vector<std::string> kb_files;
  // Read the structure of each sentence that may report a contact with the
  // Link Grammar parser (Debian's liblink-grammar5 and its English
  // dictionary). Off, or where the dictionary is missing, surface rules
  // read every sentence; ImportReport::parser_on says which ran.
  bool parse_sentences = true;
  // Longer article texts are refused (InvalidArgument, with file and line)
  // before they are read into memory: work per article is bounded. News
  // articles are a few tens of kilobytes.
  uint64_t max_article_bytes = uint64_t{4} << 20;
};

// What an import did. Counts add up over calls.
struct ImportReport {
  uint64_t articles_read = 0;
  uint64_t imported = 0;
  uint64_t already_present = 0;  // same id and same text: nothing written
  uint64_t events = 0;
  uint64_t nodes_added = 0;
  uint64_t edges_added = 0;
  uint64_t evidence_added = 0;
  double seconds = 0;
  // Reading: the bytes of text read, its sentences, the candidates (a
  // contact or visit word and a person), how many of those parsed, and the
  // time of each parse tried, in milliseconds.
  bool parser_on = false;
  uint64_t text_bytes = 0;
  uint64_t sentences = 0;
  uint64_t parse_candidates = 0;
  uint64_t parsed = 0;
  std::vector<float> parse_millis;
};

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
