#include "importers/parse/link_parser.h"

#include <algorithm>
#include <chrono>
#include <cctype>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "absl/strings/str_cat.h"

extern "C" {
#include <link-grammar/link-includes.h>
}

namespace newsgraph {
namespace {

// The library reports through a global handler; its messages (locale
// notices, dictionary debug lines) would otherwise go to stderr on every
// import. Parse failures are read from return values instead.
void IgnoreLinkGrammarMessage(lg_errinfo*, void*) {}

std::string LinkType(const char* label) {
  std::string out;
  for (const char* p = label; *p != '\0' && std::isupper(static_cast<unsigned char>(*p)); ++p) {
    out.push_back(*p);
  }
  return out;
}

// The sentence as the parser reads it, and for each of its bytes (and one
// past the end) the offset of the original byte it came from. Typographic
// apostrophes and dashes become their ASCII forms, which the dictionary
// knows ("Biden’s" would otherwise be one unknown word); quotation marks,
// line breaks, tabs and no-break spaces become spaces: a quotation mark
// only adds a word to link (or to leave unlinked, which means parsing again).
struct ParserInput {
  std::string text;
  std::vector<uint32_t> origin;
};

// `skip` holds byte ranges of `in` to leave out, in order; each becomes one
// space.
ParserInput MakeParserInput(absl::string_view in,
                            const std::vector<std::pair<uint32_t, uint32_t>>& skip) {
  ParserInput out;
  out.text.reserve(in.size());
  size_t next_skip = 0;
  for (size_t i = 0; i < in.size();) {
    if (next_skip < skip.size() && i >= skip[next_skip].first) {
      out.text.push_back(' ');
      out.origin.push_back(static_cast<uint32_t>(i));
      i = std::max<size_t>(i, skip[next_skip++].second);
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(in[i]);
    char ascii = 0;
    size_t len = 1;
    if (c == '\n' || c == '\r' || c == '\t' || c == '"') {
      ascii = ' ';
    } else if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
      ascii = ' ';
      len = 2;
    } else if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80) {
      switch (static_cast<unsigned char>(in[i + 2])) {
        case 0x98: case 0x99: ascii = '\''; break;           // ‘ ’
        case 0x9C: case 0x9D: ascii = ' '; break;             // “ ”
        case 0x93: case 0x94: case 0x95: ascii = '-'; break;  // – — ―
        default: break;
      }
      if (ascii != 0) len = 3;
    }
    out.text.push_back(ascii != 0 ? ascii : static_cast<char>(c));
    out.origin.push_back(static_cast<uint32_t>(i));
    i += len;
  }
  out.origin.push_back(static_cast<uint32_t>(in.size()));
  return out;
}

// For each word of the linkage, the last token of `sentence` it overlaps,
// or -1 (the walls, and words made of dropped bytes).
std::vector<int> WordTokens(const Document& doc, const Sentence& sentence,
                            const ParserInput& input, Linkage linkage) {
  const int words = linkage_get_num_words(linkage);
  std::vector<int> out(words, -1);
  int tok = sentence.first;
  const auto at = [&](int byte) {
    return sentence.begin + input.origin[std::min<size_t>(byte, input.origin.size() - 1)];
  };
  for (int w = 0; w < words; ++w) {
    const uint32_t b = at(linkage_get_word_byte_start(linkage, w));
    const uint32_t e = at(linkage_get_word_byte_end(linkage, w));
    if (e <= b) continue;
    while (tok < sentence.last && doc.tokens[tok].end <= b) ++tok;
    for (int k = tok; k < sentence.last && doc.tokens[k].begin < e; ++k) out[w] = k;
  }
  return out;
}

}  // namespace

const char* ParseOutcomeName(ParseOutcome outcome) {
  switch (outcome) {
    case ParseOutcome::kParsed: return "parsed";
    case ParseOutcome::kNoParse: return "no-parse";
    case ParseOutcome::kTimedOut: return "timed-out";
    case ParseOutcome::kTooLong: return "too-long";
  }
  return "?";
}

std::vector<const ParseLink*> SentenceParse::LinksOf(int token) const {
  std::vector<const ParseLink*> out;
  for (const ParseLink& l : links) {
    if (l.left == token || l.right == token) out.push_back(&l);
  }
  return out;
}

struct LinkParser::Impl {
  ParserOptions options;
  Dictionary dictionary = nullptr;
  Parse_Options parse_options = nullptr;

  ~Impl() {
    if (parse_options != nullptr) parse_options_delete(parse_options);
    if (dictionary != nullptr) dictionary_delete(dictionary);
  }
};

// The parser allocates and frees tables of up to tens of megabytes for
// every sentence. With glibc's defaults the large ones are mapped and
// unmapped each time, and the heap's top is given back and taken again,
// so every parse faults its pages in afresh: on the 50 MB benchmark that
// was 11 s of system time (as much as the rest of the import) and the
// parse's p99 (39 ms at 10 MB; 11 ms without). Keeping them in the heap
// costs no resident memory worth naming (peak 62 MB against 60 MB on the
// dev corpus). These settings are the process's.
namespace {
void KeepParserMemory() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum on 64-bit
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
}  // namespace

absl::StatusOr<std::unique_ptr<LinkParser>> LinkParser::Create(const ParserOptions& options) {
  lg_error_set_handler(IgnoreLinkGrammarMessage, nullptr);
  KeepParserMemory();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->dictionary = dictionary_create_lang("en");
  if (impl->dictionary == nullptr) {
    return absl::NotFoundError(
        "the Link Grammar English dictionary is not installed (Debian package "
        "link-grammar-dictionaries-en)");
  }
  Parse_Options po = parse_options_create();
  parse_options_set_verbosity(po, 0);
  parse_options_set_max_parse_time(po, options.max_seconds);
  // The words a linkage may leave unlinked are set for each sentence, by its
  // length (Parse).
  parse_options_set_min_null_count(po, 0);
  parse_options_set_spell_guess(po, 0);
  // Links of the "short" connector types may span at most this many words
  // (the library's default is 16): on the dev candidates 6 halves the
  // parse time and loses 3 parses in 450; 5 takes 9 % fewer instructions
  // than 6 for the same scores and tests.
  parse_options_set_short_length(po, options.short_length);
  // The parser counts every linkage but builds, post-processes and orders
  // only this many; where there are more it samples them, and a small
  // sample can miss the best one (10 broke six tested constructions and 20
  // two; 30 passes them all). Post-processing 100 was a third of the
  // parser's instructions.
  parse_options_set_linkage_limit(po, options.linkage_limit);
  parse_options_set_display_morphology(po, 0);
  impl->parse_options = po;
  return std::unique_ptr<LinkParser>(new LinkParser(std::move(impl)));
}

LinkParser::LinkParser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LinkParser::~LinkParser() = default;

SentenceParse LinkParser::Parse(const Document& doc, const Sentence& s,
                                const std::vector<std::pair<int, int>>& left_out) const {
  SentenceParse out;
  std::vector<std::pair<uint32_t, uint32_t>> skip;
  for (const auto& [first, last] : left_out) {
    skip.emplace_back(doc.tokens[first].begin - s.begin, doc.tokens[last - 1].end - s.begin);
  }
  int words = 0;
  size_t a = 0;
  for (int k = s.first; k < s.last; ++k) {
    while (a < left_out.size() && left_out[a].second <= k) ++a;
    const bool aside = a < left_out.size() && left_out[a].first <= k;
    words += doc.tokens[k].word && !aside ? 1 : 0;
  }
  if (words > impl_->options.max_words) {
    out.outcome = ParseOutcome::kTooLong;
    return out;
  }
  const auto start = std::chrono::steady_clock::now();
  // A sentence with no complete linkage is parsed again for each word
  // allowed unlinked, which costs most in long sentences.
  parse_options_set_max_null_count(impl_->parse_options,
                                   words <= impl_->options.unlinked_max_words
                                       ? impl_->options.max_unlinked_words
                                       : 0);
  const ParserInput input = MakeParserInput(doc.text.substr(s.begin, s.end - s.begin), skip);
  ::Sentence sent = sentence_create(input.text.c_str(), impl_->dictionary);
  const int found = sent == nullptr ? 0 : sentence_parse(sent, impl_->parse_options);
  if (parse_options_timer_expired(impl_->parse_options)) {
    out.outcome = ParseOutcome::kTimedOut;
  } else if (found > 0) {
    Linkage linkage = linkage_create(0, sent, impl_->parse_options);
    if (linkage != nullptr) {
      const std::vector<int> tok = WordTokens(doc, s, input, linkage);
      for (int i = 0; i < linkage_get_num_links(linkage); ++i) {
        int l = tok[linkage_get_link_lword(linkage, i)];
        int r = tok[linkage_get_link_rword(linkage, i)];
        if (l < 0 || r < 0 || l == r) continue;
        if (l > r) std::swap(l, r);
        const char* label = linkage_get_link_label(linkage, i);
        out.links.push_back(ParseLink{l, r, label, LinkType(label)});
      }
      linkage_delete(linkage);
      out.outcome = ParseOutcome::kParsed;
    }
  }
  if (sent != nullptr) sentence_delete(sent);
  out.millis =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace newsgraph
