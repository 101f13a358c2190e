// `newsgraph ask` as a user meets it: the registry listing, the new canned
// queries and their formats, user query files, and errors.
#include <filesystem>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

using ::testing::HasSubstr;

const std::string kSampleDir = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/";

class AskCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("ask_cli");
    db_ = new std::string(dir_->Join("db"));
    RunResult r = RunCli("import -q --db " + *db_ + " " + kSampleDir + "articles.jsonl");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunCli("import -q --db " + *db_ + " --date 2023-06-19 " + kSampleDir +
               "2023-06-19-blinken-beijing.txt");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static RunResult Ask(const std::string& args) { return RunCli("ask --db " + *db_ + " " + args); }
  // The error output of `ask ARGS`, which must exit non-zero.
  static std::string FailureOf(const std::string& args) {
    const RunResult r = Ask(args);
    EXPECT_NE(r.exit_code, 0) << args;
    return r.err;
  }

  static TempDir* dir_;
  static std::string* db_;
};

TempDir* AskCliTest::dir_ = nullptr;
std::string* AskCliTest::db_ = nullptr;

TEST_F(AskCliTest, ListShowsEveryQueryWithItsParameters) {
  RunResult r = RunCli("ask --list");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Each entry starts an unindented line with its name.
  std::set<std::string> names;
  for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    if (line[0] != ' ') names.insert(std::string(line.substr(0, line.find(' '))));
  }
  EXPECT_EQ(names, (std::set<std::string>{"officials-met", "contacts-of", "neighbourhood", "path",
                                          "path-in-time", "timeline", "alliance-members",
                                          "co-participants", "top-connected"}));
  EXPECT_THAT(r.out,
              HasSubstr("officials-met  (runs in C++; --engine cypher runs its Cypher text)"));
  EXPECT_THAT(r.out, HasSubstr("--k              int[1..3] = 2"));
  EXPECT_THAT(r.out, HasSubstr("--param max_hops= int[1..3] = 3"));
  EXPECT_THAT(r.out, HasSubstr("formats: table, json, csv, dot, graphml"));
}

TEST_F(AskCliTest, DescribeShowsTheCypherText) {
  RunResult r = RunCli("ask --describe path");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("allShortestPaths"));
  EXPECT_THAT(r.out, HasSubstr("canned.cypher:"));
  r = RunCli("ask officials-met --describe");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("--engine cypher"));
  EXPECT_THAT(r.out, HasSubstr("MATCH (x)-[px:PARTICIPATED_IN]->(e:Event)"));
}

TEST_F(AskCliTest, OfficialsMetKeepsItsNativeAnswerAndTheTextAgrees) {
  RunResult native =
      Ask("officials-met --a US --b CN --from 2022-01-01 --to 2023-12-31 "
          "--format json");
  ASSERT_EQ(native.exit_code, 0) << native.err;
  const nlohmann::json pairs = nlohmann::json::parse(native.out);
  ASSERT_FALSE(pairs.empty());
  EXPECT_TRUE(pairs[0].contains("events"));  // the documented pair shape
  RunResult cypher =
      Ask("officials-met --engine cypher --a US --b CN --from 2022-01-01 "
          "--to 2023-12-31 --format json");
  ASSERT_EQ(cypher.exit_code, 0) << cypher.err;
  const nlohmann::json rows = nlohmann::json::parse(cypher.out);
  ASSERT_EQ(rows.size(), pairs.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i]["a"], pairs[i]["a"]["name"]);
    EXPECT_EQ(rows[i]["b"], pairs[i]["b"]["name"]);
    EXPECT_FALSE(rows[i]["evidence"].empty());
  }
}

// The quick start's question on the sample corpus: every row is a contact
// the sample articles report as having happened, on the day they give. A
// planned meeting whose venue "has not been made public" and a meeting
// dated by the "since ... in December" clause beside it were wrong rows.
TEST_F(AskCliTest, QuickStartAnswerHasNoWrongRow) {
  RunResult r = Ask("officials-met --a US --b CN --from 2022-01-01 --to 2023-12-31 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> rows;
  std::set<std::string> bali_articles;
  for (const nlohmann::json& pair : nlohmann::json::parse(r.out)) {
    for (const nlohmann::json& e : pair["events"]) {
      rows.insert(pair["a"]["name"].get<std::string>() + "|" +
                  pair["b"]["name"].get<std::string>() + "|" + e["date"].get<std::string>() +
                  "|" + e["factuality"].get<std::string>());
      if (e["date"] == "2022-11-14") {
        for (const nlohmann::json& ev : e["evidence"]) bali_articles.insert(ev["article_id"]);
      }
    }
  }
  EXPECT_EQ(rows, (std::set<std::string>{
                      "Antony Blinken|Qin Gang|2023-06-18|happened",
                      "Antony Blinken|Wang Yi|2023-06-19|happened",
                      "Antony Blinken|Xi Jinping|2023-06-19|happened",
                      "Jake Sullivan|Wang Yi|2023-09-16|happened",
                      "Janet Yellen|He Lifeng|2023-07|happened",     // "whom she last met"
                      "Janet Yellen|He Lifeng|2023-11-09|happened",  // "began two days of talks"
                      "Janet Yellen|Li Qiang|2023-07-07|happened",
                      "Joe Biden|Xi Jinping|2022-11-14|happened",
                      "Joe Biden|Xi Jinping|2023-11-15|happened",
                  }));
  // The handshake sentence of the Bali article itself is read.
  EXPECT_TRUE(bali_articles.count("sample-005")) << r.out;
}

TEST_F(AskCliTest, NeighbourhoodDrawsAsDotAndGraphMl) {
  RunResult r = Ask("neighbourhood --entity \"Antony Blinken\" --k 2 --format dot");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "digraph answer {")) << r.out;
  // The type is the colour, which the legend names; the centre is marked.
  EXPECT_THAT(r.out, HasSubstr("color=\"#0072B2\""));
  EXPECT_THAT(r.out, HasSubstr(">MET</TD>"));
  EXPECT_THAT(r.out, HasSubstr("[label=\"Antony Blinken\", tooltip=\"Antony Blinken (Person)\", "
                               "fillcolor=\"#FFD966\""));
  r = Ask("path --a \"Antony Blinken\" --b \"Xi Jinping\" --format graphml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<graphml"));
  EXPECT_THAT(r.out, HasSubstr("<data key=\"label\">Xi Jinping</data>"));
  EXPECT_THAT(r.out, HasSubstr("<data key=\"e_sentences\">[{&quot;evidence_id&quot;:"));
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    const std::string file = dir_->Join("path.graphml");
    WriteFile(file, r.out);
    EXPECT_EQ(RunShell("xmllint --noout " + file).exit_code, 0);
  }
}

// The C++ neighbourhood answers unless --engine cypher: the same rows (as
// JSON, relationship ids aside), and a limit on entities that says when
// it was reached.
TEST_F(AskCliTest, NeighbourhoodRunsNativelyWithTheTextsRows) {
  const std::string args = "neighbourhood --entity \"antony blinken\" --k 2 --format json";
  RunResult native = Ask(args);
  ASSERT_EQ(native.exit_code, 0) << native.err;
  RunResult text = Ask(args + " --engine cypher");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  auto rows = [](const std::string& json) {
    std::multiset<std::string> out;
    for (nlohmann::json row : nlohmann::json::parse(json)) {
      row["via"].erase("id");
      row["evidence"] = row["evidence"].size();
      out.insert(row.dump());
    }
    return out;
  };
  EXPECT_FALSE(rows(native.out).empty());
  EXPECT_EQ(rows(native.out), rows(text.out));
  RunResult cut = Ask("neighbourhood --entity \"Antony Blinken\" --k 2 --limit 1");
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_THAT(cut.out, HasSubstr("note: the limit of 1 entities was reached"));
  cut = Ask("neighbourhood --entity \"Antony Blinken\" --k 2 --limit 1 --engine cypher");
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_THAT(cut.out, ::testing::Not(HasSubstr("note:")));
}

TEST_F(AskCliTest, TableRowsCarrySentences) {
  RunResult r = Ask("timeline --entity \"Xi Jinping\" --from 2022-01-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("date"));
  EXPECT_THAT(r.out, HasSubstr("sample-"));
  EXPECT_THAT(r.out, HasSubstr("\""));
  r = Ask("co-participants --person \"Joe Biden\" --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("evidence_ids,article_ids,sentence"));
}

TEST_F(AskCliTest, BadParametersAndFormatsAreNamed) {
  EXPECT_THAT(FailureOf("neighbourhood --entity \"Antony Blinken\" --k 5"),
              HasSubstr("parameter k: 5 is outside 1..3"));
  EXPECT_THAT(FailureOf("timeline --entity \"Xi Jinping\" --format dot"),
              HasSubstr("timeline answers as table, json, csv only"));
  EXPECT_THAT(FailureOf("officials-met --a US --b CN --format graphml"),
              HasSubstr("officials-met answers as table, json, csv only"));
  EXPECT_THAT(FailureOf("timeline --entity X --param colour=red"),
              HasSubstr("timeline has no parameter \"colour\""));
  EXPECT_THAT(FailureOf("path --a \"Antony Blinken\""), HasSubstr("path needs parameter \"b\""));
  EXPECT_THAT(FailureOf("alliance-members --alliance NATO --date 2023-02-30"),
              HasSubstr("is not a date"));
}

TEST_F(AskCliTest, UserFilesAddAndOverrideQueries) {
  const std::string file = dir_->Join("mine.cypher");
  WriteFile(file,
            "// name: people-of\n"
            "// description: The people whose affiliation is a state.\n"
            "// param: state string — ISO code\n"
            "MATCH (p:Person {state: $state})-[:PARTICIPATED_IN]->(e:Event)\n"
            "RETURN p.name AS name, count(e) AS events, collect(e.evidence) AS evidence\n"
            "ORDER BY name\n"
            "\n"
            "// name: timeline\n"
            "// description: Replaced.\n"
            "RETURN 1 AS one, [] AS evidence\n");
  RunResult r = Ask("people-of --queries " + file + " --param state=CN --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json rows = nlohmann::json::parse(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_FALSE(rows[0]["evidence"].empty());
  r = RunShell("NEWSGRAPH_QUERIES=" + file + " " + NEWSGRAPH_CLI + " ask --list");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("people-of"));
  EXPECT_THAT(r.out, HasSubstr("Replaced."));

  WriteFile(file, "// name: broken\n// description: d\nMATCH (n RETURN n\n");
  EXPECT_THAT(FailureOf("broken --queries " + file), HasSubstr(file + ":3:"));
}

}  // namespace
}  // namespace newsgraph::testing
