// The shipped registry's Cypher texts on a store imported from the bundled
// sample corpus: the texts of officials-met, contacts-of and neighbourhood
// give the answers of their C++ implementations, and every answer row
// carries evidence.
#include "queries/canned/runner.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgraph/importer.h"
#include "newsgraph/query.h"
#include "nlohmann/json.hpp"

namespace newsgraph::queries {
namespace {

using ::testing::HasSubstr;
using Pairs = std::set<std::pair<std::string, std::string>>;

class CannedRunnerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "/canned_runner_" + std::to_string(getpid()));
    std::filesystem::remove_all(*dir_);
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(*dir_, StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    absl::StatusOr<std::unique_ptr<Importer>> importer = Importer::Create(store->get(), {});
    ASSERT_TRUE(importer.ok()) << importer.status();
    ImportReport report;
    const std::string sample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/";
    ASSERT_TRUE((*importer)->ImportJsonLines(sample + "articles.jsonl", &report).ok());
    ASSERT_TRUE(
        (*importer)
            ->ImportTextFile(sample + "2023-06-19-blinken-beijing.txt", "2023-06-19", &report)
            .ok());
    importer->reset();
    store_ = store->release();
    registry_ = new CannedRegistry();
    ASSERT_TRUE(registry_->AddFile(NEWSGRAPH_DATA_DIR "/queries/canned.cypher").ok());
  }
  static void TearDownTestSuite() {
    delete store_;
    delete registry_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static CypherResult Run(const std::string& name, std::map<std::string, std::string> given) {
    const CannedEntry* entry = registry_->Find(name);
    EXPECT_NE(entry, nullptr) << name;
    if (entry == nullptr) return {};
    absl::StatusOr<CypherParams> params = BindParams(*entry, given);
    EXPECT_TRUE(params.ok()) << params.status();
    if (!params.ok()) return {};
    absl::StatusOr<CypherResult> result = RunCypher(*store_, entry->cypher, *params);
    EXPECT_TRUE(result.ok()) << name << ": " << result.status();
    return result.ok() ? *std::move(result) : CypherResult();
  }

  static std::string Format(const std::string& name, std::map<std::string, std::string> given,
                            const std::string& format) {
    CypherResult result = Run(name, std::move(given));
    absl::StatusOr<std::string> text = FormatCannedAnswer(*registry_->Find(name), std::move(result),
                                                          StoreEvidenceSource(*store_), format);
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? *text : "";
  }

  static Pairs CypherPairs(const CypherResult& result) {
    Pairs pairs;
    for (const auto& row : result.rows) pairs.insert({row[0].text, row[1].text});
    return pairs;
  }

  static Pairs NativePairs(const absl::StatusOr<std::vector<PairRow>>& rows) {
    EXPECT_TRUE(rows.ok()) << rows.status();
    Pairs pairs;
    if (rows.ok()) {
      for (const PairRow& row : *rows) pairs.insert({row.a.name, row.b.name});
    }
    return pairs;
  }

  // Every row of `name`'s JSON answer has at least one sentence.
  static void ExpectEvidenceOnEveryRow(const std::string& name,
                                       std::map<std::string, std::string> given) {
    const nlohmann::json rows = nlohmann::json::parse(Format(name, std::move(given), "json"));
    ASSERT_TRUE(rows.is_array());
    EXPECT_FALSE(rows.empty()) << name;
    for (const auto& row : rows) {
      ASSERT_TRUE(row.contains("evidence")) << name;
      ASSERT_FALSE(row["evidence"].empty()) << name << ": " << row.dump();
      for (const auto& e : row["evidence"]) {
        EXPECT_FALSE(e["sentence"].get<std::string>().empty()) << name << ": " << row.dump();
        EXPECT_TRUE(absl::StartsWith(e["article_id"].get<std::string>(), "sample-") ||
                    absl::StartsWith(e["article_id"].get<std::string>(), "2023-06-19"))
            << e.dump();
      }
    }
  }

  static std::string* dir_;
  static Store* store_;
  static CannedRegistry* registry_;
};

std::string* CannedRunnerTest::dir_ = nullptr;
Store* CannedRunnerTest::store_ = nullptr;
CannedRegistry* CannedRunnerTest::registry_ = nullptr;

TEST_F(CannedRunnerTest, OfficialsMetTextGivesTheNativePairs) {
  const std::pair<const char*, const char*> sides[] = {{"US", "CN"}, {"CN", "US"},   {"US", "RU"},
                                                       {"RU", "CN"}, {"NATO", "RU"}, {"US", "UA"}};
  const std::pair<const char*, ContactMode> modes[] = {{"in-person", ContactMode::kInPerson},
                                                       {"call", ContactMode::kCall},
                                                       {"any", ContactMode::kAny}};
  int nonempty = 0;
  for (const auto& [a, b] : sides) {
    for (const auto& [mode_name, mode] : modes) {
      OfficialsMetParams native;
      native.a = a;
      native.b = b;
      native.from = "2021-01-01";
      native.to = "2024-12-31";
      native.mode = mode;
      const Pairs expected = NativePairs(OfficialsMet(*store_, native));
      const Pairs actual = CypherPairs(Run(
          "officials-met",
          {{"a", a}, {"b", b}, {"from", "2021-01-01"}, {"to", "2024-12-31"}, {"mode", mode_name}}));
      EXPECT_EQ(actual, expected) << a << "-" << b << " " << mode_name;
      if (!expected.empty()) ++nonempty;
    }
  }
  EXPECT_GE(nonempty, 5);  // the comparison is not between empty answers
}

TEST_F(CannedRunnerTest, ContactsOfTextGivesTheNativePairs) {
  int nonempty = 0;
  for (const char* person : {"Wang Yi", "Joe Biden", "Antony Blinken", "Xi Jinping"}) {
    ContactsOfParams native;
    native.person = person;
    native.from = "2021-01-01";
    native.to = "2024-12-31";
    native.mode = ContactMode::kAny;
    const Pairs expected = NativePairs(ContactsOf(*store_, native));
    const Pairs actual = CypherPairs(
        Run("contacts-of",
            {{"person", person}, {"from", "2021-01-01"}, {"to", "2024-12-31"}, {"mode", "any"}}));
    EXPECT_EQ(actual, expected) << person;
    if (!expected.empty()) ++nonempty;
  }
  EXPECT_GE(nonempty, 3);
}

TEST_F(CannedRunnerTest, EveryRowOfTheNewQueriesCarriesEvidence) {
  ExpectEvidenceOnEveryRow("neighbourhood", {{"entity", "Antony Blinken"}, {"k", "2"}});
  ExpectEvidenceOnEveryRow("path", {{"a", "Antony Blinken"}, {"b", "Xi Jinping"}});
  ExpectEvidenceOnEveryRow("timeline", {{"entity", "Xi Jinping"}});
  ExpectEvidenceOnEveryRow("co-participants", {{"person", "Joe Biden"}});
  ExpectEvidenceOnEveryRow("path-in-time", {{"a", "Antony Blinken"}, {"b", "Jake Sullivan"}});
  ExpectEvidenceOnEveryRow("top-connected", {{"from", "2022-01-01"}, {"to", "2023-12-31"}});
}

TEST_F(CannedRunnerTest, TimelineIsInDateOrder) {
  const CypherResult result = Run("timeline", {{"entity", "Joe Biden"}});
  ASSERT_GE(result.rows.size(), 3u);
  for (size_t i = 1; i < result.rows.size(); ++i) {
    const CypherValue& before = result.rows[i - 1][0];
    const CypherValue& after = result.rows[i][0];
    if (before.kind == CypherValue::Kind::kDate && after.kind == CypherValue::Kind::kDate) {
      EXPECT_LE(before.integer, after.integer);
    }
  }
}

TEST_F(CannedRunnerTest, PathInTimeHopsNeverGoBackInTime) {
  // Blinken met Wang Yi (February, June 2023) before Wang Yi met Sullivan
  // (September 2023): a path forward in time, but none backward.
  const CypherResult forward =
      Run("path-in-time", {{"a", "Antony Blinken"}, {"b", "Jake Sullivan"}});
  ASSERT_FALSE(forward.rows.empty());
  for (const auto& row : forward.rows) {
    const CypherValue& path = row[1];
    ASSERT_EQ(path.kind, CypherValue::Kind::kPath);
    for (size_t i = 3; i < path.list.size(); i += 2) {
      EXPECT_LE(path.list[i - 2].map.at("date").integer, path.list[i].map.at("date").integer);
    }
  }
  const CypherResult untimed = Run("path", {{"a", "Jake Sullivan"}, {"b", "Antony Blinken"}});
  EXPECT_FALSE(untimed.rows.empty());
  EXPECT_TRUE(Run("path-in-time", {{"a", "Jake Sullivan"}, {"b", "Antony Blinken"}}).rows.empty());
}

// Its last WITH once added collect(p) to non-key variables: with no rows
// (a name nobody has) that was an internal UndefinedVariable error.
TEST_F(CannedRunnerTest, PathInTimeWithAnUnknownNameIsAnEmptyAnswer) {
  EXPECT_TRUE(Run("path-in-time", {{"a", "Nobody Known Here"}, {"b", "Joe Biden"}}).rows.empty());
  EXPECT_TRUE(Run("path-in-time", {{"a", "Joe Biden"}, {"b", "Nobody Known Here"}}).rows.empty());
}

TEST_F(CannedRunnerTest, AllianceMembersFollowTheDatedMemberships) {
  auto codes = [&](const std::string& day) {
    std::set<std::string> out;
    for (const auto& row : Run("alliance-members", {{"alliance", "NATO"}, {"date", day}}).rows) {
      out.insert(row[0].text);
    }
    return out;
  };
  const std::set<std::string> before = codes("2022-01-01");
  const std::set<std::string> after = codes("2024-06-01");
  EXPECT_EQ(before.count("US"), 1u);
  EXPECT_EQ(before.count("FI"), 0u);  // Finland joined NATO on 2023-04-04
  EXPECT_EQ(after.count("FI"), 1u);
}

TEST_F(CannedRunnerTest, GraphFormatsOnlyWhereDeclared) {
  const std::string dot = Format("path", {{"a", "Antony Blinken"}, {"b", "Xi Jinping"}}, "dot");
  EXPECT_TRUE(absl::StartsWith(dot, "digraph answer {")) << dot;
  EXPECT_THAT(dot, HasSubstr("Antony Blinken"));
  EXPECT_THAT(dot, HasSubstr(" -> n"));
  absl::StatusOr<std::string> refused = FormatCannedAnswer(
      *registry_->Find("timeline"), CypherResult(), StoreEvidenceSource(*store_), "dot");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(std::string(refused.status().message()),
              HasSubstr("timeline answers as table, json, csv only"));
}

TEST_F(CannedRunnerTest, TableAndCsvShowSentences) {
  const std::string table = Format("co-participants", {{"person", "Joe Biden"}}, "table");
  EXPECT_THAT(table, HasSubstr("Xi Jinping"));
  EXPECT_THAT(table, HasSubstr("sample-"));
  EXPECT_THAT(table, HasSubstr(" rows\n"));
  const std::string csv = Format("co-participants", {{"person", "Joe Biden"}}, "csv");
  EXPECT_TRUE(
      absl::StartsWith(csv, "person,state,events,first,last,evidence_ids,article_ids,sentence\n"))
      << csv;
}

// A neighbourhood row as both engines show it: relationship ids are the
// run's own, so a relationship is its type, ends and properties.
std::string NeighbourhoodRowKey(const std::vector<CypherValue>& row) {
  const CypherValue& via = row[2];
  std::string key = absl::StrCat(row[0].integer, " ", row[1].integer, " ", via.text, " ", via.start,
                                 ">", via.end, " ", row[3].integer);
  for (const auto& [name, value] : via.map) {
    absl::StrAppend(&key, " ", name, "=", CypherValueToText(value));
  }
  return key;
}

TEST_F(CannedRunnerTest, NeighbourhoodNativeGivesTheTextsRows) {
  const CannedEntry* entry = registry_->Find("neighbourhood");
  ASSERT_NE(entry, nullptr);
  ASSERT_TRUE(HasNativeRows(*entry));
  const std::vector<std::map<std::string, std::string>> cases = {
      {{"entity", "Antony Blinken"}, {"k", "2"}},
      {{"entity", "Antony Blinken"}, {"k", "3"}, {"types", "MET,SPOKE_WITH,PARTICIPATED_IN"}},
      {{"entity", "Xi Jinping"}, {"k", "2"}, {"factuality", "happened,planned,cancelled"}},
      {{"entity", "Joe Biden"}, {"k", "3"}, {"from", "2023-01-01"}},
      {{"entity", "Joe Biden"}, {"k", "2"}, {"to", "2022-12-31"}, {"types", "MET,HOLDS_ROLE"}},
  };
  int nonempty = 0;
  for (std::map<std::string, std::string> given : cases) {
    given["limit"] = "10000";
    absl::StatusOr<CypherParams> params = BindParams(*entry, given);
    ASSERT_TRUE(params.ok()) << params.status();
    absl::StatusOr<NativeAnswer> native = RunNativeRows(*store_, *entry, *params);
    ASSERT_TRUE(native.ok()) << native.status();
    EXPECT_TRUE(native->limit_note.empty());
    absl::StatusOr<CypherResult> text = RunCannedCypher(*store_, *entry, *params);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(native->result.columns, text->columns);
    std::vector<std::string> a, b;
    for (const auto& row : native->result.rows) a.push_back(NeighbourhoodRowKey(row));
    for (const auto& row : text->rows) b.push_back(NeighbourhoodRowKey(row));
    // The native rows come nearest first.
    for (size_t i = 1; i < native->result.rows.size(); ++i) {
      EXPECT_LE(native->result.rows[i - 1][0].integer, native->result.rows[i][0].integer);
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b) << given.at("entity") << " k " << given.at("k");
    if (!a.empty()) ++nonempty;
  }
  EXPECT_GE(nonempty, 3);
}

TEST_F(CannedRunnerTest, NeighbourhoodLimitCountsEntitiesAndSaysSo) {
  const CannedEntry* entry = registry_->Find("neighbourhood");
  ASSERT_NE(entry, nullptr);
  absl::StatusOr<CypherParams> cut =
      BindParams(*entry, {{"entity", "Antony Blinken"}, {"k", "2"}, {"limit", "1"}});
  ASSERT_TRUE(cut.ok()) << cut.status();
  absl::StatusOr<std::string> table = RunCannedQuery(*store_, *entry, *cut, "table");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(*table, HasSubstr("the limit of 1 entities was reached"));
  absl::StatusOr<std::string> json = RunCannedQuery(*store_, *entry, *cut, "json");
  ASSERT_TRUE(json.ok()) << json.status();
  const nlohmann::json rows = nlohmann::json::parse(*json);
  ASSERT_TRUE(rows.is_array());
  ASSERT_FALSE(rows.empty());
  std::set<int64_t> entities;
  for (const auto& row : rows) {
    EXPECT_EQ(row.value("limit_reached", false), true) << row.dump();
    EXPECT_FALSE(row["evidence"].empty()) << row.dump();
    entities.insert(row["entity"]["id"].get<int64_t>());
  }
  EXPECT_EQ(entities.size(), 1u);
  // Within the default limit: no note, no field.
  absl::StatusOr<CypherParams> whole =
      BindParams(*entry, {{"entity", "Antony Blinken"}, {"k", "1"}});
  ASSERT_TRUE(whole.ok()) << whole.status();
  json = RunCannedQuery(*store_, *entry, *whole, "json");
  ASSERT_TRUE(json.ok()) << json.status();
  for (const auto& row : nlohmann::json::parse(*json)) EXPECT_FALSE(row.contains("limit_reached"));
  table = RunCannedQuery(*store_, *entry, *whole, "table");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(*table, ::testing::Not(HasSubstr("limit of")));
  // The Cypher text still limits rows, and says nothing.
  absl::StatusOr<std::string> csv =
      RunCannedQuery(*store_, *entry, *cut, "csv", {}, CannedEngine::kCypher);
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 2) << *csv;
}

}  // namespace
}  // namespace newsgraph::queries
