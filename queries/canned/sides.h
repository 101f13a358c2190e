// One side of a contact query: the people to start from, and the test that
// an affiliation read for an event belongs to the side on the event's day.
#ifndef NEWSGRAPH_QUERIES_CANNED_SIDES_H_
#define NEWSGRAPH_QUERIES_CANNED_SIDES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/store.h"

namespace newsgraph {
namespace queries {

class Side {
 public:
  // "US" -> the STATE whose kb_key is US (or the only STATE named so);
  // otherwise an ALLIANCE ("NATO", with its dated members) or an
  // ORGANIZATION of that name. Errors: InvalidArgument "unknown state or
  // alliance: XX"; store errors as they come.
  static absl::StatusOr<Side> Resolve(const Store& store, absl::string_view code_or_name);
  // Exactly these people, whatever their affiliation.
  static Side OfPeople(std::vector<uint64_t> people);
  // Anybody: the far side of contacts-of.
  static Side Anyone();

  // Candidate people (distinct, ascending): the HOLDS_ROLE in-edges of the
  // side's nodes, or the given people.
  const std::vector<uint64_t>& people() const { return people_; }

  // Whether a participant affiliated with `state` (ISO code or alliance /
  // organisation name, as the PARTICIPATED_IN edge or PERSON node gives it)
  // counts for this side on `day`.
  bool Includes(absl::string_view state, int32_t day) const;

  // The canonical name of the side ("US", "NATO"); "" for people/anyone.
  const std::string& name() const { return name_; }

 private:
  struct Membership {
    std::string code;
    int32_t from_day = 0;
    int32_t to_day = 0;
  };

  static absl::StatusOr<Side> FromState(const Store& store, const pb::Node& state);
  static absl::StatusOr<Side> FromGroup(const Store& store, const pb::Node& group);
  absl::Status AddRoleHolders(const Store& store, uint64_t node);

  bool anyone_ = false;
  std::string name_;
  std::vector<Membership> members_;
  std::vector<uint64_t> people_;
};

}  // namespace queries
}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERIES_CANNED_SIDES_H_
