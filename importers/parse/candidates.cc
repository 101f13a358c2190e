#include "importers/parse/candidates.h"

#include <algorithm>
#include <vector>

#include "absl/strings/string_view.h"
#include "importers/arguments.h"
#include "importers/group_references.h"
#include "importers/places.h"
#include "importers/triggers.h"

namespace newsgraph {
namespace {

// A word that may stand for more than one person ("they", "the two
// leaders", "counterparts").
bool StandsForPeople(const Token& t) {
  if (IsOneOf(t.norm, {"they", "their", "them", "two", "both"})) return true;
  return !t.cap && IsOneOf(t.norm, {"leaders", "presidents", "ministers", "men", "counterparts",
                                    "officials", "chiefs", "envoys", "delegations"});
}

// Words that may stand for a person the sentence does not name ("he",
// "the two leaders", "the Finnish president"). A capitalised title is the
// title of a name ("President Biden"), not a stand-in.
bool StandsForAPerson(const Token& t) {
  if (StandsForPeople(t) || IsOneOf(t.norm, {"he", "she", "his", "her", "him"})) return true;
  return !t.cap && IsOneOf(t.norm, {"president", "minister", "chancellor", "premier", "leader",
                                    "duchess", "duke", "prince", "princess", "king", "queen"});
}

// Whether the rules find a place where visit trigger `t` says its
// destination stands ("visit Y", "trip to Y", "was in Y").
bool NamesADestination(const Document& doc, const Sentence& s, const Mentions& mentions,
                       const Trigger& t) {
  return t.place_from >= 0 && t.place_from + 1 < s.last &&
         !PlacesAt(doc, mentions, t.place_from + 1, s.last).empty();
}

// Whether the surface rules' reading of a sentence leaves nothing for the
// parse to settle: every contact has two people and every visit with a
// destination a traveller, at most two people are named (so no bystander
// can be pulled in), and no word stands for several unnamed people.
bool SurfaceReadingSettled(const Document& doc, const Sentence& s, const Mentions& mentions,
                           const std::vector<Trigger>& triggers,
                           const std::vector<DraftEvent>& drafts) {
  std::vector<int> named;
  int standing = 0, plural = 0;
  for (int k = s.first; k < s.last; ++k) {
    if (StandsForAPerson(doc.tokens[k])) ++standing;
    if (StandsForPeople(doc.tokens[k])) ++plural;
    const int mi = mentions.person_at[k];
    // "the Chinese diplomat": a title the parse may resolve to its holder.
    if (mi >= 0 && mentions.people[mi].title_only && mentions.people[mi].first == k) ++standing;
    if (mi < 0 || mentions.people[mi].entity < 0) continue;
    if (std::find(named.begin(), named.end(), mentions.people[mi].entity) == named.end()) {
      named.push_back(mentions.people[mi].entity);
    }
  }
  // "a delegation led by A and B arrived": the rules take B for the
  // subject; the parse finds the delegation.
  for (int k = s.first; k + 2 < s.last; ++k) {
    if (!IsDelegationNoun(doc.tokens[k].norm)) continue;
    for (int j = k + 1; j + 1 < s.last && j <= k + 3; ++j) {
      if (IsOneOf(doc.tokens[j].norm, {"led", "headed"}) && doc.tokens[j + 1].norm == "by") {
        return false;
      }
    }
  }
  // A trip the rules left without a traveller: the parse may find one
  // ("the tour will see him visit Y"), but only where the rules read a
  // destination after the trigger, for a trip without one is not kept
  // ("toured the grounds of a burial site" parsed for nothing).
  for (const Trigger& t : triggers) {
    if (t.mode != "visit" || named.size() + standing == 0) continue;
    bool read = false;
    for (const DraftEvent& d : drafts) read |= d.trigger.first == t.first;
    if (!read && NamesADestination(doc, s, mentions, t)) return false;
  }
  // A parse can attach no second person: no one named and at most one
  // word for one person, or one person named and no word for another.
  if (named.empty() && plural == 0 && standing < 2) return true;
  if (named.size() == 1 && standing == 0) return true;
  // A word for several people, or a third person named, may change who
  // took part whatever the rules read. A word for one person ("he", "the
  // president") beside at most two named ones matters only where the rules
  // left a contact short of two people or a trip without its traveller
  // (below); otherwise the parse changed nothing on the dev corpus.
  if (plural > 0 || named.size() > 2) return false;
  for (const Trigger& t : triggers) {
    // "invited X to visit", "urged X to come": whose infinitive it is, the
    // words alone do not say.
    if (t.first > s.first && doc.tokens[t.first - 1].norm == "to") return false;
    bool read = false;
    for (const DraftEvent& d : drafts) {
      read |= d.trigger.first == t.first &&
              d.entities.size() >= (t.mode == "visit" ? 1u : 2u);
    }
    if (!read) return false;
  }
  return true;
}

// A dash or an opening bracket that may open a parenthetical: a spaced
// dash ("leaders - the presidents of A and B - visited"; "--" is two), not
// the hyphen inside a word.
bool OpensAside(const Document& doc, int k, int last) {
  const Token& t = doc.tokens[k];
  if (t.norm == "(") return true;
  if (t.norm != "-" || !t.space_before) return false;
  return k + 1 < last && (doc.tokens[k + 1].space_before || doc.tokens[k + 1].norm == "-");
}

// Whether token `k` is a name, a delegation or a trigger's word: what the
// parse is asked about, wherever it stands.
bool NamesAnArgument(const Mentions& mentions, const Document& doc,
                     const std::vector<Trigger>& triggers, int k) {
  if (mentions.person_at[k] >= 0 || IsDelegationNoun(doc.tokens[k].norm)) return true;
  return std::any_of(triggers.begin(), triggers.end(),
                     [k](const Trigger& t) { return t.first <= k && k < t.last; });
}

// Words that open a phrase or clause which may end a sentence without
// leaving the rest ungrammatical: "met Y today | to discuss ...", "| in
// Tokyo", "told Y | that ...". Not a comma: it may close an apposition or
// a relative clause ("Y, whose deputy, Z, | had drafted it").
bool OpensTail(absl::string_view w) {
  return IsOneOf(w, {";", "to", "that", "which", "where", "when", "because", "as",
                     "amid", "while", "for", "about", "on", "in", "at", "over", "during",
                     "following", "ahead", "including", "after", "before", "since"});
}

// Of those, the ones that open a clause: a pronoun after one ("told Y
// that it would be wise for him to ...") belongs to another verb than the
// trigger's, while one after a preposition ("met on Monday with the two
// leaders") may still be the trigger's.
bool OpensClause(absl::string_view w) {
  return IsOneOf(w, {";", "that", "which", "where", "when", "because", "while"});
}

// Words that open a fronted adjunct ("On Monday, | X met Y", "In a
// statement, | ..."), whose removal leaves the main clause whole.
bool OpensFrontedAdjunct(absl::string_view w) {
  return IsOneOf(w, {"in", "on", "at", "after", "before", "during", "amid", "while", "following",
                     "earlier", "later", "last", "this", "since", "despite", "as", "when",
                     "over", "under", "with", "meanwhile", "separately", "today", "yesterday"});
}

// The end of a dateline opening sentence `s` ("VALLETTA, Malta — ...",
// "KYIV (Reuters) - ..."): capitalised words, commas and brackets before a
// spaced dash, ahead of token `first`; else -1. It says where the story was
// filed, and the parser, given it, chains it into the clause (its "subject"
// once cost a readout its meeting).
int DatelineEnd(const Document& doc, const Sentence& s, int first) {
  for (int k = s.first; k < first && k < s.first + 8; ++k) {
    const Token& t = doc.tokens[k];
    if (k > s.first && OpensAside(doc, k, s.last)) {
      while (k < first && doc.tokens[k].norm == "-") ++k;
      return k;
    }
    if (!t.cap && !IsOneOf(t.norm, {",", "(", ")"})) return -1;
  }
  return -1;
}

// The head a parse can do without: a dateline; a fronted adjunct ending in
// a comma, or a reporting frame ending in "that" ("A network reported on
// Tuesday that | X told Y ..."), before the first word that may hold an
// argument.
int HeadTrimEnd(const Document& doc, const Sentence& s, int first) {
  const int dateline = DatelineEnd(doc, s, first);
  const int start = std::max(s.first, dateline);
  int comma = -1, that = -1;
  bool reporting = false;
  for (int k = start; k < first; ++k) {
    if (doc.tokens[k].norm == ",") comma = k;
    reporting |= IsReportingVerb(doc.tokens[k].norm);
    if (reporting && doc.tokens[k].norm == "that") that = k;
  }
  if (that > start) return that + 1;
  if (OpensFrontedAdjunct(doc.tokens[start].norm) && comma > start) return comma + 1;
  return dateline;
}

// The words before the first and after the last word that may hold an
// argument, where they form a fronted adjunct, a reporting frame or a
// closing phrase: they hold no one the parse could attach, and the
// parser's time grows with the cube of the sentence's length. The
// sentence's final punctuation stays.
std::vector<std::pair<int, int>> ParseOuterTrims(const Document& doc, const Sentence& s,
                                                 const Mentions& mentions,
                                                 const std::vector<Trigger>& triggers) {
  std::vector<std::pair<int, int>> out;
  int first = -1, last = -1;
  for (int k = s.first; k < s.last; ++k) {
    const bool names = NamesAnArgument(mentions, doc, triggers, k);
    if (!names && !StandsForAPerson(doc.tokens[k])) continue;
    if (first < 0) first = k;
    if (names) last = k;
  }
  if (first < 0 || last < 0) return out;
  const int head_end = HeadTrimEnd(doc, s, first);
  if (head_end > s.first) out.emplace_back(s.first, head_end);
  // A word standing for a person after the last name or trigger keeps the
  // words up to it, unless a clause opens first.
  for (int k = last + 1; k < s.last && !OpensClause(doc.tokens[k].norm); ++k) {
    if (StandsForAPerson(doc.tokens[k])) last = k;
  }
  int end = s.last;
  while (end > last + 1 && !doc.tokens[end - 1].word) --end;  // ". or ?\" at the end
  for (int k = last + 1; k < end; ++k) {
    // "urged Y to come": an infinitive right after a person may be theirs.
    if (k == last + 1 && doc.tokens[k].norm == "to") continue;
    if (OpensTail(doc.tokens[k].norm)) {
      out.emplace_back(k, end);
      break;
    }
  }
  return out;
}

// Where the words read as person `p` start: the title right before the
// name goes too ("Foreign Secretary David Lammy" is read as "Lammy"): it
// only describes the person. (The nationality before the title stays:
// leaving "Russian" of "Russian President Vladimir Putin" out too cost
// fact F1 0.003 on the tune half.)
int NameStart(const Sentence& s, const PersonMention& p) {
  if (!p.title.Found() || p.title.last != p.first || p.title.first < s.first) return p.first;
  return p.title.first;
}

// The end of "of [the] State" right after person `p` ("Frederiksen of
// Denmark"), or -1: the state only qualifies the name (the rules read the
// nationality from the tokens), and a readout that lists three leaders
// with their states is six words longer for the parser.
int StateAfterName(const Document& doc, const Sentence& s, const Mentions& mentions,
                   const PersonMention& p) {
  int k = p.last;
  if (k + 1 >= s.last || doc.tokens[k].norm != "of") return -1;
  ++k;
  if (doc.tokens[k].norm == "the") ++k;
  if (k >= s.last || mentions.person_at[k] >= 0) return -1;
  const int a = mentions.actor_at[k];
  if (a < 0 || mentions.actors[a].kind != GazKind::kState || mentions.actors[a].first != k) {
    return -1;
  }
  // The sentence keeps its final punctuation; "of Denmark's" is no name's.
  const int end = mentions.actors[a].last;
  return end < s.last && doc.tokens[end].norm != "'s" ? end : -1;
}

}  // namespace

std::vector<std::pair<int, int>> ParseAsides(const Document& doc, const Sentence& s,
                                              const std::vector<Trigger>& triggers) {
  std::vector<std::pair<int, int>> out;
  for (int k = s.first; k < s.last; ++k) {
    if (!OpensAside(doc, k, s.last)) continue;
    const std::string close = doc.tokens[k].norm == "(" ? ")" : "-";
    int open_end = k + 1;
    while (close == "-" && open_end < s.last && doc.tokens[open_end].norm == "-") ++open_end;
    int j = open_end;
    // A closing dash is spaced too: "Indo-Pacific" holds a hyphen.
    while (j < s.last && !(doc.tokens[j].norm == close &&
                           (close == ")" || doc.tokens[j].space_before))) {
      ++j;
    }
    if (j >= s.last || j == open_end) continue;  // unclosed: it may run to the end
    int end = j + 1;
    while (close == "-" && end < s.last && doc.tokens[end].norm == "-") ++end;
    // An aside that holds a trigger is part of what is read ("X - meeting
    // Y in Moscow - said").
    bool holds_trigger = false;
    for (const Trigger& t : triggers) holds_trigger |= t.first < end && t.last > k;
    // The sentence must keep words on both sides of the aside.
    if (!holds_trigger && k > s.first && end < s.last) out.emplace_back(k, end);
    k = end - 1;
  }
  return out;
}

std::vector<std::pair<int, int>> ParseLeftOut(const Document& doc, const Sentence& s,
                                               const Mentions& mentions,
                                               const std::vector<Trigger>& triggers) {
  std::vector<std::pair<int, int>> out = ParseAsides(doc, s, triggers);
  auto in_aside = [&](int k) {
    return std::any_of(out.begin(), out.end(),
                       [k](const std::pair<int, int>& a) { return a.first <= k && k < a.second; });
  };
  std::vector<std::pair<int, int>> names;
  for (const PersonMention& p : mentions.people) {
    if (p.first < s.first || p.last > s.last || p.title_only || in_aside(p.first)) continue;
    const int from = NameStart(s, p);
    // Words only: "Ferdinand R. Marcos, Jr." keeps its shape.
    bool words = p.last - 1 - from >= 1;
    for (int k = from; k < p.last && words; ++k) words = doc.tokens[k].word;
    if (words && doc.tokens[p.last - 1].cap) names.emplace_back(from, p.last - 1);
    const int end = StateAfterName(doc, s, mentions, p);
    if (end > p.last) names.emplace_back(p.last, end);
  }
  out.insert(out.end(), names.begin(), names.end());
  // An outer trim replaces the ranges it overlaps.
  for (const std::pair<int, int>& trim : ParseOuterTrims(doc, s, mentions, triggers)) {
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::pair<int, int>& r) {
                               return r.second > trim.first && r.first < trim.second;
                             }),
              out.end());
    out.push_back(trim);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool ParseCandidate(const LinkParser& parser, const Document& doc, const Sentence& s,
                    const Mentions& mentions, const std::vector<DraftEvent>& drafts,
                    SentenceParse* out, ParseStats* stats) {
  bool person = false;
  for (int k = s.first; k < s.last && !person; ++k) {
    const int mi = mentions.person_at[k];
    person = (mi >= 0 && mentions.people[mi].entity >= 0) || StandsForAPerson(doc.tokens[k]);
  }
  if (!person) return false;
  const std::vector<Trigger> triggers = FindTriggers(doc, s);
  if (triggers.empty()) return false;
  ++stats->candidates;
  if (SurfaceReadingSettled(doc, s, mentions, triggers, drafts)) {
    ++stats->settled;
    return false;
  }
  *out = parser.Parse(doc, s, ParseLeftOut(doc, s, mentions, triggers));
  switch (out->outcome) {
    case ParseOutcome::kParsed: ++stats->parsed; break;
    case ParseOutcome::kNoParse: ++stats->no_parse; break;
    case ParseOutcome::kTimedOut: ++stats->timed_out; break;
    case ParseOutcome::kTooLong: ++stats->too_long; return true;
  }
  stats->millis.push_back(static_cast<float>(out->millis));
  return true;
}

}  // namespace newsgraph
