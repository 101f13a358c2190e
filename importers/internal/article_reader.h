// Reads one text segment of an article into events: sentence by sentence,
// the drafts of events.cc (with a parse where the rules leave the reading
// unsettled) become dated events; a contact is kept as a frame that later
// sentences may complete ("the call", a participant list, "the two
// leaders") before the article's reports of one event are merged. Internal
// to the importer: Extractor::Extract is the interface.
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_READER_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_READER_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "importers/coref.h"
#include "importers/events.h"
#include "importers/extraction.h"
#include "importers/gazetteer.h"
#include "importers/knowledge_base.h"
#include "importers/mentions.h"
#include "importers/parse/link_parser.h"
#include "importers/text.h"

namespace newsgraph::internal {

class ArticleReader {
 public:
  // `parser` may be null (parsing off). Everything passed must outlive the
  // reader.
  ArticleReader(const KnowledgeBase& kb, const Gazetteer& gazetteer, const Gazetteer& places,
                const LinkParser* parser, absl::string_view text, absl::CivilDay publication);

  Extraction Read();

 private:
  // A contact being read; later sentences may add people to it.
  struct Frame {
    ExtractedEvent ev;
    std::vector<int> entities;
    int sentence = 0;
    int trigger_token = 0;
    int refs = 0;  // later "the call", "this meeting" that point back to it
    bool lone_subject = false;
    std::string place_state;  // of the contact's place, when known
  };
  // The story's time frame: the last time expression of the sentence before.
  struct Context {
    bool valid = false;
    int sentence = 0;
    pb::TimeSpan span;
  };

  void ReadSentence(int si);
  std::vector<DraftEvent> Drafts(int si);
  void AddStatements(int si);
  // A participant list completing the contact being reported ("Participants:
  // A, B, C"); the list, empty when the sentence has none or its own contact.
  std::vector<int> CompleteFromList(int si, const std::vector<DraftEvent>& drafts);
  ExtractedEvent FromDraft(const DraftEvent& d, int si) const;
  void DateEvent(const DraftEvent& d, int si, ExtractedEvent* ev) const;
  // Moves a day read without a year ("On March 10") into the year of the
  // story's recent time frame.
  void InStoryYear(ExtractedEvent* ev) const;
  void AddVisit(const DraftEvent& d, ExtractedEvent ev, int si);
  // "the two leaders", "the call", "their first meeting": true when the
  // draft is a reference to an earlier frame, which it completes.
  bool ReferToEarlier(DraftEvent* d, ExtractedEvent* ev, int si);
  void AddFrame(const DraftEvent& d, ExtractedEvent ev, int si);
  // "S also met with O" after a sentence where P dealt with S: S met P.
  void AddPriorMeeting(const DraftEvent& d, const ExtractedEvent& base, int si);

  Frame* SamePeopleFrame(const std::string& family, std::vector<int> entities);
  Frame* LatestFrame(const std::string& family, int si, int window);
  Frame* ListFrame(const std::string& family, int si);

  void FinishFrames();
  void FrameFromPreviousSentence(int si);
  void DateOngoingTours();
  void DateLeadReports();
  void DateStoryReports();
  void AddStatementsOnce();
  void LearnRoles();

  Participant MakeParticipant(int entity, int tok) const;

  const KnowledgeBase& kb_;
  const LinkParser* parser_;
  const absl::CivilDay pub_;
  const int32_t pub_day_;
  Document doc_;
  Mentions mentions_;
  std::vector<Entity> entities_;
  Context context_;
  std::vector<Frame> frames_;
  std::vector<ExtractedEvent> visits_;
  std::vector<ExtractedEvent> statements_;  // SANCTION, SUPPORT, ACCUSE
  Extraction out_;
};

}  // namespace newsgraph::internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_READER_H_
