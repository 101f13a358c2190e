// Runs the Extractor over a text with the test knowledge base, for the
// tests of the stages that need a whole article.
#ifndef NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_
#define NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/test_kb.h"

namespace newsgraph {

// The extraction of `text` published on `date`; empty (and a test failure)
// if the extractor returns an error. `parse` false reads every sentence with
// the surface rules alone, as the importer does where the parser is not
// given a sentence (too long) or not installed.
inline Extraction ExtractWithTestKb(const std::string& text,
                                    const std::string& date = "2023-06-02", bool parse = true) {
  static KnowledgeBase* kb = new KnowledgeBase(MakeTestKb());
  static Extractor* parsing = new Extractor(kb);
  static Extractor* rules_only = new Extractor(kb, ExtractorOptions{.parse_sentences = false});
  const Extractor* extractor = parse ? parsing : rules_only;
  ArticleInput article;
  article.id = "t1";
  article.date = date;
  article.text = text;
  absl::StatusOr<Extraction> out = extractor->Extract(article);
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : Extraction{};
}

// "A+B+C": the participants' names in order.
inline std::string ParticipantNames(const ExtractedEvent& e) {
  std::string out;
  for (const Participant& p : e.participants) out += (out.empty() ? "" : "+") + p.name;
  return out;
}

// The test KB's people, as the extractor names them.
inline constexpr char kOla[] = "Ola Nordmann";
inline constexpr char kKari[] = "Kari Virtanen";
inline constexpr char kPark[] = "Park Min-ho";

// "A, B, C" in alphabetical order, so that participants compare in any order.
inline std::string SortedNames(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

inline std::string SortedNames(const ExtractedEvent& e) {
  std::vector<std::string> names;
  for (const Participant& p : e.participants) names.push_back(p.name);
  return SortedNames(std::move(names));
}

// One line per event ("MEET:happened 2023-06-02 A+B"), so that a failure
// shows what was extracted instead.
inline std::string DescribeEvents(const Extraction& x) {
  std::string out;
  for (const ExtractedEvent& e : x.events) {
    out += "  " + ExportEventType(e.plover_type, e.mode) + ":" + FactualityName(e.factuality) +
           " " + FormatSpan(e.time) + " " + ParticipantNames(e) + "\n";
  }
  return out.empty() ? "  (none)\n" : out;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_
