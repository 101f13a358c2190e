// newsgraph canned queries: named, parameterised questions over a store,
// each answer row carrying the sentences that support it.
#ifndef NEWSGRAPH_QUERY_H_
#define NEWSGRAPH_QUERY_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/evidence.h"
#include "newsgraph/store.h"

namespace newsgraph {

struct PartyInfo {
  uint64_t node_id = 0;
  std::string name;
  std::string state;  // ISO code or alliance/organisation name; "" unknown
  std::string role;   // title as read; "" none
};

struct EventRow {
  uint64_t event_id = 0;
  std::string event_type;  // MEET, SUMMIT, PHONE_CALL, VIDEO_CALL, VISIT, ...
  std::string date;        // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (unknown)
  std::string place;       // "" unknown
  std::string factuality;  // happened, planned, possible, cancelled, denied
  std::vector<EvidenceInfo> evidence;
};

// One distinct pair of people and the events that join them, in date order.
struct PairRow {
  PartyInfo a;
  PartyInfo b;
  std::vector<EventRow> events;
};

enum class ContactMode { kInPerson, kCall, kAny };

// officials-met: people of side `a` who had contacts of `mode` with people
// of side `b` whose date lies inside [from, to].
struct OfficialsMetParams {
  std::string a;     // ISO 3166 alpha-2 code ("US") or alliance name ("NATO")
  std::string b;
  std::string from;  // "YYYY-MM-DD"
  std::string to;    // "YYYY-MM-DD"
  ContactMode mode = ContactMode::kInPerson;
  std::vector<pb::Factuality> factualities = {pb::HAPPENED};
};

// Rows ordered by (a.name, b.name). An event counts when its date is known
// to the month or better and lies wholly inside the window. Errors:
// InvalidArgument for a malformed date; NotFound for an unknown state or
// alliance (with "did you mean ...?").
absl::StatusOr<std::vector<PairRow>> OfficialsMet(const Store& store,
                                                  const OfficialsMetParams& params);

// contacts-of: everyone who had a contact of `mode` with `person` whose
// date lies inside [from, to].
struct ContactsOfParams {
  std::string person;  // a name or alias of a PERSON node ("Wang Yi")
  std::string from;    // "YYYY-MM-DD"
  std::string to;      // "YYYY-MM-DD"
  ContactMode mode = ContactMode::kInPerson;
  std::vector<pb::Factuality> factualities = {pb::HAPPENED};
};

// Rows with `a` = the person (one per node of that name) and `b` = each
// contact, of any affiliation, ordered by (a.name, b.name); events counted
// as in OfficialsMet. Errors: InvalidArgument for a malformed date;
// NotFound for an unknown person ("no person named ... (did you mean
// ...?)").
absl::StatusOr<std::vector<PairRow>> ContactsOf(const Store& store,
                                                const ContactsOfParams& params);

// Output formats of pair answers.
std::string PairRowsToJson(const std::vector<PairRow>& rows);   // a JSON array, pretty-printed
std::string PairRowsToCsv(const std::vector<PairRow>& rows);    // one line per (pair, event)
std::string PairRowsToTable(const std::vector<PairRow>& rows);  // aligned, for people

// Writes every contact event in the store, one JSON object a line, in the
// format of the evaluation scripts: {"event_type","participants":[{"name",
// "state","role"}],"date","place","factuality","mentions":[{"article_id",
// "sentence"}]}. An event that articles reported with different
// factualities (announced by one, reported done by another) is written
// once per factuality, each line with the articles that read it so.
// Returns the number of lines written. With `event_ids`, each line starts
// with "event_id" (the EVENT node's id, as `newsgraph explain` takes it);
// without, lines do not depend on the order articles were imported in.
absl::StatusOr<uint64_t> ExportEvents(const Store& store, std::ostream& out,
                                      bool event_ids = false);

// How an event was read, for a person: its type, date, place and
// factuality; each participant with the state and title read; and for each
// supporting sentence the article, the sentence, the extractor rule that
// fired, and how the date and the people were resolved. Errors: NotFound
// when `event_id` is not an EVENT node.
absl::StatusOr<std::string> ExplainEvent(const Store& store, uint64_t event_id);

// The canned queries this header implements in C++ (OfficialsMet,
// ContactsOf), described for embedders. `newsgraph ask --list` shows the
// whole registry, Cypher entries included (data/queries/canned.cypher).
struct CannedQuery {
  std::string name;
  std::string summary;
  // Parameter name -> description (with the default, if any).
  std::vector<std::pair<std::string, std::string>> params;
};
const std::vector<CannedQuery>& CannedQueries();

}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERY_H_
