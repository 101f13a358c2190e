// What an import is told (ImporterOptions) and what it tells back
// (ImportReport): shared by Importer (importer.h) and Database
// (newsgraph.h). Only the standard library here.
#ifndef NEWSGRAPH_IMPORT_OPTIONS_H_
#define NEWSGRAPH_IMPORT_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

struct ImporterOptions {
  // Extra knowledge-base files (protobuf text format) read after the
  // shipped ones in data/kb/.
  std::vector<std::string> kb_files;
  // Read the structure of each sentence that may report a contact with the
  // Link Grammar parser (Debian's liblink-grammar5 and its English
  // dictionary). Off, or where the dictionary is missing, surface rules
  // read every sentence; ImportReport::parser_on says which ran.
  bool parse_sentences = true;
  // Longer article texts are refused (InvalidArgument, with file and line)
  // before they are read into memory: work per article is bounded. News
  // articles are a few tens of kilobytes.
  uint64_t max_article_bytes = uint64_t{4} << 20;
};

// What an import did. Counts add up over calls.
struct ImportReport {
  uint64_t articles_read = 0;
  uint64_t imported = 0;
  uint64_t already_present = 0;  // same id and same text: nothing written
  uint64_t events = 0;
  uint64_t nodes_added = 0;
  uint64_t edges_added = 0;
  uint64_t evidence_added = 0;
  double seconds = 0;
  // Reading: the bytes of text read, its sentences, the candidates (a
  // contact or visit word and a person), how many of those parsed, and the
  // time of each parse tried, in milliseconds.
  bool parser_on = false;
  uint64_t text_bytes = 0;
  uint64_t sentences = 0;
  uint64_t parse_candidates = 0;
  uint64_t parsed = 0;
  std::vector<float> parse_millis;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORT_OPTIONS_H_
