#include "queries/output/answer_formats.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace newsgraph::queries {
namespace {

using ::testing::HasSubstr;
using Value = CypherValue;

// Evidence 1..3 of two made-up articles; event 50 is backed by 3 and 1.
class FakeEvidence : public EvidenceSource {
 public:
  absl::StatusOr<std::optional<EvidenceInfo>> Evidence(uint64_t id) const override {
    if (id == 99) return absl::UnavailableError("disk on fire");
    if (id < 1 || id > 3) return std::nullopt;
    EvidenceInfo e;
    e.evidence_id = id;
    e.article_id = id == 3 ? "art-b" : "art-a";
    e.sentence = "Sentence number " + std::to_string(id) + ", with \"quotes\".";
    return e;
  }
  absl::StatusOr<std::vector<uint64_t>> EventEvidence(uint64_t event_id) const override {
    if (event_id == 50) return std::vector<uint64_t>{3, 1};
    return std::vector<uint64_t>();
  }
};

Value Node(int64_t id, std::string name) {
  Value v;
  v.kind = Value::Kind::kNode;
  v.integer = id;
  v.labels = {"Person"};
  v.map["name"] = Value::String(std::move(name));
  return v;
}

Value Met(int64_t id, int64_t start, int64_t end, std::map<std::string, Value> props) {
  Value v;
  v.kind = Value::Kind::kRelationship;
  v.integer = id;
  v.start = start;
  v.end = end;
  v.text = "MET";
  v.map = std::move(props);
  return v;
}

std::vector<uint64_t> Ids(const std::vector<EvidenceInfo>& evidence) {
  std::vector<uint64_t> ids;
  for (const EvidenceInfo& e : evidence) ids.push_back(e.evidence_id);
  return ids;
}

TEST(AnswerFormatsTest, ResolvesIdsNestedListsRelationshipsAndEvents) {
  CypherResult result;
  result.columns = {"who", "evidence"};
  // Nested id lists, each id once; a relationship with its own evidence; a
  // relationship without, through its event; an id without a record.
  result.rows = {{Value::String("x"), Value::List({Value::List({Value::Int(2), Value::Int(1)}),
                                                   Value::List({Value::Int(2)})})},
                 {Value::String("y"), Met(7, 1, 2, {{"evidence", Value::List({Value::Int(3)})}})},
                 {Value::String("z"), Met(8, 1, 2, {{"event_id", Value::Int(50)}})},
                 {Value::String("w"), Value::List({Value::Int(4)})}};
  absl::StatusOr<Answer> answer = ResolveEvidence(result, FakeEvidence());
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->evidence_column, 1);
  ASSERT_EQ(answer->evidence.size(), 4u);
  EXPECT_EQ(Ids(answer->evidence[0]), (std::vector<uint64_t>{2, 1}));
  EXPECT_EQ(Ids(answer->evidence[1]), (std::vector<uint64_t>{3}));
  EXPECT_EQ(Ids(answer->evidence[2]), (std::vector<uint64_t>{3, 1}));
  EXPECT_EQ(answer->evidence[2][0].article_id, "art-b");
  EXPECT_EQ(Ids(answer->evidence[3]), (std::vector<uint64_t>{4}));
  EXPECT_EQ(answer->evidence[3][0].sentence, "");

  result.rows = {{Value::String("v"), Value::Int(99)}};
  EXPECT_EQ(ResolveEvidence(result, FakeEvidence()).status().code(),
            absl::StatusCode::kUnavailable);
}

TEST(AnswerFormatsTest, NoEvidenceColumnLeavesRowsAlone) {
  CypherResult result;
  result.columns = {"n"};
  result.rows = {{Value::Int(1)}};
  absl::StatusOr<Answer> answer = ResolveEvidence(result, FakeEvidence());
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->evidence_column, -1);
  EXPECT_TRUE(answer->evidence.empty());
  EXPECT_EQ(AnswerToCsv(*answer), "n\n1\n");
}

Answer PathAnswer() {
  // Blinken -MET-> Wang <-MET(planned)- Qin, read left to right.
  Value path;
  path.kind = Value::Kind::kPath;
  path.list = {
      Node(1, "Antony Blinken"),
      Met(7, 1, 2, {{"date", Value::Date(19527)}, {"evidence", Value::List({Value::Int(1)})}}),
      Node(2, "Wang Yi"),
      Met(8, 3, 2,
          {{"date", Value::Date(19528)},
           {"factuality", Value::String("planned")},
           {"event_id", Value::Int(50)}}),
      Node(3, "Qin Gang")};
  CypherResult result;
  result.columns = {"hops", "path", "evidence"};
  result.rows = {{Value::Int(2), path, path}};
  return *ResolveEvidence(result, FakeEvidence());
}

TEST(AnswerFormatsTest, CellTextWalksPathsInTheirDirection) {
  const Answer answer = PathAnswer();
  EXPECT_EQ(CellText(answer.rows[0][1]),
            "Antony Blinken -[MET 2023-06-19]-> Wang Yi <-[MET 2023-06-20 planned]- Qin Gang");
  EXPECT_EQ(Ids(answer.evidence[0]), (std::vector<uint64_t>{1, 3}));
}

TEST(AnswerFormatsTest, TableJsonAndCsvCarryTheSentences) {
  const Answer answer = PathAnswer();
  const std::string table = AnswerToTable(answer);
  // The one table style (output/table.h): header, a rule, then the rows.
  EXPECT_TRUE(absl::StartsWith(table, "hops  path\n----  ----------")) << table;
  EXPECT_THAT(table, HasSubstr("-\n2     Antony Blinken -[MET")) << table;
  EXPECT_THAT(table, HasSubstr("    art-a: \"Sentence number 1, with \"quotes\".\"\n"));
  EXPECT_THAT(table, HasSubstr("    art-b: \"Sentence number 3"));
  EXPECT_THAT(table, HasSubstr("\n1 row\n"));

  const nlohmann::json json = nlohmann::json::parse(AnswerToJson(answer));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["hops"], 2);
  EXPECT_EQ(json[0]["path"]["nodes"].size(), 3u);
  EXPECT_EQ(json[0]["path"]["relationships"][1]["start"], 3);
  EXPECT_EQ(json[0]["path"]["relationships"][0]["properties"]["date"], "2023-06-19");
  ASSERT_EQ(json[0]["evidence"].size(), 2u);
  EXPECT_EQ(json[0]["evidence"][1]["article_id"], "art-b");

  const std::string csv = AnswerToCsv(answer);
  EXPECT_TRUE(absl::StartsWith(csv, "hops,path,evidence_ids,article_ids,sentence\n")) << csv;
  EXPECT_THAT(csv, HasSubstr(",1;3,art-a;art-b,\"Sentence number 1, with \"\"quotes\"\".\"\n"));
}

TEST(AnswerFormatsTest, EmptyAnswerSaysSo) {
  Answer answer;
  answer.columns = {"a"};
  EXPECT_EQ(AnswerToTable(answer), "(no answer)\n");
  EXPECT_EQ(AnswerToJson(answer), "[]");
}

}  // namespace
}  // namespace newsgraph::queries
