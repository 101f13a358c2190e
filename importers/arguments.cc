#include "importers/arguments.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

using Set = absl::flat_hash_set<std::string>;

}  // namespace

bool IsDateWord(const std::string& w) {
  static const auto* k = new Set{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "morning", "afternoon", "evening",
      "night", "week", "weekend", "month", "year", "last", "this", "next", "earlier",
      "later", "today", "yesterday", "tomorrow", "early", "late", "mid", "day", "days"};
  return k->contains(w) || (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0])));
}


int HeadStart(const Document& doc, const Sentence& s, const Mentions& m,
              const PersonMention& p) {
  int k = p.title.Found() && p.title.last <= p.first ? p.title.first : p.first;
  while (k - 1 >= s.first) {
    const std::string& w = doc.tokens[k - 1].norm;
    if (m.actor_at[k - 1] >= 0 || w == "'s" || w == "the" || w == "his" || w == "her" ||
        w == "their" || w == "former" || w == "then" || IsHonorific(w)) {
      --k;
    } else if (w == "." && k - 2 >= s.first && IsHonorific(doc.tokens[k - 2].norm)) {
      k -= 2;  // "Mr. Hanegbi"
    } else {
      break;
    }
  }
  return k;
}

int HeadEnd(const PersonMention& p) {
  return p.title.Found() && p.title.first >= p.last ? p.title.last : p.last;
}

bool IsReportingVerb(absl::string_view w) {
  static const auto* k = new Set{
      "said", "says", "told", "added", "noted", "warned", "stated", "wrote", "tweeted",
      "insisted", "argued", "explained", "claimed", "stressed", "recalled", "declared",
      "urged", "asked", "answered", "replied", "posted", "say", "suggested", "announced",
      "confirmed", "reported", "believes", "believed", "thinks", "thought"};
  return k->contains(std::string(w));
}

bool OwnedByThem(const Document& doc, const Sentence& s, const Trigger& t) {
  for (int k = t.first - 1; !t.verb && k >= s.first && k >= t.first - 3; --k) {
    if (doc.tokens[k].norm == "their") return true;
    if (!doc.tokens[k].word || doc.tokens[k].cap) break;
  }
  return false;
}

bool IsPreposition(absl::string_view w) {
  return IsOneOf(w, {"with", "to", "by", "for", "from", "of", "between", "on", "at", "about",
                     "against", "than", "like", "including"});
}

bool IsClauseBoundary(absl::string_view w) {
  static const auto* k = new Set{
      ";", ":", "which", "who", "whom", "whose", "while", "as", "when", "because",
      "where", "although", "though", "but", "since", "after", "before", "said", "says",
      "told", "if", "whether", "until", "\"", "(", ")"};
  return k->contains(std::string(w));
}

bool AgentGap(const Document& doc, int from, int to) {
  // "talks on Friday, which were co-chaired by X", "a meeting hosted by X":
  // a passive participle of presiding or taking part, whose agent is the
  // contact's participant; a short time or place phrase may stand before.
  const auto& t = doc.tokens;
  if (to - from < 2 || t[to - 1].norm != "by" ||
      !IsOneOf(t[to - 2].norm, {"chaired", "co-chaired", "hosted", "co-hosted", "attended",
                                "convened", "led"})) {
    return false;
  }
  int k = to - 2;
  // "co-chaired" may come as three tokens.
  if (k - 2 >= from && t[k - 1].norm == "-" && t[k - 2].norm == "co") k -= 2;
  if (k - 1 >= from && IsOneOf(t[k - 1].norm, {"was", "were"})) {
    --k;
    if (k - 1 < from || !IsOneOf(t[k - 1].norm, {"which", "that"})) return false;
    --k;
    if (k - 1 >= from && t[k - 1].norm == ",") --k;
  }
  if (k - from > 4) return false;
  for (int q = from; q < k; ++q) {
    if (IsClauseBoundary(t[q].norm) || t[q].norm == ",") return false;
  }
  return true;
}

bool ObjectGap(const Document& doc, const Mentions& m, int from, int to) {
  static const auto* k = new Set{
      "with", "between", "among", "including", "of", "by", "to", "and", "the", "a", "an",
      "his", "her", "their", "its", "on", "in", "at", "separately", "virtually", "again",
      "also", "jointly", "privately", "briefly", ",", "-", "phone", "telephone", "video",
      "link", "over", "via", "sidelines", "both", "leaders", "who", "counterpart",
      "counterparts", "from", "for", "first", "time", "directly", "personally", "individually",
      ":"};
  if (to - from > 16) return false;
  // "talks in the northern city of Tromso with X": whatever stands
  // before a final "with"/"between" belongs to the same phrase, unless a
  // clause opens in it.
  int last_word = to - 1;
  while (last_word >= from && (doc.tokens[last_word].norm == "the" ||
                               doc.tokens[last_word].norm == "his" ||
                               doc.tokens[last_word].norm == "her")) {
    --last_word;
  }
  if (last_word >= from &&
      (doc.tokens[last_word].norm == "with" || doc.tokens[last_word].norm == "between")) {
    bool clean = to - from <= 12;
    for (int i = from; i < last_word && clean; ++i) {
      const std::string& w = doc.tokens[i].norm;
      if (IsClauseBoundary(w) || IsReportingVerb(w) || m.person_at[i] >= 0) clean = false;
    }
    if (clean) return true;
  }
  // "a meeting between a delegation of senators and X": an unnamed first
  // side, and the named second one after the last "and".
  if (doc.tokens[from].norm == "between" && last_word > from &&
      doc.tokens[last_word].norm == "and" && to - from <= 12) {
    bool clean = true;
    for (int i = from + 1; i < last_word && clean; ++i) {
      const std::string& w = doc.tokens[i].norm;
      if (IsClauseBoundary(w) || IsReportingVerb(w) || w == "and" || w == "," ||
          m.person_at[i] >= 0) {
        clean = false;
      }
    }
    if (clean) return true;
  }
  if (to - from > 14) return false;
  for (int i = from; i < to; ++i) {
    const Token& t = doc.tokens[i];
    if (k->contains(t.norm) || IsDateWord(t.norm)) continue;
    if (m.actor_at[i] >= 0) continue;
    if (t.word && t.cap && m.person_at[i] < 0) continue;  // a place: "in Bangkok"
    return false;
  }
  return true;
}

int SkipCaptionPosition(const Document& doc, int k, int limit) {
  if (k >= limit || doc.tokens[k].norm != "(") return k;
  int j = k + 1;
  while (j < limit && j < k + 4 &&
         IsOneOf(doc.tokens[j].norm, {"left", "right", "centre", "center", "second", "third",
                                      "fourth", "far", "front", "back", "top", "bottom"})) {
    ++j;
  }
  return j > k + 1 && j < limit && doc.tokens[j].norm == ")" ? j + 1 : k;
}

bool SubjectGap(const Document& doc, int from, int to) {
  static const auto* k = new Set{
      "will", "would", "could", "may", "might", "shall", "should", "can", "has", "have",
      "had", "is", "are", "was", "were", "be", "been", "also", "then", "separately",
      "jointly", "reportedly", "already", "later", "earlier", "today", "yesterday", "to",
      "plans", "planned", "wants", "wanted", "hopes", "hoped", "expected", "due", "set",
      "going", "scheduled", "agreed", "refused", "declined", "sought", "tried", "not",
      "never", "n't", "finally", "first", "again", "recently", "briefly", "privately",
      "virtually", "personally", "once", "twice", "last", "week", "month", "year",
      "this", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "subsequently", "previously", "now", "still", "just", "did", "does", "do",
      "is", "had", "made", "make", "makes", "making", "hold", "held", "holds", "holding",
      "a", "an", "the", "his", "her", "their", "surprise", "rare", "brief", "short",
      "separate", "one", "two", "day", "days", "state", "official", "working",
      "bilateral", "trilateral", "private", "visiting", "and", "ready", "prepared",
      "intends", "intended", "plan", "planning", "arrived", "travelled", "traveled",
      // "X looked forward to visiting Y": the subject of the gerund.
      "looked", "looks", "look", "looking", "forward"};
  int i = SkipCaptionPosition(doc, from, to);
  // "the leaders - A, B and C - convened": the dash closes the list of
  // the subject's members, right before the verb.
  if (i + 1 == to && doc.tokens[i].norm == "-") return true;
  if (i < to && (doc.tokens[i].norm == "," || doc.tokens[i].norm == "-")) {
    // An appositive between commas or dashes: "Lowe - a longtime ally -".
    const std::string open = doc.tokens[i].norm;
    int j = i + 1;
    while (j < to && j < i + 25 && doc.tokens[j].norm != open) ++j;
    if (j < to) i = j + 1;
  }
  // "X ... chose the first week of July to visit": the subject of the verb
  // that governs the infinitive.
  if (to - 1 >= i && doc.tokens[to - 1].norm == "to" && to - i <= 12) {
    bool clean = true;
    for (int j = i; j < to - 1 && clean; ++j) {
      const std::string& w = doc.tokens[j].norm;
      clean = !IsClauseBoundary(w) && !IsReportingVerb(w) && w != "," && w != "and";
    }
    if (clean) return true;
  }
  if (to - i > 10) return false;
  for (; i < to; ++i) {
    const Token& t = doc.tokens[i];
    if (k->contains(t.norm) || IsDateWord(t.norm) || t.norm == ",") continue;
    // "he pointedly returned", "she quietly met": a manner adverb.
    if (t.word && !t.cap && t.norm.size() > 5 && absl::EndsWith(t.norm, "ly") &&
        !IsOneOf(t.norm, {"assembly", "family", "supply", "anomaly", "monopoly"})) {
      continue;
    }
    return false;
  }
  return true;
}

bool IsReporter(const Document& doc, const Sentence& s, const Mentions& m,
                const PersonMention& p, const Trigger& t) {
  const auto& toks = doc.tokens;
  int k = HeadEnd(p);
  if (k < s.last && toks[k].norm == ",") {
    // "X, a long-time critic of the plan, said": skip the apposition.
    int j = k + 1;
    while (j < s.last && j < k + 20 && toks[j].norm != "," && m.person_at[j] < 0) ++j;
    if (j < s.last && toks[j].norm == "," && j + 1 < s.last &&
        IsReportingVerb(toks[j + 1].norm) && j + 1 < t.first) {
      return true;
    }
  }
  while (k < s.last && (toks[k].norm == "," || toks[k].norm == "also" ||
                        toks[k].norm == "has" || toks[k].norm == "had" ||
                        toks[k].norm == "later" || toks[k].norm == "then")) {
    ++k;
  }
  if (k < s.last && IsReportingVerb(toks[k].norm) && k < t.first) return true;
  int b = HeadStart(doc, s, m, p) - 1;
  if (b >= s.first && toks[b].norm == "to" && b - 1 >= s.first &&
      toks[b - 1].norm == "according") {
    return true;
  }
  if (b >= s.first && IsReportingVerb(toks[b].norm) && p.first > t.last) return true;
  // "travelled at the request of X and met Y": X sent the traveller.
  if (b - 1 >= s.first && toks[b].norm == "of" &&
      IsOneOf(toks[b - 1].norm, {"request", "behalf", "behest", "orders", "instructions"})) {
    return true;
  }
  return false;
}

bool IsAnaphoric(const Document& doc_, const Sentence& s_, const Trigger& t) {
  if (t.verb) return false;
  // "the call", "this meeting", "the senior official meeting", "their
  // first meeting", "the Biden-Xi meeting".
  for (int k = t.first - 1; k >= s_.first && k >= t.first - 6; --k) {
    const std::string& w = doc_.tokens[k].norm;
    if (IsOneOf(w, {"the", "this", "that", "their"})) return true;
    if (w == "-" || (doc_.tokens[k].cap && k > s_.first && doc_.tokens[k - 1].norm == "-")) {
      continue;  // a hyphenated pair of names
    }
    if (!doc_.tokens[k].word || doc_.tokens[k].cap || w == "a" || w == "an") {
      // The first name of "Biden-Xi" is capitalised too.
      if (!(doc_.tokens[k].cap && k + 1 < t.first && doc_.tokens[k + 1].norm == "-")) {
        return false;
      }
    }
  }
  return false;
}

int SkipStateModifier(const Document& doc, const Mentions& m, int k, int limit) {
  while (k + 1 < limit && IsOneOf(doc.tokens[k].norm, {"of", "from"})) {
    int j = k + 1;
    if (j < limit && doc.tokens[j].norm == "the") ++j;
    if (j >= limit || m.actor_at[j] < 0) break;
    k = m.actors[m.actor_at[j]].last;
  }
  return k;
}

bool Coordinated(const Document& doc_, const Sentence& s_, const Mentions& m_, int left_mi,
                 int right_mi) {
  const int right = HeadStart(doc_, s_, m_, m_.people[right_mi]);
  const int left_end = SkipCaptionPosition(doc_, HeadEnd(m_.people[left_mi]), right);
  // "spoke with: A of X; B of Y; and C": after a colon, semicolons
  // separate the items of one list.
  bool colon_list = false;
  for (int k = s_.first; k < left_end && !colon_list; ++k) colon_list = doc_.tokens[k].norm == ":";
  bool after_separator = false;
  for (int k = SkipStateModifier(doc_, m_, left_end, right); k < right; ++k) {
    std::string w = doc_.tokens[k].norm;
    if (colon_list && w == ";") w = ",";
    after_separator |= w == "and" || w == ",";
    // "A and Emirati NSA H.E. Sheikh B", "A, Navy Director B", "A, National
    // Security Advisor (NSA) B": after the separator, a short run of
    // capitalised words the title reader does not know, and an
    // abbreviation in brackets, are still the next conjunct's.
    if (after_separator && right - k <= 6 &&
        (doc_.tokens[k].cap || w == "(" || w == ")")) {
      continue;
    }
    if (w != "," && w != "and" && w != "jr" && w != "." && w != "as" && w != "well") {
      return false;
    }
  }
  return true;
}

bool ScareQuote(const Document& doc, const Sentence& s, int k) {
  if (doc.tokens[k].norm != "\"") return false;
  auto quoted_words = [&](int from, int step) {
    for (int j = from, n = 0; j >= s.first && j < s.last && n <= 3; j += step, ++n) {
      if (doc.tokens[j].norm == "\"") return n >= 1;
      if (!doc.tokens[j].word && doc.tokens[j].norm != "-") return false;
    }
    return false;
  };
  return quoted_words(k + 1, 1) || quoted_words(k - 1, -1);
}

bool IncludedAfter(const Document& doc, const Sentence& s, const Mentions& m, int left_mi,
                   int right_mi) {
  const int from = HeadEnd(m.people[left_mi]);
  const int to = HeadStart(doc, s, m, m.people[right_mi]);
  if (to - from < 3 || to - from > 14 || doc.tokens[to - 1].norm != "including") return false;
  if (doc.tokens[from].norm != "," && doc.tokens[from].norm != "and") return false;
  for (int k = from; k < to - 1; ++k) {
    const std::string& w = doc.tokens[k].norm;
    if (m.person_at[k] >= 0 || IsClauseBoundary(w) || IsReportingVerb(w) ||
        (!doc.tokens[k].word && w != ",")) {
      return false;
    }
  }
  return true;
}

bool DescribedConjunct(const Document& doc, const Sentence& s, const Mentions& m, int left_mi,
                       int right_mi) {
  const int from = HeadEnd(m.people[left_mi]);
  const int to = HeadStart(doc, s, m, m.people[right_mi]);
  if (to - from < 4 || to - from > 16 || doc.tokens[to - 1].norm != ",") return false;
  if (doc.tokens[from].norm != "and" || doc.tokens[from + 1].norm != "the") return false;
  bool office = false;
  for (int k = from + 1; k < to - 1; ++k) {
    const std::string& w = doc.tokens[k].norm;
    // Words and possessives only: a comma inside would open another item.
    // The description's own title ("the speaker") names no one.
    const int mi = m.person_at[k];
    if ((mi >= 0 && m.people[mi].entity >= 0) || IsClauseBoundary(w) || IsReportingVerb(w) ||
        (!doc.tokens[k].word && w != "'s" && w != "'")) {
      return false;
    }
    office |= mi >= 0 || IsTitleHead(w);
  }
  return office;
}

int VerbStart(const Document& doc_, const Sentence& s_, const Trigger& t) {
  if (t.verb) return t.first;
  // "held a joint call", "will hold talks", "had a conversation".
  static const auto* kLight = new absl::flat_hash_set<std::string>{
      "hold", "holds", "held", "holding", "have", "has", "had", "having", "make",
      "makes", "made", "making", "conduct", "conducted", "attend", "attended",
      "attends", "join", "joined", "joins", "chaired", "co-chaired", "led", "addressed",
      "addresses", "began", "begin", "begins", "opened", "concluded", "resumed"};
  // The noun's own name may stand between: "attended the annual East Asia
  // Summit".
  int named = 0;
  // "held about three hours of talks": a measure phrase between.
  for (int k = t.first - 1; k >= s_.first && k >= t.first - 6 - named; --k) {
    const Token& tok = doc_.tokens[k];
    if (kLight->contains(tok.norm)) return k;
    if (tok.norm == "-" && !tok.space_before) continue;  // "an in-person meeting"
    if (!tok.word || (tok.cap && (named >= 3 || k + 1 + named != t.first))) return -1;
    if (tok.cap) ++named;
  }
  return -1;
}

bool PrepositionalObject(const Document& doc, const Mentions& m, const PersonMention& p,
                         int floor) {
  int k = p.title.Found() && p.title.last <= p.first ? p.title.first : p.first;
  while (k - 1 > floor && (m.actor_at[k - 1] >= 0 || doc.tokens[k - 1].norm == "the" ||
                           doc.tokens[k - 1].norm == "'s")) {
    --k;
  }
  return k - 1 >= floor && IsPreposition(doc.tokens[k - 1].norm);
}

int RelativeClauseBefore(const Document& doc, int floor, int vs) {
  if (vs - 1 <= floor || doc.tokens[vs - 1].norm != ",") return -1;
  for (int q = vs - 2; q > floor; --q) {
    if (doc.tokens[q - 1].norm == "," &&
        IsOneOf(doc.tokens[q].norm, {"who", "whose", "whom", "which"})) {
      return q - 1;
    }
  }
  return -1;
}

bool SubjectBeforeRelative(const Document& doc, int end, int relative_comma) {
  return end == relative_comma || SubjectGap(doc, end, relative_comma + 1);
}

bool CoordinatedVerb(const Document& doc_, const Mentions& m_, int from, int to) {
  // "Lowe flew to Oslo ... and met with Hart": the verb shares the
  // subject of the clause before "and", as long as no clause opens between.
  if (to - from > 26) return false;
  int k = to - 1;
  while (k >= from && (doc_.tokens[k].norm == "also" || doc_.tokens[k].norm == "then" ||
                       doc_.tokens[k].norm == "later")) {
    --k;
  }
  if (k < from) return false;
  // "Lowe landed in Oslo on Tuesday, met Hart and ...": a comma joins verb
  // phrases too, when a verb follows the subject straight away.
  const std::string& first = doc_.tokens[from].norm;
  const bool verb_first =
      !doc_.tokens[from].cap &&
      ((first.size() > 4 && first.compare(first.size() - 2, 2, "ed") == 0) ||
       IsOneOf(first, {"flew", "went", "met", "held", "spoke", "made", "took", "came", "left",
                       "began", "led", "sent", "paid"}));
  if (doc_.tokens[k].norm != "and" && !(doc_.tokens[k].norm == "," && verb_first)) return false;
  for (int q = from; q < k; ++q) {
    if (IsClauseBoundary(doc_.tokens[q].norm) || IsReportingVerb(doc_.tokens[q].norm)) {
      return false;
    }
    // "Lowe flew to Oslo at the request of Hart and met ...": a person in a
    // prepositional phrase opens no clause.
    if (m_.person_at[q] >= 0) {
      const PersonMention& p = m_.people[m_.person_at[q]];
      if (!PrepositionalObject(doc_, m_, p, from)) return false;
      q = std::max(q, HeadEnd(p) - 1);
    }
  }
  return true;
}

int PronounSubject(const Document& doc_, const Sentence& s_, const Mentions& m_, const Trigger& t,
                   const std::vector<int>& exclude) {
  int k = -1;
  const int vs = VerbStart(doc_, s_, t);
  if (vs >= 0) {
    // "he would meet", "he plans to hold talks", "he attended ... and met".
    for (int q = vs - 1; q >= s_.first && q >= vs - 20; --q) {
      const std::string& w = doc_.tokens[q].norm;
      if (w == "he" || w == "she") {
        if (SubjectGap(doc_, q + 1, vs) || CoordinatedVerb(doc_, m_, q + 1, vs)) k = q;
        break;
      }
      if (IsClauseBoundary(w) || m_.person_at[q] >= 0) break;
    }
  } else {
    // "his talks with the UN chief".
    for (int q = t.first - 1; q >= s_.first && q >= t.first - 4; --q) {
      const std::string& w = doc_.tokens[q].norm;
      if (w == "his" || w == "her") {
        k = q;
        break;
      }
      if (!doc_.tokens[q].word || doc_.tokens[q].cap) break;
    }
  }
  if (k < 0) return -1;
  return PronounAntecedent(doc_, m_, k, exclude);
}

int PronounAntecedent(const Document& doc_, const Mentions& m_, int k,
                      const std::vector<int>& exclude) {
  for (int i = static_cast<int>(m_.people.size()) - 1; i >= 0; --i) {
    const PersonMention& p = m_.people[i];
    if (p.last > k || p.entity < 0) continue;
    // A pronoun subject refers back to a subject, not to someone met,
    // visited or addressed ("he met with Hart ... He also visited").
    const Sentence& ps = doc_.sentences[doc_.SentenceOf(p.first)];
    const int before = HeadStart(doc_, ps, m_, p) - 1;
    if (before >= ps.first) {
      const std::string& b = doc_.tokens[before].norm;
      if (b == "with" || b == "to" || b == "by" || b == "for" || b == "from" || b == "of" ||
          b == "met" || b == "meet" || b == "meeting" || b == "visited" || b == "visit" ||
          b == "called" || b == "told" || b == "thanked" || b == "urged" || b == "between" ||
          b == "and" || b == "including" || b == "on" || b == "at") {
        continue;
      }
    }
    bool excluded = false;
    for (int x : exclude) excluded |= m_.people[x].entity == p.entity;
    if (!excluded) return i;
  }
  return -1;
}

}  // namespace newsgraph
