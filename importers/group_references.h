// Coreference of group noun phrases: a plural noun for officials that
// stands for people the article names elsewhere — "the foreign ministers of
// Norway and Finland", "his Australian, Indian and Japanese counterparts",
// "defence chiefs from A, B and C", "the four foreign ministers". The
// states the phrase names select the people; the noun's title narrows them
// ("ministers" keeps those the article calls minister).
#ifndef NEWSGRAPH_IMPORTERS_GROUP_REFERENCES_H_
#define NEWSGRAPH_IMPORTERS_GROUP_REFERENCES_H_

#include <string>
#include <vector>

#include "importers/coref.h"
#include "importers/mentions.h"
#include "importers/text.h"

namespace newsgraph {

// Whether group noun `head` is of guests ("the visiting foreign
// ministers"): then none of the host's state is among them.
bool IsVisitingGroup(const Document& doc, int head);

// True for the plural nouns a group of officials is named by ("leaders",
// "ministers", "counterparts", "chiefs", ...).
bool IsGroupNoun(absl::string_view norm);

// True for the nouns of a travelling party its leaders stand for
// ("delegation", "team"; see ResolveGroup).
bool IsDelegationNoun(absl::string_view norm);

struct GroupReference {
  std::vector<int> entities;  // the people it stands for, in first-mention order
  std::string how;            // "group:ministers[NO,FI]"
};

// The people the group noun phrase whose head is token `head` stands for;
// for "delegation" or "team", the people who lead it ("a delegation led by
// A and B").
// Empty when the phrase names neither a state nor a title and count that
// settle who is meant, or when it would stand for fewer than two people.
// `counterpart_role` is the title of the person whose "counterparts" the
// phrase names: a counterpart holds the same office in another state
// ("Defense Secretary" -> defence ministers, "Secretary of State" ->
// foreign ministers, a president or prime minister -> leaders).
GroupReference ResolveGroup(const Document& doc, const Mentions& mentions,
                            const std::vector<Entity>& entities, int head,
                            const std::string& counterpart_role = "");

// A title used alone for a person the article names ("the Finnish
// president", "the foreign minister", "the president of Finland"): the one
// entity whose state and title fit, or -1 when none or several do. `head`
// is the title's noun.
int ResolveTitleReference(const Document& doc, const Mentions& mentions,
                          const std::vector<Entity>& entities, int head);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_GROUP_REFERENCES_H_
