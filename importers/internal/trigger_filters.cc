// The passes over a sentence's triggers once its words are read
// (trigger_parts.h).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "importers/arguments.h"
#include "importers/internal/trigger_parts.h"

namespace newsgraph::internal {
namespace {

// Whether contact noun `k` is what a discussion verb before it is about:
// "discussed the upcoming G7 summit", "reviewed preparations for the NATO
// summit". The talkers are not said to attend it, unless it is theirs
// ("discussed their next meeting"); a phrase that sets the scene ("during
// the meeting", "at the summit") is where they talked, not what about.
bool TopicOfDiscussion(const Document& doc, const Sentence& s, int k) {
  for (int j = k - 1; j >= s.first && j >= k - 8; --j) {
    const std::string& w = doc.tokens[j].norm;
    if (IsOneOf(w, {"discuss", "discusses", "discussed", "discussing", "review", "reviews",
                    "reviewed", "reviewing", "preview", "previews", "previewed", "previewing",
                    "reflect", "reflects", "reflected", "reflecting"})) {
      return true;
    }
    if (IsOneOf(w, {"their", "our", "his", "her", "during", "at", "in", "after", "before",
                    "following", "while", "amid", "ahead", "since", "on", "when", "and", ",",
                    ";", ":", "-", "that", "which", "who"})) {
      // "reflected on how the summit went": "on" right after the verb.
      if (w == "on" && j - 1 >= s.first && absl::StartsWith(doc.tokens[j - 1].norm, "reflect")) {
        continue;
      }
      return false;
    }
  }
  return false;
}

// Whether contact noun `k` is premodified by a rank that is not the
// clause's ("planned a theater commander telephone call", "working-level
// talks", "military-to-military channels"): those of that rank talk, not
// the people the clause names.
bool OfAnotherRank(const Document& doc, const Sentence& s, int k) {
  const auto& t = doc.tokens;
  for (int j = k - 1; j >= s.first && j >= k - 6; --j) {
    const std::string& w = t[j].norm;
    if (w == "-" || (t[j].word && !t[j].cap && !IsOneOf(w, {"a", "an", "the", "their", "to"}))) {
      if (IsOneOf(w, {"commander", "commanders"})) return true;
      if (w == "level" && j - 2 >= s.first && t[j - 1].norm == "-" &&
          IsOneOf(t[j - 2].norm, {"working", "staff", "expert", "technical", "deputy"})) {
        return true;
      }
      if (w == "military" && j + 2 < k && t[j + 1].norm == "-" && t[j + 2].norm == "to") {
        return true;
      }
      continue;
    }
    return false;
  }
  return false;
}

}  // namespace

void AddMediumPhraseTriggers(const Document& doc, const Sentence& s, std::vector<Trigger>* out) {
  const auto& t = doc.tokens;
  auto add = [&](int first, int last, const char* mode, bool verb, const char* rule) {
    out->push_back(Trigger{first, last, mode, verb, -1, rule});
  };
  // "discussed Ukraine by phone", "agreed over the phone to ...": the verb
  // a medium phrase hangs from is a call, when no trigger covers it.
  for (int k = s.first + 1; k + 1 < s.last; ++k) {
    const std::string& w = t[k].norm;
    const bool by_phone = (w == "by" || w == "via") &&
                          IsOneOf(t[k + 1].norm, {"phone", "telephone", "phone."});
    const bool over_phone = w == "over" && k + 2 < s.last && t[k + 1].norm == "the" &&
                            IsOneOf(t[k + 2].norm, {"phone", "telephone"});
    // "spoke for an hour by video": a video call, for the verbs of talking
    // only ("addressed the summit by video" is a speech).
    const bool by_video = (w == "by" || w == "via") &&
                          IsOneOf(t[k + 1].norm, {"video", "videoconference", "videolink"});
    if (!by_phone && !over_phone && !by_video) continue;
    bool covered = false;
    for (Trigger& tr : *out) {
      if (tr.first > k || k - tr.last > 6 || tr.first < k - 8) continue;
      covered = true;
      if (by_video && tr.mode == "phone" && tr.verb) tr.mode = "video";  // "spoke ... by video"
    }
    if (covered) continue;
    for (int v = k - 1; v >= s.first && v >= k - 6; --v) {
      const std::string& vw = t[v].norm;
      if (IsClauseBoundary(vw) || !t[v].word) break;
      const bool past = vw.size() > 4 && absl::EndsWith(vw, "ed") && !t[v].cap;
      if (by_video ? IsOneOf(vw, {"spoke", "talked", "conferred"})
                   : past || IsOneOf(vw, {"told", "agreed", "spoke", "discussed", "assured"})) {
        add(v, v + 1, by_video ? "video" : "phone", true, "verb:by-phone");
        break;
      }
    }
  }
}

void FilterTriggers(const Document& doc, const Sentence& s, std::vector<Trigger>* out_ptr) {
  std::vector<Trigger>& out = *out_ptr;
  const auto& t = doc.tokens;
  std::sort(out.begin(), out.end(),
            [](const Trigger& a, const Trigger& b) { return a.first < b.first; });
  // "told X in their meeting", "told X when they met": the telling
  // happened in the contact the sentence reports.
  const bool other_contact = std::any_of(out.begin(), out.end(), [](const Trigger& tr) {
    return tr.rule != "verb:told";
  });
  if (other_contact) {
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Trigger& tr) { return tr.rule == "verb:told"; }),
              out.end());
  }
  // "present at the summit", "represented at the talks by X": the contact
  // is where the presence is, not one of the people named.
  for (const Trigger& p : std::vector<Trigger>(out)) {
    if (p.rule != "copula:present" && p.rule != "verb:represented-by") continue;
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Trigger& tr) {
                               return !tr.verb && tr.mode != "visit" && tr.first > p.first &&
                                      tr.first <= p.first + 4 &&
                                      IsOneOf(t[tr.first - 1].norm, {"the", "at", "in"});
                             }),
              out.end());
  }
  // A contact talked about is no contact of the talkers, nor one of
  // another rank theirs.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Trigger& tr) {
                             return !tr.verb && tr.mode != "visit" &&
                                    (TopicOfDiscussion(doc, s, tr.first) ||
                                     OfAnotherRank(doc, s, tr.first));
                           }),
            out.end());
}

}  // namespace newsgraph::internal
