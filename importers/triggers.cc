#include "importers/triggers.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "importers/arguments.h"
#include "importers/internal/trigger_parts.h"
#include "importers/text.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

using Set = absl::flat_hash_set<std::string>;

const Set& MeetWords() {
  static const auto* k = new Set{"met", "meet", "meets", "meeting", "meetings",
                                 "talks", "sit-down", "greeted", "greets", "greet",
                                 "hosted", "hosts", "host", "hosting", "alongside",
                                 "convened", "convenes", "convene", "engagement",
                                 "engagements"};
  return *k;
}
const Set& SpeakWords() {
  static const auto* k = new Set{"spoke", "speak", "speaks", "speaking", "spoken",
                                 "talked", "talk", "talks", "phoned", "chatted"};
  return *k;
}

// "meet the global climate crisis", "met its targets": meeting a need, not
// a person.
bool MeetsAnObligation(const std::vector<Token>& t, int i, int end) {
  static const auto* kObjects = new Set{
      "crisis", "challenge", "challenges", "goal", "goals", "target", "targets", "need",
      "needs", "demand", "demands", "requirement", "requirements", "standard",
      "standards", "threshold", "criteria", "expectations", "obligations", "commitments",
      "commitment", "deadline", "threat", "threats", "ends", "moment", "obligation",
      "conditions", "condition", "benchmark", "benchmarks", "test", "shortfall",
      // "meet for a debate", "meet in the final": a contest, not talks.
      "debate", "debates", "final", "match", "runoff"};
  for (int k = i + 1; k < end && k <= i + 6; ++k) {
    if (t[k].norm == "-") continue;  // "vice-presidential debate"
    if (!t[k].word) return false;
    if (kObjects->contains(t[k].norm)) return true;
    if (t[k].cap) return false;
  }
  return false;
}


}  // namespace

std::vector<Trigger> FindTriggers(const Document& doc, const Sentence& s) {
  std::vector<Trigger> out;
  const auto& t = doc.tokens;
  auto norm = [&](int k) -> absl::string_view {
    return (k >= s.first && k < s.last) ? absl::string_view(t[k].norm) : absl::string_view();
  };
  auto add = [&](int first, int last, const char* mode, bool verb, const char* rule,
                 int place_from = -1) {
    out.push_back(Trigger{first, last, mode, verb, place_from, rule});
  };
  for (int i = s.first; i < s.last; ++i) {
    const absl::string_view w = t[i].norm;
    const absl::string_view n1 = norm(i + 1);
    // Video.
    // "video call", "virtual summit", "Zoom call".
    if ((w == "video" || w == "virtual" || w == "zoom") &&
        IsOneOf(n1, {"call", "calls", "conference", "conferences", "link", "summit", "meeting",
                "talks", "conversation"})) {
      add(i, i + 2, "video", false, "noun:video-call");
      ++i;
      continue;
    }
    // "a virtual trilateral meeting", "a virtual leaders' summit": one
    // qualifier between.
    if ((w == "virtual" || w == "video") &&
        IsOneOf(norm(i + 2), {"call", "meeting", "summit", "talks", "conversation"}) &&
        IsOneOf(n1, {"bilateral", "trilateral", "quadrilateral", "multilateral", "leaders",
                     "ministerial", "group", "joint", "follow-up", "introductory"})) {
      add(i, i + 3, "video", false, "noun:video-call");
      i += 2;
      continue;
    }
    if (w == "video" && n1 == "-" && IsOneOf(norm(i + 2), {"conference", "call", "link"})) {
      add(i, i + 3, "video", false, "noun:video-call");
      i += 2;
      continue;
    }
    if (IsOneOf(w, {"videoconference", "videoconferences", "videocall", "teleconference"})) {
      add(i, i + 1, "video", false, "noun:videoconference");
      continue;
    }
    if ((w == "met" || w == "meet" || w == "meets") &&
        (n1 == "virtually" || norm(i + 2) == "virtually" || norm(i + 3) == "virtually")) {
      add(i, i + 1, "video", true, "verb:met-virtually");
      continue;
    }
    // Phone.
    if (IsOneOf(w, {"phone", "telephone"}) &&
        IsOneOf(n1, {"call", "calls", "conversation", "conversations", "talks", "talk"})) {
      add(i, i + 2, "phone", false, "noun:phone-call");
      ++i;
      continue;
    }
    if (SpeakWords().contains(w) && w != "talks") {
      // "spoke with", "spoke today with", "spoke by phone with", "spoke to".
      int k = i + 1;
      while (k < s.last && k <= i + 4 && !IsOneOf(t[k].norm, {"with", "to"}) &&
             IsOneOf(t[k].norm, {"today", "by", "phone", "telephone", "on", "the", "again",
                            "separately", "individually", "also", "yesterday", "briefly",
                            "directly",
                            "monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday", "over", "via", "this", "that", "morning",
                            "afternoon", "evening", "night", "tonight", "earlier", "later",
                            "privately", "personally", "at", "length"})) {
        ++k;
      }
      if (k < s.last && (IsOneOf(t[k].norm, {"with", "to"}) || w == "phoned")) {
        add(i, i + 1, "phone", true, "verb:spoke-with");
        i = k - 1;  // "by phone" belongs to this trigger
        continue;
      }
      bool medium = false;  // "are to speak by phone later this week"
      for (int q = i + 1; q < k; ++q) medium |= IsOneOf(t[q].norm, {"phone", "telephone"});
      if ((w == "spoke" || w == "talked" || medium) && k > i + 1) {  // "Lowe and Hart spoke on Friday"
        add(i, i + 1, "phone", true, "verb:spoke");
        i = k - 1;
        continue;
      }
    }
    // "A and B spoke for about an hour", "last spoke in September": a
    // duration or a date right after the verb.
    auto duration_or_date = [&]() {
      if (n1 == "in") return IsDateWord(std::string(norm(i + 2)));
      int k = i + 2;
      while (k < s.last && k <= i + 5 && IsOneOf(norm(k), {"about", "nearly", "almost", "more",
                                                          "than", "over", "some", "around",
                                                          "roughly", "an", "a", "the"})) {
        ++k;
      }
      if (k >= s.last) return false;
      const std::string u(norm(k));
      return IsOneOf(u, {"hour", "hours", "minutes", "half", "two", "three"}) ||
             std::isdigit(static_cast<unsigned char>(u[0]));
    };
    // "have not spoken since the debate": the last call, or none.
    if ((w == "spoke" || w == "spoken") && n1 == "since") {
      add(i, i + 1, "phone", true, "verb:spoke");
      continue;
    }
    if (w == "spoke" && (n1 == "." || n1 == "," || n1 == "on" || n1 == "by" ||
                         ((n1 == "for" || n1 == "in") && duration_or_date()))) {
      add(i, i + 1, "phone", true, "verb:spoke");
      continue;
    }
    // "in contact with", "in regular contact with".
    const bool in_before = norm(i - 1) == "in" ||
                           (norm(i - 2) == "in" && IsOneOf(norm(i - 1), {"regular", "close",
                                                                         "constant", "frequent",
                                                                         "direct", "daily"}));
    if ((w == "contact" || w == "touch") && in_before && n1 == "with") {
      add(i, i + 1, "phone", false, "phrase:in-contact-with");
      continue;
    }
    // "dialed X", "rang X", "telephoned X": a call placed.
    if (IsOneOf(w, {"dialed", "dialled", "rang", "telephoned", "telephones"}) && i + 1 < s.last &&
        t[i + 1].cap) {
      add(i, i + 1, "phone", true, "verb:dialed");
      continue;
    }
    // "Lowe privately told Hart that ...": telling someone something is a
    // contact whose medium the text does not give. Only a person right after
    // the verb is the one told ("told reporters that Hart ..." is not).
    if (IsOneOf(w, {"told", "tells"}) && i + 1 < s.last &&
        (t[i + 1].cap || IsOneOf(n1, {"the", "him", "her"}))) {
      add(i, i + 1, "phone", true, "verb:told");
      continue;
    }
    // "called his French counterpart X", "called her Chinese counterpart":
    // a call to someone named by office.
    if (w == "called" && IsOneOf(n1, {"his", "her", "their"})) {
      bool office = false;
      for (int k = i + 2; k < s.last && k <= i + 5 && !office; ++k) {
        office = IsOneOf(t[k].norm, {"counterpart", "counterparts"});
      }
      if (office) {
        add(i, i + 1, "phone", true, "verb:called");
        continue;
      }
    }
    if (IsOneOf(w, {"conversation", "conversations", "phone", "telephone", "phoned"})) {
      add(i, i + 1, "phone", false, "noun:conversation");
      continue;
    }
    // "his call for calm", "a call on Russia to withdraw"; not "a call on Monday".
    if (IsOneOf(w, {"call", "calls"}) && IsOneOf(n1, {"for", "on"}) &&
        !(n1 == "on" && IsOneOf(norm(i + 2), {"monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday"}))) {
      continue;
    }
    if (IsOneOf(w, {"call", "calls"}) && (IsOneOf(norm(i - 1), {"a", "the", "joint", "their", "his",
                                                      "her", "secure", "another", "'s",
                                                      "first", "last", "latest", "hour",
                                                      "minute", "lengthy", "brief", "long",
                                                      "private", "separate"}) ||
                                     absl::EndsWith(norm(i - 1), "-hour") ||
                                     absl::EndsWith(norm(i - 1), "-minute") ||
                                     IsOneOf(n1, {"with", "between"}))) {
      add(i, i + 1, "phone", false, "noun:call");
      continue;
    }
    // "called X", and the base form after "to" or a modal: "is expected to
    // call X", "will call X".
    const bool base_call = w == "call" && IsOneOf(norm(i - 1), {"to", "will", "would", "could",
                                                                "should", "might", "may"});
    // "was calling X": the progressive only; a bare participle's caller is
    // not found by its place ("spent the weekend calling A and B").
    const bool calling = w == "calling" && IsOneOf(norm(i - 1), {"is", "was", "were", "are",
                                                                 "been", "also"});
    if ((w == "called" || calling || base_call) && i + 1 < s.last && t[i + 1].cap &&
        norm(i - 1) != "-" &&
        !IsOneOf(n1, {"on", "for", "it", "the"})) {
      add(i, i + 1, "phone", true, "verb:called");
      continue;
    }
    // Summits.
    if (w == "summit" || w == "summits") {
      add(i, i + 1, "summit", false, "noun:summit");
      continue;
    }
    // In-person meetings.
    if (w == "face" && n1 == "-" && norm(i + 2) == "to") {
      add(i, i + 5, "in-person", false, "noun:face-to-face");
      i += 4;
      continue;
    }
    if (IsOneOf(w, {"meet", "meets", "met"}) && MeetsAnObligation(t, i, s.last)) continue;
    // "will join Lowe and Hart for talks": joining people is meeting them.
    // "joined X in urging Russia to ...": joining a call, not a meeting.
    auto joins_in_doing = [&]() {
      for (int k = i + 2; k + 1 < s.last && k <= i + 7; ++k) {
        if (t[k].norm == "in" && t[k + 1].norm.size() > 4 &&
            absl::EndsWith(t[k + 1].norm, "ing")) {
          return true;
        }
        if (!t[k].cap && t[k].word) return false;
      }
      return false;
    };
    if (IsOneOf(w, {"join", "joins", "joined", "joining"}) && i + 1 < s.last && t[i + 1].cap &&
        norm(i - 1) != "to" && !joins_in_doing()) {
      add(i, i + 1, "in-person", true, "verb:join");
      continue;
    }

    // "accompanied the president to the border", "accompanied her on her
    // trip": travelling with someone is meeting them.
    if (IsOneOf(w, {"accompanied", "accompanies", "accompany", "accompanying"}) &&
        i + 1 < s.last && (t[i + 1].cap || n1 == "the" || n1 == "his" || n1 == "her")) {
      add(i, i + 1, "in-person", true, "verb:accompanied");
      continue;
    }
    // "invited X to Helsinki": a visit proposed to X.
    if (IsOneOf(w, {"invited", "invites", "invite", "inviting"})) {
      int k = i + 1;
      while (k < s.last && k <= i + 6 && t[k].norm != "to" && t[k].norm != ",") ++k;
      if (k + 1 < s.last && k > i + 1 && t[k].norm == "to" && t[k + 1].cap) {
        add(i, i + 1, "visit", true, "verb:invited-to", k);
        continue;
      }
    }
    // "had dinner with X", "a working lunch with X", "hosted a banquet for
    // X": a meal together is meeting.
    if (IsOneOf(w, {"dinner", "lunch", "luncheon", "breakfast", "banquet", "dinners",
                    "lunches"}) &&
        (IsOneOf(n1, {"with", "for", "together"}) ||
         IsOneOf(norm(i - 1), {"had", "have", "has", "having", "hosted", "hosts", "hosting",
                               "host", "working", "joint", "private", "state"}))) {
      add(i, i + 1, "in-person", false, "noun:meal");
      continue;
    }
    // "held a bilateral with X", "a bilateral on the sidelines": the noun
    // alone (not "bilateral meeting", whose noun fires itself).
    if (w == "bilateral" && IsOneOf(n1, {"with", "on", "at", "in", "between", "."}) &&
        IsOneOf(norm(i - 1), {"a", "the", "their", "his", "her"})) {
      add(i, i + 1, "in-person", false, "noun:bilateral");
      continue;
    }
    // "a joint press conference", "a news conference with X": appearing
    // together before the press is meeting.
    // "the joint news conference" refers to an event told before, whose
    // people the sentence does not name: no trigger.
    if (IsOneOf(w, {"press", "news"}) && n1 == "conference" &&
        ((norm(i - 1) == "joint" && norm(i - 2) != "the") || norm(i + 2) == "with")) {
      add(i, i + 2, "in-person", false, "noun:joint-press-conference");
      ++i;
      continue;
    }
    // "welcomed X to Paris", "welcomes X at the palace": a host meeting a
    // guest; "welcomed the decision", "welcomed X's offer" are not.
    // "welcomed the visiting prime minister at the White House", "welcomed
    // him to Paris": a person named by title or pronoun.
    if (IsOneOf(w, {"welcomed", "welcomes", "welcome", "welcoming"}) && i + 1 < s.last &&
        (t[i + 1].cap || IsOneOf(n1, {"the", "him", "her", "them"}))) {
      // The guests may be several, with titles and hyphenated names: "A of
      // Poland and B to the White House", "Park Min-ho to Oslo".
      int k = i + 1;
      while (k < s.last && k <= i + 16 && (t[k].word || IsOneOf(t[k].norm, {",", "-", "."})) &&
             t[k].norm != "'s" && !IsOneOf(t[k].norm, {"to", "at", "in", "for"})) {
        ++k;
      }
      // A guest named by title is all title words ("the visiting prime
      // minister"); one named by a pronoun is welcomed to a named place
      // ("him to the race" is no guest).
      bool titled = n1 != "the";
      for (int q = i + 2; !titled && q < k; ++q) {
        titled = IsTitleWord(t[q].norm) || t[q].norm == "visiting";
        if (!titled) break;
      }
      const bool named_place = k + 1 < s.last && (t[k + 1].cap || (t[k + 1].norm == "the" &&
                                                                  k + 2 < s.last && t[k + 2].cap));
      if (k < s.last && IsOneOf(t[k].norm, {"to", "at", "in", "for"}) && titled &&
          (t[i + 1].cap || n1 == "the" || named_place)) {
        add(i, i + 1, "in-person", true, "verb:welcomed");
        continue;
      }
    }
    // "X was welcomed in Tokyo by Y": the passive names the guest first.
    if (IsOneOf(w, {"welcomed", "greeted", "received"}) &&
        IsOneOf(norm(i - 1), {"was", "were", "is", "are", "been", "be"}) &&
        IsOneOf(n1, {"in", "at", "to", "on", "by"})) {
      add(i, i + 1, "in-person", true, "verb:welcomed");
      continue;
    }
    // "urged X to come to Paris": the trip of the one asked.
    if (IsOneOf(w, {"come", "comes", "came", "coming"}) && n1 == "to" && i + 2 < s.last &&
        t[i + 2].cap) {
      add(i, i + 1, "visit", true, "trigger:visit", i + 1);
      continue;
    }
    // "huddled with X": a private meeting.
    if (IsOneOf(w, {"huddled", "huddles", "huddle"}) && n1 == "with") {
      add(i, i + 1, "in-person", true, "verb:huddled");
      continue;
    }
    // "sat down with X", "sat down on Friday with X".
    if (IsOneOf(w, {"sat", "sit", "sits", "sitting"}) && n1 == "down") {
      int k = i + 2;
      while (k < s.last && k <= i + 10 && t[k].norm != "with" && t[k].norm != "." &&
             t[k].norm != ",") {
        ++k;
      }
      if (k < s.last && t[k].norm == "with") {
        add(i, i + 1, "in-person", true, "phrase:sat-down-with");
        ++i;
        continue;
      }
      // "X and Y sat down together": a reciprocal needs no "with".
      if (norm(i + 2) == "together") {
        add(i, i + 1, "in-person", true, "phrase:sat-down-together");
        i += 2;
        continue;
      }
    }
    // "dined with X", "conferred with X", "shook hands with X", "exchanged
    // views with X": face to face, with a partner after "with" (or a
    // coordinated subject for the handshake).
    if (IsOneOf(w, {"dined", "dines", "dine", "dining", "conferred", "confers", "confer"}) &&
        n1 == "with") {
      add(i, i + 1, "in-person", true, "verb:met-over");
      continue;
    }
    if (IsOneOf(w, {"shook", "shake", "shakes", "shaking"}) && n1 == "hands") {
      add(i, i + 2, "in-person", true, "phrase:shook-hands");
      ++i;
      continue;
    }
    if (IsOneOf(w, {"exchanged", "exchange", "exchanging"}) && n1 == "views" &&
        norm(i + 2) == "with") {
      add(i, i + 2, "in-person", true, "phrase:exchanged-views");
      ++i;
      continue;
    }
    // "got on the phone with X", "was on the phone with X".
    // The phrase is a verb phrase with the verb before it, whose subject
    // took part.
    if (w == "on" && n1 == "the" && IsOneOf(norm(i + 2), {"phone", "telephone"}) &&
        norm(i + 3) == "with" && i > s.first &&
        IsOneOf(norm(i - 1), {"got", "get", "gets", "getting", "was", "were", "is", "are", "been",
                              "be", "hopped", "jumped"})) {
      add(i - 1, i + 3, "phone", true, "phrase:on-the-phone-with");
      i += 2;
      continue;
    }
    // "A, B and C gathered in Oslo": a gathering of the people named as its
    // subject (one person alone makes no contact and is dropped later).
    if (IsOneOf(w, {"gathered", "gather", "gathers"}) &&
        IsOneOf(n1, {"in", "at", "on", "for", "with"})) {
      add(i, i + 1, "in-person", true, "verb:gathered");
      continue;
    }
    // "the talks brought together X and Y": a gathering of the people named
    // after it.
    if (IsOneOf(w, {"brought", "brings", "bring", "bringing"}) && n1 == "together") {
      add(i, i + 2, "in-person", true, "verb:brought-together");
      ++i;
      continue;
    }
    // "touched down in Kyiv": an arrival.
    if (IsOneOf(w, {"touched", "touches", "touch"}) && n1 == "down" &&
        IsOneOf(norm(i + 2), {"in", "at"})) {
      add(i, i + 2, "visit", true, "trigger:visit", i + 2);
      i += 1;
      continue;
    }
    // "was received by X", "received X at the palace": a host meeting a
    // guest; "received a letter" is not.
    auto by_soon = [&](int from) {  // "received on Monday by X"
      for (int k = from; k < s.last && k <= from + 5; ++k) {
        if (t[k].norm == "by") return true;
        if (!t[k].word) return false;
      }
      return false;
    };
    if (IsOneOf(w, {"received", "receives", "receive", "receiving"}) && i + 1 < s.last &&
        (by_soon(i + 1) || t[i + 1].cap || IsOneOf(n1, {"him", "her", "them"}))) {
      add(i, i + 1, "in-person", true, "verb:received");
      continue;
    }
    // "looks forward to seeing X in Madrid", "hopes to see X soon": a
    // meeting the speaker expects.
    if (IsOneOf(w, {"seeing", "see"}) && norm(i - 1) == "to" &&
        IsOneOf(norm(i - 2), {"forward", "hopes", "hope", "hoped", "expects", "expect",
                              "expected", "wants", "want", "wanted"}) &&
        i + 1 < s.last && (t[i + 1].cap || IsOneOf(n1, {"him", "her", "them", "the"}))) {
      add(i, i + 1, "in-person", true, "verb:see");
      continue;
    }
    // "chaired the meeting", "co-chaired the conference with X": presiding
    // over a contact takes part in it ("talks chaired by X" is read where
    // the talks are).
    if (IsOneOf(w, {"chaired", "chairs", "chairing"}) && n1 != "by" &&
        !IsOneOf(norm(i - 1), {"was", "were", "is", "are", "be", "been"})) {
      add(i, i + 1, "in-person", true, "verb:chaired");
      continue;
    }
    // "his host, X", "the hosts": the role, not an event.
    if (IsOneOf(w, {"host", "hosts"}) &&
        IsOneOf(norm(i - 1), {"his", "her", "their", "the", "a", "its", "our"})) {
      continue;
    }
    if (MeetWords().contains(w)) {
      // "is meeting with X", "were meeting": the progressive is a verb.
      bool verb = IsOneOf(w, {"met", "meet", "meets", "greeted", "greets", "greet", "hosted",
                         "hosts", "host", "hosting", "convened", "convenes", "convene",
                         "alongside"}) ||
                  (w == "meeting" && IsOneOf(norm(i - 1), {"is", "are", "was", "were", "be",
                                                           "been", "am"})) ||
                  // "looks forward to meeting X": a gerund.
                  (w == "meeting" && norm(i - 1) == "to" && norm(i - 2) == "forward");
      if (w == "talks" && IsOneOf(norm(i - 1), {"peace", "trade"})) continue;
      add(i, i + 1, "in-person", verb, verb ? "verb:meet" : "noun:meeting");
      continue;
    }
    if (internal::MatchVisitTrigger(doc, s, &i, &out)) continue;
  }
  internal::AddMediumPhraseTriggers(doc, s, &out);
  internal::FilterTriggers(doc, s, &out);
  return out;
}

}  // namespace newsgraph
