#include "schema/ontology.h"

#include "absl/strings/ascii.h"

namespace newsgraph {

std::string NodeKindName(pb::NodeKind kind) { return pb::NodeKind_Name(kind); }

std::string EdgeTypeName(pb::EdgeType type) { return pb::EdgeType_Name(type); }

std::string FactualityName(pb::Factuality f) {
  if (f == pb::FACTUALITY_UNSPECIFIED) return "unknown";
  return absl::AsciiStrToLower(pb::Factuality_Name(f));
}

std::optional<pb::Factuality> ParseFactuality(absl::string_view name) {
  pb::Factuality f;
  if (name.empty() || !pb::Factuality_Parse(absl::AsciiStrToUpper(name), &f) ||
      f == pb::FACTUALITY_UNSPECIFIED) {
    return std::nullopt;
  }
  return f;
}

std::string ExportEventType(absl::string_view plover_type, absl::string_view mode) {
  if (plover_type != "CONSULT") return std::string(plover_type);
  if (mode == kModeSummit) return "SUMMIT";
  if (mode == kModePhone) return "PHONE_CALL";
  if (mode == kModeVideo) return "VIDEO_CALL";
  if (mode == kModeVisit) return "VISIT";
  return "MEET";
}

bool IsInPersonMode(absl::string_view mode) { return mode == kModeInPerson || mode == kModeSummit; }

bool IsCallMode(absl::string_view mode) { return mode == kModePhone || mode == kModeVideo; }

}  // namespace newsgraph
