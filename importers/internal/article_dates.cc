// When the events an ArticleReader reads took place: a sentence's own time,
// the time of the story around it, the publication's days, or none.
#include <algorithm>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "importers/arguments.h"
#include "importers/internal/article_reader.h"
#include "importers/internal/event_merge.h"
#include "importers/internal/event_time.h"
#include "importers/time_expressions.h"
#include "importers/triggers.h"
#include "schema/dates.h"

namespace newsgraph::internal {
namespace {


// Dates `e` to the whole of `month`, by `rule`.
void DateToMonth(absl::CivilMonth month, const char* rule, ExtractedEvent* e) {
  e->time.set_from_day(DayNumber(absl::CivilDay(month)));
  e->time.set_to_day(DayNumber(absl::CivilDay(month + 1)) - 1);
  e->time.set_granularity(pb::MONTH);
  e->time.set_fell_back(false);
  e->date_rule = rule;
}

// The month of day number `day`.
absl::CivilMonth MonthOf(int32_t day) { return absl::CivilMonth(CivilDayFromNumber(day)); }

// The publication's month, up to the publication day: where an undated
// report is placed when the article says it is of the story's days.
void DateToPublicationMonth(absl::CivilDay pub, int32_t pub_day, const char* rule,
                            ExtractedEvent* e) {
  DateToMonth(absl::CivilMonth(pub), rule, e);
  e->time.set_to_day(std::min(pub_day, e->time.to_day()));
}

// What the reporting verbs of the sentence say: each "that" after one, to
// the sentence's end or a closing ", according to" ("X reported that Y told
// Z in a call that ... in November, according to W"), as tokens [first,
// second); nested clauses are listed too.
std::vector<std::pair<int, int>> ReportedClauses(const Document& doc, const Sentence& s) {
  int end = s.last;
  for (int k = s.first; k + 1 < s.last; ++k) {
    if (doc.tokens[k].norm == "," && doc.tokens[k + 1].norm == "according") end = k;
  }
  std::vector<std::pair<int, int>> out;
  bool reported = false;
  for (int k = s.first; k < end; ++k) {
    const std::string& w = doc.tokens[k].norm;
    if (w == "that" && reported) out.push_back({k, end});
    reported |= IsReportingVerb(w);
  }
  return out;
}

// Removes the times of sentence `s` said in a reported clause that does
// not hold token `keep` (-1: any reported clause).
void DropReportedTimes(const Document& doc, const Sentence& s, int keep,
                       std::vector<TimeMention>* times) {
  for (const std::pair<int, int>& said : ReportedClauses(doc, s)) {
    if (keep >= said.first && keep < said.second) continue;
    const size_t from = doc.tokens[said.first].begin - s.begin;
    const size_t to = doc.tokens[said.second - 1].end - s.begin;
    times->erase(std::remove_if(times->begin(), times->end(),
                                [&](const TimeMention& t) { return t.begin > from && t.end <= to; }),
                 times->end());
  }
}

// "spoke with X about the April 22-23 Leaders Summit": a time that names
// another gathering (the time, a few capitalised words, the noun) dates
// that gathering, not the contact of `trigger`.
void DropTimesOfOtherGatherings(const Document& doc, const Sentence& s, const Trigger& trigger,
                                std::vector<TimeMention>* times) {
  const auto& toks = doc.tokens;
  auto names_other = [&](const TimeMention& t) {
    int k = s.first;
    while (k < s.last && toks[k].begin - s.begin < t.end) ++k;
    for (int j = k; j < s.last && j <= k + 4; ++j) {
      if (j >= trigger.first && j < trigger.last) return false;
      if (IsOneOf(toks[j].norm, {"summit", "meeting", "talks", "conference", "forum"})) {
        return true;
      }
      if (!toks[j].word || !(toks[j].cap || toks[j].norm == "-")) return false;
    }
    return false;
  };
  times->erase(std::remove_if(times->begin(), times->end(), names_other), times->end());
}

}  // namespace

void ArticleReader::FrameFromPreviousSentence(int si) {
  // The last time expression of the previous sentence frames this one;
  // not a date of background long before the story ("where a cameraman
  // was killed in March 2022" in a story of 2023), unless that sentence
  // tells of a contact or a trip itself.
  const Sentence& p = doc_.sentences[si - 1];
  std::vector<TimeMention> prev =
      FindTimeMentions(doc_.text.substr(p.begin, p.end - p.begin), pub_, false);
  if (prev.empty()) return;  // most sentences: no trigger search for them
  // What someone said ("that X could win in November") frames the story
  // only when it tells of a contact or a trip itself.
  const std::vector<Trigger> triggers = FindTriggers(doc_, p);
  DropReportedTimes(doc_, p, triggers.empty() ? -1 : triggers.back().first, &prev);
  if (!prev.empty() && (prev.back().span.to_day() >= pub_day_ - 183 || !triggers.empty())) {
    context_ = Context{true, si - 1, prev.back().span};
  }
}

void ArticleReader::DateEvent(const DraftEvent& d, int si, ExtractedEvent* ev) const {
  const Sentence& s = doc_.sentences[si];
  const absl::string_view text = doc_.text.substr(s.begin, s.end - s.begin);
  std::vector<TimeMention> times = FindTimeMentions(text, pub_, d.factuality.future);
  TimeMention tm;
  const size_t tb = doc_.tokens[d.trigger.first].begin - s.begin;
  const size_t te = doc_.tokens[d.trigger.last - 1].end - s.begin;
  // "is meeting him on Friday": a progressive with a weekday other than
  // the publication day's is an arrangement ahead.
  if (!d.factuality.future && d.trigger.rule != "copula:in" &&
      PresentProgressive(doc_, s, d.trigger) &&
      PickTime(text, times, tb, te, &tm) && tm.rule == "weekday-past" &&
      tm.span.from_day() != pub_day_) {
    times = FindTimeMentions(text, pub_, /*future=*/true);
  }
  // "his June trip" in a May story: a month named on a trip or a meeting
  // that no verb reports is the coming one when that is near, not the one
  // eleven months back.
  if (!d.factuality.future && !ev->asserted && d.factuality.value == pb::HAPPENED &&
      PickTime(text, times, tb, te, &tm) && tm.rule == "month-name" &&
      tm.span.to_day() < pub_day_ - 200) {
    std::vector<TimeMention> ahead = FindTimeMentions(text, pub_, /*future=*/true);
    TimeMention next;
    if (PickTime(text, ahead, tb, te, &next) && next.rule == "month-name" &&
        next.span.from_day() > pub_day_ && next.span.from_day() <= pub_day_ + 92) {
      times = std::move(ahead);
    }
  }
  // "told X in a call that ... in November": what was said has times of
  // its own.
  DropReportedTimes(doc_, s, d.trigger.first, &times);
  DropTimesOfOtherGatherings(doc_, s, d.trigger, &times);
  // A plan or a possibility is ahead of its report: a time long past in
  // its sentence ("inviting him to visit ... despite last year's
  // failures") is another clause's.
  if (ev->factuality == pb::PLANNED || ev->factuality == pb::POSSIBLE) {
    times.erase(std::remove_if(times.begin(), times.end(),
                               [&](const TimeMention& t) { return t.span.to_day() < pub_day_ - 90; }),
                times.end());
  }
  // A plan is ahead of its report: a story's frame that ended before the
  // publication's month is not its time ("efforts since the November
  // summit, including planning for a call").
  const bool plan = ev->factuality == pb::PLANNED || ev->factuality == pb::POSSIBLE;
  const int32_t pub_month_start = DayNumber(absl::CivilDay(absl::CivilMonth(pub_)));
  // "Meanwhile, ...", "Separately, ...": another thread of the story.
  const bool new_thread = IsOneOf(doc_.tokens[s.first].norm, {"meanwhile", "separately",
                                                              "elsewhere"});
  const bool recent_context = context_.valid && si - context_.sentence <= 2 && !new_thread &&
                              !(plan && context_.span.to_day() < pub_month_start);
  if (PickTime(text, times, tb, te, &tm)) {
    ev->time = tm.span;
    ev->date_rule = tm.rule;
    if (tm.rule == "month-day-no-year" && recent_context) InStoryYear(ev);
    if (ev->factuality == pb::HAPPENED && tm.span.from_day() > pub_day_) {
      ev->factuality = pb::PLANNED;
      ev->rule += "+future-date";
    }
  } else if (d.factuality.value == pb::HAPPENED && PresentProgressive(doc_, s, d.trigger)) {
    // "is meeting", "is in Laos", "is arriving in Uganda": under way on the
    // publication day.
    ev->time.set_from_day(pub_day_);
    ev->time.set_to_day(pub_day_);
    ev->time.set_granularity(pb::DAY);
    ev->date_rule = "present-tense";
  } else if (int days = 0, months = 0;
             recent_context && context_.span.granularity() != pb::YEAR &&
             context_.span.granularity() != pb::SEASON && SaysLaterBy(doc_, s, &days, &months)) {
    // "Four months later, X hosted Y": the story's time moved on, as
    // precise as a month.
    DateToMonth(MonthOf(context_.span.from_day() + days) + months, "later-by", ev);
    if (ev->factuality == pb::HAPPENED && ev->time.from_day() > pub_day_ &&
        !SimplePast(doc_, s, d.trigger)) {
      ev->factuality = pb::PLANNED;
      ev->rule += "+future-date";
    }
  } else if (recent_context && context_.span.granularity() == pb::DAY && SaysNextDay(text)) {
    // "the next day", "a day later": the day after the story's day.
    ev->time = context_.span;
    ev->time.set_from_day(context_.span.from_day() + 1);
    ev->time.set_to_day(context_.span.from_day() + 1);
    ev->date_rule = "next-day";
    // "A day later, X met Y" told in the past tense took place, whatever
    // day the story's context was.
    if (ev->factuality == pb::HAPPENED && ev->time.from_day() > pub_day_ &&
        !SimplePast(doc_, s, d.trigger)) {
      ev->factuality = pb::PLANNED;
      ev->rule += "+future-date";
    }
  } else if (recent_context && !PresentPerfect(doc_, s, d.trigger) &&
             context_.span.granularity() != pb::YEAR &&
             context_.span.granularity() != pb::SEASON) {
    // The story's time frame, set by a recent sentence: as precise as its
    // month.
    DateToMonth(MonthOf(context_.span.from_day()), "context-month", ev);
  } else {
    FallBack(pub_day_, ev);
    // A news lead reports the story's own days (DateLeadReports); "has
    // visited" may be any time before.
    ev->lead_report = si <= 2 && ev->factuality == pb::HAPPENED && ev->asserted &&
                      !PresentPerfect(doc_, s, d.trigger);
    ev->story_report = ev->factuality == pb::HAPPENED && !PresentPerfect(doc_, s, d.trigger);
  }
}

void ArticleReader::DateStoryReports() {
  // What the lead reports took place in the story's days; a later undated
  // report of one of its people, in the same state or none named ("Later,
  // X also saw the speaker of parliament"), belongs to the same
  // story. Not a lead of old news: only a lead dated within a month of the
  // publication frames the rest.
  std::vector<const ExtractedEvent*> leads;
  for (const ExtractedEvent& e : out_.events) {
    if (e.sentence_index <= 2 && !e.time.fell_back() && e.factuality == pb::HAPPENED &&
        e.time.to_day() >= pub_day_ - 31 && e.time.from_day() <= pub_day_) {
      leads.push_back(&e);
    }
  }
  for (ExtractedEvent& e : out_.events) {
    if (!e.story_report || !e.time.fell_back()) continue;
    const std::vector<std::string> keys = SortedKeys(e);
    for (const ExtractedEvent* lead : leads) {
      const std::vector<std::string> lead_keys = SortedKeys(*lead);
      const bool shared = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
        return std::find(lead_keys.begin(), lead_keys.end(), k) != lead_keys.end();
      });
      if (!shared || (!e.place_state.empty() && !lead->place_state.empty() &&
                      e.place_state != lead->place_state)) {
        continue;
      }
      // As precise as the story's month: a trip's days are not all one day.
      DateToMonth(MonthOf(lead->time.from_day()), "story-days", &e);
      break;
    }
  }
}

void ArticleReader::InStoryYear(ExtractedEvent* ev) const {
  // "On March 10 X and Y met", told in a story of an earlier year: the day
  // takes the story's year, when that day is not after the publication.
  const absl::CivilDay day = CivilDayFromNumber(ev->time.from_day());
  const absl::CivilYear story(CivilDayFromNumber(context_.span.from_day()));
  const absl::CivilDay moved(story.year(), day.month(), day.day());
  if (story.year() == day.year() || moved.month() != day.month() ||
      DayNumber(moved) > pub_day_) {
    return;
  }
  ev->time.set_from_day(DayNumber(moved));
  ev->time.set_to_day(DayNumber(moved));
  ev->date_rule = "month-day-story-year";
}

void ArticleReader::DateLeadReports() {
  // What the first sentences say took place, and no sentence of the article
  // dates, took place in the publication's month. Run after the merges, so
  // a later "the meeting took place on Tuesday" dates it first.
  for (ExtractedEvent& e : out_.events) {
    if (e.lead_report && e.time.fell_back()) DateToPublicationMonth(pub_, pub_day_, "lead-month", &e);
  }
}

void ArticleReader::DateOngoingTours() {
  // A traveller whose tour is under way on the publication day ("is
  // visiting Italy"): the undated contacts the article reports for them are
  // stops of that tour, in the publication month.
  std::vector<std::string> touring;
  for (const ExtractedEvent& e : out_.events) {
    if (e.mode != "visit" || e.date_rule != "present-tense") continue;
    for (const std::string& key : SortedKeys(e)) touring.push_back(key);
  }
  // The tour's other stops, done or ahead ("its last stop will be
  // Santiago"), are of that month too.
  for (ExtractedEvent& e : out_.events) {
    const bool stop = e.mode == "visit" && e.factuality == pb::PLANNED;
    if (e.plover_type != "CONSULT" || (e.mode == "visit" && !stop) || !e.time.fell_back() ||
        (e.factuality != pb::HAPPENED && !stop)) {
      continue;
    }
    bool on_tour = false;
    for (const std::string& key : SortedKeys(e)) {
      on_tour |= std::find(touring.begin(), touring.end(), key) != touring.end();
    }
    if (on_tour) DateToPublicationMonth(pub_, pub_day_, "ongoing-tour", &e);
  }
}

}  // namespace newsgraph::internal
