// Who takes part in a gathering by the role the sentence gives them: the
// chair of a meeting and its co-chairs, a stand-in who goes "in the
// place" of the one represented, presence ("will (not) be present at the
// summit in X"), and a companion "alongside" whom a trip is made. All
// sentences are written for these tests, with the people of the test KB and
// invented titled people; published on Friday 2023-06-02.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/ontology.h"
#include "tests/importers/structure_case.h"

namespace newsgraph {
namespace {

using structure::Case;
using structure::CaseName;

class GatheringRolesTest : public ::testing::TestWithParam<Case> {};

TEST_P(GatheringRolesTest, Extracts) { structure::CheckCase(GetParam()); }

constexpr pb::Factuality kHappened = pb::HAPPENED;
constexpr pb::Factuality kPlanned = pb::PLANNED;

const std::vector<Case> kRoles = {
    {"ChairedAMeetingWith",
     "Nordmann chaired a meeting with Virtanen and Park Min-ho in Bergen on Monday.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"CoChairedTheConferenceWith",
     "Virtanen co-chaired the conference with Nordmann in Tampere on Monday.",
     {{"MEET", {kKari, kOla}, kHappened}}, {}},
    {"TalksChairedBy",
     "Virtanen and Park Min-ho met in Bergen for talks chaired by Nordmann.",
     {{"MEET", {kKari, kPark, kOla}, kHappened}}, {}},
    {"ChairedAloneIsNoContact", "Nordmann chaired the fisheries council on Monday.", {},
     {"MEET", "SUMMIT"}},
    {"RepresentedAtTheSummitBy",
     "Virtanen will be represented at the summit in Seoul by Nordmann.",
     {{"VISIT", {kOla}, kPlanned}}, {"SUMMIT", "MEET"}},
    {"NotPresentAndRepresentedInstead",
     "Park Min-ho will not be present at the summit in Helsinki and will instead be "
     "represented by Nordmann.",
     {{"VISIT", {kPark}, pb::DENIED}, {"VISIT", {kOla}, kPlanned}}, {"SUMMIT", "MEET"}},
    {"PresentAtTheTalks", "Nordmann was present at the talks in Seoul on Monday.",
     {{"VISIT", {kOla}, kHappened}}, {"MEET"}},
    {"VisitedAlongside", "Nordmann visited Seoul alongside Virtanen on Thursday.",
     {{"VISIT", {kOla, kKari}, kHappened}, {"MEET", {kOla, kKari}, kHappened}}, {}},
    {"TravellingWith", "Nordmann is travelling to Seoul with Virtanen.",
     {{"VISIT", {kOla, kKari}, kHappened}}, {"MEET"}},
    // Gathering with people, and talks that bring people together.
    {"GatheredWith", "Nordmann gathered with Virtanen and Park Min-ho in Bergen on Friday.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"BroughtTogether",
     "The talks in Bergen on Friday brought together Virtanen and Park Min-ho.",
     {{"MEET", {kKari, kPark}, kHappened}}, {}},
    // A meeting before or after a summit is no summit; a plan called off
    // in a later clause is cancelled.
    {"MeetingBeforeTheSummit", "Nordmann hopes to meet Virtanen before the summit in Seoul.",
     {{"MEET", {kOla, kKari}, pb::POSSIBLE}}, {"SUMMIT"}},
    {"PlanCalledOff",
     "Nordmann was to meet Virtanen on Friday, but the meeting was called off.",
     {{"MEET", {kOla, kKari}, pb::CANCELLED}}, {}},
    // Guests are of no host's state: the host's own ministers are not
    // "the visiting ministers", in the parse and on the surface.
    {"TheVisitingMinisters",
     "Nordmann welcomed Chilean Foreign Minister Rosa Fuentes and South Korean Prime Minister "
     "Park Min-ho to Bergen on Monday. On Tuesday, Norwegian Defence Minister Lars Berg met the "
     "visiting ministers.",
     {{"MEET", {kOla, "Rosa Fuentes", kPark}, kHappened},
      {"MEET", {"Lars Berg", "Rosa Fuentes", kPark}, kHappened}},
     {},
     /*also_without_parse=*/true},
    // A contact of another rank is not its planners' own.
    {"ContactsOfAnotherRank",
     "Nordmann met Virtanen on Monday, and they planned a theater commander telephone call, "
     "working-level talks and military-to-military meetings.",
     {{"MEET", {kOla, kKari}, kHappened}}, {"PHONE_CALL"}, /*also_without_parse=*/true},
    // The subject of a journey meets whom its purpose infinitive names; the
    // infinitive intends, so the plan stays a plan.
    {"PurposeInfinitiveKeepsThePlan",
     "Park Min-ho is to host Nordmann and Virtanen on Friday. Nordmann and Virtanen travelled "
     "to Seoul on Friday to meet Park.",
     {{"MEET", {kPark, kOla, kKari}, kPlanned}}, {}},
    // The contacts a plural lists are the people's own, with whoever each
    // adds.
    {"ListedPreviousMeetings",
     "Nordmann met Virtanen in Oslo on Monday. The meeting builds on their previous meetings, "
     "including: a meeting in Helsinki in March 2022; and a trilateral meeting with Park "
     "Min-ho in Seoul in May 2023.",
     {{"MEET", {kOla, kKari}, kHappened},
      {"MEET", {kOla, kKari}, kHappened},
      {"MEET", {kOla, kKari, kPark}, kHappened}},
     {}},
    // A refusal and a later readiness are two facts, not one merged report.
    {"RefusedThenReady",
     "Nordmann refused to meet Virtanen. Weeks later Nordmann said he was ready to meet "
     "Virtanen.",
     {{"MEET", {kOla, kKari}, pb::DENIED}, {"MEET", {kOla, kKari}, pb::POSSIBLE}}, {}},
    {"ButCalledTheTripOff",
     "Nordmann and Virtanen were to meet in Bergen this month, but Norway called the trip off "
     "in April.",
     {{"MEET", {kOla, kKari}, pb::CANCELLED}}, {}},
    // A meeting skipped and one attended are two facts; the named side of
    // a "between" phrase whose first side is unnamed takes part.
    {"SkippedOneAttendedAnother",
     "Nordmann skipped a meeting between a delegation of Chilean senators and Virtanen in "
     "March. He did attend a meeting with Virtanen in Oslo in December.",
     {{"MEET", {kOla, kKari}, pb::DENIED}, {"MEET", {kOla, kKari}, kHappened}}, {},
     /*also_without_parse=*/true},
    // A flight's destination is its passenger's.
    {"BoardedAFlightTo", "Nordmann boarded a flight to Seoul on Friday.",
     {{"VISIT", {kOla}, kHappened}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Roles, GatheringRolesTest, ::testing::ValuesIn(kRoles), CaseName);

}  // namespace
}  // namespace newsgraph
