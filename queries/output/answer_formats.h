// Answers of registry (Cypher) canned queries as an aligned table, JSON and
// CSV, each row with the sentences behind it.
//
// Evidence: a query names its proof by returning a column called
// `evidence`. The runner resolves it into article ids and sentences after
// the query has run (ResolveEvidence), so query texts stay short and every
// format shows the same proof. The cell may hold, at any depth of lists:
//   - integers: evidence ids (an Event's or a relationship's `evidence`);
//   - nodes and relationships: their `evidence` property, and for a
//     relationship without one (MET, SPOKE_WITH) its event's (`event_id`);
//   - paths: each of their nodes and relationships.
#ifndef NEWSGRAPH_QUERIES_OUTPUT_ANSWER_FORMATS_H_
#define NEWSGRAPH_QUERIES_OUTPUT_ANSWER_FORMATS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/cypher.h"
#include "newsgraph/query.h"
#include "newsgraph/store.h"

namespace newsgraph::queries {

inline constexpr char kEvidenceColumn[] = "evidence";

struct Answer {
  std::vector<std::string> columns;
  std::vector<std::vector<CypherValue>> rows;
  int evidence_column = -1;  // index of `evidence` in columns, -1 if none
  // Per row: the evidence its `evidence` cell names, each id once, in order.
  std::vector<std::vector<EvidenceInfo>> evidence;
  // Set when a limit cut the answer short (native neighbourhood): the table
  // ends with this line, and each JSON row carries "limit_reached": true.
  std::string limit_note;
};

// Where evidence comes from (a store; a fake in tests).
class EvidenceSource {
 public:
  virtual ~EvidenceSource() = default;
  // The evidence record of an id; nullopt when there is none.
  virtual absl::StatusOr<std::optional<EvidenceInfo>> Evidence(uint64_t evidence_id) const = 0;
  // The evidence ids of an EVENT node; empty when there is no such event.
  virtual absl::StatusOr<std::vector<uint64_t>> EventEvidence(uint64_t event_id) const = 0;
};

// EvidenceSource over a store (`store` must outlive it).
class StoreEvidenceSource : public EvidenceSource {
 public:
  explicit StoreEvidenceSource(const Store& store) : store_(store) {}
  absl::StatusOr<std::optional<EvidenceInfo>> Evidence(uint64_t evidence_id) const override;
  absl::StatusOr<std::vector<uint64_t>> EventEvidence(uint64_t event_id) const override;

 private:
  const Store& store_;
};

// `result` with its `evidence` column resolved through `source`, each id
// once per row in the order met; an id without a record keeps its id with
// an empty sentence. Errors: those of `source`.
absl::StatusOr<Answer> ResolveEvidence(CypherResult result, const EvidenceSource& source);

// Aligned columns for a terminal; under each row its first sentences; the
// limit note, if any, after the row count.
std::string AnswerToTable(const Answer& answer);
// An array of objects keyed by column; nodes as {"id","labels","properties"},
// relationships as {"id","type","start","end","properties"}, paths as
// {"nodes","relationships"}; the evidence column as [{"evidence_id",
// "article_id","sentence"}]; "limit_reached": true on every row when the
// answer has a limit note.
std::string AnswerToJson(const Answer& answer);
// RFC 4180; the evidence column becomes evidence_ids, article_ids (";"
// separated) and sentence (the first).
std::string AnswerToCsv(const Answer& answer);

// A value as one cell: nodes by caption, relationships as "TYPE date"
// (plus the factuality unless "happened"), paths as "A -[MET 2023-06-19]-> B".
std::string CellText(const CypherValue& value);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_ANSWER_FORMATS_H_
