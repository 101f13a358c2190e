// Which sentences the Link Grammar parser reads: those that may report a
// contact and whose surface reading leaves something a parse could settle
// (docs/decisions.md, "Parse what the rules cannot settle").
#ifndef NEWSGRAPH_IMPORTERS_PARSE_CANDIDATES_H_
#define NEWSGRAPH_IMPORTERS_PARSE_CANDIDATES_H_

#include <utility>
#include <vector>

#include "importers/events.h"
#include "importers/extraction.h"
#include "importers/mentions.h"
#include "importers/parse/link_parser.h"
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

// The parentheticals of sentence `s` the parse leaves out: spans between
// paired spaced dashes or in brackets that hold none of `triggers`, as
// token ranges [first, last) with their dashes or brackets. They only
// qualify ("the presidents of A and B", "(pictured)"), and leaving them
// out keeps long sentences under the parser's limit.
std::vector<std::pair<int, int>> ParseAsides(const Document& doc, const Sentence& s,
                                              const std::vector<Trigger>& triggers);

// What the parse of `s` leaves out: its asides; every word of a person's
// name but the last, with the title right before it ("Ursula von der
// Leyen" is read as "Leyen"); and the outer phrases no argument stands in
// (a fronted adjunct, a reporting frame ending in "that", the phrase after
// the last name or trigger). A name of several capitalised words invites
// the parser to chain them, and the words around them, into one proper
// noun; one word is one noun phrase, and a shorter sentence parses faster
// (the parser's time grows with the cube of the length). In order, as
// LinkParser::Parse wants them.
std::vector<std::pair<int, int>> ParseLeftOut(const Document& doc, const Sentence& s,
                                               const Mentions& mentions,
                                               const std::vector<Trigger>& triggers);

// Parses sentence `s` into `out` when it may report a contact (a trigger,
// and a person or a word standing for one) that the surface rules' reading
// `drafts` does not settle, and a parse could attach a second person.
// Returns whether a parse was tried; counts candidates and outcomes in
// `stats`.
bool ParseCandidate(const LinkParser& parser, const Document& doc, const Sentence& s,
                    const Mentions& mentions, const std::vector<DraftEvent>& drafts,
                    SentenceParse* out, ParseStats* stats);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_PARSE_CANDIDATES_H_
