#include "importers/group_references.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "importers/arguments.h"

namespace newsgraph {
namespace {

int CountWord(absl::string_view w) {
  static constexpr absl::string_view kWords[] = {"two", "three", "four", "five", "six",
                                                 "seven", "eight", "nine", "ten"};
  for (int i = 0; i < 9; ++i) {
    if (w == kWords[i]) return i + 2;
  }
  int n = 0;
  return absl::SimpleAtoi(w, &n) && n >= 2 && n <= 50 ? n : 0;
}

// The title a group noun asks its members to carry, as normalised words:
// "foreign ministers" -> "foreign minister"; "" when the noun names no
// title ("leaders", "counterparts").
std::string TitleOf(const Document& doc, int head) {
  const std::string& w = doc.tokens[head].norm;
  const std::string prev = head > 0 ? doc.tokens[head - 1].norm : "";
  const bool qualified = IsOneOf(prev, {"foreign", "defence", "defense", "finance", "trade",
                                        "prime", "interior", "economy"});
  if (w == "ministers") return qualified ? prev + " minister" : "minister";
  if (w == "secretaries") return qualified ? prev + " secretary" : "secretary";
  if (w == "presidents") return "president";
  if (w == "premiers") return "prime minister";
  if (w == "chiefs" && (prev == "defence" || prev == "defense")) return "defen";
  return "";
}

// Titles that make a person the leader of their state, for "the leaders of
// A and B" where A has several people in the article.
bool IsLeaderTitle(absl::string_view role) {
  return absl::StrContains(role, "president") || absl::StrContains(role, "prime minister") ||
         absl::StrContains(role, "chancellor") || absl::StrContains(role, "king") ||
         absl::StrContains(role, "premier") || absl::StrContains(role, "taoiseach");
}

// A title with the names states give one office added: India's "external
// affairs minister", Britain's "foreign secretary" and the US "secretary of
// state" are foreign ministers.
std::string WithOfficeNames(const std::string& role) {
  if (absl::StrContains(role, "external affairs") || absl::StrContains(role, "foreign") ||
      role == "secretary of state") {
    return role + " | foreign minister";
  }
  return role;
}

bool HasRole(const Mentions& m, const Entity& e, absl::string_view title,
             bool (*pred)(absl::string_view)) {
  auto fits = [&](const std::string& role) {
    return pred != nullptr ? pred(role) : absl::StrContains(WithOfficeNames(role), title);
  };
  bool titled = false;
  for (int mi : e.mentions) {
    const std::string role = NormalizeText(m.people[mi].role);
    if (role.empty()) continue;
    titled = true;
    if (fits(role)) return true;
  }
  // A person the text names without a title holds the office the
  // knowledge base gives them that day.
  return !titled && !e.kb_role.empty() && fits(NormalizeText(e.kb_role));
}

// The states (and alliances) a group phrase names around its head noun:
// modifiers before it ("Australian, Indian and Japanese counterparts") and
// an "of"/"from" phrase after it ("leaders of Japan and South Korea").
// `*count` gets the number the phrase gives ("the three leaders"), or -1
// when its "of"/"from" phrase names something that is no known state.
std::vector<std::string> PhraseStates(const Document& doc, const Mentions& m, int head,
                                      int* count, bool* alliance) {
  const Sentence& s = doc.sentences[doc.SentenceOf(head)];
  std::vector<std::string> states;
  auto add_key = [&](const std::string& key) {
    if (std::find(states.begin(), states.end(), key) == states.end()) states.push_back(key);
  };
  // An alliance stands for its own officials and, when `alliance` is
  // given, its member states too ("the G7 leaders").
  auto add = [&](int actor) {
    const ActorMention& a = m.actors[actor];
    add_key(a.key);
    if (a.kind != GazKind::kAlliance || alliance == nullptr) return;
    *alliance = true;
    for (const std::string& member : a.members) add_key(member);
  };
  for (int k = head - 1; k >= s.first && head - k <= 10;) {
    const Token& t = doc.tokens[k];
    if (m.actor_at[k] >= 0) {
      add(m.actor_at[k]);
      k = m.actors[m.actor_at[k]].first - 1;
      continue;
    }
    if (CountWord(t.norm) > 0) *count = CountWord(t.norm);
    // "Egypt's prime minister": the possessive's state is found next.
    const bool modifier = t.norm == "," || t.norm == "and" || t.norm == "'s" ||
                          (t.word && !t.cap && !IsOneOf(t.norm, {"the", "his", "her", "their",
                                                                 "its", "a", "with", "of", "to",
                                                                 "met", "by", "and"}));
    if (!modifier) break;
    --k;
  }
  int k = head + 1;
  if (k < s.last && IsOneOf(doc.tokens[k].norm, {"of", "from"})) {
    // "ministers from Southeast Asia": a qualifier that names no state we
    // know leaves the group unknown, not every minister of the article.
    int first = k + 1;
    while (first < s.last && doc.tokens[first].norm == "the") ++first;
    if (first < s.last && m.actor_at[first] < 0 && doc.tokens[first].cap) *count = -1;
    for (++k; k < s.last;) {
      if (m.actor_at[k] >= 0) {
        add(m.actor_at[k]);
        k = m.actors[m.actor_at[k]].last;
      } else if (IsOneOf(doc.tokens[k].norm, {",", "and", "the"})) {
        ++k;
      } else {
        break;
      }
    }
  }
  return states;
}

}  // namespace

int ResolveTitleReference(const Document& doc, const Mentions& m,
                          const std::vector<Entity>& entities, int head) {
  const std::string& w = doc.tokens[head].norm;
  if (!IsOneOf(w, {"president", "minister", "chancellor", "premier", "secretary", "leader",
                   "taoiseach", "king", "queen", "prince", "princess", "duke", "duchess",
                   "envoy", "diplomat"})) {
    return -1;
  }
  const std::string prev = head > 0 ? doc.tokens[head - 1].norm : "";
  std::string title = w;
  if (IsOneOf(prev, {"foreign", "defence", "defense", "prime", "finance", "vice"})) {
    title = prev + " " + w;
  }
  const bool any_title = IsOneOf(w, {"leader", "envoy", "diplomat"});
  int count = 0;
  const std::vector<std::string> states = PhraseStates(doc, m, head, &count, nullptr);
  if (states.size() > 1 || count < 0) return -1;
  int found = -1;
  int of_state = -1;  // the one person of the state, whatever their title
  int state_count = 0;
  for (size_t e = 0; e < entities.size(); ++e) {
    const Entity& ent = entities[e];
    if (ent.mentions.empty()) continue;
    if (!states.empty() && ent.state != states[0]) continue;
    if (!states.empty()) {
      ++state_count;
      of_state = static_cast<int>(e);
    }
    // A title can be part of the name itself ("Sophie, Duchess of Edinburgh").
    const bool in_name =
        std::find(ent.name_tokens.begin(), ent.name_tokens.end(), w) != ent.name_tokens.end();
    const bool fits = any_title ? !states.empty() : (in_name || HasRole(m, ent, title, nullptr));
    if (!fits) continue;
    if (found >= 0) return -1;  // two people fit: the title does not say which
    found = static_cast<int>(e);
  }
  // "the Finnish president" when the article names one Finn, untitled.
  if (found < 0 && state_count == 1) found = of_state;
  return found;
}

bool IsDelegationNoun(absl::string_view w) {
  return IsOneOf(w, {"delegation", "delegations", "team"});
}

bool IsVisitingGroup(const Document& doc, int head) {
  for (int k = head - 1; k >= 0 && k >= head - 3 && doc.tokens[k].word; --k) {
    if (doc.tokens[k].norm == "visiting") return true;
  }
  return false;
}

bool IsGroupNoun(absl::string_view w) {
  return IsOneOf(w, {"leaders", "ministers", "presidents", "counterparts", "chiefs", "envoys",
                     "officials", "premiers", "diplomats", "secretaries", "heads"});
}

// The office a counterpart of someone titled `role` holds, as the words
// to look for in a title; "" when the role says nothing we can match.
std::string CounterpartTitle(const std::string& role, bool* leader) {
  const std::string r = NormalizeText(role);
  *leader = false;
  if (absl::StrContains(r, "defen")) return "defen";
  if (absl::StrContains(r, "secretary of state") || absl::StrContains(r, "foreign")) {
    return "foreign";
  }
  if (absl::StrContains(r, "national security")) return "national security";
  if (IsLeaderTitle(r)) *leader = true;
  return "";
}

namespace {

// The group its own words name: the states and title around `head`.
GroupReference ResolveGroupHere(const Document& doc, const Mentions& m,
                                const std::vector<Entity>& entities, int head,
                                const std::string& counterpart_role) {
  GroupReference out;
  const std::string& noun = doc.tokens[head].norm;
  // "his Turkish counterpart": one person, who holds the office in the
  // state named; only when the office of the person it is relative to is
  // known.
  const bool one_counterpart = noun == "counterpart";
  if (one_counterpart && counterpart_role.empty()) return out;
  if (!IsGroupNoun(noun) && !one_counterpart) return out;
  int count = 0;
  bool alliance = false;
  const std::vector<std::string> states = PhraseStates(doc, m, head, &count, &alliance);
  if (count < 0) return out;
  std::string title = TitleOf(doc, head);
  bool leaders_only = false;
  // "her Quad counterparts" of someone whose office is unknown: an
  // alliance's many officials give no way to tell which.
  if (noun == "counterparts" && counterpart_role.empty() && alliance) {
    return out;
  }
  if ((noun == "counterparts" || one_counterpart) && !counterpart_role.empty()) {
    title = CounterpartTitle(counterpart_role, &leaders_only);
    if (title.empty() && !leaders_only) return out;  // an office we cannot match
  }
  if (states.empty() && title.empty()) return out;
  auto named = [&](const Entity& e) { return !e.mentions.empty(); };
  if (states.empty()) {
    // "the visiting foreign ministers": everyone the article gives that title.
    for (size_t e = 0; e < entities.size(); ++e) {
      if (named(entities[e]) && HasRole(m, entities[e], title, nullptr)) {
        out.entities.push_back(static_cast<int>(e));
      }
    }
    if (count > 0 && static_cast<int>(out.entities.size()) != count) out.entities.clear();
  } else {
    for (const std::string& state : states) {
      std::vector<int> of_state;
      std::vector<int> titled;
      for (size_t e = 0; e < entities.size(); ++e) {
        if (!named(entities[e]) || entities[e].state != state) continue;
        of_state.push_back(static_cast<int>(e));
        const bool fits = title.empty() ? HasRole(m, entities[e], "", IsLeaderTitle)
                                        : HasRole(m, entities[e], title, nullptr);
        if (fits) titled.push_back(static_cast<int>(e));
      }
      // One person of that state settles it; else the title must. A
      // counterpart must hold the office, whoever else the state has.
      // Of an alliance's many states, only the title counts: its one US
      // official named is no "G7 leader" unless they lead.
      const bool strict = leaders_only || !counterpart_role.empty() || alliance;
      if (titled.size() == 1) {
        out.entities.push_back(titled[0]);
      } else if (of_state.size() == 1 && !strict) {
        out.entities.push_back(of_state[0]);
      }
    }
  }
  if (out.entities.size() < 2 && states.empty()) out.entities.clear();
  if (one_counterpart && (states.size() != 1 || out.entities.size() != 1)) out.entities.clear();
  if (!out.entities.empty()) {
    out.how = absl::StrCat("group:", doc.tokens[head].norm, "[", absl::StrJoin(states, ","), "]");
  }
  return out;
}

// The end of the aside that follows group noun `head` ("leaders - the
// presidents of A and B, and C's prime minister - visited"; "(...)"), as
// [first, last) inside the brackets; {0, 0} when none follows.
std::pair<int, int> FollowingAside(const Document& doc, int head) {
  const Sentence& s = doc.sentences[doc.SentenceOf(head)];
  int k = head + 1;
  if (k >= s.last) return {0, 0};
  const std::string& open = doc.tokens[k].norm;
  if (open != "(" && !(open == "-" && doc.tokens[k].space_before)) return {0, 0};
  const std::string close = open == "(" ? ")" : "-";
  for (int j = k + 1; j < s.last && j < k + 40; ++j) {
    // A closing dash is spaced too: "Indo-Pacific" holds a hyphen.
    if (doc.tokens[j].norm == close && (close == ")" || doc.tokens[j].space_before)) {
      return {k + 1, j};
    }
  }
  return {0, 0};
}

// The people an aside after a group noun lists: groups, titles and names.
void AddAsideMembers(const Document& doc, const Mentions& m, const std::vector<Entity>& entities,
                     std::pair<int, int> aside, std::vector<int>* out) {
  auto add = [&](int e) {
    if (e >= 0 && std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
  };
  for (int k = aside.first; k < aside.second; ++k) {
    if (m.person_at[k] >= 0) {
      add(m.people[m.person_at[k]].entity);
      k = m.people[m.person_at[k]].last - 1;
    } else if (IsGroupNoun(doc.tokens[k].norm)) {
      for (int e : ResolveGroupHere(doc, m, entities, k, "").entities) add(e);
    } else {
      add(ResolveTitleReference(doc, m, entities, k));
    }
  }
}

// The words before group noun `head` that tell one group from another
// ("Nordic" of "the three Nordic ministers"), normalised; numbers,
// determiners and "other" left out.
std::vector<std::string> GroupModifiers(const Document& doc, int head) {
  const Sentence& s = doc.sentences[doc.SentenceOf(head)];
  std::vector<std::string> out;
  for (int k = head - 1; k >= s.first && k >= head - 3; --k) {
    const Token& t = doc.tokens[k];
    if (!t.word || IsOneOf(t.norm, {"the", "a", "an", "of", "and", "their", "his", "her"})) break;
    if (CountWord(t.norm) > 0 || t.norm == "other" || t.norm == "several") continue;
    out.push_back(t.norm);
  }
  return out;
}

// "The Nordic ministers" after (or before) "Three Nordic ministers - the
// presidents of A and B - ...": a group phrase that names no state or
// title stands for the group another phrase of the article, with the same
// noun and the same modifiers, does name. The nearest such phrase wins,
// earlier ones first.
GroupReference SameGroupElsewhere(const Document& doc, const Mentions& m,
                                  const std::vector<Entity>& entities, int head) {
  const std::vector<std::string> mods = GroupModifiers(doc, head);
  if (mods.empty()) return {};
  GroupReference best;
  int best_distance = 0;
  for (int k = 0; k < static_cast<int>(doc.tokens.size()); ++k) {
    if (k == head || doc.tokens[k].norm != doc.tokens[head].norm) continue;
    const std::vector<std::string> other = GroupModifiers(doc, k);
    bool same = true;
    for (const std::string& w : mods) {
      same &= std::find(other.begin(), other.end(), w) != other.end();
    }
    if (!same) continue;
    GroupReference here = ResolveGroupHere(doc, m, entities, k, "");
    const std::pair<int, int> aside = FollowingAside(doc, k);
    if (aside.second > aside.first) AddAsideMembers(doc, m, entities, aside, &here.entities);
    if (here.entities.size() < 2) continue;
    // Earlier phrases first: a distance after the head counts double.
    const int distance = k < head ? head - k : 2 * (k - head);
    if (best.entities.empty() || distance < best_distance) {
      best = here;
      best.how = absl::StrCat("group:same-as@", k);
      best_distance = distance;
    }
  }
  return best;
}

// "a delegation led by A, B and C", "the team headed by A": the people
// after "led by" that a delegation noun at `noun` names, in text order.
std::vector<int> LedBy(const Document& doc, const Mentions& m, int noun) {
  const Sentence& s = doc.sentences[doc.SentenceOf(noun)];
  int by = -1;
  for (int k = noun + 1; k + 1 < s.last && k <= noun + 4; ++k) {
    if (IsOneOf(doc.tokens[k].norm, {"led", "headed"}) && doc.tokens[k + 1].norm == "by") {
      by = k + 1;
      break;
    }
    if (doc.tokens[k].word && !doc.tokens[k].cap && !IsOneOf(doc.tokens[k].norm, {"which"})) {
      break;
    }
  }
  std::vector<int> out;
  if (by < 0) return out;
  for (int k = by + 1; k < s.last;) {
    const std::string& w = doc.tokens[k].norm;
    if (m.person_at[k] >= 0) {
      const PersonMention& p = m.people[m.person_at[k]];
      if (p.entity >= 0 && std::find(out.begin(), out.end(), p.entity) == out.end()) {
        out.push_back(p.entity);
      }
      k = std::max(p.last, p.title.Found() ? p.title.last : p.last);
      continue;
    }
    // Titles and the list's glue go on; a lower-case word or a closing
    // dash ends the list.
    if ((w == "-" && doc.tokens[k].space_before) || w == ")" || w == ";" ||
        IsClauseBoundary(w)) {
      break;
    }
    if (doc.tokens[k].word && !doc.tokens[k].cap &&
        !IsOneOf(w, {"and", "of", "for", "the", "on"})) {
      break;
    }
    ++k;
  }
  return out;
}

// "The delegation met X": the people an earlier (or later) "delegation led
// by A and B" of the article names; the nearest such phrase wins.
GroupReference DelegationReference(const Document& doc, const Mentions& m, int head) {
  GroupReference out;
  int best = -1;
  for (int k = 0; k < static_cast<int>(doc.tokens.size()); ++k) {
    if (!IsDelegationNoun(doc.tokens[k].norm)) continue;
    std::vector<int> led = LedBy(doc, m, k);
    if (led.empty()) continue;
    const int distance = k <= head ? head - k : 2 * (k - head);
    if (best < 0 || distance < best) {
      best = distance;
      out.entities = std::move(led);
      out.how = absl::StrCat("group:delegation-led-by@", k);
    }
  }
  return out;
}

}  // namespace

GroupReference ResolveGroup(const Document& doc, const Mentions& m,
                            const std::vector<Entity>& entities, int head,
                            const std::string& counterpart_role) {
  if (IsDelegationNoun(doc.tokens[head].norm)) {
    return DelegationReference(doc, m, head);
  }
  if (doc.tokens[head].norm == "counterpart") {
    return ResolveGroupHere(doc, m, entities, head, counterpart_role);
  }
  if (!IsGroupNoun(doc.tokens[head].norm)) return {};
  GroupReference out = ResolveGroupHere(doc, m, entities, head, counterpart_role);
  const std::pair<int, int> aside = FollowingAside(doc, head);
  if (aside.second > aside.first) {
    const size_t before = out.entities.size();
    AddAsideMembers(doc, m, entities, aside, &out.entities);
    if (out.entities.size() > before) {
      absl::StrAppend(&out.how, out.how.empty() ? "group:" : "", "+aside");
    }
  }
  if (out.entities.size() >= 2) return out;
  GroupReference elsewhere = SameGroupElsewhere(doc, m, entities, head);
  return elsewhere.entities.empty() ? out : elsewhere;
}

}  // namespace newsgraph
