// newsgraph explain: why the store holds an event.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "newsgraph/query.h"
#include "queries/event_rows.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph {
namespace {

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

std::string DescribeTime(const pb::TimeSpan& t) {
  if (t.fell_back()) {
    return absl::StrCat("no date in the text; publication day ", FormatIsoDay(t.from_day()),
                        " kept as a fallback");
  }
  std::string text = absl::StrCat(FormatIsoDay(t.from_day()));
  if (t.to_day() != t.from_day()) absl::StrAppend(&text, " .. ", FormatIsoDay(t.to_day()));
  std::string granularity = pb::Granularity_Name(t.granularity());
  absl::AsciiStrToLower(&granularity);
  return absl::StrCat(text, " (", granularity, ")");
}

}  // namespace

absl::StatusOr<std::string> ExplainEvent(const Store& store, uint64_t event_id) {
  absl::StatusOr<std::optional<pb::Node>> node = store.GetNode(event_id);
  if (!node.ok()) return node.status();
  if (!node->has_value() || (*node)->kind() != pb::EVENT) {
    return absl::NotFoundError(absl::StrCat("no event with id ", event_id));
  }
  const pb::EventInfo& info = (*node)->event();
  std::string out = absl::StrFormat(
      "event %d: %s (%s %s), %s\n  date:  %s\n  place: %s\n", event_id,
      ExportEventType(info.plover_type(), info.mode()), info.plover_type(), OrDash(info.mode()),
      FactualityName(info.factuality()), DescribeTime(info.time()), OrDash(info.place()));

  absl::StrAppend(&out, "  participants:\n");
  absl::Status s = store.ScanEdges(event_id, Direction::kIn, EdgeFilter{pb::PARTICIPATED_IN},
                                   [&](const pb::Edge& e) {
                                     absl::StatusOr<std::optional<pb::Node>> p =
                                         store.GetNode(e.src());
                                     if (!p.ok() || !p->has_value()) return true;
                                     absl::StrAppendFormat(
                                         &out, "    %s [%s %d]  state %s, title %s, as %s\n",
                                         (*p)->name(), NodeKindName((*p)->kind()), e.src(),
                                         OrDash(e.state()), OrDash(e.title()), OrDash(e.role()));
                                     return true;
                                   });
  if (!s.ok()) return s;

  absl::StrAppend(&out, "  evidence:\n");
  for (uint64_t id : info.evidence_ids()) {
    absl::StatusOr<std::optional<pb::Evidence>> ev = store.GetEvidence(id);
    if (!ev.ok()) return ev.status();
    if (!ev->has_value()) continue;
    const pb::Evidence& e = **ev;
    absl::StrAppendFormat(&out,
                          "    article %s, bytes %d-%d\n      \"%s\"\n"
                          "      rule: %s\n      date resolved by: %s\n"
                          "      people resolved by: %s\n      confidence: %.2f\n",
                          e.article_id(), e.begin(), e.end(), e.sentence(), OrDash(e.rule()),
                          OrDash(e.date_rule()), OrDash(e.people_rule()), e.confidence());
  }
  return out;
}

}  // namespace newsgraph
