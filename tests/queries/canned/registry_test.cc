#include "queries/canned/registry.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsgraph::queries {
namespace {

using ::testing::HasSubstr;

const std::string kShipped = NEWSGRAPH_DATA_DIR "/queries/canned.cypher";

// A small registry file written for these tests.
const char kTwoEntries[] =
    "// free comment before the first entry\n"
    "\n"
    "// name: hello\n"
    "// description: Says hello\n"
    "// description: to a person.\n"
    "// param: who string — the person\n"
    "// param: k int[1..3] = 2 -- hops\n"
    "// param: when date = null — a day\n"
    "// param: kinds strings[MET|SPOKE_WITH] = MET — types\n"
    "// param: mode string[in-person|call] = call — mode\n"
    "MATCH (p {name: $who}) WHERE $k > 0 AND ($when IS NULL OR p.date >= $when)\n"
    "  AND $mode <> '' AND size($kinds) > 0\n"
    "RETURN p.name AS name, p.evidence AS evidence\n"
    "\n"
    "// name: bye\n"
    "// description: Says bye.\n"
    "// formats: table dot\n"
    "RETURN 1 AS one\n";

std::string ErrorOf(const std::string& text) {
  absl::StatusOr<std::vector<CannedEntry>> parsed = ParseCannedQueries(text, "user.cypher");
  return parsed.ok() ? "(parsed)" : std::string(parsed.status().message());
}

TEST(CannedRegistryTest, ParsesEntriesWithHeadersAndText) {
  absl::StatusOr<std::vector<CannedEntry>> entries = ParseCannedQueries(kTwoEntries, "t.cypher");
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 2u);
  const CannedEntry& hello = (*entries)[0];
  EXPECT_EQ(hello.name, "hello");
  EXPECT_EQ(hello.description, "Says hello to a person.");
  EXPECT_EQ(hello.origin, "t.cypher:3");
  EXPECT_EQ(hello.cypher_line, 11);
  EXPECT_TRUE(absl::StartsWith(hello.cypher, "MATCH (p {name: $who})"));
  ASSERT_EQ(hello.params.size(), 5u);
  EXPECT_EQ(hello.params[0].name, "who");
  EXPECT_FALSE(hello.params[0].default_text.has_value());
  EXPECT_EQ(hello.params[1].help, "hops");
  EXPECT_EQ(*hello.params[1].min, 1);
  EXPECT_EQ(*hello.params[1].max, 3);
  EXPECT_EQ(DescribeParamType(hello.params[1]), "int[1..3] = 2");
  EXPECT_EQ(DescribeParamType(hello.params[0]), "string (required)");
  EXPECT_EQ(hello.formats, (std::vector<std::string>{"table", "json", "csv"}));
  EXPECT_FALSE(hello.native);
  const CannedEntry& bye = (*entries)[1];
  EXPECT_EQ(bye.formats, (std::vector<std::string>{"table", "dot"}));
  EXPECT_TRUE(bye.SupportsFormat("dot"));
  EXPECT_FALSE(bye.SupportsFormat("json"));
}

TEST(CannedRegistryTest, ErrorsNameFileAndLine) {
  const std::string head = "// name: q\n// description: d\n";
  EXPECT_THAT(ErrorOf(head + "// colour: red\nRETURN 1 AS x\n"),
              HasSubstr("user.cypher:3: unknown header \"colour\""));
  EXPECT_THAT(ErrorOf(head + "// param: x widget — help\nRETURN $x AS x\n"),
              HasSubstr("user.cypher:3: unknown type \"widget\""));
  EXPECT_THAT(ErrorOf(head + "// param: x int = two — help\nRETURN $x AS x\n"),
              HasSubstr("user.cypher:3: default: \"two\" is not an integer"));
  EXPECT_THAT(ErrorOf(head + "// param: x int\nRETURN $x AS x\n"),
              HasSubstr("user.cypher:3: a param needs help"));
  EXPECT_THAT(ErrorOf(head + "// formats: table svg\nRETURN 1 AS x\n"),
              HasSubstr("user.cypher:3: unknown format \"svg\""));
  EXPECT_THAT(ErrorOf(head + "RETURN 1 AS x,\n  $missing AS y\n"),
              HasSubstr("user.cypher:4: q: $missing is not declared"));
  // The Cypher parser's line 2 is the file's line 4.
  EXPECT_THAT(ErrorOf(head + "MATCH (n)\nRETURN n.name AS x,, 1\n"), HasSubstr("user.cypher:4:"));
  EXPECT_THAT(ErrorOf(head + "\n"), HasSubstr("q: no Cypher text"));
  EXPECT_THAT(ErrorOf("// name: q\nRETURN 1 AS x\n"),
              HasSubstr("user.cypher:1: q: no \"// description:\""));
  EXPECT_THAT(ErrorOf(head + "RETURN 1 AS x\n" + head + "RETURN 2 AS x\n"),
              HasSubstr("user.cypher:4: query q defined twice"));
  EXPECT_THAT(ErrorOf("// name: bad name\n// description: d\nRETURN 1 AS x\n"),
              HasSubstr("user.cypher:1: bad query name"));
  EXPECT_THAT(ErrorOf(head + "// param: k int[3..1] = 2 — h\nRETURN $k AS k\n"),
              HasSubstr("bad range"));
  EXPECT_THAT(ErrorOf(head + "// engine: turbo\nRETURN 1 AS x\n"),
              HasSubstr("engine is native or cypher"));
}

TEST(CannedRegistryTest, LaterEntriesReplaceEarlierOnesByName) {
  CannedRegistry registry;
  ASSERT_TRUE(registry.AddText(kTwoEntries, "built-in").ok());
  ASSERT_TRUE(registry
                  .AddText("// name: hello\n// description: Mine.\nRETURN 2 AS two\n"
                           "// name: extra\n// description: New.\nRETURN 3 AS three\n",
                           "mine.cypher")
                  .ok());
  ASSERT_EQ(registry.entries().size(), 3u);
  EXPECT_EQ(registry.entries()[0].name, "hello");  // keeps its place
  EXPECT_EQ(registry.entries()[0].description, "Mine.");
  EXPECT_EQ(registry.Find("hello")->origin, "mine.cypher:1");
  EXPECT_NE(registry.Find("extra"), nullptr);
  EXPECT_EQ(registry.Find("nothing"), nullptr);
  // A broken file changes nothing.
  EXPECT_FALSE(registry.AddText("// name: hello\nRETURN 1 AS x\n", "broken").ok());
  EXPECT_EQ(registry.Find("hello")->description, "Mine.");
}

TEST(CannedRegistryTest, BindsTypedParametersWithDefaults) {
  absl::StatusOr<std::vector<CannedEntry>> entries = ParseCannedQueries(kTwoEntries, "t");
  ASSERT_TRUE(entries.ok());
  const CannedEntry& hello = (*entries)[0];
  absl::StatusOr<CypherParams> params =
      BindParams(hello, {{"who", "Wang Yi"}, {"kinds", "MET, SPOKE_WITH"}});
  ASSERT_TRUE(params.ok()) << params.status();
  EXPECT_EQ(params->at("who").text, "Wang Yi");
  EXPECT_EQ(params->at("k").kind, CypherValue::Kind::kInt);
  EXPECT_EQ(params->at("k").integer, 2);
  EXPECT_EQ(params->at("when").kind, CypherValue::Kind::kNull);
  ASSERT_EQ(params->at("kinds").list.size(), 2u);
  EXPECT_EQ(params->at("kinds").list[1].text, "SPOKE_WITH");
  EXPECT_EQ(params->at("mode").text, "call");

  params = BindParams(hello, {{"who", "x"}, {"when", "2023-06-19"}});
  ASSERT_TRUE(params.ok()) << params.status();
  EXPECT_EQ(params->at("when").kind, CypherValue::Kind::kDate);
  EXPECT_EQ(params->at("when").integer, 19527);  // days since 1970-01-01

  // An optional parameter may be switched off with null.
  params = BindParams(hello, {{"who", "x"}, {"kinds", "null"}});
  ASSERT_TRUE(params.ok()) << params.status();
  EXPECT_EQ(params->at("kinds").kind, CypherValue::Kind::kNull);

  auto error = [&](std::map<std::string, std::string> given) {
    absl::StatusOr<CypherParams> p = BindParams(hello, given);
    return p.ok() ? "(bound)" : std::string(p.status().message());
  };
  EXPECT_THAT(error({}), HasSubstr("hello needs parameter \"who\""));
  EXPECT_THAT(error({{"who", "x"}, {"colour", "red"}}),
              HasSubstr("no parameter \"colour\" (it takes: who, k, when, kinds, mode)"));
  EXPECT_THAT(error({{"who", "x"}, {"k", "4"}}), HasSubstr("parameter k: 4 is outside 1..3"));
  EXPECT_THAT(error({{"who", "x"}, {"k", "two"}}), HasSubstr("\"two\" is not an integer"));
  EXPECT_THAT(error({{"who", "x"}, {"when", "2023-02-30"}}), HasSubstr("is not a date"));
  EXPECT_THAT(error({{"who", "x"}, {"kinds", "MET,LIKES"}}),
              HasSubstr("\"LIKES\" is not one of MET, SPOKE_WITH"));
  EXPECT_THAT(error({{"who", "x"}, {"mode", "telepathy"}}),
              HasSubstr("not one of in-person, call"));
}

TEST(CannedRegistryTest, ShippedFileHasEveryDocumentedQueryWithEvidence) {
  CannedRegistry registry;
  absl::Status s = registry.AddFile(kShipped);
  ASSERT_TRUE(s.ok()) << s;
  for (const char* name : {"officials-met", "contacts-of", "neighbourhood", "path", "path-in-time",
                           "timeline", "alliance-members", "co-participants", "top-connected"}) {
    const CannedEntry* entry = registry.Find(name);
    ASSERT_NE(entry, nullptr) << name;
    EXPECT_FALSE(entry->description.empty()) << name;
    EXPECT_THAT(entry->cypher, HasSubstr("AS evidence")) << name;
    for (const CannedParam& p : entry->params) EXPECT_FALSE(p.help.empty()) << name << p.name;
  }
  EXPECT_TRUE(registry.Find("officials-met")->native);
  EXPECT_TRUE(registry.Find("contacts-of")->native);
  EXPECT_TRUE(registry.Find("neighbourhood")->native);
  EXPECT_FALSE(registry.Find("path")->native);
  for (const char* graphical : {"path", "path-in-time", "neighbourhood"}) {
    EXPECT_TRUE(registry.Find(graphical)->SupportsFormat("dot")) << graphical;
    EXPECT_TRUE(registry.Find(graphical)->SupportsFormat("graphml")) << graphical;
  }
  EXPECT_FALSE(registry.Find("timeline")->SupportsFormat("dot"));
}

// `ask --list` prints "formats: table, json, csv"; that line reads back.
TEST(CannedRegistryTest, FormatsLineOfTheListingReadsBack) {
  absl::StatusOr<std::vector<CannedEntry>> parsed = ParseCannedQueries(
      "// name: q\n// description: d\n// formats: table, json, csv\nRETURN 1 AS evidence\n",
      "listed.cypher");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ((*parsed)[0].formats, (std::vector<std::string>{"table", "json", "csv"}));
}

TEST(CannedRegistryTest, LoadsShippedThenEnvironmentThenUserFiles) {
  const std::string dir = ::testing::TempDir();
  const std::string env_file = absl::StrCat(dir, "/env_", getpid(), ".cypher");
  const std::string user_file = absl::StrCat(dir, "/user_", getpid(), ".cypher");
  std::ofstream(env_file) << "// name: path\n// description: From env.\nRETURN 1 AS evidence\n";
  std::ofstream(user_file) << "// name: path\n// description: From user.\nRETURN 2 AS evidence\n";
  absl::StatusOr<CannedRegistry> registry = LoadCannedRegistry({}, env_file);
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ(registry->Find("path")->description, "From env.");
  registry = LoadCannedRegistry({user_file}, env_file);
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ(registry->Find("path")->description, "From user.");
  EXPECT_NE(registry->Find("timeline"), nullptr);
  registry = LoadCannedRegistry({dir + "/no-such-file.cypher"}, "");
  EXPECT_FALSE(registry.ok());
  EXPECT_THAT(std::string(registry.status().message()), HasSubstr("no-such-file.cypher"));
  std::remove(env_file.c_str());
  std::remove(user_file.c_str());
}

// The shipped text's headers are read as any file's; its Cypher is left
// to the test above.
TEST(CannedRegistryTest, ShippedTextIsNotParsedAsCypher) {
  const std::string text =
      "// name: odd\n// description: Unparsed.\n// param: k int — hops\nMATCH (n RETURN $k, $q\n";
  CannedRegistry registry;
  EXPECT_FALSE(registry.AddText(text, "user").ok());
  absl::Status shipped = registry.AddShippedText(text, "shipped");
  ASSERT_TRUE(shipped.ok()) << shipped;
  ASSERT_NE(registry.Find("odd"), nullptr);
  EXPECT_EQ(registry.Find("odd")->params.size(), 1u);
  EXPECT_FALSE(registry.AddShippedText("// name: odd\nRETURN 1\n", "shipped").ok());
}

// The shipped queries are compiled in; NEWSGRAPH_DATA_DIR names a data
// directory to read instead, and the error then names the file it tried.
TEST(CannedRegistryTest, ShippedQueriesAreEmbeddedUnlessADataDirIsNamed) {
  unsetenv("NEWSGRAPH_DATA_DIR");
  absl::StatusOr<CannedRegistry> embedded = LoadCannedRegistry({}, "");
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  CannedRegistry from_file;
  ASSERT_TRUE(from_file.AddFile(kShipped).ok());
  ASSERT_EQ(embedded->entries().size(), from_file.entries().size());
  // AddFile parsed each text (the embedded ones are not parsed at load).
  for (size_t i = 0; i < from_file.entries().size(); ++i) {
    EXPECT_EQ(embedded->entries()[i].name, from_file.entries()[i].name);
    EXPECT_EQ(embedded->entries()[i].cypher, from_file.entries()[i].cypher);
  }
  setenv("NEWSGRAPH_DATA_DIR", "/no/such/data", 1);
  absl::StatusOr<CannedRegistry> missing = LoadCannedRegistry({}, "");
  unsetenv("NEWSGRAPH_DATA_DIR");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(std::string(missing.status().message()),
              HasSubstr("/no/such/data/queries/canned.cypher"));
}

}  // namespace
}  // namespace newsgraph::queries
