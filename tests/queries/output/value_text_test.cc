#include "queries/output/value_text.h"

#include <gtest/gtest.h>

namespace newsgraph::queries {
namespace {

CypherValue Node(int64_t id, std::vector<std::string> labels, std::string name) {
  CypherValue node;
  node.kind = CypherValue::Kind::kNode;
  node.integer = id;
  node.labels = std::move(labels);
  node.map.emplace("name", CypherValue::String(std::move(name)));
  return node;
}

CypherValue Path() {
  CypherValue rel;
  rel.kind = CypherValue::Kind::kRelationship;
  rel.integer = 9;
  rel.text = "MET";
  rel.start = 2;  // runs against the walk
  rel.end = 1;
  CypherValue path;
  path.kind = CypherValue::Kind::kPath;
  path.list = {Node(1, {"Person"}, "it's"), rel, Node(2, {"Z", "A"}, "b")};
  return path;
}

TEST(ValueTextTest, ResultNotationEscapesQuotesAndLeavesDatesBare) {
  const CypherValue list = CypherValue::List({CypherValue::String("it's"), CypherValue::Date(0),
                                              CypherValue::Null(), CypherValue::Float(2)});
  EXPECT_EQ(CypherNotation(list, kResultNotation), "['it\\'s', 1970-01-01, null, 2.0]");
  EXPECT_EQ(CypherNotation(Path(), kResultNotation),
            "(:Person {name: 'it\\'s'})<-[:MET]-(:Z:A {name: 'b'})");
}

TEST(ValueTextTest, TckNotationQuotesDatesSortsLabelsAndBracketsPaths) {
  EXPECT_EQ(CypherNotation(CypherValue::Date(0), kTckNotation), "'1970-01-01'");
  EXPECT_EQ(CypherNotation(Path(), kTckNotation),
            "<(:Person {name: 'it's'})<-[:MET]-(:A:Z {name: 'b'})>");
  Notation ids = kTckNotation;
  ids.ids_only = true;
  EXPECT_EQ(CypherNotation(Path(), ids), "<(#1)-[#9]->(#2)>");
}

TEST(ValueTextTest, CellsShowScalarsBareAndJsonKeepsStructure) {
  EXPECT_EQ(CypherValueToText(CypherValue::String("it's")), "it's");
  EXPECT_EQ(CypherValueToText(CypherValue::Null()), "");
  const nlohmann::ordered_json json = CypherValueToJson(Path());
  EXPECT_EQ(json["nodes"].size(), 2u);
  EXPECT_EQ(json["relationships"][0]["start"], 2);
  EXPECT_EQ(json["nodes"][1]["labels"][0], "Z");
}

}  // namespace
}  // namespace newsgraph::queries
