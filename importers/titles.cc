#include "importers/titles.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace newsgraph {
namespace {

const absl::flat_hash_set<std::string>& Heads() {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "president", "minister", "ministers", "secretary", "chancellor", "premier",
      "leader", "leaders", "king", "queen", "prince", "princess", "duke", "duchess", "emir", "sheikh", "sultan",
      "ambassador", "envoy", "adviser", "advisor", "spokesperson", "spokesman",
      "spokeswoman", "speaker", "senator", "sen", "rep", "representative",
      "congressman", "congresswoman", "lawmaker", "governor", "general", "gen",
      "admiral", "chairman", "chairwoman", "chair", "director", "diplomat",
      "chief", "commander", "head", "lady", "counterpart", "official", "mayor",
      "pope", "candidate", "member", "commissioner", "coordinator",
      "negotiator", "officer", "aide", "deputy", "monarch", "ruler", "nominee",
      "taoiseach", "czar", "tsar", "dictator", "strongman", "delegate",
      "president-elect", "attorney", "counselor", "counsellor", "undersecretary",
      "vice-president", "secretary-general", "representative", "mp", "tanaiste",
      "chargé", "charge", "envoys", "superintendent", "marshal", "colonel",
      "ayatollah", "archbishop", "patriarch", "crown", "lt", "col", "adm", "maj",
      "capt", "sgt", "gov", "pres", "amb", "aides", "generals", "presidents", "senators",
      "secretaries", "officials", "chancellors", "premiers", "ambassadors", "advisers",
      "advisors", "representatives", "diplomats", "commanders", "heads", "chiefs"};
  return *kSet;
}

const absl::flat_hash_set<std::string>& Modifiers() {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "former", "deputy", "vice", "first", "principal", "executive",
      "senior", "acting", "special", "assistant", "under", "top", "foreign",
      "prime", "defence", "defense", "national", "security", "state", "interior",
      "finance", "economy", "economic", "trade", "treasury", "house", "white",
      "supreme", "parliamentary", "presidential", "climate", "union", "cabinet",
      "commerce", "affairs", "external", "high", "lead", "permanent", "junior",
      "military", "intelligence", "armed", "forces", "joint", "chiefs", "staff",
      "international", "policy", "homeland", "incoming", "outgoing", "new",
      "interim", "caretaker", "longtime", "current", "sitting", "party",
      "communist", "politburo", "standing", "committee", "council", "commission",
      "office", "ministry", "department", "federal", "majority", "minority",
      "army", "navy", "air", "force", "central", "public", "energy",
      "environment", "health", "justice", "agriculture", "education", "labor",
      "labour", "employment", "transport", "infrastructure", "development",
      "cooperation", "relations", "narcotics", "control", "bureau", "counterterrorism",
      "crime", "transnational", "nuclear", "safety", "nature", "conservation",
      "forest", "climate", "change", "commander-in-chief", "in", "country",
      "intelligence", "ukrainian", "china", "counternarcotics", "team", "hamas",
      "political", "sector", "services", "service", "multilateral", "bilateral",
      "regional", "global", "pacific", "asia", "indo-pacific", "european",
      "deputies", "unit", "agency", "chiefs", "coast", "guard", "general's",
      "overseas", "digital", "science", "technology", "culture", "tourism",
      "communications", "spokesperson's", "inter-agency", "gop", "presidential",
      "campaign", "co"};  // "campaign co-chair"
  return *kSet;
}

bool IsConnector(absl::string_view norm) {
  return norm == "of" || norm == "for" || norm == "to" || norm == "and" || norm == "the";
}

bool IsHyphen(const Token& t) { return t.norm == "-"; }

// Checks [first, last) left to right and moves `first` right past any word
// that cannot belong to a title; returns false when nothing valid remains.
bool Validate(const Document& doc, int* first, int last, std::string* head) {
  const auto& toks = doc.tokens;
  for (int start = *first; start < last; ++start) {
    if (!toks[start].word || !IsTitleWord(toks[start].norm)) continue;
    bool connector = false, ok = true;
    std::string h;
    int k = start;
    for (; k < last; ++k) {
      const Token& t = toks[k];
      if (!t.word) {
        if (IsHyphen(t) || t.norm == "'s" || t.norm == "," || t.norm == ".") continue;
        ok = false;
        break;
      }
      if (IsTitleWord(t.norm)) {
        if (IsTitleHead(t.norm)) h = t.norm;
        continue;
      }
      if (IsConnector(t.norm)) {
        connector = true;
        continue;
      }
      if (t.cap && connector) continue;  // a complement: "of the Foreign Affairs Commission"
      ok = false;
      break;
    }
    if (ok && !h.empty()) {
      *first = start;
      *head = h;
      return true;
    }
    if (!ok) start = k;  // restart after the offending word
  }
  return false;
}

// Drops trailing connectors and punctuation ("ambassador to" -> "ambassador").
int TrimRight(const Document& doc, int first, int last) {
  while (last > first && (!doc.tokens[last - 1].word ||
                          IsConnector(doc.tokens[last - 1].norm))) {
    --last;
  }
  return last;
}

}  // namespace

bool IsTitleHead(absl::string_view norm) { return Heads().contains(std::string(norm)); }

bool IsPluralTitle(absl::string_view head) {
  return absl::EndsWith(head, "s") && !absl::EndsWith(head, "ss");  // not "duchess"
}

bool IsPeerageTitle(absl::string_view norm) {
  return norm == "duke" || norm == "duchess" || norm == "prince" || norm == "princess" ||
         norm == "earl" || norm == "countess";
}

bool IsTitleWord(absl::string_view norm) {
  return IsTitleHead(norm) || Modifiers().contains(std::string(norm));
}

bool IsHonorific(absl::string_view norm) {
  return norm == "mr" || norm == "mrs" || norm == "ms" || norm == "dr" || norm == "madam" ||
         norm == "mme" || norm == "sir";
}

// "the Vice President and President Marcos": a capitalised title after
// "the" before "and" (token `and_at`) names another person, not a second
// title of this one ("Politburo Member and Foreign Minister Wang").
bool DefiniteTitleBefore(const std::vector<Token>& toks, int floor, int and_at) {
  int k = and_at - 1;
  while (k >= floor && toks[k].word && toks[k].cap && IsTitleWord(toks[k].norm)) --k;
  // "Head of the Trade Policy Office and Trade Minister" is
  // one person's titles: the "the" there belongs to an institution.
  return k < and_at - 1 && k >= floor && toks[k].norm == "the" &&
         !(k > floor && IsConnector(toks[k - 1].norm));
}

TitleSpan TitleBefore(const Document& doc, int floor, int name_first, bool through_comma,
                      const EntityAt& entity_at) {
  const auto& toks = doc.tokens;
  int j = name_first - 1;
  if (through_comma) {
    if (j < floor || toks[j].norm != ",") return {};
    --j;
  }
  const int end = j + 1;
  while (j >= floor) {
    const Token& t = toks[j];
    if (entity_at(j)) {
      // "Ambassador to the UN": a state or alliance after a connector.
      int k = j - 1;
      while (k >= floor && entity_at(k)) --k;
      if (k >= floor && toks[k].norm == "the") --k;
      if (k >= floor && (toks[k].norm == "to" || toks[k].norm == "of" ||
                         toks[k].norm == "for")) {
        j = k - 1;
        continue;
      }
      break;
    }
    if (IsHyphen(t) && !t.space_before && j > floor && toks[j - 1].word) {
      --j;
      continue;
    }
    // "Gen." and other abbreviated titles.
    if (t.norm == "." && j > floor && toks[j - 1].end == t.begin &&
        IsTitleWord(toks[j - 1].norm)) {
      --j;
      continue;
    }
    // A list of titles: "Politburo Member, Director of ..., and Foreign
    // Minister".
    // Formal titles are capitalised: "China's president, and President
    // Biden" is two people.
    if (t.norm == "," && j > floor && j + 1 < name_first &&
        (IsTitleWord(toks[j + 1].norm) || toks[j + 1].norm == "and") &&
        toks[j - 1].word && toks[j - 1].cap && !entity_at(j - 1)) {
      --j;
      continue;
    }
    if (!t.word) break;
    if (t.norm == "and" && DefiniteTitleBefore(toks, floor, j)) break;
    if (IsTitleWord(t.norm) || IsConnector(t.norm) || t.cap) {
      --j;
      continue;
    }
    break;
  }
  int first = j + 1;
  TitleSpan span;
  std::string head;
  int last = TrimRight(doc, first, end);
  if (last <= first || !Validate(doc, &first, last, &head)) return {};
  // The title must reach the name: its last word is a title word or a
  // complement, never a stray capitalised word before the name.
  if (through_comma) {
    // An apposition needs an article or a nationality before it.
    int before = first - 1;
    if (before < floor) return {};
    const std::string& b = toks[before].norm;
    if (b != "the" && b != "a" && b != "an" && b != "'s" && !entity_at(before)) return {};
  }
  span.first = first;
  span.last = last;
  span.head = head;
  return span;
}

TitleSpan TitleAfter(const Document& doc, int name_last, int ceiling,
                     const EntityAt& entity_at, int* nationality_tok) {
  const auto& toks = doc.tokens;
  *nationality_tok = -1;
  int j = name_last;
  if (j >= ceiling || toks[j].norm != ",") return {};
  ++j;
  if (j < ceiling && (toks[j].norm == "the" || toks[j].norm == "a" || toks[j].norm == "an")) ++j;
  if (j < ceiling && entity_at(j)) {
    *nationality_tok = j;
    while (j < ceiling && entity_at(j)) ++j;
    if (j < ceiling && toks[j].norm == "'s") ++j;
    // "the Chinese Communist Party's senior official": skip the possessor.
    int k = j;
    while (k < ceiling && toks[k].word && toks[k].cap && !IsTitleWord(toks[k].norm)) ++k;
    if (k > j && k < ceiling && toks[k].norm == "'s") j = k + 1;
  }
  const int first = j;
  bool connector = false;
  int modifier = 0;
  while (j < ceiling) {
    const Token& t = toks[j];
    if (IsHyphen(t) && !t.space_before) {
      ++j;
      continue;
    }
    if (!t.word) break;
    if (IsTitleWord(t.norm)) {
      ++j;
      continue;
    }
    if (IsConnector(t.norm)) {
      connector = true;
      ++j;
      continue;
    }
    if ((t.cap || entity_at(j)) && connector) {
      ++j;
      continue;
    }
    // "X, Diplomatic Advisor to ...": a capitalised modifier the office's
    // list does not know, right before the title word that opens it.
    if (j == first && t.cap && j + 1 < ceiling && IsTitleWord(toks[j + 1].norm)) {
      modifier = 1;
      ++j;
      continue;
    }
    break;
  }
  int last = TrimRight(doc, first, j);
  int start = first;
  std::string head;
  // "at Holm Castle, Finnish President Tom Hart": a title
  // followed by a name is that name's, not an apposition to the first.
  const bool names_next = last < ceiling && toks[last].word && toks[last].cap &&
                          !IsTitleWord(toks[last].norm);
  if (last <= first || names_next || !Validate(doc, &start, last, &head) ||
      start != first + modifier ||
      IsPluralTitle(head)) {  // ", the Quad leaders": a group, not this person
    *nationality_tok = -1;
    return {};
  }
  TitleSpan span;
  span.first = first;
  span.last = last;
  span.head = head;
  return span;
}

std::string RoleText(const Document& doc, const TitleSpan& title) {
  if (!title.Found()) return "";
  int first = title.first;
  const auto& toks = doc.tokens;
  if (toks[first].norm == "then" && first + 1 < title.last && IsHyphen(toks[first + 1])) {
    first += 2;
  }
  if (first >= title.last) return "";
  if (title.head == "counterpart" || title.head == "counterparts") {
    bool other = false;
    for (int k = first; k < title.last; ++k) {
      if (toks[k].word && toks[k].norm != "counterpart" && toks[k].norm != "counterparts" &&
          !IsConnector(toks[k].norm)) {
        other = true;
      }
    }
    if (!other) return "";
  }
  std::string role(doc.Span(first, title.last));
  // Strip trailing possessive leftovers and commas.
  while (!role.empty() && (role.back() == ',' || role.back() == ' ')) role.pop_back();
  return role;
}

}  // namespace newsgraph
