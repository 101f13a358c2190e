#include "importers/mentions.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace newsgraph {
namespace {

bool IsActorKind(GazKind k) {
  return k == GazKind::kState || k == GazKind::kDemonym || k == GazKind::kMetonym ||
         k == GazKind::kAlliance;
}

// Which single actor a match stands for: a full person name wins over a
// state of the same spelling, a state over a surname ("Jordan").
const GazEntry* ActorEntry(const GazMatch& m) {
  if (m.Has(GazKind::kPerson)) return nullptr;
  for (GazKind k : {GazKind::kState, GazKind::kDemonym, GazKind::kAlliance, GazKind::kMetonym}) {
    if (const GazEntry* e = m.Get(k)) return e;
  }
  return nullptr;
}

// A person named by a known surname alone ("Biden"), with every KB person
// of that surname as a candidate.
PersonMention SurnameMention(const GazMatch& m) {
  PersonMention p;
  p.first = m.first;
  p.last = m.last;
  p.short_form = true;
  p.rule = "surname";
  for (const GazEntry* e : m.entries) {
    if (e->kind == GazKind::kSurname) p.kb_candidates.push_back(e->key);
  }
  return p;
}

class SentenceScanner {
 public:
  SentenceScanner(const Document& doc, const Sentence& s, Mentions* out)
      : doc_(doc), s_(s), out_(out) {}

  void Run(const std::vector<GazMatch>& matches);

 private:
  bool EntityAt(int tok) const { return gaz_at_[tok - s_.first] >= 0; }
  const GazMatch* MatchAt(int tok) const {
    int g = gaz_at_[tok - s_.first];
    return g < 0 ? nullptr : &(*matches_)[g];
  }
  std::string ActorKeyAt(int tok) const {
    const GazMatch* m = MatchAt(tok);
    if (m == nullptr) return "";
    const GazEntry* e = ActorEntry(*m);
    return e == nullptr ? "" : e->key;
  }
  bool NameToken(int tok) const;
  void AddPerson(PersonMention p);
  // "Sophia, the Countess of Wessex,": a royal known by one given name and
  // a peerage, whose usual name is "Sophia, Countess of Wessex". Adds
  // nothing unless the apposition is such a style.
  void AddPeerByStyle(PersonMention p);
  // True when tokens from `k` read "was Norway's prime minister" (or "is",
  // "became", "has been"); fills the role and the state when asked.
  bool PredicateRole(int k, std::string* role, std::string* nationality) const;
  // The token of "Yulia" in "Yulia and Dasha Navalnaya" when the name at
  // `a` is the second of such a pair; -1 otherwise.
  int SharedSurnameFirstName(int a) const;
  // Adds the first name at `first_name` with the surname at token `surname`.
  void AddSharedSurname(int first_name, int surname);
  void ReadContext(PersonMention* p) const;
  void TitleOnly();

  const Document& doc_;
  const Sentence& s_;
  Mentions* out_;
  const std::vector<GazMatch>* matches_ = nullptr;
  std::vector<int> gaz_at_;
};

// Nouns a surname can modify without referring to the person.
// Lowercase nouns that introduce a name: "politician Tomas Varga".
bool IsDescriptorNoun(absl::string_view w) {
  return IsOneOf(w, {"politician", "diplomat", "lawmaker", "activist", "businessman",
                     "businesswoman", "journalist", "candidate", "dissident", "envoy", "aide",
                     "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
                     "negotiator", "oligarch", "commander", "opposition", "legislator",
                     "survivor", "lawyer", "writer", "author", "economist", "analyst",
                     "historian", "blogger", "banker", "billionaire", "cameraman",
                     "photographer", "reporter", "correspondent", "veteran", "priest",
                     "cleric", "researcher", "scientist", "entrepreneur", "campaigner"});
}

bool IsAttributiveNoun(absl::string_view w) {
  static const auto* kNouns = new absl::flat_hash_set<std::string>{
      "administration", "government", "campaign", "team", "era", "presidency", "doctrine",
      "camp", "aides", "officials", "policy", "policies", "regime", "family", "years",
      "cabinet", "plan", "White", "allies", "supporters", "loyalists", "voters"};
  return kNouns->contains(std::string(w));
}

bool SentenceScanner::NameToken(int tok) const {
  const Token& t = doc_.tokens[tok];
  if (!t.word || !t.cap || IsTitleWord(t.norm) || IsHonorific(t.norm) ||
      IsNonNameWord(t.norm)) {
    return false;
  }
  if (t.all_caps && t.norm.size() > 1) return false;  // "CNN", "NATO"
  const GazMatch* m = MatchAt(tok);
  if (m != nullptr && (ActorEntry(*m) != nullptr || m->Has(GazKind::kPerson))) return false;
  return true;
}

void SentenceScanner::ReadContext(PersonMention* p) const {
  const auto& toks = doc_.tokens;
  auto entity_at = [this](int tok) { return EntityAt(tok); };
  TitleSpan title = TitleBefore(doc_, s_.first, p->first, false, entity_at);
  int nat_tok = -1;
  if (!title.Found()) title = TitleBefore(doc_, s_.first, p->first, true, entity_at);
  if (title.Found()) {
    int k = title.first - 1;
    if (k >= s_.first && toks[k].norm == "'s") --k;
    if (k >= s_.first && !ActorKeyAt(k).empty()) nat_tok = k;
  } else {
    title = TitleAfter(doc_, p->last, s_.last, entity_at, &nat_tok);
  }
  p->title = title;
  p->role = RoleText(doc_, title);
  if (nat_tok >= 0) p->nationality = ActorKeyAt(nat_tok);
  if (p->nationality.empty()) {
    // "China's Xi Jinping", "Chinese leader Xi" handled above; here
    // "Vladimir Putin of Russia" and a bare demonym "Russian Vladimir Putin".
    int k = p->first - 1;
    if (k >= s_.first && toks[k].norm == "'s") --k;
    if (k >= s_.first && !ActorKeyAt(k).empty() &&
        (toks[p->first - 1].norm == "'s" || MatchAt(k)->Has(GazKind::kDemonym))) {
      p->nationality = ActorKeyAt(k);
    }
  }
  if (p->nationality.empty() && p->last + 1 < s_.last && toks[p->last].norm == "of") {
    int k = p->last + 1;
    if (toks[k].norm == "the" && k + 1 < s_.last) ++k;
    const GazMatch* m = MatchAt(k);
    if (m != nullptr && (m->Has(GazKind::kState) || m->Has(GazKind::kAlliance))) {
      p->nationality = ActorKeyAt(k);
    }
  }
}

void SentenceScanner::AddPerson(PersonMention p) {
  p.name = std::string(doc_.Span(p.first, p.last));
  for (int k = p.first; k < p.last; ++k) {
    const Token& t = doc_.tokens[k];
    if (t.word) p.name_tokens.push_back(t.norm);
  }
  ReadContext(&p);
  if (p.role.empty()) {
    // "politician Tomas Varga"; "Lars Holm was Norway's prime minister".
    const int before = p.first - 1;
    std::string role, nationality;
    if (before >= s_.first && IsDescriptorNoun(doc_.tokens[before].norm)) {
      p.role = doc_.tokens[before].norm;
    } else if (PredicateRole(p.last, &role, &nationality)) {
      p.role = role;
      if (p.nationality.empty()) p.nationality = nationality;
    }
  }
  out_->people.push_back(std::move(p));
}

void SentenceScanner::AddPeerByStyle(PersonMention p) {
  int nat = -1;
  const TitleSpan style =
      TitleAfter(doc_, p.last, s_.last, [this](int tok) { return EntityAt(tok); }, &nat);
  const auto& toks = doc_.tokens;
  if (!style.Found() || toks[p.last + 1].norm != "the" || !IsPeerageTitle(style.head) ||
      style.last - style.first < 3 || toks[style.first + 1].norm != "of") {
    return;
  }
  p.rule = "peerage-style";
  AddPerson(std::move(p));
  PersonMention& added = out_->people.back();
  added.name = absl::StrCat(added.name, ", ", RoleText(doc_, style));
}

bool SentenceScanner::PredicateRole(int k, std::string* role, std::string* nationality) const {
  const auto& toks = doc_.tokens;
  // "X, who was Denmark's defence minister until 2022, ...": the same
  // predicate in a relative clause.
  if (k + 2 < s_.last && toks[k].norm == "," && toks[k + 1].norm == "who") k += 2;
  if (k < s_.last && IsOneOf(toks[k].norm, {"was", "is", "became", "remains"})) {
    ++k;
  } else if (k + 1 < s_.last && IsOneOf(toks[k].norm, {"has", "had"}) &&
             toks[k + 1].norm == "been") {
    k += 2;
  } else {
    return false;
  }
  // A state's ("Norway's") or its demonym ("the Norwegian") before the title.
  if (k < s_.last && toks[k].norm == "the") ++k;
  const std::string state = k < s_.last ? ActorKeyAt(k) : "";
  if (state.empty()) return false;
  const GazMatch* m = MatchAt(k);
  k = m != nullptr ? m->last : k + 1;
  if (k < s_.last && toks[k].norm == "'s") ++k;
  const int from = k;
  int end = -1;  // one past the last title word: "prime minister until 2021"
  while (k < s_.last && k < from + 4 && toks[k].word && !toks[k].cap) {
    if (IsTitleWord(toks[k].norm)) end = k + 1;
    ++k;
  }
  if (end < 0) return false;
  if (role != nullptr) *role = std::string(doc_.Span(from, end));
  if (nationality != nullptr) *nationality = state;
  return true;
}

int SentenceScanner::SharedSurnameFirstName(int a) const {
  // "Yulia and Dasha Navalnaya": one capitalised word, "and", then the
  // name that carries the surname of both.
  const auto& toks = doc_.tokens;
  const int f = a - 2;
  if (f < s_.first || toks[a - 1].norm != "and" || !toks[f].word || !toks[f].cap ||
      toks[f].all_caps || IsNonNameWord(toks[f].norm) || EntityAt(f)) {
    return -1;
  }
  return f - 1 < s_.first || !toks[f - 1].cap ? f : -1;
}

void SentenceScanner::AddSharedSurname(int first_name, int surname) {
  PersonMention q;
  q.first = first_name;
  q.last = first_name + 1;
  q.rule = "shared-surname";
  AddPerson(q);
  PersonMention& added = out_->people.back();
  added.name = absl::StrCat(doc_.Original(doc_.tokens[first_name]), " ",
                            doc_.Original(doc_.tokens[surname]));
  added.name_tokens.push_back(doc_.tokens[surname].norm);
}

void SentenceScanner::TitleOnly() {
  // "the Executive Vice Minister", "the UN secretary general": a definite
  // title with no name after it stands for someone the article named.
  const auto& toks = doc_.tokens;
  for (int k = s_.first; k + 1 < s_.last; ++k) {
    if (toks[k].norm != "the") continue;
    // "X, the Chilean ambassador, said": an apposition, already X's title.
    if (k - 2 >= s_.first && toks[k - 1].norm == ",") {
      bool after_person = false;
      for (const PersonMention& q : out_->people) after_person |= q.last == k - 1;
      if (after_person) continue;
    }
    // Inside another person's title: "Deputy Assistant to the President
    // and Chief of Staff Ann Lowe".
    bool inside = false;
    for (const PersonMention& q : out_->people) {
      inside |= q.title.Found() && q.title.first <= k && k < q.title.last;
    }
    if (inside) continue;
    // "Special Assistant to the President", "Advisor to the Prime Minister":
    // the office someone serves, part of a title.
    if (k - 2 >= s_.first && IsOneOf(toks[k - 1].norm, {"to", "of"}) &&
        IsTitleWord(toks[k - 2].norm) && toks[k - 2].cap) {
      continue;
    }
    int j = k + 1;
    std::string nationality;
    while (j < s_.last && !ActorKeyAt(j).empty()) nationality = ActorKeyAt(j++);
    const int first = j;
    std::string head;
    while (j < s_.last && toks[j].word && IsTitleWord(toks[j].norm) && MatchAt(j) == nullptr) {
      if (IsTitleHead(toks[j].norm)) head = toks[j].norm;
      ++j;
    }
    if (head.empty() || j == first || IsPluralTitle(head) || head == "counterpart" ||
        head == "official" || head == "member" || head == "head" || head == "chief" && j - first == 1) {
      continue;
    }
    // "the President of Uganda": the state after the title.
    if (j + 1 < s_.last && toks[j].norm == "of") {
      int q = j + 1;
      if (toks[q].norm == "the" && q + 1 < s_.last) ++q;
      if (!ActorKeyAt(q).empty()) nationality = ActorKeyAt(q);
    }
    // Not when a name follows, directly or after a comma: that is its title.
    int n = j;
    if (n < s_.last && toks[n].norm == ",") ++n;
    if (n < s_.last && (MatchAt(n) != nullptr || (toks[n].cap && toks[n].word &&
                                                   !IsNonNameWord(toks[n].norm)))) {
      continue;
    }
    PersonMention p;
    p.first = first;
    p.last = j;
    p.short_form = true;
    p.title_only = true;
    p.rule = "title-only";
    p.name = std::string(doc_.Span(first, j));
    for (int q = first; q < j; ++q) p.name_tokens.push_back(toks[q].norm);
    p.title.first = first;
    p.title.last = j;
    p.title.head = head;
    p.role = RoleText(doc_, p.title);
    p.nationality = nationality;
    out_->people.push_back(std::move(p));
    k = j - 1;
  }
}

void SentenceScanner::Run(const std::vector<GazMatch>& matches) {
  matches_ = &matches;
  gaz_at_.assign(s_.last - s_.first, -1);
  for (size_t i = 0; i < matches.size(); ++i) {
    for (int k = matches[i].first; k < matches[i].last; ++k) {
      gaz_at_[k - s_.first] = static_cast<int>(i);
    }
  }
  // Known full names and actors.
  for (const GazMatch& m : matches) {
    if (const GazEntry* e = m.Get(GazKind::kPerson)) {
      PersonMention p;
      p.first = m.first;
      p.last = m.last;
      p.kb_key = e->key;
      p.rule = "kb-name";
      AddPerson(std::move(p));
    } else if (const GazEntry* a = ActorEntry(m)) {
      out_->actors.push_back(ActorMention{m.first, m.last, a->kind, a->key});
    }
  }
  // Runs of capitalised words: unknown names and surnames.
  const auto& toks = doc_.tokens;
  auto entity_at = [this](int tok) { return EntityAt(tok); };
  int i = s_.first;
  while (i < s_.last) {
    if (!NameToken(i)) {
      ++i;
      continue;
    }
    int a = i, b = i + 1;
    while (b < s_.last) {
      const Token& t = toks[b];
      if (NameToken(b)) {
        ++b;
      } else if (t.norm == "-" && !t.space_before && b + 1 < s_.last &&
                 !toks[b + 1].space_before && toks[b + 1].word) {
        b += 2;  // "Thomas-Greenfield", "Jae-in"
      } else if (t.norm == "." && !t.space_before && toks[b - 1].norm.size() == 1 &&
                 b + 1 < s_.last && NameToken(b + 1)) {
        ++b;  // an initial: "Antony J. Blinken"
      } else if (t.word && IsNameParticle(t.norm) && !t.cap && b + 1 < s_.last &&
                 NameToken(b + 1)) {
        ++b;  // "Ursula von der Leyen"
      } else {
        break;
      }
    }
    i = b;
    // Surname matches inside the run give KB candidates.
    std::vector<std::string> candidates;
    bool surname_only = true, surname_last = false;
    for (int k = a; k < b; ++k) {
      const GazMatch* m = MatchAt(k);
      if (m != nullptr && m->Has(GazKind::kSurname)) {
        for (const GazEntry* e : m->entries) {
          if (e->kind == GazKind::kSurname) candidates.push_back(e->key);
        }
        if (m->last == b) surname_last = true;
        if (m->first != a || m->last != b) surname_only = false;
      } else if (toks[k].word) {
        surname_only = false;
      }
    }
    // "Xi-Putin videoconference", "Putin-Biden": two known surnames joined
    // are two people, not one unknown.
    std::vector<const GazMatch*> surnames;
    for (int k = a; k < b; ++k) {
      const GazMatch* m = MatchAt(k);
      if (m != nullptr && m->Has(GazKind::kSurname) &&
          (surnames.empty() || surnames.back() != m)) {
        surnames.push_back(m);
      }
    }
    // Only when a hyphen joins them: "Martin Harris" is one person.
    bool hyphen = false;
    for (int k = a; k < b; ++k) hyphen |= toks[k].norm == "-";
    // "the Biden-Harris Administration": a ticket or a government, no person.
    const bool attributive = (b < s_.last && IsAttributiveNoun(toks[b].norm)) ||
                             IsAttributiveNoun(toks[b - 1].norm);
    if (surnames.size() >= 2 && hyphen && attributive) continue;
    if (surnames.size() >= 2 && hyphen) {
      for (const GazMatch* m : surnames) AddPerson(SurnameMention(*m));
      continue;
    }
    int words = 0;
    bool institution = false;
    for (int k = a; k < b; ++k) {
      words += toks[k].word && toks[k].norm.size() > 1;
      institution |= IsInstitutionWord(toks[k].norm);
    }
    // "Monetary Fund", "Blenheim Palace"; and a run that modifies the
    // institution noun after it: "the Verkhovna Rada parliament".
    if (b < s_.last && IsInstitutionWord(toks[b].norm)) institution = true;
    // "the Middle East", "the Far East": a region; "Anti-Corruption
    // Prosecutor": a run ending in a title is an office, not a name.
    if (b - a == 2 && IsOneOf(toks[b - 1].norm, {"east", "west"}) &&
        IsOneOf(toks[a].norm, {"middle", "far", "near"})) {
      institution = true;
    }
    if (b - a >= 2 && IsTitleWord(toks[b - 1].norm) && toks[b - 1].norm != "jr") {
      institution = true;
    }
    // "for Nordic and Baltic Affairs": the first half of an office's
    // domain, joined by "and" to a run that ends it.
    if (b + 1 < s_.last && toks[b].norm == "and") {
      for (int k = b + 1; k < s_.last && k <= b + 4 && toks[k].cap; ++k) {
        if (IsOneOf(toks[k].norm, {"affairs", "relations", "security", "development"})) {
          institution = true;
        }
      }
    }
    // "Director-General for Market Access and Standards, X": the domain of
    // an office, up to the comma that closes it, is no one's name.
    if (b < s_.last && IsOneOf(toks[b].norm, {",", "and"})) {
      int k = a - 1;
      while (k > s_.first && (toks[k].cap || IsOneOf(toks[k].norm, {"and", "of", "the", "&"}))) {
        --k;
      }
      if (k > s_.first && toks[k].norm == "for" && IsTitleWord(toks[k - 1].norm)) {
        institution = true;
      }
    }
    if (institution) continue;
    // "Secretary General of the Arctic Council Ann Lowe": a run
    // right before a known person completes that person's title.
    if (b < s_.last && MatchAt(b) != nullptr && MatchAt(b)->Has(GazKind::kPerson)) continue;
    // "Mrs. Kim Keon Hee": the abbreviation's full stop stands between.
    const int before = a - 1 >= s_.first && toks[a - 1].norm == "." ? a - 2 : a - 1;
    const bool honorific = before >= s_.first && IsHonorific(toks[before].norm);
    PersonMention p;
    p.first = a;
    p.last = b;
    p.kb_candidates = candidates;
    if (surname_only && !candidates.empty() && b < s_.last && IsAttributiveNoun(toks[b].norm)) {
      continue;  // "the Biden administration" names no person
    }
    if (surname_only && !candidates.empty()) {
      p.short_form = true;
      p.rule = honorific ? "honorific-surname" : "surname";
      AddPerson(std::move(p));
      continue;
    }
    const TitleSpan title_before = TitleBefore(doc_, s_.first, a, false, entity_at);
    const TitleSpan before_comma = TitleBefore(doc_, s_.first, a, true, entity_at);
    const bool titled = title_before.Found() || before_comma.Found();
    // "as leaders in Bali": a plural title names no one word after it.
    const bool one_titled = (title_before.Found() && !IsPluralTitle(title_before.head)) ||
                            (before_comma.Found() && !IsPluralTitle(before_comma.head));
    int nat = -1;
    const bool appositive = TitleAfter(doc_, b, s_.last, entity_at, &nat).Found();
    const bool described = a - 1 >= s_.first && IsDescriptorNoun(toks[a - 1].norm);
    const bool predicated = PredicateRole(b, nullptr, nullptr);
    if (words >= 2) {
      if (titled || appositive || honorific || surname_last || described || predicated) {
        p.rule = titled ? "title-pattern" : appositive ? "apposition"
                 : honorific ? "honorific-name" : surname_last ? "surname-in-name"
                 : described ? "descriptor" : "predicate";
        const int first_name = SharedSurnameFirstName(a);
        AddPerson(std::move(p));
        if (first_name >= 0) AddSharedSurname(first_name, b - 1);
      } else if (!candidates.empty()) {
        // "Biden Administration": keep only the surname inside the run.
        for (int k = a; k < b; ++k) {
          const GazMatch* m = MatchAt(k);
          if (m == nullptr || !m->Has(GazKind::kSurname)) continue;
          AddPerson(SurnameMention(*m));
          break;
        }
      }
    } else if (words == 1 && (one_titled || honorific) &&
               !(a - 1 >= s_.first && toks[a - 1].norm == "of")) {
      // Not "Duchess of Tampere", "Prince of Wales": the place of a style.
      p.short_form = true;
      p.rule = honorific ? "honorific-surname" : "title-surname";
      AddPerson(std::move(p));
    } else if (words == 1 && appositive) {
      AddPeerByStyle(std::move(p));
    }
  }
  TitleOnly();
}

}  // namespace

bool IsInstitutionWord(absl::string_view norm) {
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "fund", "bank", "organization", "organisation", "council", "committee", "union",
      "party", "agency", "office", "ministry", "department", "group", "forum", "institute",
      "university", "association", "commission", "court", "service", "forces", "army",
      "navy", "assembly", "parliament", "congress", "senate", "government",
      "administration", "company", "corporation", "news", "times", "post", "press",
      "media", "network", "foundation", "center", "centre", "school", "academy",
      "initiative", "alliance", "coalition", "movement", "front", "program", "programme",
      "project", "summit", "conference", "games", "olympics", "cup", "treaty",
      "agreement", "act", "declaration", "airport", "palace", "square", "street", "road",
      "bridge", "region", "province", "city", "island", "islands", "sea", "ocean", "river",
      "mountains", "valley", "strait", "peninsula", "republic", "kingdom", "federation",
      "empire", "church", "museum", "hospital", "stadium", "hotel", "house", "hall",
      "club", "bureau", "board", "reserve", "exchange", "street", "journal", "review",
      "daily", "herald", "tribune", "telegraph", "guardian", "observer", "channel",
      "television", "radio", "magazine", "cnn", "bbc", "fox", "reuters", "week",
      "war", "crisis", "day", "embassy", "consulate", "mission", "station", "base",
      // Units, talks, fields and firms a title may stand before ("Enlargement
      // Negotiations", "Asian Studies", "General Dynamics Land Systems").
      "negotiations", "nations", "systems", "studies", "brigade", "brigades", "battalion",
      "regiment", "room", "affairs", "relations"};
  return kWords->contains(std::string(norm));
}

bool IsNonNameWord(absl::string_view norm) {
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "in", "on", "at", "after", "before", "but", "and", "or",
      "as", "when", "while", "this", "that", "these", "those", "his", "her",
      "their", "its", "our", "we", "he", "she", "they", "it", "i", "you",
      "today", "yesterday", "tomorrow", "earlier", "later", "meanwhile",
      "however", "also", "there", "here", "last", "next", "according", "both",
      "during", "since", "for", "from", "with", "without", "by", "to", "of",
      "if", "what", "who", "why", "how", "where", "some", "many", "several",
      "all", "most", "more", "other", "no", "not", "one", "two", "three",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "read", "view",
      "image", "photo", "watch", "live", "update", "updates", "breaking",
      "analysis", "opinion", "so", "yet", "then", "now", "again", "still",
      "speaking", "asked", "said", "says", "told", "will", "would", "could",
      "should", "can", "may", "might", "must", "do", "does", "did", "is", "are",
      "was", "were", "be", "been", "has", "have", "had", "us", "mr", "mrs",
      "ms", "dr", "sir", "my", "your", "him", "them", "such", "each", "every",
      "any", "because", "although", "though", "despite", "amid", "against",
      "under", "over", "into", "about", "than", "like", "just", "only",
      "even", "which", "whose", "whom", "thank", "thanks", "dear", "ladies",
      "gentlemen", "good", "yes", "no", "please", "let", "first", "second",
      "third", "once", "following", "trending", "related", "see", "more",
      "via", "photograph", "getty", "reuters", "afp", "ap", "xinhua", "tass",
      "images", "file", "pool", "agency", "press",
      // Contact words capitalised in a title or a name of an event
      // ("Official Visit", "Leaders' Summit") are never a person.
      "visit", "visits", "summit", "meeting", "meetings", "talks", "trip", "call",
      "official", "state"};
  return kWords->contains(std::string(norm));
}

namespace {

// "Lars Holm ... Holm said": a person the knowledge base does not know,
// named in full once, is then called by surname. Adds a short-form
// mention for each later capitalised word equal to such a surname, for
// coreference to join to the full name.
void AddLearnedSurnames(const Document& doc, Mentions* out) {
  absl::flat_hash_set<std::string> surnames;
  std::vector<char> taken(doc.tokens.size(), 0);
  for (const PersonMention& p : out->people) {
    for (int k = p.first; k < p.last; ++k) taken[k] = 1;
    // Officials only: a title or a state read beside the full name.
    bool official = !p.nationality.empty();
    for (const std::string& w : NormalizedTokens(p.role)) official |= IsTitleWord(w);
    const bool full = p.name_tokens.size() >= 2 && p.last - p.first >= 2;
    if (official && p.kb_key.empty() && !p.short_form && !p.title_only &&
        (full || p.rule == "peerage-style")) {
      surnames.insert(p.name_tokens.back());
    }
  }
  for (const ActorMention& a : out->actors) {
    for (int k = a.first; k < a.last; ++k) taken[k] = 1;
  }
  if (surnames.empty()) return;
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (taken[k] || !t.word || !t.cap || t.all_caps || !surnames.contains(t.norm)) continue;
    // Part of a longer capitalised run is some other name.
    if ((k > 0 && doc.tokens[k - 1].cap && doc.tokens[k - 1].word &&
         doc.SentenceOf(k - 1) == doc.SentenceOf(k) &&
         doc.sentences[doc.SentenceOf(k)].first != static_cast<int>(k)) ||
        (k + 1 < doc.tokens.size() && doc.tokens[k + 1].cap && doc.tokens[k + 1].word)) {
      continue;
    }
    PersonMention p;
    p.first = static_cast<int>(k);
    p.last = p.first + 1;
    p.name = std::string(doc.Original(t));
    p.name_tokens = {t.norm};
    p.short_form = true;
    p.rule = "learned-surname";
    out->people.push_back(std::move(p));
  }
}


// "Northern Ireland", "New South Wales": a place whose name holds a state's
// is the place; the state inside it is dropped.
void DropStatesInsidePlaces(const Document& doc, const std::vector<GazMatch>& matches,
                            Mentions* out) {
  std::vector<bool> drop(out->actors.size(), false);
  for (const GazMatch& m : matches) {
    bool person = false;
    for (int k = m.first; k < m.last; ++k) person |= out->person_at[k] >= 0;
    for (int k = m.first; k < m.last && !person; ++k) {
      const int a = out->actor_at[k];
      if (a < 0) continue;
      const ActorMention& am = out->actors[a];
      drop[a] = drop[a] || (am.first >= m.first && am.last <= m.last &&
                            am.last - am.first < m.last - m.first);
    }
  }
  std::vector<ActorMention> kept;
  for (size_t i = 0; i < out->actors.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(out->actors[i]));
  }
  out->actors = std::move(kept);
  out->actor_at.assign(doc.tokens.size(), -1);
  for (size_t i = 0; i < out->actors.size(); ++i) {
    for (int k = out->actors[i].first; k < out->actors[i].last; ++k) {
      out->actor_at[k] = static_cast<int>(i);
    }
  }
}

void AddPlaces(const Document& doc, const Gazetteer& places, Mentions* out) {
  // The place matches of the whole text, read once for both steps.
  std::vector<GazMatch> matches;
  for (const Sentence& s : doc.sentences) {
    for (GazMatch& m : places.Match(doc, s.first, s.last)) {
      if (m.Get(GazKind::kPlace) != nullptr) matches.push_back(std::move(m));
    }
  }
  DropStatesInsidePlaces(doc, matches, out);
  out->place_at.assign(doc.tokens.size(), -1);
  for (const GazMatch& m : matches) {
    bool taken = false;
    for (int k = m.first; k < m.last; ++k) {
      taken |= out->person_at[k] >= 0 || out->actor_at[k] >= 0;
    }
    if (taken) continue;
    for (int k = m.first; k < m.last; ++k) {
      out->place_at[k] = static_cast<int>(out->places.size());
    }
    const std::string& state = m.Get(GazKind::kPlace)->key;
    out->places.push_back(ActorMention{m.first, m.last, GazKind::kPlace, state});
  }
}

}  // namespace

Mentions FindMentions(const Document& doc, const Gazetteer& gazetteer, const Gazetteer* places) {
  Mentions out;
  for (const Sentence& s : doc.sentences) {
    SentenceScanner scanner(doc, s, &out);
    scanner.Run(gazetteer.Match(doc, s.first, s.last));
  }
  AddLearnedSurnames(doc, &out);
  std::sort(out.people.begin(), out.people.end(),
            [](const PersonMention& x, const PersonMention& y) { return x.first < y.first; });
  out.actor_at.assign(doc.tokens.size(), -1);
  out.person_at.assign(doc.tokens.size(), -1);
  for (size_t i = 0; i < out.actors.size(); ++i) {
    for (int k = out.actors[i].first; k < out.actors[i].last; ++k) {
      out.actor_at[k] = static_cast<int>(i);
    }
  }
  for (size_t i = 0; i < out.people.size(); ++i) {
    for (int k = out.people[i].first; k < out.people[i].last; ++k) {
      out.person_at[k] = static_cast<int>(i);
    }
  }
  if (places != nullptr) {
    AddPlaces(doc, *places, &out);
  } else {
    out.place_at.assign(doc.tokens.size(), -1);
  }
  // "Sophia, the Countess of Wessex": a peerage's place gives the state.
  for (PersonMention& p : out.people) {
    if (p.rule != "peerage-style" || !p.nationality.empty()) continue;
    for (int k = p.title.first; k < p.title.last && p.nationality.empty(); ++k) {
      if (out.place_at[k] >= 0) p.nationality = out.places[out.place_at[k]].key;
      if (out.actor_at[k] >= 0 && out.actors[out.actor_at[k]].kind != GazKind::kDemonym) {
        p.nationality = out.actors[out.actor_at[k]].key;
      }
    }
  }
  return out;
}

}  // namespace newsgraph
