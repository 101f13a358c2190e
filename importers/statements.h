// Stage 6c: explicit statements between actors beyond contacts, as PLOVER
// event types (schema/ontology.h): SANCTION ("X imposed sanctions on Y",
// "X sanctioned Y"), SUPPORT ("X expressed support for Y") and ACCUSE
// ("X condemned Y", "X accused Y of ..."). Each side is a named person or a
// state, alliance or capital the gazetteer knows. Only the plain pattern
// fires: the source is the subject right before the verb and the target is
// named right after it (or after "sanctions on", "support for"), so a
// sentence that merely mentions sanctions or support yields nothing.
#ifndef NEWSGRAPH_IMPORTERS_STATEMENTS_H_
#define NEWSGRAPH_IMPORTERS_STATEMENTS_H_

#include <string>
#include <vector>

#include "importers/coref.h"
#include "importers/extraction.h"
#include "importers/knowledge_base.h"
#include "importers/mentions.h"
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

struct StatementDraft {
  std::string plover_type;  // "SANCTION", "SUPPORT", "ACCUSE"
  Trigger trigger;          // the verb (mode "")
  // Source side first, then the target side; people carry their entity
  // index in `entity` (-1 for states and alliances).
  std::vector<Participant> participants;
  std::vector<int> entity;
  std::string rule;
};

// The statements of sentence `sentence_index`.
std::vector<StatementDraft> StatementsInSentence(const Document& doc, int sentence_index,
                                                 const Mentions& mentions,
                                                 const std::vector<Entity>& entities,
                                                 const KnowledgeBase& kb);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_STATEMENTS_H_
