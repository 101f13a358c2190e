// Stage 1 of the text pipeline: tokens and sentences over the original
// article bytes. Nothing is rewritten in place: every token keeps the byte
// offsets of its original spelling, so evidence offsets point into the
// article exactly, and a normalised form (NFKD, marks stripped, case-folded,
// typographic quotes and dashes unified) is what later stages compare.
#ifndef NEWSGRAPH_IMPORTERS_TEXT_H_
#define NEWSGRAPH_IMPORTERS_TEXT_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgraph {

struct Token {
  uint32_t begin = 0;  // byte offsets in the text, [begin, end)
  uint32_t end = 0;
  std::string norm;    // normalised: "Zelenskyy" -> "zelenskyy", "U.S." -> "us", "’" -> "'"
  bool word = false;   // letters or digits (else punctuation)
  bool cap = false;    // the first character is an upper-case letter
  bool all_caps = false;  // two or more letters, all upper case ("US", "NATO")
  bool space_before = false;  // whitespace separates it from the previous token
  bool newline_before = false;
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets in the text
  uint32_t end = 0;
  int first = 0;       // token indices, [first, last)
  int last = 0;
};

// A tokenised text. `text` is not owned: it must outlive the document.
struct Document {
  absl::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  absl::string_view Original(const Token& t) const {
    return text.substr(t.begin, t.end - t.begin);
  }
  // Original text of tokens [first, last).
  absl::string_view Span(int first, int last) const;
  // Index of the sentence holding token `tok`.
  int SentenceOf(int tok) const;
};

// Lower-cases, strips diacritics (NFKD minus combining marks) and maps
// typographic apostrophes, quotes and dashes to ASCII. Letters that do not
// decompose ("ł", "ø", "ß") get their usual ASCII spelling.
std::string NormalizeText(absl::string_view s);

// Tokenises `text`, which must be valid UTF-8.
std::vector<Token> Tokenize(absl::string_view text);

// Normalised token forms of a phrase, as Tokenize would give them, so
// gazetteer keys and text compare equal ("Thomas-Greenfield" ->
// {"thomas", "-", "greenfield"}).
std::vector<std::string> NormalizedTokens(absl::string_view phrase);

// Tokenises and splits into sentences: at . ! ? followed by space and a
// capital, digit or opening quote (not after titles such as "Mr." or an
// initial such as "J."), and at every line break.
Document Analyze(absl::string_view text);

// Whether `s` is one of `words`. Word lists are string_views so that most
// candidates are rejected by length before any byte is compared: the
// extractor's rules call this for every token.
inline bool IsOneOf(absl::string_view s, std::initializer_list<absl::string_view> words) {
  for (absl::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_TEXT_H_
