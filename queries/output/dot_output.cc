// AnswerGraphToDot: pictures that stay readable from 3 edges to a hundred.
//
// - Colour says the relationship type (a legend lists those drawn); line
//   style says the factuality: solid happened, dashed planned, dotted
//   possible, grey cancelled or denied.
// - Relationships of one type and factuality between the same two
//   entities are one line, labelled with their count and date range.
// - Dates show at their precision: a month-precision event reads 2022-11.
// - Paths (and small answers) are laid out by `dot`, left to right. Larger
//   ones by `neato` with overlap removal; there each edge label is a node
//   of its own on the edge, so that removing node overlaps also keeps
//   labels apart (Graphviz does not move plain edge labels).
// - The answer's ends (a path's two ends, a neighbourhood's centre) are
//   bold and filled.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "queries/output/graph_output.h"
#include "queries/output/text_width.h"
#include "schema/dates.h"

namespace newsgraph::queries {
namespace {

using Value = CypherValue;
using K = Value::Kind;

// Names longer than this are cut (with "…"); the tooltip keeps them whole.
constexpr size_t kCaptionColumns = 24;
// Up to this many nodes, an answer without paths is still drawn by `dot`.
constexpr size_t kSmallAnswer = 10;

// Okabe-Ito colours: told apart by colour-blind readers too.
const char* TypeColour(const std::string& type) {
  static const std::map<std::string, const char*> kColours = {
      {"MET", "#0072B2"},       {"SPOKE_WITH", "#009E73"},  {"PARTICIPATED_IN", "#E69F00"},
      {"HELD_AT", "#56B4E9"},   {"REPORTED_IN", "#CC79A7"}, {"HOLDS_ROLE", "#D55E00"},
      {"MEMBER_OF", "#8C6D31"}, {"LOCATED_IN", "#6A3D9A"}};
  auto it = kColours.find(type);
  return it == kColours.end() ? "#333333" : it->second;
}
constexpr char kVoidColour[] = "#A0A0A0";  // cancelled, denied

const char* KindFill(const std::string& label) {
  static const std::map<std::string, const char*> kFills = {
      {"Person", "#FFFFFF"},       {"State", "#E8F0FE"}, {"Alliance", "#E6F4EA"},
      {"Organization", "#F3E8FD"}, {"Place", "#FEF7E0"}, {"Event", "#F1F3F4"},
      {"Article", "#FCE8E6"}};
  auto it = kFills.find(label);
  return it == kFills.end() ? "#FFFFFF" : it->second;
}
constexpr char kEndFill[] = "#FFD966";

enum class Shade { kHappened, kPlanned, kPossible, kVoid };

Shade ShadeOf(const std::string& factuality) {
  if (factuality == "planned") return Shade::kPlanned;
  if (factuality == "possible") return Shade::kPossible;
  if (factuality == "cancelled" || factuality == "denied") return Shade::kVoid;
  return Shade::kHappened;
}

const char* LineStyle(Shade shade) {
  switch (shade) {
    case Shade::kPlanned:
      return "dashed";
    case Shade::kPossible:
      return "dotted";
    default:
      return "solid";
  }
}

bool Symmetric(const std::string& type) { return type == "MET" || type == "SPOKE_WITH"; }

std::string Prop(const Value& element, const std::string& key) {
  auto it = element.map.find(key);
  return it == element.map.end() ? "" : PlainText(it->second);
}

// Inside a DOT double-quoted string: quotes and backslashes escaped, line
// breaks as DOT's centred "\n".
std::string Quoted(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Text for an HTML-like label: &, < and > as entities.
std::string Html(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out.push_back(c);
  }
  return out;
}

// Relationships drawn as one line: same type, same shade, same two ends
// (either way round for MET and SPOKE_WITH).
struct Line {
  int64_t from = 0, to = 0;
  std::string type;
  Shade shade = Shade::kHappened;
  std::set<std::string> factualities;  // as read, for the label of a grey line
  std::set<std::string> dates;         // at their precision, sortable as text
  std::set<std::string> events;        // event ids (a contact is stored each way)
  int relationships = 0;

  int Count() const { return events.empty() ? relationships : static_cast<int>(events.size()); }

  std::string Label() const {
    std::string label;
    if (Count() > 1) absl::StrAppend(&label, "\u00d7", Count());  // ×3
    if (!dates.empty()) {
      absl::StrAppend(&label, label.empty() ? "" : " ", *dates.begin());
      if (dates.size() > 1) absl::StrAppend(&label, "\u2026", *dates.rbegin());
    }
    if (shade == Shade::kVoid) {
      absl::StrAppend(&label, label.empty() ? "" : "\n", absl::StrJoin(factualities, "/"));
    }
    return label;
  }

  std::string Attributes() const {
    const char* colour = shade == Shade::kVoid ? kVoidColour : TypeColour(type);
    std::string out = absl::StrCat("color=\"", colour, "\", style=", LineStyle(shade));
    if (Symmetric(type)) out += ", dir=none";
    if (Count() > 1) absl::StrAppend(&out, ", penwidth=", std::min(1.0 + 0.5 * Count(), 4.0));
    return out;
  }
};

std::vector<Line> MergeLines(const AnswerGraph& graph) {
  absl::btree_map<std::tuple<int64_t, int64_t, std::string, int>, Line> lines;
  for (const Value& r : graph.rels) {
    const std::string factuality = Prop(r, "factuality");
    const Shade shade = ShadeOf(factuality);
    int64_t from = r.start, to = r.end;
    if (Symmetric(r.text) && from > to) std::swap(from, to);
    Line& line = lines[{from, to, r.text, static_cast<int>(shade)}];
    line.from = from;
    line.to = to;
    line.type = r.text;
    line.shade = shade;
    if (!factuality.empty()) line.factualities.insert(factuality);
    const std::string date = DateAtPrecision(r);
    if (!date.empty()) line.dates.insert(date);
    const std::string event = Prop(r, "event_id");
    if (!event.empty()) line.events.insert(event);
    ++line.relationships;
  }
  std::vector<Line> out;
  for (auto& [key, line] : lines) out.push_back(std::move(line));
  return out;
}

std::string NodeStatement(const Value& n, bool end) {
  std::string caption = NodeCaption(n);
  const std::string label = n.labels.empty() ? "" : n.labels.front();
  if (label == "Event") {
    const std::string date = DateAtPrecision(n);
    if (!date.empty()) absl::StrAppend(&caption, "\n", date);
  }
  std::string shown;
  for (absl::string_view part : absl::StrSplit(caption, '\n')) {
    absl::StrAppend(&shown, shown.empty() ? "" : "\n", TruncateToWidth(part, kCaptionColumns));
  }
  std::string out = absl::StrCat("  n", n.integer, " [label=", Quoted(shown),
                                 ", tooltip=", Quoted(absl::StrCat(caption, " (", label, ")")));
  if (end) {
    absl::StrAppend(&out, ", fillcolor=\"", kEndFill, "\", penwidth=2.5, fontsize=13");
  } else {
    absl::StrAppend(&out, ", fillcolor=\"", KindFill(label), "\"");
  }
  if (label == "Event") out += ", shape=note";
  out += "];\n";
  return out;
}

// A table of what the picture uses: the types drawn, the line styles, and
// the meaning of the bold nodes and of "×N".
std::string Legend(const std::vector<Line>& lines, bool has_ends) {
  std::set<std::string> types;
  std::set<Shade> shades;
  bool merged = false;
  for (const Line& l : lines) {
    types.insert(l.type);
    shades.insert(l.shade);
    merged = merged || l.Count() > 1;
  }
  std::string rows;
  auto row = [&](const std::string& sample, const char* colour, const std::string& text) {
    absl::StrAppend(&rows, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"", colour, "\">", sample,
                    "</FONT></TD><TD ALIGN=\"LEFT\">", Html(text), "</TD></TR>");
  };
  const std::string rule = "\u2014\u2014\u2014";  // ———
  for (const std::string& type : types) row(rule, TypeColour(type), type);
  if (shades.count(Shade::kPlanned)) row("\u2013 \u2013 \u2013", "#333333", "planned");
  if (shades.count(Shade::kPossible)) row("\u00b7 \u00b7 \u00b7 \u00b7", "#333333", "possible");
  if (shades.count(Shade::kVoid)) row(rule, kVoidColour, "cancelled / denied");
  if (merged) row("\u00d7N", "#333333", "N relationships, first\u2026last date");
  if (has_ends) row("\u25a0", "#BF9000", "start / end of the answer");
  return absl::StrCat(
      "  legend [shape=plaintext, style=\"\", fontsize=10, label=<<TABLE BORDER=\"0\" "
      "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\" "
      "ALIGN=\"LEFT\"><B>Legend</B></TD></TR>",
      rows, "</TABLE>>];\n");
}

std::string Header(bool layered) {
  std::string out = "digraph answer {\n";
  if (layered) {
    out += "  graph [layout=dot, rankdir=LR, nodesep=0.25, ranksep=0.5";
  } else {
    // neato: stress majorisation, no node overlaps (prism), splines
    // around the nodes; a fixed start makes the picture reproducible.
    out +=
        "  graph [layout=neato, overlap=prism, overlap_scaling=-4, sep=\"+6\", "
        "esep=\"+3\", splines=true, start=7, pack=true, outputorder=edgesfirst";
  }
  out +=
      ", fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, "
      "margin=\"0.08,0.03\", height=0.3];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.6];\n";
  return out;
}

}  // namespace

std::string AnswerGraphToDot(const AnswerGraph& graph) {
  if (graph.nodes.empty()) return "digraph answer {\n}\n";
  const bool layered = graph.has_paths || graph.nodes.size() <= kSmallAnswer;
  std::string out = Header(layered);
  const absl::flat_hash_set<int64_t> ends(graph.ends.begin(), graph.ends.end());
  for (const Value& n : graph.nodes) out += NodeStatement(n, ends.contains(n.integer));
  const std::vector<Line> lines = MergeLines(graph);
  int label_nodes = 0;
  for (const Line& line : lines) {
    const std::string label = line.Label();
    const std::string attributes = line.Attributes();
    if (label.empty() || layered) {
      absl::StrAppend(&out, "  n", line.from, " -> n", line.to, " [", attributes);
      if (!label.empty()) {
        absl::StrAppend(&out, ", label=", Quoted(label), ", fontcolor=\"",
                        line.shade == Shade::kVoid ? kVoidColour : TypeColour(line.type), "\"");
      }
      out += "];\n";
      continue;
    }
    // The label as a node on the line: it takes part in overlap removal.
    const std::string id = absl::StrCat("l", label_nodes++);
    absl::StrAppend(&out, "  ", id,
                    " [shape=plaintext, style=\"\", width=0, height=0, "
                    "margin=0.02, fontsize=9, label=",
                    Quoted(label), ", fontcolor=\"",
                    line.shade == Shade::kVoid ? kVoidColour : TypeColour(line.type), "\"];\n");
    absl::StrAppend(&out, "  n", line.from, " -> ", id, " [", attributes,
                    Symmetric(line.type) ? "" : ", dir=none", "];\n");
    absl::StrAppend(&out, "  ", id, " -> n", line.to, " [", attributes, "];\n");
  }
  out += Legend(lines, !graph.ends.empty());
  out += "}\n";
  return out;
}

std::string DateAtPrecision(const Value& element) {
  const std::string date = Prop(element, "date");
  const std::string end = Prop(element, "end_date");
  absl::StatusOr<absl::CivilDay> first = ParseIsoDay(date);
  absl::StatusOr<absl::CivilDay> last = ParseIsoDay(end);
  if (!first.ok()) return date;
  if (!last.ok() || *last == *first) return date;
  std::string granularity = Prop(element, "granularity");
  if (granularity.empty()) {  // a relationship: its span says it
    if (absl::CivilYear(*first) == absl::CivilYear(*last) && first->month() == 1 &&
        first->day() == 1 && last->month() == 12 && last->day() == 31) {
      granularity = "year";
    } else if (absl::CivilMonth(*first) == absl::CivilMonth(*last) && first->day() == 1 &&
               absl::CivilMonth(*last + 1) != absl::CivilMonth(*last)) {
      granularity = "month";
    }
  }
  if (granularity == "year") return date.substr(0, 4);
  if (granularity == "month") return date.substr(0, 7);
  // A week or a season: its first and last day, "2022-11-14–20".
  if (absl::CivilMonth(*first) == absl::CivilMonth(*last)) {
    return absl::StrCat(date, "\u2013", end.substr(8));
  }
  return absl::StrCat(date, "\u2013",
                      end.substr(absl::CivilYear(*first) == absl::CivilYear(*last) ? 5 : 0));
}

}  // namespace newsgraph::queries
