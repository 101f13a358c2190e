#include "importers/statements.h"

#include <algorithm>
#include <initializer_list>

#include "absl/container/flat_hash_set.h"
#include "importers/arguments.h"
#include "importers/text.h"

namespace newsgraph {
namespace {

using Set = absl::flat_hash_set<std::string>;

const Set& SanctionVerbs() {  // "... sanctions on Y"
  static const auto* k = new Set{"imposed", "imposes", "impose", "imposing", "announced",
                                 "announces", "slapped", "slaps", "levied", "levies",
                                 "unveiled", "unveils", "introduced", "introduces",
                                 "adopted", "adopts", "placed", "places", "expanded",
                                 "expands", "extended", "extends", "tightened"};
  return *k;
}
const Set& SupportVerbs() {  // "... support for Y"
  static const auto* k = new Set{
      "expressed", "expresses", "voiced", "voices", "reiterated", "reiterates", "reaffirmed",
      "reaffirms", "pledged", "pledges", "offered", "offers", "declared", "declares",
      "underscored", "underscores", "underlined", "underlines", "stressed", "stresses",
      "emphasized", "emphasizes", "emphasised", "emphasises", "conveyed", "conveys",
      "affirmed", "affirms", "restated", "restates", "confirmed", "confirms"};
  return *k;
}
const Set& AccuseVerbs() {  // "X condemned Y"
  static const auto* k = new Set{"condemned", "condemns", "accused", "accuses", "criticized",
                                 "criticizes", "criticised", "criticises", "blamed", "blames",
                                 "denounced", "denounces", "rebuked", "rebukes"};
  return *k;
}

// Words allowed between an auxiliary-free subject and its verb.
bool Adverbial(const std::string& w) {
  return IsOneOf(w, {"has", "have", "had", "will", "would", "also", "jointly", "today", "again",
                "strongly", "publicly", "repeatedly", "already", "previously", "swiftly",
                "then", "later", "separately", "formally", "sharply", "firmly", "once",
                "further", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday", "yesterday", "just", "recently", "now"});
}

// Nouns that stand for a state's institutions after its name or demonym
// ("the Chinese government", "the US Treasury").
bool InstitutionWord(const std::string& w) {
  return IsOneOf(w, {"government", "administration", "ministry", "department", "officials",
                "authorities", "leadership", "office", "state", "treasury", "foreign",
                "cabinet", "parliament", "council", "commission", "'s"});
}

class Reader {
 public:
  Reader(const Document& doc, const Sentence& s, const Mentions& m,
         const std::vector<Entity>& entities, const KnowledgeBase& kb)
      : doc_(doc), s_(s), m_(m), entities_(entities), kb_(kb) {}

  std::vector<StatementDraft> Run();

 private:
  const std::string& Norm(int k) const {
    static const std::string kEmpty;
    return k >= s_.first && k < s_.last ? doc_.tokens[k].norm : kEmpty;
  }
  // The person or actor covering token k, as a participant; false if none.
  bool ItemAt(int k, Participant* p, int* entity, int* first, int* last) const;
  // The named side starting at (or a few modifiers after) token `from`,
  // with coordinated items ("Russia and Belarus").
  bool SideAfter(int from, StatementDraft* d, int* side_size) const;
  // The subject ending right before the verb at `verb`.
  bool SideBefore(int verb, StatementDraft* d) const;
  // The statement of the verb at `verb`: the actors before it are the
  // source, those from `target_from` on the target; `source_count`, when
  // given, receives how many lead the participants.
  bool Emit(const std::string& type, int verb, int target_from, const char* rule,
            std::vector<StatementDraft>* out, size_t* source_count = nullptr) const;
  // "X was sanctioned by Y": Emit with the sides swapped.
  bool EmitPassive(const std::string& type, int subject_end, int agent_from, const char* rule,
                   std::vector<StatementDraft>* out) const;

  const Document& doc_;
  const Sentence& s_;
  const Mentions& m_;
  const std::vector<Entity>& entities_;
  const KnowledgeBase& kb_;
};

bool Reader::ItemAt(int k, Participant* p, int* entity, int* first, int* last) const {
  if (k < s_.first || k >= s_.last) return false;
  const int pi = m_.person_at[k];
  if (pi >= 0) {
    const PersonMention& pm = m_.people[pi];
    if (pm.entity < 0) return false;
    const Entity& e = entities_[pm.entity];
    p->kind = pb::PERSON;
    p->kb_key = e.kb_key;
    p->name = e.name;
    p->state = e.state;
    p->role = RoleNear(m_, e, k);
    *entity = pm.entity;
    *first = HeadStart(doc_, s_, m_, pm);
    *last = HeadEnd(pm);
    return true;
  }
  const int ai = m_.actor_at[k];
  if (ai < 0) return false;
  const ActorMention& a = m_.actors[ai];
  // "the US-Australia alliance": a modifier, not the party itself.
  if (a.last < s_.last && doc_.tokens[a.last].norm == "-") return false;
  *entity = -1;
  *first = a.first;
  *last = a.last;
  if (a.kind == GazKind::kAlliance) {
    p->kind = pb::ALLIANCE;
    p->kb_key = a.key;
    p->name = a.key;
    p->state = a.key;
  } else {
    const pb::KbState* st = kb_.StateByCode(a.key);
    if (st == nullptr) return false;
    p->kind = pb::STATE;
    p->kb_key = a.key;
    p->name = st->name();
    p->state = a.key;
  }
  p->role.clear();
  return true;
}

bool Reader::SideAfter(int from, StatementDraft* d, int* side_size) const {
  int k = from;
  int skipped = 0;
  // A title opens a person's phrase: "on President X" starts at X.
  auto title_of = [&](int at) {
    for (const PersonMention& pm : m_.people) {
      if (pm.first > at && pm.first < s_.last && HeadStart(doc_, s_, m_, pm) == at) {
        return pm.first;
      }
    }
    return -1;
  };
  while (k < s_.last && skipped < 3) {
    const Token& t = doc_.tokens[k];
    if (m_.person_at[k] >= 0 || m_.actor_at[k] >= 0) break;
    if (const int name = title_of(k); name >= 0) {
      k = name;
      break;
    }
    if (!t.word || t.cap || IsClauseBoundary(t.norm) ||
        IsOneOf(t.norm, {"of", "to", "in", "on", "for", "with", "by", "from", "at", "against"})) {
      return false;
    }
    ++k;
    ++skipped;
  }
  *side_size = 0;
  while (k < s_.last && *side_size < 6) {
    Participant p;
    int e = -1, first = 0, last = 0;
    if (!ItemAt(k, &p, &e, &first, &last)) break;
    d->participants.push_back(p);
    d->entity.push_back(e);
    ++*side_size;
    k = last;
    // "Russia and Belarus", "A, B and C".
    if (k + 1 < s_.last && (Norm(k) == "and" || Norm(k) == ",")) {
      int n = k + 1;
      if (Norm(n) == "and") ++n;
      if (Norm(n) == "the") ++n;
      if (const int name = title_of(n); name >= 0) n = name;
      if (n < s_.last && (m_.person_at[n] >= 0 || m_.actor_at[n] >= 0)) {
        k = n;
        continue;
      }
    }
    break;
  }
  return *side_size > 0;
}

bool Reader::SideBefore(int verb, StatementDraft* d) const {
  int k = verb - 1;
  while (k >= s_.first && Adverbial(Norm(k))) --k;
  // "the Chinese government", "the US Treasury Department".
  int skipped = 0;
  while (k >= s_.first && skipped < 3 && m_.person_at[k] < 0 && m_.actor_at[k] < 0 &&
         doc_.tokens[k].word && (doc_.tokens[k].cap || InstitutionWord(Norm(k)))) {
    --k;
    ++skipped;
  }
  if (k >= s_.first && Norm(k) == "'s") return false;  // "Russia's attack condemned ..."
  std::vector<Participant> side;
  std::vector<int> ents;
  while (k >= s_.first) {
    Participant p;
    int e = -1, first = 0, last = 0;
    if (!ItemAt(k, &p, &e, &first, &last)) break;
    side.push_back(p);
    ents.push_back(e);
    k = first - 1;
    if (k >= s_.first && Norm(k) == "the") --k;
    if (k - 1 >= s_.first && (Norm(k) == "and" || Norm(k) == ",")) {
      int n = k - 1;
      if (Norm(n) == ",") --n;
      if (n >= s_.first && (m_.person_at[n] >= 0 || m_.actor_at[n] >= 0)) {
        k = n;
        continue;
      }
    }
    break;
  }
  if (side.empty()) return false;
  // An object or complement, not a subject: "talks with X condemned ...".
  if (k >= s_.first && IsOneOf(Norm(k), {"of", "on", "against", "to", "with", "for", "by", "from",
                                    "that", "which", "who", "about", "at", "in"})) {
    return false;
  }
  std::reverse(side.begin(), side.end());
  std::reverse(ents.begin(), ents.end());
  d->participants.insert(d->participants.begin(), side.begin(), side.end());
  d->entity.insert(d->entity.begin(), ents.begin(), ents.end());
  return true;
}

bool Reader::Emit(const std::string& type, int verb, int target_from, const char* rule,
                  std::vector<StatementDraft>* out, size_t* source_count) const {
  StatementDraft d;
  d.plover_type = type;
  d.trigger.first = verb;
  d.trigger.last = verb + 1;
  d.trigger.verb = true;
  d.trigger.rule = rule;
  d.rule = rule;
  int target_size = 0;
  if (!SideAfter(target_from, &d, &target_size)) return false;
  if (!SideBefore(verb, &d)) return false;
  // No one on both sides; a state's own official is not its target.
  const size_t source_size = d.participants.size() - target_size;
  for (size_t j = d.participants.size(); j-- > source_size;) {
    bool own = false;
    for (size_t i = 0; i < source_size; ++i) {
      own |= d.participants[j].kind != pb::PERSON &&
             d.participants[j].kb_key == d.participants[i].state;
    }
    if (own) {
      d.participants.erase(d.participants.begin() + j);
      d.entity.erase(d.entity.begin() + j);
      --target_size;
    }
  }
  if (target_size == 0) return false;
  for (size_t i = 0; i < source_size; ++i) {
    for (size_t j = source_size; j < d.participants.size(); ++j) {
      const Participant& a = d.participants[i];
      const Participant& b = d.participants[j];
      if (a.kind == b.kind && a.kb_key == b.kb_key && a.name == b.name) return false;
    }
  }
  if (source_count != nullptr) *source_count = source_size;
  out->push_back(std::move(d));
  return true;
}

bool Reader::EmitPassive(const std::string& type, int subject_end, int agent_from,
                         const char* rule, std::vector<StatementDraft>* out) const {
  std::vector<StatementDraft> one;
  size_t subject_size = 0;
  if (!Emit(type, subject_end, agent_from, rule, &one, &subject_size)) return false;
  // Emit reads the subject as the source; in the passive it is the target.
  StatementDraft& d = one[0];
  std::rotate(d.participants.begin(), d.participants.begin() + subject_size,
              d.participants.end());
  std::rotate(d.entity.begin(), d.entity.begin() + subject_size, d.entity.end());
  out->push_back(std::move(d));
  return true;
}

std::vector<StatementDraft> Reader::Run() {
  std::vector<StatementDraft> out;
  for (int i = s_.first; i < s_.last; ++i) {
    const std::string& w = doc_.tokens[i].norm;
    // Hedged or conditional wording makes no statement.
    auto hedged = [&]() {
      for (int k = i - 1; k >= s_.first && k >= i - 6; --k) {
        const std::string& b = Norm(k);
        if (IsOneOf(b, {"if", "threatened", "threatens", "threat", "warned", "warns", "could",
                   "would", "might", "may", "not", "never", "considering", "consider",
                   "urged", "urges", "called", "calling", "asked", "refused", "failure",
                   "failed", "to"})) {
          return true;
        }
        if (IsClauseBoundary(b)) break;
      }
      return false;
    };
    if (SanctionVerbs().contains(w)) {
      int k = i + 1;
      while (k < s_.last && k <= i + 6 && doc_.tokens[k].word && !doc_.tokens[k].cap &&
             !IsOneOf(Norm(k), {"sanctions", "sanction"}) && !IsClauseBoundary(Norm(k))) {
        ++k;
      }
      if (!IsOneOf(Norm(k), {"sanctions", "sanction"})) continue;
      int q = k + 1;
      while (q < s_.last && q <= k + 5 && !IsOneOf(Norm(q), {"on", "against", "targeting"}) &&
             doc_.tokens[q].word && !doc_.tokens[q].cap && !IsClauseBoundary(Norm(q))) {
        ++q;
      }
      if (!IsOneOf(Norm(q), {"on", "against", "targeting"}) || hedged()) continue;
      Emit("SANCTION", i, q + 1, "sanction:imposed-sanctions-on", &out);
      continue;
    }
    // "Russia was hit with fresh sanctions by Japan": the agent imposed them.
    if (w == "hit" && i > s_.first && IsOneOf(Norm(i - 1), {"was", "were", "been", "is", "are"}) &&
        Norm(i + 1) == "with") {
      int k = i + 2;
      while (k < s_.last && k <= i + 5 && !IsOneOf(Norm(k), {"sanctions", "sanction"}) &&
             doc_.tokens[k].word && !doc_.tokens[k].cap) {
        ++k;
      }
      if (k + 1 < s_.last && IsOneOf(Norm(k), {"sanctions", "sanction"}) && Norm(k + 1) == "by" &&
          !hedged()) {
        EmitPassive("SANCTION", i - 1, k + 2, "sanction:hit-with-sanctions-by", &out);
      }
      continue;
    }
    if (w == "sanctioned" && i > s_.first && Norm(i + 1) == "by" &&
        IsOneOf(Norm(i - 1), {"was", "were", "been", "be", "being"})) {
      // "Russian officials were sanctioned by the EU": the agent imposed
      // them on the subject.
      int subject_end = i - 1;
      while (subject_end - 1 >= s_.first &&
             IsOneOf(Norm(subject_end - 1), {"was", "were", "been", "has", "have", "had",
                                             "also", "already", "newly", "recently"})) {
        --subject_end;
      }
      int k = subject_end;
      while (k - 1 >= s_.first && k > subject_end - 2 && !doc_.tokens[k - 1].cap &&
             IsOneOf(Norm(k - 1), {"officials", "firms", "companies", "banks", "entities",
                                   "individuals", "oligarchs", "businesses", "leaders"})) {
        --k;
      }
      if (!hedged()) EmitPassive("SANCTION", k, i + 2, "sanction:sanctioned-by", &out);
      continue;
    }
    if (w == "sanctioned" && i > s_.first && doc_.tokens[i - 1].word &&
        !IsOneOf(Norm(i - 1), {"was", "were", "is", "are", "be", "been", "being", "get", "got",
                          "already", "newly", "previously", "and", "or", "the", "a"}) &&
        !IsOneOf(Norm(i + 1), {"by", "for", "under", "in", "as"})) {
      // "Washington sanctioned three Russian officials".
      if (!hedged()) Emit("SANCTION", i, i + 1, "sanction:sanctioned", &out);
      continue;
    }
    if (SupportVerbs().contains(w)) {
      int k = i + 1;
      while (k < s_.last && k <= i + 5 && doc_.tokens[k].word && !doc_.tokens[k].cap &&
             !IsOneOf(Norm(k), {"support", "solidarity", "backing"}) && !IsClauseBoundary(Norm(k))) {
        ++k;
      }
      if (!IsOneOf(Norm(k), {"support", "solidarity", "backing"})) continue;
      const std::string& prep = Norm(k + 1);
      if (!(prep == "for" || (Norm(k) == "solidarity" && prep == "with"))) continue;
      if (hedged()) continue;
      Emit("SUPPORT", i, k + 2, "support:expressed-support-for", &out);
      continue;
    }
    if (AccuseVerbs().contains(w)) {
      if (hedged()) continue;
      Emit("ACCUSE", i, i + 1, "accuse:verb", &out);
    }
  }
  return out;
}

}  // namespace

std::vector<StatementDraft> StatementsInSentence(const Document& doc, int sentence_index,
                                                 const Mentions& mentions,
                                                 const std::vector<Entity>& entities,
                                                 const KnowledgeBase& kb) {
  return Reader(doc, doc.sentences[sentence_index], mentions, entities, kb).Run();
}

}  // namespace newsgraph
