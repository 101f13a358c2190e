// newsgraph explain: why the store holds an event.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"
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

// What each step of a people rule means (importers/: events.cc, coref.cc).
std::string DescribeStep(absl::string_view step) {
  static const std::pair<absl::string_view, absl::string_view> kSteps[] = {
      {"grammar", "surface rules: the people next to the trigger, its subject and objects"},
      {"participant-list", "a participant list in a later sentence"},
      {"pair-reference", "\"the two leaders\": the pair of the contact before"},
      {"their-pair", "\"their\" before the noun: the last two people named"},
      {"also-met-prior", "\"also met\": the person of the sentence before"},
      {"kb", "a full name in the knowledge base"},
      {"kb-surname", "coreference: a surname or title joined to a knowledge-base person"},
      {"learned", "a person the knowledge base does not know, named with a title"},
      {"traveller", "the traveller: the visit's subject"},
      {"statement", "the speaker and target of a statement"},
  };
  for (const auto& [name, meaning] : kSteps) {
    if (step == name) return absl::StrCat(name, ": ", meaning);
  }
  return std::string(step);
}

// The people rule of an evidence record as lines: each step, and for a
// "parse[...]" step each argument with the links that reached it
// ("MV:with>J" = the verb's "with" phrase, its object) and the
// coreference that named it ("(coref he->X)", "group:", "title:").
std::string DescribePeopleRule(const std::string& rule) {
  std::string out;
  size_t pos = 0;
  while (pos < rule.size()) {
    size_t end = rule.find(',', pos);
    const size_t open = rule.find("parse[", pos);
    if (open == pos) end = rule.find(']', pos) + 1;
    if (end == std::string::npos || end == 0) end = rule.size();
    const absl::string_view step = absl::string_view(rule).substr(pos, end - pos);
    if (absl::StartsWith(step, "parse[")) {
      absl::StrAppend(&out, "        parse (Link Grammar links from the trigger):\n");
      for (absl::string_view arg :
           absl::StrSplit(step.substr(6, step.size() - 7), "; ", absl::SkipEmpty())) {
        absl::StrAppend(&out, "          ", arg, "\n");
      }
    } else if (!step.empty()) {
      absl::StrAppend(&out, "        ", DescribeStep(step), "\n");
    }
    pos = end + 1;
  }
  return out;
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
                          "      people resolved by: %s\n%s      confidence: %.2f\n",
                          e.article_id(), e.begin(), e.end(), e.sentence(), OrDash(e.rule()),
                          OrDash(e.date_rule()), OrDash(e.people_rule()),
                          DescribePeopleRule(e.people_rule()), e.confidence());
  }
  absl::StrAppend(&out,
                  "  links: S subject, O object, MV:p verb's preposition p, J its object, "
                  "M:p noun's preposition p, SJ coordination, VJ joined verbs, CO opening "
                  "phrase, D<YS possessive, TOo object of \"invited X to\", < goes up to the "
                  "governing word\n");
  return out;
}

}  // namespace newsgraph
