// Clause-level constructions that decide who took part and whether it
// happened: the speaker of "said after meeting", a fronted perfect
// participle, a possessor who names someone else ("X's deputy"), reciprocal
// and gathering verbs, arrivals and departures, presence clauses, passive
// welcomes, purpose clauses of a journey told in the past, and trips named
// again without a place. All sentences are written for these tests, with the
// people of the test KB; published on Friday 2023-06-02.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "importers/knowledge_base.h"
#include "schema/ontology.h"
#include "tests/importers/structure_case.h"

namespace newsgraph {
namespace {

using structure::Case;
using structure::CaseName;

class ClauseStructureTest : public ::testing::TestWithParam<Case> {};

TEST_P(ClauseStructureTest, Extracts) { structure::CheckCase(GetParam()); }

constexpr pb::Factuality kHappened = pb::HAPPENED;
constexpr pb::Factuality kPlanned = pb::PLANNED;
constexpr pb::Factuality kPossible = pb::POSSIBLE;

// Who did it: the clause structure names the participants.
const std::vector<Case> kParticipants = {
    {"SpeakerOfSaidAfterMeeting",
     "Nordmann said after meeting with Virtanen on Tuesday that the Nordic states must act "
     "together.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"FrontedPerfectParticiple",
     "Having spoken with Virtanen by phone on Thursday, Nordmann announced new funding.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"PossessorOfAnotherPerson",
     "Nordmann phoned Virtanen's deputy on Monday.", {}, {"PHONE_CALL"}},
    {"SatDownTogether",
     "Park Min-ho and Virtanen sat down together on Monday.",
     {{"MEET", {kPark, kKari}, kHappened}}, {}},
    {"GatheredIn",
     "Nordmann, Virtanen and Park Min-ho gathered in Bergen on Wednesday.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"WelcomedPassiveGuestTravels",
     "Virtanen was welcomed in Oslo on Tuesday by Nordmann.",
     {{"MEET", {kKari, kOla}, kHappened}, {"VISIT", {kKari}, kHappened}}, {}},
    {"TitleOnlyNextDayPastTense",
     "Nordmann met Virtanen on Thursday. A day later, the Finnish president met Park Min-ho.",
     {{"MEET", {kOla, kKari}, kHappened}, {"MEET", {kKari, kPark}, kHappened}}, {}},
    {"DashEnclosedListBeforeVerb",
     "On Friday the three leaders - President Virtanen of Finland, Foreign Minister Nordmann "
     "of Norway and Prime Minister Park Min-ho of South Korea - convened to discuss fishing.",
     {{"MEET", {kKari, kOla, kPark}, kHappened}}, {}},
    // The parser reads "Virtanen of Finland" as "Virtanen" (ParseLeftOut).
    {"NamesWithTheirStatesInAList",
     "Nordmann met on Monday with Virtanen of Finland and Park Min-ho of South Korea, and "
     "said they had agreed on fishing quotas.",
     {{"MEET", {kOla, kKari}, kHappened}, {"MEET", {kOla, kPark}, kHappened}}, {}},
    // The dateline is left out of the parse (HeadTrimEnd).
    {"DatelineBeforeTheTalks",
     "BERGEN, Norway — Foreign Minister Ola Nordmann spent about six hours in talks with "
     "President Kari Virtanen in Bergen on Saturday, a sign that the two governments want "
     "closer ties despite their quarrel.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"MeetingAheadOfSummitIsNoSummit",
     "Nordmann met Virtanen at the Royal Palace on Monday ahead of the alliance's summit.",
     {{"MEET", {kOla, kKari}, kHappened}}, {"SUMMIT"}},
    {"CounterpartsNamedInTheNextSentence",
     "Nordmann met his Finnish and South Korean counterparts in Busan on Friday. Virtanen and "
     "Park Min-ho later held a news conference.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"MediumByVideoLink",
     "Nordmann and Virtanen held talks with Park Min-ho by video link on Friday.",
     {{"VIDEO_CALL", {kOla, kKari, kPark}, kHappened}}, {"MEET"}},
    {"BilateralOnTheMarginsOfASummit",
     "Virtanen met Park Min-ho on the margins of the Arctic Summit in Tampere on Monday.",
     {{"MEET", {kKari, kPark}, kHappened}}, {"SUMMIT"}},
    {"SeparateCallsWithAGroup",
     "Virtanen and Park Min-ho signed the accord. Nordmann later had separate calls with the "
     "leaders of Finland and South Korea.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}, {"PHONE_CALL", {kOla, kPark}, kHappened}}, {}},
    {"GroupWithAnUnknownQualifierIsNoOne",
     "Nordmann met Virtanen on Monday. On Tuesday Park Min-ho met with foreign ministers from "
     "Central Asia.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"ShookHands", "Park Min-ho and Virtanen shook hands in Busan on Monday.",
     {{"MEET", {kPark, kKari}, kHappened}}, {}},
    {"DinedWith", "Nordmann dined with Virtanen in Tampere on Tuesday.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"ExchangedViewsWith", "Virtanen exchanged views with Park Min-ho on Thursday.",
     {{"MEET", {kKari, kPark}, kHappened}}, {}},
    // The possessive looks ahead to the clause's coordinated subject, and
    // "since the election" opens no clause of its own.
    {"FrontedPhraseWithCoordinatedSubject",
     "In their first meeting since the election, Virtanen and Park Min-ho sat down in Tampere "
     "on Wednesday.",
     {{"MEET", {kKari, kPark}, kHappened}}, {}},
    // A contact noun that opens the sentence takes the tense of its verb.
    {"NounSubjectOfAPlan", "Talks between Nordmann and Virtanen are planned for Friday.",
     {{"MEET", {kOla, kKari}, kPlanned}}, {}},
    {"NounSubjectWillTakePlace", "The meeting between Virtanen and Park Min-ho will take place "
     "in Busan.",
     {{"MEET", {kKari, kPark}, kPlanned}}, {}},
    {"ZoomCallIsAVideoCall", "Virtanen held a Zoom call with Park Min-ho on Sunday.",
     {{"VIDEO_CALL", {kKari, kPark}, kHappened}}, {}},
    {"GotOnThePhoneWith", "Nordmann got on the phone with Virtanen after the vote.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"InAPhoneCallTakesTheClausePeople",
     "Nordmann relayed the ministers' concerns to Virtanen in a phone call on Friday.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    // The agents of a passive whose subject is the contact noun took part.
    // A relative clause's passive agents take part in the noun's contact,
    // in a sentence short enough to parse and in one too long for it.
    {"RelativeClauseCoChairedBy",
     "Park Min-ho spoke at the meeting, which was co-chaired by Nordmann and Virtanen.",
     {{"MEET", {kPark, kOla, kKari}, kHappened}}, {}},
    {"LongRelativeClauseCoChairedBy",
     "Park Min-ho gave remarks on Friday at the senior officials meeting in Santiago, which was "
     "co-chaired by Norwegian Foreign Minister Ola Nordmann and Finnish President Kari Virtanen.",
     {{"MEET", {kPark, kOla, kKari}, kHappened}}, {}, /*also_without_parse=*/true},
    {"MeetingAttendedBy", "The meeting was attended by Nordmann, Virtanen and Park Min-ho.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"CoChairedWithParticipationBy",
     "The session of talks was co-chaired by Virtanen with participation by Nordmann and Park "
     "Min-ho on Tuesday.",
     {{"MEET", {kKari, kOla, kPark}, kHappened}}, {}},
    // Bystanders: a relative clause before the verb, a source after it.
    {"RelativeClauseBeforeTheVerb",
     "Nordmann, whose predecessor Lena Berg had courted Park Min-ho, met Virtanen on Friday.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"AccordingToIsASource", "Nordmann spoke with Virtanen, according to Park Min-ho.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"PeopleOfAWhereClause",
     "Virtanen joined a call with Nordic ministers on Saturday, where Nordmann pressed him on "
     "fishing quotas.",
     {{"PHONE_CALL", {kKari, kOla}, kHappened}}, {}},
    {"WelcomedToAPlaceGuestTravels", "Virtanen welcomed Park Min-ho to Helsinki on Monday.",
     {{"MEET", {kKari, kPark}, kHappened}, {"VISIT", {kPark}, kHappened}}, {}},
    // Welcoming guests together is one gathering, as hosting is.
    {"WelcomedTwoGuestsForAMeeting",
     "Virtanen welcomed Prime Minister Park Min-ho and Foreign Minister Nordmann for a joint "
     "meeting in Tampere on Monday.",
     {{"MEET", {kKari, kPark, kOla}, kHappened},
      {"VISIT", {kPark}, kHappened},
      {"VISIT", {kOla}, kHappened}},
     {}},
    // "his host" names a role; "greeted him" is not the greeter himself.
    {"ObjectPronounIsNotTheSubject",
     "Park Min-ho arrived in Oslo on Monday. His host, Nordmann, greeted him at the palace.",
     {{"VISIT", {kPark}, kHappened}, {"MEET", {kPark, kOla}, kHappened}}, {}},
    // A meeting the speaker looks forward to is planned.
    {"LooksForwardToSeeing",
     "Nordmann spoke by phone with Virtanen on Monday. Nordmann said he looks forward to seeing "
     "the President in Santiago next month.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}, {"MEET", {kOla, kKari}, kPlanned}}, {}},
    {"SeeingAFilmIsNoMeeting",
     "Nordmann said he looks forward to seeing that new film about the fjords.", {}, {"MEET"}},
    // Lists of people: honorifics with a full stop, titles the title
    // reader does not know, a group noun whose "including" list goes on.
    {"HonorificsWithFullStopsAndVirtualMeeting",
     "Mr. Nordmann and Mr. Virtanen held a virtual trilateral meeting with Park Min-ho on "
     "Monday.",
     {{"VIDEO_CALL", {kOla, kKari, kPark}, kHappened}}, {"MEET"}},
    {"ListGoesOnThroughIncluding",
     "Nordmann met with Virtanen, and members of the Finnish delegation including Foreign "
     "Minister Aino Laine and Trade Minister Mika Salo, in Helsinki on Monday.",
     {{"MEET", {kOla, kKari, "Aino Laine", "Mika Salo"}, kHappened}}, {}},
    {"UnknownTitlesInsideAList",
     "Park Min-ho met Coast Guard Commander Erik Dahl, Foreign Minister (FM) Ola Nordmann and "
     "Virtanen in Oslo on Monday.",
     {{"MEET", {kPark, "Erik Dahl", kOla, kKari}, kHappened}}, {}},
    // A medium phrase makes a call of the verb it hangs from, and a partner
    // phrase after the medium is the call's.
    {"DiscussedByPhone", "Nordmann and Virtanen discussed fishing quotas by phone on Monday.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"ToldReportersByPhoneIsNoCall", "Nordmann told reporters by phone that talks went well.", {},
     {"PHONE_CALL"}},
    {"TalksByVideoconferenceWith",
     "Park Min-ho held talks by videoconference with Virtanen on Friday.",
     {{"VIDEO_CALL", {kPark, kKari}, kHappened}}, {"MEET"}},
    {"ProgressiveMeetingHasASubject",
     "Nordmann is meeting with Virtanen in Helsinki today.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    // "Participants" opens a list only with a listing word; a possessor
    // is never listed.
    {"ParticipantsWhoDiscussedListNoOne",
     "Nordmann met Virtanen in Oslo on Monday. Participants also discussed Park Min-ho's "
     "shipbuilding plan.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"ParticipantsIncluded",
     "Nordmann hosted talks on fisheries in Oslo on Monday. Participants included Virtanen and "
     "Park Min-ho.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"AddressedAMeetingOf",
     "Park Min-ho addressed a meeting of Nordmann and Virtanen by video link on Monday.",
     {{"VIDEO_CALL", {kPark, kOla, kKari}, kHappened}}, {}},
    {"JoinedInUrgingIsNoMeeting",
     "Nordmann joined Virtanen in urging both sides to stop the fighting.", {}, {"MEET"}},
    {"BetweenListEndsAfterItsAnd",
     "Following the May 3 meeting between Nordmann and Virtanen, Park Min-ho and Chilean Foreign "
     "Minister Rosa Fuentes signed a fisheries pact.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"OfficeServedIsPartOfTheTitle",
     "Today Lars Holm, Special Assistant to the President and Director for Fisheries, and Eva "
     "Dahl, Senior Advisor to the Prime Minister, met with Park Min-ho.",
     {{"MEET", {"Lars Holm", "Eva Dahl", kPark}, kHappened}}, {}},
    // An event that is the topic of talk is not attended by the talkers.
    {"SummitAsTopicOfACall",
     "Nordmann spoke by phone with Virtanen on Monday. The two men discussed arrangements for "
     "next month's Arctic Four summit in Busan.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"SUMMIT", "MEET"}},
    {"SummitAsObjectOfDiscussed",
     "Nordmann met Virtanen in Oslo on Monday. The two leaders discussed the upcoming Arctic Four "
     "summit in Busan.",
     {{"MEET", {kOla, kKari}, kHappened}}, {"SUMMIT"}},
    {"TheirOwnMeetingDiscussedIsTheirs",
     "Nordmann spoke by phone with Virtanen on Monday. They discussed their upcoming meeting in "
     "Santiago.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}, {"MEET", {kOla, kKari}, kPlanned}}, {}},
    {"EngagementBetweenStatesHasNoPeople",
     "Nordmann called Virtanen on Monday. They agreed on the value of steady trade in the "
     "Arctic, with Mr Nordmann welcoming constructive engagement between Chile and South Korea.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"SUMMIT", "MEET"}},
    // An object relative clause: the antecedent is whom the verb's subject met.
    {"WhomSheMetIsTheAntecedent",
     "Virtanen flew to Santiago on Monday to see Park Min-ho, whom she last met in Oslo in March.",
     {{"MEET", {kKari, kPark}, kHappened}}, {}},
    // A relative clause of several commas between the subject and its verb.
    {"RelativeClauseWithCommasBeforeATrip",
     "Virtanen, the Finnish president, who is the successor of Lena Berg, an old rival of Park "
     "Min-ho from the years when both of them served as young envoys in Geneva, travelled to "
     "Oslo on Monday.",
     {{"VISIT", {kKari}, kHappened}}, {"MEET"}, /*also_without_parse=*/true},
    {"RelativeClauseWithCommasBeforeAMeeting",
     "Virtanen, the Finnish president, who is the successor of Lena Berg, an old rival of Park "
     "Min-ho from the years when both of them served as young envoys in Geneva, met Nordmann in "
     "Oslo on Monday.",
     {{"MEET", {kKari, kOla}, kHappened}}, {}, /*also_without_parse=*/true},
    // A name in apposition to a described conjunct of the object list.
    {"DescribedConjunctInApposition",
     "Virtanen then met Nordmann and the chairman of the parliament's standing committee on "
     "trade, Park Min-ho.",
     // People of two other states met one by one: two meetings.
     {{"MEET", {kKari, kOla}, kHappened}, {"MEET", {kKari, kPark}, kHappened}}, {},
     /*also_without_parse=*/true},
    // A named, dated summit in an "at" phrase takes its clause's people.
    {"NamedSummitTakesTheClausePeople",
     "The envoys reviewed the pledges that Virtanen and Nordmann made at the June 2022 Arctic "
     "Four Summit, including on fisheries.",
     {{"SUMMIT", {kKari, kOla}, kHappened}}, {}, /*also_without_parse=*/true},
    // A summit an infinitive aims at is a goal: no summit, no trip there.
    {"SummitAsTheGoalOfAnInfinitive",
     "Nordmann spoke with Virtanen on Monday. Nordmann thanked Finland for its work on fisheries, "
     "and both leaders stressed their resolve to reach a fair catch deal at the Arctic Four "
     "Summit in Busan.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"VISIT"}, /*also_without_parse=*/true},
    // "They" are the story's pair, not a pair it recalls from another month.
    {"TheyAreNotARecalledPair",
     "Nordmann met Park Min-ho in Busan on Friday. The talks built on pledges that Virtanen and "
     "Nordmann made at the June 2022 Arctic Four Summit. Fisheries were the main topic. They "
     "also agreed to hold a phone call soon.",
     {{"MEET", {kOla, kPark}, kHappened}, {"PHONE_CALL", {kOla, kPark}, kPlanned}}, {}},
    // Whoever asked for the trip did not take part in its talks.
    {"AtTheRequestOfSendsNoParticipant",
     "Virtanen flew to Oslo to inspect last winter's storm damage to the harbour at the request "
     "of Park Min-ho and held talks with Nordmann.",
     {{"MEET", {kKari, kOla}, kHappened}}, {}, /*also_without_parse=*/true},
    // A phrase hung on the person addressed still holds the clause's people.
    {"RelayedToYInACallWithoutADate",
     "Nordmann relayed the ministers' concerns to Virtanen in a phone call.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Participants, ClauseStructureTest, ::testing::ValuesIn(kParticipants),
                         CaseName);

// "will host a group of French and German leaders": with the parser off,
// a group phrase as a contact's only object stands for the people of the
// states it names. The people are the shipped knowledge base's.
TEST(GroupObjectTest, GroupPhraseAsTheOnlyObjectWithoutTheParser) {
  absl::StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadDefault();
  ASSERT_TRUE(kb.ok()) << kb.status();
  Extractor extractor(&*kb, ExtractorOptions{.parse_sentences = false});
  ArticleInput article;
  article.id = "g1";
  article.date = "2024-05-10";
  article.text =
      "Emmanuel Macron and Olaf Scholz arrived in Poland on Sunday. Andrzej Duda is to host a "
      "group of French and German leaders at a long dinner in Warsaw that was arranged after "
      "their journey across the northern plains.";
  absl::StatusOr<Extraction> x = extractor.Extract(article);
  ASSERT_TRUE(x.ok()) << x.status();
  bool found = false;
  for (const ExtractedEvent& e : x->events) {
    found |= ExportEventType(e.plover_type, e.mode) == "MEET" &&
             SortedNames(e) == "Andrzej Duda, Emmanuel Macron, Olaf Scholz";
  }
  EXPECT_TRUE(found) << DescribeEvents(*x);
}

// Arrivals, departures and presence: a trip, and whether it took place.
const std::vector<Case> kTrips = {
    // "visits to <place> by X and Y": each agent travels there.
    {"VisitsToAPlaceByTwoAgents",
     "The ministers welcomed upcoming visits to Santiago by Nordmann and Park Min-ho.",
     {{"VISIT", {kOla}, kPlanned}, {"VISIT", {kPark}, kPlanned}}, {}, /*also_without_parse=*/true},
    {"TouchedDownIn", "Virtanen touched down in Seoul on Sunday.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    {"LeftFor", "Park Min-ho left for Helsinki on Thursday.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"DueIn", "Nordmann is due in Santiago on Monday.", {{"VISIT", {kOla}, kPlanned}}, {}},
    // A past verb that implies its infinitive reports the contact.
    {"ChoseTheWeekToVisit",
     "Nordmann chose the last week of his term to visit Virtanen in Helsinki.",
     {{"VISIT", {kOla}, kHappened}, {"MEET", {kOla, kKari}, kHappened}}, {},
     /*also_without_parse=*/true},
    {"ManagedToMeet", "Park Min-ho managed to meet Virtanen in Busan.",
     {{"MEET", {kPark, kKari}, kHappened}}, {}},
    // A manner adverb between a pronoun subject and its verb.
    {"PronounAdverbVerb", "Nordmann praised the deal, and he quietly flew to Helsinki on Monday.",
     {{"VISIT", {kOla}, kHappened}}, {}, /*also_without_parse=*/true},
    // A place keeps its name behind the words of its condition.
    {"NeighbouringState", "Virtanen flew to neighbouring Norway on Monday.",
     {{"VISIT", {kKari}, kHappened}}, {}, /*also_without_parse=*/true},
    {"WarTornState", "Park Min-ho paid a visit to war-torn Chile in May.",
     {{"VISIT", {kPark}, kHappened}}, {}, /*also_without_parse=*/true},
    // Forces stationed are no one's stay.
    {"MilitaryPresenceIsNoVisit",
     "Nordmann thanked Chile for the Norwegian military presence in Santiago.", {}, {"VISIT"},
     /*also_without_parse=*/true},
    // Presence at a gathering named only by reference is at its place.
    {"PresentAtThatEvent",
     "A summit of Pacific states will take place in Santiago next month. Nordmann said he "
     "would not be present at the summit, and he will be represented there by Finnish "
     "President Kari Virtanen.",
     {{"VISIT", {kOla}, pb::DENIED}, {"VISIT", {kKari}, kPlanned}}, {},
     /*also_without_parse=*/true},
    // A relative "where" clause travels to the place before its comma.
    {"WhereClauseDestination",
     "Santiago, where Nordmann will travel after Lima, is the hardest stop of the tour.",
     {{"VISIT", {kOla}, kPlanned}}, {}, /*also_without_parse=*/true},
    {"WhileInFronted", "While in Busan on Tuesday, Virtanen praised the shipyards.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    {"UponLanding", "Upon landing in Oslo on Sunday, Park Min-ho thanked his hosts.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"PurposeOfPastJourney", "Nordmann travelled to Seoul to meet Park Min-ho on Monday.",
     {{"VISIT", {kOla}, kHappened}, {"MEET", {kOla, kPark}, kHappened}}, {}},
    {"FirstToVisit",
     "Virtanen became the first Finnish president to visit Santiago on Tuesday.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    {"UnplacedTripInSameSentence",
     "On his first trip abroad since taking office, Park Min-ho went to Helsinki on Monday.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"UnplacedTripNamedAgain",
     "Nordmann travelled to Seoul on Wednesday. It was his first trip abroad this year.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"CompanionsTravelToo",
     "Nordmann and Virtanen are due to travel to Seoul together with Chilean Foreign Minister "
     "Rosa Fuentes.",
     {{"VISIT", {kOla, kKari, "Rosa Fuentes"}, kPlanned}}, {}},
    {"PluralVisitsByEach",
     "Officials are preparing for upcoming visits by Nordmann and Virtanen to Santiago.",
     {{"VISIT", {kOla}, kPlanned}, {"VISIT", {kKari}, kPlanned}}, {}},
    {"PluralDestinationThenList",
     "Over the past year Park Min-ho has visited several countries in Europe, including "
     "Norway and Finland.",
     {{"VISIT", {kPark}, kHappened}, {"VISIT", {kPark}, kHappened}}, {}},
    {"JettedTo", "Virtanen jetted to Santiago on Sunday.", {{"VISIT", {kKari}, kHappened}}, {}},
    {"AccompaniedByBeforeTheTrip",
     "Park Min-ho was accompanied by Nordmann on his trip to Helsinki.",
     {{"VISIT", {kPark, kOla}, kHappened}}, {}},
    {"TourOfThreeStates", "Nordmann is on a tour of Finland, Chile and South Korea this week.",
     {{"VISIT", {kOla}, kHappened}, {"VISIT", {kOla}, kHappened}, {"VISIT", {kOla}, kHappened}},
     {}},
    // A place whose name holds a state's is that place: the Finnish
    // president stays at home.
    {"PlaceNamedAfterAState", "Virtanen visited Little Norway on Monday.", {}, {"VISIT"}},
    {"ApposedPresence", "Nordmann, in Helsinki for talks, said the fishing deal was close.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"SpeakingInAForeignCity", "Virtanen, speaking in Seoul on Thursday, praised the accord.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    {"SpentDaysIn", "Park Min-ho spent three days in Norway last week.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"StoppedOverIn", "Nordmann stopped over in Busan on his way home.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"StateInvitesToItself", "Norway has invited Park Min-ho to visit, officials said.",
     {{"VISIT", {kPark}, kPossible}}, {}},
    {"InviteeIsTheNearestPersonNotTheSubject",
     "Nordmann said his office had reached out to Virtanen, inviting him to visit Oslo.",
     {{"VISIT", {kKari}, kPossible}}, {}},
    {"ObjectBeforeThePlace", "Virtanen visited a large shipyard in Busan on Tuesday.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    // "looks forward to visiting/meeting": the subject's plan; a
    // possessor after "visiting" is not the visitor, and "the home town
    // of Y" is Y.
    {"LooksForwardToVisitingAHomeTown",
     "Virtanen has long looked forward to visiting the premier's native town of Busan.",
     {{"VISIT", {kKari}, kPlanned}}, {"MEET"}},
    {"LooksForwardToMeeting", "Nordmann looks forward to meeting Park Min-ho in Seoul.",
     {{"MEET", {kOla, kPark}, kPlanned}}, {}},
    {"LedADelegationTo", "Last week Park Min-ho led a trade delegation to Chile.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"HeadedAQuotedMissionTo",
     "Nordmann headed a \"fisheries mission\" to Santiago and Seoul in March.",
     {{"VISIT", {kOla}, kHappened}, {"VISIT", {kOla}, kHappened}}, {}},
    {"MissionOfAnEmbassyIsNoTrip", "Nordmann praised the mission of Chile in Oslo.", {},
     {"VISIT"}},
    {"MemberNamedInsideTheSubject",
     "Arctic Four leaders, including Virtanen, will stop in Santiago after the summit.",
     {{"VISIT", {kKari}, kPlanned}}, {}},
    // A bare infinitive after an object has that object for its subject:
    // two trips, the second one planned.
    {"BareInfinitiveAfterObject",
     "Park Min-ho arrived in Oslo on Monday. The tour will also see him visit Finland.",
     {{"VISIT", {kPark}, kHappened}, {"VISIT", {kPark}, kPlanned}}, {}},
    {"HeadToAPlace", "Nordmann will head to Seoul next week.",
     {{"VISIT", {kOla}, kPlanned}}, {}},
    {"StayInACity", "During his stay in Seoul, Nordmann also toured a shipyard.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"StayInPowerIsNoTrip", "Virtanen hopes to stay in power until 2030.", {}, {"VISIT"}},
    {"ReturnedFromAPlace", "Nordmann returned from Seoul on Sunday.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"TravelledWithACompanion", "Nordmann travelled to Seoul with Virtanen on Monday.",
     {{"VISIT", {kOla, kKari}, kHappened}}, {}},
    {"ArrivedForTalksWithTheHost", "Nordmann arrived in Seoul for talks with Park Min-ho.",
     {{"VISIT", {kOla}, kHappened}, {"MEET", {kOla, kPark}, kHappened}}, {}},
    {"AttendedANamedSummitAbroad",
     "Nordmann today attended the annual Pacific Rim Forum Summit (PRFS) in Seoul.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"InvitingHimToVisit",
     "Virtanen said her office had reached out to Nordmann, inviting him to visit Finland.",
     {{"VISIT", {kOla}, kPossible}}, {}},
    // The comma that closes a fronted phrase is no coordination: the name
    // after it is the clause's subject, and travels.
    {"FrontedTalksThenFlew",
     "Following talks in Helsinki with Virtanen, Park Min-ho flew to Oslo.",
     {{"MEET", {kKari, kPark}, kHappened}, {"VISIT", {kPark}, kHappened}}, {}},
    // Doing something somewhere abroad is being there.
    {"ToursAFactory", "Nordmann toured a shipyard in Busan on Monday.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    {"LaidAWreath", "Park Min-ho laid a wreath in Helsinki on Monday.",
     {{"VISIT", {kPark}, kHappened}}, {}},
    {"SpokeToReportersIn", "Virtanen spoke to reporters in Oslo on Monday.",
     {{"VISIT", {kKari}, kHappened}}, {}},
    {"SpeakingInFronted", "Speaking in Seoul on Monday, Nordmann urged calm.",
     {{"VISIT", {kOla}, kHappened}}, {}},
    // The destination of a way is a trip of its own; a region named with
    // the stops in it is none.
    {"OnHisWayTo", "Nordmann will stop in Helsinki on his way to Seoul.",
     {{"VISIT", {kOla}, kPlanned}, {"VISIT", {kOla}, kPlanned}}, {}},
    {"RegionWithItsStops",
     "Nordmann will embark on a tour of Asia next week, with stops in Seoul and Santiago.",
     {{"VISIT", {kOla}, kPlanned}, {"VISIT", {kOla}, kPlanned}}, {}},
    // A date of background long before the story dates nothing after it.
    {"BackgroundDateFramesNoLaterTrip",
     "Nordmann arrived in Seoul on Monday for a four-day visit. Busan is where a ferry sank in "
     "March 2014. Nordmann also visited Busan.",
     {{"VISIT", {kOla}, kHappened}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Trips, ClauseStructureTest, ::testing::ValuesIn(kTrips), CaseName);

// Groups the article names once and refers to again: a group noun whose
// aside lists its members ("ministers - the ministers of A and B, and C's
// minister - visited"), the same group named again with the same words
// ("the Nordic ministers"), a collective noun's "of" phrase ("a delegation
// of Nordic ministers"), and "their trip", which is not the trip of the
// one person the sentence opens with.
const std::vector<Case> kGroups = {
    {"MembersListedInDashAside",
     "Nordmann and Finnish Foreign Minister Aino Laine met in Oslo in May. Two Nordic "
     "ministers - the foreign ministers of Norway and Finland - visited South Korea on Monday to "
     "discuss shipbuilding.",
     {{"VISIT", {kOla, "Aino Laine"}, kHappened}},
     {}},
    {"MembersListedInBrackets",
     "Chilean Foreign Minister Rosa Fuentes, Nordmann and Park Min-ho signed a fisheries pact last "
     "year. Three "
     "Pacific envoys (the foreign ministers of Chile and Norway, and South Korea's prime minister) "
     "visited Finland on Tuesday.",
     {{"VISIT", {"Rosa Fuentes", kOla, kPark}, kHappened}},
     {}},
    {"SameGroupNamedAgain",
     "Nordmann and Finnish Foreign Minister Aino Laine spoke at a forum in Bergen in April. Two "
     "Nordic ministers - the foreign ministers of Norway and Finland - arrived in Seoul on "
     "Monday. The Nordic ministers met Park Min-ho on Tuesday.",
     {{"MEET", {kOla, "Aino Laine", kPark}, kHappened}},
     {}},
    {"DelegationOfNamedGroup",
     "Nordmann and Finnish Foreign Minister Aino Laine toured Busan last week, and the Nordic "
     "ministers, the foreign ministers of Norway and Finland, praised its shipyards. Park Min-ho "
     "will host a delegation of Nordic ministers in Seoul on Monday.",
     {{"MEET", {kOla, "Aino Laine", kPark}, kPlanned}},
     {}},
    // "The delegation" stands for the people who lead it; its members
    // meeting no one named is no contact among them.
    {"DelegationLedByNamedPeople",
     "On Monday a Norwegian delegation led by Foreign Minister Ola Nordmann and Trade Minister "
     "Lars Holm arrived in Seoul. The delegation met with Park Min-ho for two hours. The "
     "delegation also met with local shipbuilders.",
     {{"VISIT", {kOla, "Lars Holm"}, kHappened}, {"MEET", {kOla, "Lars Holm", kPark}, kHappened}},
     {}},
    {"TheirTripIsNotTheHosts",
     "Park Min-ho will receive a group of European ministers after their trip to Chile.",
     {},
     {"VISIT"}},
    {"TheyAfterAThreePartJourney",
     "Nordmann, Virtanen and Finnish Foreign Minister Aino Laine travelled together to Seoul, "
     "where they met Park Min-ho.",
     {{"MEET", {kOla, kKari, "Aino Laine", kPark}, kHappened}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Groups, ClauseStructureTest, ::testing::ValuesIn(kGroups), CaseName);

// Who joins whom: coordination, hosts, phrases of another time, media and
// the clause a verb after "and" belongs to.
const std::vector<Case> kJoins = {
    {"JoiningTwoIsOneGathering",
     "Park Min-ho will join Nordmann and Virtanen for talks in Bergen on Tuesday.",
     {{"MEET", {kPark, kOla, kKari}, kPlanned}}, {}},
    {"MeetingHostedByAThirdPerson",
     "Nordmann and Virtanen held talks on Thursday in a meeting hosted by Park Min-ho.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
    {"PhraseOfAnotherTimeSharesOnlyTheSubject",
     "Nordmann met Virtanen on Thursday, a day after talks with Park Min-ho.",
     {{"MEET", {kOla, kKari}, kHappened}, {"MEET", {kOla, kPark}, kHappened}}, {}},
    {"SpokeForAnHourByVideo",
     "Nordmann and Virtanen spoke for nearly an hour by video on Monday.",
     {{"VIDEO_CALL", {kOla, kKari}, kHappened}}, {"PHONE_CALL"}},
    {"ExpectedToCall",
     "Nordmann is expected to call Virtanen in the coming days.",
     {{"PHONE_CALL", {kOla, kKari}, kPlanned}}, {}},
    {"VerbAfterRequestOfAnotherPerson",
     "Nordmann traveled to Helsinki at the request of Park Min-ho and held talks with Virtanen "
     "on Monday.",
     {{"MEET", {kOla, kKari}, kHappened}, {"VISIT", {kOla}, kHappened}}, {}},
    {"InvitationCueStaysInItsClause",
     "Nordmann flew to Helsinki at the invitation of Park Min-ho and met Virtanen.",
     {{"MEET", {kOla, kKari}, kHappened}, {"VISIT", {kOla}, kHappened}}, {}},
    {"TitledNamesTravelForASummit",
     "Finnish Foreign Minister Aino Laine and Norwegian Trade Minister Lars Holm travelled to "
     "Seoul for a summit with Park Min-ho.",
     {{"SUMMIT", {"Aino Laine", "Lars Holm", kPark}, kHappened}}, {}},
    {"SeparateCallsWithLowercaseTitles",
     "Virtanen held separate calls with her chief of staff Mikko Salo and campaign co-chair Liisa "
     "Koski on Sunday.",
     {{"PHONE_CALL", {kKari, "Mikko Salo"}, kHappened},
      {"PHONE_CALL", {kKari, "Liisa Koski"}, kHappened}},
     {}},
    {"SpokeForAboutAnHour",
     "Nordmann and Virtanen spoke for about an hour on Friday.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"LastSpokeInAMonth",
     "Nordmann and Virtanen last spoke in March.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"SpokeInACityIsNoCall",
     "Nordmann spoke in Bergen on Friday.",
     {}, {"PHONE_CALL"}},
    {"SpokeIndividuallyWithAColonList",
     "Virtanen spoke individually with: Foreign Minister Ola Nordmann of Norway; and Prime "
     "Minister Park Min-ho of South Korea.",
     {{"PHONE_CALL", {kKari, kOla}, kHappened}, {"PHONE_CALL", {kKari, kPark}, kHappened}},
     {}},
    {"MetTwoSeparately",
     "Nordmann met Virtanen and Park Min-ho separately in Oslo on Monday.",
     {{"MEET", {kOla, kKari}, kHappened}, {"MEET", {kOla, kPark}, kHappened}}, {}},
    {"ReadoutOfTheirMeeting",
     "Virtanen told Nordmann that fishing quotas were the hardest question, according to a "
     "summary of their meeting.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"TheirParticipationInASummitIsNoContact",
     "Nordmann spoke with Virtanen on Monday. Both leaders reviewed their coming "
     "participation in the Arctic Summit in June.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"SUMMIT", "MEET"}},
    {"ReceivedAGuestInTheCapital",
     "Virtanen received Nordmann in Helsinki on Tuesday.",
     {{"MEET", {kKari, kOla}, kHappened}, {"VISIT", {kOla}, kHappened}}, {}},
    {"MeetingIsNotPlanned",
     "A meeting between Nordmann and Park Min-ho is not planned, officials said.",
     {{"MEET", {kOla, kPark}, pb::DENIED}}, {}},
    {"TheirFirstInPersonMeetingAsLeaders",
     "Nordmann and Virtanen had their first in-person meeting as leaders in Bergen.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"HeldAMeasureOfTalks",
     "On Monday Nordmann held about three hours of talks with Park Min-ho, South Korea's prime "
     "minister.",
     {{"MEET", {kOla, kPark}, kHappened}}, {}},
    {"BeganDaysOfTalks",
     "Foreign Minister Ola Nordmann began two days of talks there on Thursday with South Korean "
     "Prime Minister Park Min-ho, whom he last met in Oslo.",
     {{"MEET", {kOla, kPark}, kHappened}}, {}},
    {"MeetingAtTheHostsHouse",
     "In a meeting at Virtanen's summer house on Saturday, Nordmann raised fishing quotas.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"HostsDeputyIsNoHost",
     "Nordmann phoned Virtanen's deputy on Monday.", {}, {"PHONE_CALL"}},
    {"HuddledWith",
     "Nordmann huddled with Virtanen and Park Min-ho in Bergen on Friday.",
     {{"MEET", {kOla, kKari, kPark}, kHappened}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Joins, ClauseStructureTest, ::testing::ValuesIn(kJoins), CaseName);

}  // namespace
}  // namespace newsgraph
