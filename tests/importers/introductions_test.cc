// People the knowledge base does not know, introduced by the text around
// their name, and referred to again later. Sentences written for the tests.
#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

// The role learned for `name`, with its state: "prime minister/NO".
std::string RoleLearnedFor(const Extraction& x, const std::string& name) {
  for (const LearnedRole& r : x.roles) {
    if (r.person.name == name) return r.person.role + "/" + r.person.state;
  }
  return "(none)";
}

TEST(IntroductionsTest, PredicateGivesRoleAndState) {
  const Extraction x = ExtractWithTestKb(
      "Lena Berg was Finland's trade minister until March. Nordmann met Berg in Oslo on "
      "Monday.");
  EXPECT_EQ(RoleLearnedFor(x, "Lena Berg"), "trade minister/FI");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  EXPECT_EQ(SortedNames(x.events[0]), "Lena Berg, Ola Nordmann");
}

// The same predicate inside a relative clause after the name.
TEST(IntroductionsTest, RelativeClausePredicateGivesRoleAndState) {
  const Extraction x = ExtractWithTestKb(
      "Lena Berg, who was Finland's trade minister until March, met Nordmann on Monday.");
  EXPECT_EQ(RoleLearnedFor(x, "Lena Berg"), "trade minister/FI");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  EXPECT_EQ(SortedNames(x.events[0]), "Lena Berg, Ola Nordmann");
}

// "Mrs." with its full stop introduces a name that is not the KB's person of
// that surname.
TEST(IntroductionsTest, HonorificWithAFullStop) {
  const Extraction x =
      ExtractWithTestKb("Virtanen welcomed Mrs. Park Ji-woo to Helsinki on Monday.");
  bool met = false;
  for (const ExtractedEvent& e : x.events) {
    met |= ExportEventType(e.plover_type, e.mode) == "MEET" &&
           SortedNames(e) == "Kari Virtanen, Park Ji-woo";
  }
  EXPECT_TRUE(met) << DescribeEvents(x);
}

TEST(IntroductionsTest, DescriptorBeforeTheName) {
  const Extraction x =
      ExtractWithTestKb("Nordmann held talks with opposition politician Marta Lund on Friday.");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  EXPECT_EQ(SortedNames(x.events[0]), "Marta Lund, Ola Nordmann");
}

// The second name is a person by its known surname; the first shares it.
TEST(IntroductionsTest, SharedSurnameNamesBoth) {
  const Extraction x = ExtractWithTestKb(
      "Nordmann met Liisa and Aino Virtanen, the president's daughters, in Helsinki on "
      "Tuesday.");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  EXPECT_EQ(SortedNames(x.events[0]), "Aino Virtanen, Liisa Virtanen, Ola Nordmann");
}

TEST(IntroductionsTest, LearnedOfficialIsLaterCalledBySurname) {
  const Extraction x = ExtractWithTestKb(
      "Chilean Foreign Minister Rosa Fuentes arrived in Oslo on Sunday. On Monday, Nordmann "
      "met Fuentes at the ministry.");
  std::string met;
  for (const ExtractedEvent& e : x.events) {
    if (e.mode == "in-person") met = SortedNames(e);
  }
  EXPECT_EQ(met, "Ola Nordmann, Rosa Fuentes") << DescribeEvents(x);
}

TEST(IntroductionsTest, SurnameOfSomeoneWithoutOfficeIsNotGuessed) {
  // Only officials (a title or a state beside the full name) are followed
  // by surname: a word equal to anyone's surname is not enough.
  const Extraction x = ExtractWithTestKb(
      "The novelist Petra Stone spoke at the fair. Nordmann met Stone on Monday.");
  for (const ExtractedEvent& e : x.events) {
    EXPECT_EQ(SortedNames(e).find("Stone"), std::string::npos) << DescribeEvents(x);
  }
}

// A royal known by one given name and a peerage: the style is the name,
// the given name alone and "the duchess" refer back to it, and a lead that
// gives the title first refers forward to it.
TEST(IntroductionsTest, PeerageStyleNamesARoyal) {
  const Extraction x = ExtractWithTestKb(
      "The Duchess of Lindholm has made her first trip to Chile. Astrid, the Duchess of "
      "Lindholm, who is the king's sister, arrived in Santiago on Monday. Astrid met Nordmann "
      "at the embassy. Later the duchess spoke by phone with Virtanen.");
  std::vector<std::string> got;
  for (const ExtractedEvent& e : x.events) got.push_back(e.mode + ": " + SortedNames(e));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"in-person: Astrid, Duchess of Lindholm, Ola Nordmann",
                                           "phone: Astrid, Duchess of Lindholm, Kari Virtanen",
                                           "visit: Astrid, Duchess of Lindholm"}))
      << DescribeEvents(x);
}

// The place of the peerage gives the state.
TEST(IntroductionsTest, PeerageStyleGivesTheState) {
  const Extraction x = ExtractWithTestKb(
      "Astrid, the Duchess of Tampere, arrived in Santiago on Monday.");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  ASSERT_EQ(x.events[0].participants.size(), 1u);
  EXPECT_EQ(x.events[0].participants[0].name, "Astrid, Duchess of Tampere");
  EXPECT_EQ(x.events[0].participants[0].state, "FI");
}

// "Prince Anders", named nowhere in full, is known by title and given name.
TEST(IntroductionsTest, RoyalStyleWithoutFullName) {
  const Extraction x = ExtractWithTestKb("Prince Anders visited Chile on Monday.");
  ASSERT_EQ(x.events.size(), 1u) << DescribeEvents(x);
  EXPECT_EQ(SortedNames(x.events[0]), "Prince Anders");
}

}  // namespace
}  // namespace newsgraph
