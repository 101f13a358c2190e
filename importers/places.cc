#include "importers/places.h"

#include "importers/arguments.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

bool PlaceWord(const Document& doc, const Mentions& m, int k) {
  const Token& t = doc.tokens[k];
  if (!t.word || !t.cap || m.person_at[k] >= 0) return false;
  if (IsNonNameWord(t.norm) && t.norm != "st") return false;
  if (IsTitleWord(t.norm) || IsHonorific(t.norm)) return false;
  int a = m.actor_at[k];
  if (a >= 0 && (m.actors[a].kind == GazKind::kAlliance || m.actors[a].kind == GazKind::kDemonym)) {
    return false;
  }
  return true;
}

// One place item at `at`: a known state/capital, or a capitalised run.
// Returns the end token, or `at` when there is none.
int Item(const Document& doc, const Mentions& m, int at, int end, std::string* state) {
  state->clear();
  if (at >= end) return at;
  int a = m.actor_at[at];
  if (a >= 0) {
    const ActorMention& act = m.actors[a];
    if (act.first != at) return at;
    if (act.kind == GazKind::kState || act.kind == GazKind::kMetonym) {
      *state = act.key;
      return std::min(act.last, end);
    }
    return at;
  }
  if (const int pl = m.place_at.empty() ? -1 : m.place_at[at];
      pl >= 0 && m.places[pl].first == at && m.places[pl].last <= end) {
    *state = m.places[pl].key;  // a city or region the knowledge base places
    return m.places[pl].last;
  }
  int k = at;
  while (k < end && k < at + 5) {
    if (PlaceWord(doc, m, k) && m.actor_at[k] < 0) {
      ++k;
    } else if (k > at && doc.tokens[k].norm == "-" && !doc.tokens[k].space_before &&
               k + 1 < end && doc.tokens[k + 1].word && !doc.tokens[k + 1].space_before) {
      k += 2;  // "Mar-a-Lago"
    } else {
      break;
    }
  }
  return k;
}

// The end of the modifiers of a state's condition before a place name
// ("illegally occupied Crimea", "Russian-occupied Kherson", "neighbouring
// Romania", "war-torn Sudan"), or `at` when there are none.
int SkipPlaceModifiers(const Document& doc, int at, int end) {
  const auto& t = doc.tokens;
  int k = at;
  while (k < end && k < at + 5) {
    const bool glued = k + 2 < end && t[k + 1].norm == "-" && !t[k + 1].space_before;
    if (t[k].word && !t[k].cap &&
        IsOneOf(t[k].norm, {"illegally", "occupied", "annexed", "neighbouring", "neighboring",
                            "besieged", "embattled", "torn"})) {
      ++k;
    } else if (glued && IsOneOf(t[k + 2].norm, {"occupied", "controlled", "held", "torn"})) {
      k += 2;  // "Russian-occupied", "war-torn": the word after the hyphen ends it
    } else {
      break;
    }
  }
  return k;
}

}  // namespace

std::vector<PlaceSpan> PlacesAt(const Document& doc, const Mentions& m, int at, int end) {
  std::vector<PlaceSpan> items;
  std::vector<std::string> seps;
  int k = at;
  while (k < end) {
    int start = k;
    const bool article = doc.tokens[start].norm == "the";
    if (article) ++start;
    std::string state;
    int stop = Item(doc, m, start, end, &state);
    if (stop == start && !article) {
      const int named = SkipPlaceModifiers(doc, start, end);
      if (named > start && Item(doc, m, named, end, &state) > named) {
        start = named;
        stop = Item(doc, m, start, end, &state);
      }
    }
    if (stop == start) break;
    // "the Motherland monument", "the Church of St Andrew": landmarks, not
    // destinations; "the Philippines" is a state the gazetteer knows.
    if (article && state.empty()) break;
    PlaceSpan p;
    p.first = start;
    p.last = stop;
    p.state = state;
    items.push_back(p);
    k = stop;
    // Separator: ",", "and", "or", ", and".
    std::string sep;
    int j = k;
    if (j < end && doc.tokens[j].norm == ",") {
      sep = ",";
      ++j;
    }
    if (j < end && (doc.tokens[j].norm == "and" || doc.tokens[j].norm == "or")) {
      sep = "and";
      ++j;
    }
    if (sep.empty()) break;
    int next = j;
    if (next < end && doc.tokens[next].norm == "the") ++next;
    std::string s2;
    const int item_end = next < end ? Item(doc, m, next, end, &s2) : next;
    if (item_end == next) break;
    // ", the White House said": the source of the sentence, not a region.
    if (item_end < static_cast<int>(doc.tokens.size()) &&
        IsReportingVerb(doc.tokens[item_end].norm)) {
      break;
    }
    seps.push_back(sep);
    k = j;
  }
  bool closed = false;
  for (const std::string& s : seps) closed |= s == "and";
  if (!closed && items.size() >= 2) {
    // "Bali, Indonesia", "Woodside, California": one place, region last.
    PlaceSpan p = items[0];
    p.last = items[1].last;
    if (!items[1].state.empty()) p.state = items[1].state;
    items = {p};
  }
  for (PlaceSpan& p : items) p.name = std::string(doc.Span(p.first, p.last));
  return items;
}

std::vector<PlaceSpan> PlaceAfterPreposition(const Document& doc, const Mentions& m, int from,
                                             int end) {
  for (int k = from; k + 1 < end; ++k) {
    const std::string& w = doc.tokens[k].norm;
    if (w != "in" && w != "at" && w != "outside") continue;
    std::vector<PlaceSpan> p = PlacesAt(doc, m, k + 1, end);
    if (!p.empty()) return {p[0]};
  }
  return {};
}

}  // namespace newsgraph
