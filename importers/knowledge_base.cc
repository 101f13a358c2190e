#include "importers/knowledge_base.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "schema/dates.h"
#include "schema/embedded_data.h"


namespace newsgraph {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::TextFormat;

constexpr int32_t kMinDay = std::numeric_limits<int32_t>::min();
constexpr int32_t kMaxDay = std::numeric_limits<int32_t>::max();

// Organisations whose officials appear in the news but which have no member
// list in the KB; a role may name one of these, a state code or an alliance.
constexpr absl::string_view kOrganisations[] = {
    "UN",   "UN Security Council", "UN General Assembly", "Arab League",
    "African Union", "AU", "WHO", "IAEA", "IMF", "World Bank", "WTO", "OSCE",
    "OPEC", "OECD", "Council of Europe", "ICC", "ICJ", "UNESCO", "UNICEF",
    "UNHCR", "WFP", "Interpol", "GCC", "OAS", "ECOWAS", "EAEU", "CIS",
    "European Parliament", "European Council", "European Commission",
    "European Central Bank", "ICRC", "Red Cross", "OIC", "OPCW", "APEC",
    "Commonwealth", "Pacific Islands Forum", "CARICOM", "Mercosur",
    "Eurasian Economic Union", "Collective Security Treaty Organization",
    "Organization of Islamic Cooperation", "UNRWA", "UNDP", "FAO", "ILO",
    "IOM", "OHCHR", "WMO", "ITU", "UNCTAD", "UNEP", "ASEAN Secretariat", "WADA",
    "World Anti-Doping Agency", "IOC", "NDB", "New Development Bank",
};

bool IsOrganisation(absl::string_view name) {
  return std::find(std::begin(kOrganisations), std::end(kOrganisations),
                   name) != std::end(kOrganisations);
}

bool IsStateCode(absl::string_view code) {
  return code.size() == 2 && absl::ascii_isupper(code[0]) &&
         absl::ascii_isupper(code[1]);
}

bool IsSlug(absl::string_view key) {
  if (key.empty() || key.front() == '-' || key.back() == '-') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-';
  });
}

// Collects the parser's messages as "path:LINE:COL: message", 1-based (the
// tokenizer counts from 0), so an editor can jump to the spot.
class PathErrorCollector : public ::google::protobuf::io::ErrorCollector {
 public:
  explicit PathErrorCollector(std::string path) : path_(std::move(path)) {}

#if GOOGLE_PROTOBUF_VERSION >= 4022000
  void RecordError(int line, ::google::protobuf::io::ColumnNumber column,
                   absl::string_view message) override {
    Add(line, column, message);
  }
#else
  void AddError(int line, ::google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    Add(line, column, message);
  }
#endif

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  void Add(int line, int column, absl::string_view message) {
    errors_.push_back(absl::StrFormat("%s:%d:%d: %s", path_, line + 1,
                                      column + 1, message));
  }

  std::string path_;
  std::vector<std::string> errors_;
};

// Points at records and fields of one parsed file, for error messages.
class Locator {
 public:
  Locator(const std::string& path, const TextFormat::ParseInfoTree* tree)
      : path_(path), tree_(tree) {}

  // The location of `field` (index -1 if singular) under this node, or of
  // the node itself when the field was not written.
  std::string At(const FieldDescriptor* field, int index) const {
    TextFormat::ParseLocation loc;
    if (tree_ != nullptr) loc = tree_->GetLocation(field, index);
    if (loc.line < 0) return fallback_.empty() ? path_ : fallback_;
    return absl::StrFormat("%s:%d:%d", path_, loc.line + 1, loc.column + 1);
  }

  // The locator of the index-th message of repeated `field`.
  Locator Nested(const FieldDescriptor* field, int index) const {
    Locator child(path_, tree_ == nullptr
                             ? nullptr
                             : tree_->GetTreeForNested(field, index));
    child.fallback_ = At(field, index);
    return child;
  }

 private:
  const std::string& path_;
  const TextFormat::ParseInfoTree* tree_;
  std::string fallback_;
};

absl::Status Invalid(const std::string& where, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", message));
}

// Inclusive day range of a span whose dates were already validated.
void SpanDays(const pb::KbSpan& span, int32_t* from, int32_t* to) {
  *from = kMinDay;
  *to = kMaxDay;
  if (!span.from().empty()) {
    absl::StatusOr<pb::TimeSpan> f = ParseIsoSpan(span.from());
    if (f.ok()) *from = f->from_day();
  }
  if (!span.to().empty()) {
    absl::StatusOr<pb::TimeSpan> t = ParseIsoSpan(span.to());
    if (t.ok()) *to = t->to_day();
  }
}

absl::Status CheckSpan(const pb::KbSpan& span, const Locator& at) {
  const Descriptor* d = pb::KbSpan::descriptor();
  for (const FieldDescriptor* field :
       {d->FindFieldByName("from"), d->FindFieldByName("to")}) {
    const std::string& text = field->number() == 1 ? span.from() : span.to();
    if (text.empty()) continue;
    absl::StatusOr<pb::TimeSpan> parsed = ParseIsoSpan(text);
    if (!parsed.ok()) return Invalid(at.At(field, -1), parsed.status().message());
  }
  int32_t from = 0, to = 0;
  SpanDays(span, &from, &to);
  if (from > to) {
    return Invalid(at.At(d->FindFieldByName("from"), -1),
                   absl::StrFormat("span from \"%s\" is after to \"%s\"",
                                   span.from(), span.to()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  return text.str();
}

// ---- CAMEO (PETRARCH/TABARI) actor dictionaries ----

// Generic titles for the CAMEO role codes that follow the country code.
struct CameoRoleTitle {
  absl::string_view code;
  absl::string_view title;
};
constexpr CameoRoleTitle kCameoTitles[] = {
    {"GOV", "government official"}, {"MIL", "military"},
    {"ELI", "elite"},               {"LEG", "legislator"},
    {"JUD", "judiciary"},           {"COP", "police"},
    {"SPY", "intelligence"},        {"OPP", "opposition"},
    {"PTY", "party official"},      {"REB", "rebel"},
    {"INS", "insurgent"},           {"SEP", "separatist"},
    {"UAF", "armed group"},         {"BUS", "business"},
    {"MED", "media"},               {"EDU", "education"},
    {"CVL", "civilian"},            {"LAB", "labour"},
    {"AGR", "agriculture"},         {"HLH", "health"},
    {"HRI", "human rights"},        {"REF", "refugees"},
    {"ENV", "environment"},         {"DEV", "development"},
    {"CRM", "criminal"},            {"REL", "religious leader"},
    {"NGO", "NGO"},
};

// CAMEO codes of international organisations: IGO + region + body.
struct CameoOrganisation {
  absl::string_view body;
  absl::string_view name;
};
constexpr CameoOrganisation kCameoOrganisations[] = {
    {"UNO", "UN"}, {"NAT", "NATO"}, {"EEC", "EU"}};

// A bracketed code: "USAGOV", "USAGOV 090120-170120", "USAELI >090120".
struct CameoCode {
  std::string code;
  pb::KbSpan span;
};

// "090120" (YYMMDD, 00-30 -> 20xx) or "20090120" -> "2009-01-20".
absl::StatusOr<std::string> CameoDate(absl::string_view text) {
  if ((text.size() != 6 && text.size() != 8) ||
      !std::all_of(text.begin(), text.end(),
                   [](char c) { return absl::ascii_isdigit(c); })) {
    return absl::InvalidArgumentError(
        absl::StrFormat("malformed date \"%s\" (want YYMMDD or YYYYMMDD)", text));
  }
  std::string year(text.substr(0, text.size() - 4));
  if (year.size() == 2) year = absl::StrCat(year < "31" ? "20" : "19", year);
  const absl::string_view md = text.substr(text.size() - 4);
  std::string iso = absl::StrCat(year, "-", md.substr(0, 2), "-", md.substr(2));
  if (absl::StatusOr<pb::TimeSpan> ok = ParseIsoSpan(iso); !ok.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("bad date \"%s\": %s", text, ok.status().message()));
  }
  return iso;
}

absl::StatusOr<CameoCode> ParseCameoCode(absl::string_view inside) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(inside, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (parts.empty()) return absl::InvalidArgumentError("empty code \"[]\"");
  if (parts.size() > 2) {
    return absl::InvalidArgumentError(
        absl::StrFormat("unexpected \"%s\" after the date", parts[2]));
  }
  CameoCode out;
  // Unknown codes (and the placeholder "[---]") are dropped later, when
  // they name no country or organisation.
  out.code = std::string(parts[0]);
  absl::AsciiStrToUpper(&out.code);
  if (parts.size() == 1) return out;
  absl::string_view dates = parts[1];
  absl::string_view from, to;
  if (absl::ConsumePrefix(&dates, ">")) {
    from = dates;
  } else if (absl::ConsumePrefix(&dates, "<")) {
    to = dates;
  } else if (size_t dash = dates.find('-'); dash != absl::string_view::npos) {
    from = dates.substr(0, dash);
    to = dates.substr(dash + 1);
  } else {
    from = to = dates;  // a single day
  }
  if (!from.empty()) {
    absl::StatusOr<std::string> d = CameoDate(from);
    if (!d.ok()) return d.status();
    out.span.set_from(*d);
  }
  if (!to.empty()) {
    absl::StatusOr<std::string> d = CameoDate(to);
    if (!d.ok()) return d.status();
    out.span.set_to(*d);
  }
  if (out.span.from().empty() && out.span.to().empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("malformed date range \"%s\"", parts[1]));
  }
  if (!out.span.from().empty() && !out.span.to().empty() &&
      out.span.from() > out.span.to()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "date range \"%s\" ends before it starts", parts[1]));
  }
  return out;
}

// The ASCII letter for a UTF-8 Latin-1 letter "\xC3" `second` ("É" -> 'E'),
// or 0 for the signs (× ÷).
char Latin1Letter(unsigned char second) {
  static constexpr char kLetters[] =
      "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  if (second < 0x80 || second > 0xBF) return 0;
  return kLetters[second - 0x80];
}

// "BARACK_OBAMA_" -> "Barack Obama"; "O'NEILL" -> "O'Neill";
// "MANFRED_WÖRNER_" -> "Manfred Wörner".
std::string CameoName(absl::string_view token) {
  std::string name;
  bool word_start = true;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == '_' || absl::ascii_isspace(c)) {
      if (!name.empty() && name.back() != ' ') name += ' ';
      word_start = true;
      continue;
    }
    if (absl::ascii_isalpha(c)) {
      name += word_start ? absl::ascii_toupper(c) : absl::ascii_tolower(c);
      word_start = false;
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < token.size()) {
      // Latin-1 letters: "\xC3\x80".."\xC3\x9E" are upper case, +0x20 lower.
      unsigned char next = static_cast<unsigned char>(token[++i]);
      if (!word_start && next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;
      if (word_start && next >= 0xA0 && next <= 0xBE && next != 0xB7) next -= 0x20;
      name += c;
      name += static_cast<char>(next);
      word_start = false;
    } else {
      name += c;
      word_start = c == '-' || c == '\'' || c == '.';
    }
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

// "Manfred Wörner" -> "manfred-worner"; "O'Neill" -> "oneill".
std::string Slug(absl::string_view name) {
  std::string slug;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < name.size()) {
      c = Latin1Letter(static_cast<unsigned char>(name[++i]));
      if (c == 0) continue;
    }
    if (absl::ascii_isalnum(c)) {
      slug += absl::ascii_tolower(c);
    } else if (!slug.empty() && slug.back() != '-' &&
               static_cast<unsigned char>(c) < 0x80 && c != '\'' && c != '.') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// The CAMEO country table, "AAA\tAA" lines (scripts/gen_kb_states.py):
// from the data directory when one is named, else the embedded copy.
absl::StatusOr<absl::flat_hash_map<std::string, std::string>> LoadCameoCountries() {
  const std::string dir = KnowledgeBase::DefaultDir();
  std::string text;
  if (!dir.empty()) {
    const std::string path = absl::StrCat(dir, "/cameo_countries.tsv");
    absl::StatusOr<std::string> read = ReadFile(path);
    if (!read.ok()) {
      return absl::NotFoundError(absl::StrCat(
          "cannot open ", path, " (the CAMEO country table; see data/kb/README.md)"));
    }
    text = *std::move(read);
  } else if (const EmbeddedFile* f = FindEmbeddedFile("kb/cameo_countries.tsv")) {
    text = std::string(f->text);
  }
  absl::flat_hash_map<std::string, std::string> table;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() == 2) table[f[0]] = f[1];
  }
  return table;
}

}  // namespace

std::string KnowledgeBase::DefaultDir() {
  for (const char* name : {"NEWSGRAPH_DATA_DIR", "NEWSGRAPH_DATA"}) {
    const char* env = std::getenv(name);
    if (env != nullptr && *env != '\0') return absl::StrCat(env, "/kb");
  }
  return "";
}

absl::StatusOr<KnowledgeBase> KnowledgeBase::LoadDefault() {
  const std::string dir = DefaultDir();
  if (dir.empty()) return LoadEmbedded();
  std::error_code ec;
  std::vector<std::string> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::filesystem::path& p = it->path();
    if (p.extension() == ".textproto" && it->is_regular_file(ec)) {
      files.push_back(p.string());
    }
  }
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat("cannot list knowledge base directory ", dir, ": ", ec.message()));
  }
  if (files.empty()) {
    return absl::NotFoundError(absl::StrCat("no *.textproto files in ", dir));
  }
  std::sort(files.begin(), files.end());
  KnowledgeBase kb;
  // References are checked once all files are in: a file may name states
  // that a later file (in name order) defines.
  for (const std::string& file : files) {
    if (absl::Status s = kb.Merge(file); !s.ok()) return s;
  }
  if (absl::Status s = kb.CheckReferences(); !s.ok()) return s;
  return kb;
}

absl::Status KnowledgeBase::AddFile(const std::string& path) {
  if (std::filesystem::path(path).extension() == ".txt") {
    return AddCameoDictionary(path);
  }
  // A bad file leaves the KB as it was: the caller may report and go on.
  KnowledgeBase backup = *this;
  absl::Status status = Merge(path);
  if (status.ok()) status = CheckReferences();
  if (!status.ok()) *this = std::move(backup);
  return status;
}

absl::Status KnowledgeBase::AddCameoDictionary(const std::string& path) {
  KnowledgeBase backup = *this;
  absl::Status status = MergeCameo(path);
  if (status.ok()) status = CheckReferences();
  if (!status.ok()) *this = std::move(backup);
  return status;
}

absl::Status KnowledgeBase::MergeCameo(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> countries =
      LoadCameoCountries();
  if (!countries.ok()) return countries.status();

  // The KB state or organisation a CAMEO code belongs to, and its title;
  // false when the code names nothing the KB knows.
  auto resolve = [&](const std::string& code, std::string* state,
                     std::string* title) -> bool {
    if (code.size() < 3) return false;
    if (absl::StartsWith(code, "IGO")) {
      // IGO + optional 3-letter region + body: IGOUNO, IGOWSTNAT. What
      // follows names a body or a field (IGOUNOKID, IGOUNODEVWBK); the
      // sector titles would read oddly for an organisation's staff.
      for (const CameoOrganisation& org : kCameoOrganisations) {
        for (size_t at = 3; at + 3 <= code.size() && at <= 6; at += 3) {
          if (absl::string_view(code).substr(at, 3) == org.body) {
            *state = std::string(org.name);
            *title = "official";
            return true;
          }
        }
      }
      return false;
    }
    auto it = countries->find(code.substr(0, 3));
    if (it == countries->end() || !state_index_.contains(it->second)) {
      return false;
    }
    // A bare country code marks the country itself or a place in it.
    const std::string rest = code.substr(3);
    if (rest.empty()) return false;
    *state = it->second;
    *title = "official";
    if (rest.size() >= 3) {
      for (const CameoRoleTitle& t : kCameoTitles) {
        if (absl::string_view(rest).substr(0, 3) == t.code) {
          *title = std::string(t.title);
          break;
        }
      }
    }
    return true;
  };

  struct Entry {
    pb::KbPerson person;
    std::string where;
  };
  std::vector<Entry> entries;
  absl::flat_hash_map<std::string, size_t> by_key;  // this file's entries
  Entry* current = nullptr;  // nullptr before the first entry, or skipped

  auto add_alias = [](pb::KbPerson* p, const std::string& alias) {
    if (alias.find(' ') == std::string::npos || alias == p->name() ||
        std::find(p->aliases().begin(), p->aliases().end(), alias) !=
            p->aliases().end()) {
      return;
    }
    p->add_aliases(alias);
  };
  // Appends the roles of every "[...]" on `rest`, or fails.
  auto add_codes = [&](absl::string_view rest, const std::string& where) -> absl::Status {
    while (true) {
      rest = absl::StripAsciiWhitespace(rest);
      if (rest.empty()) return absl::OkStatus();
      if (rest.front() != '[') {
        return Invalid(where, absl::StrFormat("expected \"[CODE]\", found \"%s\"", rest));
      }
      const size_t close = rest.find(']');
      if (close == absl::string_view::npos) return Invalid(where, "missing \"]\"");
      absl::StatusOr<CameoCode> code = ParseCameoCode(rest.substr(1, close - 1));
      if (!code.ok()) return Invalid(where, code.status().message());
      rest.remove_prefix(close + 1);
      std::string state, title;
      if (current == nullptr || !resolve(code->code, &state, &title)) continue;
      pb::KbRole* role = current->person.add_roles();
      role->set_title(title);
      role->set_state(state);
      if (!code->span.from().empty() || !code->span.to().empty()) {
        *role->mutable_span() = code->span;
      }
    }
  };

  bool in_metadata = false;
  bool have_entry = false;
  int line_number = 0;
  for (absl::string_view raw : absl::StrSplit(*text, '\n')) {
    ++line_number;
    const std::string where = absl::StrFormat("%s:%d", path, line_number);
    absl::string_view line = raw;
    std::string kept;  // the line without its "<! ... !>" parts
    while (!line.empty()) {
      if (in_metadata) {
        const size_t end = line.find("!>");
        if (end == absl::string_view::npos) break;
        in_metadata = false;
        line.remove_prefix(end + 2);
        continue;
      }
      const size_t open = line.find("<!");
      absl::StrAppend(&kept, line.substr(0, open));
      if (open == absl::string_view::npos) break;
      in_metadata = true;
      line.remove_prefix(open + 2);
    }
    line = kept;
    if (const size_t hash = line.find('#'); hash != absl::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;

    if (line.front() == '+') {
      if (!have_entry) return Invalid(where, "alias \"+...\" before any entry");
      line.remove_prefix(1);
      const size_t bracket = line.find('[');
      const std::string alias = CameoName(
          absl::StripAsciiWhitespace(line.substr(0, bracket)));
      if (alias.empty()) return Invalid(where, "empty alias");
      if (current != nullptr) add_alias(&current->person, alias);
      if (bracket != absl::string_view::npos) {
        if (absl::Status s = add_codes(line.substr(bracket), where); !s.ok()) return s;
      }
      continue;
    }
    if (line.front() == '[') {
      if (!have_entry) return Invalid(where, "role \"[...]\" before any entry");
      if (absl::Status s = add_codes(line, where); !s.ok()) return s;
      continue;
    }
    if (line.front() == ']' || line.front() == '<' || line.front() == '{') {
      return Invalid(where, absl::StrFormat("unexpected \"%c\"", line.front()));
    }

    // A new entry: NAME, optionally followed by codes.
    const size_t bracket = line.find('[');
    const std::string name =
        CameoName(absl::StripAsciiWhitespace(line.substr(0, bracket)));
    const std::string key = Slug(name);
    if (key.empty()) {
      return Invalid(where, absl::StrFormat("entry \"%s\" has no letters or digits",
                                            line.substr(0, bracket)));
    }
    have_entry = true;
    if (person_index_.contains(key)) {
      current = nullptr;  // already in the KB: the existing entry wins
    } else if (auto it = by_key.find(key); it != by_key.end()) {
      current = &entries[it->second];  // a repeated entry: merged
    } else {
      by_key[key] = entries.size();
      entries.push_back({});
      current = &entries.back();
      current->person.set_key(key);
      current->person.set_name(name);
      current->where = where;
    }
    if (bracket != absl::string_view::npos) {
      if (absl::Status s = add_codes(line.substr(bracket), where); !s.ok()) return s;
    }
  }
  if (in_metadata) return Invalid(path, "unterminated \"<!\" block");

  for (Entry& entry : entries) {
    pb::KbPerson& person = entry.person;
    // Without a dated role an entry is taken for a group, an institution or
    // a place ("UNITED_NATIONS_ [IGOUNO]", "NATIONAL_ARMY [AFGMIL]").
    if (std::none_of(person.roles().begin(), person.roles().end(),
                     [](const pb::KbRole& r) { return r.has_span(); })) {
      continue;
    }
    // A single word would match surnames alone: the first full-name alias
    // becomes the name, or the entry is dropped.
    if (person.name().find(' ') == std::string::npos) {
      if (person.aliases().empty()) continue;
      person.set_name(person.aliases(0));
      person.mutable_aliases()->erase(person.mutable_aliases()->begin());
    }
    if (person_index_.contains(person.key())) continue;
    defined_at_.emplace(absl::StrCat("person:", entry.person.key()), entry.where);
    for (const pb::KbRole& role : entry.person.roles()) {
      references_.push_back({role.state(), /*state_only=*/false, entry.where});
    }
    *kb_.add_people() = std::move(entry.person);
  }
  return Index();
}

absl::StatusOr<KnowledgeBase> KnowledgeBase::LoadEmbedded() {
  KnowledgeBase kb;
  for (const EmbeddedFile& f : EmbeddedDataFiles()) {
    if (!absl::StartsWith(f.name, "kb/") || !absl::EndsWith(f.name, ".textproto")) continue;
    absl::Status s = kb.MergeText(f.text, absl::StrCat("<embedded>/", f.name));
    if (!s.ok()) return s;
  }
  if (absl::Status s = kb.CheckReferences(); !s.ok()) return s;
  return kb;
}

absl::Status KnowledgeBase::Merge(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return MergeText(*text, path);
}

absl::Status KnowledgeBase::MergeText(absl::string_view text, const std::string& path) {

  pb::KnowledgeBase file;
  TextFormat::ParseInfoTree tree;
  PathErrorCollector errors(path);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(text), &file)) {
    if (errors.errors().empty()) return Invalid(path, "cannot parse");
    return absl::InvalidArgumentError(absl::StrJoin(errors.errors(), "\n"));
  }

  const Locator root(path, &tree);
  const Descriptor* kb_desc = pb::KnowledgeBase::descriptor();
  const FieldDescriptor* states_f = kb_desc->FindFieldByName("states");
  const FieldDescriptor* alliances_f = kb_desc->FindFieldByName("alliances");
  const FieldDescriptor* people_f = kb_desc->FindFieldByName("people");

  // Registers a key, failing with both places when it is already taken.
  auto define = [this](const std::string& key, absl::string_view what,
                       const std::string& where) -> absl::Status {
    auto [it, inserted] = defined_at_.emplace(key, where);
    if (!inserted) {
      return Invalid(where, absl::StrFormat("duplicate %s (first defined at %s)",
                                            what, it->second));
    }
    return absl::OkStatus();
  };

  const Descriptor* st = pb::KbState::descriptor();
  for (int i = 0; i < file.states_size(); ++i) {
    const pb::KbState& state = file.states(i);
    const Locator at = root.Nested(states_f, i);
    const std::string where = at.At(st->FindFieldByName("code"), -1);
    if (!IsStateCode(state.code())) {
      return Invalid(where, absl::StrFormat(
          "state code \"%s\" is not two uppercase letters", state.code()));
    }
    if (state.name().empty()) return Invalid(where, "state without a name");
    if (absl::Status s = define(absl::StrCat("state:", state.code()),
                                absl::StrCat("state code \"", state.code(), "\""), where);
        !s.ok()) {
      return s;
    }
  }

  const Descriptor* al = pb::KbAlliance::descriptor();
  const Descriptor* ms = pb::KbMembership::descriptor();
  for (int i = 0; i < file.alliances_size(); ++i) {
    const pb::KbAlliance& alliance = file.alliances(i);
    const Locator at = root.Nested(alliances_f, i);
    const std::string where = at.At(al->FindFieldByName("name"), -1);
    if (alliance.name().empty()) return Invalid(where, "alliance without a name");
    if (absl::Status s = define(absl::StrCat("alliance:", alliance.name()),
                                absl::StrCat("alliance \"", alliance.name(), "\""), where);
        !s.ok()) {
      return s;
    }
    for (int m = 0; m < alliance.members_size(); ++m) {
      const pb::KbMembership& member = alliance.members(m);
      const Locator mat = at.Nested(al->FindFieldByName("members"), m);
      const std::string mwhere = mat.At(ms->FindFieldByName("state"), -1);
      if (!IsStateCode(member.state())) {
        return Invalid(mwhere, absl::StrFormat(
            "member state code \"%s\" is not two uppercase letters", member.state()));
      }
      if (absl::Status s = CheckSpan(member.span(),
                                     mat.Nested(ms->FindFieldByName("span"), -1));
          !s.ok()) {
        return s;
      }
      references_.push_back({member.state(), /*state_only=*/true, mwhere});
    }
  }

  const Descriptor* pe = pb::KbPerson::descriptor();
  const Descriptor* ro = pb::KbRole::descriptor();
  for (int i = 0; i < file.people_size(); ++i) {
    const pb::KbPerson& person = file.people(i);
    const Locator at = root.Nested(people_f, i);
    const std::string where = at.At(pe->FindFieldByName("key"), -1);
    if (!IsSlug(person.key())) {
      return Invalid(where, absl::StrFormat(
          "person key \"%s\" is not a slug (a-z, 0-9, '-')", person.key()));
    }
    if (person.name().empty()) return Invalid(where, "person without a name");
    if (absl::Status s = define(absl::StrCat("person:", person.key()),
                                absl::StrCat("person key \"", person.key(), "\""), where);
        !s.ok()) {
      return s;
    }
    for (int r = 0; r < person.roles_size(); ++r) {
      const pb::KbRole& role = person.roles(r);
      const Locator rat = at.Nested(pe->FindFieldByName("roles"), r);
      const std::string rwhere = rat.At(ro->FindFieldByName("title"), -1);
      if (role.title().empty()) return Invalid(rwhere, "role without a title");
      if (role.state().empty()) return Invalid(rwhere, "role without a state");
      if (absl::Status s = CheckSpan(role.span(),
                                     rat.Nested(ro->FindFieldByName("span"), -1));
          !s.ok()) {
        return s;
      }
      references_.push_back({role.state(), /*state_only=*/false,
                             rat.At(ro->FindFieldByName("state"), -1)});
    }
  }

  const Descriptor* pl = pb::KbPlace::descriptor();
  const FieldDescriptor* places_f = kb_desc->FindFieldByName("places");
  for (int i = 0; i < file.places_size(); ++i) {
    const pb::KbPlace& place = file.places(i);
    const Locator at = root.Nested(places_f, i);
    const std::string where = at.At(pl->FindFieldByName("name"), -1);
    if (place.name().empty()) return Invalid(where, "place without a name");
    if (!IsStateCode(place.state())) {
      return Invalid(where, absl::StrFormat(
          "place state code \"%s\" is not two uppercase letters", place.state()));
    }
    references_.push_back({place.state(), /*state_only=*/true, where});
  }

  for (pb::KbState& s : *file.mutable_states()) *kb_.add_states() = std::move(s);
  for (pb::KbPlace& p : *file.mutable_places()) *kb_.add_places() = std::move(p);
  for (pb::KbAlliance& a : *file.mutable_alliances()) {
    *kb_.add_alliances() = std::move(a);
  }
  for (pb::KbPerson& p : *file.mutable_people()) *kb_.add_people() = std::move(p);
  return Index();
}

absl::Status KnowledgeBase::CheckReferences() const {
  for (const Reference& ref : references_) {
    if (state_index_.contains(ref.value)) continue;
    if (ref.state_only) {
      return Invalid(ref.where, absl::StrFormat("unknown state \"%s\"", ref.value));
    }
    if (alliance_index_.contains(ref.value) || IsOrganisation(ref.value)) continue;
    return Invalid(ref.where, absl::StrFormat(
        "unknown state, alliance or organisation \"%s\"", ref.value));
  }
  return absl::OkStatus();
}

absl::Status KnowledgeBase::Index() {
  state_index_.clear();
  alliance_index_.clear();
  person_index_.clear();
  for (int i = 0; i < kb_.states_size(); ++i) state_index_[kb_.states(i).code()] = i;
  for (int i = 0; i < kb_.alliances_size(); ++i) {
    alliance_index_[kb_.alliances(i).name()] = i;
  }
  for (int i = 0; i < kb_.people_size(); ++i) person_index_[kb_.people(i).key()] = i;

  // Spans are parsed once here rather than on every lookup.
  role_days_.assign(kb_.people_size(), {});
  for (int i = 0; i < kb_.people_size(); ++i) {
    for (const pb::KbRole& role : kb_.people(i).roles()) {
      DayRange range;
      SpanDays(role.span(), &range.from, &range.to);
      role_days_[i].push_back(range);
    }
  }
  member_days_.assign(kb_.alliances_size(), {});
  for (int i = 0; i < kb_.alliances_size(); ++i) {
    for (const pb::KbMembership& member : kb_.alliances(i).members()) {
      DayRange range;
      SpanDays(member.span(), &range.from, &range.to);
      member_days_[i].push_back(range);
    }
  }
  return absl::OkStatus();
}

const pb::KbState* KnowledgeBase::StateByCode(absl::string_view code) const {
  auto it = state_index_.find(code);
  return it == state_index_.end() ? nullptr : &kb_.states(it->second);
}

const pb::KbAlliance* KnowledgeBase::AllianceByName(absl::string_view name) const {
  auto it = alliance_index_.find(name);
  return it == alliance_index_.end() ? nullptr : &kb_.alliances(it->second);
}

const pb::KbPerson* KnowledgeBase::PersonByKey(absl::string_view key) const {
  auto it = person_index_.find(key);
  return it == person_index_.end() ? nullptr : &kb_.people(it->second);
}

const pb::KbRole* KnowledgeBase::RoleOn(const pb::KbPerson& person,
                                        int32_t day) const {
  // A person from this KB uses the precomputed ranges; any other proto
  // (a caller's copy) has its spans parsed here.
  auto it = person_index_.find(person.key());
  const std::vector<DayRange>* ranges =
      it != person_index_.end() && &kb_.people(it->second) == &person
          ? &role_days_[it->second]
          : nullptr;
  const pb::KbRole* best = nullptr;
  int32_t best_from = 0;
  for (int r = 0; r < person.roles_size(); ++r) {
    DayRange range;
    if (ranges != nullptr) {
      range = (*ranges)[r];
    } else {
      SpanDays(person.roles(r).span(), &range.from, &range.to);
    }
    if (day < range.from || day > range.to) continue;
    if (best == nullptr || range.from > best_from) {
      best = &person.roles(r);
      best_from = range.from;
    }
  }
  return best;
}

bool KnowledgeBase::IsMember(absl::string_view state, absl::string_view alliance,
                             int32_t day) const {
  auto it = alliance_index_.find(alliance);
  if (it == alliance_index_.end()) return false;
  const pb::KbAlliance& a = kb_.alliances(it->second);
  for (int m = 0; m < a.members_size(); ++m) {
    if (a.members(m).state() != state) continue;
    const DayRange& range = member_days_[it->second][m];
    if (day >= range.from && day <= range.to) return true;
  }
  return false;
}

}  // namespace newsgraph
