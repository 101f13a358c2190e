#include "importers/gazetteer.h"

#include <string>

#include "gtest/gtest.h"
#include "google/protobuf/text_format.h"

namespace newsgraph {
namespace {

pb::KnowledgeBase TestKb() {
  pb::KnowledgeBase kb;
  google::protobuf::TextFormat::ParseFromString(R"pb(
    states { code: "NO" name: "Norway" demonyms: ["Norwegian"] capital: "Oslo" }
    states { code: "US" name: "United States" aliases: ["US", "U.S."] demonyms: ["American"]
             capital: "Washington" metonyms: ["the White House"] }
    states { code: "CN" name: "China" demonyms: ["Chinese"] capital: "Beijing" }
    alliances { name: "NATO" full_name: "North Atlantic Treaty Organization" aliases: ["Nato"] }
    people { key: "ola-nordmann" name: "Ola Nordmann" aliases: ["Ola J. Nordmann"]
             roles { title: "Foreign Minister" state: "NO" } }
    people { key: "li-qiang-test" name: "Li Qiangwei"
             roles { title: "Premier" state: "CN" } }
    people { key: "anna-von-der-berg" name: "Anna von der Berg"
             roles { title: "President" state: "NO" } }
  )pb", &kb);
  return kb;
}

std::string Describe(const Document& doc, const GazMatch& m) {
  std::string out(doc.Span(m.first, m.last));
  for (const GazEntry* e : m.entries) out += "|" + std::to_string(static_cast<int>(e->kind)) + ":" + e->key;
  return out;
}

std::vector<std::string> MatchAll(const Gazetteer& g, const std::string& text) {
  Document doc = Analyze(text);
  std::vector<std::string> out;
  for (const GazMatch& m : g.Match(doc, 0, static_cast<int>(doc.tokens.size()))) {
    out.push_back(Describe(doc, m));
  }
  return out;
}

TEST(GazetteerTest, LongestMatchWins) {
  Gazetteer g = Gazetteer::FromKb(TestKb());
  EXPECT_EQ(MatchAll(g, "Ola J. Nordmann flew to Oslo."),
            (std::vector<std::string>{"Ola J. Nordmann|0:ola-nordmann", "Oslo|4:NO"}));
}

TEST(GazetteerTest, SurnamesDemonymsAndAlliances) {
  Gazetteer g = Gazetteer::FromKb(TestKb());
  EXPECT_EQ(MatchAll(g, "Norwegian envoy Nordmann briefed Nato."),
            (std::vector<std::string>{"Norwegian|3:NO", "Nordmann|1:ola-nordmann",
                                      "Nato|5:NATO"}));
  // Family name first for Chinese names.
  EXPECT_EQ(g.PeopleWithSurname({"li"}), (std::vector<std::string>{"li-qiang-test"}));
  // Particles belong to the surname.
  EXPECT_EQ(g.PeopleWithSurname({"von", "der", "berg"}),
            (std::vector<std::string>{"anna-von-der-berg"}));
}

TEST(GazetteerTest, ShortCapitalAliasesNeedCapitals) {
  Gazetteer g = Gazetteer::FromKb(TestKb());
  EXPECT_EQ(MatchAll(g, "They told us the US and the U.S. agree."),
            (std::vector<std::string>{"US|2:US", "U.S.|2:US"}));
}

TEST(GazetteerTest, LeadingTheIsOptional) {
  Gazetteer g = Gazetteer::FromKb(TestKb());
  EXPECT_EQ(MatchAll(g, "A White House aide spoke."),
            (std::vector<std::string>{"White House|4:US"}));
}

TEST(GazetteerTest, LowerCaseWordsDoNotMatch) {
  Gazetteer g = Gazetteer::FromKb(TestKb());
  EXPECT_TRUE(MatchAll(g, "the chinese menu was in norwegian.").empty());
}

TEST(GazetteerTest, SurnameTokens) {
  EXPECT_EQ(SurnameTokens("Joe Biden", false), (std::vector<std::string>{"biden"}));
  EXPECT_EQ(SurnameTokens("Ferdinand Marcos Jr.", false), (std::vector<std::string>{"marcos"}));
  EXPECT_EQ(SurnameTokens("Xi Jinping", true), (std::vector<std::string>{"xi"}));
  EXPECT_EQ(SurnameTokens("Linda Thomas-Greenfield", false),
            (std::vector<std::string>{"thomas", "-", "greenfield"}));
}

// A family-name-first person's alias that puts a given name first keeps
// the family name as the surname; Western names are unchanged.
TEST(GazetteerTest, AliasSurnameTokens) {
  const std::vector<std::string> chen{"chen"};
  EXPECT_EQ(AliasSurnameTokens("Daniel Chen", chen, true), chen);
  EXPECT_EQ(AliasSurnameTokens("Daniel Chen Wei-lun", chen, true), chen);
  EXPECT_EQ(AliasSurnameTokens("Chen Wei-lun", chen, true), chen);
  EXPECT_EQ(AliasSurnameTokens("Anna Maria Holm", {"holm"}, false),
            (std::vector<std::string>{"holm"}));
}

}  // namespace
}  // namespace newsgraph
