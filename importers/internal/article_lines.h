// Reading JSON Lines articles: lines of any length with a cap on what is
// kept, one article object per line, and the errors that name a file and
// line. Internal to importers/.
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_LINES_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_LINES_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/article.h"

namespace newsgraph::importers_internal {

// Reads lines of any length while keeping at most `cap` bytes of each, so
// that a 100 MB line costs a scan, not 100 MB of memory.
class CappedLineReader {
 public:
  CappedLineReader(std::istream& in, size_t cap) : in_(in), cap_(cap), buffer_(size_t{1} << 20) {}

  // The next line without its '\n'; false at the end. `length` is the
  // line's full length; beyond `cap` bytes `line` holds only the first cap.
  bool Next(std::string* line, uint64_t* length);

 private:
  std::istream& in_;
  const size_t cap_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
};

// One line's article: {"id","date","text"} required, "title", "source",
// "url" optional (null allowed). InvalidArgument, without the file and
// line, for anything else; nesting is capped before parsing.
absl::StatusOr<ArticleInput> ParseArticleLine(const std::string& line);

// InvalidArgument: `what` ("the line", "the file", ...) is `bytes` long,
// over `limit`.
absl::Status TooLarge(absl::string_view what, uint64_t bytes, uint64_t limit);

// `status` with "where: " before its message.
absl::Status Prefix(absl::Status status, absl::string_view where);

}  // namespace newsgraph::importers_internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_ARTICLE_LINES_H_
