// newsgraph::EvidenceInfo -- the sentence behind an answer: which
// article, which sentence, which extractor rule read it. Answers of
// query.h and of Database::Ask (newsgraph.h) carry it.
#ifndef NEWSGRAPH_EVIDENCE_H_
#define NEWSGRAPH_EVIDENCE_H_

#include <cstdint>
#include <string>

namespace newsgraph {

struct EvidenceInfo {
  uint64_t evidence_id = 0;
  std::string article_id;
  std::string sentence;
  std::string rule;  // the extractor rule that fired
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVIDENCE_H_
