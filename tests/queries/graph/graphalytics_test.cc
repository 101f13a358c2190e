// The algorithms of algorithms.h against the LDBC Graphalytics validation
// graphs in ../shared/data/graphalytics, with the parameters and comparison
// rules of its README. Skipped when the data is absent.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "newsgraph/algorithms.h"
#include "newsgraph/graph_snapshot.h"

namespace newsgraph {
namespace {

std::string GraphalyticsDir() {
  const char* shared = std::getenv("NEWSGRAPH_SHARED");
  const std::string root = shared != nullptr ? shared : NEWSGRAPH_SOURCE_DIR "/../shared";
  const std::string dir = root + "/data/graphalytics";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

// The whole file as lines of whitespace-separated tokens (blank lines left out).
std::vector<std::vector<std::string>> ReadTokens(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<std::vector<std::string>> lines;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> tokens;
    for (std::string token; fields >> token;) tokens.push_back(token);
    if (!tokens.empty()) lines.push_back(std::move(tokens));
  }
  return lines;
}

uint64_t ToId(const std::string& token) { return std::stoull(token); }

GraphSnapshot Build(std::vector<uint64_t> ids, const std::vector<WeightedEdge>& edges) {
  absl::StatusOr<GraphSnapshot> snapshot = GraphSnapshot::FromEdges(std::move(ids), edges);
  EXPECT_TRUE(snapshot.ok()) << snapshot.status();
  if (!snapshot.ok()) return *GraphSnapshot::FromEdges({}, {});
  return *std::move(snapshot);
}

// `v n1 n2 ...` lines: an edge v -> ni each (undirected inputs list every
// edge from both ends, so they come out symmetric). Every id seen is a vertex.
GraphSnapshot ReadAdjacency(const std::string& path) {
  std::map<uint64_t, bool> ids;  // ordered: vertex index follows id
  std::vector<WeightedEdge> edges;
  for (const auto& tokens : ReadTokens(path)) {
    const uint64_t v = ToId(tokens[0]);
    ids[v] = true;
    for (size_t i = 1; i < tokens.size(); ++i) {
      ids[ToId(tokens[i])] = true;
      edges.push_back(WeightedEdge{v, ToId(tokens[i]), 1.0});
    }
  }
  std::vector<uint64_t> vertex_ids;
  for (const auto& [id, unused] : ids) vertex_ids.push_back(id);
  return Build(std::move(vertex_ids), edges);
}

// `.v` (one id a line) and `.e` (`src dst [weight]`); an undirected graph
// gets both directions of each edge.
GraphSnapshot ReadEdgeList(const std::string& stem, bool directed) {
  std::vector<uint64_t> ids;
  for (const auto& tokens : ReadTokens(stem + ".v")) ids.push_back(ToId(tokens[0]));
  std::vector<WeightedEdge> edges;
  for (const auto& tokens : ReadTokens(stem + ".e")) {
    const double weight = tokens.size() > 2 ? std::strtod(tokens[2].c_str(), nullptr) : 1.0;
    edges.push_back(WeightedEdge{ToId(tokens[0]), ToId(tokens[1]), weight});
    if (!directed) edges.push_back(WeightedEdge{ToId(tokens[1]), ToId(tokens[0]), weight});
  }
  return Build(std::move(ids), edges);
}

// `v value` lines, by vertex id.
std::map<uint64_t, std::string> ReadExpected(const std::string& path) {
  std::map<uint64_t, std::string> expected;
  for (const auto& tokens : ReadTokens(path)) {
    EXPECT_EQ(tokens.size(), 2u) << path;
    if (tokens.size() == 2) expected[ToId(tokens[0])] = tokens[1];
  }
  return expected;
}

// The expected file names every vertex of the graph once.
template <typename T>
void ExpectSameVertices(const GraphSnapshot& g, const std::vector<T>& actual,
                        const std::map<uint64_t, std::string>& expected) {
  ASSERT_EQ(actual.size(), g.num_vertices());
  ASSERT_EQ(expected.size(), g.num_vertices());
  for (const auto& [id, value] : expected) ASSERT_TRUE(g.vertex(id)) << "vertex " << id;
}

// BFS, CDLP: exact match for every vertex.
template <typename T>
void ExpectExact(const GraphSnapshot& g, const std::vector<T>& actual,
                 const std::string& expected_path) {
  const std::map<uint64_t, std::string> expected = ReadExpected(expected_path);
  ExpectSameVertices(g, actual, expected);
  for (const auto& [id, value] : expected) {
    EXPECT_EQ(std::to_string(actual[*g.vertex(id)]), value) << "vertex " << id;
  }
}

// PR, LCC, SSSP: |expected - actual| <= 0.0001 * expected; Infinity only
// matches infinity.
void ExpectClose(const GraphSnapshot& g, const std::vector<double>& actual,
                 const std::string& expected_path) {
  const std::map<uint64_t, std::string> expected = ReadExpected(expected_path);
  ExpectSameVertices(g, actual, expected);
  for (const auto& [id, text] : expected) {
    const double want = std::strtod(text.c_str(), nullptr);
    const double got = actual[*g.vertex(id)];
    if (std::isinf(want)) {
      EXPECT_EQ(got, want) << "vertex " << id;
    } else {
      EXPECT_LE(std::fabs(want - got), 0.0001 * want) << "vertex " << id << ": got " << got
                                                      << ", expected " << text;
    }
  }
}

// WCC: the same partition (labels may differ): the label map between the
// two must be a bijection.
void ExpectSamePartition(const GraphSnapshot& g, const std::vector<uint64_t>& actual,
                         const std::string& expected_path) {
  const std::map<uint64_t, std::string> expected = ReadExpected(expected_path);
  ExpectSameVertices(g, actual, expected);
  std::map<std::string, uint64_t> to_actual;
  std::map<uint64_t, std::string> to_expected;
  for (const auto& [id, label] : expected) {
    const uint64_t got = actual[*g.vertex(id)];
    const auto [a, new_a] = to_actual.emplace(label, got);
    const auto [e, new_e] = to_expected.emplace(got, label);
    EXPECT_EQ(a->second, got) << "vertex " << id << " split from component " << label;
    EXPECT_EQ(e->second, label) << "vertex " << id << " merged into component " << got;
  }
}

class graphalytics_validation : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = GraphalyticsDir();
    if (dir_.empty()) GTEST_SKIP() << "../shared/data/graphalytics not found";
  }
  std::string Path(const std::string& relative) const { return dir_ + "/" + relative; }
  GraphSnapshot Adjacency(const std::string& relative) const {
    return ReadAdjacency(Path(relative));
  }
  // example/example-directed or example/example-undirected, from .v/.e.
  GraphSnapshot Example(bool directed) const {
    return ReadEdgeList(Path(ExampleStem(directed)), directed);
  }
  static std::string ExampleStem(bool directed) {
    return directed ? "example/example-directed" : "example/example-undirected";
  }

  void CheckBfs(const GraphSnapshot& g, uint64_t source, const std::string& expected) {
    absl::StatusOr<std::vector<int64_t>> depths = BreadthFirstDepths(g, source);
    ASSERT_TRUE(depths.ok()) << depths.status();
    ExpectExact(g, *depths, Path(expected));
  }
  void CheckSssp(const GraphSnapshot& g, uint64_t source, const std::string& expected) {
    absl::StatusOr<std::vector<double>> lengths = ShortestPathLengths(g, source);
    ASSERT_TRUE(lengths.ok()) << lengths.status();
    ExpectClose(g, *lengths, Path(expected));
  }
  void CheckPageRank(const GraphSnapshot& g, int iterations, const std::string& expected) {
    absl::StatusOr<std::vector<double>> ranks = PageRank(g, {0.85, iterations});
    ASSERT_TRUE(ranks.ok()) << ranks.status();
    ExpectClose(g, *ranks, Path(expected));
  }
  void CheckCdlp(const GraphSnapshot& g, int iterations, const std::string& expected) {
    absl::StatusOr<std::vector<uint64_t>> labels = LabelPropagation(g, iterations);
    ASSERT_TRUE(labels.ok()) << labels.status();
    ExpectExact(g, *labels, Path(expected));
  }
  void CheckWcc(const GraphSnapshot& g, const std::string& expected) {
    ExpectSamePartition(g, WeakComponents(g), Path(expected));
  }
  void CheckLcc(const GraphSnapshot& g, const std::string& expected) {
    ExpectClose(g, LocalClustering(g), Path(expected));
  }

  std::string dir_;
};

TEST_F(graphalytics_validation, BfsDirected) {
  CheckBfs(Adjacency("bfs/dir-input"), 1, "bfs/dir-output");
}
TEST_F(graphalytics_validation, BfsUndirected) {
  CheckBfs(Adjacency("bfs/undir-input"), 1, "bfs/undir-output");
}
TEST_F(graphalytics_validation, BfsExampleDirected) {
  CheckBfs(Example(true), 1, ExampleStem(true) + "-BFS");
}
TEST_F(graphalytics_validation, BfsExampleUndirected) {
  CheckBfs(Example(false), 2, ExampleStem(false) + "-BFS");
}

TEST_F(graphalytics_validation, PageRankDirected) {
  CheckPageRank(Adjacency("pr/dir-input"), 14, "pr/dir-output");
}
TEST_F(graphalytics_validation, PageRankUndirected) {
  CheckPageRank(Adjacency("pr/undir-input"), 26, "pr/undir-output");
}
TEST_F(graphalytics_validation, PageRankExampleDirected) {
  CheckPageRank(Example(true), 2, ExampleStem(true) + "-PR");
}
TEST_F(graphalytics_validation, PageRankExampleUndirected) {
  CheckPageRank(Example(false), 2, ExampleStem(false) + "-PR");
}

TEST_F(graphalytics_validation, WccDirected) {
  CheckWcc(Adjacency("wcc/dir-input"), "wcc/dir-output");
}
TEST_F(graphalytics_validation, WccUndirected) {
  CheckWcc(Adjacency("wcc/undir-input"), "wcc/undir-output");
}
TEST_F(graphalytics_validation, WccExampleDirected) {
  CheckWcc(Example(true), ExampleStem(true) + "-WCC");
}
TEST_F(graphalytics_validation, WccExampleUndirected) {
  CheckWcc(Example(false), ExampleStem(false) + "-WCC");
}

TEST_F(graphalytics_validation, CdlpDirected) {
  CheckCdlp(Adjacency("cdlp/dir-input"), 5, "cdlp/dir-output");
}
TEST_F(graphalytics_validation, CdlpUndirected) {
  CheckCdlp(Adjacency("cdlp/undir-input"), 5, "cdlp/undir-output");
}
TEST_F(graphalytics_validation, CdlpExampleDirected) {
  CheckCdlp(Example(true), 2, ExampleStem(true) + "-CDLP");
}
TEST_F(graphalytics_validation, CdlpExampleUndirected) {
  CheckCdlp(Example(false), 2, ExampleStem(false) + "-CDLP");
}

TEST_F(graphalytics_validation, LccDirected) {
  CheckLcc(Adjacency("lcc/dir-input"), "lcc/dir-output");
}
TEST_F(graphalytics_validation, LccUndirected) {
  CheckLcc(Adjacency("lcc/undir-input"), "lcc/undir-output");
}
TEST_F(graphalytics_validation, LccExampleDirected) {
  CheckLcc(Example(true), ExampleStem(true) + "-LCC");
}
TEST_F(graphalytics_validation, LccExampleUndirected) {
  CheckLcc(Example(false), ExampleStem(false) + "-LCC");
}

TEST_F(graphalytics_validation, SsspDirected) {
  CheckSssp(ReadEdgeList(Path("sssp/dir-input"), true), 1, "sssp/dir-output");
}
TEST_F(graphalytics_validation, SsspUndirected) {
  CheckSssp(ReadEdgeList(Path("sssp/undir-input"), false), 1, "sssp/undir-output");
}
TEST_F(graphalytics_validation, SsspExampleDirected) {
  CheckSssp(Example(true), 1, ExampleStem(true) + "-SSSP");
}
TEST_F(graphalytics_validation, SsspExampleUndirected) {
  CheckSssp(Example(false), 2, ExampleStem(false) + "-SSSP");
}

}  // namespace
}  // namespace newsgraph
