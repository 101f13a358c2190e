#include "importers/coref.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "schema/dates.h"

namespace newsgraph {
namespace {

std::string Capitalized(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

bool FamilyFirstState(absl::string_view code) {
  return code == "CN" || code == "TW" || code == "HK" || code == "KP" || code == "KR";
}

int32_t SpanStart(const pb::KbSpan& span) {
  if (span.from().empty()) return INT_MIN;
  auto parsed = ParseIsoSpan(span.from());
  return parsed.ok() ? parsed->from_day() : INT_MIN;
}

// Edits (insert, delete, replace) from `a` to `b`; short words only.
int Edits(const std::string& a, const std::string& b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Given names agree when one spells the other ("Sergey"/"Sergei",
// "Dmitry"/"Dmytro": the same first letter and two edits at most) or
// shortens it ("Joe"/"Joseph"), so a differently spelt full name still
// finds its KB person, while "Hunter Biden" and "Jill Biden" do not become
// Joe.
bool GivenNamesAgree(const std::vector<std::string>& read,
                     const std::vector<std::string>& known,
                     const std::vector<std::string>& surname) {
  auto given = [&](const std::vector<std::string>& toks) -> std::string {
    for (const std::string& t : toks) {
      if (t.size() > 1 && t != "-" &&
          std::find(surname.begin(), surname.end(), t) == surname.end()) {
        return t;
      }
    }
    return "";
  };
  std::string a = given(read), b = given(known);
  if (a.empty() || b.empty()) return true;
  if (a[0] != b[0]) return false;
  if (a.compare(0, b.size(), b) == 0 || b.compare(0, a.size(), a) == 0) return true;
  return Edits(a, b) <= 2;
}

// "Prince William", "Queen Rania": a royal title right before one name.
bool IsRoyalStyle(const PersonMention& p) {
  const std::string& h = p.title.head;
  return p.rule == "title-surname" && p.name_tokens.size() == 1 && p.title.last == p.first &&
         (h == "prince" || h == "princess" || h == "king" || h == "queen");
}

// The names of the office a title-only reference uses: "the premier" is
// the prime minister, "the top diplomat" the foreign minister (or the
// secretary of state).
std::vector<std::vector<std::string>> OfficeNames(const std::vector<std::string>& title) {
  std::vector<std::vector<std::string>> out = {title};
  if (title.empty()) return out;
  if (title.back() == "premier") out.push_back({"prime", "minister"});
  if (title.back() == "diplomat" && title.size() >= 2 && IsOneOf(title[0], {"top", "chief"})) {
    out.push_back({"foreign", "minister"});
    out.push_back({"foreign", "affairs"});
    out.push_back({"secretary", "of", "state"});
  }
  return out;
}

bool NamesOffice(const std::vector<std::string>& role,
                 const std::vector<std::vector<std::string>>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::vector<std::string>& n) {
    return !n.empty() && std::search(role.begin(), role.end(), n.begin(), n.end()) != role.end();
  });
}

// Offices a state has one holder of: "the Italian premier" is the one
// Italian leader the article names.
bool OneHolderOffice(const std::vector<std::string>& title) {
  if (title.empty()) return false;
  const std::string& head = title.back();
  return IsOneOf(head, {"president", "premier", "chancellor", "leader", "taoiseach"}) ||
         (head == "diplomat" && title.size() >= 2 && IsOneOf(title[0], {"top", "chief"})) ||
         (title.size() >= 2 && head == "minister" &&
          IsOneOf(title[title.size() - 2], {"prime", "foreign"}));
}

class Resolver {
 public:
  Resolver(const KnowledgeBase& kb, int32_t day, Mentions* m) : kb_(kb), day_(day), m_(m) {}

  std::vector<Entity> Run();

 private:
  int KbEntity(const std::string& key, const std::string& rule);
  int LearnedEntity(const PersonMention& p);
  int ResolveShort(int mention_index);
  int ResolveTitle(int mention_index);
  // The entities named before `p` to whom the text (or, `by_kb`, the
  // knowledge base on the day) gives the office its title names.
  absl::flat_hash_set<int> TitleHolders(const PersonMention& p, bool by_kb) const;
  // Of `entities`, the one mentioned last before token `before`; -1 if none.
  int LastMentioned(const absl::flat_hash_set<int>& entities, int before) const;
  // "Prince William" named nowhere else in full: royals are known by
  // title and given name, which is the name the entity gets.
  int RoyalEntity(const PersonMention& p);
  std::string PickKbCandidate(const PersonMention& p) const;

  const KnowledgeBase& kb_;
  int32_t day_;
  Mentions* m_;
  std::vector<Entity> entities_;
  absl::flat_hash_map<std::string, int> by_kb_;
  absl::flat_hash_map<std::string, int> by_name_;
};

int Resolver::KbEntity(const std::string& key, const std::string& rule) {
  auto it = by_kb_.find(key);
  if (it != by_kb_.end()) return it->second;
  const pb::KbPerson* person = kb_.PersonByKey(key);
  Entity e;
  e.kb_key = key;
  e.rule = rule;
  if (person != nullptr) {
    e.name = person->name();
    e.state = KbStateOn(kb_, *person, day_);
    if (const pb::KbRole* r = kb_.RoleOn(*person, day_)) e.kb_role = r->title();
    e.name_tokens = NormalizedTokens(person->name());
    bool family_first = FamilyFirstState(e.state);
    std::vector<std::string> names{person->name()};
    names.insert(names.end(), person->aliases().begin(), person->aliases().end());
    for (const std::string& n : names) {
      std::vector<std::string> s =
          AliasSurnameTokens(n, SurnameTokens(person->name(), family_first), family_first);
      if (!s.empty()) e.surnames.push_back(s);
    }
  }
  int id = static_cast<int>(entities_.size());
  entities_.push_back(std::move(e));
  by_kb_[key] = id;
  return id;
}

std::string Resolver::PickKbCandidate(const PersonMention& p) const {
  std::vector<std::string> fits, active;
  absl::flat_hash_set<std::string> seen;
  for (const std::string& key : p.kb_candidates) {
    if (!seen.insert(key).second) continue;
    const pb::KbPerson* person = kb_.PersonByKey(key);
    if (person == nullptr) continue;
    if (!p.short_form) {
      std::vector<std::string> known = NormalizedTokens(person->name());
      bool ok = false;
      for (const auto& s : {SurnameTokens(person->name(), false),
                            SurnameTokens(person->name(), true)}) {
        // The name read must contain this surname ("Kim Myung-soo" has no
        // "Un"), and then agree on the given name.
        bool contains = !s.empty();
        for (const std::string& tok : s) {
          contains &= std::find(p.name_tokens.begin(), p.name_tokens.end(), tok) !=
                      p.name_tokens.end();
        }
        if (contains && GivenNamesAgree(p.name_tokens, known, s)) ok = true;
      }
      if (!ok) continue;
    }
    fits.push_back(key);
    if (kb_.RoleOn(*person, day_) != nullptr) active.push_back(key);
  }
  if (active.size() == 1) return active[0];
  if (active.size() > 1 && !p.title.head.empty()) {
    // "President Zelenskyy" of a president and a first lady sharing the
    // surname: the one whose office the title names.
    std::vector<std::string> titled;
    for (const std::string& key : active) {
      const pb::KbRole* r = kb_.RoleOn(*kb_.PersonByKey(key), day_);
      if (absl::StrContains(absl::AsciiStrToLower(r->title()), p.title.head)) titled.push_back(key);
    }
    if (titled.size() == 1) return titled[0];
  }
  if (fits.size() == 1) return fits[0];
  return "";
}

int Resolver::LearnedEntity(const PersonMention& p) {
  std::string key = absl::StrJoin(p.name_tokens, " ");
  auto it = by_name_.find(key);
  if (it != by_name_.end()) return it->second;
  // Another spelling of someone already read: same surname, same initial.
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (!e.kb_key.empty() || e.name_tokens.empty() || p.name_tokens.empty()) continue;
    if (e.name_tokens.back() == p.name_tokens.back() &&
        e.name_tokens.front()[0] == p.name_tokens.front()[0]) {
      by_name_[key] = static_cast<int>(i);
      return static_cast<int>(i);
    }
  }
  Entity e;
  e.name = p.name;
  e.name_tokens = p.name_tokens;
  e.state = p.nationality;
  e.rule = "learned";
  std::vector<std::string> words;
  for (const std::string& t : p.name_tokens) {
    if (t.size() > 1 && t != "-") words.push_back(t);
  }
  if (!words.empty()) {
    e.surnames.push_back({words.back()});
    if (words.size() > 1) e.surnames.push_back({words.front()});
  }
  int id = static_cast<int>(entities_.size());
  entities_.push_back(std::move(e));
  by_name_[key] = id;
  return id;
}

int Resolver::RoyalEntity(const PersonMention& p) {
  PersonMention styled = p;
  styled.name = absl::StrCat(Capitalized(p.title.head), " ", p.name);
  styled.name_tokens = {p.title.head, p.name_tokens[0]};
  const int id = LearnedEntity(styled);
  entities_[id].surnames = {{p.name_tokens[0]}};
  return id;
}

absl::flat_hash_set<int> Resolver::TitleHolders(const PersonMention& p, bool by_kb) const {
  const std::vector<std::vector<std::string>> names = OfficeNames(p.name_tokens);
  const bool asks_former = !p.name_tokens.empty() && p.name_tokens[0] == "former";
  absl::flat_hash_set<int> holders;
  for (const PersonMention& q : m_->people) {
    if (q.first >= p.first || q.entity < 0 || q.title_only) continue;
    const Entity& e = entities_[q.entity];
    if (!p.nationality.empty() && e.state != p.nationality) continue;
    if (by_kb) {
      const pb::KbPerson* person = e.kb_key.empty() ? nullptr : kb_.PersonByKey(e.kb_key);
      const pb::KbRole* role = person == nullptr ? nullptr : kb_.RoleOn(*person, day_);
      if (!asks_former && role != nullptr && NamesOffice(NormalizedTokens(role->title()), names)) {
        holders.insert(q.entity);
      }
      continue;
    }
    const std::vector<std::string> role = NormalizedTokens(q.role);
    // "the president" is not the one called "former President".
    const bool former = !role.empty() && (role[0] == "former" || role[0] == "ex");
    if (!role.empty() && former == asks_former && NamesOffice(role, names)) {
      holders.insert(q.entity);
    }
  }
  return holders;
}

int Resolver::LastMentioned(const absl::flat_hash_set<int>& entities, int before) const {
  int last = -1;
  for (const PersonMention& q : m_->people) {
    if (q.first >= before) break;
    if (q.entity >= 0 && entities.contains(q.entity)) last = q.entity;
  }
  return last;
}

int Resolver::ResolveTitle(int index) {
  // Of the people the text gave this title before ("the Deputy Minister" ->
  // "First Deputy Minister of Trade Ann Lie"), of the same nationality when
  // one is given, the one it spoke of last by any name; people whose
  // knowledge-base title it is compete with them ("the president" after
  // "Russian President Putin ... Biden said" is Biden).
  const PersonMention& p = m_->people[index];
  const std::vector<std::vector<std::string>> names = OfficeNames(p.name_tokens);
  absl::flat_hash_set<int> holders = TitleHolders(p, /*by_kb=*/false);
  if (!holders.empty()) {
    for (int e : TitleHolders(p, /*by_kb=*/true)) holders.insert(e);
    return LastMentioned(holders, p.first);
  }
  // Else the knowledge base's title of someone named before ("Rishi Sunak
  // met ... the prime minister's first visit"), when one person fits.
  holders = TitleHolders(p, /*by_kb=*/true);
  if (holders.size() == 1) return *holders.begin();
  if (holders.size() > 1) return -1;  // two people hold such a title: no guess
  // "the Italian premier" when the article has named one Italian before.
  if (!p.nationality.empty() && OneHolderOffice(p.name_tokens)) {
    int of_state = -1;
    for (const PersonMention& q : m_->people) {
      if (q.first >= p.first || q.entity < 0 || q.title_only) continue;
      if (entities_[q.entity].state != p.nationality || q.entity == of_state) continue;
      if (of_state >= 0) return -1;
      of_state = q.entity;
    }
    if (of_state >= 0) return of_state;
  }
  // A lead that gives the title before the name ("The Duchess of X has
  // visited ... Sophia, the Duchess of X, travelled"): the holder named in
  // the next sentences.
  for (const PersonMention& q : m_->people) {
    if (q.first <= p.first || q.title_only || q.role.empty() || q.entity < 0) continue;
    if (q.first - p.first > 80) break;
    if (NamesOffice(NormalizedTokens(q.role), names)) return q.entity;
  }
  return -1;
}

int Resolver::ResolveShort(int index) {
  const PersonMention& p = m_->people[index];
  if (p.title_only) return ResolveTitle(index);
  const int tok = p.first;
  int best = -1, best_dist = INT_MAX;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    bool hit = false;
    for (size_t k = 0; k < e.surnames.size() && !hit; ++k) {
      // A learned name's first word is only a surname for family-first names.
      if (e.kb_key.empty() && k > 0 && !FamilyFirstState(e.state)) continue;
      hit = e.surnames[k] == p.name_tokens;
    }
    if (!hit) continue;
    for (int mi : e.mentions) {
      if (m_->people[mi].short_form) continue;
      int d = m_->people[mi].first - tok;
      // Prefer a mention before the short form: distance counts double after.
      int cost = d <= 0 ? -d : 2 * d;
      if (cost < best_dist) {
        best_dist = cost;
        best = static_cast<int>(i);
      }
    }
  }
  std::string key = PickKbCandidate(p);
  // "Jill Biden ... Biden said": a bare surname is the office holder the KB
  // knows, not a namesake the text introduced, unless that namesake is named
  // in the same sentence.
  // A state read with the surname ("South Korea's Kim") must be the holder's.
  const pb::KbPerson* holder = key.empty() ? nullptr : kb_.PersonByKey(key);
  if (best >= 0 && holder != nullptr && entities_[best].kb_key.empty() && best_dist > 40 &&
      kb_.RoleOn(*holder, day_) != nullptr &&
      (p.nationality.empty() || p.nationality == KbStateOn(kb_, *holder, day_))) {
    best = -1;
  }
  if (best >= 0) return best;
  if (!key.empty()) return KbEntity(key, "kb-surname");
  return -1;
}

std::vector<Entity> Resolver::Run() {
  auto& people = m_->people;
  for (size_t i = 0; i < people.size(); ++i) {
    PersonMention& p = people[i];
    if (p.short_form) continue;
    if (!p.kb_key.empty()) {
      p.entity = KbEntity(p.kb_key, "kb");
    } else {
      std::string key = PickKbCandidate(p);
      p.entity = key.empty() ? LearnedEntity(p) : KbEntity(key, "kb-variant");
    }
    entities_[p.entity].mentions.push_back(static_cast<int>(i));
    if (entities_[p.entity].state.empty()) entities_[p.entity].state = p.nationality;
  }
  for (size_t i = 0; i < people.size(); ++i) {
    PersonMention& p = people[i];
    if (!p.short_form) continue;
    p.entity = ResolveShort(static_cast<int>(i));
    if (p.entity < 0 && IsRoyalStyle(p)) p.entity = RoyalEntity(p);
    if (p.entity < 0) continue;
    Entity& e = entities_[p.entity];
    e.mentions.insert(std::upper_bound(e.mentions.begin(), e.mentions.end(),
                                       static_cast<int>(i)),
                      static_cast<int>(i));
    if (e.state.empty()) e.state = p.nationality;
  }
  return std::move(entities_);
}

}  // namespace

std::string KbStateOn(const KnowledgeBase& kb, const pb::KbPerson& person, int32_t day) {
  if (const pb::KbRole* r = kb.RoleOn(person, day)) return r->state();
  const pb::KbRole* best = nullptr;
  int32_t best_start = INT_MIN;
  for (const pb::KbRole& r : person.roles()) {
    int32_t start = SpanStart(r.span());
    if (start <= day && (best == nullptr || start >= best_start)) {
      best = &r;
      best_start = start;
    }
  }
  if (best == nullptr && person.roles_size() > 0) best = &person.roles(0);
  return best == nullptr ? "" : best->state();
}

std::vector<Entity> ResolveCoreference(const KnowledgeBase& kb, int32_t publication_day,
                                       Mentions* mentions) {
  return Resolver(kb, publication_day, mentions).Run();
}

std::string RoleNear(const Mentions& mentions, const Entity& entity, int tok) {
  std::string best;
  int best_dist = INT_MAX;
  for (int mi : entity.mentions) {
    const PersonMention& p = mentions.people[mi];
    if (p.role.empty()) continue;
    int d = std::abs(p.first - tok);
    if (d < best_dist) {
      best_dist = d;
      best = p.role;
    }
  }
  return best;
}

}  // namespace newsgraph
