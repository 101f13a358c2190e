// NormalizeName: the text under which the `name` column family indexes a
// node, so that "Orbán", "ORBAN" and "orban" find the same person.
#include <cstdlib>
#include <memory>
#include <string>

#include "newsgraph/store.h"
#include "utf8proc.h"

namespace newsgraph {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

// Letters and digits are kept; punctuation, spaces, symbols and controls
// separate words. (Marks are already stripped by the mapping.)
bool IsWordCodepoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// Appends `cp` to `out`, starting a new word with one space if a separator
// came before it.
void AppendWordCodepoint(utf8proc_int32_t cp, bool* pending_space, std::string* out) {
  if (*pending_space && !out->empty()) out->push_back(' ');
  *pending_space = false;
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// For text that is not valid UTF-8: ASCII folding only, other bytes kept,
// so that the same bad bytes still normalise the same way.
std::string NormalizeBytes(absl::string_view name) {
  std::string out;
  bool pending_space = false;
  for (const char c : name) {
    const auto b = static_cast<unsigned char>(c);
    const bool ascii_word = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
                            (b >= 'A' && b <= 'Z');
    if (b < 0x80 && !ascii_word) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back((b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace

std::string NormalizeName(absl::string_view name) {
  utf8proc_uint8_t* mapped_raw = nullptr;
  // IGNORE drops default-ignorables (soft hyphens, zero-width joiners) that
  // would otherwise split or change a name invisibly.
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &mapped_raw,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> mapped(mapped_raw);
  if (length < 0) return NormalizeBytes(name);

  std::string out;
  out.reserve(static_cast<size_t>(length));
  bool pending_space = false;
  utf8proc_ssize_t pos = 0;
  while (pos < length) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(mapped.get() + pos, length - pos, &cp);
    if (n <= 0) break;  // cannot happen on utf8proc's own output
    pos += n;
    if (IsWordCodepoint(cp)) {
      AppendWordCodepoint(cp, &pending_space, &out);
    } else {
      pending_space = true;
    }
  }
  return out;
}

}  // namespace newsgraph
