#include "queries/output/graph_output.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/output/answer_formats.h"
#include "tests/queries/output/test_values.h"

namespace newsgraph::queries {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Value = CypherValue;

// Blinken -MET-> Wang <-MET- "Q" & <Co>, as a path, plus a bare relationship
// whose end node the result does not hold.
CypherResult SampleResult() {
  const Value blinken = Node(1, "Person", {{"name", Value::String("Antony Blinken")}});
  const Value wang =
      Node(2, "Person", {{"name", Value::String("Wang Yi")}, {"rank", Value::Int(3)}});
  const Value odd = Node(3, "Person",
                         {{"name", Value::String("\"Q\" & <Co>\\")},
                          {"rank", Value::Float(2.5)},
                          {"bad", Value::String("a\x01"
                                                "b")}});
  const Value met1 = Rel(
      10, 1, 2, "MET", {{"date", Value::Date(19527)}, {"evidence", Value::List({Value::Int(5)})}});
  const Value met2 = Rel(11, 3, 2, "MET", {{"factuality", Value::String("happened")}});
  Value path;
  path.kind = Value::Kind::kPath;
  path.list = {blinken, met1, wang, met2, odd};
  CypherResult result;
  result.columns = {"p", "r"};
  result.rows = {{path, Rel(12, 2, 99, "HOLDS_ROLE", {})}, {path, met1}};
  return result;
}

TEST(GraphOutputTest, CollectsEachElementOnceAndCompletesEndpoints) {
  AnswerGraph graph = CollectAnswerGraph(SampleResult());
  std::vector<int64_t> nodes, rels;
  for (const Value& n : graph.nodes) nodes.push_back(n.integer);
  for (const Value& r : graph.rels) rels.push_back(r.integer);
  EXPECT_EQ(nodes, (std::vector<int64_t>{1, 2, 3, 99}));
  EXPECT_EQ(rels, (std::vector<int64_t>{10, 11, 12}));
  EXPECT_EQ(NodeCaption(graph.nodes[3]), "Node #99");
  EXPECT_EQ(NodeCaption(graph.nodes[1]), "Wang Yi");
}

TEST(GraphOutputTest, PathEndsAreTheAnswersEnds) {
  AnswerGraph graph = CollectAnswerGraph(SampleResult());
  EXPECT_TRUE(graph.has_paths);
  EXPECT_EQ(graph.ends, (std::vector<int64_t>{1, 3}));  // the path's first and last nodes
}

TEST(GraphOutputTest, WithoutPathsTheFirstRowsFirstNodeIsTheEnd) {
  CypherResult result;
  result.columns = {"hops", "from", "via", "to"};
  result.rows = {{Value::Int(1), Node(7, "Person", {}), Rel(20, 7, 8, "MET", {}),
                  Node(8, "Person", {})},
                 {Value::Int(2), Node(8, "Person", {}), Rel(21, 8, 9, "MET", {}),
                  Node(9, "Person", {})}};
  AnswerGraph graph = CollectAnswerGraph(result);
  EXPECT_FALSE(graph.has_paths);
  EXPECT_EQ(graph.ends, (std::vector<int64_t>{7}));
}

TEST(GraphOutputTest, DotDeclaresEveryEndpointAndEscapesLabels) {
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(SampleResult()));
  EXPECT_TRUE(absl::StartsWith(dot, "digraph answer {\n")) << dot;
  EXPECT_TRUE(absl::EndsWith(dot, "}\n"));
  EXPECT_THAT(dot, HasSubstr("n1 [label=\"Antony Blinken\", tooltip=\"Antony Blinken (Person)\""));
  EXPECT_THAT(dot, HasSubstr("n1 -> n2 [color=\"#0072B2\", style=solid, dir=none, "
                             "label=\"2023-06-19\""));
  EXPECT_THAT(dot, HasSubstr("n3 [label=\"\\\"Q\\\" & <Co>\\\\\""));
  // Every statement line is a node, an edge between declared nodes, or
  // the legend.
  std::set<std::string> declared;
  const std::regex node_line(R"(^  (n\d+) \[label=".*\];$)");
  const std::regex edge_line(R"(^  (n\d+) -> (n\d+) \[.*\];$)");
  int edges = 0;
  for (absl::string_view line : absl::StrSplit(dot, '\n', absl::SkipEmpty())) {
    std::smatch m;
    const std::string text(line);
    if (std::regex_match(text, m, node_line)) {
      declared.insert(m[1]);
    } else if (std::regex_match(text, m, edge_line)) {
      EXPECT_TRUE(declared.count(m[1]) > 0 && declared.count(m[2]) > 0) << text;
      ++edges;
    }
  }
  EXPECT_EQ(declared.size(), 4u);
  EXPECT_EQ(edges, 3);
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    const std::string file = ::testing::TempDir() + "/answer_" + std::to_string(getpid()) + ".dot";
    std::ofstream(file) << dot;
    EXPECT_EQ(std::system(("dot -Tsvg " + file + " >/dev/null").c_str()), 0);
    std::remove(file.c_str());
  }
}

// A small XML well-formedness check: balanced tags, quoted attributes, no
// raw '<' or stray '&' in text.
bool WellFormed(const std::string& xml, std::string* why) {
  std::vector<std::string> open;
  size_t i = 0;
  if (absl::StartsWith(xml, "<?xml")) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      const size_t semi = xml.find(';', i);
      const std::string entity = xml.substr(i, semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&apos;") {
        *why = "bad entity at " + std::to_string(i);
        return false;
      }
      i = semi + 1;
      continue;
    }
    if (xml[i] != '<') {
      if (static_cast<unsigned char>(xml[i]) < 0x20 && xml[i] != '\n' && xml[i] != '\t') {
        *why = "control character";
        return false;
      }
      ++i;
      continue;
    }
    size_t end = i + 1;
    bool quoted = false;
    for (; end < xml.size() && (quoted || xml[end] != '>'); ++end) {
      if (xml[end] == '"') quoted = !quoted;
      if (!quoted && xml[end] == '<') {
        *why = "'<' inside a tag";
        return false;
      }
    }
    const std::string tag = xml.substr(i + 1, end - i - 1);
    const std::string name =
        tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" \n/", 1) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] == '/') {
      if (open.empty() || open.back() != name) {
        *why = "unbalanced </" + name + ">";
        return false;
      }
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
    i = end + 1;
  }
  if (!open.empty()) *why = "unclosed <" + open.back() + ">";
  return open.empty();
}

TEST(GraphOutputTest, GraphMlIsWellFormedWithDeclaredTypedKeys) {
  const std::string xml = AnswerGraphToGraphMl(CollectAnswerGraph(SampleResult()));
  std::string why;
  EXPECT_TRUE(WellFormed(xml, &why)) << why << "\n" << xml;
  EXPECT_THAT(xml, HasSubstr("<key id=\"n_rank\" for=\"node\" attr.name=\"rank\" "
                             "attr.type=\"double\"/>"));
  EXPECT_THAT(xml, HasSubstr("<key id=\"e_date\" for=\"edge\" attr.name=\"date\" "
                             "attr.type=\"string\"/>"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"n_name\">&quot;Q&quot; &amp; &lt;Co&gt;\\</data>"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"n_bad\">ab</data>"));  // U+0001 dropped
  EXPECT_THAT(xml, HasSubstr("<edge id=\"e10\" source=\"n1\" target=\"n2\">"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"e_evidence\">[5]</data>"));  // a list: JSON
  EXPECT_THAT(xml, HasSubstr("<data key=\"label\">Wang Yi</data>"));
  // Every data key is declared.
  std::set<std::string> keys;
  const std::regex key_decl(R"re(<key id="([^"]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), key_decl), end; it != end; ++it) {
    keys.insert((*it)[1]);
  }
  const std::regex data_use(R"re(<data key="([^"]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), data_use), end; it != end; ++it) {
    EXPECT_TRUE(keys.count((*it)[1]) > 0) << (*it)[1];
  }
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    const std::string file =
        ::testing::TempDir() + "/answer_" + std::to_string(getpid()) + ".graphml";
    std::ofstream(file) << xml;
    EXPECT_EQ(std::system(("xmllint --noout " + file).c_str()), 0);
    std::remove(file.c_str());
  }
}

// Evidence 5 and 6; event 40 cites 6.
class FakeEvidence : public EvidenceSource {
 public:
  absl::StatusOr<std::optional<EvidenceInfo>> Evidence(uint64_t id) const override {
    if (id != 5 && id != 6) return std::nullopt;
    EvidenceInfo info;
    info.evidence_id = id;
    info.article_id = absl::StrCat("a", id);
    info.sentence = id == 5 ? "Blinken met \"Wang\" & co." : "They spoke, in Bali.";
    return info;
  }
  absl::StatusOr<std::vector<uint64_t>> EventEvidence(uint64_t event_id) const override {
    if (event_id == 40) return std::vector<uint64_t>{6};
    return std::vector<uint64_t>{};
  }
};

TEST(GraphOutputTest, GraphMlCarriesTheSentencesOfEvidenceAndOfEvents) {
  CypherResult result = SampleResult();
  result.rows.push_back({Rel(13, 1, 2, "SPOKE_WITH", {{"event_id", Value::Int(40)}})});
  FakeEvidence source;
  absl::StatusOr<std::string> xml = AnswerGraphToGraphMl(CollectAnswerGraph(result), &source);
  ASSERT_TRUE(xml.ok()) << xml.status();
  std::string why;
  EXPECT_TRUE(WellFormed(*xml, &why)) << why;
  EXPECT_THAT(*xml, HasSubstr("<key id=\"e_sentences\" for=\"edge\" attr.name=\"sentences\""));
  // Its own evidence (e10), and its event's (e13); JSON, escaped for XML.
  EXPECT_THAT(*xml, HasSubstr("<data key=\"e_sentences\">[{&quot;evidence_id&quot;:5,"
                              "&quot;article_id&quot;:&quot;a5&quot;,&quot;sentence&quot;:"
                              "&quot;Blinken met \\&quot;Wang\\&quot; &amp; co.&quot;}]</data>"));
  EXPECT_THAT(*xml, HasSubstr("&quot;sentence&quot;:&quot;They spoke, in Bali.&quot;}]</data>"));
  EXPECT_THAT(AnswerGraphToGraphMl(CollectAnswerGraph(result)), Not(HasSubstr("sentences")));
}

TEST(GraphOutputTest, XmlEscapeDropsWhatXmlForbids) {
  EXPECT_EQ(XmlEscape("a<b>&'\""), "a&lt;b&gt;&amp;&apos;&quot;");
  EXPECT_EQ(XmlEscape("tab\there\x02"), "tab\there");
  EXPECT_EQ(XmlEscape("caf\xc3\xa9 \xff!"), "caf\xc3\xa9 !");  // stray byte dropped
  EXPECT_EQ(XmlEscape("\xef\xbf\xbf"), "");
}

TEST(GraphOutputTest, EmptyAnswerIsAnEmptyGraph) {
  const AnswerGraph graph = CollectAnswerGraph(CypherResult());
  EXPECT_EQ(AnswerGraphToDot(graph), "digraph answer {\n}\n");
  std::string why;
  EXPECT_TRUE(WellFormed(AnswerGraphToGraphMl(graph), &why)) << why;
}

}  // namespace
}  // namespace newsgraph::queries
