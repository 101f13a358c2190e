#include "importers/factuality.h"

#include <algorithm>

#include "importers/triggers.h"

namespace newsgraph {
namespace {

bool PastTenseVerb(const std::string& w) {
  return (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) ||
         IsOneOf(w, {"met", "held", "spoke", "flew", "went", "came", "sat", "took", "made",
                     "paid", "led", "saw", "began", "rang"});
}

}  // namespace

FactualityReading ReadFactuality(const Document& doc, const Sentence& s, const Trigger& tr) {
  const auto& t = doc.tokens;
  FactualityReading r;
  auto set = [&](pb::Factuality f, const std::string& cue) {
    r.value = f;
    r.cue = cue;
    r.future = f == pb::PLANNED;
    return r;
  };
  // Cancellation anywhere near wins: "canceled a trip", "the visit was called off",
  // "called the trip off"; further on only in a "but" clause ("were to meet in
  // May, but the host called the trip off in April").
  auto cancels = [&](int k) {
    const std::string& w = t[k].norm;
    if (w == "called") {
      for (int j = k + 1; j < s.last && j <= k + 3; ++j) {
        if (t[j].norm == "off") return true;
      }
    }
    return IsOneOf(w, {"cancel", "cancels", "canceled", "cancelled", "canceling", "cancelling",
                       "cancellation", "postponed", "postpone", "postpones", "scrapped",
                       "shelved"});
  };
  int hi = std::min(s.last, tr.last + 8);
  for (int k = tr.last; k < s.last && k < tr.last + 12; ++k) {
    if (t[k].norm == "but") hi = std::min(s.last, k + 8);
  }
  for (int k = std::max(s.first, tr.first - 10); k < hi; ++k) {
    if (cancels(k)) return set(pb::CANCELLED, t[k].norm);
  }
  // A call placed and not answered: "called X but did not reach him",
  // "left a voicemail". The call's own words only, up to the sentence end.
  if (tr.mode == "phone") {
    for (int k = tr.last; k + 1 < s.last && k < tr.last + 14; ++k) {
      const std::string& w = t[k].norm;
      const bool unreached = IsOneOf(w, {"not", "n't", "failed", "unable"}) &&
                             IsOneOf(t[k + 1].norm, {"reach", "to", "get"}) &&
                             (t[k + 1].norm == "reach" ||
                              (k + 2 < s.last && t[k + 2].norm == "reach"));
      if (unreached || IsOneOf(w, {"voicemail", "unanswered"})) return set(pb::DENIED, w);
    }
  }
  // After a nominal trigger: "which was rejected".
  if (!tr.verb) {
    bool negated = false;
    for (int k = tr.last; k < std::min(s.last, tr.last + 10); ++k) {
      const std::string& w = t[k].norm;
      if (k < tr.last + 6 && IsOneOf(w, {"rejected", "refused", "denied", "declined"})) {
        return set(pb::DENIED, w);
      }
      negated |= w == "not" || w == "n't";
      // "a meeting ... has not been ruled out" may happen; "was ruled out"
      // will not.
      if (w == "ruled" && k + 1 < s.last && t[k + 1].norm == "out") {
        return negated ? set(pb::POSSIBLE, "not-ruled-out") : set(pb::DENIED, "ruled-out");
      }
      if (IsOneOf(w, {".", ";", "said", "says"})) break;
    }
    // "Talks between X and Y are planned for Friday", "The meeting will take
    // place": the noun that opens the sentence is its subject, and the
    // sentence's verb says when.
    for (int k = tr.last; tr.first - s.first <= 2 && k + 1 < std::min(s.last, tr.last + 12); ++k) {
      const std::string& w = t[k].norm;
      if (IsOneOf(w, {",", ";", "who", "which", "that", "said", "says"})) break;
      if (w == "will" || w == "'ll") return set(pb::PLANNED, w);
      if (IsOneOf(w, {"is", "are", "was", "were"}) &&
          IsOneOf(t[k + 1].norm, {"planned", "scheduled", "expected", "due", "set"})) {
        return set(pb::PLANNED, t[k + 1].norm);
      }
      // "A meeting between X and Y has not been scheduled": not yet, so
      // uncertain.
      if (IsOneOf(w, {"has", "have"}) && k + 3 < s.last &&
          IsOneOf(t[k + 1].norm, {"not", "n't"}) && t[k + 2].norm == "been" &&
          IsOneOf(t[k + 3].norm, {"scheduled", "set", "confirmed", "announced", "arranged",
                                  "finalised", "finalized", "fixed"})) {
        return set(pb::POSSIBLE, "not-yet-" + t[k + 3].norm);
      }
      // "A meeting between X and Y is not planned".
      if (IsOneOf(w, {"is", "are", "was", "were"}) && k + 2 < s.last &&
          IsOneOf(t[k + 1].norm, {"not", "n't"}) &&
          IsOneOf(t[k + 2].norm, {"planned", "scheduled", "expected", "envisaged", "foreseen"})) {
        return set(pb::DENIED, "not-" + t[k + 2].norm);
      }
    }
  }
  // "has not confirmed the two will meet": uncertain, whatever follows.
  for (int k = std::max(s.first, tr.first - 9); k + 1 < tr.first; ++k) {
    if (t[k].norm != "not" && t[k].norm != "n't") continue;
    for (int j = k + 1; j < tr.first && j <= k + 3; ++j) {
      if (IsOneOf(t[j].norm, {"confirmed", "confirm", "clear", "known", "decided", "sure"})) {
        return set(pb::POSSIBLE, "not-" + t[j].norm);
      }
    }
  }
  if (tr.rule == "verb:invited-to") return set(pb::POSSIBLE, "invited");
  if (tr.rule == "trigger:due-in") return set(pb::PLANNED, t[tr.first].norm);
  // Back through the clause, nearest cue first.
  // A noun's clause reaches further back: "expects to see Xi at the
  // Asia-Pacific Economic Cooperation summit".
  const int reach = tr.verb ? 9 : 14;
  for (int k = tr.first - 1; k >= s.first && k >= tr.first - reach; --k) {
    const std::string& w = t[k].norm;
    // "X, whose predecessor had refused such talks, met Y": the comma right
    // before a verb closes an inserted clause, whose cues are its own.
    if (w == "," && k == tr.first - 1 && tr.verb) break;
    // "flew to Kyiv at the invitation of X and met Y": a verb in the past
    // after "and" asserts its own clause; the cues of the one before are not
    // its own ("will fly there and meet Y" shares them).
    if (w == "and" && k == tr.first - 1 && tr.verb && PastTenseVerb(t[tr.first].norm)) break;
    // Capitalised words inside a sentence are names ("May", "the Office of
    // Planning"), not cues.
    if (t[k].cap && k > s.first && !t[k].all_caps) continue;
    if (IsOneOf(w, {";", ":", "said", "says", "told", "after", "following", "since", "(", ")",
               "\"", "when", "while", "but", "—", "which", "who"})) {
      break;
    }
    const std::string& next = k + 1 < s.last ? t[k + 1].norm : w;
    if (w == "not" || w == "n't" || w == "never" || w == "nor" ||
        IsOneOf(w, {"didn't", "won't", "wouldn't",
                                                            "hasn't", "haven't", "isn't",
                                                            "wasn't", "doesn't", "don't"})) {
      // "did not confirm a meeting" is uncertain, not denied.
      for (int j = k + 1; j < tr.first; ++j) {
        if (IsOneOf(t[j].norm, {"confirmed", "confirm", "say", "said", "clear", "known",
                           "decided", "sure", "ruled"})) {
          return set(pb::POSSIBLE, "not-" + t[j].norm);
        }
      }
      return set(pb::DENIED, w);
    }
    // "skipped a meeting with X", "boycotted the summit": staying away.
    if (IsOneOf(w, {"refused", "refuses", "refuse", "rejected", "rejects", "declined",
               "declines", "skipped", "skips", "skipping", "boycotted", "boycotts",
               "boycotting", "snubbed", "snubs"}) ||
        (w == "ruled" && next == "out")) {
      return set(pb::DENIED, w);
    }
    // "is seeking a meeting with X", "requested a call": asked for, not had.
    if (!tr.verb && IsOneOf(w, {"seeking", "seeks", "sought", "requested", "requesting",
                                "requests", "demanded", "demanding"})) {
      return set(pb::POSSIBLE, w);
    }
    // "had no plans to meet", "has no intention of visiting".
    if (IsOneOf(w, {"plans", "plan", "intention", "intentions"}) && k - 1 >= s.first &&
        t[k - 1].norm == "no") {
      return set(pb::DENIED, "no-" + w);
    }
    if (IsOneOf(w, {"may", "might", "could", "possible", "possibly", "proposed", "propose",
               "proposes", "wanted", "wants", "want", "hopes", "hoped", "hope", "prepared",
               "potential", "consider", "considering", "considered", "unlikely", "ready",
               "suggested", "offered", "invited", "whether", "if", "perhaps", "open"})) {
      return set(pb::POSSIBLE, w);
    }
    // "It is unclear whether X will meet Y": the plan itself is in doubt.
    if (IsOneOf(w, {"will", "'ll", "would"}) && k - 2 >= s.first &&
        (IsOneOf(t[k - 2].norm, {"whether", "if"}) ||
         (k - 3 >= s.first && IsOneOf(t[k - 3].norm, {"whether", "if"})))) {
      return set(pb::POSSIBLE, t[k - 2].norm == "whether" || t[k - 3].norm == "whether"
                                   ? "whether" : "if");
    }
    if (IsOneOf(w, {"will", "'ll", "shall", "would", "plans", "plan", "planned", "planning",
               "expected", "expects", "due", "scheduled", "upcoming", "set", "intends",
               "intend", "intended", "going", "agreed", "preparing", "prepares",
               "forthcoming", "next", "coming", "towards", "toward", "future",
               "anticipated", "awaited", "invitation", "forward", "arranging", "arrange",
               "organising", "organizing"})) {
      return set(pb::PLANNED, w);
    }
    // "aides are setting up a call".
    if (w == "setting" && k + 1 < s.last && t[k + 1].norm == "up") return set(pb::PLANNED, "set-up");
    if (IsOneOf(w, {"is", "are", "was", "were"}) && next == "to" && tr.first - k <= 6) {
      return set(pb::PLANNED, "is-to");  // "are to hold two days of talks"
    }
    if (w == "to" && k + 1 == tr.first && tr.verb && k - 1 >= s.first) {
      // "wanted to meet", "refused to meet", "expected to travel".
      const std::string& gov = t[k - 1].norm;
      if (IsOneOf(gov, {"refused", "refuses", "refuse", "declined", "declines"})) {
        return set(pb::DENIED, gov);
      }
      if (IsOneOf(gov, {"plans", "plan", "intention"}) && k - 2 >= s.first &&
          t[k - 2].norm == "no") {
        return set(pb::DENIED, "no-" + gov);  // "had no plans to meet"
      }
      if (IsOneOf(gov, {"wanted", "wants", "want", "hopes", "hoped", "hope", "prepared", "ready",
                   "offered", "invited", "willing", "like", "open", "sought", "seeks",
                   "likely", "seeking"})) {
        return set(pb::POSSIBLE, gov);
      }
    }
    if (w == "to" && k + 1 == tr.first && tr.verb) {
      // "invited X to visit", "urged X to come": proposed to X.
      for (int j = k - 1; j >= s.first && j >= k - 8; --j) {
        if (IsOneOf(t[j].norm, {"invited", "invites", "invite", "inviting", "urged", "urges",
                                "urging", "asked", "asking", "encouraged", "encouraging"})) {
          return set(pb::POSSIBLE, t[j].norm);
        }
        if (IsOneOf(t[j].norm, {",", ";", "and", "but"})) break;
      }
      // "to meet", "to visit": an aim, unless a trip already under way
      // carried it out ("recent trip to Oslo to meet Hart").
      // So does a journey told in the past ("flew to Malta to meet Y"), and
      // "the first leader to visit" names who did it ("became", "was").
      bool done = false;
      for (int j = std::max(s.first, k - 8); j < k; ++j) {
        done |= IsOneOf(t[j].norm, {"recent", "previous", "earlier", "last", "travelled",
                                    "traveled", "flew", "went", "came", "arrived", "headed",
                                    "returned", "journeyed"});
        done |= IsOneOf(t[j].norm, {"first", "only"}) && j > s.first &&
                IsOneOf(t[j - 1].norm, {"the", "became", "was", "were"});
      }
      // "chose the first week of his presidency to visit X", "managed to
      // meet X": a past verb that implies its infinitive was carried out.
      for (int j = k - 1; j >= s.first && j >= k - 12 && !done; --j) {
        if (IsOneOf(t[j].norm, {",", ";", "and", "but", "said", "says"})) break;
        done = IsOneOf(t[j].norm, {"chose", "managed", "opted"});
      }
      if (!done) return set(pb::PLANNED, "to-infinitive");
    }
  }
  return r;
}

}  // namespace newsgraph
