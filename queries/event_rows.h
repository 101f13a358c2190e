// EVENT nodes as answer rows: export type, printable date, place,
// factuality and the sentences that support them.
#ifndef NEWSGRAPH_QUERIES_EVENT_ROWS_H_
#define NEWSGRAPH_QUERIES_EVENT_ROWS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/repeated_field.h"
#include "newsgraph/query.h"
#include "newsgraph/store.h"

namespace newsgraph {
namespace queries {

// The evidence records of `ids`, in that order; ids that are missing from
// the store are skipped, repeats (same id, or same article and sentence)
// kept once.
absl::StatusOr<std::vector<EvidenceInfo>> LoadEvidence(
    const Store& store, const google::protobuf::RepeatedField<uint64_t>& ids);

// `event` must be an EVENT node. date = FormatSpan of its time ("" when
// vaguer than a month or fell back), event_type = ExportEventType.
absl::StatusOr<EventRow> MakeEventRow(const Store& store, const pb::Node& event);

}  // namespace queries
}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERIES_EVENT_ROWS_H_
