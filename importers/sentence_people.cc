// Who a trigger's people are, for SentenceEvents (internal/sentence_events.h):
// the arguments the sentence's parse links to it, the people a pronoun, a
// plural, a group or a title stands for, and the bystanders the parse puts
// in another clause.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/arguments.h"
#include "importers/group_references.h"
#include "importers/internal/sentence_events.h"
#include "importers/parse/link_arguments.h"

namespace newsgraph::internal {
namespace {

// Adds one step to an explanation: "S:Joe Biden; MV:with>J:Xi Jinping".
void AppendStep(std::string* how, absl::string_view step) {
  absl::StrAppend(how, how->empty() ? "" : "; ", step);
}

// "a group of African leaders", "a delegation of ministers": the group
// noun a collective noun's "of" phrase names, or `tok` itself.
int GroupOfHead(const Document& doc, const Sentence& s, int tok) {
  if (!IsOneOf(doc.tokens[tok].norm, {"group", "delegation", "handful", "number", "team",
                                      "pair", "trio", "party", "contingent"})) {
    return tok;
  }
  if (tok + 1 >= s.last || doc.tokens[tok + 1].norm != "of") return tok;
  for (int k = tok + 2; k < s.last && k <= tok + 5; ++k) {
    if (IsGroupNoun(doc.tokens[k].norm)) return k;
    if (!doc.tokens[k].word) break;
  }
  return tok;
}

}  // namespace

bool SentenceEvents::PairBefore(const Trigger& t) const {
  const int vs = VerbStart(t) >= 0 ? VerbStart(t) : t.first;
  for (int k = vs - 1; k >= s_.first && k >= vs - 6; --k) {
    const std::string& w = doc_.tokens[k].norm;
    // "the two leaders", "both men", "the pair", "the two": the contact's
    // pair named before.
    const std::string& d = k - 1 >= s_.first ? doc_.tokens[k - 1].norm : "";
    const bool bare = (IsOneOf(w, {"pair", "duo"}) && d == "the") ||
                      (w == "two" && d == "the" && k + 1 == vs);
    if (w == "leaders" || w == "men" || w == "presidents" || w == "counterparts" || bare) {
      if (!bare && d != "two" && d != "both") return false;
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
    // "X greeted him": an object pronoun is the nearest person named before
    // it ("reached out to Y, inviting him" is Y), but never the subject of
    // its own verb.
    if (w == "him" && tok - 1 >= s_.first) {
      for (int mi = static_cast<int>(m_.people.size()) - 1; mi >= 0; --mi) {
        const PersonMention& p = m_.people[mi];
        if (p.last > tok || p.entity < 0 || HasEntity(exclude, p.entity)) continue;
        if (p.first < doc_.sentences[std::max(0, doc_.SentenceOf(tok) - 2)].first) break;
        // A possessor ("Biden's aid package") is rarely the one referred to.
        const int after = HeadEnd(p);
        if (after < static_cast<int>(doc_.tokens.size()) && doc_.tokens[after].norm == "'s") {
          continue;
        }
        // The subject: right before the verb, and itself no object ("to Y").
        const int before = p.first - 1;
        const bool object = before >= s_.first &&
                            (IsPreposition(doc_.tokens[before].norm) ||
                             IsOneOf(doc_.tokens[before].norm, {"met", "called", "told"}));
        if (p.first >= s_.first && !object && SubjectGap(doc_, HeadEnd(p), tok - 1)) continue;
        absl::StrAppend(how, " (coref him->", p.name, ")");
        return mi;
      }
      return -1;
    }
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
      // On a call, "to Y" names the one spoken to ("relayed it to Y in a call").
      const bool addressed = doc_.tokens[l.left].norm == "to" &&
                             (t.mode == "phone" || t.mode == "video");
      if (!addressed &&
          !IsOneOf(doc_.tokens[l.left].norm, {"with", "between", "among", "alongside", "by"})) {
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

bool SentenceEvents::ParseArguments(const Trigger& t, Parsed* out,
                                    const std::vector<int>& rule_subjects) const {
  if (parse_ == nullptr) return false;
  const int head = t.verb ? t.first : t.last - 1;
  std::vector<int> others;
  for (const Trigger& o : triggers_) {
    if (o.first != t.first) others.push_back(o.verb ? o.first : o.last - 1);
  }
  std::vector<LinkArgument> args = LinkArguments(doc_, *parse_, head, t.verb, others);
  // "X began his visit", "X held her first talks": a possessive pronoun
  // beside a subject is that subject.
  // "engagement between Turkey and Greece": a contact of states, whose
  // people the sentence does not give; not the clause's.
  bool between = false, between_people = false;
  for (const LinkArgument& a : args) {
    if (!absl::StartsWith(a.path, "M:between")) continue;
    between = true;
    between_people |= m_.actor_at[a.token] < 0 || m_.person_at[a.token] >= 0;
  }
  if (!t.verb && between && !between_people) {
    out->how = "between states";
    return true;
  }
  // "between A and B, C ...": a "between" list ends with the conjunct
  // after its "and"; a name after a further comma opens another clause.
  int between_and = -1;
  for (const LinkArgument& a : args) {
    if (!absl::StartsWith(a.path, "M:between")) continue;
    for (int k = a.token - 1; k >= s_.first && k >= a.token - 4; --k) {
      if (doc_.tokens[k].norm == "and" && (between_and < 0 || k < between_and)) between_and = k;
      if (doc_.tokens[k].norm == ",") break;
    }
  }
  if (between_and >= 0) {
    args.erase(std::remove_if(args.begin(), args.end(),
                              [&](const LinkArgument& a) {
                                if (!absl::StartsWith(a.path, "M:between")) return false;
                                for (int k = between_and; k < a.token; ++k) {
                                  if (doc_.tokens[k].norm == ",") return true;
                                }
                                return false;
                              }),
               args.end());
  }
  bool subject = false;
  for (const LinkArgument& a : args) subject |= a.subject && a.path != "D";
  if (subject) {
    args.erase(std::remove_if(args.begin(), args.end(),
                              [](const LinkArgument& a) { return a.path == "D"; }),
               args.end());
  }
  for (LinkArgument a : args) {
    a.token = GroupOfHead(doc_, s_, a.token);
    const std::string& w = doc_.tokens[a.token].norm;
    if (m_.person_at[a.token] < 0 && (IsGroupNoun(w) || IsDelegationNoun(w) || w == "counterpart")) {
      // "X met his counterparts": counterparts hold X's office.
      std::string role;
      std::string host;  // "met the visiting ministers": guests of the subject's state
      const std::vector<int>& relative_to = out->subjects.empty() ? rule_subjects : out->subjects;
      if (!relative_to.empty()) {
        const int e = m_.people[relative_to[0]].entity;
        role = RoleNear(m_, entities_[e], a.token);
        if (IsVisitingGroup(doc_, a.token)) host = entities_[e].state;
        // One counterpart needs an office to match; a subject named without
        // a title holds the one the knowledge base gives.
        if (role.empty() && w == "counterpart") role = entities_[e].kb_role;
      }
      GroupReference gr = ResolveGroup(doc_, m_, entities_, a.token, role);
      for (int e : gr.entities) {
        if (host.empty() || entities_[e].state != host) AddOnce(&out->group, e);
      }
      out->group_one_side |= a.subject && IsDelegationNoun(w);
      if (!gr.entities.empty()) {
        AppendStep(&out->how, absl::StrCat(a.path, ":", gr.how));
        continue;
      }
    }
    const int at = m_.person_at[a.token];
    if (at < 0 || m_.people[at].entity < 0) {
      const int e = ResolveTitleReference(doc_, m_, entities_, a.token);
      if (e >= 0 && std::find(out->group.begin(), out->group.end(), e) == out->group.end()) {
        out->group.push_back(e);
        AppendStep(&out->how, absl::StrCat(a.path, ":title:", w, "->", entities_[e].name));
        continue;
      }
    }
    if (a.subject && IsOneOf(w, {"they", "their", "leaders", "presidents", "ministers", "men",
                                 "counterparts", "two", "both"})) {
      out->plural = a.token;
      AppendStep(&out->how, absl::StrCat(a.path, ":", w));
      continue;
    }
    std::vector<int> exclude = out->subjects;
    exclude.insert(exclude.end(), out->objects.begin(), out->objects.end());
    std::string how;
    const int mi = PersonOfToken(a.token, exclude, &how);
    if (mi < 0) continue;
    std::vector<int>& into = a.subject ? out->subjects : out->objects;
    auto known = [&](int e) { return HasEntity(out->subjects, e) || HasEntity(out->objects, e); };
    if (known(m_.people[mi].entity)) continue;
    if (!a.subject) out->object_paths.push_back(a.path);
    into.push_back(mi);
    AppendStep(&out->how, absl::StrCat(a.path, ":", m_.people[mi].name, how));
    // "President Lowe and President Hart said": names the parse left out of
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
      AppendStep(&out->how, absl::StrCat(a.path, ">and:", m_.people[before].name));
    }
  }
  return true;
}

std::vector<int> SentenceEvents::Travellers(const Trigger& t) const {
  Parsed pa;
  if (!ParseArguments(t, &pa)) return {};
  std::vector<int> out;
  auto add = [&](int e) { AddOnce(&out, e); };
  if (t.rule == "verb:invited-to") {  // the one invited travels
    for (size_t i = 0; i < pa.objects.size(); ++i) {
      if (pa.object_paths[i] == "O") add(m_.people[pa.objects[i]].entity);
    }
    return out;
  }
  if (t.rule == "verb:represented-by") {  // the agent goes in the subject's place
    for (size_t i = 0; i < pa.objects.size(); ++i) {
      if (absl::StartsWith(pa.object_paths[i], "MV:by")) add(m_.people[pa.objects[i]].entity);
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
  // "X will receive them after their trip": one person is not "them".
  if (out.size() == 1 && OwnedByThem(doc_, s_, t)) out.clear();
  return out;
}

bool SentenceEvents::Possessed(const Trigger& t, const PersonMention& p) const {
  for (int k = t.first - 1; k >= s_.first && k >= t.first - 4; --k) {
    if (doc_.tokens[k].norm == "'s") return k > p.last;
    if (!doc_.tokens[k].word || (doc_.tokens[k].cap && !IsNonNameWord(doc_.tokens[k].norm))) {
      return false;
    }
  }
  return false;
}

bool SentenceEvents::PossessorOfOther(int mi) const {
  const int after = HeadEnd(m_.people[mi]);
  if (after >= s_.last || doc_.tokens[after].norm != "'s") return false;
  // "a meeting at X's beach house": the owner of the place of a contact
  // is its host, and there.
  const int before = Start(mi) - 1;
  if (before >= s_.first && IsOneOf(doc_.tokens[before].norm, {"at", "in"})) {
    for (int k = after + 1; k < s_.last && k <= after + 3; ++k) {
      if (IsOneOf(doc_.tokens[k].norm, {"home", "house", "residence", "estate", "ranch",
                                        "dacha", "office", "compound", "villa", "farm"})) {
        return false;
      }
    }
  }
  for (const Trigger& t : triggers_) {
    if (t.mode != "visit" && t.first > after && t.first <= after + 4) return false;
  }
  return true;
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
  // "X pledged support after holding talks with Y", "X said before
  // meeting Y": a participle clause after a conjunction of time has the
  // sentence's subject, named first with no one between.
  const int lead = t.verb ? t.first : VerbStart(t);
  const std::string& head = lead >= 0 ? doc_.tokens[lead].norm : "";
  if (lead - 1 > s_.first && head.size() > 4 && head.compare(head.size() - 3, 3, "ing") == 0 &&
      IsOneOf(doc_.tokens[lead - 1].norm, {"after", "before", "while", "following", "upon"})) {
    int first = -1;
    for (int mi : people_) {
      if (m_.people[mi].first >= lead) break;
      if (first >= 0) return -1;  // someone else named between
      first = mi;
    }
    return first >= 0 && Start(first) == s_.first ? first : -1;
  }
  // "X is committed to Ukraine, having met Y six times", "X flew home,
  // meeting Y on the way": the sentence's subject, named first.
  int k = t.first - 1;
  if (k >= s_.first && doc_.tokens[k].norm == "having") --k;
  const bool having = k < t.first - 1;
  // A quotation closed before the comma: 'his "peace missions," meeting X'.
  while (k >= s_.first && IsOneOf(doc_.tokens[k].norm, {"\"", "\u201d", "'", "\u2019"})) --k;
  const std::string& w = doc_.tokens[t.first].norm;
  const bool participle = having || (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0);
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
    // The phrase holds no clause of its own: "After he met Y, ...". A
    // preposition before a noun phrase opens none: "since the election".
    const std::string& w = doc_.tokens[comma].norm;
    const bool noun_phrase =
        IsOneOf(w, {"since", "after", "before", "until"}) && comma + 1 < s_.last &&
        (IsOneOf(doc_.tokens[comma + 1].norm, {"the", "a", "an", "his", "her", "their", "its",
                                                "last"}) ||
         IsDateWord(doc_.tokens[comma + 1].norm));
    if (IsClauseBoundary(w) && !noun_phrase) return -1;
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

}  // namespace newsgraph::internal
