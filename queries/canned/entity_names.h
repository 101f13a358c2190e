// One way of finding the entity a user names, for every command that takes
// a person's or an entity's name: any of its names or aliases, with case,
// diacritics and punctuation ignored (the store's name index,
// NormalizeName): "xi jinping", "Recep Tayyip Erdogan" and "Erdoğan" all
// work. A name that finds nothing is an error with the nearest stored
// names ("did you mean ...?"), not an empty answer.
#ifndef NEWSGRAPH_QUERIES_CANNED_ENTITY_NAMES_H_
#define NEWSGRAPH_QUERIES_CANNED_ENTITY_NAMES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/store.h"

namespace newsgraph::queries {

// Where to look: people only, or every kind of node with a name.
enum class NameScope { kPerson, kEntity, kSide };

// The name under which the entity `typed` names is stored. Errors:
// NotFound 'no person named "x" (did you mean "Xi Jinping"?)';
// InvalidArgument when `typed` is a name or alias of entities stored under
// different names (they are listed).
absl::StatusOr<std::string> ResolveEntityName(const Store& store, absl::string_view typed,
                                              NameScope scope);

// Up to `limit` stored names in `scope` near `typed` (a small edit
// distance over the whole name, or one word of it), nearest first.
absl::StatusOr<std::vector<std::string>> SuggestNames(const Store& store, absl::string_view typed,
                                                      NameScope scope, int limit = 3);

// "no person named "x"" with " (did you mean "A" or "B"?)" when there are
// suggestions, as NotFound.
absl::Status UnknownNameError(const Store& store, absl::string_view typed, NameScope scope);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_CANNED_ENTITY_NAMES_H_
