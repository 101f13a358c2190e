// The table-driven check shared by the sentence-structure tests
// (clause_structure_test.cc, reported_contact_test.cc): a text written for
// the test, the events it must yield (type, people, factuality) and the
// event types it must not yield, extracted with the test KB.
#ifndef NEWSGRAPH_TESTS_IMPORTERS_STRUCTURE_CASE_H_
#define NEWSGRAPH_TESTS_IMPORTERS_STRUCTURE_CASE_H_

#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph::structure {

struct Expected {
  const char* type;  // ExportEventType
  std::vector<std::string> people;
  pb::Factuality factuality;
};

struct Case {
  const char* name;
  const char* text;
  // Every event of these types the text reports; an event type listed with
  // no entry here is checked to be absent through `none_of`.
  std::vector<Expected> events;
  std::vector<const char*> none_of;  // event types the text must not yield
  // Checked a second time with the parser off: a construction the surface
  // rules must read too, for sentences the parser is not given.
  bool also_without_parse = false;
};

// gtest prints the case in failure messages; the name is enough.
inline void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

inline std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  return info.param.name;
}

inline int CountOfType(const Extraction& x, const std::string& type) {
  int n = 0;
  for (const ExtractedEvent& e : x.events) n += ExportEventType(e.plover_type, e.mode) == type;
  return n;
}

// Each expected event is found once per listing, with its people and
// factuality; no other event of its type, and none of `none_of`.
inline void CheckCase(const Case& c, bool parse) {
  const Extraction x = ExtractWithTestKb(c.text, "2023-06-02", parse);
  SCOPED_TRACE(std::string(parse ? "" : "(parser off) ") + c.text + "\nextracted:\n" +
               DescribeEvents(x));
  for (const Expected& want : c.events) {
    int of_type = 0;
    for (const Expected& other : c.events) of_type += std::string(other.type) == want.type;
    EXPECT_EQ(CountOfType(x, want.type), of_type) << "events of type " << want.type;
    bool found = false;
    for (const ExtractedEvent& e : x.events) {
      found |= ExportEventType(e.plover_type, e.mode) == want.type &&
               SortedNames(e) == SortedNames(want.people) && e.factuality == want.factuality;
    }
    EXPECT_TRUE(found) << "want " << want.type << ":" << FactualityName(want.factuality) << " "
                       << SortedNames(want.people);
  }
  for (const char* type : c.none_of) EXPECT_EQ(CountOfType(x, type), 0) << type;
}

inline void CheckCase(const Case& c) {
  CheckCase(c, /*parse=*/true);
  if (c.also_without_parse) CheckCase(c, /*parse=*/false);
}

}  // namespace newsgraph::structure

#endif  // NEWSGRAPH_TESTS_IMPORTERS_STRUCTURE_CASE_H_
