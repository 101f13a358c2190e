// Grammar-light helpers for finding a trigger's arguments without a parser:
// where a person's noun phrase starts and ends (title and nationality
// included), whether the words between a trigger and a person can separate
// a verb or noun from its object, clause boundaries, and reporters ("X
// said", "according to X"). Used by events.cc.
#ifndef NEWSGRAPH_IMPORTERS_ARGUMENTS_H_
#define NEWSGRAPH_IMPORTERS_ARGUMENTS_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "importers/mentions.h"
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

// First token of the person's noun phrase: "the Russian Foreign Minister
// Sergei Lavrov" starts at "the".
int HeadStart(const Document& doc, const Sentence& s, const Mentions& m,
              const PersonMention& p);

// One past the last token of the phrase, an appositive title included.
int HeadEnd(const PersonMention& p);

// Past an "of <state>" or "from <state>" modifier starting at token `k`
// ("Virtanen of Finland and ..."), not beyond `limit`; `k` when none.
int SkipStateModifier(const Document& doc, const Mentions& m, int k, int limit);

// "said", "told", "warned" ...
bool IsReportingVerb(absl::string_view norm);

// Words that open a new clause ("which", "who", "while", "as", "said").
bool IsClauseBoundary(absl::string_view norm);

// Words of a date or time phrase: weekdays, months, "last", "week", digits.
bool IsDateWord(const std::string& norm);

// A preposition that puts the person after it in an object's place ("to
// X", "with X", "including X").
bool IsPreposition(absl::string_view norm);

// True when noun trigger `t` is owned by "their" ("after their trip",
// "their first meeting"): several people's, never one person's alone.
bool OwnedByThem(const Document& doc, const Sentence& s, const Trigger& t);

// Whether tokens [from, to) end in a passive participle of presiding or
// taking part and its "by" ("talks on Friday, which were co-chaired by"):
// the person at `to` is then the contact's participant.
bool AgentGap(const Document& doc, int from, int to);

// True when tokens [from, to) may stand between a trigger and its object:
// prepositions, determiners, dates, places, adverbs such as "virtually"
// ("met on January 26-27 with", "talks in Paris on Monday including").
bool ObjectGap(const Document& doc, const Mentions& m, int from, int to);

// True when tokens [from, to) may stand between a subject and its verb
// trigger: auxiliaries, modals, adverbs, an appositive between commas, or
// another coordinated subject ("X, Y and Z met", "X has also met").
bool SubjectGap(const Document& doc, int from, int to);

// A person who only reports the event or asked for it: "X said", "X, the
// minister, said", "according to X", "..., said X", "at the request of X",
// "on behalf of X".
bool IsReporter(const Document& doc, const Sentence& s, const Mentions& m,
                const PersonMention& p, const Trigger& t);

// A definite noun trigger that may point back to an earlier contact: "the
// call", "this meeting", "the senior official meeting".
bool IsAnaphoric(const Document& doc, const Sentence& s, const Trigger& t);

// True when token `k` is a quote mark around a word or two inside a
// clause ("his \"balanced\" approach"): a scare quote, no clause boundary.
bool ScareQuote(const Document& doc, const Sentence& s, int k);

// True when person `right_mi` opens the list a group noun phrase after
// person `left_mi` ends with: "met A, B, and members of the security team
// including C" (C is met too).
bool IncludedAfter(const Document& doc, const Sentence& s, const Mentions& m, int left_mi,
                   int right_mi);

// True when person `right_mi` is named in apposition to a described
// conjunct after person `left_mi`: "met A and the speaker of the
// parliament, B" (B is met too).
bool DescribedConjunct(const Document& doc, const Sentence& s, const Mentions& m, int left_mi,
                       int right_mi);

// True when only ",", "and", "as well as" separate two people's phrases.
bool Coordinated(const Document& doc, const Sentence& s, const Mentions& m, int left_mi,
                 int right_mi);

// "X, the minister, who ... , travelled": the comma that opens a relative
// clause which closes with a comma right before verb start `vs` (the
// rightmost such clause after `floor`), or -1. The clause's people are not
// the verb's subject; the person before that comma is.
int RelativeClauseBefore(const Document& doc, int floor, int vs);

// Whether a subject whose phrase ends at token `end` reaches the relative
// clause opened by `relative_comma`: right before it, or across an
// appositive ("X, the minister, who ...").
bool SubjectBeforeRelative(const Document& doc, int end, int relative_comma);

// Where the trigger's verb phrase starts: the verb itself, or the light
// verb of "held a joint call"; -1 for a bare noun.
int VerbStart(const Document& doc, const Sentence& s, const Trigger& t);

// The token after a photo caption's "(left)", "(second right)" at `k`
// (which names the position of the person before it), or `k`.
int SkipCaptionPosition(const Document& doc, int k, int limit);

// True when the phrase of person `p` is the object of a preposition ("at
// the request of President X", "a letter from X"), looking no further left
// than `floor`.
bool PrepositionalObject(const Document& doc, const Mentions& m, const PersonMention& p,
                         int floor);

// True when tokens [from, to) end in "and" joining two verb phrases that
// share a subject ("flew to Oslo ... and met with Hart").
bool CoordinatedVerb(const Document& doc, const Mentions& m, int from, int to);

// The person mention a "he"/"she" subject (or "his"/"her" before a noun)
// of the trigger stands for: the one mentioned last before it whose entity
// is not among the mentions `exclude`; -1 when none.
int PronounSubject(const Document& doc, const Sentence& s, const Mentions& m, const Trigger& t,
                   const std::vector<int>& exclude);

// The person a "he"/"she"/"his"/"her" at token `pronoun` stands for: the
// one mentioned last before it who is not only an object ("met with X",
// "told X") and whose entity is not among the mentions `exclude`; -1 when
// none.
int PronounAntecedent(const Document& doc, const Mentions& m, int pronoun,
                      const std::vector<int>& exclude);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_ARGUMENTS_H_
