// newsgraph::Database (include/newsgraph/newsgraph.h), used as an embedding
// program would: through the face header alone.
#include "newsgraph/newsgraph.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::TestStoreDir;

// Written for this test: two officials the knowledge base knows meet on a
// day the text names.
ArticleInput TalksArticle() {
  ArticleInput article;
  article.id = "face-1";
  article.date = "2023-03-09";
  article.title = "Talks on shipping";
  article.text =
      "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Jakarta on "
      "Tuesday. The two men talked about shipping lanes and export rules.";
  return article;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::unique_ptr<Database> OpenOrDie(const std::string& path, const DatabaseOptions& options = {}) {
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? *std::move(db) : nullptr;
}

// The text of column `column` in every row.
std::vector<std::string> Column(const QueryResult& result, const std::string& column) {
  std::vector<std::string> out;
  const int index = result.ColumnIndex(column);
  EXPECT_GE(index, 0) << column;
  if (index < 0) return out;
  for (const auto& row : result.rows) out.push_back(CypherValueToText(row[index]));
  return out;
}

TEST(DatabaseTest, OpenMakesAStoreInAMissingDirectory) {
  TestStoreDir dir;
  const std::string path = dir.path() + "/nested/store";
  std::unique_ptr<Database> db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->path(), path);
  EXPECT_TRUE(std::filesystem::is_directory(path));
  absl::StatusOr<QueryResult> count = db->Query("MATCH (n) RETURN count(n) AS n");
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(Column(*count, "n"), std::vector<std::string>{"0"});
}

TEST(DatabaseTest, OpenWithoutCreateIfMissingIsNotFound) {
  TestStoreDir dir;
  DatabaseOptions options;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir.path(), options);
  EXPECT_EQ(db.status().code(), absl::StatusCode::kNotFound) << db.status();
  options.create_if_missing = true;
  options.read_only = true;  // a reader never makes a store
  db = Database::Open(dir.path(), options);
  EXPECT_EQ(db.status().code(), absl::StatusCode::kNotFound) << db.status();
  EXPECT_FALSE(std::filesystem::exists(dir.path()));
}

TEST(DatabaseTest, OpenRefusesAPathThatIsNotAStore) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string file = dir.path() + "/notes.txt";
  Write(file, "not a store\n");
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(file);
  EXPECT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find(file), absl::string_view::npos) << db.status();
  db = Database::Open(dir.path());  // a folder holding another file
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition) << db.status();
  EXPECT_TRUE(std::filesystem::exists(file));  // left untouched
}

TEST(DatabaseTest, ImportThenQueryWithParameters) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  absl::StatusOr<ImportReport> report = db->Import(TalksArticle());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->imported, 1u);
  EXPECT_GE(report->events, 1u);

  absl::StatusOr<QueryResult> met = db->Query(
      "MATCH (p:Person {name: $who})-[:PARTICIPATED_IN]->(e:Event)"
      "<-[:PARTICIPATED_IN]-(q:Person) WHERE e.date >= $from RETURN DISTINCT q.name AS other",
      {{"who", CypherValue::String("Antony Blinken")}, {"from", CypherValue::Date(19417)}});
  ASSERT_TRUE(met.ok()) << met.status();
  EXPECT_EQ(met->columns, std::vector<std::string>{"other"});
  EXPECT_EQ(Column(*met, "other"), std::vector<std::string>{"Wang Yi"});
  EXPECT_TRUE(met->evidence.empty());  // Query leaves evidence to the caller

  // The same article again adds nothing; another text under its id is refused.
  report = db->Import(TalksArticle());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->already_present, 1u);
  ArticleInput changed = TalksArticle();
  changed.text += " They will meet again.";
  EXPECT_EQ(db->Import(changed).status().code(), absl::StatusCode::kAlreadyExists);
}

TEST(DatabaseTest, ImportsAreDurableAcrossReopening) {
  TestStoreDir dir;
  ASSERT_TRUE(OpenOrDie(dir.path())->Import(TalksArticle()).ok());
  DatabaseOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<Database> db = OpenOrDie(dir.path(), read_only);
  ASSERT_NE(db, nullptr);
  absl::StatusOr<QueryResult> events = db->Query("MATCH (e:Event) RETURN count(e) AS n");
  ASSERT_TRUE(events.ok()) << events.status();
  EXPECT_NE(Column(*events, "n"), std::vector<std::string>{"0"});
}

TEST(DatabaseTest, RowBudgetFailsTheQueryWithItsLimit) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  QueryOptions options;
  options.max_rows = 10;
  absl::StatusOr<QueryResult> rows = db->Query("UNWIND range(1, 50) AS x RETURN x", {}, options);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kResourceExhausted) << rows.status();
  EXPECT_NE(rows.status().message().find("row budget of 10"), absl::string_view::npos)
      << rows.status();
  options.max_rows = 50;  // raised, the same query runs
  rows = db->Query("UNWIND range(1, 50) AS x RETURN x", {}, options);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(rows->rows.size(), 50u);
}

TEST(DatabaseTest, QueryErrorsAreInvalidArgument) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Query("MATCH (n RETURN n").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(db->Query("MATCH (n) DELETE n").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(db->Query("CREATE (n:Person) RETURN n").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(DatabaseTest, AskRunsACannedQueryWithItsEvidence) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Import(TalksArticle()).ok());
  absl::StatusOr<QueryResult> met = db->Ask(
      "officials-met", {{"a", "US"}, {"b", "CN"}, {"from", "2023-01-01"}, {"to", "2023-12-31"}});
  ASSERT_TRUE(met.ok()) << met.status();
  EXPECT_EQ(Column(*met, "a"), std::vector<std::string>{"Antony Blinken"});
  EXPECT_EQ(Column(*met, "b"), std::vector<std::string>{"Wang Yi"});
  ASSERT_EQ(met->evidence.size(), 1u);
  ASSERT_FALSE(met->evidence[0].empty());
  EXPECT_EQ(met->evidence[0][0].article_id, "face-1");
  EXPECT_NE(met->evidence[0][0].sentence.find("Jakarta"), std::string::npos);

  // A window that misses the talks finds no pair.
  met = db->Ask("officials-met",
                {{"a", "US"}, {"b", "CN"}, {"from", "2021-01-01"}, {"to", "2021-12-31"}});
  ASSERT_TRUE(met.ok()) << met.status();
  EXPECT_TRUE(met->rows.empty());
}

TEST(DatabaseTest, AskNamesAnUnknownQueryOrParameter) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Ask("no-such-query").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<QueryResult> bad = db->Ask("neighbourhood", {{"entity", "Wang Yi"}, {"k", "x"}});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("k"), absl::string_view::npos) << bad.status();
  bad = db->Ask("officials-met", {{"a", "US"}});  // b is required
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument) << bad.status();
  EXPECT_NE(bad.status().message().find("b"), absl::string_view::npos) << bad.status();
}

TEST(DatabaseTest, ListQueriesDescribesTheRegistryAndUsersFiles) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path() + "-queries");
  const std::string file = dir.path() + "-queries/mine.cypher";
  Write(file,
        "// name: people-named\n"
        "// description: People whose name starts with a prefix.\n"
        "// param: prefix string = A -- the first letters\n"
        "MATCH (p:Person) WHERE p.name STARTS WITH $prefix\n"
        "RETURN p.name AS name, [] AS evidence ORDER BY name LIMIT 3\n");
  DatabaseOptions options;
  options.query_files = {file};
  std::unique_ptr<Database> db = OpenOrDie(dir.path(), options);
  ASSERT_NE(db, nullptr);
  const std::vector<QueryInfo> queries = db->ListQueries();
  const QueryInfo* officials = nullptr;
  const QueryInfo* mine = nullptr;
  for (const QueryInfo& q : queries) {
    if (q.name == "officials-met") officials = &q;
    if (q.name == "people-named") mine = &q;
  }
  ASSERT_NE(officials, nullptr);
  EXPECT_FALSE(officials->description.empty());
  EXPECT_NE(officials->cypher.find("MATCH"), std::string::npos);
  ASSERT_FALSE(officials->params.empty());
  EXPECT_EQ(officials->params[0].name, "a");
  EXPECT_TRUE(officials->params[0].required);
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(&queries.back(), mine);  // users' files come after the shipped ones
  ASSERT_EQ(mine->params.size(), 1u);
  EXPECT_EQ(mine->params[0].type, "string");
  EXPECT_FALSE(mine->params[0].required);
  EXPECT_EQ(mine->params[0].default_value, "A");
  EXPECT_EQ(mine->params[0].help, "the first letters");
  std::filesystem::remove_all(dir.path() + "-queries");
}

TEST(DatabaseTest, BadQueryFileFailsOpenWithItsLine) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path() + "-queries");
  const std::string file = dir.path() + "-queries/broken.cypher";
  Write(file,
        "// name: broken\n// description: Unclosed.\n// param: x int -- a number\n"
        "MATCH (n RETURN $x AS evidence\n");
  DatabaseOptions options;
  options.query_files = {file};
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir.path(), options);
  EXPECT_EQ(db.status().code(), absl::StatusCode::kInvalidArgument) << db.status();
  EXPECT_NE(db.status().message().find("broken.cypher:4"), absl::string_view::npos)
      << db.status();
  EXPECT_FALSE(std::filesystem::exists(dir.path()));  // refused before the store was made
  std::filesystem::remove_all(dir.path() + "-queries");
}

TEST(DatabaseTest, ReadOnlyRefusesWritesAndStillAnswers) {
  TestStoreDir dir;
  ASSERT_TRUE(OpenOrDie(dir.path())->Import(TalksArticle()).ok());
  DatabaseOptions options;
  options.read_only = true;
  std::unique_ptr<Database> db = OpenOrDie(dir.path(), options);
  ASSERT_NE(db, nullptr);
  ArticleInput other = TalksArticle();
  other.id = "face-2";
  absl::StatusOr<ImportReport> report = db->Import(other);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_NE(report.status().message().find("read-only"), absl::string_view::npos);
  EXPECT_EQ(db->BulkLoad("nodes.csv", "edges.csv").status().code(),
            absl::StatusCode::kFailedPrecondition);
  absl::StatusOr<QueryResult> articles = db->Query("MATCH (e:Event) RETURN e.id AS id");
  ASSERT_TRUE(articles.ok()) << articles.status();
  EXPECT_FALSE(articles->rows.empty());
}

TEST(DatabaseTest, ImportFileReadsJsonLinesAndDatedText) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  const std::string jsonl = dir.path() + "/day.jsonl";
  Write(jsonl,
        "{\"id\":\"j-1\",\"title\":null,\"date\":\"2023-05-02\",\"source\":null,\"url\":null,"
        "\"text\":\"Wang Yi met Antony Blinken in Vienna on Monday.\"}\n");
  absl::StatusOr<ImportReport> report = db->ImportFile(jsonl);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->imported, 1u);

  const std::string txt = dir.path() + "/note-7.txt";
  Write(txt, "A quiet day\n\nNobody of note met anyone.\n");
  EXPECT_EQ(db->ImportFile(txt).status().code(), absl::StatusCode::kInvalidArgument);
  report = db->ImportFile(txt, "2023-05-03");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->imported, 1u);
  absl::StatusOr<QueryResult> ids =
      db->Query("MATCH (a:Article) RETURN a.kb_key AS id ORDER BY id");
  ASSERT_TRUE(ids.ok()) << ids.status();
  EXPECT_EQ(Column(*ids, "id"), (std::vector<std::string>{"j-1", "note-7"}));

  const std::string bad = dir.path() + "/bad.jsonl";
  Write(bad, "{\"id\":\"j-2\",\"text\":\"no date\"}\n");
  report = db->ImportFile(bad);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("bad.jsonl:1"), absl::string_view::npos)
      << report.status();
  EXPECT_FALSE(db->ImportFile(dir.path() + "/missing.jsonl").ok());
}

TEST(DatabaseTest, ExplainTellsHowAnEventWasRead) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Import(TalksArticle()).ok());
  absl::StatusOr<QueryResult> events = db->Query("MATCH (e:Event) RETURN e.id AS id");
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_FALSE(events->rows.empty());
  absl::StatusOr<std::string> text = db->Explain(events->rows[0][0].integer);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_NE(text->find("face-1"), std::string::npos) << *text;
  EXPECT_NE(text->find("Wang Yi"), std::string::npos) << *text;
  EXPECT_EQ(db->Explain(987654321).status().code(), absl::StatusCode::kNotFound);
}

TEST(DatabaseTest, BulkLoadFillsAnOpenEmptyDatabase) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path() + "/store");
  ASSERT_NE(db, nullptr);
  const std::string nodes = dir.path() + "/nodes.csv";
  const std::string edges = dir.path() + "/edges.csv";
  Write(nodes, "id,kind\n1,PERSON\n2,PERSON\n3,STATE\n");
  Write(edges, "src,dst,type,date\n1,2,MET,2023-01-05\n1,3,HOLDS_ROLE,\n");
  absl::StatusOr<BulkLoadReport> report = db->BulkLoad(nodes, edges);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->nodes, 3u);
  EXPECT_EQ(report->edges, 2u);
  // The open handle sees the load at once.
  absl::StatusOr<QueryResult> met =
      db->Query("MATCH (a:Person)-[r:MET]->(b:Person) RETURN id(a) AS a, id(b) AS b");
  ASSERT_TRUE(met.ok()) << met.status();
  ASSERT_EQ(met->rows.size(), 1u);
  EXPECT_EQ(met->rows[0][0].integer, 1);
  EXPECT_EQ(met->rows[0][1].integer, 2);
  // Only into an empty database.
  report = db->BulkLoad(nodes, edges);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
}

TEST(DatabaseTest, ReadersRunBesideImports) {
  TestStoreDir dir;
  std::unique_ptr<Database> db = OpenOrDie(dir.path());
  ASSERT_NE(db, nullptr);
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::thread reader([&] {
    while (!done) {
      if (!db->Query("MATCH (a:Article) RETURN count(a)").ok()) ++failures;
    }
  });
  for (int i = 0; i < 4; ++i) {
    ArticleInput article = TalksArticle();
    article.id = "face-" + std::to_string(10 + i);
    article.text += " Meeting number " + std::to_string(i) + ".";
    absl::StatusOr<ImportReport> report = db->Import(article);
    EXPECT_TRUE(report.ok()) << report.status();
  }
  done = true;
  reader.join();
  EXPECT_EQ(failures.load(), 0);
  absl::StatusOr<QueryResult> count = db->Query("MATCH (a:Article) RETURN count(a) AS n");
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(Column(*count, "n"), std::vector<std::string>{"4"});
}

}  // namespace
}  // namespace newsgraph
