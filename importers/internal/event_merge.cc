#include "importers/internal/event_merge.h"

#include <algorithm>
#include <cstdlib>

#include "importers/text.h"

namespace newsgraph::internal {
namespace {

bool SameDay(const pb::TimeSpan& a, const pb::TimeSpan& b) {
  return !a.fell_back() && !b.fell_back() && a.granularity() == pb::DAY &&
         b.granularity() == pb::DAY && a.from_day() == b.from_day();
}

bool Opposed(pb::Factuality denied, pb::Factuality other) {
  return denied == pb::DENIED &&
         (other == pb::PLANNED || other == pb::POSSIBLE || other == pb::HAPPENED);
}

}  // namespace

bool DatesCompatible(const pb::TimeSpan& a, const pb::TimeSpan& b) {
  if (a.fell_back() || b.fell_back()) return true;
  return a.from_day() <= b.to_day() && b.from_day() <= a.to_day();
}

// Two visits of the same travellers are one trip when they go to the same
// place, to places of the same state ("arrived in Kyiv", "the trip to
// Ukraine"), or on the same day to a place whose state is unknown ("Bucha"
// during a Kyiv trip): the stops of one trip are not visits of their own,
// the separate states of a tour are.
bool SameTrip(const ExtractedEvent& a, const ExtractedEvent& b) {
  // "On his first trip abroad, X went to Kyiv": a trip the sentence names
  // without a place is the one it places.
  if (a.sentence_begin == b.sentence_begin && a.place.empty() != b.place.empty()) return true;
  // "It was his first trip abroad": a noun for a trip with no place and no
  // other date, a sentence or two after a trip, refers back to it.
  const bool a_bare = a.place.empty() && a.place_state.empty();
  const bool b_bare = b.place.empty() && b.place_state.empty();
  const ExtractedEvent& bare = a_bare ? a : b;
  if (a_bare != b_bare && !bare.asserted && std::abs(a.sentence_index - b.sentence_index) <= 2 &&
      (bare.time.fell_back() || DatesCompatible(a.time, b.time))) {
    return true;
  }
  if (DatesCompatible(a.time, b.time)) {
    if (NormalizeText(a.place) == NormalizeText(b.place)) return true;
    if (!a.place_state.empty() && a.place_state == b.place_state) return true;
    return (a.place_state.empty() || b.place_state.empty()) && SameDay(a.time, b.time);
  }
  // Days apart, in one state: the days of one trip ("arrived in Kyiv on
  // Monday ... on Tuesday travelled to Bucha"), when they are a week apart
  // at most.
  return !a.place_state.empty() && a.place_state == b.place_state &&
         a.time.granularity() == pb::DAY && b.time.granularity() == pb::DAY &&
         std::abs(a.time.from_day() - b.time.from_day()) <= 6;
}

std::vector<std::string> SortedKeys(const ExtractedEvent& e) {
  std::vector<std::string> keys;
  for (const Participant& p : e.participants) {
    keys.push_back(p.kb_key.empty() ? "name:" + p.name : p.kb_key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool MergeInto(std::vector<ExtractedEvent>* events, const ExtractedEvent& ev) {
  const std::vector<std::string> keys = SortedKeys(ev);
  for (ExtractedEvent& old : *events) {
    // What one told another ("X told Y that ...") was said in whatever
    // contact of theirs the article reports, call or meeting.
    const bool telling = (old.rule == "verb:told" || ev.rule == "verb:told") &&
                         old.mode != "visit" && ev.mode != "visit";
    if ((Family(old.mode) != Family(ev.mode) && !telling) || SortedKeys(old) != keys) continue;
    const bool compatible = DatesCompatible(old.time, ev.time);
    if (old.mode == "visit" ? !SameTrip(old, ev) : !compatible) continue;
    // Contacts in two states are two contacts ("met in Los Angeles" and
    // "looks forward to seeing him in Madrid").
    if (old.mode != "visit" && !old.place_state.empty() && !ev.place_state.empty() &&
        old.place_state != ev.place_state) {
      continue;
    }
    // A refusal and a later readiness are two facts ("refused to meet X"
    // and, weeks on, "is now prepared to meet X"; "skipped the meeting
    // with X" and "did attend one in December"): a denied contact does not
    // absorb one planned, possible or reported, nor the other way round.
    if (Opposed(old.factuality, ev.factuality) || Opposed(ev.factuality, old.factuality)) continue;
    if (!compatible && ev.time.from_day() < old.time.from_day()) {
      old.time = ev.time;  // a trip over several days is dated by its first
      old.date_rule = ev.date_rule;
    }
    if (ev.mode == "summit" || (ev.mode == "video" && old.mode == "phone")) old.mode = ev.mode;
    if (old.rule == "verb:told" && ev.rule != "verb:told") {
      old.mode = ev.mode;
      old.rule = ev.rule;
    }
    // A plan and its calling off are one cancelled event ("was to meet X,
    // but the meeting was called off").
    if (ev.factuality == pb::CANCELLED &&
        (old.factuality == pb::PLANNED || old.factuality == pb::POSSIBLE)) {
      old.factuality = pb::CANCELLED;
    }
    // A plan and its report are one event; the report says it took place
    // when a verb asserts it ("met", not "the trip").
    if (ev.factuality == pb::HAPPENED && ev.asserted &&
        (old.factuality == pb::PLANNED || old.factuality == pb::POSSIBLE)) {
      old.factuality = pb::HAPPENED;
    }
    if (old.time.fell_back() && !ev.time.fell_back()) {
      old.time = ev.time;
      old.date_rule = ev.date_rule;
    }
    if (old.place.empty()) old.place = ev.place;
    if (old.place_state.empty()) old.place_state = ev.place_state;
    return true;
  }
  return false;
}

}  // namespace newsgraph::internal
