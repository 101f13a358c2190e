#include "importers/mentions.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "importers/coref.h"
#include "schema/dates.h"
#include "tests/importers/test_kb.h"

namespace newsgraph {
namespace {

struct Read {
  Document doc;
  Mentions mentions;
  std::vector<Entity> entities;
};

Read ReadText(const KnowledgeBase& kb, const std::string& text) {
  Gazetteer g = Gazetteer::FromKb(kb.proto());
  Read r;
  r.doc = Analyze(text);
  r.mentions = FindMentions(r.doc, g);
  r.entities = ResolveCoreference(kb, DayNumber(absl::CivilDay(2023, 6, 1)), &r.mentions);
  return r;
}

TEST(MentionsTest, KnownPersonWithTitleAndNationality) {
  KnowledgeBase kb = MakeTestKb();
  const std::string text = "Norwegian Foreign Minister Ola Nordmann arrived.";
  Read r = ReadText(kb, text);
  ASSERT_EQ(r.mentions.people.size(), 1u);
  const PersonMention& p = r.mentions.people[0];
  EXPECT_EQ(p.kb_key, "ola-nordmann");
  EXPECT_EQ(p.role, "Foreign Minister");
  EXPECT_EQ(p.nationality, "NO");
}

TEST(MentionsTest, UnknownPersonFromTitlePattern) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Chilean Deputy Defence Minister Rosa Fuentes spoke first.");
  ASSERT_EQ(r.mentions.people.size(), 1u);
  const PersonMention& p = r.mentions.people[0];
  EXPECT_EQ(p.name, "Rosa Fuentes");
  EXPECT_EQ(p.rule, "title-pattern");
  EXPECT_EQ(p.role, "Deputy Defence Minister");
  EXPECT_EQ(p.nationality, "CL");
}

TEST(MentionsTest, UnknownPersonFromApposition) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Pablo Reyes, the Chilean ambassador to Norway, left early.");
  ASSERT_EQ(r.mentions.people.size(), 1u);
  EXPECT_EQ(r.mentions.people[0].name, "Pablo Reyes");
  EXPECT_EQ(r.mentions.people[0].role, "ambassador to Norway");
  EXPECT_EQ(r.mentions.people[0].nationality, "CL");
}

TEST(MentionsTest, AppositionOpenedByAnUnlistedModifier) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Nordmann later saw Lars Holm, Diplomatic Advisor to the Prime Minister.");
  ASSERT_EQ(r.mentions.people.size(), 2u);
  EXPECT_EQ(r.mentions.people[1].name, "Lars Holm");
  EXPECT_EQ(r.mentions.people[1].role, "Diplomatic Advisor to the Prime Minister");
}

TEST(MentionsTest, CounterpartGivesStateButNoRole) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "He phoned his Finnish counterpart Kari Virtanen.");
  ASSERT_EQ(r.mentions.people.size(), 1u);
  EXPECT_EQ(r.mentions.people[0].role, "");
  EXPECT_EQ(r.mentions.people[0].nationality, "FI");
}

TEST(MentionsTest, OfStateAfterName) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "She met President Tomas Lindqvist of Finland in Oslo.");
  ASSERT_EQ(r.mentions.people.size(), 1u);
  EXPECT_EQ(r.mentions.people[0].nationality, "FI");
  EXPECT_EQ(r.mentions.people[0].role, "President");
}

TEST(MentionsTest, CapitalisedWordsWithoutTitleAreNotPeople) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "The Security Council and Green Valley Farms agreed on Monday.");
  EXPECT_TRUE(r.mentions.people.empty());
}

// Runs after a title that name a region, a field, an office's domain or
// a firm: no person.
TEST(MentionsTest, RunsAfterATitleThatNameNoPerson) {
  KnowledgeBase kb = MakeTestKb();
  for (const char* text : {
           "The Special Envoy for the Middle East said talks would resume.",
           "The Deputy Director of Asian Studies spoke at the forum.",
           "Assistant Secretary for Fisheries and Maritime Affairs Lars Holm arrived.",
           "Commissioner for Enlargement Negotiations said the door was open.",
           "The contract went to General Dynamics Land Systems last year.",
           "The Director-General for Market Access and Standards, Lars Holm, arrived."}) {
    Read r = ReadText(kb, text);
    for (const PersonMention& p : r.mentions.people) {
      // A title alone ("the Special Envoy") may stand for someone named.
      if (p.title_only) continue;
      EXPECT_TRUE(p.name == "Lars Holm") << text << ": " << p.name;
    }
  }
}

TEST(CorefTest, SurnamesAndHonorificsJoinTheFullName) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb,
                    "Deputy Minister Rosa Fuentes arrived. Later Ms Fuentes met Nordmann. "
                    "President Virtanen stayed home.");
  ASSERT_EQ(r.mentions.people.size(), 4u);
  const auto& e = r.entities;
  EXPECT_EQ(e[r.mentions.people[0].entity].name, "Rosa Fuentes");
  EXPECT_EQ(r.mentions.people[1].entity, r.mentions.people[0].entity);
  EXPECT_EQ(e[r.mentions.people[2].entity].name, "Ola Nordmann");
  EXPECT_EQ(e[r.mentions.people[2].entity].state, "NO");
  EXPECT_EQ(e[r.mentions.people[3].entity].kb_key, "kari-virtanen");
}

TEST(CorefTest, TitleChoosesAmongNamesakesInOffice) {
  KnowledgeBase kb = MakeTestKb();
  // A first lady who shares the president's surname, both in office.
  const std::string path = ::testing::TempDir() + "/namesakes_" + std::to_string(::getpid()) +
                           ".textproto";
  std::ofstream(path) << R"pb(
    people { key: "liv-virtanen" name: "Liv Virtanen"
             roles { title: "First Lady" state: "FI" span { from: "2019-03-01" } } }
  )pb";
  ASSERT_TRUE(kb.AddFile(path).ok());
  std::remove(path.c_str());
  Read r = ReadText(kb, "Nordmann called President Virtanen. First Lady Virtanen visited Oslo.");
  ASSERT_EQ(r.mentions.people.size(), 3u);
  EXPECT_EQ(r.entities[r.mentions.people[1].entity].kb_key, "kari-virtanen");
  EXPECT_EQ(r.entities[r.mentions.people[2].entity].kb_key, "liv-virtanen");
}

TEST(CorefTest, SpellingVariantOfKnownPerson) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Foreign Minister Olaf Nordmann spoke, and Jon Virtanen listened.");
  // Same surname and initial: the KB person. Another initial: someone else.
  ASSERT_GE(r.mentions.people.size(), 1u);
  EXPECT_EQ(r.entities[r.mentions.people[0].entity].kb_key, "ola-nordmann");
}

TEST(CorefTest, FamilyNameFirst) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Prime Minister Park Min-ho flew home. Park said little.");
  ASSERT_EQ(r.mentions.people.size(), 2u);
  EXPECT_EQ(r.mentions.people[1].entity, r.mentions.people[0].entity);
  EXPECT_EQ(r.entities[r.mentions.people[0].entity].state, "KR");
}

TEST(CorefTest, RoleNearestTheTrigger) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "Envoy Rosa Fuentes arrived. Then Minister Fuentes met them.");
  const Entity& e = r.entities[r.mentions.people[0].entity];
  EXPECT_EQ(RoleNear(r.mentions, e, r.mentions.people[1].first), "Minister");
  EXPECT_EQ(RoleNear(r.mentions, e, 0), "Envoy");
}

TEST(CorefTest, DefiniteTitleStandsForTheNamedHolder) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb,
                    "Deputy Trade Minister Rosa Fuentes arrived. Later the Deputy Trade Minister "
                    "met the President of Finland.");
  // "the President of Finland" names no one the article named: unresolved.
  ASSERT_EQ(r.mentions.people.size(), 3u);
  EXPECT_TRUE(r.mentions.people[1].title_only);
  EXPECT_EQ(r.mentions.people[1].entity, r.mentions.people[0].entity);
  EXPECT_EQ(r.mentions.people[2].entity, -1);
}

TEST(MentionsTest, SurnamesJoinedByAHyphenAreTwoPeople) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "The Nordmann-Virtanen talks ended.");
  ASSERT_EQ(r.mentions.people.size(), 2u);
  EXPECT_EQ(r.entities[r.mentions.people[0].entity].kb_key, "ola-nordmann");
  EXPECT_EQ(r.entities[r.mentions.people[1].entity].kb_key, "kari-virtanen");
}

TEST(MentionsTest, AttributiveSurnameIsNoPerson) {
  KnowledgeBase kb = MakeTestKb();
  Read r = ReadText(kb, "The Nordmann government fell.");
  EXPECT_TRUE(r.mentions.people.empty());
}

}  // namespace
}  // namespace newsgraph
