// Names as `newsgraph ask` takes them, the same way in every query: any
// stored name or alias, whatever the case and diacritics; a name that
// finds nothing fails with "did you mean"; and `path --types`.
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSampleDir = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/";

class NamesCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("names_cli");
    RunResult r = RunCli("import -q --db " + Db() + " " + kSampleDir + "articles.jsonl");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunCli("import -q --db " + Db() + " --date 2023-06-19 " + kSampleDir +
               "2023-06-19-blinken-beijing.txt");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() { return dir_->Join("db"); }
  static RunResult Ask(const std::string& args) { return RunCli("ask --db " + Db() + " " + args); }
  static TempDir* dir_;
};
TempDir* NamesCliTest::dir_ = nullptr;

// Each spelling gives the answer the stored name gives.
TEST_F(NamesCliTest, CaseDiacriticsAndAliasesFindTheSameEntity) {
  struct Case {
    std::string query, flag, stored;
    std::vector<std::string> typed;
  };
  const std::vector<Case> cases = {
      {"timeline", "--entity", "Xi Jinping", {"xi jinping", "XI  JINPING"}},
      {"co-participants", "--person", "Antony Blinken", {"antony blinken", "Tony Blinken", "antony j. blinken"}},
      {"neighbourhood --k 1", "--entity", "Wang Yi", {"wang yi"}},
      {"contacts-of", "--person", "Xi Jinping", {"xi jinping"}},
      {"alliance-members --date 2023-01-01", "--alliance", "NATO", {"nato"}},
  };
  for (const Case& c : cases) {
    const RunResult want = Ask(c.query + " " + c.flag + " '" + c.stored + "'");
    ASSERT_EQ(want.exit_code, 0) << c.query << ": " << want.err;
    ASSERT_FALSE(absl::StrContains(want.out, "(no answer)")) << c.query;
    for (const std::string& typed : c.typed) {
      const RunResult got = Ask(c.query + " " + c.flag + " '" + typed + "'");
      EXPECT_EQ(got.exit_code, 0) << c.query << " " << typed << ": " << got.err;
      EXPECT_EQ(got.out, want.out) << c.query << " " << typed;
    }
  }
}

TEST_F(NamesCliTest, DiacriticsAreIgnoredBothWays) {
  // Stored as "Recep Tayyip Erdoğan" when the sample names him; either way
  // the two spellings must find the same thing (or fail the same way).
  const RunResult plain = Ask("timeline --entity 'Recep Tayyip Erdogan'");
  const RunResult marked = Ask("timeline --entity 'Recep Tayyip Erdoğan'");
  EXPECT_EQ(plain.exit_code, marked.exit_code);
  EXPECT_EQ(plain.out, marked.out);
}

// Nothing found: a non-zero exit and the nearest stored names, for the
// Cypher-text queries and the C++ ones alike.
TEST_F(NamesCliTest, UnknownNamesFailWithDidYouMean) {
  struct Case {
    std::string args, expected;
  };
  const std::vector<Case> cases = {
      {"timeline --entity 'Xi Jinpin'", "no entity named \"Xi Jinpin\" in this store (did you mean "
                                        "\"Xi Jinping\"?)"},
      {"co-participants --person Blinkin", "(did you mean \"Antony Blinken\"?)"},
      {"path --a 'Joe Bidne' --b 'Wang Yi'", "--a: no entity named \"Joe Bidne\""},
      {"path-in-time --a 'Joe Biden' --b 'Wang Yii'", "(did you mean \"Wang Yi\"?)"},
      {"contacts-of --person 'Wang Yii'", "no person named \"Wang Yii\" in this store (did you "
                                          "mean \"Wang Yi\"?)"},
      {"officials-met --a 'Untied States' --b CN", "(did you mean \"United States\"?)"},
      {"timeline --entity 'Zzzz Qqqq'", "no entity named \"Zzzz Qqqq\" in this store"},
  };
  for (const Case& c : cases) {
    const RunResult r = Ask(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_TRUE(absl::StrContains(r.err, c.expected)) << c.args << ": " << r.err;
    EXPECT_FALSE(absl::StrContains(r.out, "(no answer)")) << c.args;
  }
}

// --types keeps a path to the types asked for: the shortest such path, not
// the shortest path filtered afterwards (which would find nothing here).
TEST_F(NamesCliTest, PathTypesChooseTheRelationshipsFollowed) {
  const RunResult any = Ask("path --a 'Joe Biden' --b 'Wang Yi' --format csv");
  ASSERT_EQ(any.exit_code, 0) << any.err;
  EXPECT_TRUE(absl::StrContains(any.out, "\n2,")) << any.out;  // via a SPOKE_WITH
  EXPECT_TRUE(absl::StrContains(any.out, "SPOKE_WITH")) << any.out;

  const RunResult met = Ask("path --a 'Joe Biden' --b 'Wang Yi' --types MET --format csv");
  ASSERT_EQ(met.exit_code, 0) << met.err;
  EXPECT_TRUE(absl::StrContains(met.out, "\n3,")) << met.out;
  EXPECT_FALSE(absl::StrContains(met.out, "SPOKE_WITH")) << met.out;
  EXPECT_FALSE(absl::StrContains(met.out, "\n2,")) << met.out;

  const RunResult places = Ask("path --a 'Joe Biden' --b 'Wang Yi' --types HELD_AT");
  EXPECT_EQ(places.exit_code, 0) << places.err;
  EXPECT_EQ(places.out, "(no answer)\n");
  const RunResult bad = Ask("path --a 'Joe Biden' --b 'Wang Yi' --types MEMBER_OF");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(bad.err, "MEMBER_OF")) << bad.err;
}

}  // namespace
}  // namespace newsgraph::testing
