#include "importers/events.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/arguments.h"
#include "importers/group_references.h"
#include "importers/parse/link_arguments.h"
#include "importers/places.h"
#include "importers/visits.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

bool IsHostVerb(const std::string& w) {
  return w == "host" || w == "hosts" || w == "hosted" || w == "hosting" || w == "greet" ||
         w == "greets" || w == "greeted" || w == "alongside" || w == "convened" ||
         w == "convenes" || w == "convene";
}

class SentenceEvents {
 public:
  SentenceEvents(const Document& doc, int si, const Mentions& m, const std::vector<Entity>& e,
                 const SentenceParse* parse)
      : doc_(doc), s_(doc.sentences[si]), m_(m), entities_(e),
        parse_(parse != nullptr && parse->ok() ? parse : nullptr) {
    for (size_t i = 0; i < m.people.size(); ++i) {
      const PersonMention& p = m.people[i];
      if (p.first >= s_.first && p.last <= s_.last && p.entity >= 0) {
        people_.push_back(static_cast<int>(i));
      }
    }
  }

  std::vector<DraftEvent> Run();

 private:
  int Start(int mi) const { return HeadStart(doc_, s_, m_, m_.people[mi]); }
  bool Reporter(int mi, const Trigger& t) const {
    return IsReporter(doc_, s_, m_, m_.people[mi], t);
  }
  bool Anaphoric(const Trigger& t) const { return IsAnaphoric(doc_, s_, t); }
  bool Coordinated(int left_mi, int right_mi) const {
    return newsgraph::Coordinated(doc_, s_, m_, left_mi, right_mi);
  }
  int PronounSubject(const Trigger& t, const std::vector<int>& exclude) const {
    return newsgraph::PronounSubject(doc_, s_, m_, t, exclude);
  }
  int VerbStart(const Trigger& t) const { return newsgraph::VerbStart(doc_, s_, t); }
  bool CoordinatedVerb(int from, int to) const {
    return newsgraph::CoordinatedVerb(doc_, m_, from, to);
  }
  void Contacts(const std::vector<Trigger>& triggers, std::vector<DraftEvent>* out);
  // The people the parse gives trigger `t`, as subjects and objects (mention
  // indices), with how each was reached; false without a parse.
  struct Parsed {
    std::vector<int> subjects;
    std::vector<int> objects;
    std::vector<std::string> object_paths;  // how each object was reached
    int plural = -1;  // token of a "they", "the two leaders", "their call" subject
    std::vector<int> group;  // entities a group phrase stands for ("the ministers of A and B")
    std::string how;
  };
  bool ParseArguments(const Trigger& t, Parsed* out) const;
  // True when the parse makes person mention `mi` the subject or object of
  // a verb other than trigger `t` ("..., days after Z warned"): a
  // bystander, whatever its distance to the trigger.
  bool InOtherClause(int mi, const Trigger& t) const;
  // The person mention a parse argument at `tok` names: the mention that
  // covers it, one linked to it as a name or apposition ("the prime
  // minister, X"), or a pronoun's antecedent; -1 when none.
  int PersonOfToken(int tok, const std::vector<int>& exclude, std::string* how) const;
  // "the two leaders' meeting", "both leaders met", "the two men spoke".
  bool PairBefore(const Trigger& t) const;
  // "Both A and B will attend, but it is unclear whether they will meet":
  // a "they" subject of a verb trigger stands for the coordinated people
  // earlier in the sentence (exactly two or more, joined by "and").
  std::vector<int> TheyPair(const Trigger& t) const;
  // The mentions of the last two different people named in the sentence
  // before token `tok`, in text order; fewer when there are not two.
  std::vector<int> LastTwoBefore(int tok) const;
  // True when noun trigger `t` has a possessor ("Y's meeting") other than
  // person `p`, who stands before it.
  bool Possessed(const Trigger& t, const PersonMention& p) const;
  // The travellers the parse gives visit trigger `t` (entities): its
  // subjects, with a noun's "by"/"of" agent; empty without a parse.
  std::vector<int> Travellers(const Trigger& t) const;
  // "Following talks with Y, X said", "Meeting Y in Oslo, X stressed": a
  // trigger inside a fronted adverbial phrase takes the main clause's
  // subject, the person right after the phrase's comma; -1 when none.
  int FrontedSubject(const Trigger& t) const;
  // ", having met Y", ", meeting Y": a trailing participle clause takes the
  // subject that opens the sentence; -1 when none.
  int TrailingParticipleSubject(const Trigger& t) const;

  const Document& doc_;
  const Sentence& s_;
  const Mentions& m_;
  const std::vector<Entity>& entities_;
  const SentenceParse* parse_;        // null when the sentence has no parse
  std::vector<Trigger> triggers_;     // the sentence's triggers, set by Run
  std::vector<int> people_;           // mention indices, text order
  absl::flat_hash_set<int> objects_;  // mentions that are objects of a contact
};

bool SentenceEvents::PairBefore(const Trigger& t) const {
  const int vs = VerbStart(t) >= 0 ? VerbStart(t) : t.first;
  for (int k = vs - 1; k >= s_.first && k >= vs - 6; --k) {
    const std::string& w = doc_.tokens[k].norm;
    if (w == "leaders" || w == "men" || w == "presidents" || w == "counterparts") {
      const std::string& d = k - 1 >= s_.first ? doc_.tokens[k - 1].norm : "";
      if (d != "two" && d != "both") return false;
      // Only possessive or subject glue between the pair and the trigger.
      for (int j = k + 1; j < vs; ++j) {
        const std::string& g = doc_.tokens[j].norm;
        if (doc_.tokens[j].word && !SubjectGap(doc_, j, j + 1)) return false;
        if (!doc_.tokens[j].word && g != "'" && g != "'s") return false;
      }
      return true;
    }
    if (IsClauseBoundary(w)) return false;
  }
  return false;
}

std::vector<int> SentenceEvents::TheyPair(const Trigger& t) const {
  if (!t.verb) return {};
  const int vs = VerbStart(t);
  if (vs < 0) return {};
  int they = -1;
  for (int q = vs - 1; q >= s_.first && q >= vs - 4; --q) {
    if (doc_.tokens[q].norm == "they") {
      if (SubjectGap(doc_, q + 1, vs)) they = q;
      break;
    }
    if (!doc_.tokens[q].word || m_.person_at[q] >= 0) break;
  }
  if (they < 0) return {};
  // The last coordination of people before "they": "A and B", "A, B and C".
  std::vector<int> group;
  for (size_t k = people_.size(); k-- > 0;) {
    const PersonMention& p = m_.people[people_[k]];
    if (p.last > they) continue;
    if (group.empty()) {
      group.push_back(people_[k]);
    } else if (Coordinated(people_[k], group.back())) {
      group.push_back(people_[k]);
    } else {
      break;
    }
  }
  if (group.size() < 2) return {};
  absl::flat_hash_set<int> ents;
  for (int mi : group) ents.insert(m_.people[mi].entity);
  if (ents.size() < 2) return {};
  std::reverse(group.begin(), group.end());
  return group;
}

int SentenceEvents::PersonOfToken(int tok, const std::vector<int>& exclude,
                                  std::string* how) const {
  auto usable = [&](int mi) {
    return mi >= 0 && m_.people[mi].entity >= 0 &&
           std::find(people_.begin(), people_.end(), mi) != people_.end();
  };
  if (usable(m_.person_at[tok])) return m_.person_at[tok];
  // "the chairman of the parliament, Ruslan Stefanchuk": a title whose name
  // follows as an apposition.
  if (const int ti = m_.person_at[tok]; ti >= 0 && m_.people[ti].title_only) {
    int k = m_.people[ti].last;
    while (k < s_.last && k < m_.people[ti].last + 8 && doc_.tokens[k].norm != ",") ++k;
    if (k + 1 < s_.last && doc_.tokens[k].norm == "," && usable(m_.person_at[k + 1])) {
      absl::StrAppend(how, " (apposition)");
      return m_.person_at[k + 1];
    }
  }
  // A word of the title before a name: "Secretary of State Antony Blinken"
  // parses with "Secretary" as the head.
  for (int mi : people_) {
    const TitleSpan& t = m_.people[mi].title;
    if (t.Found() && t.first <= tok && tok < t.last && usable(mi)) return mi;
  }
  const std::string& w = doc_.tokens[tok].norm;
  if (IsOneOf(w, {"he", "she", "him", "his", "her"})) {
    const int mi = PronounAntecedent(doc_, m_, tok, exclude);
    if (mi >= 0 && m_.people[mi].entity >= 0) {
      absl::StrAppend(how, " (coref ", w, "->", m_.people[mi].name, ")");
      return mi;
    }
    return -1;
  }
  for (const ParseLink* l : parse_->LinksOf(tok)) {
    if (l->type != "G" && l->type != "GN" && l->type != "MX" && l->type != "Xd") continue;
    const int other = l->left == tok ? l->right : l->left;
    if (usable(m_.person_at[other])) return m_.person_at[other];
  }
  return -1;
}

bool SentenceEvents::InOtherClause(int mi, const Trigger& t) const {
  const PersonMention& p = m_.people[mi];
  // The mention's words, and the head an apposition hangs from ("whose
  // deputy, State Secretary X, had drafted").
  std::vector<int> words;
  for (int k = p.first; k < p.last; ++k) words.push_back(k);
  for (const ParseLink& l : parse_->links) {
    if (l.type != "MX" && l.type != "Xd") continue;
    if (l.right >= p.first && l.right < p.last) words.push_back(l.left);
  }
  auto in = [&](int tok) { return std::find(words.begin(), words.end(), tok) != words.end(); };
  for (const ParseLink& l : parse_->links) {
    // "a proposal from X", "at the request of X": the object of a
    // preposition that does not name a partner.
    const bool own_title = p.title.Found() && p.title.first <= l.left && l.left < p.title.last;
    if (l.type == "J" && in(l.right) && !own_title) {
      if (!IsOneOf(doc_.tokens[l.left].norm, {"with", "between", "among", "alongside", "by"})) {
        return true;
      }
      // A partner phrase of another noun: "before the sit-down with X, Y met".
      for (const ParseLink& g : parse_->links) {
        if (g.right == l.left && g.type == "M" && !doc_.tokens[g.left].cap &&
            (g.left < t.first || g.left >= t.last)) {
          return true;
        }
      }
    }
    const bool subject = l.type == "S" && in(l.left);
    const bool object = l.type == "O" && in(l.right);
    if (!subject && !object) continue;
    const int verb = subject ? l.right : l.left;
    // Reporters are told apart by IsReporter, which knows "said after
    // talks with Y" from "Z said X met Y".
    if (IsReportingVerb(doc_.tokens[verb].norm)) continue;
    if (verb < t.first || verb >= t.last) return true;
  }
  return false;
}

bool SentenceEvents::ParseArguments(const Trigger& t, Parsed* out) const {
  if (parse_ == nullptr) return false;
  const int head = t.verb ? t.first : t.last - 1;
  std::vector<int> others;
  for (const Trigger& o : triggers_) {
    if (o.first != t.first) others.push_back(o.verb ? o.first : o.last - 1);
  }
  std::vector<LinkArgument> args = LinkArguments(doc_, *parse_, head, t.verb, others);
  // "X began his visit", "X held her first talks": a possessive pronoun
  // beside a subject is that subject.
  bool subject = false;
  for (const LinkArgument& a : args) subject |= a.subject && a.path != "D";
  if (subject) {
    args.erase(std::remove_if(args.begin(), args.end(),
                              [](const LinkArgument& a) { return a.path == "D"; }),
               args.end());
  }
  for (const LinkArgument& a : args) {
    const std::string& w = doc_.tokens[a.token].norm;
    if (m_.person_at[a.token] < 0 && IsGroupNoun(w)) {
      // "X met his counterparts": counterparts hold X's office.
      std::string role;
      if (!out->subjects.empty()) {
        const int e = m_.people[out->subjects[0]].entity;
        role = RoleNear(m_, entities_[e], a.token);
      }
      GroupReference gr = ResolveGroup(doc_, m_, entities_, a.token, role);
      for (int e : gr.entities) {
        if (std::find(out->group.begin(), out->group.end(), e) == out->group.end()) {
          out->group.push_back(e);
        }
      }
      if (!gr.entities.empty()) {
        absl::StrAppend(&out->how, out->how.empty() ? "" : "; ", a.path, ":", gr.how);
        continue;
      }
    }
    const int at = m_.person_at[a.token];
    if (at < 0 || m_.people[at].entity < 0) {
      const int e = ResolveTitleReference(doc_, m_, entities_, a.token);
      if (e >= 0 && std::find(out->group.begin(), out->group.end(), e) == out->group.end()) {
        out->group.push_back(e);
        absl::StrAppend(&out->how, out->how.empty() ? "" : "; ", a.path, ":title:", w, "->",
                        entities_[e].name);
        continue;
      }
    }
    if (a.subject && IsOneOf(w, {"they", "their", "leaders", "presidents", "ministers", "men",
                                 "counterparts", "two", "both"})) {
      out->plural = a.token;
      absl::StrAppend(&out->how, out->how.empty() ? "" : "; ", a.path, ":", w);
      continue;
    }
    std::vector<int> exclude = out->subjects;
    exclude.insert(exclude.end(), out->objects.begin(), out->objects.end());
    std::string how;
    const int mi = PersonOfToken(a.token, exclude, &how);
    if (mi < 0) continue;
    std::vector<int>& into = a.subject ? out->subjects : out->objects;
    auto known = [&](int e) {
      bool found = false;
      for (int x : out->subjects) found |= m_.people[x].entity == e;
      for (int x : out->objects) found |= m_.people[x].entity == e;
      return found;
    };
    if (known(m_.people[mi].entity)) continue;
    if (!a.subject) out->object_paths.push_back(a.path);
    into.push_back(mi);
    absl::StrAppend(&out->how, out->how.empty() ? "" : "; ", a.path, ":", m_.people[mi].name,
                    how);
    // "President Biden and President Xi made": names the parse left out of
    // a coordination it broke are joined to it by the surface rule.
    const auto pos = std::find(people_.begin(), people_.end(), mi);
    for (auto j = pos; j != people_.end() && j != people_.begin() && Coordinated(*(j - 1), *j);
         --j) {
      const int before = *(j - 1);
      // A list needs its "and" somewhere: "X, Y" alone may be a phrase's
      // end and the clause's subject ("before the talks with X, Y met").
      bool conjunction = false;
      for (int k = m_.people[before].last; k < m_.people[mi].first + 1 && k < s_.last; ++k) {
        conjunction |= doc_.tokens[k].norm == "and";
      }
      for (int k = m_.people[mi].last; !conjunction && k < s_.last && k < m_.people[mi].last + 3;
           ++k) {
        conjunction |= doc_.tokens[k].norm == "and";
      }
      if (!conjunction) break;
      if (known(m_.people[before].entity)) continue;
      if (!a.subject) out->object_paths.push_back(a.path + ">and");
      into.push_back(before);
      absl::StrAppend(&out->how, "; ", a.path, ">and:", m_.people[before].name);
    }
  }
  return true;
}

std::vector<int> SentenceEvents::Travellers(const Trigger& t) const {
  Parsed pa;
  if (!ParseArguments(t, &pa)) return {};
  std::vector<int> out;
  auto add = [&](int e) {
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  if (t.rule == "verb:invited-to") {  // the one invited travels
    for (size_t i = 0; i < pa.objects.size(); ++i) {
      if (pa.object_paths[i] == "O") add(m_.people[pa.objects[i]].entity);
    }
    return out;
  }
  for (int mi : pa.subjects) add(m_.people[mi].entity);
  for (size_t i = 0; !t.verb && i < pa.objects.size(); ++i) {
    // "a visit by X", "the visit of X to Y".
    if (absl::StartsWith(pa.object_paths[i], "M:by") ||
        absl::StartsWith(pa.object_paths[i], "M:of")) {
      add(m_.people[pa.objects[i]].entity);
    }
  }
  for (int e : pa.group) add(e);
  return out;
}

bool SentenceEvents::Possessed(const Trigger& t, const PersonMention& p) const {
  for (int k = t.first - 1; k >= s_.first && k >= t.first - 4; --k) {
    if (doc_.tokens[k].norm == "'s") return k > p.last;
    if (!doc_.tokens[k].word || doc_.tokens[k].cap) return false;
  }
  return false;
}

std::vector<int> SentenceEvents::LastTwoBefore(int tok) const {
  // This sentence first, then the one before it.
  const int si = doc_.SentenceOf(s_.first);
  const int from = si > 0 ? doc_.sentences[si - 1].first : s_.first;
  std::vector<int> out;
  for (int k = static_cast<int>(m_.people.size()); k-- > 0 && out.size() < 2;) {
    const PersonMention& p = m_.people[k];
    if (p.last > tok || p.entity < 0) continue;
    if (p.first < from) break;
    if (out.empty() || m_.people[out[0]].entity != p.entity) out.insert(out.begin(), k);
  }
  return out;
}

int SentenceEvents::TrailingParticipleSubject(const Trigger& t) const {
  // "X is committed to Ukraine, having met Y six times", "X flew home,
  // meeting Y on the way": the sentence's subject, named first.
  int k = t.first - 1;
  if (k >= s_.first && doc_.tokens[k].norm == "having") --k;
  const std::string& w = doc_.tokens[t.first].norm;
  const bool participle = doc_.tokens[t.first - (k == t.first - 1 ? 0 : 0)].norm == w &&
                          (k < t.first - 1 || (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0));
  if (!participle || k < s_.first || doc_.tokens[k].norm != ",") return -1;
  for (int mi : people_) {
    if (m_.people[mi].first >= k) break;
    return Start(mi) == s_.first ? mi : -1;
  }
  return -1;
}

int SentenceEvents::FrontedSubject(const Trigger& t) const {
  const std::string& opener = doc_.tokens[s_.first].norm;
  // "Speaking alongside X, Y said": a sentence that opens with a participle.
  const bool participle = opener.size() > 5 && opener.compare(opener.size() - 3, 3, "ing") == 0;
  const bool fronted =
      s_.first == t.first || participle ||
      IsOneOf(opener, {"after", "following", "before", "during", "at", "in", "on", "while",
                       "upon", "having", "ahead"});
  if (!fronted) return -1;
  int comma = t.last;
  while (comma < s_.last && doc_.tokens[comma].norm != ",") {
    // The phrase holds no clause of its own: "After he met Y, ...".
    if (IsClauseBoundary(doc_.tokens[comma].norm)) return -1;
    ++comma;
  }
  for (int k = s_.first; k < t.first; ++k) {
    if (doc_.tokens[k].norm == "," || IsOneOf(doc_.tokens[k].norm, {"he", "she", "they"})) {
      return -1;
    }
  }
  if (comma >= s_.last) return -1;
  for (int mi : people_) {
    if (m_.people[mi].first <= comma) continue;
    return Start(mi) == comma + 1 ? mi : -1;
  }
  return -1;
}

void SentenceEvents::Contacts(const std::vector<Trigger>& triggers,
                              std::vector<DraftEvent>* out) {
  std::vector<const Trigger*> contacts;
  for (const Trigger& t : triggers) {
    if (t.mode != "visit") contacts.push_back(&t);
  }
  if (contacts.empty()) return;
  const size_t n = contacts.size();
  // First the grammar: a trigger claims the person right after it (its
  // object: "met with X", "a call between X and Y") and, for a verb or a
  // possessive noun, the person right before it (its subject), each with
  // the people coordinated to them ("X, Y and Z").
  std::vector<std::vector<int>> subjects(n), objects(n), loose(n);
  absl::flat_hash_set<int> claimed;
  auto claimable = [&](int mi, size_t g) {
    if (claimed.contains(mi)) return false;
    // "X said at a news conference alongside Y": the speaker stood there.
    return doc_.tokens[contacts[g]->first].norm == "alongside" || !Reporter(mi, *contacts[g]);
  };
  for (size_t g = 0; g < n; ++g) {
    const Trigger* t = contacts[g];
    const int next = g + 1 < n ? contacts[g + 1]->first : s_.last;
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    for (size_t k = 0; k < people_.size(); ++k) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.first < t->last) continue;
      if (p.first >= next || !ObjectGap(doc_, m_, t->last, Start(people_[k])) ||
          !claimable(people_[k], g)) {
        break;
      }
      for (size_t j = k; j < people_.size() && m_.people[people_[j]].first < next &&
                         (j == k || Coordinated(people_[j - 1], people_[j]));
           ++j) {
        if (!claimable(people_[j], g)) break;
        claimed.insert(people_[j]);
        objects[g].push_back(people_[j]);
      }
      break;
    }
    const int vs = VerbStart(*t);
    for (size_t k = people_.size(); k-- > 0;) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.last > t->first) continue;
      if (p.first < prev) break;
      bool ok = false;
      const int end = SkipStateModifier(doc_, m_, HeadEnd(p), t->first);
      if (vs < 0) {
        // "Biden's bilateral meeting": a possessor right before the noun.
        ok = end < t->first && doc_.tokens[end].norm == "'s";
        for (int q = end + 1; ok && q < t->first; ++q) {
          const Token& tok = doc_.tokens[q];
          if (!tok.word || tok.cap || q - end > 4) ok = false;
        }
      } else if (end <= vs) {
        ok = SubjectGap(doc_, end, vs) || CoordinatedVerb(end, vs);
      }
      if (!ok || !claimable(people_[k], g)) break;
      claimed.insert(people_[k]);
      subjects[g].push_back(people_[k]);
      for (size_t j = k; j-- > 0 && m_.people[people_[j]].first >= prev &&
                         Coordinated(people_[j], people_[j + 1]);) {
        if (!claimable(people_[j], g)) break;
        claimed.insert(people_[j]);
        subjects[g].push_back(people_[j]);
      }
      break;
    }
  }
  // "X thanked Y ... at a meeting", "pressed Y at a summit", "during talks
  // with Y": a noun in a prepositional phrase takes the people of its clause.
  for (size_t g = 0; g < n; ++g) {
    const Trigger* t = contacts[g];
    if (t->verb || !subjects[g].empty()) continue;
    int k = t->first - 1;
    while (k >= s_.first && k >= t->first - 4 && doc_.tokens[k].word &&
           !doc_.tokens[k].cap && doc_.tokens[k].norm != "at" &&
           doc_.tokens[k].norm != "during") {
      --k;
    }
    if (k < s_.first || (doc_.tokens[k].norm != "at" && doc_.tokens[k].norm != "during")) {
      continue;
    }
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    int start = prev;
    for (int q = k - 1; q >= prev; --q) {
      if (IsClauseBoundary(doc_.tokens[q].norm)) {
        start = q + 1;
        break;
      }
    }
    for (int mi : people_) {
      const PersonMention& p = m_.people[mi];
      if (p.first < start || p.last > k) continue;
      if (!claimable(mi, g)) continue;
      claimed.insert(mi);
      subjects[g].push_back(mi);
    }
  }
  // Then proximity, for the people no grammar rule placed, when they stand
  // within a few words of a trigger that is not a mere back-reference.
  for (int mi : people_) {
    if (claimed.contains(mi)) continue;
    const PersonMention& p = m_.people[mi];
    // "X's speech", "X's proposal": the possessor of something that is no
    // contact is no participant of a contact nearby.
    const int after = HeadEnd(p);
    if (after < s_.last && doc_.tokens[after].norm == "'s") {
      bool owns_trigger = false;
      for (const Trigger* t : contacts) owns_trigger |= t->first > after && t->first <= after + 4;
      if (!owns_trigger) continue;
    }
    int best = -1;
    int best_d = 7;
    for (size_t g = 0; g < n; ++g) {
      const Trigger* t = contacts[g];
      if (Anaphoric(*t)) continue;
      // "X praised Y's meeting with Z": the possessor is the meeting's
      // subject, and whoever stands before it is not.
      if (!t->verb && p.last <= t->first && Possessed(*t, p)) continue;
      int d = p.last <= t->first ? t->first - HeadEnd(p) : Start(mi) - t->last;
      if (d >= 0 && d < best_d) {
        best_d = d;
        best = static_cast<int>(g);
      }
    }
    if (best >= 0 && !Reporter(mi, *contacts[best])) loose[best].push_back(mi);
  }
  std::vector<int> parse_plural(n, -1);
  std::vector<bool> their_pair(n, false);
  // "their first face-to-face talks", read without a parse: the plural
  // possessive names the pair (the parse, where there is one, says so too).
  for (size_t g = 0; parse_ == nullptr && g < n; ++g) {
    const Trigger& t = *contacts[g];
    for (int k = t.first - 1; !t.verb && k >= s_.first && k >= t.first - 6; --k) {
      const Token& tok = doc_.tokens[k];
      if (tok.norm == "their") {
        parse_plural[g] = k;
        their_pair[g] = true;
        loose[g].clear();
        break;
      }
      if (tok.cap || (!tok.word && tok.norm != "-")) break;
    }
  }
  for (size_t g = 0; g < n; ++g) {
    const int ts = TrailingParticipleSubject(*contacts[g]);
    if (ts >= 0 && !claimed.contains(ts) && subjects[g].empty()) {
      claimed.insert(ts);
      subjects[g].push_back(ts);
    }
  }
  for (size_t g = 0; g < n; ++g) {
    const int fs = FrontedSubject(*contacts[g]);
    if (fs < 0 || claimed.contains(fs)) continue;
    claimed.insert(fs);
    subjects[g].push_back(fs);
  }
  // The parse, where the sentence has one: the people it attaches to a
  // trigger join it, and once it has attached someone, proximity adds no
  // one it did not (bystanders named near the word).
  std::vector<std::string> parse_how(n);
  std::vector<std::vector<int>> group(n);
  for (size_t g = 0; parse_ != nullptr && g < n; ++g) {
    Parsed pa;
    ParseArguments(*contacts[g], &pa);
    auto has = [&](const std::vector<int>& v, int mi) {
      for (int x : v) {
        if (m_.people[x].entity == m_.people[mi].entity) return true;
      }
      return false;
    };
    if (!pa.subjects.empty()) {
      // The parse found the subject: a rule's subject it puts in another
      // role ("at the request of X and held talks") is no participant.
      subjects[g].erase(std::remove_if(subjects[g].begin(), subjects[g].end(),
                                       [&](int mi) {
                                         return !has(pa.subjects, mi) &&
                                                InOtherClause(mi, *contacts[g]);
                                       }),
                        subjects[g].end());
    }
    for (int mi : pa.subjects) {
      if (!has(subjects[g], mi) && !has(objects[g], mi)) subjects[g].push_back(mi);
    }
    for (int mi : pa.objects) {
      if (!has(subjects[g], mi) && !has(objects[g], mi)) objects[g].push_back(mi);
    }
    loose[g].erase(std::remove_if(loose[g].begin(), loose[g].end(),
                                  [&](int mi) { return InOtherClause(mi, *contacts[g]); }),
                   loose[g].end());
    parse_how[g] = pa.how;
    parse_plural[g] = pa.plural;
    group[g] = pa.group;
  }
  // "A met B for a meeting chaired by C": a noun whose only person is
  // introduced by "by" names the same contact as the trigger before it.
  std::vector<std::string> mode(n);
  for (size_t g = 0; g < n; ++g) mode[g] = contacts[g]->mode;
  for (size_t g = 1; g < n; ++g) {
    std::vector<int> all = objects[g];
    all.insert(all.end(), loose[g].begin(), loose[g].end());
    if (contacts[g]->verb || all.empty() || !subjects[g].empty()) continue;
    int b = Start(all[0]) - 1;
    if (b < s_.first || doc_.tokens[b].norm != "by") continue;
    for (size_t h = g; h-- > 0;) {
      if (Family(mode[h]) != Family(mode[g])) continue;
      if (subjects[h].empty() && objects[h].empty()) continue;
      objects[h].insert(objects[h].end(), all.begin(), all.end());
      objects[g].clear();
      loose[g].clear();
      if (mode[g] == "summit" || mode[g] == "video") mode[h] = mode[g];
      break;
    }
  }
  // "convened a meeting", "hosted talks": the noun is the verb's own event.
  std::vector<bool> folded(n, false);
  // "convened a meeting with A, B and C": one meeting, whatever the states.
  std::vector<bool> one_event(n, false);
  for (size_t g = 1; g < n; ++g) {
    const Trigger* v = contacts[g - 1];
    const Trigger* t = contacts[g];
    if (t->verb || !v->verb || Family(mode[g]) != Family(mode[g - 1]) ||
        t->first - v->last > 3) {
      continue;
    }
    bool adjacent = true;
    for (int k = v->last; k < t->first; ++k) {
      adjacent &= doc_.tokens[k].word && !doc_.tokens[k].cap;
    }
    if (!adjacent) continue;
    objects[g - 1].insert(objects[g - 1].end(), objects[g].begin(), objects[g].end());
    loose[g - 1].insert(loose[g - 1].end(), loose[g].begin(), loose[g].end());
    if (mode[g] == "summit" || mode[g] == "video") mode[g - 1] = mode[g];
    folded[g] = true;
    one_event[g - 1] = doc_.tokens[t->first].norm != "meetings";
  }
  for (size_t g = 0; g < n; ++g) {
    const Trigger& t = *contacts[g];
    if (folded[g]) continue;
    if (IsHostVerb(doc_.tokens[t.first].norm) && subjects[g].empty() && objects[g].empty()) {
      continue;  // "hosted by China", "host the Games": no person hosted
    }
    std::vector<int> subj = subjects[g];
    if (subj.empty()) {
      int ps = PronounSubject(t, objects[g]);
      if (ps >= 0) subj.push_back(ps);
    }
    if (subj.empty() && objects[g].empty() && loose[g].empty()) {
      std::vector<int> pair = TheyPair(t);
      subj.insert(subj.end(), pair.begin(), pair.end());
    }
    if (parse_plural[g] >= 0 && subj.size() + objects[g].size() < 2) {
      // "X told Y in their meeting": the plural names the last two people
      // of its sentence before it.
      std::vector<int> two = LastTwoBefore(parse_plural[g]);
      if (two.size() == 2) subj = two;
    }
    DraftEvent base;
    base.trigger = t;
    base.mode = mode[g];
    base.factuality = ReadFactuality(doc_, s_, t);
    base.anaphoric = Anaphoric(t);
    base.people_rule = parse_how[g].empty() ? "grammar" : "grammar,parse[" + parse_how[g] + "]";
    if (their_pair[g]) base.people_rule += ",their-pair";
    // The place of the contact stays inside its clause: not "a man who was
    // attacked in Dublin".
    int clause_end = t.last;
    while (clause_end < s_.last && !IsClauseBoundary(doc_.tokens[clause_end].norm) &&
           !(!t.verb && doc_.tokens[clause_end].norm == ",")) {
      ++clause_end;  // a noun's place stays inside its phrase: "such talks, met X in Oslo"
    }
    std::vector<PlaceSpan> place = PlaceAfterPreposition(doc_, m_, t.first, clause_end);
    if (!place.empty()) base.place = place[0].name;
    const bool known_place = !place.empty() && !place[0].state.empty();
    auto add = [&](DraftEvent* ev, int mi) {
      int e = m_.people[mi].entity;
      if (std::find(ev->entities.begin(), ev->entities.end(), e) == ev->entities.end()) {
        ev->entities.push_back(e);
      }
    };
    for (int mi : objects[g]) objects_.insert(mi);
    // "their counterparts": the people named are one side, the other is
    // unnamed — each is only present at the place.
    std::vector<int> named = subj;
    named.insert(named.end(), objects[g].begin(), objects[g].end());
    if (!named.empty()) {
      int k = HeadEnd(m_.people[named.back()]);
      while (k < s_.last && (doc_.tokens[k].norm == "," || doc_.tokens[k].norm == "and" ||
                             doc_.tokens[k].norm == "with")) {
        ++k;
      }
      if (k + 1 < s_.last &&
          (doc_.tokens[k].norm == "their" || doc_.tokens[k].norm == "his" ||
           doc_.tokens[k].norm == "her") &&
          (doc_.tokens[k + 1].norm == "counterparts" ||
           doc_.tokens[k + 1].norm == "counterpart" ||
           (k + 2 < s_.last && doc_.tokens[k + 2].norm == "counterparts"))) {
        std::vector<PlaceSpan> where = PlaceAfterPreposition(doc_, m_, k, s_.last);
        if (where.empty()) continue;
        for (int mi : named) {
          DraftEvent v = base;
          v.mode = "visit";
          v.place = where[0].name;
          v.people_rule = "meeting-unnamed-counterparts";
          add(&v, mi);
          out->push_back(std::move(v));
        }
        continue;
      }
    }
    const std::string& w = doc_.tokens[t.first].norm;
    // "Lowe called Hart 'a loyal friend'": naming, not phoning.
    if (w == "called" && !objects[g].empty()) {
      const int after = HeadEnd(m_.people[objects[g].back()]);
      if (after < s_.last && (doc_.tokens[after].norm == "\"" ||
                              doc_.tokens[after].norm == "a" ||
                              doc_.tokens[after].norm == "an" ||
                              doc_.tokens[after].norm == "the" ||
                              doc_.tokens[after].norm == "his" ||
                              doc_.tokens[after].norm == "her")) {
        continue;
      }
    }
    // "X and Y have been greeted in Beijing": guests of an unnamed host
    // ("was hosted by Y" names the host, and is a meeting).
    if (IsHostVerb(w) && t.first > s_.first && objects[g].empty()) {
      const std::string& aux = doc_.tokens[t.first - 1].norm;
      if (aux == "been" || aux == "was" || aux == "were" || aux == "is" || aux == "are" ||
          aux == "be") {
        for (int mi : subj) {
          if (!known_place) break;
          DraftEvent v = base;
          v.mode = "visit";
          v.people_rule = "received-guest";
          add(&v, mi);
          out->push_back(std::move(v));
        }
        continue;
      }
    }
    // "his meetings with A, B and C", "he will meet A, B and C" (of three
    // states): one contact per person met.
    absl::flat_hash_set<std::string> object_states;
    for (int o : objects[g]) object_states.insert(entities_[m_.people[o].entity].state);
    // "held separate calls with A and B": one each, whatever their states.
    bool separate = false;
    for (int k = t.first - 1; k >= s_.first && k >= t.first - 2; --k) {
      separate |= IsOneOf(doc_.tokens[k].norm, {"separate", "separately", "individual"});
    }
    const bool bilaterals =
        separate || ((w == "meetings" || (t.verb && subj.size() == 1 &&
                                          object_states.size() == objects[g].size())) &&
                     !object_states.contains(""));
    if (bilaterals && !one_event[g] && !subj.empty() && objects[g].size() >= 2 &&
        loose[g].empty()) {
      for (int o : objects[g]) {
        DraftEvent ev = base;
        for (int mi : subj) add(&ev, mi);
        add(&ev, o);
        out->push_back(std::move(ev));
      }
      continue;
    }
    if ((w == "host" || w == "hosts" || w == "hosted" || w == "hosting") && !subj.empty() &&
        known_place) {
      // "X will host Y for talks in China": the guest travels there.
      for (int mi : objects[g]) {
        DraftEvent v = base;
        v.mode = "visit";
        v.people_rule = "hosted-guest";
        add(&v, mi);
        out->push_back(std::move(v));
      }
    }
    DraftEvent ev = base;
    for (int mi : subj) add(&ev, mi);
    for (int mi : objects[g]) add(&ev, mi);
    for (int mi : loose[g]) add(&ev, mi);
    for (int e : group[g]) {
      if (std::find(ev.entities.begin(), ev.entities.end(), e) == ev.entities.end()) {
        ev.entities.push_back(e);
      }
    }
    // Only the surface rules' subject: a parse that found one person of a
    // contact more likely missed the other than met unnamed counterparts.
    ev.lone_subject = ev.entities.size() == 1 && !subj.empty() && known_place &&
                      parse_how[g].empty();
    ev.pair_reference = subj.empty() && (PairBefore(t) || parse_plural[g] >= 0);
    out->push_back(std::move(ev));
  }
}

std::vector<DraftEvent> SentenceEvents::Run() {
  std::vector<DraftEvent> out;
  triggers_ = FindTriggers(doc_, s_);
  const std::vector<Trigger>& triggers = triggers_;
  if (triggers.empty()) return out;
  Contacts(triggers, &out);
  for (const Trigger& t : triggers) {
    if (t.mode == "visit") AddVisits(doc_, s_, m_, t, people_, objects_, Travellers(t), &out);
  }
  // A trigger without a cue of its own shares the plan or doubt of an
  // earlier one in the sentence ("is due to pay a state visit to Chile,
  // followed by stops in Peru and Bolivia").
  for (size_t i = 1; i < out.size(); ++i) {
    if (!out[i].factuality.cue.empty()) continue;
    for (size_t j = 0; j < out.size(); ++j) {
      const DraftEvent& e = out[j];
      if (e.trigger.first >= out[i].trigger.first || e.factuality.cue.empty()) continue;
      if (e.factuality.value != pb::PLANNED && e.factuality.value != pb::POSSIBLE) continue;
      bool boundary = false;
      for (int k = e.trigger.last; k < out[i].trigger.first; ++k) {
        const std::string& w = doc_.tokens[k].norm;
        if (w == "after" || w == "since" || w == "following" || w == "ago" ||
            w == "last" || w == "earlier" || IsReportingVerb(w)) {
          boundary = true;
        }
      }
      if (!boundary) {
        out[i].factuality = e.factuality;
        out[i].factuality.cue = "shared:" + e.factuality.cue;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<int> ParticipantList(const Document& doc, int si, const Mentions& m) {
  // The cue opens the sentence: "Participants in the call included ...",
  // "Joining the President at the meeting were ...", "The delegation was
  // led by ...", "Also attending were ...". Returns where the list starts.
  auto cue_at = [&](const Sentence& s) {
    bool delegation = false;
    for (int k = s.first; k < s.last && k < s.first + 8; ++k) {
      const std::string& w = doc.tokens[k].norm;
      if (w == "participants" || w == "participant" || w == "attendees" || w == "joining" ||
          w == "attending") {
        return k + 1;
      }
      if (w == "delegation" || w == "delegations") delegation = true;
      if (delegation && (w == "led" || w == "headed")) return k + 1;
    }
    return -1;
  };
  const Sentence& s = doc.sentences[si];
  int from = cue_at(s);
  if (from < 0 && si > 0) {
    // The list line after "... the following leaders:".
    const Sentence& prev = doc.sentences[si - 1];
    if (cue_at(prev) >= 0 && doc.tokens[prev.last - 1].norm == ":") from = s.first;
  }
  if (from < 0) return {};
  std::vector<int> out;
  for (const PersonMention& p : m.people) {
    if (p.first < from || p.last > s.last || p.entity < 0) continue;
    if (std::find(out.begin(), out.end(), p.entity) == out.end()) out.push_back(p.entity);
  }
  return out;
}

std::vector<DraftEvent> EventsInSentence(const Document& doc, int sentence_index,
                                         const Mentions& mentions,
                                         const std::vector<Entity>& entities,
                                         const SentenceParse* parse) {
  return SentenceEvents(doc, sentence_index, mentions, entities, parse).Run();
}

}  // namespace newsgraph
