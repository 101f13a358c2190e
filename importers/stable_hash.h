// A hash that stays the same across runs, builds and machines (unlike
// absl::Hash), for values that are stored: article content, KB fingerprints.
#ifndef NEWSGRAPH_IMPORTERS_STABLE_HASH_H_
#define NEWSGRAPH_IMPORTERS_STABLE_HASH_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace newsgraph {

// 64-bit FNV-1a, printed as 16 hex digits with the byte length appended, so
// that two texts collide only if they also have the same length.
inline std::string StableHash(absl::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return absl::StrFormat("%016x:%d", h, bytes.size());
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_STABLE_HASH_H_
