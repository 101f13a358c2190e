// The whole-graph exports on the hand-written contact graph: the JSON Lines
// round trip, the filters, and what each writer escapes. (The ctests
// export_formats_* load the exports of imported corpora into NetworkX, a
// Turtle parser and the Neo4j checker.)
#include "newsgraph/graph_export.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;
using testing_util::TempStoreDir;

class GraphExportTest : public testing_util::ContactGraphTest {
 protected:
  void SetUp() override {
    ContactGraphTest::SetUp();
    if (HasFatalFailure()) return;
    // What the fixture lacks: parallel contacts on one day, evidence on a
    // contact, an article record, text that needs escaping everywhere.
    std::unique_ptr<WriteSet> writes = store_->NewWriteSet();
    for (int i = 0; i < 2; ++i) {
      pb::Edge met;
      met.set_src(g_.blinken);
      met.set_dst(g_.wang);
      met.set_type(pb::MET);
      *met.mutable_time() = testing_util::SpanOf("2023-06-19");
      met.set_factuality(pb::HAPPENED);
      met.set_event_id(g_.visit);
      met.set_confidence(0.9f);
      writes->PutEdge(met);
    }
    pb::Node odd;
    odd.set_id(writes->NewNodeId());
    odd.set_kind(pb::PERSON);
    // (A store holds valid UTF-8 only: protobuf refuses to read back
    // anything else.)
    odd.set_name("\"Q\" \\ <&> \x01 caf\xc3\xa9 \xe4\xb8\xad end\nline");
    odd.add_aliases("Smith, John");
    odd.add_aliases("J;S");
    writes->PutNode(odd);
    odd_ = odd.id();
    pb::Article article;
    article.set_id("wh-1");
    article.set_title("Biden meets Xi");
    article.set_date("2022-11-14");
    article.set_content_hash(std::string("\x00\xff\x10", 3));
    writes->PutArticle(article);
    ASSERT_TRUE(store_->Commit(*writes).ok());
  }

  std::string Export(GraphFormat format, const GraphExportFilter& filter = {}) {
    GraphExportOptions options;
    options.filter = filter;
    std::ostringstream out;
    absl::StatusOr<GraphExportCounts> counts = ExportGraph(*store_, format, options, out);
    EXPECT_TRUE(counts.ok()) << counts.status();
    return out.str();
  }

  static std::vector<Json> Records(const std::string& jsonl) {
    std::vector<Json> out;
    for (absl::string_view line : absl::StrSplit(jsonl, '\n', absl::SkipEmpty())) {
      out.push_back(Json::parse(line));
    }
    return out;
  }

  // Writes `text` to a file and reads it into a fresh store.
  absl::StatusOr<GraphExportCounts> ReadBack(const std::string& text, Store& into) {
    const std::string path = reread_.path() + ".jsonl";
    std::ofstream(path, std::ios::binary) << text;
    absl::StatusOr<GraphExportCounts> counts = ImportGraphJsonLines(into, path);
    std::filesystem::remove(path);
    return counts;
  }

  uint64_t odd_ = 0;
  TempStoreDir reread_;
};

TEST_F(GraphExportTest, JsonLinesReadBackExportsTheSameBytes) {
  const std::string first = Export(GraphFormat::kJsonLines);
  absl::StatusOr<std::unique_ptr<Store>> copy = Store::Open(reread_.path(), StoreOptions());
  ASSERT_TRUE(copy.ok()) << copy.status();
  absl::StatusOr<GraphExportCounts> counts = ReadBack(first, **copy);
  ASSERT_TRUE(counts.ok()) << counts.status();
  std::ostringstream second;
  ASSERT_TRUE(ExportGraph(**copy, GraphFormat::kJsonLines, {}, second).ok());
  EXPECT_EQ(second.str(), first);
  // The parallel contacts keep distinct ids.
  EXPECT_THAT(first,
              HasSubstr(absl::StrCat("\"id\":\"r", g_.blinken, ".MET.19527.", g_.wang, "\",")));
  EXPECT_THAT(first,
              HasSubstr(absl::StrCat("\"id\":\"r", g_.blinken, ".MET.19527.", g_.wang, ".1\",")));
  EXPECT_THAT(first, HasSubstr("\"content_hash\":\"00ff10\""));
  EXPECT_THAT(first, HasSubstr("\"confidence\":0.9}"));
  // An open membership reads null; the fell-back event keeps its day.
  EXPECT_THAT(first, HasSubstr("\"label\":\"MEMBER_OF\""));
  EXPECT_THAT(first, HasSubstr("\"end_date\":null"));
  EXPECT_THAT(first, HasSubstr("\"date\":\"2022-05-01\",\"end_date\":\"2022-05-01\","
                               "\"fell_back\":true"));
  const std::vector<Json> records = Records(first);
  EXPECT_EQ(records.front()["type"], "header");
  EXPECT_EQ(counts->nodes, records.front()["nodes"]);
  EXPECT_EQ(counts->relationships, records.front()["relationships"]);
}

TEST_F(GraphExportTest, FiltersKeepTypesFactualitiesAndWindowAndTheirEnds) {
  GraphExportFilter filter;
  filter.types = {"PARTICIPATED_IN"};
  filter.factualities = {"happened"};
  filter.from = "2022-01-01";
  filter.to = "2022-12-31";
  std::set<uint64_t> events, nodes;
  for (const Json& r : Records(Export(GraphFormat::kJsonLines, filter))) {
    if (r["type"] == "relationship") {
      EXPECT_EQ(r["label"], "PARTICIPATED_IN");
      events.insert(std::stoull(r["end"].get<std::string>().substr(1)));
    } else if (r["type"] == "node") {
      nodes.insert(std::stoull(r["id"].get<std::string>().substr(1)));
    }
  }
  // Bali, Helsinki 2022, the straddling week, the year 2022 and the
  // states' meeting; not Zurich (2021), Rome (planned), the fell-back one.
  EXPECT_EQ(events, (std::set<uint64_t>{g_.bali, g_.helsinki_2022, g_.straddling, g_.year_only,
                                        g_.states_only}));
  EXPECT_FALSE(nodes.count(g_.macron));  // no kept relationship reaches him
  EXPECT_TRUE(nodes.count(g_.biden) && nodes.count(g_.us));
  EXPECT_FALSE(nodes.count(odd_));
}

TEST_F(GraphExportTest, MalformedFiltersAreErrors) {
  std::ostringstream out;
  for (GraphExportFilter filter :
       {GraphExportFilter{"2022-13-01", "", {}, {}}, GraphExportFilter{"", "", {"KNOWS"}, {}},
        GraphExportFilter{"", "", {}, {"maybe"}}}) {
    GraphExportOptions options;
    options.filter = filter;
    absl::StatusOr<GraphExportCounts> counts =
        ExportGraph(*store_, GraphFormat::kGraphMl, options, out);
    EXPECT_EQ(counts.status().code(), absl::StatusCode::kInvalidArgument) << counts.status();
  }
}

TEST_F(GraphExportTest, ReadingBackNeedsAnEmptyStoreAndAWholeWellFormedFile) {
  const std::string good = Export(GraphFormat::kJsonLines);
  EXPECT_EQ(ImportGraphJsonLines(*store_, "/nonexistent").status().code(),
            absl::StatusCode::kFailedPrecondition);  // not empty: refused first
  auto read = [&](const std::string& text) {
    TempStoreDir dir;
    absl::StatusOr<std::unique_ptr<Store>> fresh = Store::Open(dir.path(), StoreOptions());
    EXPECT_TRUE(fresh.ok());
    absl::Status s = ReadBack(text, **fresh).status();
    // Nothing of a refused file is stored.
    bool any = false;
    EXPECT_TRUE(
        (*fresh)
            ->ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&](const pb::Node&) { return !(any = true); })
            .ok());
    EXPECT_TRUE(s.ok() || !any);
    return s;
  };
  const std::vector<std::string> lines = absl::StrSplit(good, '\n', absl::SkipEmpty());
  std::string cut;  // the last line lost: the header's counts say so
  for (size_t i = 0; i + 1 < lines.size(); ++i) cut += lines[i] + "\n";
  EXPECT_THAT(read(cut).message(), HasSubstr("the header announces"));
  EXPECT_THAT(read(lines[1] + "\n").message(), HasSubstr(":1: not a newsgraph graph export"));
  EXPECT_THAT(read(lines[0] + "\n{\"type\":\"node\",\"id\":\"x1\",\"labels\":[\"Person\"],"
                              "\"properties\":{}}\n")
                  .message(),
              HasSubstr(":2: \"id\" must be an id like \"n12\""));
  EXPECT_THAT(read(lines[0] + "\n{\"type\":\"relationship\",\"id\":\"r\",\"label\":\"MET\","
                              "\"start\":\"n1\",\"end\":\"n2\",\"properties\":{\"mood\":1}}\n")
                  .message(),
              HasSubstr(":2: unknown property \"mood\""));
  EXPECT_THAT(read(lines[0] + "\nnot json\n").message(), HasSubstr(":2: not a JSON object"));
  std::string dangling = good;  // a relationship whose end is not in the file
  const std::string first_node = lines[1];
  dangling.erase(dangling.find(first_node), first_node.size() + 1);
  Json header = Json::parse(lines[0]);
  header["nodes"] = header["nodes"].get<int>() - 1;
  dangling.replace(0, lines[0].size(), header.dump());
  EXPECT_THAT(read(dangling).message(), HasSubstr("which the file does not hold"));
}

TEST_F(GraphExportTest, GraphMlLabelsEveryNodeAndKeepsAliasesApart) {
  const std::string xml = Export(GraphFormat::kGraphMl);
  EXPECT_THAT(xml,
              HasSubstr(absl::StrCat("<node id=\"n", g_.bali,
                                     "\">\n      <data key=\"label\">MEET 2022-11-14</data>")));
  EXPECT_THAT(xml, HasSubstr("<data key=\"n_aliases\">[&quot;Smith, John&quot;,&quot;J;S&quot;]"));
  // The event's sentences, and the contacts' (their event's), as JSON.
  EXPECT_THAT(xml, HasSubstr("&quot;sentence&quot;:&quot;President Biden met President Xi in "
                             "Bali, Indonesia.&quot;"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"e_sentences\">[{&quot;id&quot;:&quot;v"));
  EXPECT_THAT(xml, Not(HasSubstr("\x01")));
}

TEST_F(GraphExportTest, TurtleEscapesLiteralsAndParses) {
  const std::string ttl = Export(GraphFormat::kTurtle);
  EXPECT_THAT(ttl, HasSubstr("schema:name \"\\\"Q\\\" \\\\ <&> \\u0001 caf\xc3\xa9 \xe4\xb8\xad "
                             "end\\nline\""));
  EXPECT_THAT(ttl, HasSubstr("ng:factuality ng:planned"));
  EXPECT_THAT(ttl, HasSubstr("schema:startDate \"2023-02-01\"^^xsd:date"));
  EXPECT_THAT(ttl, HasSubstr("ng:dateFellBack true"));
  if (std::system("command -v serdi >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "serdi is not installed (apt install serdi): Turtle not parsed";
  }
  const std::string path = reread_.path() + ".ttl";
  std::ofstream(path, std::ios::binary) << ttl;
  EXPECT_EQ(std::system(("serdi -i turtle -o ntriples " + path + " >/dev/null").c_str()), 0);
  std::filesystem::remove(path);
}

TEST_F(GraphExportTest, Neo4jFilesHaveTypedHeadersAndRefuseTheDelimiterInAnArray) {
  GraphExportOptions options;
  const std::string dir = reread_.path() + "_neo4j";
  EXPECT_EQ(ExportNeo4j(*store_, options, dir).status().code(),
            absl::StatusCode::kInvalidArgument);  // "J;S" holds ';'
  options.array_delimiter = '|';
  absl::StatusOr<GraphExportCounts> counts = ExportNeo4j(*store_, options, dir);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_THAT(counts->files, ::testing::Contains("nodes_Person.csv"));
  EXPECT_EQ(counts->files.back(), "import.sh");
  std::ifstream person(dir + "/nodes_Person.csv");
  std::string header;
  std::getline(person, header);
  EXPECT_EQ(header,
            "id:ID,:LABEL,caption:string,name:string,aliases:string[],state:string,"
            "role:string");
  std::ifstream met(dir + "/relationships_MET.csv");
  std::getline(met, header);
  EXPECT_EQ(header,
            ":START_ID,:END_ID,:TYPE,id:string,date:date,end_date:date,"
            "granularity:string,fell_back:boolean,factuality:string,event_id:string,"
            "confidence:float");
  std::stringstream script;
  script << std::ifstream(dir + "/import.sh").rdbuf();
  EXPECT_THAT(script.str(), HasSubstr("--array-delimiter='|'"));
  EXPECT_THAT(script.str(), HasSubstr("--nodes=nodes_Evidence.csv"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph
