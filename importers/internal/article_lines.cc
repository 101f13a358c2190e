#include "importers/internal/article_lines.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace newsgraph::importers_internal {
namespace {

// Reads an optional string field: absent and null are "", anything else
// but a string is an error.
absl::Status OptionalString(const nlohmann::json& obj, const char* field, std::string* out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return absl::OkStatus();
  if (!it->is_string()) {
    return absl::InvalidArgumentError(absl::StrFormat("\"%s\" must be a string or null", field));
  }
  *out = it->get<std::string>();
  return absl::OkStatus();
}

absl::Status RequiredString(const nlohmann::json& obj, const char* field, std::string* out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) {
    return absl::InvalidArgumentError(absl::StrFormat("missing \"%s\"", field));
  }
  return OptionalString(obj, field, out);
}

// An article is one flat object; nesting is capped before the parser
// builds anything (10 MB of '[' once cost 769 MB of parse tree).
constexpr int kMaxJsonNesting = 64;

// The position of the first bracket nested deeper than kMaxJsonNesting,
// ignoring brackets inside strings.
std::optional<size_t> TooDeep(absl::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonNesting) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<ArticleInput> ParseArticleLine(const std::string& line) {
  if (std::optional<size_t> deep = TooDeep(line)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "not JSON: brackets nested deeper than %d (column %d)", kMaxJsonNesting, *deep + 1));
  }
  nlohmann::json obj;
  try {  // nlohmann's exceptions stop here; its message names the column
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("not JSON: ", e.what()));
  }
  if (!obj.is_object()) return absl::InvalidArgumentError("not a JSON object");
  ArticleInput article;
  for (absl::Status s : {RequiredString(obj, "id", &article.id),
                         RequiredString(obj, "date", &article.date),
                         RequiredString(obj, "text", &article.text),
                         OptionalString(obj, "title", &article.title),
                         OptionalString(obj, "source", &article.source),
                         OptionalString(obj, "url", &article.url)}) {
    if (!s.ok()) return s;
  }
  return article;
}

bool CappedLineReader::Next(std::string* line, uint64_t* length) {
  line->clear();
  *length = 0;
  bool any = false;
  while (true) {
    if (pos_ == end_) {
      in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
      end_ = static_cast<size_t>(in_.gcount());
      pos_ = 0;
      if (end_ == 0) return any;
    }
    any = true;
    const char* start = buffer_.data() + pos_;
    const char* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const size_t n = newline != nullptr ? static_cast<size_t>(newline - start) : end_ - pos_;
    *length += n;
    line->append(start, std::min(n, cap_ - line->size()));
    pos_ += n;
    if (newline != nullptr) {
      ++pos_;
      return true;
    }
  }
}

namespace {

std::string Megabytes(uint64_t bytes) {
  return absl::StrFormat("%.1f MB", static_cast<double>(bytes) / (1 << 20));
}

}  // namespace

absl::Status TooLarge(absl::string_view what, uint64_t bytes, uint64_t limit) {
  return absl::InvalidArgumentError(absl::StrCat(
      what, " is ", Megabytes(bytes), ", over the limit of ", Megabytes(limit),
      " (ImporterOptions::max_article_bytes; newsgraph import --max-article-mb)"));
}

absl::Status Prefix(absl::Status status, absl::string_view where) {
  return absl::Status(status.code(), absl::StrCat(where, ": ", status.message()));
}

}  // namespace newsgraph::importers_internal
