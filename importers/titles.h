// Titles of office around a name: "Deputy Foreign Minister" before
// "Sergei Ryabkov", ", the US ambassador to NATO" after "Julianne Smith".
// A closed vocabulary of head nouns (minister, secretary, envoy ...) and
// modifiers (deputy, foreign, national ...); capitalised words are allowed
// inside a title only as a complement after "of"/"to"/"for" ("Director of
// the Office of Planning"). Used by mentions.cc.
#ifndef NEWSGRAPH_IMPORTERS_TITLES_H_
#define NEWSGRAPH_IMPORTERS_TITLES_H_

#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "importers/text.h"

namespace newsgraph {

// True for head nouns of titles ("minister", "president", "envoy").
bool IsTitleHead(absl::string_view norm);
// True for heads and modifiers ("deputy", "foreign", "national").
bool IsTitleWord(absl::string_view norm);

// A plural title head ("leaders", "ministers"; not "duchess").
bool IsPluralTitle(absl::string_view head);

// A title of nobility that, with "of <place>", makes a royal's style
// ("Duchess of Edinburgh").
bool IsPeerageTitle(absl::string_view norm);
// "Mr", "Mrs", "Ms", "Dr", "Madam".
bool IsHonorific(absl::string_view norm);

struct TitleSpan {
  int first = -1;  // tokens [first, last) of the title, nationality excluded
  int last = -1;
  std::string head;  // normalised head noun ("minister")
  bool Found() const { return first >= 0 && last > first; }
};

// Tells the scanners which tokens belong to a known entity (a state,
// demonym, alliance or person match): a title stops there, except that a
// state or alliance may complete it after "of"/"to" ("Ambassador to the UN").
using EntityAt = std::function<bool(int token)>;

// The title that ends right before token `name_first` ("Secretary of State
// Antony Blinken"), or before ", " when `through_comma` ("the Australian
// prime minister, Scott Morrison"). Scans no further left than `floor`.
TitleSpan TitleBefore(const Document& doc, int floor, int name_first, bool through_comma,
                      const EntityAt& entity_at);

// An appositive title after the name ending at `name_last`: ", the Russian
// foreign minister" or ", president of the Palestinian National
// Initiative". `*nationality_tok` receives the token of a state or demonym
// met between the comma and the title (-1 if none).
TitleSpan TitleAfter(const Document& doc, int name_last, int ceiling,
                     const EntityAt& entity_at, int* nationality_tok);

// The role as the gold conventions write it: the title's text without a
// leading "then-" ("then-Speaker" -> "Speaker"); "" for a bare
// "counterpart", which names no office.
std::string RoleText(const Document& doc, const TitleSpan& title);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_TITLES_H_
