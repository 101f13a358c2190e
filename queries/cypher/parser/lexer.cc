#include "queries/cypher/parser/lexer.h"

#include <cctype>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// Exactly four hex digits, as \u takes them (no sign or spaces, which
// std::stoul would accept or throw on).
bool ParseHex4(absl::string_view digits, uint32_t* cp) {
  if (digits.size() != 4) return false;
  *cp = 0;
  for (char d : digits) {
    if (!std::isxdigit(static_cast<unsigned char>(d))) return false;
    *cp = *cp * 16 + (IsDigit(d) ? d - '0' : (std::tolower(static_cast<unsigned char>(d)) - 'a' + 10));
  }
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) { *out += static_cast<char>(cp); return; }
  if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    }
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  *out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

absl::StatusOr<std::vector<Token>> Lex(absl::string_view q) {
  std::vector<Token> tokens;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  auto error = [&](size_t at, absl::string_view msg) {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", line, ", column ", at - line_start + 1, ": ", msg));
  };
  while (true) {
    // Whitespace and comments.
    while (i < q.size()) {
      if (q[i] == '\n') { ++line; line_start = ++i; continue; }
      if (std::isspace(static_cast<unsigned char>(q[i]))) { ++i; continue; }
      if (q.substr(i, 2) == "//") { while (i < q.size() && q[i] != '\n') ++i; continue; }
      if (q.substr(i, 2) == "/*") {
        const size_t close = q.find("*/", i + 2);
        if (close == absl::string_view::npos) return error(i, "unterminated comment");
        for (size_t j = i; j < close; ++j) if (q[j] == '\n') { ++line; line_start = j + 1; }
        i = close + 2;
        continue;
      }
      break;
    }
    Token t;
    t.offset = i;
    t.line = line;
    t.column = static_cast<int>(i - line_start + 1);
    if (i >= q.size()) {
      t.kind = TokenKind::kEnd;
      t.end = i;
      tokens.push_back(t);
      return tokens;
    }
    const char c = q[i];
    if (IsIdentStart(c) || (c == '$' && i + 1 < q.size())) {
      size_t j = c == '$' ? i + 1 : i;
      if (c == '$' && q[j] == '`') {
        const size_t close = q.find('`', j + 1);
        if (close == absl::string_view::npos) return error(i, "unterminated `");
        t.text = std::string(q.substr(j + 1, close - j - 1));
        i = close + 1;
      } else {
        while (j < q.size() && IsIdentChar(q[j])) ++j;
        t.text = std::string(q.substr(c == '$' ? i + 1 : i, j - (c == '$' ? i + 1 : i)));
        if (c == '$' && t.text.empty()) return error(i, "expected a parameter name");
        i = j;
      }
      t.kind = c == '$' ? TokenKind::kParam : TokenKind::kIdent;
    } else if (c == '`') {
      const size_t close = q.find('`', i + 1);
      if (close == absl::string_view::npos) return error(i, "unterminated `");
      t.kind = TokenKind::kQuotedIdent;
      t.text = std::string(q.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (IsDigit(c) || (c == '.' && i + 1 < q.size() && IsDigit(q[i + 1]) &&
                              !(tokens.size() && tokens.back().text == "."))) {
      size_t j = i;
      t.kind = TokenKind::kInt;
      if (c == '0' && j + 1 < q.size() && (q[j + 1] == 'x' || q[j + 1] == 'o')) {
        j += 2;
        while (j < q.size() && std::isxdigit(static_cast<unsigned char>(q[j]))) ++j;
      } else {
        while (j < q.size() && IsDigit(q[j])) ++j;
        // "1..3" is a range, not the float "1.".
        if (j + 1 < q.size() && q[j] == '.' && IsDigit(q[j + 1])) {
          t.kind = TokenKind::kFloat;
          ++j;
          while (j < q.size() && IsDigit(q[j])) ++j;
        }
        if (j < q.size() && (q[j] == 'e' || q[j] == 'E')) {
          size_t k = j + 1;
          if (k < q.size() && (q[k] == '-' || q[k] == '+')) ++k;
          if (k < q.size() && IsDigit(q[k])) {
            t.kind = TokenKind::kFloat;
            j = k;
            while (j < q.size() && IsDigit(q[j])) ++j;
          }
        }
      }
      if (j < q.size() && IsIdentChar(q[j])) return error(i, "invalid number literal");
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (c == '\'' || c == '"') {
      t.kind = TokenKind::kString;
      size_t j = i + 1;
      while (true) {
        if (j >= q.size()) return error(i, "unterminated string");
        if (q[j] == c) break;
        if (q[j] == '\\' && j + 1 < q.size()) {
          const char e = q[j + 1];
          j += 2;
          switch (e) {
            case 'n': t.text += '\n'; break;
            case 't': t.text += '\t'; break;
            case 'r': t.text += '\r'; break;
            case 'b': t.text += '\b'; break;
            case 'f': t.text += '\f'; break;
            case 'u': {
              uint32_t cp = 0;
              if (!ParseHex4(q.substr(j, 4), &cp)) return error(j, "bad \\u escape");
              AppendUtf8(cp, &t.text);
              j += 4;
              break;
            }
            default: t.text += e;
          }
          continue;
        }
        if (q[j] == '\n') { ++line; line_start = j + 1; }
        t.text += q[j++];
      }
      i = j + 1;
    } else {
      static const char* kTwo[] = {"<>", "<=", ">=", "..", "=~", "+=", "!="};
      t.kind = TokenKind::kSymbol;
      t.text = std::string(1, c);
      for (const char* two : kTwo) {
        if (q.substr(i, 2) == two) { t.text = two; break; }
      }
      if (std::string("()[]{},.:;|=<>+-*/%^").find(c) == std::string::npos && t.text.size() == 1) {
        return error(i, absl::StrCat("unexpected character '", std::string(1, c), "'"));
      }
      i += t.text.size();
    }
    t.end = i;
    tokens.push_back(std::move(t));
  }
}

}  // namespace newsgraph::cypher
