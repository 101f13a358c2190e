#include "queries/export/properties.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

constexpr pb::NodeKind kKinds[] = {pb::PERSON, pb::STATE, pb::ALLIANCE, pb::ORGANIZATION,
                                   pb::PLACE,  pb::EVENT, pb::ARTICLE};

void AddString(std::vector<Property>* props, const char* name, const std::string& text) {
  if (!text.empty()) props->push_back({name, PropType::kString, {text}});
}

void AddBool(std::vector<Property>* props, const char* name, bool value) {
  props->push_back({name, PropType::kBool, {value ? "true" : "false"}});
}

void AddDate(std::vector<Property>* props, const char* name, int32_t day) {
  Property p{name, PropType::kDate, {}};
  if (!IsOpenDay(day)) p.values.push_back(DayText(day));
  props->push_back(std::move(p));
}

template <typename Ids>
void AddEvidence(std::vector<Property>* props, const Ids& ids) {
  if (ids.empty()) return;
  Property p{"evidence", PropType::kEvidenceRefs, {}};
  for (uint64_t id : ids) p.values.push_back(EvidenceRef(id));
  props->push_back(std::move(p));
}

void AddFactuality(std::vector<Property>* props, pb::Factuality f) {
  if (f != pb::FACTUALITY_UNSPECIFIED) AddString(props, "factuality", FactualityName(f));
}

// date, end_date, granularity, fell_back: a span as every export writes it.
void AddSpan(std::vector<Property>* props, const pb::TimeSpan& time) {
  AddDate(props, "date", time.from_day());
  AddDate(props, "end_date", time.to_day());
  AddString(props, "granularity", GranularityText(time.granularity()));
  AddBool(props, "fell_back", time.fell_back());
}

}  // namespace

bool IsOpenDay(int32_t day) {
  return day >= std::numeric_limits<int32_t>::max() || day <= -std::numeric_limits<int32_t>::max();
}

std::string NodeRef(uint64_t id) { return absl::StrCat("n", id); }
std::string EvidenceRef(uint64_t id) { return absl::StrCat("v", id); }

std::optional<uint64_t> ParseRef(absl::string_view ref, char prefix) {
  uint64_t id = 0;
  if (ref.size() < 2 || ref[0] != prefix || ref[1] == '+' || ref[1] == '-' ||
      !absl::SimpleAtoi(ref.substr(1), &id)) {
    return std::nullopt;
  }
  return id;
}

std::string LabelOf(pb::NodeKind kind) {
  switch (kind) {
    case pb::PERSON:
      return "Person";
    case pb::STATE:
      return "State";
    case pb::ALLIANCE:
      return "Alliance";
    case pb::ORGANIZATION:
      return "Organization";
    case pb::PLACE:
      return "Place";
    case pb::EVENT:
      return "Event";
    case pb::ARTICLE:
      return "Article";
    default:
      return "";
  }
}

std::optional<pb::NodeKind> KindOfLabel(absl::string_view label) {
  for (pb::NodeKind kind : kKinds) {
    if (LabelOf(kind) == label) return kind;
  }
  return std::nullopt;
}

std::optional<pb::EdgeType> EdgeTypeOf(absl::string_view name) {
  pb::EdgeType type = pb::EDGE_TYPE_UNSPECIFIED;
  if (!pb::EdgeType_Parse(std::string(name), &type) || type == pb::EDGE_TYPE_UNSPECIFIED) {
    return std::nullopt;
  }
  return type;
}

std::optional<pb::Granularity> GranularityOf(absl::string_view name) {
  pb::Granularity g = pb::GRANULARITY_UNKNOWN;
  if (!pb::Granularity_Parse(absl::AsciiStrToUpper(name), &g) || g == pb::GRANULARITY_UNKNOWN) {
    return std::nullopt;
  }
  return g;
}

std::string GranularityText(pb::Granularity g) {
  if (g == pb::GRANULARITY_UNKNOWN) return "";
  return absl::AsciiStrToLower(pb::Granularity_Name(g));
}

std::string DayText(int32_t day) {
  const absl::CivilDay d = CivilDayFromNumber(day);
  // Years before 1 and after 9999 keep their sign and all their digits,
  // as ISO 8601's expanded years (and XML Schema's dates) write them.
  if (d.year() < 0) return absl::StrFormat("-%04d-%02d-%02d", -d.year(), d.month(), d.day());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

absl::StatusOr<int32_t> ParseDayText(absl::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  std::vector<absl::string_view> parts = absl::StrSplit(text.substr(negative ? 1 : 0), '-');
  int64_t year = 0;
  int month = 0, day = 0;
  if (parts.size() != 3 || parts[0].size() < 4 || parts[1].size() != 2 || parts[2].size() != 2 ||
      !absl::ascii_isdigit(parts[0][0]) || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a YYYY-MM-DD date"));
  }
  if (negative) year = -year;
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a day of the calendar"));
  }
  const int64_t number = (civil - absl::CivilDay(1970, 1, 1));
  if (number < std::numeric_limits<int32_t>::min() ||
      number > std::numeric_limits<int32_t>::max()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is out of range"));
  }
  return static_cast<int32_t>(number);
}

std::string FloatText(float f) {
  for (int digits = 6; digits < 9; ++digits) {
    std::string text = absl::StrFormat("%.*g", digits, f);
    if (std::strtof(text.c_str(), nullptr) == f) return text;
  }
  return absl::StrFormat("%.9g", f);
}

std::string NodeCaption(const pb::Node& node) {
  if (!node.name().empty()) return node.name();
  if (node.kind() == pb::EVENT) {
    std::string caption = ExportEventType(node.event().plover_type(), node.event().mode());
    const std::string date = FormatSpan(node.event().time());
    if (!date.empty()) absl::StrAppend(&caption, " ", date);
    if (!caption.empty()) return caption;
  }
  return absl::StrCat(LabelOf(node.kind()), " #", node.id());
}

std::vector<Property> NodeProperties(const pb::Node& node) {
  std::vector<Property> props;
  AddString(&props, "name", node.name());
  if (!node.aliases().empty()) {
    props.push_back(
        {"aliases", PropType::kStrings, {node.aliases().begin(), node.aliases().end()}});
  }
  AddString(&props, "kb_key", node.kb_key());
  AddString(&props, "state", node.state());
  AddString(&props, "role", node.role());
  if (node.kind() != pb::EVENT) return props;
  const pb::EventInfo& event = node.event();
  AddString(&props, "type", event.plover_type());
  AddString(&props, "mode", event.mode());
  AddFactuality(&props, event.factuality());
  AddSpan(&props, event.time());
  AddString(&props, "place", event.place());
  AddEvidence(&props, event.evidence_ids());
  return props;
}

std::vector<Property> EdgeProperties(const pb::Edge& edge) {
  std::vector<Property> props;
  if (edge.has_time()) AddSpan(&props, edge.time());
  AddFactuality(&props, edge.factuality());
  AddString(&props, "role", edge.role());
  AddString(&props, "state", edge.state());
  AddString(&props, "title", edge.title());
  if (edge.event_id() != 0)
    props.push_back({"event_id", PropType::kNodeRef, {NodeRef(edge.event_id())}});
  AddEvidence(&props, edge.evidence_ids());
  props.push_back({"confidence", PropType::kFloat, {FloatText(edge.confidence())}});
  return props;
}

std::vector<Property> ArticleProperties(const pb::Article& article) {
  std::vector<Property> props;
  AddString(&props, "title", article.title());
  if (ParseIsoDay(article.date()).ok())
    props.push_back({"published", PropType::kDate, {article.date()}});
  AddString(&props, "source", article.source());
  AddString(&props, "url", article.url());
  return props;
}

}  // namespace newsgraph::queries
