#include "queries/canned/registry.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "queries/cypher/parser/lexer.h"
#include "queries/cypher/parser/parser.h"
#include "queries/cypher/script.h"
#include "schema/embedded_data.h"

namespace newsgraph::queries {
namespace {

using Value = CypherValue;

const std::vector<std::string>& KnownFormats() {
  static const auto* const kFormats =
      new std::vector<std::string>{"table", "json", "csv", "dot", "graphml"};
  return *kFormats;
}

absl::Status LineError(const std::string& origin, int line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(origin, ":", line, ": ", message));
}

bool IsName(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(c) && c != '_' && c != '-') return false;
  }
  return true;
}

bool IsParamName(absl::string_view s) {
  if (s.empty() || absl::ascii_isdigit(s[0])) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

bool ParseDay(absl::string_view text, absl::CivilDay* day) {
  if (text.size() != 10) return false;
  return absl::ParseCivilTime(text, day);
}

// "int", "int[1..3]", "string[a|b]" into *param.
absl::Status ParseType(absl::string_view text, CannedParam* param) {
  param->type_text = std::string(text);
  absl::string_view base = text;
  absl::string_view bracket;
  if (const size_t open = text.find('['); open != absl::string_view::npos) {
    if (!absl::EndsWith(text, "]")) return absl::InvalidArgumentError("unclosed '['");
    base = text.substr(0, open);
    bracket = text.substr(open + 1, text.size() - open - 2);
  }
  static const auto* const kTypes = new std::map<std::string, ParamType, std::less<>>{
      {"string", ParamType::kString}, {"int", ParamType::kInt},   {"float", ParamType::kFloat},
      {"bool", ParamType::kBool},     {"date", ParamType::kDate}, {"strings", ParamType::kStrings},
      {"person", ParamType::kPerson}, {"entity", ParamType::kEntity}};
  auto it = kTypes->find(base);
  if (it == kTypes->end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown type \"", base,
        "\" (use string, int, float, bool, date, strings, person or entity)"));
  }
  param->type = it->second;
  if (bracket.empty()) return absl::OkStatus();
  if (param->type == ParamType::kInt) {
    std::pair<std::string, std::string> bounds = absl::StrSplit(bracket, "..");
    int64_t lo = 0, hi = 0;
    if (!absl::SimpleAtoi(bounds.first, &lo) || !absl::SimpleAtoi(bounds.second, &hi) || lo > hi) {
      return absl::InvalidArgumentError(absl::StrCat("bad range \"", bracket, "\" (use LO..HI)"));
    }
    param->min = lo;
    param->max = hi;
    return absl::OkStatus();
  }
  if (param->type == ParamType::kString || param->type == ParamType::kStrings) {
    param->choices = absl::StrSplit(bracket, '|', absl::SkipEmpty());
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("type ", base, " takes no [...]"));
}

absl::Status CheckChoice(const CannedParam& param, absl::string_view value) {
  if (param.choices.empty() ||
      std::find(param.choices.begin(), param.choices.end(), value) != param.choices.end()) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", value, "\" is not one of ", absl::StrJoin(param.choices, ", ")));
}

// The typed value of `text` for `param`.
absl::StatusOr<Value> ConvertParam(const CannedParam& param, absl::string_view text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  // Any optional parameter may be switched off; the text tests `$x IS NULL`.
  if (trimmed == "null" && param.default_text) {
    return Value::Null();
  }
  switch (param.type) {
    case ParamType::kPerson:
    case ParamType::kEntity:  // resolved against the store when the query runs
    case ParamType::kString: {
      absl::Status s = CheckChoice(param, trimmed);
      if (!s.ok()) return s;
      return Value::String(std::string(trimmed));
    }
    case ParamType::kInt: {
      int64_t v = 0;
      if (!absl::SimpleAtoi(trimmed, &v)) {
        return absl::InvalidArgumentError(absl::StrCat("\"", trimmed, "\" is not an integer"));
      }
      if ((param.min && v < *param.min) || (param.max && v > *param.max)) {
        return absl::InvalidArgumentError(
            absl::StrCat(v, " is outside ", *param.min, "..", *param.max));
      }
      return Value::Int(v);
    }
    case ParamType::kFloat: {
      double v = 0;
      if (!absl::SimpleAtod(trimmed, &v)) {
        return absl::InvalidArgumentError(absl::StrCat("\"", trimmed, "\" is not a number"));
      }
      return Value::Float(v);
    }
    case ParamType::kBool: {
      bool v = false;
      if (!absl::SimpleAtob(trimmed, &v)) {
        return absl::InvalidArgumentError(absl::StrCat("\"", trimmed, "\" is not true or false"));
      }
      return Value::Bool(v);
    }
    case ParamType::kDate: {
      absl::CivilDay day;
      if (!ParseDay(trimmed, &day)) {
        return absl::InvalidArgumentError(
            absl::StrCat("\"", trimmed, "\" is not a date YYYY-MM-DD"));
      }
      return Value::Date(static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1)));
    }
    case ParamType::kStrings: {
      std::vector<Value> items;
      for (absl::string_view item : absl::StrSplit(trimmed, ',', absl::SkipWhitespace())) {
        item = absl::StripAsciiWhitespace(item);
        absl::Status s = CheckChoice(param, item);
        if (!s.ok()) return s;
        items.push_back(Value::String(std::string(item)));
      }
      return Value::List(std::move(items));
    }
  }
  return absl::InternalError("unhandled parameter type");
}

// "k int[1..3] = 2 — hops" into *param.
absl::Status ParseParamLine(absl::string_view text, CannedParam* param) {
  absl::string_view spec = text;
  for (absl::string_view separator : {"—", " -- "}) {
    if (const size_t at = text.find(separator); at != absl::string_view::npos) {
      spec = text.substr(0, at);
      param->help = std::string(absl::StripAsciiWhitespace(text.substr(at + separator.size())));
      break;
    }
  }
  if (param->help.empty()) return absl::InvalidArgumentError("a param needs help after \"—\"");
  absl::string_view default_text;
  bool has_default = false;
  if (const size_t eq = spec.find('='); eq != absl::string_view::npos) {
    default_text = absl::StripAsciiWhitespace(spec.substr(eq + 1));
    spec = spec.substr(0, eq);
    has_default = true;
  }
  std::vector<absl::string_view> words = absl::StrSplit(spec, ' ', absl::SkipWhitespace());
  if (words.size() != 2) return absl::InvalidArgumentError("expected \"NAME TYPE [= DEFAULT]\"");
  if (!IsParamName(words[0])) {
    return absl::InvalidArgumentError(absl::StrCat("bad parameter name \"", words[0], "\""));
  }
  param->name = std::string(words[0]);
  absl::Status s = ParseType(words[1], param);
  if (!s.ok()) return s;
  if (has_default) {
    param->default_text = std::string(default_text);
    absl::StatusOr<Value> v = ConvertParam(*param, default_text);
    if (!v.ok()) return absl::InvalidArgumentError(absl::StrCat("default: ", v.status().message()));
  }
  return absl::OkStatus();
}

// "line 3, column 7: msg" from the Cypher parser as
// "origin:LINE:7: NAME: msg", LINE counted in the file.
absl::Status CypherError(const CannedEntry& entry, const std::string& origin,
                         const absl::Status& status) {
  return absl::InvalidArgumentError(cypher::PlaceCypherError(
      origin, entry.cypher_line, absl::StrCat(entry.name, ": "), status.message()));
}

// The Cypher text parses and uses only declared parameters.
absl::Status CheckCypher(const CannedEntry& entry, const std::string& origin) {
  if (absl::StripAsciiWhitespace(entry.cypher).empty()) {
    return LineError(origin, entry.cypher_line, absl::StrCat(entry.name, ": no Cypher text"));
  }
  absl::StatusOr<cypher::Query> query = cypher::ParseQuery(entry.cypher);
  if (!query.ok()) return CypherError(entry, origin, query.status());
  absl::StatusOr<std::vector<cypher::Token>> tokens = cypher::Lex(entry.cypher);
  if (!tokens.ok()) return CypherError(entry, origin, tokens.status());
  for (const cypher::Token& t : *tokens) {
    if (t.kind == cypher::TokenKind::kParam && entry.FindParam(t.text) == nullptr) {
      return LineError(
          origin, entry.cypher_line + t.line - 1,
          absl::StrCat(entry.name, ": $", t.text, " is not declared (add a \"// param:\" line)"));
    }
  }
  return absl::OkStatus();
}

// One header line ("description: ...") into *entry.
absl::Status ApplyHeader(absl::string_view key, absl::string_view value, CannedEntry* entry) {
  if (key == "description") {
    if (!entry->description.empty()) entry->description += " ";
    entry->description += std::string(value);
    return absl::OkStatus();
  }
  if (key == "param") {
    CannedParam param;
    absl::Status s = ParseParamLine(value, &param);
    if (!s.ok()) return s;
    if (entry->FindParam(param.name) != nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("parameter ", param.name, " declared twice"));
    }
    entry->params.push_back(std::move(param));
    return absl::OkStatus();
  }
  if (key == "formats") {
    // Spaces or commas: `ask --list` prints "table, json, csv", and what it
    // prints must read back.
    entry->formats = absl::StrSplit(value, absl::ByAnyChar(" ,"), absl::SkipWhitespace());
    for (const std::string& f : entry->formats) {
      if (std::find(KnownFormats().begin(), KnownFormats().end(), f) == KnownFormats().end()) {
        return absl::InvalidArgumentError(absl::StrCat("unknown format \"", f, "\" (use ",
                                                       absl::StrJoin(KnownFormats(), ", "), ")"));
      }
    }
    return absl::OkStatus();
  }
  if (key == "engine") {
    if (value != "native" && value != "cypher") {
      return absl::InvalidArgumentError(
          absl::StrCat("engine is native or cypher, not \"", value, "\""));
    }
    entry->native = value == "native";
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown header \"", key, "\" (use description, param, formats or engine)"));
}

// Everything after the header, up to `end` (exclusive), as the Cypher text.
absl::Status FinishEntry(const std::vector<absl::string_view>& lines, size_t body_begin, size_t end,
                         const std::string& origin, bool check_cypher, CannedEntry* entry) {
  entry->cypher_line = static_cast<int>(body_begin) + 1;
  entry->cypher = absl::StrJoin(lines.begin() + body_begin, lines.begin() + end, "\n");
  if (entry->description.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(entry->origin, ": ", entry->name, ": no \"// description:\" line"));
  }
  if (entry->formats.empty()) entry->formats = {"table", "json", "csv"};
  return check_cypher ? CheckCypher(*entry, origin) : absl::OkStatus();
}

}  // namespace

const CannedParam* CannedEntry::FindParam(absl::string_view param) const {
  for (const CannedParam& p : params) {
    if (p.name == param) return &p;
  }
  return nullptr;
}

bool CannedEntry::SupportsFormat(absl::string_view format) const {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

namespace {

absl::StatusOr<std::vector<CannedEntry>> ParseEntries(absl::string_view text,
                                                      const std::string& origin,
                                                      bool check_cypher) {
  const std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  std::vector<size_t> starts;  // indexes of the `// name:` lines
  for (size_t i = 0; i < lines.size(); ++i) {
    absl::string_view line = absl::StripAsciiWhitespace(lines[i]);
    if (absl::ConsumePrefix(&line, "//") &&
        absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "name:")) {
      starts.push_back(i);
    }
  }
  std::vector<CannedEntry> entries;
  absl::flat_hash_set<std::string> names;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    CannedEntry entry;
    entry.origin = absl::StrCat(origin, ":", starts[k] + 1);
    size_t i = starts[k];
    for (; i < end; ++i) {
      absl::string_view line = absl::StripAsciiWhitespace(lines[i]);
      if (!absl::ConsumePrefix(&line, "//")) break;
      line = absl::StripLeadingAsciiWhitespace(line);
      const size_t colon = line.find(':');
      if (colon == absl::string_view::npos) break;  // a plain comment starts the body
      const absl::string_view key = line.substr(0, colon);
      const absl::string_view value = absl::StripAsciiWhitespace(line.substr(colon + 1));
      absl::Status s;
      if (key == "name") {
        if (!IsName(value))
          s = absl::InvalidArgumentError(absl::StrCat("bad query name \"", value, "\""));
        entry.name = std::string(value);
      } else {
        s = ApplyHeader(key, value, &entry);
      }
      if (!s.ok()) return LineError(origin, static_cast<int>(i) + 1, s.message());
    }
    if (!names.insert(entry.name).second) {
      return LineError(origin, static_cast<int>(starts[k]) + 1,
                       absl::StrCat("query ", entry.name, " defined twice in this file"));
    }
    absl::Status s = FinishEntry(lines, i, end, origin, check_cypher, &entry);
    if (!s.ok()) return s;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

absl::StatusOr<std::vector<CannedEntry>> ParseCannedQueries(absl::string_view text,
                                                            const std::string& origin) {
  return ParseEntries(text, origin, /*check_cypher=*/true);
}

absl::Status CannedRegistry::AddText(absl::string_view text, const std::string& origin) {
  return Add(ParseEntries(text, origin, /*check_cypher=*/true));
}

absl::Status CannedRegistry::AddShippedText(absl::string_view text, const std::string& origin) {
  return Add(ParseEntries(text, origin, /*check_cypher=*/false));
}

absl::Status CannedRegistry::Add(absl::StatusOr<std::vector<CannedEntry>> parsed) {
  if (!parsed.ok()) return parsed.status();
  for (CannedEntry& entry : *parsed) {
    auto same = std::find_if(entries_.begin(), entries_.end(),
                             [&](const CannedEntry& e) { return e.name == entry.name; });
    if (same != entries_.end()) {
      *same = std::move(entry);
    } else {
      entries_.push_back(std::move(entry));
    }
  }
  return absl::OkStatus();
}

absl::Status CannedRegistry::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read query file ", path));
  std::stringstream text;
  text << in.rdbuf();
  return AddText(text.str(), path);
}

const CannedEntry* CannedRegistry::Find(absl::string_view name) const {
  for (const CannedEntry& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

absl::StatusOr<CannedRegistry> LoadCannedRegistry(const std::vector<std::string>& user_files,
                                                  absl::string_view env_list) {
  CannedRegistry registry;
  std::vector<std::string> files;
  const char* data_dir = std::getenv("NEWSGRAPH_DATA_DIR");
  if (data_dir != nullptr && *data_dir != '\0') {
    files.push_back(absl::StrCat(data_dir, "/queries/canned.cypher"));
  } else {
    const EmbeddedFile* shipped = FindEmbeddedFile("queries/canned.cypher");
    if (shipped == nullptr) return absl::InternalError("no canned queries were embedded");
    absl::Status s = registry.AddShippedText(shipped->text, "<embedded>/queries/canned.cypher");
    if (!s.ok()) return s;
  }
  for (absl::string_view f : absl::StrSplit(env_list, ':', absl::SkipWhitespace())) {
    files.emplace_back(f);
  }
  files.insert(files.end(), user_files.begin(), user_files.end());
  for (const std::string& file : files) {
    absl::Status s = registry.AddFile(file);
    if (!s.ok()) return s;
  }
  return registry;
}

absl::StatusOr<CypherParams> BindParams(const CannedEntry& entry,
                                        const std::map<std::string, std::string>& given) {
  for (const auto& [name, text] : given) {
    if (entry.FindParam(name) == nullptr) {
      std::vector<std::string> known;
      for (const CannedParam& p : entry.params) known.push_back(p.name);
      return absl::InvalidArgumentError(
          absl::StrCat(entry.name, " has no parameter \"", name,
                       "\" (it takes: ", known.empty() ? "none" : absl::StrJoin(known, ", "), ")"));
    }
  }
  CypherParams params;
  for (const CannedParam& p : entry.params) {
    auto it = given.find(p.name);
    if (it == given.end() && !p.default_text) {
      return absl::InvalidArgumentError(
          absl::StrCat(entry.name, " needs parameter \"", p.name, "\" (", p.help, ")"));
    }
    absl::StatusOr<Value> v = ConvertParam(p, it != given.end() ? it->second : *p.default_text);
    if (!v.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(entry.name, ": parameter ", p.name, ": ", v.status().message()));
    }
    params[p.name] = *std::move(v);
  }
  return params;
}

std::string DescribeParamType(const CannedParam& param) {
  if (!param.default_text) return absl::StrCat(param.type_text, " (required)");
  return absl::StrCat(param.type_text, " = ", *param.default_text);
}

}  // namespace newsgraph::queries
