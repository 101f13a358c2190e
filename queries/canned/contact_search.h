// The traversal behind officials-met and contacts-of: from each person of
// side A through PARTICIPATED_IN to the events that count, and back to the
// other participants who belong to side B.
#ifndef NEWSGRAPH_QUERIES_CANNED_CONTACT_SEARCH_H_
#define NEWSGRAPH_QUERIES_CANNED_CONTACT_SEARCH_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/query.h"
#include "newsgraph/store.h"
#include "queries/canned/sides.h"

namespace newsgraph {
namespace queries {

// Which events count as contacts.
struct ContactCriteria {
  int32_t from_day = 0;  // window, inclusive
  int32_t to_day = 0;
  ContactMode mode = ContactMode::kInPerson;
  std::vector<pb::Factuality> factualities;
};

// Checks the window ("YYYY-MM-DD", from <= to) and that some factuality is
// asked for. Errors: InvalidArgument.
absl::StatusOr<ContactCriteria> MakeCriteria(absl::string_view from, absl::string_view to,
                                             ContactMode mode,
                                             std::vector<pb::Factuality> factualities);

// True when a CONSULT event of this mode and factuality, dated to the month
// or better (not fallen back to the publication day), lies wholly inside the
// window. Visits never count: a visit is not a contact between two people.
bool EventCounts(const pb::EventInfo& event, const ContactCriteria& criteria);

// One row per distinct pair (person of `a`, person of `b`), never a person
// with himself; when both orders of a pair are found (overlapping sides,
// "US" and "US") the row is kept once, in name order. Events in date then
// id order; rows ordered by (a.name, b.name).
absl::StatusOr<std::vector<PairRow>> FindContactPairs(const Store& store, const Side& a,
                                                      const Side& b,
                                                      const ContactCriteria& criteria);

}  // namespace queries
}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERIES_CANNED_CONTACT_SEARCH_H_
