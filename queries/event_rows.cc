#include "queries/event_rows.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph {
namespace queries {

absl::StatusOr<std::vector<EvidenceInfo>> LoadEvidence(
    const Store& store, const google::protobuf::RepeatedField<uint64_t>& ids) {
  std::vector<EvidenceInfo> out;
  absl::flat_hash_set<uint64_t> seen_ids;
  absl::flat_hash_set<std::pair<std::string, std::string>> seen_sentences;
  for (uint64_t id : ids) {
    if (!seen_ids.insert(id).second) continue;
    absl::StatusOr<std::optional<pb::Evidence>> evidence = store.GetEvidence(id);
    if (!evidence.ok()) return evidence.status();
    if (!evidence->has_value()) continue;
    const pb::Evidence& e = **evidence;
    // One article may support an event twice with the same sentence (two
    // rules firing); a reader wants it once.
    if (!seen_sentences.emplace(e.article_id(), e.sentence()).second) continue;
    out.push_back({e.id(), e.article_id(), e.sentence(), e.rule()});
  }
  return out;
}

absl::StatusOr<EventRow> MakeEventRow(const Store& store, const pb::Node& event) {
  const pb::EventInfo& info = event.event();
  EventRow row;
  row.event_id = event.id();
  row.event_type = ExportEventType(info.plover_type(), info.mode());
  row.date = FormatSpan(info.time());
  row.place = info.place();
  row.factuality = FactualityName(info.factuality());
  absl::StatusOr<std::vector<EvidenceInfo>> evidence = LoadEvidence(store, info.evidence_ids());
  if (!evidence.ok()) return evidence.status();
  row.evidence = std::move(*evidence);
  return row;
}

}  // namespace queries
}  // namespace newsgraph
