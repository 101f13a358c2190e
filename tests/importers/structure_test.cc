// Sentence structure and event arguments: which people take part in the
// event a sentence reports, across the English constructions that put them
// far from the trigger (coordination, participles, relative clauses,
// passives, control, invitations) and the ones that put a non-participant
// near it (bystanders, reporters). All sentences are written for these tests,
// with the people of the test KB and invented titled people.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

constexpr pb::Factuality kHappened = pb::HAPPENED;
constexpr pb::Factuality kPlanned = pb::PLANNED;
// An invitation proposes a visit; ReadFactuality reads "invited" as possible.
constexpr pb::Factuality kPossible = pb::POSSIBLE;
constexpr pb::Factuality kAny = pb::FACTUALITY_UNSPECIFIED;  // not checked

struct Case {
  const char* name;  // the test's name
  const char* text;
  // ExportEventType of the one event the case is about; "" when the text
  // reports no event at all.
  const char* type;
  std::vector<std::string> people;  // its participants, in any order
  pb::Factuality factuality;
  // People named in the text who take part in no event of any type.
  std::vector<std::string> absent;
};

// gtest prints the case in failure messages; the name is enough.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

bool HasParticipant(const ExtractedEvent& e, const std::string& name) {
  for (const Participant& p : e.participants) {
    if (p.name == name) return true;
  }
  return false;
}

class StructureTest : public ::testing::TestWithParam<Case> {};

TEST_P(StructureTest, Extracts) {
  const Case& c = GetParam();
  const Extraction x = ExtractWithTestKb(c.text);
  SCOPED_TRACE(std::string(c.text) + "\nextracted:\n" + DescribeEvents(x));
  if (std::string(c.type).empty()) {
    EXPECT_TRUE(x.events.empty());
    return;
  }
  // Exactly one event of the type: a multi-party meeting is one event, and a
  // back-reference inside the sentence must not make a second one.
  std::vector<const ExtractedEvent*> found;
  for (const ExtractedEvent& e : x.events) {
    if (ExportEventType(e.plover_type, e.mode) == c.type) found.push_back(&e);
  }
  ASSERT_EQ(found.size(), 1u) << "want one " << c.type << " event";
  EXPECT_EQ(SortedNames(*found[0]), SortedNames(c.people));
  if (c.factuality != kAny) {
    EXPECT_EQ(FactualityName(found[0]->factuality), FactualityName(c.factuality));
  }
  for (const std::string& name : c.absent) {
    for (const ExtractedEvent& e : x.events) {
      EXPECT_FALSE(HasParticipant(e, name)) << name << " takes part in no event";
    }
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) { return info.param.name; }

// "X of Finland, Foreign Minister Y of Norway and Z met": every conjunct of
// the subject is a participant, whatever titles and "of" phrases it carries.
const std::vector<Case> kCoordinatedSubjects = {
    {"TitledWithStates",
     "President Kari Virtanen of Finland, Foreign Minister Ola Nordmann of Norway and Prime "
     "Minister Park Min-ho met in Oslo.",
     "MEET", {kKari, kOla, kPark}, kHappened, {}},
    {"LearnedPeopleFirst",
     "Chilean Foreign Minister Rosa Fuentes, Finnish Foreign Minister Aino Laine and Nordmann "
     "met in Santiago on Tuesday.",
     "MEET", {"Rosa Fuentes", "Aino Laine", kOla}, kHappened, {}},
    {"Apposition",
     "Park Min-ho, the South Korean prime minister, and Virtanen met in Seoul.",
     "MEET", {kPark, kKari}, kHappened, {}},
    {"SurnamesWithStates",
     "Nordmann of Norway and Virtanen of Finland held talks on Monday.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"ThreeSurnames",
     "Nordmann, Virtanen and Park Min-ho met in Seoul on Monday.",
     "MEET", {kOla, kKari, kPark}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(CoordinatedSubjects, StructureTest,
                         ::testing::ValuesIn(kCoordinatedSubjects), CaseName);

// The contact noun sits in a prepositional phrase; its participants are
// the clause's subject and the noun's "with" object or the coordinated
// subject.
const std::vector<Case> kContactNounInPhrase = {
    {"FollowingTalks",
     "Following talks with Park Min-ho in Seoul, Nordmann said the two countries would expand "
     "trade.",
     "MEET", {kOla, kPark}, kHappened, {}},
    {"ThankedInPhoneCall",
     "Nordmann thanked Virtanen in a Monday phone call for Finland's support.",
     "PHONE_CALL", {kOla, kKari}, kHappened, {}},
    {"AtAMeetingAgreed",
     "At a meeting in Helsinki on Tuesday, Virtanen and Chilean Foreign Minister Rosa Fuentes "
     "agreed to cut tariffs.",
     "MEET", {kKari, "Rosa Fuentes"}, kHappened, {}},
    // The main clause's object, not a trigger inside its "that" clause.
    {"InAPhoneConversationTold",
     "In a phone conversation on Thursday, Virtanen told Nordmann that Finland was ready to "
     "host talks.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {}},
    {"DuringAPhoneCallUrged",
     "During a phone call on Wednesday, Park Min-ho urged Nordmann to reconsider.",
     "PHONE_CALL", {kPark, kOla}, kHappened, {}},
    {"PressedDuringTalks",
     "Nordmann pressed Virtanen on fishing quotas during talks in Oslo.",
     "MEET", {kOla, kKari}, kHappened, {}},
    // The opening phrase's meeting is the setting of the main clause's
    // contact: one face-to-face meeting, not a meeting and a call.
    {"AtAMeetingSpokeWith",
     "At a regional meeting in Santiago on Friday, Nordmann spoke with Virtanen about ports.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"OnTheSidelinesTalkedWith",
     "On the sidelines of the summit in Seoul, Virtanen talked with Park Min-ho about trade.",
     "MEET", {kKari, kPark}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(ContactNounInPhrase, StructureTest,
                         ::testing::ValuesIn(kContactNounInPhrase), CaseName);

// A fronted participle clause has the main clause's subject as its own.
const std::vector<Case> kParticiples = {
    {"AfterMeeting",
     "After meeting Virtanen in Oslo, Nordmann said relations were strong.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"BareParticiple",
     "Meeting Park Min-ho in Helsinki, Virtanen stressed the need for dialogue.",
     "MEET", {kKari, kPark}, kHappened, {}},
    {"SpeakingByPhone",
     "Speaking by phone with Nordmann on Tuesday, Chilean Foreign Minister Rosa Fuentes praised "
     "the deal.",
     "PHONE_CALL", {kOla, "Rosa Fuentes"}, kHappened, {}},
    {"HavingMet",
     "Having met Virtanen earlier in the day, Park Min-ho left for Oslo.",
     "MEET", {kPark, kKari}, kHappened, {}},
    {"SpeakingAlongsideHonorificSubject",
     "Speaking alongside Chilean President Diego Morales, Mr Nordmann said the accord would "
     "hold.",
     "MEET", {kOla, "Diego Morales"}, kHappened, {}},
    {"BeforeMeeting",
     "Before meeting Chilean President Diego Morales on Monday, Nordmann laid a wreath.",
     "MEET", {kOla, "Diego Morales"}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(Participles, StructureTest, ::testing::ValuesIn(kParticiples),
                         CaseName);

// "Y said after meeting with X that ...": the speaker is the one who met X.
const std::vector<Case> kSpeakerAfterContact = {
    {"SaidAfterMeetingWith",
     "Nordmann said after meeting with Virtanen that the dispute was settled.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"SaidAfterTalksWith",
     "Park Min-ho said after talks with Chilean Foreign Minister Rosa Fuentes that a deal was "
     "close.",
     "MEET", {kPark, "Rosa Fuentes"}, kHappened, {}},
    {"ToldReportersAfterMeeting",
     "Virtanen told reporters after meeting Nordmann on Monday that Finland would help.",
     "MEET", {kKari, kOla}, kHappened, {}},
    {"SpeakingAfterACall",
     "Speaking after a phone call with Virtanen, Nordmann said Norway would send aid.",
     "PHONE_CALL", {kOla, kKari}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(SpeakerAfterContact, StructureTest,
                         ::testing::ValuesIn(kSpeakerAfterContact), CaseName);

// A relative clause's subject (or object, "whom") is the noun it modifies;
// the main clause's other people stay out.
const std::vector<Case> kRelativeClauses = {
    {"WhoMet",
     "Nordmann, who met Virtanen on Monday, said relations were good.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"WhoSpokeByPhone",
     "Virtanen, who spoke by phone with Park Min-ho on Tuesday, said Finland would send aid.",
     "PHONE_CALL", {kKari, kPark}, kHappened, {}},
    {"WhomMet",
     "Park Min-ho, whom Nordmann met in Seoul last week, praised Norway.",
     "MEET", {kPark, kOla}, kHappened, {}},
    {"OnTheObject",
     "Nordmann praised Virtanen, who had met Chilean Foreign Minister Rosa Fuentes in Santiago.",
     "MEET", {kKari, "Rosa Fuentes"}, kHappened, {kOla}},
};
INSTANTIATE_TEST_SUITE_P(RelativeClauses, StructureTest, ::testing::ValuesIn(kRelativeClauses),
                         CaseName);

// "X's meeting with Y": the possessor takes part.
const std::vector<Case> kPossessives = {
    {"MeetingLasted",
     "Nordmann's meeting with Virtanen lasted two hours.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"PhoneCallFocused",
     "Virtanen's phone call with Park Min-ho on Tuesday focused on trade.",
     "PHONE_CALL", {kKari, kPark}, kHappened, {}},
    {"TalksEnded",
     "Park Min-ho's talks with Chilean Foreign Minister Rosa Fuentes ended without agreement.",
     "MEET", {kPark, "Rosa Fuentes"}, kHappened, {}},
    {"PraisedSomeoneElsesMeeting",
     "Chilean President Diego Morales praised Nordmann's meeting with Virtanen.",
     "MEET", {kOla, kKari}, kHappened, {"Diego Morales"}},
};
INSTANTIATE_TEST_SUITE_P(Possessives, StructureTest, ::testing::ValuesIn(kPossessives),
                         CaseName);

// "hold talks", "have a call": the light verb's subject is the participant.
const std::vector<Case> kLightVerbs = {
    {"HeldTalks",
     "Nordmann held talks with Virtanen in Helsinki on Tuesday.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"HadAPhoneCall",
     "Virtanen had a phone call with Park Min-ho on Wednesday.",
     "PHONE_CALL", {kKari, kPark}, kHappened, {}},
    {"HadAVideoCall",
     "Park Min-ho had a video call with Chilean Foreign Minister Rosa Fuentes.",
     "VIDEO_CALL", {kPark, "Rosa Fuentes"}, kHappened, {}},
    {"HadAConversationByTelephone",
     "Nordmann had a long conversation with Virtanen by telephone.",
     "PHONE_CALL", {kOla, kKari}, kHappened, {}},
    {"WillHoldAMeeting",
     "Virtanen will hold a meeting with Prime Minister Jonas Berg of Norway on Monday.",
     "MEET", {kKari, "Jonas Berg"}, kPlanned, {}},
    {"JointPressConference",
     "Nordmann and Virtanen gave a joint press conference in Oslo on Thursday.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"NewsConferenceWith",
     "Park Min-ho held a news conference with Virtanen after their lunch.",
     "MEET", {kPark, kKari}, kHappened, {}},
    {"WelcomedToTheCapital",
     "Virtanen welcomed Nordmann to Helsinki on Wednesday.",
     "MEET", {kKari, kOla}, kHappened, {}},
    {"HadDinnerWith",
     "Nordmann had dinner with Virtanen in Helsinki on Sunday evening.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"LunchTogether",
     "Park Min-ho and Virtanen had lunch together in Seoul on Friday.",
     "MEET", {kPark, kKari}, kHappened, {}},
    {"HeldABilateralWith",
     "Virtanen held a bilateral with Nordmann on the sidelines of the forum.",
     "MEET", {kKari, kOla}, kHappened, {}},
    {"ScheduledToSpeakByPhone",
     "Park Min-ho and Virtanen are scheduled to speak by phone later this week.",
     "PHONE_CALL", {kPark, kKari}, kPlanned, {}},
    {"TelephonedSomeone",
     "Virtanen telephoned Nordmann on Monday.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {}},
    {"CalledHisCounterpart",
     "Virtanen called his Norwegian counterpart Ola Nordmann on Monday.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {}},
    {"CoordinatedTalked",
     "Virtanen and Park Min-ho talked on Monday, a spokesman said.",
     "PHONE_CALL", {kKari, kPark}, kHappened, {}},
    {"ToldDuringATwoHourCall",
     "Park Min-ho told Virtanen during a two-hour call on Thursday that the deal would hold.",
     "PHONE_CALL", {kPark, kKari}, kHappened, {}},
    {"DialedSomeone",
     "Park Min-ho dialed Nordmann on Friday to discuss the quotas.",
     "PHONE_CALL", {kPark, kOla}, kHappened, {}},
    {"SpokeThisEveningWith",
     "Nordmann spoke this evening with Park Min-ho about the fisheries dispute.",
     "PHONE_CALL", {kOla, kPark}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(LightVerbs, StructureTest, ::testing::ValuesIn(kLightVerbs), CaseName);

// The "by" agent of a passive is a participant like an active subject.
const std::vector<Case> kPassives = {
    {"ReceivedBy",
     "Nordmann was received by Virtanen in Helsinki on Monday.",
     "MEET", {kOla, kKari}, kHappened, {}},
    {"GreetedBy",
     "Park Min-ho was greeted by Virtanen at the airport in Helsinki.",
     "MEET", {kPark, kKari}, kHappened, {}},
    {"HostedBy",
     "Nordmann was hosted by Chilean President Diego Morales in Santiago on Tuesday.",
     "MEET", {kOla, "Diego Morales"}, kHappened, {}},
    {"PhonedBy",
     "Virtanen was phoned by Nordmann on Thursday.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(Passives, StructureTest, ::testing::ValuesIn(kPassives), CaseName);

// Coordinated verbs share the subject; each verb keeps its own objects.
const std::vector<Case> kVerbCoordination = {
    {"FlewAndMetWith",
     "Nordmann flew to Seoul and met with Park Min-ho.",
     "MEET", {kOla, kPark}, kHappened, {}},
    {"ArrivedAndHeldTalks",
     "Virtanen arrived in Oslo on Monday and held talks with Nordmann.",
     "MEET", {kKari, kOla}, kHappened, {}},
    {"LandedAndMet",
     "Park Min-ho landed in Santiago on Tuesday, met Chilean President Diego Morales and then "
     "left for Lima.",
     "MEET", {kPark, "Diego Morales"}, kHappened, {}},
    // The met person does not travel with the subject.
    {"MetThenFlewVisit",
     "Nordmann met Virtanen on Monday and then flew to Seoul.",
     "VISIT", {kOla}, kHappened, {}},
    // The call's object is not the meeting's.
    {"PhonedThenMetCall",
     "Virtanen phoned Nordmann and then met Park Min-ho.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {}},
    {"PhonedThenMetMeeting",
     "Virtanen phoned Nordmann and then met Park Min-ho.",
     "MEET", {kKari, kPark}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(VerbCoordination, StructureTest,
                         ::testing::ValuesIn(kVerbCoordination), CaseName);

// Control verbs: the infinitive's subject is the controller, and the
// event is planned.
const std::vector<Case> kControl = {
    {"ExpectedToTravelToMeet",
     "Nordmann is expected to travel to Seoul to meet Park Min-ho.",
     "MEET", {kOla, kPark}, kPlanned, {}},
    {"ExpectedToTravelIsAVisit",
     "Nordmann is expected to travel to Seoul to meet Park Min-ho.",
     "VISIT", {kOla}, kPlanned, {}},
    {"AgreedToMeet",
     "Virtanen agreed to meet Chilean Foreign Minister Rosa Fuentes next month.",
     "MEET", {kKari, "Rosa Fuentes"}, kPlanned, {}},
    {"PlansToSpeak",
     "Park Min-ho plans to speak with Nordmann by phone on Monday.",
     "PHONE_CALL", {kPark, kOla}, kPlanned, {}},
    {"HopesToHoldTalks",
     "Chilean President Diego Morales hopes to hold talks with Virtanen in Helsinki.",
     "MEET", {"Diego Morales", kKari}, kAny, {}},
};
INSTANTIATE_TEST_SUITE_P(Control, StructureTest, ::testing::ValuesIn(kControl), CaseName);

// "X invited Y to visit": the invited one travels, not the host.
const std::vector<Case> kInvitations = {
    {"InvitedToVisitCapital",
     "Nordmann invited Virtanen to visit Oslo.",
     "VISIT", {kKari}, kPossible, {}},
    {"InvitedToVisitNextYear",
     "Park Min-ho invited Chilean President Diego Morales to visit Seoul next year.",
     "VISIT", {"Diego Morales"}, kPossible, {}},
    {"InvitedToCityForTalks",
     "Virtanen has invited Nordmann to Helsinki for talks.",
     "VISIT", {kOla}, kPossible, {}},
    {"AcceptedAnInvitation",
     "Nordmann accepted an invitation from Virtanen to visit Finland in the autumn.",
     "VISIT", {kOla}, kPlanned, {}},
    {"UrgedToComeTo",
     "Virtanen urged Nordmann to come to Helsinki for talks in the spring.",
     "VISIT", {kOla}, kAny, {}},
    {"AtTheInvitationOf",
     "At the invitation of Park Min-ho, Virtanen will visit Seoul in July.",
     "VISIT", {kKari}, kPlanned, {}},
};
INSTANTIATE_TEST_SUITE_P(Invitations, StructureTest, ::testing::ValuesIn(kInvitations),
                         CaseName);

// People in the sentence who are no argument of the contact.
const std::vector<Case> kBystanders = {
    {"WeekAfterCriticised",
     "Nordmann met Virtanen in Oslo, a week after Park Min-ho criticised the plan.",
     "MEET", {kOla, kKari}, kHappened, {kPark}},
    {"WhosePredecessorRefused",
     "Nordmann, whose predecessor, former Foreign Minister Jonas Berg, had refused such talks, "
     "met Virtanen in Helsinki.",
     "MEET", {kOla, kKari}, kHappened, {"Jonas Berg"}},
    {"DaysAfterWarned",
     "Park Min-ho met Chilean Foreign Minister Rosa Fuentes on Monday, days after Virtanen "
     "warned against the deal.",
     "MEET", {kPark, "Rosa Fuentes"}, kHappened, {kKari}},
    {"TalksAboutSomeonesProposal",
     "Nordmann held talks with Virtanen about a proposal from Park Min-ho.",
     "MEET", {kOla, kKari}, kHappened, {kPark}},
    {"WhoseDeputyDrafted",
     "Virtanen spoke by phone with Nordmann, whose deputy, State Secretary Erik Haugen, had "
     "drafted the plan.",
     "PHONE_CALL", {kKari, kOla}, kHappened, {"Erik Haugen"}},
};
INSTANTIATE_TEST_SUITE_P(Bystanders, StructureTest, ::testing::ValuesIn(kBystanders), CaseName);

// Whoever reports the contact does not take part in it.
const std::vector<Case> kReporters = {
    {"ToldReportersThat",
     "Park Min-ho told reporters that Nordmann had met Virtanen in Helsinki on Tuesday.",
     "MEET", {kOla, kKari}, kHappened, {kPark}},
    {"AccordingTo",
     "According to Chilean Foreign Minister Rosa Fuentes, Nordmann spoke by phone with Virtanen "
     "on Monday.",
     "PHONE_CALL", {kOla, kKari}, kHappened, {"Rosa Fuentes"}},
    {"TrailingSaid",
     "Nordmann met Park Min-ho in Seoul, Virtanen said on Friday.",
     "MEET", {kOla, kPark}, kHappened, {kKari}},
    {"ConfirmedThat",
     "Virtanen confirmed that Nordmann and Park Min-ho held talks last week.",
     "MEET", {kOla, kPark}, kHappened, {kKari}},
};
INSTANTIATE_TEST_SUITE_P(Reporters, StructureTest, ::testing::ValuesIn(kReporters), CaseName);

// One meeting with several guests is one event with everybody, not a set
// of bilaterals.
const std::vector<Case> kMultiParty = {
    {"ConvenedAMeetingWith",
     "Virtanen convened a meeting with Nordmann, Park Min-ho and Chilean Foreign Minister Rosa "
     "Fuentes in Helsinki.",
     "MEET", {kKari, kOla, kPark, "Rosa Fuentes"}, kHappened, {}},
    {"HostedAMeetingWith",
     "Nordmann hosted a meeting in Oslo with Virtanen, Park Min-ho and Chilean President Diego "
     "Morales.",
     "MEET", {kOla, kKari, kPark, "Diego Morales"}, kHappened, {}},
    {"VideoConferenceWith",
     "Park Min-ho held a video conference with Nordmann, Virtanen and Chilean Foreign Minister "
     "Rosa Fuentes on Thursday.",
     "VIDEO_CALL", {kPark, kOla, kKari, "Rosa Fuentes"}, kHappened, {}},
    {"ChairedTalksWith",
     "Chilean President Diego Morales chaired talks with Nordmann, Virtanen and Park Min-ho.",
     "MEET", {"Diego Morales", kOla, kKari, kPark}, kHappened, {}},
    // The convening verb takes the noun's mode: one call of four.
    {"ConvenedACallWith",
     "Virtanen convened a call with Nordmann, Park Min-ho and Chilean President Diego Morales "
     "on Monday.",
     "PHONE_CALL", {kKari, kOla, kPark, "Diego Morales"}, kHappened, {}},
};
INSTANTIATE_TEST_SUITE_P(MultiParty, StructureTest, ::testing::ValuesIn(kMultiParty), CaseName);

// Texts that name two people and a trigger-like word but report no contact
// (and no trip).
const std::vector<Case> kNoEvent = {
    {"CalledSomeoneAnAlly",
     "Virtanen called Park Min-ho an old ally in a speech to parliament.",
     "", {}, kAny, {}},
    {"MetTargets",
     "Nordmann met the fishing quota targets that Virtanen had set.",
     "", {}, kAny, {}},
    {"MetReportersAfterSpeech",
     "Nordmann met reporters after Virtanen's speech on Monday.",
     "", {}, kAny, {}},
    {"NoTrigger",
     "Nordmann and Virtanen both criticised the trade plan on Monday.",
     "", {}, kAny, {}},
    {"PraisedAMeetingWithUnnamed",
     "Park Min-ho praised Virtanen's meeting with Finnish farmers.",
     "", {}, kAny, {}},
    {"WelcomedAnOffer",
     "Virtanen welcomed Nordmann's offer of help on Friday.",
     "", {}, kAny, {}},
    {"MeetForADebate",
     "Nordmann and Virtanen could meet in the vice-presidential debate in June.",
     "", {}, kAny, {}},
    {"HyphenatedTicketIsNoPerson",
     "It was the third of several rounds of talks that the Nordmann-Virtanen Administration led.",
     "", {}, kAny, {}},
    {"CameToAnAgreement",
     "Nordmann and Virtanen came to an agreement on quotas.",
     "", {}, kAny, {}},
};
INSTANTIATE_TEST_SUITE_P(NoEvent, StructureTest, ::testing::ValuesIn(kNoEvent), CaseName);

}  // namespace
}  // namespace newsgraph
