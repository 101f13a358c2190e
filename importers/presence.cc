#include "importers/presence.h"

#include "importers/arguments.h"
#include "importers/places.h"
#include "importers/triggers.h"

namespace newsgraph {
namespace {

bool SpeechVerb(absl::string_view w) {
  return IsOneOf(w, {"said", "says", "told", "tells", "spoke", "speaks", "addressed",
                     "addresses", "warned", "suggested", "insisted", "argued", "announced",
                     "declared", "urged", "pledged", "vowed"});
}

// A city or seat of government inside tokens [from, to): the place of an
// event named after it ("the Munich Security Conference", "a press briefing
// in the Kremlin"). A state's own name is not enough ("the Ukraine Recovery
// Conference" may meet anywhere).
bool PlaceInside(const Document& doc, const Mentions& m, int from, int to, PlaceSpan* out) {
  for (int k = from; k < to; ++k) {
    const ActorMention* p = nullptr;
    if (!m.place_at.empty() && m.place_at[k] >= 0) {
      p = &m.places[m.place_at[k]];
    } else if (m.actor_at[k] >= 0 && m.actors[m.actor_at[k]].kind == GazKind::kMetonym) {
      p = &m.actors[m.actor_at[k]];
    }
    if (p != nullptr) {
      *out = PlaceSpan{p->first, p->last, std::string(doc.Span(p->first, p->last)), p->key};
      return true;
    }
  }
  return false;
}

// The end of the phrase that starts at `from`: the next comma, colon,
// quotation or clause word.
int PhraseEnd(const Document& doc, const Sentence& s, int from) {
  int k = from;
  while (k < s.last && k < from + 12 && doc.tokens[k].word &&
         !IsClauseBoundary(doc.tokens[k].norm)) {
    ++k;
  }
  return k;
}

// Whether tokens [from, to) name a gathering ("the Munich Security
// Conference", "a rally in ..."), not a newspaper or a building.
bool NamesGathering(const Document& doc, int from, int to) {
  for (int k = from; k < to; ++k) {
    if (IsOneOf(doc.tokens[k].norm,
                {"conference", "summit", "forum", "assembly", "parliament", "congress", "rally",
                 "festival", "meeting", "gathering", "audience", "session", "scrum",
                 "briefing", "ceremony", "reception", "dialogue", "talks", "convention"})) {
      return true;
    }
  }
  return false;
}

// Words that may stand between a speech verb and where it was said:
// "told reporters in Tokyo", "said on Monday at a rally in Ohio".
bool BetweenVerbAndPlace(absl::string_view w) {
  return IsOneOf(w, {"to", "reporters", "journalists", "supporters", "lawmakers", "students",
                     "delegates", "troops", "crowds", "the", "a", "an", "on", "today",
                     "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
                     "saturday", "sunday", "earlier", "later", "also", "again", "two", "three",
                     "four", "five", "several", "days", "day", "hours", "nights", "week",
                     "weeks"});
}

// Verbs of staying: "spent three days in China".
bool StayVerb(absl::string_view w) { return IsOneOf(w, {"spent", "spends", "spending"}); }

// Verbs of doing something where one is, with an object before the place:
// "laid a wreath in Kyiv", "inspected troops in Lithuania".
bool ActivityVerb(absl::string_view w) {
  return IsOneOf(w, {"laid", "lays", "inspected", "inspects", "unveiled", "unveils",
                     "delivered", "delivers", "gave", "gives", "opened", "opens"});
}


// The place of "at/in <place or event>" starting at token `prep`.
bool LocativeAt(const Document& doc, const Sentence& s, const Mentions& m, int prep,
                PlaceSpan* out) {
  if (prep + 1 >= s.last || !IsOneOf(doc.tokens[prep].norm, {"at", "in"})) return false;
  std::vector<PlaceSpan> direct = PlacesAt(doc, m, prep + 1, s.last);
  if (direct.size() == 1 && !direct[0].state.empty()) {
    // "in Russia's court": a possessor, not a place.
    if (direct[0].last < s.last && doc.tokens[direct[0].last].norm == "'s") return false;
    *out = direct[0];
    return true;
  }
  const int end = PhraseEnd(doc, s, prep + 1);
  return NamesGathering(doc, prep + 1, end) && PlaceInside(doc, m, prep + 1, end, out);
}

// "X, in Beijing for talks, said", "X, speaking in Warsaw, said": the place
// of an apposition right after the name; the token of "in", or -1.
int AppositivePlace(const Document& doc, const Sentence& s, const Mentions& m, int after_name,
                    PlaceSpan* place) {
  const auto& toks = doc.tokens;
  if (after_name + 1 >= s.last || toks[after_name].norm != ",") return -1;
  int k = after_name + 1;
  if (IsOneOf(toks[k].norm, {"speaking", "talking", "writing", "appearing"})) ++k;
  return LocativeAt(doc, s, m, k, place) ? k : -1;
}

DraftEvent Presence(const Document& doc, const Sentence& s, int prep, int entity,
                    const PlaceSpan& place) {
  DraftEvent v;
  v.mode = "visit";
  v.trigger = Trigger{prep, prep + 1, "visit", true, prep, "presence:at"};
  v.entities = {entity};
  v.place = place.name;
  v.place_state = place.state;
  v.factuality = ReadFactuality(doc, s, v.trigger);
  v.people_rule = "presence-at";
  return v;
}

bool Abroad(const std::vector<Entity>& entities, int entity, const PlaceSpan& place) {
  if (entity < 0) return false;
  const std::string& home = entities[entity].state;
  return !home.empty() && !place.state.empty() && home != place.state;
}

}  // namespace

std::vector<DraftEvent> PresenceVisits(const Document& doc, const Sentence& s,
                                       const Mentions& m, const std::vector<Entity>& entities) {
  const auto& toks = doc.tokens;
  PlaceSpan place;
  // Fronted: "At the Arctic Forum in Oslo last week, X said",
  // "Speaking in Tokyo on Monday, X urged calm".
  const int fronted =
      s.first + (IsOneOf(toks[s.first].norm, {"speaking", "talking", "writing", "appearing"}) ? 1 : 0);
  if (LocativeAt(doc, s, m, fronted, &place)) {
    int comma = s.first;
    while (comma < s.last && toks[comma].norm != ",") ++comma;
    const int mi = comma + 1 < s.last ? m.person_at[comma + 1] : -1;
    if (mi >= 0 && m.people[mi].first == comma + 1 && HeadEnd(m.people[mi]) < s.last &&
        !toks[HeadEnd(m.people[mi])].cap && Abroad(entities, m.people[mi].entity, place)) {
      return {Presence(doc, s, fronted, m.people[mi].entity, place)};
    }
  }
  // "X said at a press briefing in the Kremlin", "X told the Munich Security
  // Conference".
  // The sentence's own mentions, through person_at: scanning every mention
  // of the article for each sentence would make this quadratic.
  for (int at = s.first; at < s.last; ++at) {
    const int mi = m.person_at[at];
    if (mi < 0 || m.people[mi].first != at) continue;
    const PersonMention& p = m.people[mi];
    if (p.last > s.last || p.entity < 0) continue;
    const int verb = HeadEnd(p);
    if (const int in = AppositivePlace(doc, s, m, verb, &place);
        in >= 0 && Abroad(entities, p.entity, place)) {
      return {Presence(doc, s, in, p.entity, place)};
    }
    const bool activity = verb < s.last && ActivityVerb(toks[verb].norm);
    if (verb >= s.last ||
        !(SpeechVerb(toks[verb].norm) || StayVerb(toks[verb].norm) || activity)) {
      continue;
    }
    const int end = std::min(s.last, verb + 6);
    for (int k = verb + 1; k < end && toks[k].word; ++k) {
      const int np_end = PhraseEnd(doc, s, k);
      const bool addressed = k == verb + 1 && toks[k].norm == "the" &&
                             NamesGathering(doc, k, np_end) &&
                             PlaceInside(doc, m, k, np_end, &place);
      if ((addressed || LocativeAt(doc, s, m, k, &place)) &&
          Abroad(entities, p.entity, place)) {
        return {Presence(doc, s, k, p.entity, place)};
      }
      // An activity's own object ("a wreath", "a speech") may stand between.
      if (addressed || !(BetweenVerbAndPlace(toks[k].norm) || (activity && !toks[k].cap))) break;
    }
  }
  return {};
}

}  // namespace newsgraph
