#include "importers/triggers.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

struct Found {
  std::string text;
  std::string mode;
  pb::Factuality factuality;
};

std::vector<Found> Triggers(const std::string& text) {
  Document doc = Analyze(text);
  std::vector<Found> out;
  for (const Sentence& s : doc.sentences) {
    for (const Trigger& t : FindTriggers(doc, s)) {
      out.push_back({std::string(doc.Span(t.first, t.last)), t.mode,
                     ReadFactuality(doc, s, t).value});
    }
  }
  return out;
}

TEST(TriggersTest, ModesOfContact) {
  auto f = Triggers("Lund met Hart. They held a video call. Lund spoke by phone with Hart. "
                    "A summit opened. Lund visited Oslo.");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].mode, "in-person");
  EXPECT_EQ(f[1].text, "video call");
  EXPECT_EQ(f[1].mode, "video");
  EXPECT_EQ(f[2].mode, "phone");
  EXPECT_EQ(f[3].mode, "summit");
  EXPECT_EQ(f[4].mode, "visit");
}

TEST(TriggersTest, MetVirtuallyIsVideo) {
  auto f = Triggers("Lund met virtually with Hart.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].mode, "video");
}

TEST(TriggersTest, MeetingANeedIsNoContact) {
  EXPECT_TRUE(Triggers("The plan aims to meet the growing energy demand.").empty());
  EXPECT_TRUE(Triggers("Officials called for calm.").empty());
}

TEST(TriggersTest, CopulaInIsPresence) {
  auto f = Triggers("Lund was in Oslo. Lund was in talks.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].mode, "visit");
  EXPECT_EQ(f[1].mode, "in-person");  // "talks", not presence
}

TEST(TriggersTest, Factuality) {
  EXPECT_EQ(Triggers("Lund will meet Hart.")[0].factuality, pb::PLANNED);
  EXPECT_EQ(Triggers("Lund is expected to travel to Oslo.")[0].factuality, pb::PLANNED);
  EXPECT_EQ(Triggers("Lund may meet Hart.")[0].factuality, pb::POSSIBLE);
  EXPECT_EQ(Triggers("Lund wanted to meet Hart.")[0].factuality, pb::POSSIBLE);
  EXPECT_EQ(Triggers("Lund abruptly canceled a trip to Oslo.")[0].factuality, pb::CANCELLED);
  EXPECT_EQ(Triggers("Lund refused to meet Hart.")[0].factuality, pb::DENIED);
  EXPECT_EQ(Triggers("Lund will not meet Hart.")[0].factuality, pb::DENIED);
  EXPECT_EQ(Triggers("Hart asked for a meeting, which was rejected.")[0].factuality,
            pb::DENIED);
  EXPECT_EQ(Triggers("Lund met Hart in May.")[0].factuality, pb::HAPPENED);
  EXPECT_EQ(Triggers("The ministry has not confirmed they will meet.")[0].factuality,
            pb::POSSIBLE);
  EXPECT_EQ(Triggers("Lund said he had no plans to meet Hart.")[0].factuality, pb::DENIED);
  // A noun's own clause after it: ruled out, or not ruled out.
  EXPECT_EQ(Triggers("A meeting between Lund and Hart has not been ruled out.")[0].factuality,
            pb::POSSIBLE);
  EXPECT_EQ(Triggers("A meeting between Lund and Hart was ruled out.")[0].factuality,
            pb::DENIED);
}

TEST(TriggersTest, FactualityOfAsksDoubtsAndAbsences) {
  // Not yet arranged, in doubt, likely: uncertain.
  EXPECT_EQ(Triggers("A meeting between Lund and Hart has not been scheduled.")[0].factuality,
            pb::POSSIBLE);
  EXPECT_EQ(Triggers("It is unclear whether Lund will meet Hart.")[0].factuality,
            pb::POSSIBLE);
  EXPECT_EQ(Triggers("Lund is likely to visit Oslo soon.")[0].factuality, pb::POSSIBLE);
  // Asked for, not had.
  EXPECT_EQ(Triggers("Lund is seeking a meeting with Hart.")[0].factuality, pb::POSSIBLE);
  EXPECT_EQ(Triggers("Lund has requested a call with Hart.")[0].factuality, pb::POSSIBLE);
  // Staying away.
  EXPECT_EQ(Triggers("Lund skipped a meeting with Hart.")[0].factuality, pb::DENIED);
  EXPECT_EQ(Triggers("Lund boycotted the summit in Oslo.")[0].factuality, pb::DENIED);
  // A call placed and not answered; one being set up.
  EXPECT_EQ(Triggers("Lund called Hart, but did not reach him.")[0].factuality, pb::DENIED);
  EXPECT_EQ(Triggers("Aides are setting up a call between Lund and Hart.")[0].factuality,
            pb::PLANNED);
}

}  // namespace
}  // namespace newsgraph
