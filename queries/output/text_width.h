// Display width of UTF-8 text on a terminal, for the table format: wide
// (East Asian) characters take two columns, combining marks none, and an
// invalid byte one.
#ifndef NEWSGRAPH_QUERIES_OUTPUT_TEXT_WIDTH_H_
#define NEWSGRAPH_QUERIES_OUTPUT_TEXT_WIDTH_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace newsgraph {
namespace queries {

size_t DisplayWidth(absl::string_view text);

// `text` cut on a character boundary so that it fits in `width` columns,
// ending with "…" when something was cut.
std::string TruncateToWidth(absl::string_view text, size_t width);

// `text` followed by spaces up to `width` columns (nothing if wider).
std::string PadToWidth(absl::string_view text, size_t width);

// Runs of whitespace (newlines, tabs, no-break spaces) as one space, ends trimmed.
std::string CollapseSpaces(absl::string_view text);

}  // namespace queries
}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERIES_OUTPUT_TEXT_WIDTH_H_
