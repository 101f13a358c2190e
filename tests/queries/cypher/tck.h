// Reading openCypher TCK .feature files for cypher_tck_test.cc: a small
// Gherkin reader (scenarios, outlines with Examples, doc strings, tables)
// and a canonicalizer for the expected-value notation of result tables.
#ifndef NEWSGRAPH_TESTS_QUERIES_CYPHER_TCK_H_
#define NEWSGRAPH_TESTS_QUERIES_CYPHER_TCK_H_

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "queries/cypher/value.h"
#include "queries/output/value_text.h"

namespace newsgraph::cypher::tck {

using Table = std::vector<std::vector<std::string>>;

struct Step {
  std::string keyword;  // the step text after Given/When/Then/And/But
  std::string doc;      // """ block, if any
  Table table;          // | ... | rows, if any
};

struct Scenario {
  std::string name;
  std::vector<Step> steps;
};

// Splits "| a | 'x|y' |" into cells, keeping '|' inside quoted strings.
inline std::vector<std::string> SplitRow(absl::string_view line) {
  std::vector<std::string> cells;
  std::string cur;
  bool in_string = false;
  line = absl::StripAsciiWhitespace(line);
  for (size_t i = 1; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string && c == '\\' && i + 1 < line.size()) { cur += c; cur += line[++i]; continue; }
    if (c == '\'') in_string = !in_string;
    if (c == '|' && !in_string) {
      cells.push_back(std::string(absl::StripAsciiWhitespace(cur)));
      cur.clear();
      continue;
    }
    cur += c;
  }
  return cells;
}

inline std::vector<Scenario> ReadFeature(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<Scenario> out;
  std::vector<Step> background_steps;  // run before every scenario
  size_t i = 0;
  auto strip = [](const std::string& s) { return std::string(absl::StripAsciiWhitespace(s)); };
  while (i < lines.size()) {
    const std::string head = strip(lines[i]);
    const bool outline = absl::StartsWith(head, "Scenario Outline:");
    const bool background = absl::StartsWith(head, "Background:");
    if (!outline && !background && !absl::StartsWith(head, "Scenario:")) { ++i; continue; }
    Scenario sc;
    sc.name = strip(head.substr(head.find(':') + 1));
    sc.steps = background_steps;
    Table examples;
    ++i;
    while (i < lines.size()) {
      const std::string l = strip(lines[i]);
      if (absl::StartsWith(l, "Scenario") || absl::StartsWith(l, "Feature") ||
          absl::StartsWith(l, "Background")) {
        break;
      }
      if (l.empty() || l[0] == '#' || l[0] == '@') { ++i; continue; }
      if (absl::StartsWith(l, "Examples:")) {
        ++i;
        while (i < lines.size() && absl::StartsWith(strip(lines[i]), "|")) examples.push_back(SplitRow(lines[i++]));
        continue;
      }
      Step st;
      const size_t sp = l.find(' ');
      st.keyword = sp == std::string::npos ? l : l.substr(sp + 1);
      ++i;
      if (i < lines.size() && strip(lines[i]) == "\"\"\"") {
        const size_t indent = lines[i].find('"');
        std::vector<std::string> doc;
        for (++i; i < lines.size() && strip(lines[i]) != "\"\"\""; ++i) {
          doc.push_back(lines[i].size() > indent ? lines[i].substr(indent) : strip(lines[i]));
        }
        ++i;
        st.doc = absl::StrJoin(doc, "\n");
      }
      while (i < lines.size() && absl::StartsWith(strip(lines[i]), "|")) st.table.push_back(SplitRow(lines[i++]));
      sc.steps.push_back(std::move(st));
    }
    if (background) {
      background_steps = std::move(sc.steps);
      continue;
    }
    if (!outline || examples.size() < 2) {
      out.push_back(std::move(sc));
      continue;
    }
    for (size_t r = 1; r < examples.size(); ++r) {
      std::vector<std::pair<std::string, std::string>> subs;
      for (size_t c = 0; c < examples[0].size() && c < examples[r].size(); ++c) {
        subs.push_back({absl::StrCat("<", examples[0][c], ">"), examples[r][c]});
      }
      Scenario inst = sc;
      inst.name = absl::StrCat(sc.name, " #", r);
      for (Step& st : inst.steps) {
        st.doc = absl::StrReplaceAll(st.doc, subs);
        for (auto& row : st.table) for (auto& cell : row) cell = absl::StrReplaceAll(cell, subs);
      }
      out.push_back(std::move(inst));
    }
  }
  return out;
}

// Canonical form of a TCK expected value, equal to FormatValue's output for
// the same value. With `sort_lists`, list elements are sorted.
class Canonicalizer {
 public:
  Canonicalizer(absl::string_view text, bool sort_lists) : s_(text), sort_lists_(sort_lists) {}

  std::string Run() {
    std::string v = Value();
    Skip();
    return pos_ == s_.size() ? v : absl::StrCat("<unparsed:", s_, ">");
  }

 private:
  void Skip() { while (pos_ < s_.size() && absl::ascii_isspace(s_[pos_])) ++pos_; }
  bool Eat(char c) { Skip(); if (pos_ < s_.size() && s_[pos_] == c) { ++pos_; return true; } return false; }
  char PeekChar() { Skip(); return pos_ < s_.size() ? s_[pos_] : '\0'; }
  std::string Name() {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == '`') {
      const size_t close = s_.find('`', pos_ + 1);
      std::string n(s_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return n;
    }
    const size_t start = pos_;
    while (pos_ < s_.size() && (absl::ascii_isalnum(s_[pos_]) || s_[pos_] == '_')) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }
  std::string Map() {  // after '{'
    std::vector<std::pair<std::string, std::string>> entries;
    while (!Eat('}') && pos_ < s_.size()) {
      std::string k = Name();
      Eat(':');
      entries.push_back({k, Value()});
      Eat(',');
    }
    std::sort(entries.begin(), entries.end());
    std::vector<std::string> parts;
    for (auto& [k, v] : entries) parts.push_back(absl::StrCat(k, ": ", v));
    return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
  }
  std::string Node() {  // after '('
    std::vector<std::string> labels;
    while (Eat(':')) labels.push_back(Name());
    std::sort(labels.begin(), labels.end());
    std::string out = "(";
    for (const auto& l : labels) absl::StrAppend(&out, ":", l);
    if (Eat('{')) {
      const std::string m = Map();
      if (m != "{}") absl::StrAppend(&out, labels.empty() ? "" : " ", m);
    }
    Eat(')');
    return out + ")";
  }
  std::string Rel() {  // after '['
    Eat(':');
    std::string out = absl::StrCat("[:", Name());
    if (Eat('{')) {
      const std::string m = Map();
      if (m != "{}") absl::StrAppend(&out, " ", m);
    }
    Eat(']');
    return out + "]";
  }
  std::string Value() {
    const char c = PeekChar();
    if (c == '(') { ++pos_; return Node(); }
    if (c == '{') { ++pos_; return Map(); }
    if (c == '<') {
      ++pos_;
      Eat('(');
      std::string out = "<" + Node();
      while (!Eat('>') && pos_ < s_.size()) {
        const bool back = Eat('<');
        Eat('-');
        Eat('[');
        const std::string rel = Rel();
        Eat('-');
        const bool fwd = Eat('>');
        Eat('(');
        absl::StrAppend(&out, back ? "<-" : "-", rel, fwd ? "->" : "-", Node());
      }
      return out + ">";
    }
    if (c == '[') {
      ++pos_;
      if (PeekChar() == ':') return Rel();
      std::vector<std::string> elems;
      while (!Eat(']') && pos_ < s_.size()) {
        elems.push_back(Value());
        Eat(',');
      }
      if (sort_lists_) std::sort(elems.begin(), elems.end());
      return absl::StrCat("[", absl::StrJoin(elems, ", "), "]");
    }
    if (c == '\'') {
      std::string out;
      for (++pos_; pos_ < s_.size() && s_[pos_] != '\''; ++pos_) {
        if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
        out += s_[pos_];
      }
      ++pos_;
      return absl::StrCat("'", out, "'");
    }
    const size_t start = pos_;
    while (pos_ < s_.size() && !absl::StrContains(",]})> ", s_[pos_])) ++pos_;
    const std::string tok(s_.substr(start, pos_ - start));
    if (tok == "NaN" || tok == "Infinity" || tok == "-Infinity" || tok == "null" ||
        tok == "true" || tok == "false") {
      return tok;
    }
    if (tok.find_first_of(".eE") != std::string::npos) return queries::FormatFloat(std::strtod(tok.c_str(), nullptr));
    return absl::StrCat(std::strtoll(tok.c_str(), nullptr, 10));
  }

  absl::string_view s_;
  size_t pos_ = 0;
  bool sort_lists_;
};

}  // namespace newsgraph::cypher::tck

#endif  // NEWSGRAPH_TESTS_QUERIES_CYPHER_TCK_H_
