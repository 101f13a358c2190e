#include "importers/knowledge_base.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "schema/dates.h"

namespace newsgraph {
namespace {

// Plain gtest (the suite links no gmock): substring and membership checks.
::testing::AssertionResult HasSubstr(absl::string_view text, absl::string_view part) {
  if (absl::StrContains(text, part)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << '"';
}

template <typename Repeated>
bool Has(const Repeated& items, absl::string_view value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

int32_t Day(int y, int m, int d) { return DayNumber(absl::CivilDay(y, m, d)); }

// The 193 UN member states, written out here so that the test does not
// trust the generator that wrote states.textproto.
constexpr absl::string_view kUnMembers =
    "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR "
    "BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ "
    "DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY "
    "HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB "
    "LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM "
    "NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW "
    "KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH "
    "SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM "
    "ZW";

// The shipped KB, loaded once for the whole suite.
const KnowledgeBase& Shipped() {
  static const KnowledgeBase* kb = [] {
    absl::StatusOr<KnowledgeBase> loaded = KnowledgeBase::LoadDefault();
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return new KnowledgeBase(loaded.ok() ? *std::move(loaded) : KnowledgeBase());
  }();
  return *kb;
}

// A scratch file under the test's temporary directory.
// A directory of this test process's own: ctest runs the tests in
// parallel processes, which must not share file names.
std::filesystem::path ProcessDir() {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                              ("ng_kb_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

class TempFile {
 public:
  TempFile(absl::string_view name, absl::string_view text)
      : path_((ProcessDir() / std::string(name)).string()) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

constexpr absl::string_view kTwoStates = R"pb(
  states { code: "AA" name: "Aland" }
  states { code: "BB" name: "Bland" }
)pb";

// ---- the shipped data ----

TEST(KnowledgeBaseShippedTest, LoadsWithEnoughOfEverything) {
  const pb::KnowledgeBase& kb = Shipped().proto();
  EXPECT_GE(kb.states_size(), 197);
  EXPECT_GE(kb.alliances_size(), 10);
  EXPECT_GE(kb.people_size(), 200);
}

TEST(KnowledgeBaseShippedTest, HasEveryUnMemberAndTheOthers) {
  std::vector<absl::string_view> un = absl::StrSplit(kUnMembers, ' ');
  ASSERT_EQ(un.size(), 193u);
  ASSERT_EQ(absl::flat_hash_set<absl::string_view>(un.begin(), un.end()).size(), 193u);
  for (absl::string_view code : un) {
    EXPECT_NE(Shipped().StateByCode(code), nullptr) << code;
  }
  for (absl::string_view code : {"PS", "VA", "TW", "XK", "HK", "MO"}) {
    EXPECT_NE(Shipped().StateByCode(code), nullptr) << code;
  }
  EXPECT_EQ(Shipped().StateByCode("ZZ"), nullptr);
}

TEST(KnowledgeBaseShippedTest, StatesReadAsInTheNews) {
  const pb::KbState* us = Shipped().StateByCode("US");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->name(), "United States");
  EXPECT_TRUE(Has(us->aliases(), "U.S."));
  EXPECT_TRUE(Has(us->demonyms(), "Americans"));
  EXPECT_TRUE(Has(us->metonyms(), "the White House"));
  const pb::KbState* ru = Shipped().StateByCode("RU");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->name(), "Russia");
  EXPECT_TRUE(Has(ru->metonyms(), "the Kremlin"));
  const pb::KbState* cn = Shipped().StateByCode("CN");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->capital(), "Beijing");
  EXPECT_TRUE(Has(cn->metonyms(), "Beijing"));
}

// The gazetteer maps each surface string to one state; a string shared by
// two states would silently pick one of them.
TEST(KnowledgeBaseShippedTest, StateStringsAreUnambiguous) {
  absl::flat_hash_map<std::string, std::string> owner;
  for (const pb::KbState& s : Shipped().proto().states()) {
    std::vector<std::string> strings = {s.name()};
    strings.insert(strings.end(), s.aliases().begin(), s.aliases().end());
    strings.insert(strings.end(), s.demonyms().begin(), s.demonyms().end());
    strings.insert(strings.end(), s.metonyms().begin(), s.metonyms().end());
    for (const std::string& str : strings) {
      auto [it, inserted] = owner.emplace(str, s.code());
      EXPECT_TRUE(inserted || it->second == s.code())
          << '"' << str << "\" names " << it->second << " and " << s.code();
    }
  }
}

TEST(KnowledgeBaseShippedTest, PersonNamesAndAliasesAreUnambiguous) {
  absl::flat_hash_map<std::string, std::string> owner;
  for (const pb::KbPerson& p : Shipped().proto().people()) {
    std::vector<std::string> strings = {p.name()};
    strings.insert(strings.end(), p.aliases().begin(), p.aliases().end());
    for (const std::string& str : strings) {
      // A surname alone would clash with the extractor's own coreference.
      EXPECT_NE(str.find(' '), std::string::npos)
          << p.key() << ": single-word alias \"" << str << '"';
      auto [it, inserted] = owner.emplace(str, p.key());
      EXPECT_TRUE(inserted || it->second == p.key())
          << '"' << str << "\" names " << it->second << " and " << p.key();
    }
  }
}

TEST(KnowledgeBaseShippedTest, NatoEnlargement) {
  const KnowledgeBase& kb = Shipped();
  EXPECT_FALSE(kb.IsMember("FI", "NATO", Day(2023, 4, 3)));
  EXPECT_TRUE(kb.IsMember("FI", "NATO", Day(2023, 4, 4)));
  EXPECT_TRUE(kb.IsMember("FI", "NATO", Day(2023, 4, 5)));
  EXPECT_FALSE(kb.IsMember("SE", "NATO", Day(2024, 3, 6)));
  EXPECT_TRUE(kb.IsMember("SE", "NATO", Day(2024, 3, 7)));
  EXPECT_TRUE(kb.IsMember("US", "NATO", Day(2022, 1, 1)));
  EXPECT_FALSE(kb.IsMember("UA", "NATO", Day(2024, 1, 1)));
  EXPECT_FALSE(kb.IsMember("FI", "NOT AN ALLIANCE", Day(2024, 1, 1)));
  int members_2024 = 0;
  for (const pb::KbMembership& m : kb.AllianceByName("NATO")->members()) {
    if (kb.IsMember(m.state(), "NATO", Day(2024, 6, 1))) ++members_2024;
  }
  EXPECT_EQ(members_2024, 32);
}

TEST(KnowledgeBaseShippedTest, OtherMemberships) {
  const KnowledgeBase& kb = Shipped();
  EXPECT_TRUE(kb.IsMember("GB", "EU", Day(2020, 1, 31)));
  EXPECT_FALSE(kb.IsMember("GB", "EU", Day(2020, 2, 1)));
  EXPECT_FALSE(kb.IsMember("IR", "BRICS", Day(2023, 12, 31)));
  EXPECT_TRUE(kb.IsMember("IR", "BRICS", Day(2024, 1, 1)));
  EXPECT_TRUE(kb.IsMember("IR", "SCO", Day(2023, 7, 4)));
  EXPECT_FALSE(kb.IsMember("BY", "SCO", Day(2024, 7, 3)));
  EXPECT_TRUE(kb.IsMember("AM", "CSTO", Day(2024, 6, 1)));
  EXPECT_TRUE(kb.IsMember("CN", "UNSC P5", Day(2022, 1, 1)));
  for (absl::string_view name :
       {"NATO", "EU", "G7", "G20", "SCO", "BRICS", "AUKUS", "Quad", "ASEAN", "CSTO", "UNSC P5"}) {
    EXPECT_NE(kb.AllianceByName(name), nullptr) << name;
  }
}

TEST(KnowledgeBaseShippedTest, DatedRoles) {
  const KnowledgeBase& kb = Shipped();
  const pb::KbPerson* biden = kb.PersonByKey("joe-biden");
  ASSERT_NE(biden, nullptr);
  const pb::KbRole* role = kb.RoleOn(*biden, Day(2022, 6, 1));
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->title(), "President");
  EXPECT_EQ(role->state(), "US");
  EXPECT_EQ(kb.RoleOn(*biden, Day(2019, 1, 1)), nullptr);

  const pb::KbPerson* blinken = kb.PersonByKey("antony-blinken");
  ASSERT_NE(blinken, nullptr);
  for (int32_t day : {Day(2021, 1, 26), Day(2023, 2, 16), Day(2025, 1, 20)}) {
    role = kb.RoleOn(*blinken, day);
    ASSERT_NE(role, nullptr) << FormatIsoDay(day);
    EXPECT_EQ(role->title(), "Secretary of State");
  }
  EXPECT_EQ(kb.RoleOn(*blinken, Day(2025, 1, 21)), nullptr);

  // Two terms: the role that contains the day, not simply the latest.
  const pb::KbPerson* trump = kb.PersonByKey("donald-trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_NE(kb.RoleOn(*trump, Day(2019, 1, 1)), nullptr);
  EXPECT_EQ(kb.RoleOn(*trump, Day(2022, 1, 1)), nullptr);

  // Wang Yi held two posts at once in 2023; the later-started one wins.
  const pb::KbPerson* wang = kb.PersonByKey("wang-yi");
  ASSERT_NE(wang, nullptr);
  role = kb.RoleOn(*wang, Day(2023, 9, 1));
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->title(), "Foreign Minister");
  EXPECT_EQ(role->state(), "CN");
}

TEST(KnowledgeBaseShippedTest, GoldPeopleArePresent) {
  for (absl::string_view key :
       {"xi-jinping", "vladimir-putin", "volodymyr-zelensky", "sergei-lavrov",
        "jake-sullivan", "viktor-orban", "recep-tayyip-erdogan", "dmytro-kuleba",
        "jens-stoltenberg", "antonio-guterres", "ursula-von-der-leyen",
        "yang-jiechi", "sergei-ryabkov"}) {
    EXPECT_NE(Shipped().PersonByKey(key), nullptr) << key;
  }
  EXPECT_EQ(Shipped().PersonByKey("volodymyr-zelensky")->name(), "Volodymyr Zelensky");
}


// For every G20 state and Ukraine: a head of government or state and a
// foreign minister in office on both days (whichever roles RoleOn() picks).
TEST(KnowledgeBaseShippedTest, G20AndUkraineHaveLeadersAndForeignMinisters) {
  const absl::flat_hash_set<std::string> heads = {
      "President", "Prime Minister", "Chancellor", "Premier", "King",
      "Crown Prince"};
  const absl::flat_hash_set<std::string> foreign = {
      "Foreign Minister", "Secretary of State", "Foreign Secretary",
      "External Affairs Minister",
      "Minister of International Relations and Cooperation"};
  auto holds = [](const pb::KbRole& role, int32_t day) {
    int32_t from = std::numeric_limits<int32_t>::min();
    int32_t to = std::numeric_limits<int32_t>::max();
    if (!role.span().from().empty()) from = ParseIsoSpan(role.span().from())->from_day();
    if (!role.span().to().empty()) to = ParseIsoSpan(role.span().to())->to_day();
    return from <= day && day <= to;
  };
  for (absl::string_view code : {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID",
                                 "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB",
                                 "US", "UA"}) {
    for (int32_t day : {Day(2021, 6, 1), Day(2024, 6, 1)}) {
      bool head = false, minister = false;
      for (const pb::KbPerson& p : Shipped().proto().people()) {
        for (const pb::KbRole& role : p.roles()) {
          if (role.state() != code || !holds(role, day)) continue;
          head |= heads.contains(role.title());
          minister |= foreign.contains(role.title());
        }
      }
      EXPECT_TRUE(head) << code << " has no head of state or government on "
                        << FormatIsoDay(day);
      EXPECT_TRUE(minister) << code << " has no foreign minister on " << FormatIsoDay(day);
    }
  }
}

// ---- loading and validation ----

// The shipped KB is compiled in; NEWSGRAPH_DATA_DIR (or the older
// NEWSGRAPH_DATA) names a data directory to read instead.
TEST(KnowledgeBaseTest, DefaultKbIsEmbeddedUnlessADataDirIsNamed) {
  unsetenv("NEWSGRAPH_DATA_DIR");
  unsetenv("NEWSGRAPH_DATA");
  EXPECT_EQ(KnowledgeBase::DefaultDir(), "");
  absl::StatusOr<KnowledgeBase> embedded = KnowledgeBase::LoadDefault();
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  setenv("NEWSGRAPH_DATA_DIR", NEWSGRAPH_DATA_DIR, 1);
  EXPECT_EQ(KnowledgeBase::DefaultDir(), NEWSGRAPH_DATA_DIR "/kb");
  absl::StatusOr<KnowledgeBase> from_files = KnowledgeBase::LoadDefault();
  ASSERT_TRUE(from_files.ok()) << from_files.status();
  EXPECT_EQ(embedded->proto().DebugString(), from_files->proto().DebugString());
  setenv("NEWSGRAPH_DATA_DIR", "/somewhere", 1);
  EXPECT_EQ(KnowledgeBase::DefaultDir(), "/somewhere/kb");
  absl::StatusOr<KnowledgeBase> missing = KnowledgeBase::LoadDefault();
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/somewhere/kb"), std::string::npos);
  unsetenv("NEWSGRAPH_DATA_DIR");
  setenv("NEWSGRAPH_DATA", "/elsewhere", 1);
  EXPECT_EQ(KnowledgeBase::DefaultDir(), "/elsewhere/kb");
  unsetenv("NEWSGRAPH_DATA");
}

TEST(KnowledgeBaseTest, MergesFilesAndResolvesAcrossThem) {
  TempFile states("kb_states.textproto", kTwoStates);
  TempFile people("kb_people.textproto", R"pb(
    people {
      key: "ann-example" name: "Ann Example"
      roles { title: "Foreign Minister" state: "AA" span { from: "2020-03" to: "2021" } }
      roles { title: "Prime Minister" state: "AA" span { from: "2021-06-01" } }
      roles { title: "Envoy" state: "UN" span { to: "2019-12-31" } }
    }
    alliances { name: "Pact" members { state: "AA" span { from: "2020" } } }
  )pb");
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddFile(states.path()).ok());
  absl::Status s = kb.AddFile(people.path());
  ASSERT_TRUE(s.ok()) << s;
  const pb::KbPerson* ann = kb.PersonByKey("ann-example");
  ASSERT_NE(ann, nullptr);
  // Open "from" is the distant past; month and year spans are whole.
  EXPECT_EQ(kb.RoleOn(*ann, Day(1900, 1, 1))->title(), "Envoy");
  EXPECT_EQ(kb.RoleOn(*ann, Day(2020, 1, 1)), nullptr);
  EXPECT_EQ(kb.RoleOn(*ann, Day(2020, 3, 1))->title(), "Foreign Minister");
  EXPECT_EQ(kb.RoleOn(*ann, Day(2021, 5, 31))->title(), "Foreign Minister");
  // Both roles hold; the more recently started one is preferred.
  EXPECT_EQ(kb.RoleOn(*ann, Day(2021, 12, 31))->title(), "Prime Minister");
  EXPECT_EQ(kb.RoleOn(*ann, Day(2040, 1, 1))->title(), "Prime Minister");
  // A copy of the proto (not a pointer into the KB) works too.
  pb::KbPerson copy = *ann;
  EXPECT_EQ(kb.RoleOn(copy, Day(2020, 4, 1))->title(), "Foreign Minister");
  EXPECT_FALSE(kb.IsMember("AA", "Pact", Day(2019, 12, 31)));
  EXPECT_TRUE(kb.IsMember("AA", "Pact", Day(2020, 1, 1)));
  EXPECT_FALSE(kb.IsMember("BB", "Pact", Day(2020, 1, 1)));
}

TEST(KnowledgeBaseTest, SyntaxErrorNamesFileLineAndColumn) {
  TempFile bad("kb_bad_syntax.textproto",
               "states { code: \"AA\" name: \"Aland\" }\n"
               "states {\n"
               "  code: \"BB\"\n"
               "  nmae: \"Bland\"\n"
               "}\n");
  KnowledgeBase kb;
  absl::Status s = kb.AddFile(bad.path());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasSubstr(s.message(), bad.path() + ":4:"));
  EXPECT_TRUE(HasSubstr(s.message(), "nmae"));
  // Nothing of the bad file was kept.
  EXPECT_EQ(kb.StateByCode("AA"), nullptr);
}

TEST(KnowledgeBaseTest, MissingFileIsAnError) {
  KnowledgeBase kb;
  EXPECT_EQ(kb.AddFile("/nonexistent/kb.textproto").code(), absl::StatusCode::kNotFound);
}

TEST(KnowledgeBaseTest, DuplicateKeyNamesBothFiles) {
  TempFile first("kb_dup_a.textproto", "people { key: \"ann\" name: \"Ann A\" }\n");
  TempFile second("kb_dup_b.textproto",
                  "# comment\npeople { key: \"bob\" name: \"Bob B\" }\n"
                  "people { key: \"ann\" name: \"Ann B\" }\n");
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddFile(first.path()).ok());
  absl::Status s = kb.AddFile(second.path());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasSubstr(s.message(), second.path() + ":3:"));
  EXPECT_TRUE(HasSubstr(s.message(), "duplicate person key \"ann\""));
  EXPECT_TRUE(HasSubstr(s.message(), first.path() + ":1:"));
  // The failed file left the KB as it was: "bob" is not half-added, and
  // the first "ann" is still there.
  EXPECT_EQ(kb.PersonByKey("bob"), nullptr);
  EXPECT_EQ(kb.PersonByKey("ann")->name(), "Ann A");
}

TEST(KnowledgeBaseTest, DuplicateStateInOneFile) {
  TempFile file("kb_dup_state.textproto",
                "states { code: \"AA\" name: \"A\" }\nstates { code: \"AA\" name: \"B\" }\n");
  KnowledgeBase kb;
  absl::Status s = kb.AddFile(file.path());
  EXPECT_TRUE(HasSubstr(s.message(), ":2:"));
  EXPECT_TRUE(HasSubstr(s.message(), "duplicate state code \"AA\""));
}

TEST(KnowledgeBaseTest, BadDateNamesTheLine) {
  TempFile states("kb_date_states.textproto", kTwoStates);
  TempFile bad("kb_bad_date.textproto",
               "people {\n"
               "  key: \"ann\" name: \"Ann\"\n"
               "  roles { title: \"President\" state: \"AA\"\n"
               "          span { from: \"2021-02-30\" } }\n"
               "}\n");
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddFile(states.path()).ok());
  absl::Status s = kb.AddFile(bad.path());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasSubstr(s.message(), bad.path() + ":4:"));
  EXPECT_TRUE(HasSubstr(s.message(), "2021-02-30"));
}

TEST(KnowledgeBaseTest, RejectsBadValues) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"states { code: \"usa\" name: \"X\" }", "not two uppercase letters"},
      {"states { code: \"CC\" }", "without a name"},
      {"alliances { name: \"P\" members { state: \"ZZ\" } }", "unknown state \"ZZ\""},
      {"alliances { name: \"P\" members { state: \"AA\" span { from: \"2020-13\" } } }",
       "malformed date"},
      {"people { key: \"x\" name: \"X\" roles { title: \"T\" state: \"Narnia\" } }",
       "unknown state, alliance or organisation \"Narnia\""},
      {"people { key: \"x\" name: \"X\" roles { title: \"T\" state: \"AA\" "
       "span { from: \"2022\" to: \"2021\" } } }",
       "is after"},
      {"people { key: \"Joe Biden\" name: \"X\" }", "not a slug"},
      {"people { key: \"x\" name: \"X\" roles { state: \"AA\" } }", "without a title"},
      {"places { name: \"Town\" state: \"ZZ\" }", "unknown state \"ZZ\""},
      {"places { name: \"Town\" state: \"aa\" }", "not two uppercase letters"},
      {"places { state: \"AA\" }", "place without a name"},
  };
  TempFile states("kb_bad_states.textproto", kTwoStates);
  for (const Case& c : cases) {
    TempFile bad("kb_bad_value.textproto", c.text);
    KnowledgeBase kb;
    ASSERT_TRUE(kb.AddFile(states.path()).ok());
    absl::Status s = kb.AddFile(bad.path());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_TRUE(HasSubstr(s.message(), c.message)) << c.text;
    EXPECT_TRUE(HasSubstr(s.message(), bad.path() + ":1:")) << c.text;
  }
}

TEST(KnowledgeBaseTest, RolesMayNameAlliancesAndOrganisations) {
  TempFile file("kb_orgs.textproto", R"pb(
    alliances { name: "Pact" }
    people { key: "a" name: "A A" roles { title: "Secretary General" state: "Pact" } }
    people { key: "b" name: "B B" roles { title: "Secretary-General" state: "UN" } }
    people { key: "c" name: "C C" roles { title: "Secretary General" state: "Arab League" } }
  )pb");
  KnowledgeBase kb;
  absl::Status s = kb.AddFile(file.path());
  EXPECT_TRUE(s.ok()) << s;
}

TEST(KnowledgeBaseTest, LoadDefaultReadsTheDirectoryInNameOrder) {
  const std::filesystem::path dir =
      ProcessDir() / "kb_default_test";
  std::filesystem::create_directories(dir / "kb");
  // "a_" sorts before "b_", so the alliance is read before its state exists.
  std::ofstream(dir / "kb" / "a_alliances.textproto")
      << "alliances { name: \"Pact\" members { state: \"AA\" } }\n";
  std::ofstream(dir / "kb" / "b_states.textproto") << kTwoStates;
  std::ofstream(dir / "kb" / "notes.txt") << "not a textproto";
  const char* old = std::getenv("NEWSGRAPH_DATA");
  const std::string saved = old == nullptr ? "" : old;
  setenv("NEWSGRAPH_DATA", dir.c_str(), 1);
  absl::StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadDefault();
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_EQ(kb->proto().states_size(), 2);
  EXPECT_TRUE(kb->IsMember("AA", "Pact", 0));

  std::filesystem::remove_all(dir / "kb");
  EXPECT_EQ(KnowledgeBase::LoadDefault().status().code(), absl::StatusCode::kNotFound);
  if (old != nullptr) {
    setenv("NEWSGRAPH_DATA", saved.c_str(), 1);
  } else {
    unsetenv("NEWSGRAPH_DATA");
  }
  std::filesystem::remove_all(dir);
}


// ---- CAMEO actor dictionaries ----

// A small dictionary in the PETRARCH/TABARI actor format, written for the
// test (names are invented except the country entries).
constexpr absl::string_view kCameoDictionary =
    "# Test actors\n"
    "<!\n"
    "  metadata: anything [NOT A CODE]\n"
    "!>\n"
    "FREEDONIA_  [USA]\n"
    "+LAND_OF_THE_FREE_\n"
    "\n"
    "ANNA_EXAMPLE_ROSE_  [USAELI]   # a comment\n"
    "+PRESIDENT_EXAMPLE_ROSE_\n"
    "+ROSE_\n"
    "\t[USAGOV 090120-170120]\n"
    "\t[USAMIL >20170121]\n"
    "BORIS_O'TESTOV\n"
    "+B._O'TESTOV\n"
    "    [RUSGOVMIL <180507]\n";

TEST(KnowledgeBaseCameoTest, ReadsEntriesAliasesAndDatedRoles) {
  TempFile dict("kb_cameo.txt",
                std::string(kCameoDictionary) +
                    "CARLA_NOBODY [IGOUNO 150101-191231]\n"
                    "+CARLA_Y_NOBODY\n"
                    "DAN_NOWHERE [XYZGOV 150101-191231]\n"
                    "ANNA_EXAMPLE_ROSE\n"
                    "+ANNA_E._ROSE\n"
                    "\t[USAGOV 010101]\n"
                    "UNITED_NATIONS_\t[IGOUNO]\n"
                    "EXAMPLE_NATIONAL_ARMY <! note !> [USAMIL]\n"
                    "ERNST_M\xC3\x9cLLER\t_SENIOR\t[DEUGOV 19900101-19981027][---] [ELI]\n"
                    "SOLO_ [FRAGOV 100101-120101]\n"
                    "MONONYM_ [FRAGOV 100101-120101]\n"
                    "+MONO_NYM_FULL\n");
  KnowledgeBase kb = Shipped();
  const int before = kb.proto().people_size();
  absl::Status s = kb.AddFile(dict.path());  // dispatched on ".txt"
  ASSERT_TRUE(s.ok()) << s;
  // Anna (merged from two entries), Boris, Carla, Ernst and Mononym; the
  // country entry, Dan (unknown country XYZ), the undated institutions and
  // the one-word "Solo" are left out.
  EXPECT_EQ(kb.proto().people_size(), before + 5);
  for (absl::string_view key : {"freedonia", "dan-nowhere", "united-nations",
                                "example-national-army", "solo"}) {
    EXPECT_EQ(kb.PersonByKey(key), nullptr) << key;
  }
  const pb::KbPerson* ernst = kb.PersonByKey("ernst-muller-senior");
  ASSERT_NE(ernst, nullptr);
  EXPECT_EQ(ernst->name(), "Ernst M\xC3\xBCller Senior");
  ASSERT_EQ(ernst->roles_size(), 1);  // [---] and [ELI] name no country
  EXPECT_EQ(ernst->roles(0).state(), "DE");
  EXPECT_EQ(ernst->roles(0).span().from(), "1990-01-01");
  const pb::KbPerson* mononym = kb.PersonByKey("mononym");
  ASSERT_NE(mononym, nullptr);
  EXPECT_EQ(mononym->name(), "Mono Nym Full");

  const pb::KbPerson* anna = kb.PersonByKey("anna-example-rose");
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->name(), "Anna Example Rose");
  EXPECT_TRUE(Has(anna->aliases(), "President Example Rose"));
  EXPECT_TRUE(Has(anna->aliases(), "Anna E. Rose"));
  EXPECT_FALSE(Has(anna->aliases(), "Rose"));  // single words are dropped
  ASSERT_EQ(anna->roles_size(), 4);
  EXPECT_EQ(anna->roles(0).title(), "elite");
  EXPECT_FALSE(anna->roles(0).has_span());
  EXPECT_EQ(anna->roles(1).title(), "government official");
  EXPECT_EQ(anna->roles(1).state(), "US");
  EXPECT_EQ(anna->roles(1).span().from(), "2009-01-20");
  EXPECT_EQ(anna->roles(1).span().to(), "2017-01-20");
  EXPECT_EQ(anna->roles(2).title(), "military");
  EXPECT_EQ(anna->roles(2).span().from(), "2017-01-21");
  EXPECT_EQ(anna->roles(2).span().to(), "");
  EXPECT_EQ(anna->roles(3).span().from(), "2001-01-01");  // a single day
  EXPECT_EQ(anna->roles(3).span().to(), "2001-01-01");
  EXPECT_EQ(kb.RoleOn(*anna, Day(2012, 5, 1))->title(), "government official");
  EXPECT_EQ(kb.RoleOn(*anna, Day(2020, 5, 1))->title(), "military");

  const pb::KbPerson* boris = kb.PersonByKey("boris-otestov");
  ASSERT_NE(boris, nullptr);
  EXPECT_EQ(boris->name(), "Boris O'Testov");
  EXPECT_TRUE(Has(boris->aliases(), "B. O'Testov"));
  ASSERT_EQ(boris->roles_size(), 1);
  EXPECT_EQ(boris->roles(0).state(), "RU");
  EXPECT_EQ(boris->roles(0).title(), "government official");
  EXPECT_EQ(boris->roles(0).span().from(), "");
  EXPECT_EQ(boris->roles(0).span().to(), "2018-05-07");

  const pb::KbPerson* carla = kb.PersonByKey("carla-nobody");
  ASSERT_NE(carla, nullptr);
  EXPECT_EQ(carla->roles(0).state(), "UN");
  EXPECT_EQ(carla->roles(0).title(), "official");
  EXPECT_EQ(carla->roles(0).span().from(), "2015-01-01");
}

TEST(KnowledgeBaseCameoTest, TheHandWrittenEntryWins) {
  TempFile dict("kb_cameo_known.txt",
                "JOE_BIDEN_\n+JOSEPH_BIDEN_JUNIOR\n[USAGOV 210120-250120]\n");
  KnowledgeBase kb = Shipped();
  const pb::KnowledgeBase before = kb.proto();
  ASSERT_TRUE(kb.AddCameoDictionary(dict.path()).ok());
  EXPECT_EQ(kb.proto().people_size(), before.people_size());
  EXPECT_EQ(kb.RoleOn(*kb.PersonByKey("joe-biden"), Day(2022, 1, 1))->title(), "President");
}

TEST(KnowledgeBaseCameoTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"+ALIAS_FIRST\n", ":1:", "before any entry"},
      {"\n[USAGOV]\n", ":2:", "before any entry"},
      {"A_B\n\t[USAGOV 090120-17012]\n", ":2:", "malformed date"},
      {"A_B\n\t[USAGOV 090230-170120]\n", ":2:", "090230"},
      {"A_B\n\t[USAGOV 170120-090120]\n", ":2:", "ends before it starts"},
      {"A_B\n\t[USAGOV 090120\n", ":2:", "missing \"]\""},
      {"A_B [USA GOV 090120-170120]\n", ":1:", "unexpected"},
      {"A_B\n<!\nnever closed\n", "", "unterminated"},
  };
  for (const Case& c : cases) {
    TempFile bad("kb_cameo_bad.txt", c.text);
    KnowledgeBase kb = Shipped();
    const int before = kb.proto().people_size();
    absl::Status s = kb.AddFile(bad.path());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_TRUE(HasSubstr(s.message(), bad.path() + c.where)) << c.text;
    EXPECT_TRUE(HasSubstr(s.message(), c.message)) << c.text;
    EXPECT_EQ(kb.proto().people_size(), before) << c.text;
  }
}

TEST(KnowledgeBaseCameoTest, OtherExtensionsAreTextFormat) {
  TempFile pbtxt("kb_people.pbtxt", "people { key: \"zed-zulu\" name: \"Zed Zulu\" }\n");
  TempFile txtpb("kb_people.txtpb", "people { key: \"yan-yankee\" name: \"Yan Yankee\" }\n");
  KnowledgeBase kb;
  EXPECT_TRUE(kb.AddFile(pbtxt.path()).ok());
  EXPECT_TRUE(kb.AddFile(txtpb.path()).ok());
  EXPECT_NE(kb.PersonByKey("zed-zulu"), nullptr);
  EXPECT_NE(kb.PersonByKey("yan-yankee"), nullptr);
  // A CAMEO dictionary read as text format fails, and the other way round.
  TempFile dict("kb_cameo_as_text.textproto", "A_B [USAGOV]\n");
  EXPECT_FALSE(kb.AddFile(dict.path()).ok());
}

}  // namespace
}  // namespace newsgraph
