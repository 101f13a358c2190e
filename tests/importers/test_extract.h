// Runs the Extractor over a text with the test knowledge base, for the
// tests of the stages that need a whole article.
#ifndef NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_
#define NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_

#include <string>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "tests/importers/test_kb.h"

namespace newsgraph {

// The extraction of `text` published on `date`; empty (and a test failure)
// if the extractor returns an error.
inline Extraction ExtractWithTestKb(const std::string& text,
                                    const std::string& date = "2023-06-02") {
  static KnowledgeBase* kb = new KnowledgeBase(MakeTestKb());
  static Extractor* extractor = new Extractor(kb);
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

}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_IMPORTERS_TEST_EXTRACT_H_
