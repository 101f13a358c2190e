// UTF-8 validation for input text.
#ifndef NEWSGRAPH_IMPORTERS_UTF8_H_
#define NEWSGRAPH_IMPORTERS_UTF8_H_

#include <cstddef>
#include <optional>

#include "absl/strings/string_view.h"

namespace newsgraph {

// The byte offset of the first byte that does not start a valid UTF-8
// sequence (overlong forms and surrogates are invalid), or nullopt.
std::optional<size_t> FirstInvalidUtf8(absl::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_UTF8_H_
