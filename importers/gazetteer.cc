#include "importers/gazetteer.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

// States whose names are written family name first in English prose.
bool FamilyNameFirst(const pb::KbPerson& person) {
  static const auto* kStates =
      new absl::flat_hash_set<std::string>{"CN", "TW", "HK", "MO", "KP", "KR"};
  for (const pb::KbRole& role : person.roles()) {
    if (kStates->contains(role.state())) return true;
  }
  return false;
}

// Surnames that are also everyday capitalised words ("May", "Price"): alone
// they are too ambiguous to stand for a person.
bool CommonWordSurname(const std::vector<std::string>& tokens) {
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "may", "price", "rice", "brown", "young", "king", "white", "black",
      "green", "love", "hope", "power", "long", "little", "rich", "mark",
      "will", "grant", "north", "south", "west", "east", "march", "june",
      "april", "august", "art", "bill", "bank", "field", "hall", "house",
      "street", "lord", "marshal", "chance", "church", "paris", "said", "jordan",
      "best", "rose", "gay", "cook", "page", "hill", "wood", "sharp", "moon"};
  return tokens.size() == 1 && kWords->contains(tokens[0]);
}

bool IsSuffix(absl::string_view norm) {
  return norm == "jr" || norm == "sr" || norm == "ii" || norm == "iii" || norm == "iv";
}

}  // namespace

bool IsNameParticle(absl::string_view norm) {
  static const auto* kParticles = new absl::flat_hash_set<std::string>{
      "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la",
      "le", "bin", "ibn", "al", "el", "ter", "dos", "das", "y"};
  return kParticles->contains(norm);
}

bool GazMatch::Has(GazKind kind) const { return Get(kind) != nullptr; }

const GazEntry* GazMatch::Get(GazKind kind) const {
  for (const GazEntry* e : entries) {
    if (e->kind == kind) return e;
  }
  return nullptr;
}

std::vector<std::string> SurnameTokens(absl::string_view full_name, bool family_first) {
  std::vector<std::string> toks = NormalizedTokens(full_name);
  // Drop punctuation-only tokens at the ends and suffixes ("Jr.", ",").
  while (!toks.empty() && (IsSuffix(toks.back()) || toks.back() == "," ||
                           toks.back() == ".")) {
    toks.pop_back();
  }
  if (toks.size() < 2) return {};
  if (family_first) return {toks.front()};
  // The surname runs from the last particle group, or hyphen, to the end.
  size_t start = toks.size() - 1;
  while (start > 1 && (toks[start - 1] == "-" || IsNameParticle(toks[start - 1]))) {
    start -= (toks[start - 1] == "-") ? 2 : 1;
  }
  if (start == 0) start = toks.size() - 1;
  return std::vector<std::string>(toks.begin() + start, toks.end());
}

std::vector<std::string> AliasSurnameTokens(absl::string_view name,
                                            const std::vector<std::string>& primary,
                                            bool family_first) {
  if (family_first && primary.size() == 1) {
    // "William Lai", "William Lai Ching-te": a given name put before the
    // family name; the family name is still the surname.
    const std::vector<std::string> toks = NormalizedTokens(name);
    if (!toks.empty() && toks.front() != primary[0] &&
        std::find(toks.begin(), toks.end(), primary[0]) != toks.end()) {
      return primary;
    }
  }
  return SurnameTokens(name, family_first);
}

Gazetteer::Gazetteer() { nodes_.emplace_back(); }

int Gazetteer::Walk(int node, const std::string& token) const {
  auto it = nodes_[node].next.find(token);
  return it == nodes_[node].next.end() ? -1 : it->second;
}

void Gazetteer::Add(absl::string_view phrase, GazKind kind, absl::string_view key) {
  std::vector<Token> toks = Tokenize(phrase);
  size_t start = 0;
  if (toks.size() > 1 && toks[0].norm == "the") start = 1;
  if (start >= toks.size()) return;
  GazEntry entry{kind, std::string(key), false};
  if (toks.size() - start == 1 && toks[start].all_caps &&
      toks[start].end - toks[start].begin <= 4) {
    entry.exact_case = true;
  }
  int node = 0;
  for (size_t i = start; i < toks.size(); ++i) {
    int next = Walk(node, toks[i].norm);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_[node].next[toks[i].norm] = next;
      nodes_.emplace_back();
    }
    node = next;
  }
  for (int id : nodes_[node].entries) {
    GazEntry& e = entries_[id];
    if (e.kind == entry.kind && e.key == entry.key) {
      // Same alias again: "NATO" and "Nato" both spelled out means any case.
      e.exact_case = e.exact_case && entry.exact_case;
      return;
    }
  }
  nodes_[node].entries.push_back(static_cast<int>(entries_.size()));
  entries_.push_back(std::move(entry));
}

Gazetteer Gazetteer::FromKb(const pb::KnowledgeBase& kb) {
  Gazetteer g;
  for (const pb::KbState& s : kb.states()) {
    g.Add(s.name(), GazKind::kState, s.code());
    for (const std::string& a : s.aliases()) g.Add(a, GazKind::kState, s.code());
    for (const std::string& d : s.demonyms()) g.Add(d, GazKind::kDemonym, s.code());
    if (!s.capital().empty()) g.Add(s.capital(), GazKind::kMetonym, s.code());
    for (const std::string& m : s.metonyms()) g.Add(m, GazKind::kMetonym, s.code());
  }
  for (const pb::KbAlliance& a : kb.alliances()) {
    g.Add(a.name(), GazKind::kAlliance, a.name());
    if (!a.full_name().empty()) g.Add(a.full_name(), GazKind::kAlliance, a.name());
    for (const std::string& al : a.aliases()) g.Add(al, GazKind::kAlliance, a.name());
  }
  for (const pb::KbPerson& p : kb.people()) {
    const bool family_first = FamilyNameFirst(p);
    std::vector<std::string> names{p.name()};
    names.insert(names.end(), p.aliases().begin(), p.aliases().end());
    for (const std::string& n : names) {
      if (NormalizedTokens(n).size() < 2) {
        // A one-word alias ("Lula") is a surname-like short form.
        g.Add(n, GazKind::kSurname, p.key());
        continue;
      }
      g.Add(n, GazKind::kPerson, p.key());
      std::vector<std::string> sur =
          AliasSurnameTokens(n, SurnameTokens(p.name(), family_first), family_first);
      if (sur.empty() || CommonWordSurname(sur)) continue;
      // "Gen" (of "Nakatani Gen") would swallow every "Gen." before a name.
      if (sur.size() == 1 && (IsTitleWord(sur[0]) || IsHonorific(sur[0]) ||
                              IsNameParticle(sur[0]))) {
        continue;  // nor "Le" (of "Le Yucheng") every "Le Figaro"
      }
      std::string phrase;
      for (const std::string& t : sur) phrase += (phrase.empty() ? "" : " ") + t;
      g.Add(phrase, GazKind::kSurname, p.key());
    }
  }
  return g;
}

Gazetteer Gazetteer::PlacesFromKb(const pb::KnowledgeBase& kb) {
  Gazetteer g;
  for (const pb::KbPlace& p : kb.places()) {
    g.Add(p.name(), GazKind::kPlace, p.state());
    for (const std::string& a : p.aliases()) g.Add(a, GazKind::kPlace, p.state());
  }
  return g;
}

std::vector<GazMatch> Gazetteer::Match(const Document& doc, int first, int last) const {
  std::vector<GazMatch> out;
  int i = first;
  while (i < last) {
    const Token& t0 = doc.tokens[i];
    const bool can_start = t0.word && (t0.cap || IsNameParticle(t0.norm) ||
                                       (!t0.norm.empty() && std::isdigit(
                                           static_cast<unsigned char>(t0.norm[0]))));
    int best_end = -1;
    std::vector<const GazEntry*> best;
    if (can_start) {
      int node = 0;
      for (int j = i; j < last; ++j) {
        node = Walk(node, doc.tokens[j].norm);
        if (node < 0) break;
        if (nodes_[node].entries.empty()) continue;
        // The last word of a match must be capitalised too ("Wang Yi", not
        // "Wang yields"), unless it is a digit or punctuation, or the second
        // half of a hyphenated given name ("Min-ho", "Myung-soo").
        const Token& tl = doc.tokens[j];
        const bool hyphenated = j - 1 > i && doc.tokens[j - 1].norm == "-" &&
                                !tl.space_before && !doc.tokens[j - 1].space_before;
        if (tl.word && !tl.cap && j > i && !hyphenated &&
            !std::isdigit(static_cast<unsigned char>(tl.norm[0]))) {
          continue;
        }
        std::vector<const GazEntry*> ok;
        for (int id : nodes_[node].entries) {
          const GazEntry& e = entries_[id];
          if (e.exact_case && !(t0.all_caps || (t0.cap && t0.norm.size() == 1))) continue;
          if (e.exact_case && j != i) continue;
          ok.push_back(&e);
        }
        if (!ok.empty()) {
          best_end = j + 1;
          best = std::move(ok);
        }
      }
    }
    if (best_end > 0) {
      out.push_back(GazMatch{i, best_end, std::move(best)});
      i = best_end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<std::string> Gazetteer::PeopleWithSurname(
    const std::vector<std::string>& norm_tokens) const {
  int node = 0;
  for (const std::string& t : norm_tokens) {
    node = Walk(node, t);
    if (node < 0) return {};
  }
  std::vector<std::string> keys;
  for (int id : nodes_[node].entries) {
    if (entries_[id].kind == GazKind::kSurname) keys.push_back(entries_[id].key);
  }
  return keys;
}

}  // namespace newsgraph
