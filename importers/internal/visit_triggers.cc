// Trips named at one token: FindTriggers' visit words (trigger_parts.h).
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "importers/arguments.h"
#include "importers/internal/trigger_parts.h"

namespace newsgraph::internal {
namespace {

using Set = absl::flat_hash_set<std::string>;

const Set& VisitWords() {
  static const auto* k = new Set{
      "visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels",
      "traveled", "travelled", "traveling", "travelling", "tour", "arrived", "arrives",
      "arriving", "arrival", "arrive", "flew", "landed", "landing", "headed", "heads",
      "heading", "stop", "stops", "stopover", "presence", "went", "returned", "jetted",
      "jets", "stopped", "stopping", "head", "stay", "appearance", "toured", "touring"};
  return *k;
}
// Verbs among the visit words (the rest are nouns or need "to"/"in").
const Set& VisitVerbsTakingObject() {
  static const auto* k = new Set{"visit", "visits", "visited", "visiting", "toured", "touring"};
  return *k;
}

}  // namespace

bool MatchVisitTrigger(const Document& doc, const Sentence& s, int* at,
                       std::vector<Trigger>* out) {
  int& i = *at;
  const auto& t = doc.tokens;
  auto norm = [&](int k) -> absl::string_view {
    return (k >= s.first && k < s.last) ? absl::string_view(t[k].norm) : absl::string_view();
  };
  auto add = [&](int first, int last, const char* mode, bool verb, const char* rule,
                 int place_from = -1) {
    out->push_back(Trigger{first, last, mode, verb, place_from, rule});
  };
  const absl::string_view w = t[i].norm;
  const absl::string_view n1 = norm(i + 1);
  // "led a delegation to Kyiv", "headed a fact-finding mission to Chile and
  // Peru": the leader travels. The place must follow "to" at once.
  if (IsOneOf(w, {"led", "leads", "lead", "leading", "headed", "heads", "head", "heading"})) {
    int to = -1;
    for (int k = i + 1; k < s.last && k <= i + 6; ++k) {
      if (IsOneOf(t[k].norm, {"delegation", "delegations", "mission"})) {
        int j = k + 1;
        while (j < s.last && !t[j].word && t[j].norm != ",") ++j;  // a closing quote
        if (j + 1 < s.last && t[j].norm == "to" && t[j + 1].cap) to = j;
        break;
      }
      if (!t[k].word && t[k].norm != "\"" && t[k].norm != "-") break;
    }
    if (to >= 0) {
      add(i, i + 1, "visit", true, "verb:led-delegation", to);
      i = to;
      return true;
    }
  }
  // Visits.
  if (VisitWords().contains(w)) {
    // "won't stop at Ukraine" is no trip: a stop is "in" a place, or "at
    // the" landmark.
    if (IsOneOf(w, {"stop", "stops"}) && n1 != "in" &&
        !(n1 == "at" && norm(i + 2) == "the")) {
      return true;
    }
    // "stopped over in Abu Dhabi": a stopover, where "stopped in" alone
    // may be no trip at all.
    if (IsOneOf(w, {"stopped", "stopping"}) && !(n1 == "over" && norm(i + 2) == "in")) {
      return true;
    }
    // "flew to Oslo", "flew on to Oslo", "returned from Oslo".
    if (IsOneOf(w, {"flew", "went", "headed", "heads", "heading", "head", "returned", "jetted",
                    "jets"}) &&
        n1 != "to" && !(n1 == "on" && norm(i + 2) == "to") && !(w == "flew" && n1 == "into") &&
        !(w == "returned" && n1 == "from" && i + 2 < s.last && t[i + 2].cap)) {
      return true;
    }
    // "his stay in Tokyo", "a surprise appearance in Hiroshima": a named
    // place right after "in" ("stay in power" is none).
    if (IsOneOf(w, {"stay", "appearance"}) &&
        !(n1 == "in" && i + 2 < s.last && t[i + 2].cap)) {
      return true;
    }
    if ((w == "landed" || w == "landing") && n1 != "in") return true;
    // "a military presence in Lithuania", "the U.S. troop presence": forces
    // stationed, not anyone's stay.
    if (w == "presence" &&
        (n1 != "in" || IsOneOf(norm(i - 1), {"military", "troop", "naval", "rotational", "force",
                                             "forces", "security", "diplomatic", "forward"}))) {
      return true;
    }
    if (IsOneOf(w, {"arrived", "arrives", "arriving", "arrival", "arrive"}) &&
        !IsOneOf(n1, {"in", "at"})) {
      return true;
    }
    int place_from = -1;
    if (VisitVerbsTakingObject().contains(w)) place_from = i;
    // "visited Warsaw to sign ...": a direct object comes first.
    const bool direct = place_from == i && i + 1 < s.last &&
                        (t[i + 1].cap || norm(i + 1) == "the");
    // "visited a power plant in Ukraine": a verb's object noun phrase may
    // stand before the place.
    const int reach = place_from == i ? i + 8 : i + 4;
    // "a tour of Egypt, Uganda and Ethiopia": the places a tour is of.
    const bool tour_of = IsOneOf(w, {"tour", "tours"}) && n1 == "of";
    if (tour_of) place_from = i + 1;
    for (int k = i + 1; !direct && !tour_of && k < s.last && k <= reach; ++k) {
      if (IsOneOf(t[k].norm, {"to", "in", "at", "into"}) ||
          (w == "returned" && t[k].norm == "from")) {
        place_from = k;
        break;
      }
      if (!t[k].word) break;
    }
    bool verb = !IsOneOf(w, {"visit", "visits", "trip", "trips", "tour", "arrival",
                        "stopover", "presence", "stop", "stops", "stay", "appearance"}) ||
                IsOneOf(norm(i - 1), {"to", "will", "would", "may", "could", "might", "he",
                                 "she", "they", "also", "not", "him", "them"});
    add(i, i + 1, "visit", verb, "trigger:visit", place_from);
    return true;
  }
  // "left for Manila", "departed for Hanoi", "set off for Kyiv": a
  // departure names the trip's destination.
  if ((IsOneOf(w, {"left", "leaves", "leave", "leaving", "departed", "departs", "depart"}) &&
       n1 == "for") ||
      (IsOneOf(w, {"set", "sets"}) && n1 == "off" && norm(i + 2) == "for")) {
    const int prep = n1 == "for" ? i + 1 : i + 2;
    if (prep + 1 < s.last && t[prep + 1].cap) {
      add(i, i + 1, "visit", true, "trigger:visit", prep);
      i = prep;
      return true;
    }
  }
  // "stopped in Dubai on his way to India", "en route to Kyiv": the
  // destination is a trip of its own.
  const bool on_way = w == "way" && IsOneOf(norm(i - 1), {"his", "her", "their"}) &&
                      norm(i - 2) == "on" && n1 == "to";
  const bool en_route = w == "route" && norm(i - 1) == "en" && n1 == "to";
  if ((on_way || en_route) && i + 2 < s.last && t[i + 2].cap) {
    add(i, i + 1, "visit", false, "phrase:on-the-way-to", i + 1);
    ++i;
    return true;
  }
  // "boarded a flight to Warsaw", "ahead of boarding a plane to Kyiv": the
  // flight's destination is the traveller's.
  if (IsOneOf(w, {"flight", "plane", "train"}) && n1 == "to" && i + 2 < s.last && t[i + 2].cap) {
    for (int k = i - 1; k >= s.first && k >= i - 3; --k) {
      if (!IsOneOf(t[k].norm, {"boarded", "boarding", "boards", "board", "took", "taking", "take",
                               "caught", "a", "the", "his", "her", "their", "overnight"})) {
        break;
      }
      if (IsOneOf(t[k].norm, {"boarded", "boarding", "boards", "board", "took", "taking", "take",
                              "caught"})) {
        add(k, i + 1, "visit", true, "phrase:flight-to", i + 1);
        ++i;
        return true;
      }
    }
  }
  // "is due in Ankara", "are expected in Seoul": an arrival announced.
  if (IsOneOf(w, {"due", "expected"}) && n1 == "in" && i + 2 < s.last && t[i + 2].cap &&
      IsOneOf(norm(i - 1), {"is", "was", "are", "were", "be", "also"})) {
    add(i, i + 1, "visit", true, "trigger:due-in", i + 1);
    ++i;
    return true;
  }
  // "will be represented at the summit by X": X goes in the subject's
  // place (visits.cc makes X the traveller).
  if (w == "represented" &&
      IsOneOf(norm(i - 1), {"be", "is", "was", "are", "were", "been", "instead"})) {
    int by = -1, place = -1;
    for (int k = i + 1; k < s.last && k <= i + 10 && by < 0; ++k) {
      if (IsClauseBoundary(t[k].norm)) break;
      if (t[k].norm == "by") by = k;
      if (place < 0 && IsOneOf(t[k].norm, {"at", "in"})) place = k;
    }
    if (by >= 0 && by + 1 < s.last && t[by + 1].cap) {
      add(i, i + 1, "visit", true, "verb:represented-by", place);
      return true;
    }
  }
  // "will be present at the summit in Delhi": presence at a place.
  if (w == "present" && IsOneOf(norm(i - 1), {"be", "is", "was", "are", "were", "been"}) &&
      IsOneOf(n1, {"at", "in"})) {
    add(i, i + 1, "visit", true, "copula:present", i + 1);
    return true;
  }
  // "While in Warsaw, X said": a fronted clause of presence.
  if (IsOneOf(w, {"while", "whilst", "when"}) && n1 == "in" && i + 2 < s.last &&
      t[i + 2].cap && (i == s.first || norm(i - 1) == ",")) {
    add(i, i + 1, "visit", false, "clause:while-in", i + 1);
    ++i;
    return true;
  }
  // "X is in Laos", "was in Kyiv": presence at a place.
  // "was recently in Moscow", "is already in Kyiv": one adverb between.
  const int in_at = IsOneOf(n1, {"recently", "briefly", "already", "also", "still", "last"}) &&
                            norm(i + 2) == "in" ? i + 2 : i + 1;
  if (IsOneOf(w, {"is", "was", "were", "are", "be", "been"}) && norm(in_at) == "in" &&
      in_at + 1 < s.last &&
      (t[in_at + 1].cap || (norm(in_at + 1) == "the" && in_at + 2 < s.last && t[in_at + 2].cap))) {
    add(i, in_at + 1, "visit", true, "copula:in", in_at);
    i = in_at;
    return true;
  }
  return false;
}

}  // namespace newsgraph::internal
