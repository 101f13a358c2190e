// Places named after a preposition: "to Kyiv, Moscow and Beijing", "in
// Bali, Indonesia", "in Woodside, California". A place is a state or
// capital the gazetteer knows, or a run of capitalised words that is not a
// person, a title or a month. Commas split a list only when "and"/"or"
// closes it; otherwise "City, Region" is one place.
#ifndef NEWSGRAPH_IMPORTERS_PLACES_H_
#define NEWSGRAPH_IMPORTERS_PLACES_H_

#include <string>
#include <vector>

#include "importers/mentions.h"
#include "importers/text.h"

namespace newsgraph {

struct PlaceSpan {
  int first = 0;  // tokens [first, last)
  int last = 0;
  std::string name;  // the original text ("Bali, Indonesia")
  std::string state;  // ISO code when the place is (or ends in) a known state
};

// The place or list of places starting at token `at` (after skipping
// "the"), within [at, end). Empty when none starts there.
std::vector<PlaceSpan> PlacesAt(const Document& doc, const Mentions& mentions, int at, int end);

// The first place after "in"/"at" in tokens [from, end), or none.
std::vector<PlaceSpan> PlaceAfterPreposition(const Document& doc, const Mentions& mentions,
                                             int from, int end);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_PLACES_H_
