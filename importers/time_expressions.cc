// A hand-written tokenizer and a look-back pattern matcher for English time
// expressions. Every pattern fires on one "trigger" token (a month, weekday,
// day number, unit word, ...) and looks back for its modifiers ("last",
// "earlier this", "two ... ago") no further than the end of the previous
// mention, and forward for its complements (day, range, year).
#include "importers/time_expressions.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "schema/dates.h"

namespace newsgraph {
namespace {

using absl::CivilDay;
using absl::CivilMonth;
using absl::CivilYear;

enum class Kind { kWord, kNumber, kPunct };

struct Token {
  Kind kind = Kind::kPunct;
  size_t begin = 0, end = 0;
  std::string lower;     // words: ASCII-lowercased; numbers: the digits
  bool capital = false;  // word starts with an upper-case letter
  bool plain = false;    // number of digits only (no "2,000", "1.5")
  bool ordinal = false;  // "14th"
  int value = 0;         // numbers: the value (plain, <= 9 digits)
  int digits = 0;
  char punct = 0;        // '-' (hyphen, en dash), '~' (em dash), '\'', '$' ...
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of a non-ASCII sequence at s[i] that is a space (*p = ' ') or
// punctuation (*p = its ASCII stand-in); 0 when it is part of a word.
size_t SpecialAt(absl::string_view s, size_t i, char* p) {
  const auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  if (b(i) == 0xC2 && b(i + 1) == 0xA0) return *p = ' ', 2;   // NBSP
  if (b(i) == 0xC2 && (b(i + 1) == 0xA3 || b(i + 1) == 0xA5)) return *p = '$', 2;  // £ ¥
  if (b(i) == 0xE2 && b(i + 1) == 0x82 && b(i + 2) == 0xAC) return *p = '$', 3;    // €
  if (b(i) != 0xE2 || b(i + 1) != 0x80 || b(i + 2) == 0) return 0;
  const unsigned d = b(i + 2);
  if (d <= 0x8B || d == 0xAF) *p = ' ';                 // U+2000..U+200B, U+202F
  else if (d >= 0x90 && d <= 0x93) *p = '-';            // hyphens, figure/en dash
  else if (d == 0x94 || d == 0x95) *p = '~';            // em dash, bar
  else if (d == 0x98 || d == 0x99) *p = '\'';
  else *p = '"';
  return 3;
}

std::vector<Token> Tokenize(absl::string_view s) {
  std::vector<Token> out;
  const size_t n = s.size();
  size_t i = 0;
  const auto word_char = [&](size_t k) {
    char p;
    return k < n && (IsAlpha(s[k]) || IsDigit(s[k]) ||
                     (static_cast<unsigned char>(s[k]) >= 0x80 && SpecialAt(s, k, &p) == 0));
  };
  while (i < n) {
    const char c = s[i];
    Token t;
    t.begin = i;
    char p = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (size_t len = SpecialAt(s, i, &p)) {
        i += len;
        if (p == ' ') continue;
        t.punct = p;
        t.lower = std::string(1, p);
        t.end = i;
        out.push_back(std::move(t));
        continue;
      }
    }
    if (IsDigit(c)) {
      size_t j = i;
      t.plain = true;
      while (j < n && (IsDigit(s[j]) ||
                       ((s[j] == ',' || s[j] == '.') && j + 1 < n && IsDigit(s[j + 1]) && j > i))) {
        if (!IsDigit(s[j])) t.plain = false;
        ++j;
      }
      t.kind = Kind::kNumber;
      t.lower = std::string(s.substr(i, j - i));
      t.digits = static_cast<int>(j - i);
      if (word_char(j)) {  // "14th" is an ordinal number; "G7"-like "2pm", "1990s" are words
        size_t k = j;
        while (word_char(k)) ++k;
        const std::string suffix = absl::AsciiStrToLower(s.substr(j, k - j));
        if (t.plain && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
          j = k;
          t.ordinal = true;
        } else {
          t.kind = Kind::kWord;
          t.plain = false;
          t.lower = absl::AsciiStrToLower(s.substr(i, k - i));
          j = k;
        }
      }
      if (t.kind == Kind::kNumber && t.plain && t.digits <= 9) {
        for (size_t k = i; k < i + t.digits; ++k) t.value = t.value * 10 + (s[k] - '0');
      }
      t.end = i = j;
      out.push_back(std::move(t));
      continue;
    }
    if (word_char(i)) {
      size_t j = i;
      while (word_char(j)) ++j;
      t.kind = Kind::kWord;
      t.capital = c >= 'A' && c <= 'Z';
      t.lower = absl::AsciiStrToLower(s.substr(i, j - i));
      t.end = i = j;
      out.push_back(std::move(t));
      continue;
    }
    t.punct = c == '\'' ? '\'' : c;
    t.lower = std::string(1, c);
    t.end = ++i;
    out.push_back(std::move(t));
  }
  return out;
}

struct MonthName { const char* name; int month; bool weak; };
// Weak names (a verb, a modal, an abbreviation) count as months only when
// capitalised, and alone only after a preposition-like word.
constexpr MonthName kMonths[] = {
    {"january", 1, false}, {"february", 2, false}, {"march", 3, true},  {"april", 4, false},
    {"may", 5, true},      {"june", 6, false},     {"july", 7, false},   {"august", 8, false},
    {"september", 9, false}, {"october", 10, false}, {"november", 11, false},
    {"december", 12, false}, {"jan", 1, true}, {"feb", 2, true}, {"mar", 3, true},
    {"apr", 4, true}, {"jun", 6, true}, {"jul", 7, true}, {"aug", 8, true}, {"sep", 9, true},
    {"sept", 9, true}, {"oct", 10, true}, {"nov", 11, true}, {"dec", 12, true}};
constexpr const char* kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
constexpr const char* kNumberWords[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"};

enum class Dir { kBare, kThis, kLast, kNext };

struct Match {
  int first = 0, last = 0;  // token indices, inclusive
  pb::TimeSpan span;
  const char* rule = "";
};

pb::TimeSpan Span(CivilDay from, CivilDay to, pb::Granularity g) {
  pb::TimeSpan s;
  s.set_from_day(DayNumber(from));
  s.set_to_day(DayNumber(std::max(from, to)));
  s.set_granularity(g);
  return s;
}
pb::TimeSpan MonthSpan(CivilMonth m) { return Span(CivilDay(m), CivilDay(m + 1) - 1, pb::MONTH); }
pb::TimeSpan YearSpan(CivilYear y) { return Span(CivilDay(y), CivilDay(y + 1) - 1, pb::YEAR); }
int WeekdayIndex(CivilDay d) { return static_cast<int>(absl::GetWeekday(d)); }  // Monday = 0
CivilDay MondayOf(CivilDay d) { return d - WeekdayIndex(d); }

// Season number 0..3 = winter, spring, summer, fall; instance `y` of winter
// runs from December of y to February of y + 1.
pb::TimeSpan SeasonSpan(int season, int y) {
  const CivilMonth start = season == 0 ? CivilMonth(y, 12) : CivilMonth(y, 3 * season);
  return Span(CivilDay(start), CivilDay(start + 3) - 1, pb::SEASON);
}

class Matcher {
 public:
  Matcher(absl::string_view s, CivilDay pub, bool future)
      : toks_(Tokenize(s)), n_(static_cast<int>(toks_.size())), pub_(pub), future_(future) {}

  std::vector<TimeMention> Run() {
    std::vector<TimeMention> out;
    for (int i = 0; i < n_;) {
      std::optional<Match> m = Try(i);
      if (!m) { ++i; continue; }
      const bool possessive = Punct(m->last + 1, '\'') && Word(m->last + 2, "s");
      m->first = std::max(lo_, possessive ? m->first : Extend(m->first));
      TimeMention tm;
      tm.begin = toks_[m->first].begin;
      tm.end = toks_[m->last].end;
      tm.span = m->span;
      tm.rule = m->rule;
      out.push_back(std::move(tm));
      i = lo_ = m->last + 1;
    }
    return out;
  }

 private:
  std::optional<Match> Try(int i) {
    for (auto f : {&Matcher::Iso, &Matcher::WeekdayRef, &Matcher::MonthFirst, &Matcher::DayFirst,
                   &Matcher::RelativeDay, &Matcher::RelativeUnit, &Matcher::Ago,
                   &Matcher::Season, &Matcher::YearAlone}) {
      if (std::optional<Match> m = (this->*f)(i)) return m;
    }
    return std::nullopt;
  }

  // ---- token predicates (out-of-range and already-used tokens never match) ----
  bool Ok(int i) const { return i >= lo_ && i < n_; }
  bool Word(int i, absl::string_view w) const {
    return Ok(i) && toks_[i].kind == Kind::kWord && toks_[i].lower == w;
  }
  bool WordIn(int i, std::initializer_list<absl::string_view> ws) const {
    for (absl::string_view w : ws) if (Word(i, w)) return true;
    return false;
  }
  bool Punct(int i, char p) const { return Ok(i) && toks_[i].punct == p; }
  bool Adjacent(int i) const { return Ok(i) && Ok(i + 1) && toks_[i].end == toks_[i + 1].begin; }
  bool Currency(int i) const { return Punct(i, '$') || Punct(i, '#'); }
  // "10:30": a number glued to ':' and another number.
  bool Clock(int i) const {
    return Punct(i + 1, ':') && Adjacent(i) && Adjacent(i + 1) && toks_[i + 2].kind == Kind::kNumber;
  }

  // A day of the month: 1..31, one or two digits, not money ("$14").
  bool Day(int i) const {
    return Ok(i) && toks_[i].kind == Kind::kNumber && toks_[i].plain && toks_[i].digits <= 2 &&
           toks_[i].value >= 1 && toks_[i].value <= 31 && !Currency(i - 1) &&
           !Punct(i + 1, '%') && !Clock(i);
  }
  // A year: four plain digits, not a quantity ("2000 troops", "at 2000 GMT").
  bool Year(int i, bool loose) const {
    if (!Ok(i) || toks_[i].kind != Kind::kNumber || !toks_[i].plain || toks_[i].digits != 4) return false;
    const int v = toks_[i].value;
    if (v < (loose ? 1000 : 1900) || v > (loose ? 2999 : 2099)) return false;
    if (Currency(i - 1) || Punct(i + 1, '%') || Clock(i)) return false;
    if (WordIn(i + 1, {"km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
                       "people", "troops", "soldiers", "dollars", "euros", "pounds", "tons",
                       "tonnes", "million", "billion", "percent", "per", "votes", "cases",
                       "deaths", "units", "barrels", "hours", "gmt", "utc", "et", "est", "edt",
                       "bst", "cet", "cest", "msk", "local", "hrs", "kg", "members", "civilians",
                       "residents", "refugees", "tanks", "drones", "missiles", "shells",
                       "acres", "hectares", "square"})) {
      return false;
    }
    return !WordIn(i - 1, {"about", "around", "nearly", "almost", "some", "approximately",
                           "roughly", "than", "resolution", "no", "number", "flight", "route"});
  }
  // Month name at i; *next = the token after it (and after an abbreviation's
  // period); *weak as in kMonths. 0 if none.
  int Month(int i, int* next, bool* weak) const {
    if (!Ok(i) || toks_[i].kind != Kind::kWord) return 0;
    // Every token of every sentence is asked: one hash probe, not 24 compares.
    static const auto* const kIndex = [] {
      auto* index = new absl::flat_hash_map<absl::string_view, const MonthName*>();
      for (const MonthName& m : kMonths) index->emplace(m.name, &m);
      return index;
    }();
    if (auto it = kIndex->find(toks_[i].lower); it != kIndex->end()) {
      const MonthName& m = *it->second;
      if (m.weak && !toks_[i].capital) return 0;
      const bool abbrev = &m - kMonths >= 12;  // "Nov." takes its period along
      *next = i + 1 + (abbrev && Punct(i + 1, '.') && Adjacent(i) ? 1 : 0);
      *weak = m.weak;
      return m.month;
    }
    return 0;
  }
  int Weekday(int i) const {
    if (!Ok(i) || toks_[i].kind != Kind::kWord) return -1;
    static const auto* const kIndex = [] {
      auto* index = new absl::flat_hash_map<absl::string_view, int>();
      for (int d = 0; d < 7; ++d) index->emplace(kWeekdays[d], d);
      return index;
    }();
    auto it = kIndex->find(toks_[i].lower);
    return it == kIndex->end() ? -1 : it->second;
  }
  // "last", "next", "this", "this past", "this coming", "coming" before token i.
  Dir DirBefore(int i, int* first) const {
    *first = i;
    if (Word(i - 1, "past") && Word(i - 2, "this")) return *first = i - 2, Dir::kLast;
    if (Word(i - 1, "coming")) return *first = Word(i - 2, "this") ? i - 2 : i - 1, Dir::kNext;
    if (Word(i - 1, "last") && !Word(i - 2, "the")) return *first = i - 1, Dir::kLast;
    if (Word(i - 1, "next") && !Word(i - 2, "the")) return *first = i - 1, Dir::kNext;
    if (Word(i - 1, "this")) return *first = i - 1, Dir::kThis;
    return Dir::kBare;
  }

  // Leading modifiers: "early", "mid-", "late", "the end of", and "on", "in",
  // "at", "during" ("the" between only before "14th", "summer").
  int Extend(int first) const {
    const bool the_ok = toks_[first].ordinal ||
                        WordIn(first, {"winter", "spring", "summer", "fall", "autumn"});
    int p = first - 1;
    if (Punct(p, '-') && Word(p - 1, "mid") && Adjacent(p - 1)) first = p - 1, p -= 2;
    else if (WordIn(p, {"early", "late", "mid"})) first = p--;
    if (Word(p, "of") && WordIn(p - 1, {"end", "beginning", "start", "middle", "turn"})) {
      first = p - 1, p -= 2;
      if (Word(p, "the")) first = p--;
    }
    if (the_ok && Word(p, "the") && WordIn(p - 1, {"in", "during", "on"})) first = p - 1;
    else if (WordIn(p, {"on", "in", "at", "during"})) first = p;
    return first;
  }

  static Match Make(int first, int last, pb::TimeSpan span, const char* rule) {
    Match m;
    m.first = first, m.last = last, m.span = std::move(span), m.rule = rule;
    return m;
  }

  // Month-day without a year: the year nearest the publication date in the
  // preferred direction, unless that is months away while the other
  // direction's candidate is within a month (a tense read wrongly).
  std::optional<CivilDay> ResolveMonthDay(int month, int day) const {
    std::optional<CivilDay> before, after;
    for (int y = static_cast<int>(pub_.year()) - 4; y <= pub_.year() + 4; ++y) {
      const CivilDay d(y, month, day);
      if (d.month() != month || d.day() != day) continue;  // Feb 29 in a common year
      if (d <= pub_) before = d;
      if (d >= pub_ && !after) after = d;
    }
    std::optional<CivilDay> want = future_ ? after : before, other = future_ ? before : after;
    if (!want) return other;
    if (other && std::abs(*want - pub_) > 60 && std::abs(*other - pub_) <= 30) return other;
    return want;
  }
  CivilMonth ResolveMonth(int month, Dir dir) const {
    const CivilMonth pm(pub_);
    CivilMonth m(pub_.year(), month);
    switch (dir) {
      case Dir::kThis: return m;
      case Dir::kLast: return m < pm ? m : CivilMonth(pub_.year() - 1, month);
      case Dir::kNext: return m > pm ? m : CivilMonth(pub_.year() + 1, month);
      case Dir::kBare:
        if (future_) return m >= pm ? m : CivilMonth(pub_.year() + 1, month);
        return m <= pm ? m : CivilMonth(pub_.year() - 1, month);
    }
    return m;
  }

  // ---- patterns ----
  std::optional<Match> Iso(int i) {
    if (!Year(i, true) || !Punct(i + 1, '-') || !Punct(i + 3, '-') || !Ok(i + 4)) return {};
    for (int k = i; k < i + 4; ++k) if (!Adjacent(k)) return {};
    const Token& m = toks_[i + 2];
    const Token& d = toks_[i + 4];
    if (m.kind != Kind::kNumber || d.kind != Kind::kNumber || m.digits != 2 || d.digits != 2) return {};
    const CivilDay day(toks_[i].value, m.value, d.value);
    if (day.month() != m.value || day.day() != d.value) return {};
    return Make(i, i + 4, Span(day, day, pb::DAY), "iso-date");
  }

  // "Monday", "on Monday morning", "last Friday", "next Tuesday", "this past
  // Sunday", "Monday, November 14 [2022]".
  std::optional<Match> WeekdayRef(int i) {
    const int wd = Weekday(i);
    if (wd < 0) return {};
    const int k = Punct(i + 1, ',') ? i + 2 : i + 1;
    for (auto f : {&Matcher::MonthFirst, &Matcher::DayFirst}) {
      std::optional<Match> m = (this->*f)(k);
      if (m && m->span.granularity() == pb::DAY && m->first == k) {
        m->first = i;
        return m;
      }
    }
    if (WordIn(i - 1, {"bloody", "black", "good", "holy", "palm", "easter", "ash", "super",
                       "cyber", "first", "second", "third", "fourth", "fifth"}) ||
        (Ok(i + 1) && toks_[i + 1].capital &&
         WordIn(i + 1, {"times", "telegraph", "express", "mirror", "post", "herald", "mail",
                        "independent", "observer", "star", "tribune", "sport", "people"}))) {
      return {};
    }
    int first;
    const Dir dir = DirBefore(i, &first);
    const int last = WordIn(i + 1, {"morning", "afternoon", "evening", "night"}) ? i + 1 : i;
    const int pw = WeekdayIndex(pub_);
    CivilDay d;
    const char* rule;
    if (dir == Dir::kLast) {
      d = pub_ - ((pw - wd + 6) % 7 + 1), rule = "weekday-last";
    } else if (dir == Dir::kNext) {
      d = pub_ + ((wd - pw + 6) % 7 + 1), rule = "weekday-next";
    } else if (dir == Dir::kThis) {
      d = MondayOf(pub_) + wd, rule = "weekday-this";
    } else if (future_) {
      d = pub_ + (wd - pw + 7) % 7, rule = "weekday-future";
    } else {
      d = pub_ - (pw - wd + 7) % 7, rule = "weekday-past";
    }
    return Make(first, last, Span(d, d, pb::DAY), rule);
  }

  // "November 14, 2022", "Nov. 14", "May 10-11", "May 30-June 2", "March
  // 2023", "March of 2023", "in November", "last November".
  std::optional<Match> MonthFirst(int i) {
    int j;
    bool weak;
    const int month = Month(i, &j, &weak);
    if (!month) return {};
    if (Day(j)) {
      const int day = toks_[j].value;
      int last = j, j2;
      bool range = false, weak2;
      if (Punct(j + 1, '-') || WordIn(j + 1, {"to", "and", "through", "until"})) {
        if (Day(j + 2) && toks_[j + 2].value > day) {
          last = j + 2, range = true;
        } else if (Month(j + 2, &j2, &weak2) && Day(j2)) {
          last = j2, range = true;
        }
      }
      int k = Punct(last + 1, ',') ? last + 2 : last + 1;
      if (Year(k, true)) {
        const CivilDay d(toks_[k].value, month, day);
        if (d.day() != day) return {};
        return Make(i, k, Span(d, d, pb::DAY), range ? "day-range" : "absolute-date");
      }
      const std::optional<CivilDay> d = ResolveMonthDay(month, day);
      if (!d) return {};
      return Make(i, last, Span(*d, *d, pb::DAY), range ? "day-range" : "month-day-no-year");
    }
    const int k = Word(j, "of") ? j + 1 : j;
    if (Year(k, true)) {
      return Make(i, k, MonthSpan(CivilMonth(toks_[k].value, month)), "month-year");
    }
    if (!toks_[i].capital) return {};
    int first;
    const Dir dir = DirBefore(i, &first);
    if (weak && dir == Dir::kBare &&
        !WordIn(i - 1, {"in", "during", "since", "until", "till", "by", "from", "through",
                        "early", "late", "mid", "of", "before", "after", "between"}) &&
        !(Punct(i - 1, '-') && Word(i - 2, "mid"))) {
      return {};
    }
    return Make(first, j - 1, MonthSpan(ResolveMonth(month, dir)), "month-name");
  }

  // "14 November 2022", "10-11 May", "14th of November".
  std::optional<Match> DayFirst(int i) {
    if (!Day(i)) return {};
    int k = i + 1;
    bool range = false;
    if ((Punct(i + 1, '-') || WordIn(i + 1, {"to", "and"})) && Day(i + 2) &&
        toks_[i + 2].value > toks_[i].value) {
      k = i + 3, range = true;
    }
    if (Word(k, "of")) ++k;
    int j;
    bool weak;
    const int month = Month(k, &j, &weak);
    if (!month) return {};
    const int day = toks_[i].value;
    const int y = Punct(j, ',') && Year(j + 1, true) ? j + 1 : j;
    if (Year(y, true)) {
      const CivilDay d(toks_[y].value, month, day);
      if (d.day() != day) return {};
      return Make(i, y, Span(d, d, pb::DAY), range ? "day-range" : "absolute-date");
    }
    const std::optional<CivilDay> d = ResolveMonthDay(month, day);
    if (!d) return {};
    return Make(i, j - 1, Span(*d, *d, pb::DAY), range ? "day-range" : "month-day-no-year");
  }

  // "today", "tonight", "this morning", "yesterday", "last night",
  // "tomorrow", "the day before yesterday".
  std::optional<Match> RelativeDay(int i) {
    int first = i, offset;
    if (WordIn(i, {"today", "tonight"}) && !WordIn(i - 1, {"usa", "russia"})) {
      offset = 0;
    } else if (Word(i, "yesterday") || Word(i, "tomorrow")) {
      offset = Word(i, "yesterday") ? -1 : 1;
      if (Word(i - 1, offset < 0 ? "before" : "after") && Word(i - 2, "day") && Word(i - 3, "the")) {
        offset *= 2, first = i - 3;
      }
    } else if (WordIn(i, {"morning", "afternoon", "evening"}) && Word(i - 1, "this")) {
      offset = 0, first = i - 1;
    } else if (WordIn(i, {"night", "evening"}) && Word(i - 1, "last")) {
      offset = -1, first = i - 1;
    } else {
      return {};
    }
    int last = i;
    if (WordIn(i, {"yesterday", "tomorrow", "today"}) &&
        WordIn(i + 1, {"morning", "afternoon", "evening", "night"})) {
      last = i + 1;
    }
    if (WordIn(first - 1, {"earlier", "later"}) && offset == 0) --first;
    const CivilDay d = pub_ + offset;
    return Make(first, last, Span(d, d, pb::DAY), "relative-day");
  }

  // "this/last/next week|weekend|month|year", "earlier this month", "later
  // in the week".
  std::optional<Match> RelativeUnit(int i) {
    const int unit = Word(i, "week") ? 0 : Word(i, "weekend") ? 1 : Word(i, "month") ? 2
                   : Word(i, "year") ? 3 : -1;
    if (unit < 0) return {};
    int first;
    Dir dir = DirBefore(i, &first);
    int trim = 0;  // -1 earlier, +1 later: the part before/after publication
    if (dir == Dir::kThis && WordIn(i - 2, {"earlier", "later"})) {
      trim = Word(i - 2, "earlier") ? -1 : 1, first = i - 2;
    } else if (dir == Dir::kBare && Word(i - 1, "the") && Word(i - 2, "in") &&
               WordIn(i - 3, {"earlier", "later"}) && unit != 1) {
      dir = Dir::kThis, trim = Word(i - 3, "earlier") ? -1 : 1, first = i - 3;
    } else if (dir == Dir::kBare && unit == 1 && Word(i - 1, "the") &&
               WordIn(i - 2, {"over", "at", "during"})) {
      dir = Dir::kThis, first = i - 2;
    }
    if (dir == Dir::kBare) return {};
    if (dir == Dir::kLast && Word(first - 1, "the")) return {};  // "the last week": rolling
    const int step = dir == Dir::kLast ? -1 : dir == Dir::kNext ? 1 : 0;
    pb::TimeSpan span;
    const char* rule = "relative-week";
    if (unit == 0) {
      const CivilDay mon = MondayOf(pub_) + 7 * step;
      span = Span(mon, mon + 6, pb::WEEK);
    } else if (unit == 1) {
      const int pw = WeekdayIndex(pub_);  // Saturday is 5, Sunday 6
      CivilDay sat;
      if (dir == Dir::kLast) sat = pub_ - (pw + 1) - 1;              // before the last Sunday
      else if (dir == Dir::kNext) sat = pub_ + ((11 - pw) % 7 + 1);   // Saturday strictly after
      else if (future_) sat = pub_ + (6 - pw) - 1;                    // this week's Saturday
      else sat = pub_ - (pw + 2) % 7;                                 // latest Saturday on/before
      span = Span(sat, sat + 1, pb::WEEK);
    } else if (unit == 2) {
      span = MonthSpan(CivilMonth(pub_) + step), rule = "relative-month";
    } else {
      span = YearSpan(CivilYear(pub_) + step), rule = "relative-year";
    }
    if (trim < 0) span.set_to_day(std::max(span.from_day(), std::min(span.to_day(), DayNumber(pub_) - 1)));
    if (trim > 0) span.set_from_day(std::min(span.to_day(), std::max(span.from_day(), DayNumber(pub_) + 1)));
    return Make(first, i, span, rule);
  }

  // "three days ago", "10 days ago", "a week ago", "two weeks ago", "a
  // couple of months ago", "a year ago". Vague counts ("several") are skipped.
  std::optional<Match> Ago(int i) {
    if (!Word(i, "ago") || !Ok(i - 1)) return {};
    const std::string& u = toks_[i - 1].lower;
    const int unit = (u == "day" || u == "days") ? 0 : (u == "week" || u == "weeks") ? 1
                   : u == "fortnight" ? 2 : (u == "month" || u == "months") ? 3
                   : (u == "year" || u == "years") ? 4 : -1;
    if (unit < 0) return {};
    int first = i - 2, count = 0;
    if (WordIn(first, {"a", "an"})) {
      count = 1;
    } else if (Word(first, "of") && Word(first - 1, "couple") && Word(first - 2, "a")) {
      count = 2, first -= 2;
    } else if (Ok(first) && toks_[first].kind == Kind::kNumber && toks_[first].plain &&
               toks_[first].digits <= 3 && !Currency(first - 1)) {
      count = toks_[first].value;
    } else {
      for (int w = 1; w < 13; ++w) if (Word(first, kNumberWords[w])) count = w;
    }
    if (count <= 0) return {};
    pb::TimeSpan span;
    if (unit == 0) {
      span = Span(pub_ - count, pub_ - count, pb::DAY);
    } else if (unit <= 2) {
      const CivilDay d = pub_ - 7 * count * unit;
      const CivilMonth m(d);
      span = Span(std::max(d - 3, CivilDay(m)), std::min(d + 3, CivilDay(m + 1) - 1), pb::WEEK);
    } else if (unit == 3) {
      span = MonthSpan(CivilMonth(pub_) - count);
    } else {
      span = YearSpan(CivilYear(pub_) - count);
    }
    return Make(first, i, span, "ago");
  }

  // "last fall", "this summer", "next spring", "summer of 2022", "winter 2023".
  std::optional<Match> Season(int i) {
    int season = -1;
    if (Word(i, "winter")) season = 0;
    else if (Word(i, "spring")) season = 1;
    else if (Word(i, "summer")) season = 2;
    else if (WordIn(i, {"fall", "autumn"})) season = 3;
    if (season < 0) return {};
    const int k = Word(i + 1, "of") ? i + 2 : i + 1;
    if (Year(k, false)) return Make(i, k, SeasonSpan(season, toks_[k].value), "season");
    int first;
    const Dir dir = DirBefore(i, &first);
    if (dir == Dir::kBare) return {};
    const int32_t p = DayNumber(pub_);
    std::optional<pb::TimeSpan> best;
    for (int y = static_cast<int>(pub_.year()) - 2; y <= pub_.year() + 1; ++y) {  // oldest first
      const pb::TimeSpan s = SeasonSpan(season, y);
      if (dir == Dir::kLast ? s.to_day() < p : dir == Dir::kThis && !future_ ? s.from_day() <= p
                                                                            : false) {
        best = s;  // keep the latest
      } else if (!best && (dir == Dir::kNext ? s.from_day() > p : dir == Dir::kThis && future_
                                                                     ? s.to_day() >= p : false)) {
        best = s;  // keep the earliest
      }
    }
    if (!best) return {};
    return Make(first, i, *best, "season");
  }

  // "in 2023", "since 2019", "the 2022 summit", "mid-2023".
  std::optional<Match> YearAlone(int i) {
    if (!Year(i, false)) return {};
    return Make(i, i, YearSpan(CivilYear(toks_[i].value)), "year");
  }

  std::vector<Token> toks_;
  int n_;
  CivilDay pub_;
  bool future_;
  int lo_ = 0;  // first token a new mention may use
};

}  // namespace

std::vector<TimeMention> FindTimeMentions(absl::string_view sentence, CivilDay publication,
                                          bool future) {
  return Matcher(sentence, publication, future).Run();
}

bool SaysNextDay(absl::string_view sentence) {
  const std::string lower = absl::AsciiStrToLower(sentence);
  for (absl::string_view phrase : {"the next day", "the following day", "a day later",
                                   "one day later", "the next morning", "the following morning",
                                   "the next evening", "the following evening"}) {
    if (absl::StrContains(lower, phrase)) return true;
  }
  return false;
}

}  // namespace newsgraph
