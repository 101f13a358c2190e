// Sentence structure from the Link Grammar parser (Debian's
// liblink-grammar5 with its English dictionary). A parse is a set of typed
// links between the words of a sentence ("S" subject to verb, "O" verb to
// object, "MV" verb to a modifying preposition, "J" preposition to its
// object, "SJ" conjunction to its conjuncts ...); this file runs the parser
// and maps its words back onto the Document's tokens, so that later stages
// can ask which tokens are linked to which. Reading the links is left to
// importers/parse/link_arguments.h.
#ifndef NEWSGRAPH_IMPORTERS_PARSE_LINK_PARSER_H_
#define NEWSGRAPH_IMPORTERS_PARSE_LINK_PARSER_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "importers/text.h"

namespace newsgraph {

// One link between two tokens of the Document (left < right).
struct ParseLink {
  int left = 0;
  int right = 0;
  std::string label;  // as the dictionary spells it: "Ss*s", "MVp", "SJls"
  std::string type;   // the label's leading capitals: "S", "MV", "SJ"
};

enum class ParseOutcome {
  kParsed,    // a linkage, at most ParserOptions::max_unlinked_words unlinked
  kNoParse,   // the grammar found no linkage
  kTimedOut,  // the time budget ran out first
  kTooLong,   // more words than ParserOptions::max_words: not tried
};

const char* ParseOutcomeName(ParseOutcome outcome);

struct SentenceParse {
  ParseOutcome outcome = ParseOutcome::kNoParse;
  std::vector<ParseLink> links;  // empty unless kParsed
  double millis = 0;             // time spent in the parser

  bool ok() const { return outcome == ParseOutcome::kParsed; }
  // The links that touch `token`.
  std::vector<const ParseLink*> LinksOf(int token) const;
};

struct ParserOptions {
  // Longer sentences are not parsed: the parser's time grows with the cube
  // of the length, and the rules of events.cc take over. Counted after what
  // the caller leaves out (candidates.h: asides, titles and first names,
  // the phrases outside the people and triggers). docs/decisions.md has
  // the measurements behind these defaults.
  int max_words = 20;
  // Words a linkage may leave unlinked, in sentences of at most
  // `unlinked_max_words` words (longer ones must link every word). A
  // sentence with no complete linkage is parsed again, which costs most in
  // long sentences; an unknown word or an odd phrase is likelier in short
  // ones to stand in the way of an argument ("Y, whom she met").
  int max_unlinked_words = 1;
  int unlinked_max_words = 16;
  // The longest a link of the dictionary's "short" connectors may be.
  int short_length = 5;
  // Linkages built, post-processed and ordered by cost; the best of them
  // is read. Where the grammar allows more, the library samples this many.
  int linkage_limit = 30;
  // Whole seconds: the finest budget the library offers.
  int max_seconds = 1;
};

class LinkParser {
 public:
  // Loads the English dictionary. NotFound when the dictionary package
  // (link-grammar-dictionaries-en) is not installed. Sets glibc's malloc
  // to keep large blocks in the heap (link_parser.cc says why), for the
  // whole process.
  static absl::StatusOr<std::unique_ptr<LinkParser>> Create(const ParserOptions& options = {});
  ~LinkParser();
  LinkParser(const LinkParser&) = delete;
  LinkParser& operator=(const LinkParser&) = delete;

  // Parses tokens [sentence.first, sentence.last) of `doc`, leaving out the
  // token ranges `left_out` (each [first, last), inside the sentence, in
  // order, not overlapping): words the caller knows the answer does not
  // need, such as a parenthetical or the first names of a person. Each range
  // is read as one space; its words count toward no limit and get no links.
  // Not thread-safe: one parser per thread.
  SentenceParse Parse(const Document& doc, const Sentence& sentence,
                      const std::vector<std::pair<int, int>>& left_out = {}) const;

 private:
  struct Impl;
  explicit LinkParser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_PARSE_LINK_PARSER_H_
