// Stage 4: coreference inside one article. Full names become entities (a
// KB person, or a person learned from the text); short forms — a surname
// alone ("Blinken"), "Mr Putin", "President Biden" — join the entity with
// that surname mentioned nearest before them (else after), and only then
// a KB person of that surname who held office on the publication day.
#ifndef NEWSGRAPH_IMPORTERS_COREF_H_
#define NEWSGRAPH_IMPORTERS_COREF_H_

#include <cstdint>
#include <string>
#include <vector>

#include "importers/gazetteer.h"
#include "importers/knowledge_base.h"
#include "importers/mentions.h"
#include "importers/text.h"

namespace newsgraph {

struct Entity {
  std::string kb_key;  // "" when learned from the text
  std::string name;    // the KB name, or the fullest spelling read
  std::string state;   // the KB state on the publication day, else as read
  std::string kb_role;  // the KB title held on the publication day; "" if none
  std::vector<std::string> name_tokens;  // normalised words of `name`
  std::vector<std::vector<std::string>> surnames;  // normalised surname forms
  std::vector<int> mentions;  // indices into Mentions::people, in text order
  std::string rule;           // how it was resolved: "kb", "kb-surname", "learned"
};

// Fills PersonMention::entity (−1 for short forms nothing explains) and
// returns the entities. `publication_day` is a DayNumber.
std::vector<Entity> ResolveCoreference(const KnowledgeBase& kb, int32_t publication_day,
                                       Mentions* mentions);

// The state a KB person served on `day`: the role holding that day, else
// the latest role begun before it, else the first role; "" without roles.
std::string KbStateOn(const KnowledgeBase& kb, const pb::KbPerson& person, int32_t day);

// The title the article gives `entity` nearest token `tok` (the mention
// at `tok` first, then the closest other mention); "" when none.
std::string RoleNear(const Mentions& mentions, const Entity& entity, int tok);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_COREF_H_
