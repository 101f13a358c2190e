// The ontology: names of node kinds, edge types, factuality values and
// event types, as printed and parsed everywhere.
#ifndef NEWSGRAPH_SCHEMA_ONTOLOGY_H_
#define NEWSGRAPH_SCHEMA_ONTOLOGY_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "schema/records.pb.h"

namespace newsgraph {

// "PERSON", "MET", ... (the enum names).
std::string NodeKindName(pb::NodeKind kind);
std::string EdgeTypeName(pb::EdgeType type);

// "happened", "planned", "possible", "cancelled", "denied".
std::string FactualityName(pb::Factuality f);
std::optional<pb::Factuality> ParseFactuality(absl::string_view name);

// CONSULT modes.
inline constexpr absl::string_view kModeInPerson = "in-person";
inline constexpr absl::string_view kModeSummit = "summit";
inline constexpr absl::string_view kModePhone = "phone";
inline constexpr absl::string_view kModeVideo = "video";
inline constexpr absl::string_view kModeVisit = "visit";

// The evaluation format's event type for a PLOVER type and CONSULT mode:
// in-person -> MEET, summit -> SUMMIT, phone -> PHONE_CALL,
// video -> VIDEO_CALL, visit -> VISIT. Other PLOVER types pass through.
std::string ExportEventType(absl::string_view plover_type, absl::string_view mode);

// Contact families of the canned queries.
bool IsInPersonMode(absl::string_view mode);  // in-person, summit
bool IsCallMode(absl::string_view mode);      // phone, video

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_ONTOLOGY_H_
