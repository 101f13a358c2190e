#include "importers/text.h"

#include <algorithm>
#include <cstdlib>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "utf8proc.h"

namespace newsgraph {
namespace {

// Decodes the code point at `pos`; advances `pos`. Invalid bytes decode as
// U+FFFD one byte at a time so a bad byte never stalls the scan.
int32_t NextCodePoint(absl::string_view s, size_t* pos) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data() + *pos),
      static_cast<utf8proc_ssize_t>(s.size() - *pos), &cp);
  if (n <= 0) {
    *pos += 1;
    return 0xFFFD;
  }
  *pos += static_cast<size_t>(n);
  return cp;
}

int32_t PeekCodePoint(absl::string_view s, size_t pos) {
  if (pos >= s.size()) return -1;
  return NextCodePoint(s, &pos);
}

bool IsLetter(int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}

bool IsWordChar(int32_t cp) {
  if (cp < 0) return false;
  if (IsLetter(cp)) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool IsUpper(int32_t cp) {
  return cp >= 0 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
                     utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

bool IsSpace(int32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f' || cp == '\v') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return true;
    default:
      return cp == 0x200B || cp == 0xFEFF;  // zero-width space, BOM
  }
}

bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

// Titles and month abbreviations after which a full stop does not end a
// sentence ("Mr. Putin", "Nov. 14").
const absl::flat_hash_set<std::string>& Abbreviations() {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st",
      "jr", "sr", "sen", "rep", "reps", "gov", "adm", "prof", "rev", "hon", "no",
      "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "inc", "corp", "co", "ltd", "mt", "ft", "pres",
      "amb", "cmdr", "gov", "messrs", "approx", "est", "fig", "ms"};
  return *kSet;
}

// Words that usually open a sentence and rarely follow an abbreviation
// inside one.
bool SentenceOpener(const std::string& w) {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "he", "she", "they", "it", "we", "i", "in", "on", "but", "this",
      "these", "those", "his", "her", "their", "its", "our", "after", "when", "while",
      "there", "both", "however", "meanwhile", "during", "earlier", "later"};
  return kSet->contains(w);
}


// Words that make a fragment a clause of its own: finite auxiliaries and
// common reporting or action verbs.
bool FiniteVerbWord(const std::string& w) {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
      "will", "would", "can", "could", "may", "might", "shall", "should", "must",
      "do", "does", "did", "said", "says", "say", "told", "tells", "added", "adds",
      "met", "meets", "called", "calls", "spoke", "speaks", "went", "goes", "made",
      "makes", "took", "takes", "gave", "gives", "held", "holds", "flew", "flies",
      "came", "comes", "led", "leads", "left", "leaves", "sat", "began", "begins", "saw",
      "sees", "wrote", "writes", "sent", "sends", "won", "wins", "lost", "brought", "kept",
      "put", "ran", "runs", "hosts", "visits", "signed", "signs", "arrives", "travels",
      "urges", "plans", "hopes", "wants", "thanks", "won't", "can't", "didn't",
      "doesn't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't"};
  return kSet->contains(w);
}

// A full stop inside a sentence ("of the Chinese Communist. Party and ...
// on Monday."): the fragment after it has no verb of its own and does not
// open with a subject, so it continues the clause before it. Merges such
// fragments (on the same line, ended by a full stop) into the sentence
// before them.
bool IsWeekdayOrMonth(const std::string& w) {
  static const auto* kSet = new absl::flat_hash_set<std::string>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  return kSet->contains(w);
}

void MergeStrayStops(Document* doc) {
  const auto& toks = doc->tokens;
  std::vector<Sentence> out;
  for (const Sentence& s : doc->sentences) {
    bool merge = false;
    if (!out.empty() && s.last - s.first >= 3 && s.last - s.first <= 30 &&
        !toks[s.first].newline_before && toks[s.first].word && toks[s.first].cap &&
        !toks[s.first].all_caps && !SentenceOpener(toks[s.first].norm)) {
      const Sentence& p = out.back();
      const Token& stop = toks[s.first - 1];
      // The previous sentence ends in a bare full stop right after a
      // lower-case-free capitalised word ("Communist."), not a quote.
      // A day or a month ends sentences ("... on Wednesday. Lowe arrives").
      merge = p.last - p.first >= 8 && stop.norm == "." && s.first - 2 >= p.first &&
              toks[s.first - 2].word && toks[s.first - 2].cap &&
              !IsWeekdayOrMonth(toks[s.first - 2].norm) &&
              toks[s.first - 2].end == stop.begin && toks[s.last - 1].norm == ".";
      for (int k = s.first + 1; merge && k < s.last; ++k) {
        const Token& t = toks[k];
        if (!t.word) {
          if (t.norm == "\"" || t.norm == ":" || t.norm == ";") merge = false;
          continue;
        }
        if (t.cap) continue;
        const std::string& w = t.norm;
        if (FiniteVerbWord(w) || w == "he" || w == "she" || w == "they" || w == "it" ||
            w == "we" || w == "i" || w == "who" || w == "which" || w == "that" ||
            (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)) {
          merge = false;
        }
      }
      // The first word itself must not be a verb or pronoun either.
      if (merge && FiniteVerbWord(toks[s.first].norm)) merge = false;
    }
    if (merge) {
      Sentence& p = out.back();
      p.last = s.last;
      p.end = s.end;
    } else {
      out.push_back(s);
    }
  }
  doc->sentences = std::move(out);
}

}  // namespace

std::string NormalizeText(absl::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
      static_cast<utf8proc_ssize_t>(s.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                     UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD));
  std::string mapped;
  if (n < 0) {
    mapped = absl::AsciiStrToLower(s);
  } else {
    mapped.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  }
  std::free(out);
  // Second pass: typographic punctuation and letters without a decomposition.
  std::string result;
  result.reserve(mapped.size());
  size_t pos = 0;
  while (pos < mapped.size()) {
    size_t start = pos;
    int32_t cp = NextCodePoint(mapped, &pos);
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        result.push_back('\'');
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
        result.push_back('"');
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
      case 0x2212:
        result.push_back('-');
        break;
      case 0x0142: result.push_back('l'); break;   // ł
      case 0x00F8: result.push_back('o'); break;   // ø
      case 0x0111: result.push_back('d'); break;   // đ
      case 0x00E6: result += "ae"; break;          // æ
      case 0x0153: result += "oe"; break;          // œ
      case 0x0131: result.push_back('i'); break;   // dotless i
      case 0x00FE: result += "th"; break;          // þ
      default:
        result.append(mapped, start, pos - start);
    }
  }
  return result;
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  bool space = true, newline = true;
  while (pos < text.size()) {
    size_t start = pos;
    int32_t cp = NextCodePoint(text, &pos);
    if (IsSpace(cp)) {
      space = true;
      if (cp == '\n' || cp == '\r' || cp == 0x2029) newline = true;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (IsWordChar(cp)) {
      int letters = IsLetter(cp) ? 1 : 0, uppers = IsUpper(cp) ? 1 : 0;
      t.cap = IsUpper(cp);
      while (pos < text.size()) {
        size_t here = pos;
        int32_t c = NextCodePoint(text, &pos);
        if (IsWordChar(c)) {
          letters += IsLetter(c);
          uppers += IsUpper(c);
          continue;
        }
        if (IsApostrophe(c) && IsLetter(PeekCodePoint(text, pos))) {
          // "Ukraine's" splits off the possessive; "O'Brien", "didn't" stay whole.
          size_t after = pos;
          int32_t s = NextCodePoint(text, &after);
          if ((s == 's' || s == 'S') && !IsWordChar(PeekCodePoint(text, after))) {
            pos = here;
            break;
          }
          continue;
        }
        pos = here;
        break;
      }
      // Dotted abbreviations: "U.S.", "D.C.", "U.K." become one token.
      if (pos - start == 1 && IsLetter(cp)) {
        size_t p = pos;
        int dots = 0;
        while (p + 1 < text.size() && text[p] == '.' &&
               IsLetter(PeekCodePoint(text, p + 1))) {
          size_t q = p + 1;
          NextCodePoint(text, &q);
          if (q < text.size() && text[q] == '.' && !IsLetter(PeekCodePoint(text, q + 1))) {
            p = q + 1;
            ++dots;
            break;
          }
          if (q < text.size() && text[q] == '.') {
            p = q;
            ++dots;
            continue;
          }
          break;
        }
        if (dots > 0) {
          pos = p;
          uppers = letters = 2;
        }
      }
      t.word = true;
      t.all_caps = letters >= 2 && uppers == letters;
      t.end = static_cast<uint32_t>(pos);
      std::string raw(text.substr(start, pos - start));
      raw.erase(std::remove(raw.begin(), raw.end(), '.'), raw.end());
      t.norm = NormalizeText(raw);
    } else if (IsApostrophe(cp) && (PeekCodePoint(text, pos) == 's' ||
                                    PeekCodePoint(text, pos) == 'S') &&
               !tokens.empty() && tokens.back().end == start &&
               !IsWordChar(PeekCodePoint(text, pos + 1))) {
      pos += 1;
      t.end = static_cast<uint32_t>(pos);
      t.norm = "'s";
    } else {
      t.end = static_cast<uint32_t>(pos);
      t.norm = NormalizeText(text.substr(start, pos - start));
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<std::string> NormalizedTokens(absl::string_view phrase) {
  std::vector<std::string> out;
  for (Token& t : Tokenize(phrase)) out.push_back(std::move(t.norm));
  return out;
}

absl::string_view Document::Span(int first, int last) const {
  if (first >= last) return absl::string_view();
  return text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

int Document::SentenceOf(int tok) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), tok,
                             [](int t, const Sentence& s) { return t < s.first; });
  return static_cast<int>(it - sentences.begin()) - 1;
}

Document Analyze(absl::string_view text) {
  Document doc;
  doc.text = text;
  doc.tokens = Tokenize(text);
  const auto& toks = doc.tokens;
  const int n = static_cast<int>(toks.size());
  auto is_close = [&](int i) {
    const std::string& s = toks[i].norm;
    return s == "\"" || s == "'" || s == ")" || s == "]";
  };
  auto is_open = [&](int i) {
    const std::string& s = toks[i].norm;
    return s == "\"" || s == "'" || s == "(" || s == "[";
  };
  int first = 0;
  auto close = [&](int last) {
    if (last <= first) return;
    Sentence s;
    s.first = first;
    s.last = last;
    s.begin = toks[first].begin;
    s.end = toks[last - 1].end;
    doc.sentences.push_back(s);
    first = last;
  };
  for (int i = 0; i < n; ++i) {
    if (i > first && toks[i].newline_before) close(i);
    // "landed in Washington, D.C. Both sides": an abbreviation's full stop ends
    // the sentence too when a typical sentence opener follows.
    if (toks[i].word && doc.Original(toks[i]).back() == '.' && i + 1 < n &&
        toks[i + 1].space_before && toks[i + 1].cap && SentenceOpener(toks[i + 1].norm)) {
      close(i + 1);
      continue;
    }
    const std::string& s = toks[i].norm;
    if (s != "." && s != "!" && s != "?" && s != "..." && s != "?\"") continue;
    int j = i + 1;
    while (j < n && is_close(j) && !toks[j].space_before) ++j;
    if (j >= n) continue;
    if (!toks[j].space_before) continue;
    const Token& next = toks[j];
    bool starts = next.cap || is_open(j) || (next.word && std::isdigit(
                                                  static_cast<unsigned char>(next.norm[0])));
    if (!starts || next.newline_before) continue;  // a newline closes anyway
    if (s == "." && i > 0 && toks[i - 1].word && toks[i - 1].end == toks[i].begin) {
      const Token& prev = toks[i - 1];
      absl::string_view orig = doc.Original(prev);
      if (Abbreviations().contains(prev.norm)) continue;
      if (orig.size() == 1 && prev.cap) continue;  // an initial: "Antony J. Blinken"
    }
    close(j);
    i = j - 1;
  }
  close(n);
  MergeStrayStops(&doc);
  return doc;
}

}  // namespace newsgraph
