#include "importers/internal/event_time.h"

#include <cctype>
#include <climits>
#include <cstdlib>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace newsgraph::internal {
namespace {

// Whether `between` (the text from a trigger to a time expression) holds
// a word that opens a subordinate clause.
bool OpensClause(absl::string_view between) {
  for (absl::string_view w : absl::StrSplit(between, absl::ByAnyChar(" ,;\u00a0"))) {
    if (IsOneOf(w, {"since", "until", "when", "while", "because", "although", "whereas",
                    "after", "before", "Since", "When", "While"})) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool PickTime(absl::string_view sentence, const std::vector<TimeMention>& times,
              size_t trig_begin, size_t trig_end, TimeMention* out) {
  size_t best = SIZE_MAX;
  for (const TimeMention& t : times) {
    // A bare year used as an attribute ("the 2024 campaign") dates nothing.
    if (t.rule == "year") {
      absl::string_view text = sentence.substr(t.begin, t.end - t.begin);
      if (!absl::StartsWithIgnoreCase(text, "in ") && !absl::StartsWithIgnoreCase(text, "since ")) {
        continue;
      }
    }
    // "their first meeting since X was appointed in December": a time
    // inside a later subordinate clause dates that clause.
    if (t.begin >= trig_end && OpensClause(sentence.substr(trig_end, t.begin - trig_end))) {
      continue;
    }
    // "the call went badly – with the vote in August still ahead": a dash
    // after the trigger opens an aside with times of its own.
    if (t.begin >= trig_end) {
      const absl::string_view between = sentence.substr(trig_end, t.begin - trig_end);
      if (absl::StrContains(between, " \u2013 ") || absl::StrContains(between, " \u2014 ")) continue;
    }
    // "X, who visited Kyiv in February, met Y on Saturday": a time inside a
    // relative clause closed before the trigger dates that clause.
    if (t.end <= trig_begin) {
      const absl::string_view before = sentence.substr(0, t.begin);
      const bool relative = before.rfind(", who ") != absl::string_view::npos ||
                            before.rfind(", which ") != absl::string_view::npos;
      if (relative &&
          sentence.substr(t.end, trig_begin - t.end).find(',') != absl::string_view::npos) {
        continue;
      }
    }
    // "A is meeting B on Thursday while C is meeting him on Friday": a
    // parallel clause before the trigger has its own time.
    if (t.end <= trig_begin) {
      const absl::string_view between = sentence.substr(t.end, trig_begin - t.end);
      if (absl::StrContains(between, " while ") || absl::StrContains(between, " whereas ") ||
          absl::StrContains(between, "; ") || absl::StrContains(between, ", but ")) {
        continue;
      }
      // "met Y last August, and the pair spoke again in March": a clause
      // after ", and" with a subject of its own, a pronoun or a noun phrase
      // ("flew to Oslo on Monday, and met Y" shares the time; so do the
      // names of a list, "A, B, and C met").
      const size_t and_at = between.rfind(", and ");
      if (and_at != absl::string_view::npos) {
        const absl::string_view rest = between.substr(and_at + 6);
        const absl::string_view first = rest.substr(0, rest.find(' '));
        if (rest.size() > first.size() && IsOneOf(first, {"he", "she", "they", "the", "it", "we"})) {
          continue;
        }
      }
    }
    size_t d = t.end <= trig_begin ? trig_begin - t.end
               : t.begin >= trig_end ? t.begin - trig_end : 0;
    if (d < best) {
      best = d;
      *out = t;
    }
  }
  return best != SIZE_MAX;
}

bool PresentPerfect(const Document& doc, const Sentence& s, const Trigger& t) {
  for (int k = t.first - 1; k >= s.first && k >= t.first - 4; --k) {
    const std::string& w = doc.tokens[k].norm;
    if (w == "has" || w == "have") return true;
    if (!doc.tokens[k].word) return false;
  }
  return false;
}

bool PresentProgressive(const Document& doc, const Sentence& s, const Trigger& t) {
  if (t.rule == "copula:in") {
    const std::string& be = doc.tokens[t.first].norm;
    return be == "is" || be == "are";
  }
  for (int k = t.first - 1; k >= s.first && k >= t.first - 4; --k) {
    const std::string& w = doc.tokens[k].norm;
    if (w == "is" || w == "are" || w == "am") {
      if (t.rule == "copula:in") return true;
      for (int j = k + 1; j <= t.first; ++j) {
        const std::string& v = doc.tokens[j].norm;
        if (v.size() > 4 && v.compare(v.size() - 3, 3, "ing") == 0) return true;
      }
      return false;
    }
    if (!doc.tokens[k].word) return false;
  }
  return false;
}

bool SimplePast(const Document& doc, const Sentence& s, const Trigger& t) {
  if (!t.verb) return false;
  const std::string& w = doc.tokens[t.first].norm;
  const bool past = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
                    IsOneOf(w, {"met", "held", "spoke", "flew", "went", "came", "sat", "began",
                                "paid", "made", "led", "took"});
  if (!past || t.first == s.first) return past;
  return !IsOneOf(doc.tokens[t.first - 1].norm, {"will", "would", "to", "shall", "'ll", "may",
                                                 "might", "could", "should", "must"});
}

void FallBack(int32_t pub_day, ExtractedEvent* ev) {
  ev->time.set_from_day(pub_day);
  ev->time.set_to_day(pub_day);
  ev->time.set_granularity(pb::GRANULARITY_UNKNOWN);
  ev->time.set_fell_back(true);
  ev->date_rule = "fallback-publication";
}

bool SaysLaterBy(const Document& doc, const Sentence& s, int* days, int* months) {
  static const char* const kNumbers[] = {"a", "one", "two", "three", "four", "five", "six",
                                         "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int k = s.first; k + 2 < s.last; ++k) {
    if (doc.tokens[k + 2].norm != "later") continue;
    const std::string& n = doc.tokens[k].norm;
    int count = -1;
    for (int q = 0; q < 13; ++q) {
      if (n == kNumbers[q]) count = q == 0 ? 1 : q;
    }
    if (count < 0 && !n.empty() && n.size() <= 2 && std::isdigit(static_cast<unsigned char>(n[0]))) {
      count = std::atoi(n.c_str());
    }
    if (count < 1) continue;
    const std::string& unit = doc.tokens[k + 1].norm;
    *days = *months = 0;
    if (IsOneOf(unit, {"week", "weeks"})) *days = 7 * count;
    if (IsOneOf(unit, {"month", "months"})) *months = count;
    if (*days > 0 || *months > 0) return true;
  }
  return false;
}

}  // namespace newsgraph::internal
