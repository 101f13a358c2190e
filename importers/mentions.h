// Stage 3: mentions. Known people, states and alliances from the gazetteer,
// and people the knowledge base does not know, found by the titles around
// them ("Russian Deputy Foreign Minister Sergei Ryabkov", "Julianne Smith,
// the US ambassador to NATO", "his Chinese counterpart Wang Yi"). Each
// person mention carries the title and nationality read next to it; short
// forms ("Blinken", "Mr Putin", "President Biden") are left for coref.cc.
#ifndef NEWSGRAPH_IMPORTERS_MENTIONS_H_
#define NEWSGRAPH_IMPORTERS_MENTIONS_H_

#include <string>
#include <vector>

#include "importers/gazetteer.h"
#include "importers/text.h"
#include "importers/titles.h"

namespace newsgraph {

struct PersonMention {
  int first = 0;  // name tokens [first, last)
  int last = 0;
  TitleSpan title;    // the title next to the name, if any
  std::string role;   // RoleText(title): "Deputy Foreign Minister"
  std::string kb_key;              // a full-name match of a KB person
  std::vector<std::string> kb_candidates;  // KB people sharing the surname
  std::string name;                // the name as written
  std::vector<std::string> name_tokens;  // normalised words of the name
  std::string nationality;  // state code or alliance read next to the name
  bool short_form = false;  // a surname alone, "Mr X", "President X"
  bool title_only = false;  // "the Executive Vice Minister": name_tokens hold the title
  std::string rule;         // "kb-name", "title-pattern", "apposition", "surname", ...
  int entity = -1;          // set by coreference: index into the entities
};

// A state, demonym, capital or alliance.
struct ActorMention {
  int first = 0;
  int last = 0;
  GazKind kind = GazKind::kState;
  std::string key;  // ISO code or alliance name
  // For an alliance: its member states on the publication day, filled by
  // the extractor from the knowledge base ("the G7 leaders").
  std::vector<std::string> members;
};

struct Mentions {
  std::vector<PersonMention> people;  // in text order
  std::vector<ActorMention> actors;   // in text order
  // For each token, the index of the actor covering it, or -1.
  std::vector<int> actor_at;
  // For each token, the index of the person mention covering it, or -1.
  std::vector<int> person_at;
  // Cities and regions of a known state (kind kPlace, key its ISO code),
  // where no person or actor is; for each token the one covering it or -1.
  std::vector<ActorMention> places;
  std::vector<int> place_at;
};

// `places`, when given, is a gazetteer of cities and regions
// (Gazetteer::PlacesFromKb).
Mentions FindMentions(const Document& doc, const Gazetteer& gazetteer,
                      const Gazetteer* places = nullptr);

// True for capitalised words that cannot begin or be a name ("The",
// "Monday", "March", "However").
bool IsNonNameWord(absl::string_view norm);

// True for words that make a capitalised run an institution or a place
// rather than a person ("Fund", "Palace", "Council").
bool IsInstitutionWord(absl::string_view norm);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_MENTIONS_H_
