#include "importers/visits.h"

#include <algorithm>
#include <string>

#include "importers/arguments.h"
#include "importers/group_references.h"
#include "importers/places.h"

namespace newsgraph {
namespace {

// "Ethiopia, where Lavrov will travel next": a relative "where" clause
// names its destination before it, as the place the comma closes.
std::vector<PlaceSpan> PlaceBeforeWhere(const Document& doc, const Sentence& s,
                                        const Mentions& m, const Trigger& t) {
  const auto& toks = doc.tokens;
  for (int w = t.first - 1; w > s.first + 1 && w >= t.first - 6; --w) {
    if (IsClauseBoundary(toks[w].norm) && toks[w].norm != "where") break;
    if (toks[w].norm != "where" || toks[w - 1].norm != ",") continue;
    const int end = w - 1;  // the comma
    for (int j = std::max(s.first, end - 5); j < end; ++j) {
      std::vector<PlaceSpan> found = PlacesAt(doc, m, j, end);
      if (found.size() == 1 && found[0].last == end) return found;
    }
    break;
  }
  return {};
}

// "won't be present at the summit", "represented there by X at the
// summit" with the summit in an earlier sentence: presence at a gathering
// the sentence names only by a definite reference.
bool AtAnEarlierGathering(const Document& doc, const Sentence& s) {
  const auto& toks = doc.tokens;
  for (int k = s.first; k + 2 < s.last; ++k) {
    if (toks[k].norm == "at" && IsOneOf(toks[k + 1].norm, {"that", "this", "the"}) &&
        IsOneOf(toks[k + 2].norm, {"event", "summit", "meeting", "gathering", "forum",
                                   "conference"}) &&
        (k + 3 >= s.last || !toks[k + 3].word || !IsOneOf(toks[k + 3].norm, {"in", "of"}))) {
      return true;
    }
  }
  return false;
}

// "travelled to Kyiv together with X", "along with X", "accompanied by X":
// the companions named after the trigger, in its clause, travel too.
void AddCompanions(const Document& doc_, const Sentence& s_, const Mentions& m_,
                   const Trigger& t, const std::vector<int>& people_, std::vector<int>* out) {
  const auto& toks = doc_.tokens;
  // From the clause's start ("X, accompanied by Y, flew to Oslo") to its end.
  int from = t.first;
  while (from > s_.first && !IsClauseBoundary(toks[from - 1].norm)) --from;
  for (int k = from; k + 1 < s_.last && (k < t.last || !IsClauseBoundary(toks[k].norm)); ++k) {
    const bool with = toks[k + 1].norm == "with" && IsOneOf(toks[k].norm, {"together", "along"});
    const bool by = toks[k + 1].norm == "by" && toks[k].norm == "accompanied";
    if (!with && !by) continue;
    int last = -1;
    for (int mi : people_) {
      const int start = HeadStart(doc_, s_, m_, m_.people[mi]);
      const bool next = start == k + 2 || (last >= 0 && start > k + 2 &&
                                           Coordinated(doc_, s_, m_, last, mi));
      if (!next) continue;
      if (std::find(out->begin(), out->end(), mi) == out->end()) out->push_back(mi);
      last = mi;
    }
    return;
  }
}

// The travellers the trigger's own phrase or clause names (companions are
// added by AddCompanions).
// "travelled to Kyiv with X (and Y)", "visited Kyiv alongside X": the
// people a journey verb and its place are followed by "with" travel too.
// Not when a contact has them as its objects ("arrived in Kyiv for talks
// with X").
std::vector<int> Companions(const Document& doc, const Sentence& s, const Mentions& m,
                            const Trigger& t, const std::vector<int>& people,
                            const absl::flat_hash_set<int>& objects) {
  if (!t.verb || !IsOneOf(doc.tokens[t.first].norm,
                          {"travelled", "traveled", "flew", "went", "arrived", "came",
                           "headed", "journeyed", "travels", "travel", "fly", "go",
                           "travelling", "traveling", "visited", "visiting", "heading"})) {
    return {};
  }
  int with = -1;
  for (int k = t.last; k < s.last && k < t.last + 8; ++k) {
    const Token& tok = doc.tokens[k];
    if (tok.norm == "with" || tok.norm == "alongside") {
      with = k;
      break;
    }
    if (!(tok.word && (tok.cap || m.actor_at[k] >= 0 || IsDateWord(tok.norm) ||
                       IsOneOf(tok.norm, {"to", "in", "at", "the", "on", "together", "along"})))) {
      return {};
    }
  }
  std::vector<int> out;
  for (int mi : people) {
    const bool next = with >= 0 && HeadStart(doc, s, m, m.people[mi]) == with + 1;
    // "alongside X" is both: X is met and travels too.
    if ((next || (!out.empty() && Coordinated(doc, s, m, out.back(), mi))) &&
        (!objects.contains(mi) || doc.tokens[with].norm == "alongside")) {
      out.push_back(mi);
    }
  }
  return out;
}

std::vector<int> Travellers(const Document& doc_, const Sentence& s_, const Mentions& m_,
                                 const Trigger& t, const std::vector<int>& people_,
                                 const absl::flat_hash_set<int>& objects_) {
  const auto& toks = doc_.tokens;
  // "invited X to visit", "urged X to come": the one asked travels.
  if (t.first - 1 > s_.first && toks[t.first - 1].norm == "to") {
    for (int mi : people_) {
      if (HeadEnd(m_.people[mi]) != t.first - 1) continue;
      const int before = HeadStart(doc_, s_, m_, m_.people[mi]) - 1;
      if (before >= s_.first &&
          IsOneOf(toks[before].norm, {"invited", "invites", "invite", "inviting", "urged",
                                      "urging", "asked", "asking", "encouraged", "encouraging"})) {
        return {mi};
      }
    }
  }
  // "reached out to X, inviting him to visit": an object pronoun is the
  // nearest person before it, never the subject of its own clause.
  if (t.first - 3 >= s_.first && toks[t.first - 1].norm == "to" &&
      IsOneOf(toks[t.first - 2].norm, {"him", "her"}) &&
      IsOneOf(toks[t.first - 3].norm, {"invited", "invites", "invite", "inviting", "urged",
                                       "urging", "asked", "asking", "encouraged", "encouraging"})) {
    for (size_t i = people_.size(); i-- > 0;) {
      const PersonMention& p = m_.people[people_[i]];
      if (p.last > t.first - 3) continue;
      if (HeadStart(doc_, s_, m_, p) == s_.first) break;  // the clause's subject
      return {people_[i]};
    }
  }
  if (t.rule == "verb:represented-by") {  // "represented at the summit by X"
    int by = t.last;
    while (by < s_.last && toks[by].norm != "by") ++by;
    std::vector<int> agents;
    for (int mi : people_) {
      if (HeadStart(doc_, s_, m_, m_.people[mi]) == by + 1 ||
          (!agents.empty() && Coordinated(doc_, s_, m_, agents.back(), mi))) {
        agents.push_back(mi);
      }
    }
    return agents;
  }
  if (t.rule == "verb:invited-to") {  // "invited X to Oslo": X would travel
    for (int mi : people_) {
      if (HeadStart(doc_, s_, m_, m_.people[mi]) == t.last) return {mi};
    }
    return {};
  }
  // "X's (recent) trip", "visit by X", "visiting Foreign Minister X".
  // Capitalised words between are the visit's own title ("Kishida's
  // Official Visit"), not a name.
  int k = t.first - 1;
  while (k >= s_.first && toks[k].word && (!toks[k].cap || IsNonNameWord(toks[k].norm)) &&
         k >= t.first - 3 && toks[k].norm != "'s") {
    --k;
  }
  if (k >= s_.first && toks[k].norm == "'s" && k - 1 >= s_.first &&
      m_.person_at[k - 1] >= 0 && m_.people[m_.person_at[k - 1]].entity >= 0) {
    return {m_.person_at[k - 1]};
  }
  // "visits by X and Y", "visits to Beijing by X and Y": the agent and the
  // people coordinated to it.
  int by = t.last;
  if (by < s_.last && IsOneOf(toks[by].norm, {"to", "in"})) {
    int k = by + 1;
    while (k < s_.last && k <= by + 4 && toks[k].word &&
           (toks[k].cap || m_.actor_at[k] >= 0 || toks[k].norm == "the")) {
      ++k;
    }
    by = k < s_.last && toks[k].norm == "by" && k > by + 1 ? k : t.last;
  }
  if (by + 1 < s_.last && (toks[by].norm == "by" || toks[by].norm == "of")) {
    std::vector<int> agents;
    for (int mi : people_) {
      if (HeadStart(doc_, s_, m_, m_.people[mi]) == by + 1 ||
          (!agents.empty() && Coordinated(doc_, s_, m_, agents.back(), mi))) {
        agents.push_back(mi);
      }
    }
    if (!agents.empty()) return agents;
  }
  // "visiting Foreign Minister X": the visitor; not after "to" ("looked
  // forward to visiting the host's town"), nor a possessor.
  if (toks[t.first].norm == "visiting" && (t.first == s_.first || toks[t.first - 1].norm != "to")) {
    for (int mi : people_) {
      const int end = HeadEnd(m_.people[mi]);
      if (HeadStart(doc_, s_, m_, m_.people[mi]) == t.last &&
          (end >= s_.last || toks[end].norm != "'s")) {
        return {mi};
      }
    }
  }
  // `verb_gap`: whether a verb trigger must follow the person straight
  // away; a conjunct further left shares the gap of the one nearest.
  auto acceptable = [&](int mi, bool verb_gap) {
    // A subject opens its clause: the sentence start, a comma or dash, a
    // conjunction, a capitalised adverbial ("Earlier") — never an object
    // ("visited X", "with X").
    int b = HeadStart(doc_, s_, m_, m_.people[mi]) - 1;
    // "G7 leaders, including X, could stop in Y": a member named inside
    // the subject travels with it.
    if (b - 2 >= s_.first && toks[b].norm == "including" && toks[b - 1].norm == "," &&
        IsGroupNoun(toks[b - 2].norm)) {
      const int end = HeadEnd(m_.people[mi]);
      return end < t.first && toks[end].norm == "," && SubjectGap(doc_, end + 1, t.first) &&
             !objects_.contains(mi);
    }
    if (b >= s_.first) {
      const Token& bt = toks[b];
      const bool opener = !bt.word || bt.cap || bt.norm == "and" || bt.norm == "that" ||
                          bt.norm == "as" || bt.norm == "when" || bt.norm == "while" ||
                          bt.norm == "where" ||
                          bt.norm == "after" || bt.norm == "before" || bt.norm == "but" ||
                          bt.norm == "then" || bt.norm == "also" || bt.norm == "both" ||
                          bt.norm == "week" || bt.norm == "month" || bt.norm == "year" ||
                          bt.norm == "today" || bt.norm == "yesterday" || bt.norm == "meanwhile";
      if (!opener || IsPreposition(bt.norm)) return false;
    }
    if (t.verb && verb_gap) {
      // A verb's subject is separated from it by auxiliaries, or by a first
      // verb phrase and "and" ("arrived in Kyiv ... and also traveled").
      const int end = HeadEnd(m_.people[mi]);
      if (end > t.first) return false;
      if (!SubjectGap(doc_, end, t.first) && !CoordinatedVerb(doc_, m_, end, t.first)) {
        return false;
      }
    }
    return !objects_.contains(mi) && !IsReporter(doc_, s_, m_, m_.people[mi], t);
  };
  // "X, the duchess, who is the wife of Y, travelled": the subject stands
  // before the relative clause, whose people stay in it.
  // Only the nearest person before the clause may be its subject.
  const int relative_comma =
      t.verb ? RelativeClauseBefore(doc_, s_.first, VerbStart(doc_, s_, t)) : -1;
  if (relative_comma > s_.first) {
    for (size_t i = people_.size(); i-- > 0;) {
      const int mi = people_[i];
      if (m_.people[mi].last > relative_comma) continue;
      if (SubjectBeforeRelative(doc_, HeadEnd(m_.people[mi]), relative_comma) &&
          acceptable(mi, false)) {
        return {mi};
      }
      break;
    }
  }
  // The subject inside the trigger's clause, nearest first, with the
  // people coordinated to it ("X and Y travelled").
  std::vector<int> out;
  int boundary = s_.first;
  for (int q = t.first - 1; q >= s_.first; --q) {
    if (!IsClauseBoundary(toks[q].norm)) continue;
    // "X, who ...": the relative pronoun stands for the person before it
    // when the trigger is inside the relative clause ...
    int before = q - 1;
    while (before >= s_.first && !toks[before].word) --before;
    const bool relative = (toks[q].norm == "who" || toks[q].norm == "which") &&
                          before >= s_.first && m_.person_at[before] >= 0 &&
                          m_.people[m_.person_at[before]].entity >= 0;
    bool closed = false;  // ... or after it, once the clause closed: "X, who ..., chose to visit"
    for (int j = q + 1; j < t.first; ++j) closed |= toks[j].norm == "," || toks[j].norm == "-";
    if (relative && !closed) return {m_.person_at[before]};
    if (relative && closed) continue;
    boundary = q + 1;
    break;
  }
  for (size_t i = people_.size(); i-- > 0;) {
    int mi = people_[i];
    const PersonMention& p = m_.people[mi];
    if (p.last > t.first || p.first < boundary) continue;
    if (out.empty()) {
      if (acceptable(mi, true)) out.push_back(mi);
    } else if (Coordinated(doc_, s_, m_, mi, out.back()) && acceptable(mi, false)) {
      out.push_back(mi);
    } else {
      break;
    }
  }
  // "their trip": several travel, never one person alone.
  if (OwnedByThem(doc_, s_, t)) return out.size() >= 2 ? out : std::vector<int>{};
  if (!out.empty()) {
    for (int mi : Companions(doc_, s_, m_, t, people_, objects_)) out.push_back(mi);
    return out;
  }
  {
    // "he travelled", "his presence in Australia".
    int ps = PronounSubject(doc_, s_, m_, t, {});
    if (ps >= 0) return {ps};
    if (t.verb) return {};
  }
  // A noun outside its subject's clause ("a trip which includes stops in
  // ..."): the sentence's first free person.
  for (int mi : people_) {
    if (m_.people[mi].first >= t.first) break;
    if (acceptable(mi, true)) return {mi};
  }
  // "On a visit to Chile in 2021, Lowe praised ...": a fronted phrase
  // whose subject follows the comma that closes it.
  const std::string& opener = toks[s_.first].norm;
  if (opener == "on" || opener == "during" || opener == "after" || opener == "while" ||
      opener == "before") {
    int comma = t.last;
    while (comma < s_.last && toks[comma].norm != ",") ++comma;
    for (int mi : people_) {
      if (HeadStart(doc_, s_, m_, m_.people[mi]) == comma + 1) return {mi};
    }
  }
  return {};
}

}  // namespace

void AddVisits(const Document& doc_, const Sentence& s_, const Mentions& m_, const Trigger& t,
               const std::vector<int>& people_, const absl::flat_hash_set<int>& objects_,
               const std::vector<int>& parsed_travellers, std::vector<DraftEvent>* out) {
  std::vector<int> travellers = Travellers(doc_, s_, m_, t, people_, objects_);
  if (travellers.empty() && parsed_travellers.empty()) return;
  const auto& toks = doc_.tokens;
  std::vector<PlaceSpan> places;
  if (t.place_from >= 0) places = PlacesAt(doc_, m_, t.place_from + 1, s_.last);
  if (t.rule == "copula:in") {
    // "was in Kyiv": only a known state or capital, or a bare proper name.
    std::vector<PlaceSpan> kept;
    for (const PlaceSpan& p : places) {
      // "is in the US" is presence; "was in the White House" is office.
      const int a = m_.actor_at[p.first];
      const bool state = a >= 0 && m_.actors[a].kind == GazKind::kState;
      if (state || (!p.state.empty() && toks[p.first - 1].norm != "the") ||
          (p.state.empty() && toks[p.first - 1].norm != "the")) {
        kept.push_back(p);
      }
    }
    places = kept;
  }
  if (places.empty() && t.place_from > t.first && IsOneOf(toks[t.place_from].norm, {"to", "at"})) {
    // "travel next week to the G7 ministers' meeting in Capri, Italy",
    // "present at the summit in Tokyo".
    int end = t.place_from + 1;
    while (end < s_.last && end < t.place_from + 12 && !IsClauseBoundary(toks[end].norm)) ++end;
    for (int k = t.place_from + 1; k < end && places.empty(); ++k) {
      if (toks[k].norm == "in") places = PlacesAt(doc_, m_, k + 1, end);
    }
  }
  if (places.empty() && t.place_from == t.first) {
    // "touring the premier's native town of Bergen": the place a
    // kind of place is "of".
    for (int k = t.last + 1; k + 1 < s_.last && k <= t.last + 8; ++k) {
      if (toks[k].norm == "of" &&
          IsOneOf(toks[k - 1].norm, {"town", "hometown", "city", "capital", "village", "region",
                                     "province", "island"})) {
        places = PlacesAt(doc_, m_, k + 1, s_.last);
        break;
      }
      if (IsClauseBoundary(toks[k].norm)) break;
    }
  }
  if (places.empty() && t.last + 1 < s_.last &&
      (toks[t.last].norm == "of" || toks[t.last].norm == "by")) {
    // "the visit of Speaker Ann Lowe to Fiji".
    for (int mi : travellers) {
      const int after = HeadEnd(m_.people[mi]);
      if (after + 1 < s_.last && toks[after].norm == "to") {
        places = PlacesAt(doc_, m_, after + 1, s_.last);
      }
    }
  }
  // "visited several countries in Africa, including Kenya and Niger": the
  // list names the destinations, not the region the plural stands in.
  bool plural_destination = false;
  for (int k = t.last; k < s_.last && k < t.last + 4; ++k) {
    plural_destination |= IsOneOf(toks[k].norm, {"countries", "nations", "capitals", "cities"});
  }
  if (places.empty() || plural_destination) {
    // "has visited several countries, including Kosovo and Colombia".
    for (int k = t.last; k + 1 < s_.last && k < t.last + 30; ++k) {
      if (IsClauseBoundary(toks[k].norm)) break;
      const bool such_as = toks[k].norm == "such" && toks[k + 1].norm == "as";
      if (toks[k].norm != "including" && !such_as) continue;
      std::vector<PlaceSpan> listed = PlacesAt(doc_, m_, k + (such_as ? 2 : 1), s_.last);
      if (!listed.empty()) places = listed;
      break;
    }
  }
  if (places.empty() && t.rule == "verb:represented-by") {
    // "will not be present at the summit in Tokyo and will be represented
    // by X": where the subject would have been.
    for (int k = s_.first; k < t.first && places.empty(); ++k) {
      if (toks[k].norm == "in") places = PlacesAt(doc_, m_, k + 1, t.first);
    }
  }
  if (places.empty()) places = PlaceBeforeWhere(doc_, s_, m_, t);
  if (places.empty() && t.first - 1 >= s_.first && toks[t.first - 1].norm == "to") {
    // "Ukraine has invited X to visit": the host state invites to itself.
    for (int k = t.first - 2; k >= s_.first && k >= t.first - 10 && places.empty(); --k) {
      if (!IsOneOf(toks[k].norm, {"invited", "invites", "invite", "inviting"})) continue;
      for (int j = k - 1; j >= s_.first && j >= k - 4; --j) {
        const int a = m_.actor_at[j];
        if (a < 0 || m_.actors[a].kind != GazKind::kState) continue;
        PlaceSpan p;
        p.name = std::string(doc_.Span(m_.actors[a].first, m_.actors[a].last));
        p.state = m_.actors[a].key;
        places.push_back(p);
        break;
      }
    }
  }
  if (places.empty() && t.first - 1 >= s_.first) {
    int a = m_.actor_at[t.first - 1];
    if (a >= 0 && (m_.actors[a].kind == GazKind::kState ||
                   m_.actors[a].kind == GazKind::kMetonym)) {
      PlaceSpan p;
      p.name = std::string(doc_.Span(m_.actors[a].first, m_.actors[a].last));
      places.push_back(p);
    }
  }
  DraftEvent base;
  base.trigger = t;
  base.mode = "visit";
  // Its place is the earlier gathering's (ArticleReader::AddVisit).
  base.anaphoric = places.empty() &&
                   (t.rule == "copula:present" || t.rule == "verb:represented-by") &&
                   AtAnEarlierGathering(doc_, s_);
  base.factuality = ReadFactuality(doc_, s_, t);
  base.people_rule = "traveller";
  for (int mi : travellers) base.entities.push_back(m_.people[mi].entity);
  if (!parsed_travellers.empty()) {
    base.entities = parsed_travellers;
    base.people_rule = "traveller,parse";
  }
  if (t.rule != "verb:invited-to") {
    std::vector<int> companions;
    AddCompanions(doc_, s_, m_, t, people_, &companions);
    for (int mi : companions) {
      const int e = m_.people[mi].entity;
      if (std::find(base.entities.begin(), base.entities.end(), e) == base.entities.end()) {
        base.entities.push_back(e);
      }
    }
  }
  // "visited Finnish President Tom Hart in Helsinki": a meeting too.
  if (t.place_from == t.first && places.empty()) {
    for (int mi : people_) {
      if (HeadStart(doc_, s_, m_, m_.people[mi]) != t.last) continue;
      // "visiting the host's birthplace": a possessor, not the one visited.
      const int end = HeadEnd(m_.people[mi]);
      if (end < s_.last && doc_.tokens[end].norm == "'s") break;
      DraftEvent meet = base;
      meet.mode = "in-person";
      meet.people_rule = "visited-person";
      if (std::find(meet.entities.begin(), meet.entities.end(), m_.people[mi].entity) ==
          meet.entities.end()) {
        meet.entities.push_back(m_.people[mi].entity);
      }
      places = PlaceAfterPreposition(doc_, m_, HeadEnd(m_.people[mi]), s_.last);
      if (!places.empty()) meet.place = places[0].name;
      out->push_back(std::move(meet));
      break;
    }
  }
  // The word after the trigger must be in the sentence: a text may end on
  // "visiting" (found by the extractor fuzzer: a read past the tokens).
  if (places.empty() && toks[t.first].norm == "visiting" && t.last < s_.last &&
      toks[t.last].cap) {
    // "told visiting Foreign Minister X": a visit whose place the clause
    // leaves to its host.
    out->push_back(base);
    return;
  }
  // "the president's overseas trip", "his first trip abroad": a trip out of
  // the traveller's state whose destination the sentence does not name.
  if (places.empty() && !t.verb &&
      ((t.first > s_.first && IsOneOf(toks[t.first - 1].norm, {"overseas", "foreign"})) ||
       (t.last < s_.last && toks[t.last].norm == "abroad"))) {
    DraftEvent ev = base;
    ev.people_rule += ",abroad";
    out->push_back(std::move(ev));
    return;
  }
  // "visits by X and Y": a plural noun names a trip of each.
  std::vector<std::vector<int>> trips = {base.entities};
  if (!t.verb && IsOneOf(toks[t.first].norm, {"visits", "trips"}) && base.entities.size() > 1) {
    trips.clear();
    for (int e : base.entities) trips.push_back({e});
  }
  if (base.anaphoric) {
    out->push_back(base);
    return;
  }
  for (const std::vector<int>& who : trips) {
    for (const PlaceSpan& p : places) {
      DraftEvent ev = base;
      ev.entities = who;
      ev.place = p.name;
      ev.place_state = p.state;
      out->push_back(std::move(ev));
    }
  }
}

}  // namespace newsgraph
