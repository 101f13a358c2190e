// What the text pipeline reads from one article, before it touches the
// store: events with their participants, time, place, factuality and the
// sentence that supports them, and roles learned from the text.
// Produced by Extractor (importers/extractor.h); consumed by the graph
// writer (importers/graph_writer.h).
#ifndef NEWSGRAPH_IMPORTERS_EXTRACTION_H_
#define NEWSGRAPH_IMPORTERS_EXTRACTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "schema/records.pb.h"

namespace newsgraph {

// A resolved actor. For PERSON: `name` is the usual full name (the KB's name
// when the person is in the KB), `state` the ISO code (or alliance or
// organisation short name, "NATO", "EU", "UN") of their affiliation, and
// `role` the title the article gives nearest the evidence, without the
// nationality adjective ("Secretary of State"); "" when none.
struct Participant {
  pb::NodeKind kind = pb::PERSON;
  std::string kb_key;  // KB person key / state code / alliance name; "" if learned
  std::string name;
  std::string state;
  std::string role;
};

struct ExtractedEvent {
  std::string plover_type = "CONSULT";
  // For CONSULT: "in-person", "summit", "phone", "video", "visit".
  std::string mode;
  // People first. For a visit, only the travellers.
  std::vector<Participant> participants;
  pb::TimeSpan time;
  pb::Factuality factuality = pb::HAPPENED;
  std::string place;  // as named by the text; "" if none
  std::string place_state;  // for a visit: the state the place is in, when known
  // Byte offsets of the supporting sentence in ArticleInput::text.
  uint32_t sentence_begin = 0;
  uint32_t sentence_end = 0;
  int sentence_index = 0;   // of the supporting sentence, within its text segment
  std::string rule;         // which trigger rule fired
  std::string date_rule;    // how the date was resolved ("weekday-past", "absolute", ...)
  std::string people_rule;  // how the people were resolved ("kb", "title-pattern", "surname-coref", ...)
  float confidence = 1.0f;
  // Reported by a verb with its own tense ("met", "visited"), not only
  // named by a noun ("the trip", "talks"): only such a report turns a plan
  // into an event that took place.
  bool asserted = false;
  // Told as taken place in the first sentences, with no date of its own: the
  // article's lead reports the days of its publication.
  bool lead_report = false;
  // Told as taken place, undated, not in the present perfect: may belong to
  // the story the lead dates (ArticleReader::DateStoryReports).
  bool story_report = false;
};

// A role read from the text ("Russian Deputy Foreign Minister Sergei
// Ryabkov"): becomes a dated HOLDS_ROLE edge with evidence.
struct LearnedRole {
  Participant person;  // person.state and person.role hold what was learned
  pb::TimeSpan time;   // the publication day
  uint32_t sentence_begin = 0;
  uint32_t sentence_end = 0;
  std::string rule;
};

// How the sentence parser fared on one article (importers/parse/).
struct ParseStats {
  int sentences = 0;   // all sentences of the article
  int candidates = 0;  // with a contact or visit trigger and a person
  int settled = 0;     // of the candidates: the surface rules settle it, not parsed
  int parsed = 0;      // of the candidates: a parse
  int no_parse = 0;
  int timed_out = 0;
  int too_long = 0;
  std::vector<float> millis;  // the time of each parse tried
};

struct Extraction {
  std::vector<ExtractedEvent> events;
  std::vector<LearnedRole> roles;
  ParseStats parse;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_EXTRACTION_H_
