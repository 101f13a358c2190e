// The one property model every whole-graph export writes (docs/exports.md):
// names, types and textual values of a node's, a relationship's and an
// article's fields, and the ids the exports share. JSON Lines reads it
// back (jsonl_reader.cc), so it holds every field of the records.
#ifndef NEWSGRAPH_QUERIES_EXPORT_PROPERTIES_H_
#define NEWSGRAPH_QUERIES_EXPORT_PROPERTIES_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/records.pb.h"

namespace newsgraph::queries {

enum class PropType {
  kString,
  kStrings,  // a list of strings (aliases)
  kInt,
  kFloat,
  kBool,
  kDate,          // "YYYY-MM-DD"; no value = an open end
  kNodeRef,       // "n12"
  kEvidenceRefs,  // ["v5", "v6"]
};

struct Property {
  std::string name;
  PropType type = PropType::kString;
  // One textual value for scalars ("2022-11-14", "true", "0.9", "n12"),
  // any number for lists, none for an open date.
  std::vector<std::string> values;
};

// The store writes these days for the open ends of a span (a membership
// with no known end); exports write them as null.
inline constexpr int32_t kOpenStart = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max();
// Also open, as tests and older stores write it (the Cypher view agrees).
bool IsOpenDay(int32_t day);

std::string NodeRef(uint64_t id);      // "n12"
std::string EvidenceRef(uint64_t id);  // "v5"
// The number behind "n12" / "v5" (`prefix` 'n' or 'v'); nullopt otherwise.
std::optional<uint64_t> ParseRef(absl::string_view ref, char prefix);

// "Person", "State", ... (the Cypher labels); "" for an unknown kind.
std::string LabelOf(pb::NodeKind kind);
std::optional<pb::NodeKind> KindOfLabel(absl::string_view label);
std::optional<pb::EdgeType> EdgeTypeOf(absl::string_view name);        // "MET"
std::optional<pb::Granularity> GranularityOf(absl::string_view name);  // "month"
std::string GranularityText(pb::Granularity g);                        // "month"; "" unknown

// A day as ISO text, any int32 day ("-0044-03-15" too) and back.
std::string DayText(int32_t day);
absl::StatusOr<int32_t> ParseDayText(absl::string_view text);

// The float's shortest decimal text that reads back as the same float.
std::string FloatText(float f);

// How a node reads to a person: its name, else an event's type and date
// at their precision ("MEET 2022-11"), else "Label #id".
std::string NodeCaption(const pb::Node& node);

// Properties in a fixed order, empty ones left out. A node: name,
// aliases, kb_key, state, role; an event adds type, mode, factuality,
// date, end_date, granularity, fell_back, place, evidence.
std::vector<Property> NodeProperties(const pb::Node& node);
// A relationship: date, end_date, granularity, fell_back (when it has a
// time), factuality, role, state, title, event_id, evidence, confidence.
std::vector<Property> EdgeProperties(const pb::Edge& edge);
// What an Article node adds from its article record: title, published,
// source, url.
std::vector<Property> ArticleProperties(const pb::Article& article);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_EXPORT_PROPERTIES_H_
