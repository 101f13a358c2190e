#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgraph/query.h"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using testing_util::ContactGraph;
using testing_util::TempStoreDir;

std::vector<std::pair<std::string, std::string>> Names(const std::vector<PairRow>& rows) {
  std::vector<std::pair<std::string, std::string>> names;
  for (const PairRow& row : rows) names.emplace_back(row.a.name, row.b.name);
  return names;
}

std::vector<uint64_t> EventIds(const PairRow& row) {
  std::vector<uint64_t> ids;
  for (const EventRow& e : row.events) ids.push_back(e.event_id);
  return ids;
}

class OfficialsMetTest : public testing_util::ContactGraphTest {
 protected:
  // The whole of 2022 and 2023, happened, in person, unless changed.
  static OfficialsMetParams Params(const std::string& a, const std::string& b) {
    OfficialsMetParams p;
    p.a = a;
    p.b = b;
    p.from = "2022-01-01";
    p.to = "2023-12-31";
    return p;
  }

  std::vector<PairRow> Run(const OfficialsMetParams& params) {
    absl::StatusOr<std::vector<PairRow>> rows = OfficialsMet(*store_, params);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::vector<PairRow>();
  }
};

TEST_F(OfficialsMetTest, InPersonHappenedKeepsOnlyDatedMeetingsInsideTheWindow) {
  // Left out: Zurich (2021), Rome (planned), the visit, the fell-back
  // meeting, the week straddling two months, the year-only meeting.
  const std::vector<PairRow> rows = Run(Params("US", "CN"));
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Joe Biden", "Xi Jinping")));
  const PairRow& row = rows[0];
  EXPECT_THAT(EventIds(row), ElementsAre(g_.bali, g_.woodside));
  EXPECT_EQ(row.a.node_id, g_.biden);
  EXPECT_EQ(row.a.state, "US");
  EXPECT_EQ(row.a.role, "President");
  EXPECT_EQ(row.b.state, "CN");

  const EventRow& bali = row.events[0];
  EXPECT_EQ(bali.event_type, "MEET");
  EXPECT_EQ(bali.date, "2022-11-14");
  EXPECT_EQ(bali.place, "Bali, Indonesia");
  EXPECT_EQ(bali.factuality, "happened");
  ASSERT_EQ(bali.evidence.size(), 2u);
  EXPECT_EQ(bali.evidence[0].article_id, "wh-1");
  EXPECT_EQ(bali.evidence[0].sentence, "President Biden met President Xi in Bali, Indonesia.");
  EXPECT_EQ(bali.evidence[1].article_id, "cnn-2");

  EXPECT_EQ(row.events[1].event_type, "SUMMIT");
  EXPECT_EQ(row.events[1].date, "2023-11");
}

TEST_F(OfficialsMetTest, PlannedMeetingsCountWhenAskedFor) {
  OfficialsMetParams p = Params("US", "CN");
  p.factualities = {pb::HAPPENED, pb::PLANNED};
  const std::vector<PairRow> rows = Run(p);
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Wang Yi"),
                                       Pair("Joe Biden", "Xi Jinping")));
  EXPECT_THAT(EventIds(rows[0]), ElementsAre(g_.rome));
  EXPECT_EQ(rows[0].events[0].factuality, "planned");
  EXPECT_EQ(rows[0].a.role, "Secretary");         // the title read for the event
  EXPECT_EQ(rows[0].b.role, "Foreign Minister");  // none read: the node's role

  p.factualities = {pb::PLANNED};
  EXPECT_THAT(Names(Run(p)), ElementsAre(Pair("Antony Blinken", "Wang Yi")));
}

TEST_F(OfficialsMetTest, CallsAreSeparateFromMeetings) {
  OfficialsMetParams p = Params("US", "CN");
  p.mode = ContactMode::kCall;
  const std::vector<PairRow> rows = Run(p);
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Wang Yi")));
  EXPECT_THAT(EventIds(rows[0]), ElementsAre(g_.call));
  EXPECT_EQ(rows[0].events[0].event_type, "PHONE_CALL");
  EXPECT_EQ(rows[0].events[0].date, "2023-02");
  EXPECT_EQ(rows[0].events[0].place, "");
  EXPECT_EQ(rows[0].a.role, "Secretary of State");
  EXPECT_EQ(rows[0].b.role, "Director");
}

TEST_F(OfficialsMetTest, AnyModeJoinsMeetingsAndCallsButNeverVisits) {
  OfficialsMetParams p = Params("US", "CN");
  p.mode = ContactMode::kAny;
  p.factualities = {pb::HAPPENED, pb::PLANNED, pb::POSSIBLE};
  const std::vector<PairRow> rows = Run(p);
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Wang Yi"),
                                       Pair("Joe Biden", "Xi Jinping")));
  EXPECT_THAT(EventIds(rows[0]), ElementsAre(g_.rome, g_.call));  // not the visit
  EXPECT_THAT(EventIds(rows[1]), ElementsAre(g_.bali, g_.woodside));
}

TEST_F(OfficialsMetTest, WindowEdgesAreInclusive) {
  OfficialsMetParams p = Params("US", "CN");
  p.from = p.to = "2022-11-14";
  EXPECT_THAT(EventIds(Run(p).at(0)), ElementsAre(g_.bali));
  p.from = "2022-11-15";
  p.to = "2023-12-31";
  EXPECT_THAT(EventIds(Run(p).at(0)), ElementsAre(g_.woodside));

  OfficialsMetParams video = Params("FR", "CN");
  video.mode = ContactMode::kCall;
  EXPECT_THAT(Names(Run(video)), ElementsAre(Pair("Emmanuel Macron", "Xi Jinping")));
  video.to = "2023-12-30";
  EXPECT_TRUE(Run(video).empty());
}

TEST_F(OfficialsMetTest, MonthDateCountsOnlyWhenTheWholeMonthIsInside) {
  OfficialsMetParams p = Params("US", "CN");
  p.from = "2023-11-01";
  p.to = "2023-11-30";
  EXPECT_THAT(EventIds(Run(p).at(0)), ElementsAre(g_.woodside));
  p.from = "2023-11-15";  // the summit's month is only half inside
  EXPECT_TRUE(Run(p).empty());
  p.from = "2023-11-01";
  p.to = "2023-11-29";
  EXPECT_TRUE(Run(p).empty());
}

TEST_F(OfficialsMetTest, FellBackDatesNeverCount) {
  OfficialsMetParams p = Params("US", "CN");
  p.from = p.to = "2022-05-01";  // the fell-back meeting's publication day
  p.mode = ContactMode::kAny;
  p.factualities = {pb::HAPPENED, pb::PLANNED, pb::POSSIBLE, pb::CANCELLED, pb::DENIED};
  EXPECT_TRUE(Run(p).empty());
}

TEST_F(OfficialsMetTest, AllianceSideUsesMembershipOnTheEventDate) {
  // Finland joined NATO on 2023-04-04: Niinistö–Wang (2022-06-10) is not a
  // NATO contact, Niinistö–Xi (2023-06-10) is.
  OfficialsMetParams p = Params("NATO", "CN");
  p.mode = ContactMode::kAny;
  const std::vector<PairRow> rows = Run(p);
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Wang Yi"),
                                       Pair("Emmanuel Macron", "Xi Jinping"),
                                       Pair("Joe Biden", "Xi Jinping"),
                                       Pair("Sauli Niinistö", "Xi Jinping")));
  EXPECT_THAT(EventIds(rows[3]), ElementsAre(g_.helsinki_2023));
  EXPECT_EQ(rows[3].a.state, "FI");  // no state read for the event: the node's

  OfficialsMetParams reverse = Params("CN", "North Atlantic Treaty Organization");
  reverse.mode = ContactMode::kAny;
  EXPECT_THAT(Names(Run(reverse)), ElementsAre(Pair("Wang Yi", "Antony Blinken"),
                                               Pair("Xi Jinping", "Emmanuel Macron"),
                                               Pair("Xi Jinping", "Joe Biden"),
                                               Pair("Xi Jinping", "Sauli Niinistö")));
}

TEST_F(OfficialsMetTest, AllianceOfficialsThemselvesBelongToTheAlliance) {
  OfficialsMetParams p = Params("NATO", "US");
  const std::vector<PairRow> rows = Run(p);
  // Vilnius: Stoltenberg (NATO) and Macron (FR) with Biden and Blinken (US);
  // Biden–Blinken, both on both sides, appears once.
  EXPECT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Joe Biden"),
                                       Pair("Emmanuel Macron", "Antony Blinken"),
                                       Pair("Emmanuel Macron", "Joe Biden"),
                                       Pair("Jens Stoltenberg", "Antony Blinken"),
                                       Pair("Jens Stoltenberg", "Joe Biden")));
  EXPECT_EQ(rows[3].a.state, "NATO");
  EXPECT_EQ(rows[3].a.role, "Secretary General");
}

TEST_F(OfficialsMetTest, SameSideNeverPairsAPersonWithHimselfAndKeepsOneOrder) {
  const std::vector<PairRow> rows = Run(Params("US", "US"));
  ASSERT_THAT(Names(rows), ElementsAre(Pair("Antony Blinken", "Joe Biden")));
  EXPECT_THAT(EventIds(rows[0]), ElementsAre(g_.vilnius));
  EXPECT_EQ(Run(Params("NATO", "NATO")).size(), 6u);  // 4 people at Vilnius
}

TEST_F(OfficialsMetTest, SidesMatchCodesWhateverTheCaseAndStateNames) {
  EXPECT_THAT(Names(Run(Params("us", "China"))), ElementsAre(Pair("Joe Biden", "Xi Jinping")));
}

TEST_F(OfficialsMetTest, UnknownSideIsNotFound) {
  absl::StatusOr<std::vector<PairRow>> rows = OfficialsMet(*store_, Params("US", "XX"));
  ASSERT_EQ(rows.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(rows.status().message(), HasSubstr("no state or alliance named \"XX\""));
}

TEST_F(OfficialsMetTest, MalformedOrReversedWindowIsAnInvalidArgument) {
  OfficialsMetParams p = Params("US", "CN");
  p.from = "2022-13-01";
  EXPECT_EQ(OfficialsMet(*store_, p).status().code(), absl::StatusCode::kInvalidArgument);
  p.from = "2022-06";  // a month is not a day
  EXPECT_EQ(OfficialsMet(*store_, p).status().code(), absl::StatusCode::kInvalidArgument);
  p.from = "2024-01-01";
  EXPECT_EQ(OfficialsMet(*store_, p).status().code(), absl::StatusCode::kInvalidArgument);
  p.from = "2022-01-01";
  p.factualities.clear();
  EXPECT_EQ(OfficialsMet(*store_, p).status().code(), absl::StatusCode::kInvalidArgument);
}

class ContactsOfTest : public OfficialsMetTest {
 protected:
  std::vector<PairRow> Contacts(const std::string& person, ContactMode mode) {
    ContactsOfParams p;
    p.person = person;
    p.from = "2022-01-01";
    p.to = "2023-12-31";
    p.mode = mode;
    absl::StatusOr<std::vector<PairRow>> rows = ContactsOf(*store_, p);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::vector<PairRow>();
  }
};

TEST_F(ContactsOfTest, ListsEveryContactWhateverTheirState) {
  EXPECT_THAT(Names(Contacts("Wang Yi", ContactMode::kAny)),
              ElementsAre(Pair("Wang Yi", "Antony Blinken"), Pair("Wang Yi", "Sauli Niinistö")));
  EXPECT_THAT(Names(Contacts("wang yi", ContactMode::kInPerson)),
              ElementsAre(Pair("Wang Yi", "Sauli Niinistö")));
  const std::vector<PairRow> xi = Contacts("Xi Jinping", ContactMode::kAny);
  EXPECT_THAT(Names(xi), ElementsAre(Pair("Xi Jinping", "Emmanuel Macron"),
                                     Pair("Xi Jinping", "Joe Biden"),
                                     Pair("Xi Jinping", "Sauli Niinistö")));
  EXPECT_EQ(xi[2].b.state, "FI");
}

TEST_F(ContactsOfTest, UnknownPersonIsNotFound) {
  ContactsOfParams p;
  p.person = "Nobody Known";
  p.from = "2022-01-01";
  p.to = "2023-12-31";
  absl::StatusOr<std::vector<PairRow>> rows = ContactsOf(*store_, p);
  ASSERT_EQ(rows.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(rows.status().message(), HasSubstr("no person named \"Nobody Known\""));
}

}  // namespace
}  // namespace newsgraph
