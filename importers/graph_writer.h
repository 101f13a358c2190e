// Turns what the extractor read into nodes and edges (docs/graph-model.md):
// resolves people, states, alliances and places to existing nodes or new
// ones, and gathers everything of one article in one WriteSet.
#ifndef NEWSGRAPH_IMPORTERS_GRAPH_WRITER_H_
#define NEWSGRAPH_IMPORTERS_GRAPH_WRITER_H_

#include <cstdint>
#include <string>

#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "importers/extraction.h"
#include "importers/knowledge_base.h"
#include "newsgraph/article.h"
#include "newsgraph/store.h"

namespace newsgraph {

class GraphWriter {
 public:
  // `store` and `kb` must outlive the writer. The writer must be the only
  // one writing to `store`: it caches name → node id lookups.
  GraphWriter(Store* store, const KnowledgeBase* kb);

  // Writes the KB's states, alliances and MEMBER_OF edges unless the store
  // already holds this very KB (a fingerprint kept in meta). Idempotent.
  absl::Status SeedKnowledgeBase();

  // Adds the article, its events and every node and edge they need to
  // `writes`. Nothing reaches the store until the caller commits `writes`;
  // call Committed() after a successful commit and Abandoned() otherwise.
  absl::Status AddArticle(const ArticleInput& article, const pb::Article& record,
                          const Extraction& extraction, WriteSet& writes);
  void Committed();
  void Abandoned();

 private:
  absl::StatusOr<uint64_t> ResolveKeyed(pb::NodeKind kind, const std::string& kb_key,
                                        const std::string& name, WriteSet& writes,
                                        bool* created);
  absl::StatusOr<uint64_t> ResolveNamed(pb::NodeKind kind, const std::string& name,
                                        WriteSet& writes);
  absl::StatusOr<uint64_t> ResolveAffiliation(const std::string& state, WriteSet& writes);
  absl::StatusOr<uint64_t> ResolvePerson(const Participant& person, int32_t day,
                                         WriteSet& writes);
  std::optional<uint64_t> Lookup(const std::string& cache_key) const;
  // A stored CONSULT event of the same contact family whose people are
  // exactly `people` and whose dated span overlaps the event's; nullopt if
  // none, or if either date is vaguer than a month.
  absl::StatusOr<std::optional<pb::Node>> FindSameEvent(const ExtractedEvent& event,
                                                        const std::vector<uint64_t>& people);
  bool IsPerson(uint64_t id) const;
  absl::StatusOr<uint64_t> AddEvidence(const ArticleInput& article, uint32_t begin, uint32_t end,
                                       const std::string& rule, const std::string& date_rule,
                                       const std::string& people_rule, float confidence,
                                       WriteSet& writes);
  absl::Status AddHoldsRole(uint64_t person, const std::string& affiliation,
                            const std::string& title, const pb::TimeSpan& span,
                            uint64_t evidence_id, WriteSet& writes);
  absl::Status AddEvent(const ArticleInput& article, uint64_t article_node,
                        const ExtractedEvent& event, WriteSet& writes, uint32_t* events);

  Store* store_;
  const KnowledgeBase* kb_;
  // Committed lookups: "<kind>/<key-or-normalised-name>" -> node id.
  absl::flat_hash_map<std::string, uint64_t> cache_;
  // Lookups made while building the current article's WriteSet.
  absl::flat_hash_map<std::string, uint64_t> pending_;
  // HOLDS_ROLE edges known to exist: "<person>/<affiliation>/<title>".
  absl::flat_hash_set<std::string> roles_;
  absl::flat_hash_set<std::string> pending_roles_;
  // People whose stored HOLDS_ROLE edges have been read into roles_.
  absl::flat_hash_set<uint64_t> roles_loaded_;
  // Stored events given more reports by the current article.
  absl::flat_hash_map<uint64_t, pb::Node> pending_events_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_GRAPH_WRITER_H_
