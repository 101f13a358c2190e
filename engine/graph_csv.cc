#include "engine/graph_csv.h"

#include <charconv>
#include <cstring>
#include <memory>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace newsgraph::engine {
namespace {

// Reads a file in large blocks and hands out its lines without copying
// them (10M-line files: getline and istream parsing would dominate a load).
class LineReader {
 public:
  explicit LineReader(FILE* file) : file_(file), buffer_(kBlock) {}
  ~LineReader() { std::fclose(file_); }

  // The next line without its '\n', valid until the next call; false at
  // the end of the file.
  bool Next(absl::string_view* line) {
    while (true) {
      const char* begin = buffer_.data() + pos_;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
      if (newline != nullptr) {
        *line = absl::string_view(begin, newline - begin);
        pos_ = newline - buffer_.data() + 1;
        return true;
      }
      if (eof_) {
        if (pos_ == end_) return false;
        *line = absl::string_view(begin, end_ - pos_);  // last line, no '\n'
        pos_ = end_;
        return true;
      }
      // Keep the partial line, grow if one line fills the buffer, refill.
      std::memmove(buffer_.data(), begin, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
      if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
      const size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
      end_ += got;
      if (got == 0) eof_ = true;
    }
  }

 private:
  static constexpr size_t kBlock = size_t{4} << 20;
  FILE* file_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
};

// Splits `line` at commas into at most `n` fields; returns the field count
// (n + 1 when there are more than n).
int Split(absl::string_view line, absl::string_view* fields, int n) {
  int count = 0;
  while (true) {
    const size_t comma = line.find(',');
    if (count == n) return n + 1;
    fields[count++] = absl::StripAsciiWhitespace(line.substr(0, comma));
    if (comma == absl::string_view::npos) return count;
    line.remove_prefix(comma + 1);
  }
}

bool ParseId(absl::string_view text, uint64_t* id) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *id);
  return ec == std::errc() && ptr == end && !text.empty() && *id != 0;
}

// A NodeKind/EdgeType as its name or number; false when neither.
template <typename Enum, typename Parse, typename Valid>
bool ParseEnum(absl::string_view text, Parse parse, Valid valid, Enum* value) {
  int number = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec == std::errc() && ptr == end && !text.empty()) {
    if (number <= 0 || !valid(number)) return false;
    *value = static_cast<Enum>(number);
    return true;
  }
  return parse(std::string(text), value) && static_cast<int>(*value) != 0;
}

// Opens `path`, checks its header against `columns`, then calls `row` for
// every data line with its fields.
template <int kColumns, typename RowFn>
absl::Status ReadCsv(const std::string& path, const absl::string_view (&columns)[kColumns],
                     RowFn row) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  LineReader reader(file);
  absl::string_view line;
  absl::string_view fields[kColumns];
  int64_t number = 0;
  bool header = true;
  while (reader.Next(&line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const int count = Split(line, fields, kColumns);
    if (header) {
      header = false;
      bool same = count == kColumns;
      for (int i = 0; same && i < kColumns; ++i) {
        same = absl::AsciiStrToLower(fields[i]) == columns[i];
      }
      if (!same) {
        return CsvError(path, number,
                        absl::StrCat("header must be \"", absl::StrJoin(columns, ","), "\""));
      }
      continue;
    }
    if (count != kColumns) {
      return CsvError(path, number, absl::StrCat("expected ", kColumns, " fields"));
    }
    if (absl::Status s = row(fields, number); !s.ok()) return s;
  }
  if (std::ferror(file)) return absl::DataLossError(absl::StrCat("error reading ", path));
  if (header) return CsvError(path, 1, "empty file: no header");
  return absl::OkStatus();
}

}  // namespace

absl::Status CsvError(absl::string_view path, int64_t line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(path, ":", line, ": ", message));
}

absl::Status ReadNodesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const NodeRow&, int64_t line)> visit) {
  static constexpr absl::string_view kColumns[] = {"id", "kind"};
  return ReadCsv(path, kColumns, [&](const absl::string_view* f, int64_t line) {
    NodeRow row;
    if (!ParseId(f[0], &row.id)) {
      return CsvError(path, line, absl::StrCat("bad node id \"", f[0], "\""));
    }
    if (!ParseEnum(f[1], pb::NodeKind_Parse, pb::NodeKind_IsValid, &row.kind)) {
      return CsvError(path, line, absl::StrCat("unknown node kind \"", f[1], "\""));
    }
    return visit(row, line);
  });
}

absl::Status ReadEdgesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const EdgeRow&, int64_t line)> visit) {
  static constexpr absl::string_view kColumns[] = {"src", "dst", "type"};
  return ReadCsv(path, kColumns, [&](const absl::string_view* f, int64_t line) {
    EdgeRow row;
    if (!ParseId(f[0], &row.src)) {
      return CsvError(path, line, absl::StrCat("bad src id \"", f[0], "\""));
    }
    if (!ParseId(f[1], &row.dst)) {
      return CsvError(path, line, absl::StrCat("bad dst id \"", f[1], "\""));
    }
    if (!ParseEnum(f[2], pb::EdgeType_Parse, pb::EdgeType_IsValid, &row.type)) {
      return CsvError(path, line, absl::StrCat("unknown edge type \"", f[2], "\""));
    }
    return visit(row, line);
  });
}

}  // namespace newsgraph::engine
