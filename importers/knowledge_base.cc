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

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "schema/dates.h"

#ifndef NEWSGRAPH_DATA_DIR
#define NEWSGRAPH_DATA_DIR "data"
#endif

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

}  // namespace

std::string KnowledgeBase::DefaultDir() {
  const char* env = std::getenv("NEWSGRAPH_DATA");
  if (env != nullptr && *env != '\0') return absl::StrCat(env, "/kb");
  return NEWSGRAPH_DATA_DIR "/kb";
}

absl::StatusOr<KnowledgeBase> KnowledgeBase::LoadDefault() {
  const std::string dir = DefaultDir();
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
  // A bad file leaves the KB as it was: the caller may report and go on.
  KnowledgeBase backup = *this;
  absl::Status status = Merge(path);
  if (status.ok()) status = CheckReferences();
  if (!status.ok()) *this = std::move(backup);
  return status;
}

absl::Status KnowledgeBase::Merge(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();

  pb::KnowledgeBase file;
  TextFormat::ParseInfoTree tree;
  PathErrorCollector errors(path);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(*text, &file)) {
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

  for (pb::KbState& s : *file.mutable_states()) *kb_.add_states() = std::move(s);
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
