// CSV output as RFC 4180 writes it, shared by every `--format csv`.
#ifndef NEWSGRAPH_QUERIES_OUTPUT_CSV_H_
#define NEWSGRAPH_QUERIES_OUTPUT_CSV_H_

#include <string>
#include <vector>

namespace newsgraph::queries {

// `field` quoted when it holds a comma, a quote or a line break, with the
// quotes inside doubled; as it is otherwise.
std::string CsvField(const std::string& field);

// The fields as one CSV record, ending with "\n".
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_CSV_H_
