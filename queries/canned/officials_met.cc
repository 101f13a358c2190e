// officials-met and contacts-of: the two pair queries, both answered by
// FindContactPairs with different sides.
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "newsgraph/query.h"
#include "queries/canned/contact_search.h"
#include "queries/canned/entity_names.h"
#include "queries/canned/sides.h"

namespace newsgraph {

absl::StatusOr<std::vector<PairRow>> OfficialsMet(const Store& store,
                                                  const OfficialsMetParams& params) {
  // Dates first: a malformed window is reported even if a side is unknown.
  absl::StatusOr<queries::ContactCriteria> criteria =
      queries::MakeCriteria(params.from, params.to, params.mode, params.factualities);
  if (!criteria.ok()) return criteria.status();
  absl::StatusOr<queries::Side> a = queries::Side::Resolve(store, params.a);
  if (!a.ok()) return a.status();
  absl::StatusOr<queries::Side> b = queries::Side::Resolve(store, params.b);
  if (!b.ok()) return b.status();
  return queries::FindContactPairs(store, *a, *b, *criteria);
}

absl::StatusOr<std::vector<PairRow>> ContactsOf(const Store& store,
                                                const ContactsOfParams& params) {
  absl::StatusOr<queries::ContactCriteria> criteria =
      queries::MakeCriteria(params.from, params.to, params.mode, params.factualities);
  if (!criteria.ok()) return criteria.status();
  const absl::string_view name = absl::StripAsciiWhitespace(params.person);
  absl::StatusOr<std::vector<uint64_t>> people =
      name.empty() ? std::vector<uint64_t>{} : store.FindNodes(pb::PERSON, name);
  if (!people.ok()) return people.status();
  if (people->empty()) return queries::UnknownNameError(store, name, queries::NameScope::kPerson);
  return queries::FindContactPairs(store, queries::Side::OfPeople(std::move(*people)),
                                   queries::Side::Anyone(), *criteria);
}

}  // namespace newsgraph
