// The command line as a user meets it: imports, re-imports, bad input,
// locks, canned queries and formats.
#include <filesystem>
#include <map>
#include <set>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "nlohmann/json.hpp"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/articles.jsonl";

// Two short articles written for this test.
const char kTwoArticles[] =
    R"({"id": "t-1", "title": null, "date": "2023-06-20", "source": null, "url": null, )"
    R"("text": "Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday."})"
    "\n"
    R"({"id": "t-2", "title": "Call", "date": "2022-07-29", "source": "test", "url": null, )"
    R"("text": "President Joe Biden held a phone call with President Xi Jinping on Thursday."})"
    "\n";

TEST(CliTest, EveryCommandHasHelp) {
  for (const char* command : {"", "import", "ask", "export", "stats", "explain"}) {
    RunResult r = RunCli(std::string(command) + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_TRUE(absl::StrContains(r.out, "--help")) << command << r.out;
  }
}

TEST(CliTest, ImportTwiceAddsNothingTheSecondTime) {
  TempDir dir("reimport");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  RunResult first = RunCli("import -q --db " + db + " " + dir.Join("a.jsonl"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(absl::StrContains(first.out, "imported: 2")) << first.out;
  RunResult stats1 = RunCli("stats --db " + db);
  ASSERT_EQ(stats1.exit_code, 0) << stats1.err;

  RunResult second = RunCli("import -q --db " + db + " " + dir.Join("a.jsonl"));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(absl::StrContains(second.out, "imported: 0, skipped as already present: 2"))
      << second.out;
  EXPECT_EQ(RunCli("stats --db " + db).out, stats1.out);
}

// Every line of a batch is checked before any is imported: a bad line
// names its file and line, and the batch stores nothing; what the store
// held before stays.
TEST(CliTest, BadLinesNameFileAndLineAndStoreNothingOfTheBatch) {
  TempDir dir("badlines");
  const std::string db = dir.Join("db");
  struct Case {
    std::string line;
    std::string message;
  };
  const Case cases[] = {
      {"this is not json", "not JSON"},
      {R"({"id": "x", "text": "Some text."})", "missing \"date\""},
      {R"({"id": "x", "date": "2023-02-30", "text": "Some text."})", "no such day"},
      {R"({"id": "x", "date": "June 3", "text": "Some text."})", "malformed date"},
      {"{\"id\": \"x\", \"date\": \"2023-01-02\", \"text\": \"caf\xe9\"}", "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    const std::string file = dir.Join("bad.jsonl");
    WriteFile(file, std::string(kTwoArticles).substr(0, std::string(kTwoArticles).find('\n') + 1) +
                        c.line + "\n");
    RunResult r = RunCli("import -q --db " + db + " " + file);
    EXPECT_NE(r.exit_code, 0) << c.line;
    EXPECT_TRUE(absl::StrContains(r.err, file + ":2:")) << r.err;
    EXPECT_TRUE(absl::StrContains(r.err, c.message)) << r.err;
  }
  // The good first line was not stored either, and the store opens.
  RunResult stats = RunCli("stats --db " + db);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(absl::StrContains(stats.out, "articles: 0")) << stats.out;
  // What an earlier import stored stays.
  WriteFile(dir.Join("good.jsonl"), kTwoArticles);
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("good.jsonl")).exit_code, 0);
  ASSERT_NE(RunCli("import -q --db " + db + " " + dir.Join("bad.jsonl")).exit_code, 0);
  stats = RunCli("stats --db " + db);
  EXPECT_TRUE(absl::StrContains(stats.out, "articles: 2")) << stats.out;
}

TEST(CliTest, UnknownFormatAndQueryAreErrors) {
  TempDir dir("format");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult r = RunCli("ask officials-met --db " + db + " --a US --b CN --format xml");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "xml")) << r.err;
  r = RunCli("ask no-such-query --db " + db);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown query")) << r.err;
  r = RunCli("ask officials-met --db " + db + " --a XX --b CN");
  EXPECT_NE(r.exit_code, 0);
  r = RunCli("stats --db " + dir.Join("nowhere"));
  EXPECT_NE(r.exit_code, 0);
}

TEST(CliTest, SecondWriterIsToldTheStoreIsLocked) {
  TempDir dir("lock");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  absl::StatusOr<std::unique_ptr<Store>> writer = Store::Open(db, StoreOptions{});
  ASSERT_TRUE(writer.ok()) << writer.status();
  RunResult r = RunCli("import -q --db " + db + " " + dir.Join("a.jsonl"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "locked")) << r.err;
  // Readers are not locked out.
  EXPECT_EQ(RunCli("stats --db " + db).exit_code, 0);
}

TEST(CliTest, AskJsonHasTheDocumentedShape) {
  TempDir dir("ask");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult r = RunCli("ask officials-met --db " + db +
                       " --a US --b CN --from 2022-01-01 --to 2023-12-31 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json rows = nlohmann::json::parse(r.out);
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(rows.size(), 1u) << r.out;
  EXPECT_EQ(rows[0]["a"]["name"], "Antony Blinken");
  EXPECT_EQ(rows[0]["b"]["name"], "Xi Jinping");
  EXPECT_EQ(rows[0]["a"]["state"], "US");
  const nlohmann::json& event = rows[0]["events"][0];
  EXPECT_EQ(event["date"], "2023-06-19");
  EXPECT_EQ(event["factuality"], "happened");
  EXPECT_EQ(event["evidence"][0]["article_id"], "t-1");

  r = RunCli("ask officials-met --db " + db + " --a US --b CN --mode call --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 1u) << r.out;
  EXPECT_EQ(rows[0]["a"]["name"], "Joe Biden");
  EXPECT_EQ(rows[0]["events"][0]["date"], "2022-07-28");
}

TEST(CliTest, ExplainShowsRuleSentenceAndResolution) {
  TempDir dir("explain");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult r = RunCli("ask officials-met --db " + db + " --a US --b CN --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const uint64_t id = nlohmann::json::parse(r.out)[0]["events"][0]["event_id"];
  r = RunCli("explain --db " + db + " " + std::to_string(id));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "Antony Blinken")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "rule:")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "date resolved by:")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "met Chinese President Xi Jinping")) << r.out;
  r = RunCli("explain --db " + db + " 999999");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "no event")) << r.err;
}

// The parse behind an event's people, and the coreference step that named
// one of them, are shown (the sentences are written for this test).
TEST(CliTest, ExplainShowsTheParseAndCoreference) {
  TempDir dir("explain_parse");
  WriteFile(dir.Join("a.jsonl"),
            R"({"id":"p1","title":"t","date":"2023-06-20","source":null,"url":null,)"
            // "them" (a word for several people) makes the sentence one the
            // parser reads; with "him" the rules settle it alone.
            R"("text":"Antony Blinken landed in Tokyo on Monday. On Tuesday he met Yoshimasa )"
            R"(Hayashi, who had invited them, at the ministry."})"
            "\n");
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult ask = RunCli("ask contacts-of --db " + db + " --person \"Antony Blinken\" --format json");
  ASSERT_EQ(ask.exit_code, 0) << ask.err;
  const nlohmann::json rows = nlohmann::json::parse(ask.out);
  ASSERT_EQ(rows.size(), 1u) << ask.out;
  const uint64_t id = rows[0]["events"][0]["event_id"];
  RunResult r = RunCli("explain --db " + db + " " + std::to_string(id));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "parse (Link Grammar links from the trigger)")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "coref he->Antony Blinken")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "Hayashi")) << r.out;
}

// A meeting one article announced and a later one reported done is one
// event in the store, exported as each article read it.
TEST(CliTest, ExportKeepsEachArticlesFactuality) {
  TempDir dir("export_factuality");
  WriteFile(dir.Join("a.jsonl"),
            R"({"id":"plan","title":"t","date":"2023-06-01","source":null,"url":null,)"
            R"("text":"Antony Blinken will meet Wang Yi in Beijing on Monday."})"
            "\n"
            R"({"id":"done","title":"t","date":"2023-06-06","source":null,"url":null,)"
            R"("text":"Antony Blinken met Wang Yi in Beijing on Monday."})"
            "\n");
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult r = RunCli("export --db " + db + " --format events");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> read_as;  // article -> factuality
  std::set<std::string> dates;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json event = nlohmann::json::parse(line);
    if (event["event_type"] != "MEET") continue;
    dates.insert(event["date"].get<std::string>());
    for (const nlohmann::json& m : event["mentions"]) read_as[m["article_id"]] = event["factuality"];
  }
  EXPECT_EQ(read_as, (std::map<std::string, std::string>{{"plan", "planned"}, {"done", "happened"}}))
      << r.out;
  EXPECT_EQ(dates, std::set<std::string>{"2023-06-05"}) << "one event, one date";
}

TEST(CliTest, ExportWritesOneEventPerLine) {
  TempDir dir("export");
  WriteFile(dir.Join("a.jsonl"), kTwoArticles);
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("import -q --db " + db + " " + dir.Join("a.jsonl")).exit_code, 0);
  RunResult r = RunCli("export --db " + db + " --format events");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int events = 0;
  while (std::getline(lines, line)) {
    nlohmann::json event = nlohmann::json::parse(line);
    EXPECT_TRUE(event.contains("event_type"));
    EXPECT_TRUE(event["participants"].is_array());
    EXPECT_FALSE(event["mentions"].empty());
    ++events;
  }
  EXPECT_EQ(events, 2);
}

TEST(CliTest, SampleCorpusAnswersTheQuickStartQuestion) {
  TempDir dir("sample");
  const std::string db = dir.Join("db");
  RunResult r = RunCli("import -q --db " + db + " " + kSample);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCli("ask officials-met --db " + db +
             " --a US --b CN --from 2022-01-01 --to 2023-12-31 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json rows = nlohmann::json::parse(r.out);
  bool biden_xi = false;
  for (const auto& row : rows) {
    biden_xi |= row["a"]["name"] == "Joe Biden" && row["b"]["name"] == "Xi Jinping";
    for (const auto& event : row["events"]) EXPECT_FALSE(event["evidence"].empty());
  }
  EXPECT_TRUE(biden_xi) << r.out;
}

TEST(CliTest, EmbeddingExampleRuns) {
  TempDir dir("embed");
  RunResult r = RunShell(std::string(NEWSGRAPH_EXAMPLE) + " " + dir.Join("db"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "Joe Biden (US) met Xi Jinping (CN)")) << r.out;
}

}  // namespace
}  // namespace newsgraph::testing
