// Reads a trigger's arguments off a Link Grammar parse (link_parser.h):
// the noun phrases that are its subject and its objects, by construction
// of English rather than by distance:
//   subject   "X met", "X has met", "X is expected to meet", "X flew to
//             Oslo and met", "X, who met", "X's meeting", "after meeting
//             Y, X said", "X said after meeting with Y"
//   object    "met X", "met with X", "talks with X", "a call between X and
//             Y", "was received by X", "invited X to visit"
//   clause    a noun inside a prepositional phrase takes the people of the
//             clause it modifies ("X thanked Y in a phone call"), and the
//             object of a light verb takes the verb's ("X held talks with Y")
// Coordinations ("X of France, Y of Germany and Z") are opened into their
// conjuncts. Each argument is the head token of its noun phrase; mapping it
// to a person (or a pronoun) is the caller's business.
#ifndef NEWSGRAPH_IMPORTERS_PARSE_LINK_ARGUMENTS_H_
#define NEWSGRAPH_IMPORTERS_PARSE_LINK_ARGUMENTS_H_

#include <string>
#include <vector>

#include "importers/parse/link_parser.h"
#include "importers/text.h"

namespace newsgraph {

struct LinkArgument {
  int token = -1;     // head token of the noun phrase
  bool subject = false;
  std::string path;   // the links followed, for explain: "S<-and<-VJ"
};

// The arguments of the trigger whose head word is token `head` (the verb
// of "met", the noun of "phone call"), in text order. `verb` says which
// the trigger is. `other_heads` are the head tokens of the sentence's other
// triggers: a partner phrase right after one of them is its own ("met ... to
// follow up on the summit between X and Y"), wherever the parse hung it.
// Empty when the parse links the head to no argument.
std::vector<LinkArgument> LinkArguments(const Document& doc, const SentenceParse& parse,
                                        int head, bool verb,
                                        const std::vector<int>& other_heads = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_PARSE_LINK_ARGUMENTS_H_
