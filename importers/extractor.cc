// The text pipeline end to end: text.h -> gazetteer.h / mentions.h ->
// coref.h -> triggers.h / events.h -> time_expressions.h, then one event
// per event of the article (repeated mentions merged).
#include "importers/extractor.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "importers/arguments.h"
#include "importers/coref.h"
#include "importers/events.h"
#include "importers/gazetteer.h"
#include "importers/mentions.h"
#include "importers/parse/candidates.h"
#include "importers/parse/link_parser.h"
#include "importers/statements.h"
#include "importers/text.h"
#include "importers/time_expressions.h"
#include "schema/dates.h"

namespace newsgraph {

struct Extractor::Impl {
  const KnowledgeBase* kb;
  Gazetteer gazetteer;
  Gazetteer places;  // cities and regions, for where a trip goes
  std::unique_ptr<LinkParser> parser;  // null when parsing is off
};

namespace {

std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

bool DatesCompatible(const pb::TimeSpan& a, const pb::TimeSpan& b) {
  if (a.fell_back() || b.fell_back()) return true;
  return a.from_day() <= b.to_day() && b.from_day() <= a.to_day();
}

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

// The time expression of the sentence nearest the trigger, if any.
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
    size_t d = t.end <= trig_begin ? trig_begin - t.end
               : t.begin >= trig_end ? t.begin - trig_end : 0;
    if (d < best) {
      best = d;
      *out = t;
    }
  }
  return best != SIZE_MAX;
}

bool SameDay(const pb::TimeSpan& a, const pb::TimeSpan& b) {
  return !a.fell_back() && !b.fell_back() && a.granularity() == pb::DAY &&
         b.granularity() == pb::DAY && a.from_day() == b.from_day();
}

// Two visits of the same travellers are one trip when they go to the same
// place, to places of the same state ("arrived in Kyiv", "the trip to
// Ukraine"), or on the same day to a place whose state is unknown ("Bucha"
// during a Kyiv trip): the stops of one trip are not visits of their own,
// the separate states of a tour are.
bool SameTrip(const ExtractedEvent& a, const ExtractedEvent& b) {
  // "On his first trip abroad, X went to Kyiv": a trip the sentence names
  // without a place is the one it places.
  if (a.sentence_begin == b.sentence_begin && a.place.empty() != b.place.empty()) return true;
  // "It was his first trip abroad": a noun for a trip with no place and no
  // other date, a sentence or two after a trip, refers back to it.
  const bool a_bare = a.place.empty() && a.place_state.empty();
  const bool b_bare = b.place.empty() && b.place_state.empty();
  const ExtractedEvent& bare = a_bare ? a : b;
  if (a_bare != b_bare && !bare.asserted && std::abs(a.sentence_index - b.sentence_index) <= 2 &&
      (bare.time.fell_back() || DatesCompatible(a.time, b.time))) {
    return true;
  }
  if (DatesCompatible(a.time, b.time)) {
    if (NormalizeText(a.place) == NormalizeText(b.place)) return true;
    if (!a.place_state.empty() && a.place_state == b.place_state) return true;
    return (a.place_state.empty() || b.place_state.empty()) && SameDay(a.time, b.time);
  }
  // Days apart, in one state: the days of one trip ("arrived in Kyiv on
  // Monday ... on Tuesday travelled to Bucha"), when they are a week apart
  // at most.
  return !a.place_state.empty() && a.place_state == b.place_state &&
         a.time.granularity() == pb::DAY && b.time.granularity() == pb::DAY &&
         std::abs(a.time.from_day() - b.time.from_day()) <= 6;
}

std::vector<std::string> SortedKeys(const ExtractedEvent& e) {
  std::vector<std::string> keys;
  for (const Participant& p : e.participants) {
    keys.push_back(p.kb_key.empty() ? "name:" + p.name : p.kb_key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Folds `ev` into an earlier event of the article that reports the same
// contact; returns false when there is none.
bool MergeInto(std::vector<ExtractedEvent>* events, const ExtractedEvent& ev) {
  const std::vector<std::string> keys = SortedKeys(ev);
  for (ExtractedEvent& old : *events) {
    if (Family(old.mode) != Family(ev.mode) || SortedKeys(old) != keys) continue;
    const bool compatible = DatesCompatible(old.time, ev.time);
    if (old.mode == "visit" ? !SameTrip(old, ev) : !compatible) continue;
    if (!compatible && ev.time.from_day() < old.time.from_day()) {
      old.time = ev.time;  // a trip over several days is dated by its first
      old.date_rule = ev.date_rule;
    }
    if (ev.mode == "summit" || (ev.mode == "video" && old.mode == "phone")) old.mode = ev.mode;
    // A plan and its report are one event; the report says it took place
    // when a verb asserts it ("met", not "the trip").
    if (ev.factuality == pb::HAPPENED && ev.asserted &&
        (old.factuality == pb::PLANNED || old.factuality == pb::POSSIBLE)) {
      old.factuality = pb::HAPPENED;
    }
    if (old.time.fell_back() && !ev.time.fell_back()) {
      old.time = ev.time;
      old.date_rule = ev.date_rule;
    }
    if (old.place.empty()) old.place = ev.place;
    if (old.place_state.empty()) old.place_state = ev.place_state;
    return true;
  }
  return false;
}

// "has been in contact", "have met": an indefinite past the story's time
// frame does not date.
bool PresentPerfect(const Document& doc, const Sentence& s, const Trigger& t) {
  for (int k = t.first - 1; k >= s.first && k >= t.first - 4; --k) {
    const std::string& w = doc.tokens[k].norm;
    if (w == "has" || w == "have") return true;
    if (!doc.tokens[k].word) return false;
  }
  return false;
}

// "is meeting", "are holding talks", "is in Laos", "is arriving".
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

// "met", "visited", "was received": a verb trigger in the simple past,
// with no auxiliary that puts it ahead ("will meet", "to visit").
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

// "X also met with Y": "also" right before the verb (or before its
// auxiliary).
bool AlsoMet(const Document& doc, const Sentence& s, const Trigger& t) {
  if (!t.verb) return false;
  const std::string& w = doc.tokens[t.first].norm;
  if (w != "met" && w != "meet" && w != "meets") return false;
  for (int k = t.first - 1; k >= s.first && k >= t.first - 3; --k) {
    const std::string& b = doc.tokens[k].norm;
    if (b == "also") return true;
    if (b != "has" && b != "had" && b != "have" && b != "will" && b != "would" &&
        b != "then" && b != "later") {
      return false;
    }
  }
  return false;
}

// The one person the previous sentence puts in direct dealings with
// `pair[0]` (the subject of "also met"): both named within a few words of
// each other, no one else but the object of the new meeting named there.
int PriorInterlocutor(const Document& doc, const Sentence& ps, const Mentions& m,
                      const std::vector<int>& pair) {
  const int subject = pair[0];
  const int object = pair[1];
  int subject_tok = -1;
  int other = -1;
  int other_tok = -1;
  for (const PersonMention& p : m.people) {
    if (p.first < ps.first || p.last > ps.last || p.entity < 0) continue;
    if (p.entity == subject) {
      if (subject_tok < 0) subject_tok = p.first;
    } else if (p.entity == object) {
      return -1;  // already named: the sentence is about the same meeting
    } else {
      if (other >= 0 && other != p.entity) return -1;
      other = p.entity;
      other_tok = p.last;
    }
  }
  if (subject_tok < 0 || other < 0) return -1;
  if (std::abs(subject_tok - other_tok) > 6) return -1;
  // No reporting verb ("P said S ...") between them.
  const int a = std::min(subject_tok, other_tok);
  const int b = std::max(subject_tok, other_tok);
  for (int k = a; k < b; ++k) {
    const std::string& w = doc.tokens[k].norm;
    if (w == "said" || w == "says" || w == "told" || w == "according" || w == "asked" ||
        w == "about" || w == "criticized" || w == "criticised") {
      return -1;
    }
  }
  return other;
}

// "the G7 leaders", "NATO counterparts": a group phrase naming an alliance
// stands for people of its member states.
void AddAllianceMembers(const KnowledgeBase& kb, int32_t day, Mentions* mentions) {
  for (ActorMention& a : mentions->actors) {
    if (a.kind != GazKind::kAlliance) continue;
    for (const pb::KbState& state : kb.proto().states()) {
      if (kb.IsMember(state.code(), a.key, day)) a.members.push_back(state.code());
    }
  }
}

Participant MakeParticipant(const Mentions& mentions, const Entity& ent, int tok) {
  Participant p;
  p.kind = pb::PERSON;
  p.kb_key = ent.kb_key;
  p.name = ent.name;
  p.state = ent.state;
  p.role = RoleNear(mentions, ent, tok);
  return p;
}

}  // namespace

Extractor::Extractor(const KnowledgeBase* kb, const ExtractorOptions& options)
    : impl_(new Impl{kb, Gazetteer::FromKb(kb->proto()), Gazetteer::PlacesFromKb(kb->proto()),
                     nullptr}) {
  if (options.parse_sentences) {
    absl::StatusOr<std::unique_ptr<LinkParser>> parser = LinkParser::Create();
    if (parser.ok()) impl_->parser = *std::move(parser);
  }
}

bool Extractor::parsing() const { return impl_->parser != nullptr; }

Extractor::~Extractor() = default;

namespace {

// Texts longer than this are read in segments of about this size, cut at
// a paragraph, else a sentence, else a space. Coreference, contact frames
// and time context do not reach across a cut, but every gold article is
// under 32 KiB, so real news is never cut; what the cut buys is work that
// grows linearly with a long text rather than with its square (each stage
// looks back over the mentions and frames before it).
constexpr size_t kSegmentBytes = size_t{64} << 10;

// The [begin, end) byte ranges of the segments of `text`.
std::vector<std::pair<size_t, size_t>> Segments(absl::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  while (text.size() - begin > kSegmentBytes) {
    const size_t target = begin + kSegmentBytes;
    const absl::string_view window = text.substr(begin + kSegmentBytes / 2, kSegmentBytes / 2);
    size_t cut = absl::string_view::npos;
    for (absl::string_view boundary : {"\n\n", "\n", ". ", " "}) {
      const size_t at = window.rfind(boundary);
      if (at != absl::string_view::npos) {
        cut = begin + kSegmentBytes / 2 + at + boundary.size();
        break;
      }
    }
    if (cut == absl::string_view::npos) {
      cut = target;  // no space at all: any UTF-8 character boundary
      while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out.emplace_back(begin, cut);
    begin = cut;
  }
  out.emplace_back(begin, text.size());
  return out;
}

void AddSegment(Extraction segment, uint32_t offset, Extraction* all) {
  for (ExtractedEvent& ev : segment.events) {
    ev.sentence_begin += offset;
    ev.sentence_end += offset;
    all->events.push_back(std::move(ev));
  }
  for (LearnedRole& role : segment.roles) {
    role.sentence_begin += offset;
    role.sentence_end += offset;
    all->roles.push_back(std::move(role));
  }
  ParseStats& p = all->parse;
  const ParseStats& q = segment.parse;
  p.sentences += q.sentences;
  p.candidates += q.candidates;
  p.settled += q.settled;
  p.parsed += q.parsed;
  p.no_parse += q.no_parse;
  p.timed_out += q.timed_out;
  p.too_long += q.too_long;
  p.millis.insert(p.millis.end(), q.millis.begin(), q.millis.end());
}

}  // namespace

absl::StatusOr<Extraction> Extractor::Extract(const ArticleInput& article) const {
  if (article.text.size() <= kSegmentBytes) return ExtractSegment(article);
  Extraction all;
  for (const auto& [begin, end] : Segments(article.text)) {
    ArticleInput part;
    part.id = article.id;
    part.date = article.date;
    part.title = article.title;
    part.text = article.text.substr(begin, end - begin);
    absl::StatusOr<Extraction> segment = ExtractSegment(part);
    if (!segment.ok()) return segment.status();
    AddSegment(*std::move(segment), static_cast<uint32_t>(begin), &all);
  }
  return all;
}

absl::StatusOr<Extraction> Extractor::ExtractSegment(const ArticleInput& article) const {
  absl::StatusOr<absl::CivilDay> pub = ParseIsoDay(article.date);
  if (!pub.ok()) return pub.status();
  const int32_t pub_day = DayNumber(*pub);
  const KnowledgeBase& kb = *impl_->kb;

  Document doc = Analyze(article.text);
  Mentions mentions = FindMentions(doc, impl_->gazetteer, &impl_->places);
  AddAllianceMembers(kb, pub_day, &mentions);
  std::vector<Entity> entities = ResolveCoreference(kb, pub_day, &mentions);

  Extraction out;
  out.parse.sentences = static_cast<int>(doc.sentences.size());
  // Contacts are built as frames: a later sentence may add people to one
  // ("the call", a participant list) before it is judged complete.
  struct Frame {
    ExtractedEvent ev;
    std::vector<int> entities;
    int sentence = 0;
    int trigger_token = 0;
    int refs = 0;  // later "the call", "this meeting" that point back to it
    bool lone_subject = false;
    std::string place_state;  // of the contact's place, when known
  };
  std::vector<Frame> frames;
  // The earlier frame of `family` with exactly the people `entities`.
  auto same_people_frame = [&](const std::string& family, std::vector<int> entities) -> Frame* {
    std::sort(entities.begin(), entities.end());
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      std::vector<int> people = it->entities;
      std::sort(people.begin(), people.end());
      if (Family(it->ev.mode) == family && people == entities) return &*it;
    }
    return nullptr;
  };
  auto latest_frame = [&](const std::string& family, int si, int window) -> Frame* {
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      if (si - it->sentence > window) break;
      if (family.empty() || Family(it->ev.mode) == family) return &*it;
    }
    return nullptr;
  };
  // The contact a participant list completes: of the recent frames of the
  // list's family, the one the text keeps referring to, else the first
  // (readouts open with their main event).
  auto list_frame = [&](const std::string& family, int si) -> Frame* {
    Frame* best = nullptr;
    for (Frame& f : frames) {
      if (si - f.sentence > 8) continue;
      if (!family.empty() && Family(f.ev.mode) != family) continue;
      // Lists describe the contact being reported, not a past one recalled.
      if (!f.ev.time.fell_back() && std::abs(f.ev.time.from_day() - pub_day) > 7) continue;
      if (best == nullptr || f.refs > best->refs) best = &f;
    }
    return best;
  };
  auto add_entities = [](Frame* f, const std::vector<int>& es) {
    for (int e : es) {
      if (std::find(f->entities.begin(), f->entities.end(), e) == f->entities.end()) {
        f->entities.push_back(e);
      }
    }
  };
  std::vector<ExtractedEvent> visits;
  std::vector<ExtractedEvent> statements;  // SANCTION, SUPPORT, ACCUSE
  struct Context {
    bool valid = false;
    int sentence = 0;
    pb::TimeSpan span;
  } context;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const int isi = static_cast<int>(si);
    if (si > 0) {
      // The last time expression of the previous sentence frames this one.
      const Sentence& p = doc.sentences[si - 1];
      std::vector<TimeMention> prev =
          FindTimeMentions(doc.text.substr(p.begin, p.end - p.begin), *pub, false);
      if (!prev.empty()) context = Context{true, isi - 1, prev.back().span};
    }
    // The surface rules first; the parse where their reading is unsettled.
    std::vector<DraftEvent> drafts = EventsInSentence(doc, isi, mentions, entities);
    SentenceParse parse;
    if (impl_->parser != nullptr &&
        ParseCandidate(*impl_->parser, doc, s, mentions, drafts, &parse, &out.parse)) {
      drafts = EventsInSentence(doc, isi, mentions, entities, &parse);
    }
    for (StatementDraft& st : StatementsInSentence(doc, isi, mentions, entities, kb)) {
      ExtractedEvent ev;
      ev.plover_type = st.plover_type;
      ev.mode = "";
      ev.participants = std::move(st.participants);
      FactualityReading fr = ReadFactuality(doc, s, st.trigger);
      if (fr.value == pb::DENIED || fr.value == pb::CANCELLED) continue;
      ev.factuality = fr.value;
      ev.sentence_begin = s.begin;
      ev.sentence_end = s.end;
      ev.rule = absl::StrCat(st.rule, fr.cue.empty() ? "" : "+", fr.cue);
      ev.people_rule = "statement";
      const absl::string_view stext = doc.text.substr(s.begin, s.end - s.begin);
      std::vector<TimeMention> times = FindTimeMentions(stext, *pub, fr.future);
      TimeMention tm;
      const size_t tb = doc.tokens[st.trigger.first].begin - s.begin;
      const size_t te = doc.tokens[st.trigger.last - 1].end - s.begin;
      if (PickTime(stext, times, tb, te, &tm)) {
        ev.time = tm.span;
        ev.date_rule = tm.rule;
      } else {
        ev.time.set_from_day(pub_day);
        ev.time.set_to_day(pub_day);
        ev.time.set_granularity(pb::GRANULARITY_UNKNOWN);
        ev.time.set_fell_back(true);
        ev.date_rule = "fallback-publication";
      }
      statements.push_back(std::move(ev));
    }
    bool own_contact = false;
    for (const DraftEvent& d : drafts) {
      if (d.mode != "visit" && !d.anaphoric && d.entities.size() >= 2) own_contact = true;
    }
    std::vector<int> list = own_contact ? std::vector<int>{}
                                        : ParticipantList(doc, isi, mentions);
    if (!list.empty()) {
      std::string family;
      for (const DraftEvent& d : drafts) {
        if (d.mode != "visit") family = Family(d.mode);
      }
      if (Frame* f = list_frame(family, isi)) {
        add_entities(f, list);
        f->ev.people_rule += ",participant-list";
      }
    }
    absl::string_view text = doc.text.substr(s.begin, s.end - s.begin);
    for (DraftEvent& d : drafts) {
      ExtractedEvent ev;
      ev.mode = d.mode;
      ev.asserted = d.trigger.verb || VerbStart(doc, s, d.trigger) >= 0;  // "is making a visit"
      ev.place = d.place;
      ev.factuality = d.factuality.value;
      ev.sentence_begin = s.begin;
      ev.sentence_end = s.end;
      ev.sentence_index = isi;
      ev.rule = absl::StrCat(d.trigger.rule, d.factuality.cue.empty() ? "" : "+",
                             d.factuality.cue);
      ev.people_rule = d.people_rule;
      std::vector<TimeMention> times = FindTimeMentions(text, *pub, d.factuality.future);
      TimeMention tm;
      const size_t tb = doc.tokens[d.trigger.first].begin - s.begin;
      const size_t te = doc.tokens[d.trigger.last - 1].end - s.begin;
      const bool own_time = PickTime(text, times, tb, te, &tm);
      if (own_time) {
        ev.time = tm.span;
        ev.date_rule = tm.rule;
        if (ev.factuality == pb::HAPPENED && tm.span.from_day() > pub_day) {
          ev.factuality = pb::PLANNED;
          ev.rule += "+future-date";
        }
      } else if (d.factuality.value == pb::HAPPENED && PresentProgressive(doc, s, d.trigger)) {
        // "is meeting", "is in Laos", "is arriving in Uganda": under way
        // on the publication day.
        ev.time.set_from_day(pub_day);
        ev.time.set_to_day(pub_day);
        ev.time.set_granularity(pb::DAY);
        ev.date_rule = "present-tense";
      } else if (context.valid && isi - context.sentence <= 2 &&
                 context.span.granularity() == pb::DAY && SaysNextDay(text)) {
        // "the next day", "a day later": the day after the story's day.
        ev.time = context.span;
        ev.time.set_from_day(context.span.from_day() + 1);
        ev.time.set_to_day(context.span.from_day() + 1);
        ev.date_rule = "next-day";
        // "A day later, X met Y" told in the past tense took place, whatever
        // day the story's context was.
        if (ev.factuality == pb::HAPPENED && ev.time.from_day() > pub_day &&
            !SimplePast(doc, s, d.trigger)) {
          ev.factuality = pb::PLANNED;
          ev.rule += "+future-date";
        }
      } else if (context.valid && isi - context.sentence <= 2 && !PresentPerfect(doc, s, d.trigger) &&
                 context.span.granularity() != pb::YEAR &&
                 context.span.granularity() != pb::SEASON) {
        // The story's time frame, set by a recent sentence: as precise as
        // its month.
        absl::CivilDay day = CivilDayFromNumber(context.span.from_day());
        absl::CivilMonth month(day);
        ev.time.set_from_day(DayNumber(absl::CivilDay(month)));
        ev.time.set_to_day(DayNumber(absl::CivilDay(month + 1)) - 1);
        ev.time.set_granularity(pb::MONTH);
        ev.date_rule = "context-month";
      } else {
        ev.time.set_from_day(pub_day);
        ev.time.set_to_day(pub_day);
        ev.time.set_granularity(pb::GRANULARITY_UNKNOWN);
        ev.time.set_fell_back(true);
        ev.date_rule = "fallback-publication";
      }
      if (d.mode == "visit") {
        for (int e : d.entities) {
          // A trip inside one's own country is no visit.
          if (!d.place_state.empty() && entities[e].state == d.place_state) continue;
          ev.participants.push_back(MakeParticipant(mentions, entities[e], d.trigger.first));
        }
        if (ev.participants.empty()) continue;
        ev.place_state = d.place_state;
        visits.push_back(std::move(ev));
        continue;
      }
      if (!list.empty()) continue;  // the list sentence's "the call" is the listed contact
      if (d.pair_reference && d.entities.size() < 2) {
        // "the two leaders": the pair of the latest two-person contact.
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
          if (isi - it->sentence > 10) break;
          if (it->entities.size() == 2) {
            for (int e : it->entities) {
              if (std::find(d.entities.begin(), d.entities.end(), e) == d.entities.end()) {
                d.entities.push_back(e);
              }
            }
            ev.people_rule += ",pair-reference";
            break;
          }
        }
      }
      if (d.anaphoric && d.entities.size() < 2) {  // "the summit between A and B" is its own
        Frame* f = latest_frame(Family(d.mode), isi, 3);
        if (f != nullptr && DatesCompatible(f->ev.time, ev.time)) {
          add_entities(f, d.entities);
          ++f->refs;
          if (d.mode == "summit" || (d.mode == "video" && f->ev.mode == "phone")) {
            f->ev.mode = d.mode;
          }
          if (f->ev.place.empty()) f->ev.place = ev.place;
          if (f->ev.time.fell_back() && !ev.time.fell_back()) f->ev.time = ev.time;
          continue;
        }
      }
      if (d.anaphoric && d.entities.size() >= 2) {
        // "the Biden-Xi meeting", "their first face-to-face meeting": the
        // contact of the same people reported earlier. It adds a place or
        // a date the report lacks, never its own factuality.
        Frame* f = same_people_frame(Family(d.mode), d.entities);
        // A date of its own that disagrees makes it another meeting ("the
        // fifth meeting between ... in May"); the story's month does not.
        if (f != nullptr && !DatesCompatible(f->ev.time, ev.time) &&
            ev.date_rule != "context-month") {
          f = nullptr;
        }
        if (f != nullptr) {
          ++f->refs;
          if (f->ev.place.empty()) f->ev.place = ev.place;
          if (f->ev.time.fell_back() && !ev.time.fell_back()) f->ev.time = ev.time;
          continue;
        }
      }
      Frame f;
      f.ev = std::move(ev);
      f.entities = d.entities;
      f.sentence = isi;
      f.trigger_token = d.trigger.first;
      f.lone_subject = d.lone_subject;
      f.place_state = d.place_state;
      int prior = -1;
      if (si > 0 && Family(d.mode) == "in-person" && d.entities.size() == 2 &&
          AlsoMet(doc, s, d.trigger)) {
        prior = PriorInterlocutor(doc, doc.sentences[si - 1], mentions, d.entities);
      }
      const ExtractedEvent also_base = f.ev;
      const int subject = d.entities.empty() ? -1 : d.entities[0];
      frames.push_back(std::move(f));
      if (prior >= 0) {
        // "S also met with O" after a sentence where P dealt with S: S met P
        // first, at the same stage of the story.
        const Sentence& ps = doc.sentences[si - 1];
        bool known = false;
        for (const Frame& g : frames) {
          if (Family(g.ev.mode) != "in-person") continue;
          known |= std::find(g.entities.begin(), g.entities.end(), prior) != g.entities.end() &&
                   std::find(g.entities.begin(), g.entities.end(), subject) != g.entities.end();
        }
        if (!known) {
          Frame a;
          a.ev = also_base;
          a.ev.mode = "in-person";
          a.ev.sentence_begin = ps.begin;
          a.ev.sentence_end = ps.end;
          a.ev.place.clear();
          a.ev.rule = "also-met-prior";
          a.ev.people_rule = "also-met-prior";
          a.entities = {prior, subject};
          a.sentence = isi - 1;
          a.trigger_token = ps.first;
          frames.push_back(std::move(a));
        }
      }
    }
  }
  for (Frame& f : frames) {
    for (int e : f.entities) {
      f.ev.participants.push_back(MakeParticipant(mentions, entities[e], f.trigger_token));
      absl::StrAppend(&f.ev.people_rule, ",", entities[e].rule);
    }
    if (f.entities.size() >= 2) {
      if (!MergeInto(&out.events, f.ev)) out.events.push_back(std::move(f.ev));
    } else if (f.entities.size() == 1 && f.lone_subject && !f.ev.place.empty() &&
               Family(f.ev.mode) == "in-person" &&
               (f.place_state.empty() || entities[f.entities[0]].state != f.place_state)) {
      // A named official meeting unnamed counterparts in a named city.
      f.ev.mode = "visit";
      f.ev.people_rule += ",meeting-unnamed-counterparts";
      visits.push_back(std::move(f.ev));
    }
  }
  for (ExtractedEvent& v : visits) {
    if (!MergeInto(&out.events, v)) out.events.push_back(std::move(v));
  }
  // A traveller whose tour is under way on the publication day ("is
  // visiting Italy"): the undated contacts the article reports for them are
  // stops of that tour, in the publication month.
  {
    std::vector<std::string> touring;
    for (const ExtractedEvent& e : out.events) {
      if (e.mode != "visit" || e.date_rule != "present-tense") continue;
      for (const Participant& p : e.participants) {
        touring.push_back(p.kb_key.empty() ? "name:" + p.name : p.kb_key);
      }
    }
    for (ExtractedEvent& e : out.events) {
      if (e.plover_type != "CONSULT" || e.mode == "visit" || !e.time.fell_back() ||
          e.factuality != pb::HAPPENED) {
        continue;
      }
      bool on_tour = false;
      for (const Participant& p : e.participants) {
        const std::string key = p.kb_key.empty() ? "name:" + p.name : p.kb_key;
        on_tour |= std::find(touring.begin(), touring.end(), key) != touring.end();
      }
      if (!on_tour) continue;
      absl::CivilMonth month(*pub);
      e.time.set_from_day(DayNumber(absl::CivilDay(month)));
      e.time.set_to_day(DayNumber(absl::CivilDay(month + 1)) - 1);
      e.time.set_granularity(pb::MONTH);
      e.time.set_fell_back(false);
      e.date_rule = "ongoing-tour";
    }
  }
  // Statements: one event per type and participant set in the article.
  for (ExtractedEvent& st : statements) {
    bool seen = false;
    for (const ExtractedEvent& e : out.events) {
      seen |= e.plover_type == st.plover_type && SortedKeys(e) == SortedKeys(st);
    }
    if (!seen) out.events.push_back(std::move(st));
  }
  // Roles learned from the text for people the KB does not know.
  for (const Entity& ent : entities) {
    if (!ent.kb_key.empty()) continue;
    for (int mi : ent.mentions) {
      const PersonMention& p = mentions.people[mi];
      if (p.role.empty() || p.short_form) continue;
      const Sentence& s = doc.sentences[doc.SentenceOf(p.first)];
      LearnedRole r;
      r.person.kind = pb::PERSON;
      r.person.name = ent.name;
      r.person.state = ent.state;
      r.person.role = p.role;
      r.time.set_from_day(pub_day);
      r.time.set_to_day(pub_day);
      r.time.set_granularity(pb::DAY);
      r.sentence_begin = s.begin;
      r.sentence_end = s.end;
      r.rule = p.rule;
      out.roles.push_back(std::move(r));
      break;
    }
  }
  return out;
}

}  // namespace newsgraph
