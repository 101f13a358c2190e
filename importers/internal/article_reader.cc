#include "importers/internal/article_reader.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "importers/arguments.h"
#include "importers/internal/event_merge.h"
#include "importers/internal/event_time.h"
#include "importers/parse/candidates.h"
#include "importers/statements.h"
#include "importers/time_expressions.h"
#include "schema/dates.h"

namespace newsgraph::internal {
namespace {

// "X also met with Y": "also" right before the verb (or before its
// auxiliary).
bool AlsoMet(const Document& doc, const Sentence& s, const Trigger& t) {
  if (!t.verb) return false;
  const std::string& w = doc.tokens[t.first].norm;
  if (w != "met" && w != "meet" && w != "meets") return false;
  for (int k = t.first - 1; k >= s.first && k >= t.first - 3; --k) {
    const std::string& b = doc.tokens[k].norm;
    if (b == "also") return true;
    if (!IsOneOf(b, {"has", "had", "have", "will", "would", "then", "later"})) return false;
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
  for (int k = std::min(subject_tok, other_tok); k < std::max(subject_tok, other_tok); ++k) {
    if (IsOneOf(doc.tokens[k].norm, {"said", "says", "told", "according", "asked", "about",
                                     "criticized", "criticised"})) {
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
    // The alliance's own member list, each checked for the day.
    for (const pb::KbAlliance& alliance : kb.proto().alliances()) {
      if (alliance.name() != a.key) continue;
      for (const auto& member : alliance.members()) {
        const std::string& code = member.state();
        if (kb.IsMember(code, a.key, day) &&
            std::find(a.members.begin(), a.members.end(), code) == a.members.end()) {
          a.members.push_back(code);
        }
      }
    }
  }
}

void AddEntities(std::vector<int>* to, const std::vector<int>& es) {
  for (int e : es) {
    if (std::find(to->begin(), to->end(), e) == to->end()) to->push_back(e);
  }
}

// The publication day as an undated event's span.
}  // namespace

ArticleReader::ArticleReader(const KnowledgeBase& kb, const Gazetteer& gazetteer,
                             const Gazetteer& places, const LinkParser* parser,
                             absl::string_view text, absl::CivilDay publication)
    : kb_(kb), parser_(parser), pub_(publication), pub_day_(DayNumber(publication)),
      doc_(Analyze(text)), mentions_(FindMentions(doc_, gazetteer, &places)) {
  AddAllianceMembers(kb_, pub_day_, &mentions_);
  entities_ = ResolveCoreference(kb_, pub_day_, &mentions_);
}

Extraction ArticleReader::Read() {
  out_.parse.sentences = static_cast<int>(doc_.sentences.size());
  for (size_t si = 0; si < doc_.sentences.size(); ++si) ReadSentence(static_cast<int>(si));
  FinishFrames();
  for (ExtractedEvent& v : visits_) {
    if (!MergeInto(&out_.events, v)) out_.events.push_back(std::move(v));
  }
  DateOngoingTours();
  DateLeadReports();
  DateStoryReports();
  AddStatementsOnce();
  LearnRoles();
  return std::move(out_);
}

void ArticleReader::ReadSentence(int si) {
  if (si > 0) FrameFromPreviousSentence(si);
  std::vector<DraftEvent> drafts = Drafts(si);
  AddStatements(si);
  const std::vector<int> list = CompleteFromList(si, drafts);
  for (DraftEvent& d : drafts) {
    ExtractedEvent ev = FromDraft(d, si);
    if (d.mode == "visit") {
      AddVisit(d, std::move(ev), si);
      continue;
    }
    if (!list.empty()) continue;  // the list sentence's "the call" is the listed contact
    if (ReferToEarlier(&d, &ev, si)) continue;
    AddFrame(d, std::move(ev), si);
  }
}

std::vector<DraftEvent> ArticleReader::Drafts(int si) {
  // The surface rules first; the parse where their reading is unsettled.
  std::vector<DraftEvent> drafts = EventsInSentence(doc_, si, mentions_, entities_);
  SentenceParse parse;
  if (parser_ != nullptr && ParseCandidate(*parser_, doc_, doc_.sentences[si], mentions_, drafts,
                                           &parse, &out_.parse)) {
    drafts = EventsInSentence(doc_, si, mentions_, entities_, &parse);
  }
  return drafts;
}

void ArticleReader::AddStatements(int si) {
  const Sentence& s = doc_.sentences[si];
  for (StatementDraft& st : StatementsInSentence(doc_, si, mentions_, entities_, kb_)) {
    FactualityReading fr = ReadFactuality(doc_, s, st.trigger);
    if (fr.value == pb::DENIED || fr.value == pb::CANCELLED) continue;
    ExtractedEvent ev;
    ev.plover_type = st.plover_type;
    ev.mode = "";
    ev.participants = std::move(st.participants);
    ev.factuality = fr.value;
    ev.sentence_begin = s.begin;
    ev.sentence_end = s.end;
    ev.rule = absl::StrCat(st.rule, fr.cue.empty() ? "" : "+", fr.cue);
    ev.people_rule = "statement";
    const absl::string_view stext = doc_.text.substr(s.begin, s.end - s.begin);
    std::vector<TimeMention> times = FindTimeMentions(stext, pub_, fr.future);
    TimeMention tm;
    const size_t tb = doc_.tokens[st.trigger.first].begin - s.begin;
    const size_t te = doc_.tokens[st.trigger.last - 1].end - s.begin;
    if (PickTime(stext, times, tb, te, &tm)) {
      ev.time = tm.span;
      ev.date_rule = tm.rule;
    } else {
      FallBack(pub_day_, &ev);
    }
    statements_.push_back(std::move(ev));
  }
}

std::vector<int> ArticleReader::CompleteFromList(int si, const std::vector<DraftEvent>& drafts) {
  bool own_contact = false;
  for (const DraftEvent& d : drafts) {
    if (d.mode != "visit" && !d.anaphoric && d.entities.size() >= 2) own_contact = true;
  }
  if (own_contact) return {};
  std::vector<int> list = ParticipantList(doc_, si, mentions_);
  if (list.empty()) return list;
  std::string family;
  for (const DraftEvent& d : drafts) {
    if (d.mode != "visit") family = Family(d.mode);
  }
  if (Frame* f = ListFrame(family, si)) {
    AddEntities(&f->entities, list);
    f->ev.people_rule += ",participant-list";
  }
  return list;
}

ExtractedEvent ArticleReader::FromDraft(const DraftEvent& d, int si) const {
  const Sentence& s = doc_.sentences[si];
  ExtractedEvent ev;
  ev.mode = d.mode;
  // "is making a visit" asserts; an infinitive ("travelled there to meet
  // X", "agreed to meet") only intends, and cannot settle a plan.
  const int before = d.trigger.first - 1;
  ev.asserted = (d.trigger.verb || VerbStart(doc_, s, d.trigger) >= 0) &&
                !(before >= s.first && doc_.tokens[before].norm == "to");
  ev.place = d.place;
  ev.factuality = d.factuality.value;
  ev.sentence_begin = s.begin;
  ev.sentence_end = s.end;
  ev.sentence_index = si;
  ev.rule = absl::StrCat(d.trigger.rule, d.factuality.cue.empty() ? "" : "+", d.factuality.cue);
  ev.people_rule = d.people_rule;
  DateEvent(d, si, &ev);
  return ev;
}

void ArticleReader::AddVisit(const DraftEvent& d, ExtractedEvent ev, int si) {
  std::string place_state = d.place_state;
  if (d.anaphoric && ev.place.empty()) {
    // "won't be present at the summit": the gathering of the sentence
    // or two before, with its place and its time.
    const Frame* f = LatestFrame("", si, 2);
    if (f == nullptr || f->ev.place.empty()) return;
    ev.place = f->ev.place;
    place_state = f->place_state;
    if (ev.time.fell_back() && !f->ev.time.fell_back()) {
      ev.time = f->ev.time;
      ev.date_rule = f->ev.date_rule;
    }
  }
  for (int e : d.entities) {
    // A trip inside one's own country is no visit.
    if (!place_state.empty() && entities_[e].state == place_state) continue;
    ev.participants.push_back(MakeParticipant(e, d.trigger.first));
  }
  if (ev.participants.empty()) return;
  ev.place_state = place_state;
  visits_.push_back(std::move(ev));
}

bool ArticleReader::ReferToEarlier(DraftEvent* d, ExtractedEvent* ev, int si) {
  if (d->pair_reference && d->entities.size() < 2) {
    // "the two leaders": the pair of the latest two-person contact.
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      if (si - it->sentence > 10) break;
      if (it->entities.size() != 2) continue;
      // A contact of another month that the story recalls ("as discussed
      // by A and B at last year's summit") is not whom "they" stand for in
      // a sentence of the story's present (one with no time of its own;
      // "the pair spoke again in March" names its own).
      const pb::TimeSpan& when = it->ev.time;
      if (ev->time.fell_back() && !when.fell_back() && when.to_day() < pub_day_ - 31) continue;
      AddEntities(&d->entities, it->entities);
      ev->people_rule += ",pair-reference";
      break;
    }
  }
  if (!d->anaphoric) return false;
  Frame* f = nullptr;
  if (d->entities.size() < 2) {  // "the summit between A and B" is its own
    f = LatestFrame(Family(d->mode), si, 3);
    if (f == nullptr || !DatesCompatible(f->ev.time, ev->time)) return false;
    // A reference naming someone outside a contact that already has its
    // two sides ("the Biden-Xi meeting" after Yellen's talks with He) is
    // another contact.
    if (f->entities.size() >= 2 && !d->entities.empty() &&
        std::find(f->entities.begin(), f->entities.end(), d->entities[0]) == f->entities.end()) {
      return false;
    }
    AddEntities(&f->entities, d->entities);
    if (d->mode == "summit" || (d->mode == "video" && f->ev.mode == "phone")) f->ev.mode = d->mode;
  } else {
    // "the Biden-Xi meeting", "their first face-to-face meeting": the
    // contact of the same people reported earlier. It adds a place or a date
    // the report lacks, never its own factuality. A date of its own that
    // disagrees makes it another meeting ("the fifth meeting between ... in
    // May"); the story's month does not.
    f = SamePeopleFrame(Family(d->mode), d->entities);
    if (f == nullptr) {
      // "The two states held a meeting ... X spoke at the meeting, which Y
      // chaired": the people of a contact reported without any.
      f = LatestFrame(Family(d->mode), si, 5);
      if (f == nullptr || !f->entities.empty() || !DatesCompatible(f->ev.time, ev->time)) {
        return false;
      }
      AddEntities(&f->entities, d->entities);
    } else if (!DatesCompatible(f->ev.time, ev->time) && ev->date_rule != "context-month") {
      return false;
    }
  }
  ++f->refs;
  // "was to meet X on Friday, but the meeting was called off": the plan the
  // reference names was cancelled.
  if (ev->factuality == pb::CANCELLED &&
      (f->ev.factuality == pb::PLANNED || f->ev.factuality == pb::POSSIBLE)) {
    f->ev.factuality = pb::CANCELLED;
  }
  if (f->ev.place.empty()) f->ev.place = ev->place;
  if (f->ev.time.fell_back() && !ev->time.fell_back()) f->ev.time = ev->time;
  return true;
}

void ArticleReader::AddFrame(const DraftEvent& d, ExtractedEvent ev, int si) {
  const ExtractedEvent base = ev;
  Frame f;
  f.ev = std::move(ev);
  f.entities = d.entities;
  f.sentence = si;
  f.trigger_token = d.trigger.first;
  f.lone_subject = d.lone_subject;
  f.place_state = d.place_state;
  if (f.ev.place_state.empty()) f.ev.place_state = d.place_state;
  frames_.push_back(std::move(f));
  AddPriorMeeting(d, base, si);
}

void ArticleReader::AddPriorMeeting(const DraftEvent& d, const ExtractedEvent& base, int si) {
  if (si == 0 || Family(d.mode) != "in-person" || d.entities.size() != 2 ||
      !AlsoMet(doc_, doc_.sentences[si], d.trigger)) {
    return;
  }
  const Sentence& ps = doc_.sentences[si - 1];
  const int prior = PriorInterlocutor(doc_, ps, mentions_, d.entities);
  if (prior < 0) return;
  // S met P first, at the same stage of the story, unless a frame says so.
  const int subject = d.entities[0];
  for (const Frame& g : frames_) {
    if (Family(g.ev.mode) != "in-person") continue;
    if (std::find(g.entities.begin(), g.entities.end(), prior) != g.entities.end() &&
        std::find(g.entities.begin(), g.entities.end(), subject) != g.entities.end()) {
      return;
    }
  }
  Frame a;
  a.ev = base;
  a.ev.mode = "in-person";
  a.ev.sentence_begin = ps.begin;
  a.ev.sentence_end = ps.end;
  a.ev.place.clear();
  a.ev.rule = "also-met-prior";
  a.ev.people_rule = "also-met-prior";
  a.entities = {prior, subject};
  a.sentence = si - 1;
  a.trigger_token = ps.first;
  frames_.push_back(std::move(a));
}

ArticleReader::Frame* ArticleReader::SamePeopleFrame(const std::string& family,
                                                     std::vector<int> entities) {
  std::sort(entities.begin(), entities.end());
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    std::vector<int> people = it->entities;
    std::sort(people.begin(), people.end());
    if (Family(it->ev.mode) == family && people == entities) return &*it;
  }
  return nullptr;
}

ArticleReader::Frame* ArticleReader::LatestFrame(const std::string& family, int si, int window) {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (si - it->sentence > window) break;
    if (family.empty() || Family(it->ev.mode) == family) return &*it;
  }
  return nullptr;
}

ArticleReader::Frame* ArticleReader::ListFrame(const std::string& family, int si) {
  // Of the recent frames of the list's family, the one the text keeps
  // referring to, else the first (readouts open with their main event).
  Frame* best = nullptr;
  for (Frame& f : frames_) {
    if (si - f.sentence > 8) continue;
    if (!family.empty() && Family(f.ev.mode) != family) continue;
    // Lists describe the contact being reported, not a past one recalled.
    if (!f.ev.time.fell_back() && std::abs(f.ev.time.from_day() - pub_day_) > 7) continue;
    if (best == nullptr || f.refs > best->refs) best = &f;
  }
  return best;
}

void ArticleReader::FinishFrames() {
  for (Frame& f : frames_) {
    for (int e : f.entities) {
      f.ev.participants.push_back(MakeParticipant(e, f.trigger_token));
      absl::StrAppend(&f.ev.people_rule, ",", entities_[e].rule);
    }
    if (f.entities.size() >= 2) {
      if (!MergeInto(&out_.events, f.ev)) out_.events.push_back(std::move(f.ev));
    } else if (f.entities.size() == 1 && f.lone_subject && !f.ev.place.empty() &&
               Family(f.ev.mode) == "in-person" &&
               (f.place_state.empty() || entities_[f.entities[0]].state != f.place_state)) {
      // A named official meeting unnamed counterparts in a named city.
      f.ev.mode = "visit";
      f.ev.people_rule += ",meeting-unnamed-counterparts";
      visits_.push_back(std::move(f.ev));
    }
  }
}

void ArticleReader::AddStatementsOnce() {
  // One event per type and participant set in the article.
  for (ExtractedEvent& st : statements_) {
    bool seen = false;
    for (const ExtractedEvent& e : out_.events) {
      seen |= e.plover_type == st.plover_type && SortedKeys(e) == SortedKeys(st);
    }
    if (!seen) out_.events.push_back(std::move(st));
  }
}

void ArticleReader::LearnRoles() {
  // Roles learned from the text for people the KB does not know.
  for (const Entity& ent : entities_) {
    if (!ent.kb_key.empty()) continue;
    for (int mi : ent.mentions) {
      const PersonMention& p = mentions_.people[mi];
      if (p.role.empty() || p.short_form) continue;
      const Sentence& s = doc_.sentences[doc_.SentenceOf(p.first)];
      LearnedRole r;
      r.person.kind = pb::PERSON;
      r.person.name = ent.name;
      r.person.state = ent.state;
      r.person.role = p.role;
      r.time.set_from_day(pub_day_);
      r.time.set_to_day(pub_day_);
      r.time.set_granularity(pb::DAY);
      r.sentence_begin = s.begin;
      r.sentence_end = s.end;
      r.rule = p.rule;
      out_.roles.push_back(std::move(r));
      break;
    }
  }
}

Participant ArticleReader::MakeParticipant(int entity, int tok) const {
  const Entity& ent = entities_[entity];
  Participant p;
  p.kind = pb::PERSON;
  p.kb_key = ent.kb_key;
  p.name = ent.name;
  p.state = ent.state;
  p.role = RoleNear(mentions_, ent, tok);
  return p;
}

}  // namespace newsgraph::internal
