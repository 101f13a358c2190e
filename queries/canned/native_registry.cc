// The C++ canned queries (OfficialsMet, ContactsOf) and their parameters, for
// programs that embed the library. `newsgraph ask --list` lists the registry
// file data/queries/canned.cypher instead, where both also appear as Cypher.
#include <string>
#include <utility>
#include <vector>

#include "newsgraph/query.h"

namespace newsgraph {
namespace {

// Parameters every contact query shares after its own.
void AddContactParams(std::vector<std::pair<std::string, std::string>>* params) {
  params->push_back({"from", "first day of the window, YYYY-MM-DD"});
  params->push_back({"to", "last day of the window, YYYY-MM-DD (inclusive)"});
  params->push_back({"mode",
                     "in-person (meetings and summits), call (phone and video) or any; "
                     "default in-person"});
  params->push_back({"factuality",
                     "comma list of happened, planned, possible, cancelled, denied; "
                     "default happened"});
}

std::vector<CannedQuery> MakeCannedQueries() {
  CannedQuery officials_met;
  officials_met.name = "officials-met";
  officials_met.summary =
      "Officials of A who met (or called) officials of B between two dates, with the "
      "sentences that report it. Only events dated to the month or better, wholly inside "
      "the window, count; visits never do.";
  officials_met.params = {
      {"a", "ISO 3166 code (US) or alliance (NATO: its officials and those of its members "
            "on the event's date)"},
      {"b", "ISO 3166 code or alliance, as for a"}};
  AddContactParams(&officials_met.params);

  CannedQuery contacts_of;
  contacts_of.name = "contacts-of";
  contacts_of.summary =
      "Everyone who met (or called) one person between two dates, with the sentences that "
      "report it; the same rules as officials-met.";
  contacts_of.params = {{"person", "the person's name or an alias (\"Wang Yi\")"}};
  AddContactParams(&contacts_of.params);

  return {std::move(officials_met), std::move(contacts_of)};
}

}  // namespace

const std::vector<CannedQuery>& CannedQueries() {
  static const std::vector<CannedQuery>* const kQueries =
      new std::vector<CannedQuery>(MakeCannedQueries());
  return *kQueries;
}

}  // namespace newsgraph
