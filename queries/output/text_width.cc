#include "queries/output/text_width.h"

#include <utf8proc.h>

#include <cstdint>

namespace newsgraph {
namespace queries {
namespace {

constexpr absl::string_view kEllipsis = "…";

// Decodes the character at the front of `text`: its byte length and
// columns. An invalid byte is one column wide, so nothing is lost.
struct Char {
  size_t bytes = 1;
  size_t columns = 1;
  utf8proc_int32_t code_point = -1;
};

// utf8proc's widths of the ASCII characters, asked once: tables measure
// and cut every evidence sentence, nearly all of it ASCII.
struct AsciiWidths {
  AsciiWidths() {
    for (int cp = 0; cp < 0x80; ++cp) {
      const int w = utf8proc_charwidth(cp);
      columns[cp] = w < 0 ? 0 : static_cast<uint8_t>(w);
    }
  }
  uint8_t columns[0x80];
};

Char NextChar(absl::string_view text) {
  Char c;
  static const AsciiWidths* const kAscii = new AsciiWidths();
  const auto first = static_cast<unsigned char>(text.front());
  if (first < 0x80) {
    c.code_point = first;
    c.columns = kAscii->columns[first];
    return c;
  }
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &cp);
  if (n <= 0 || cp < 0) return c;
  c.bytes = static_cast<size_t>(n);
  c.code_point = cp;
  const int w = utf8proc_charwidth(cp);
  c.columns = w < 0 ? 0 : static_cast<size_t>(w);
  return c;
}

bool IsSpace(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') {
    return true;
  }
  return cp > 0x7f && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

// Whether `text` is wider than `width`, measuring no further than that.
bool WiderThan(absl::string_view text, size_t width) {
  size_t used = 0;
  while (!text.empty()) {
    const Char c = NextChar(text);
    used += c.columns;
    if (used > width) return true;
    text.remove_prefix(c.bytes);
  }
  return false;
}

}  // namespace

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  while (!text.empty()) {
    const Char c = NextChar(text);
    width += c.columns;
    text.remove_prefix(c.bytes);
  }
  return width;
}

std::string TruncateToWidth(absl::string_view text, size_t width) {
  if (!WiderThan(text, width)) return std::string(text);
  if (width == 0) return "";
  const size_t room = width - 1;  // one column for the ellipsis
  std::string out;
  size_t used = 0;
  while (!text.empty()) {
    const Char c = NextChar(text);
    if (used + c.columns > room) break;
    out.append(text.data(), c.bytes);
    used += c.columns;
    text.remove_prefix(c.bytes);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out.append(kEllipsis.data(), kEllipsis.size());
  return out;
}

std::string PadToWidth(absl::string_view text, size_t width) {
  std::string out(text);
  const size_t have = DisplayWidth(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string CollapseSpaces(absl::string_view text) {
  std::string out;
  bool pending_space = false;
  while (!text.empty()) {
    const Char c = NextChar(text);
    if (IsSpace(c.code_point)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.data(), c.bytes);
    }
    text.remove_prefix(c.bytes);
  }
  return out;
}

}  // namespace queries
}  // namespace newsgraph
