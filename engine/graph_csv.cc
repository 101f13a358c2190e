#include "engine/graph_csv.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "schema/dates.h"

namespace newsgraph::engine {
namespace {

// Reads a file in large blocks and hands out its lines without copying
// them (10M-line files: getline and istream parsing would dominate a load).
class LineReader {
 public:
  // Reads at most `limit` bytes from the file's current position.
  explicit LineReader(FILE* file, uint64_t limit = UINT64_MAX)
      : file_(file), left_(limit), buffer_(kBlock) {}
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
      const size_t want = static_cast<size_t>(std::min<uint64_t>(buffer_.size() - end_, left_));
      const size_t got = want == 0 ? 0 : std::fread(buffer_.data() + end_, 1, want, file_);
      end_ += got;
      left_ -= got;
      if (got == 0) eof_ = true;
    }
  }

 private:
  static constexpr size_t kBlock = size_t{4} << 20;
  FILE* file_;
  uint64_t left_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;

 public:
  FILE* file() const { return file_; }
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

// One part of a CSV file to read: bytes [begin, end) starting at line
// `first_line`; the part at offset 0 holds the header.
struct Part {
  uint64_t begin = 0;
  uint64_t end = UINT64_MAX;
  int64_t first_line = 1;
  int width = 0;  // fields a line must have; 0 = as the header says
};

// Reads `part` of `path`: checks the header (if the part has it) against
// `columns`, of which the last `optional` may be missing, then for every
// data line calls `plain(line, width, line_number)`, which handles a line
// of the plain machine-written form and returns its status, or returns
// nullopt; then `row(fields, count, line_number)` for the others.
template <int kColumns, typename PlainFn, typename RowFn>
absl::Status ReadCsv(const std::string& path, const absl::string_view (&columns)[kColumns],
                     int optional, const Part& part, PlainFn plain, RowFn row) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  if (part.begin > 0 && std::fseek(file, static_cast<long>(part.begin), SEEK_SET) != 0) {
    std::fclose(file);
    return absl::DataLossError(absl::StrCat("cannot seek in ", path));
  }
  LineReader reader(file, part.end - part.begin);
  absl::string_view line;
  absl::string_view fields[kColumns];
  int64_t number = part.first_line - 1;
  bool header = part.begin == 0;
  int width = part.width > 0 ? part.width : kColumns;
  while (reader.Next(&line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    if (!header) {
      if (std::optional<absl::Status> done = plain(line, width, number)) {
        if (!done->ok()) return *std::move(done);
        continue;
      }
    }
    const int count = Split(line, fields, kColumns);
    if (header) {
      header = false;
      bool same = count >= kColumns - optional && count <= kColumns;
      for (int i = 0; same && i < count; ++i) {
        same = absl::AsciiStrToLower(fields[i]) == columns[i];
      }
      if (!same) {
        std::string wanted = absl::StrCat("\"", absl::StrJoin(columns, ","), "\"");
        if (optional > 0) {
          wanted = absl::StrCat("\"",
                                absl::StrJoin(columns, columns + kColumns - optional, ","),
                                "\" or ", wanted);
        }
        return CsvError(path, number, absl::StrCat("header must be ", wanted));
      }
      width = count;
      continue;
    }
    if (count != width) {
      return CsvError(path, number, absl::StrCat("expected ", width, " fields"));
    }
    if (absl::Status s = row(fields, count, number); !s.ok()) return s;
  }
  if (std::ferror(reader.file())) return absl::DataLossError(absl::StrCat("error reading ", path));
  if (header) return CsvError(path, 1, "empty file: no header");
  return absl::OkStatus();
}

// An edge's date: YYYY-MM-DD or a day number; empty = none.
bool ParseDay(absl::string_view text, EdgeRow* row) {
  if (text.empty()) return true;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDay(text);
    if (!day.ok()) return false;
    row->day = DayNumber(*day);
  } else {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, row->day);
    if (ec != std::errc() || ptr != end) return false;
  }
  row->dated = true;
  return true;
}

constexpr absl::string_view kNodeColumns[] = {"id", "kind"};

absl::Status ReadNodePart(const std::string& path, const Part& part,
                          absl::FunctionRef<absl::Status(const NodeRow&, int64_t line)> visit) {
  const auto no_plain_form = [](absl::string_view, int, int64_t) {
    return std::optional<absl::Status>();
  };
  return ReadCsv(path, kNodeColumns, 0, part, no_plain_form,
                 [&](const absl::string_view* f, int, int64_t line) {
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

// Reads the next unsigned number at `*at` (digits only) and moves past it.
template <typename Int>
bool TakeNumber(const char** at, const char* end, Int* value) {
  const auto [next, ec] = std::from_chars(*at, end, *value);
  if (ec != std::errc() || next == *at) return false;
  *at = next;
  return true;
}

bool TakeComma(const char** at, const char* end) {
  if (*at == end || **at != ',') return false;
  ++*at;
  return true;
}

// The form machine-written files use: `src,dst,type` with decimal ids and a
// type number, and with a date column `,` then nothing or a date. Anything
// else (spaces, type names, a field too many or too few, a bad value)
// returns false and takes the general path, which words the errors; a line
// read here gives the row the general path would give.
bool ParsePlainEdge(absl::string_view line, int width, EdgeRow* row) {
  const char* at = line.data();
  const char* const end = at + line.size();
  int type = 0;
  if (!TakeNumber(&at, end, &row->src) || row->src == 0 || !TakeComma(&at, end) ||
      !TakeNumber(&at, end, &row->dst) || row->dst == 0 || !TakeComma(&at, end) ||
      !TakeNumber(&at, end, &type) || type <= 0 || !pb::EdgeType_IsValid(type)) {
    return false;
  }
  row->type = static_cast<pb::EdgeType>(type);
  if (width == 3) return at == end;
  return width == 4 && TakeComma(&at, end) && ParseDay(absl::string_view(at, end - at), row);
}

constexpr absl::string_view kEdgeColumns[] = {"src", "dst", "type", "date"};

absl::Status ReadEdgePart(const std::string& path, const Part& part,
                          absl::FunctionRef<absl::Status(const EdgeRow&, int64_t line)> visit) {
  const auto plain = [&](absl::string_view text, int width,
                         int64_t line) -> std::optional<absl::Status> {
    EdgeRow row;
    if (!ParsePlainEdge(text, width, &row)) return std::nullopt;
    return visit(row, line);
  };
  return ReadCsv(path, kEdgeColumns, /*optional=*/1, part, plain,
                 [&](const absl::string_view* f, int count, int64_t line) {
                   EdgeRow row;
                   if (!ParseId(f[0], &row.src)) {
                     return CsvError(path, line, absl::StrCat("bad src id \"", f[0], "\""));
                   }
                   if (!ParseId(f[1], &row.dst)) {
                     return CsvError(path, line, absl::StrCat("bad dst id \"", f[1], "\""));
                   }
                   if (!ParseEnum(f[2], pb::EdgeType_Parse, pb::EdgeType_IsValid, &row.type)) {
                     return CsvError(path, line,
                                     absl::StrCat("unknown edge type \"", f[2], "\""));
                   }
                   if (count > 3 && !ParseDay(f[3], &row)) {
                     return CsvError(path, line,
                                     absl::StrCat("bad date \"", f[3],
                                                  "\" (YYYY-MM-DD or a day number)"));
                   }
                   return visit(row, line);
                 });
}

// Line ends in [0, offset) of `path`: the line number a slice starts at.
absl::StatusOr<int64_t> CountLines(const std::string& path, uint64_t offset) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  std::vector<char> block(size_t{1} << 20);
  int64_t lines = 0;
  while (offset > 0) {
    const size_t got =
        std::fread(block.data(), 1, std::min<uint64_t>(block.size(), offset), file);
    if (got == 0) break;
    lines += std::count(block.data(), block.data() + got, '\n');
    offset -= got;
  }
  std::fclose(file);
  return lines;
}

// The offset just after the first '\n' at or after `at` (or `size`).
uint64_t NextLineStart(FILE* file, uint64_t at, uint64_t size) {
  if (std::fseek(file, static_cast<long>(at), SEEK_SET) != 0) return size;
  for (int c; (c = std::fgetc(file)) != EOF;) {
    ++at;
    if (c == '\n') return at;
  }
  return size;
}

}  // namespace

absl::Status CsvError(absl::string_view path, int64_t line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(path, ":", line, ": ", message));
}

absl::Status ReadNodesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const NodeRow&, int64_t line)> visit) {
  return ReadNodePart(path, Part(), visit);
}

absl::Status ReadEdgesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const EdgeRow&, int64_t line)> visit) {
  return ReadEdgePart(path, Part(), visit);
}

// Slices of less than this are not worth a thread.
constexpr uint64_t kMinSliceBytes = uint64_t{1} << 20;

int CsvSlices(const std::string& path, int wanted) {
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec || wanted <= 1) return 1;
  return static_cast<int>(std::max<uint64_t>(1, std::min<uint64_t>(wanted, size / kMinSliceBytes)));
}

namespace {

// Cuts `path` into CsvSlices(path, slices) parts at line ends and calls
// `read(slice, part)` for each on a thread of its own; the first error in
// file order wins.
absl::Status ForEachSlice(const std::string& path, int slices,
                          absl::FunctionRef<absl::Status(int slice, const Part&)> read) {
  slices = CsvSlices(path, slices);
  if (slices == 1) return read(0, Part());
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  std::vector<Part> parts(slices);
  {
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      return absl::NotFoundError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
    }
    // Later slices do not see the header: they are told its width.
    const uint64_t header_end = NextLineStart(file, 0, size);
    std::string header(header_end, '\0');
    std::fseek(file, 0, SEEK_SET);
    header.resize(std::fread(header.data(), 1, header.size(), file));
    const int width = static_cast<int>(std::count(header.begin(), header.end(), ',')) + 1;
    for (Part& part : parts) part.width = width;
    parts[0].width = 0;
    for (int i = 1; i < slices; ++i) {
      parts[i].begin = std::max(parts[i - 1].begin, NextLineStart(file, size * i / slices, size));
      parts[i - 1].end = parts[i].begin;
    }
    parts[slices - 1].end = size;
    std::fclose(file);
  }
  std::vector<absl::Status> results(slices);
  std::vector<std::thread> threads;
  for (int i = 0; i < slices; ++i) {
    threads.emplace_back([&, i] {
      if (i > 0) {
        absl::StatusOr<int64_t> lines = CountLines(path, parts[i].begin);
        if (!lines.ok()) {
          results[i] = lines.status();
          return;
        }
        parts[i].first_line = *lines + 1;
      }
      results[i] = read(i, parts[i]);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const absl::Status& s : results) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadNodesCsvSliced(
    const std::string& path, int slices,
    absl::FunctionRef<absl::Status(int slice, const NodeRow&, int64_t line)> visit) {
  return ForEachSlice(path, slices, [&](int slice, const Part& part) {
    return ReadNodePart(path, part, [&](const NodeRow& row, int64_t line) {
      return visit(slice, row, line);
    });
  });
}

absl::Status ReadEdgesCsvSliced(
    const std::string& path, int slices,
    absl::FunctionRef<absl::Status(int slice, const EdgeRow&, int64_t line)> visit) {
  return ForEachSlice(path, slices, [&](int slice, const Part& part) {
    return ReadEdgePart(path, part, [&](const EdgeRow& row, int64_t line) {
      return visit(slice, row, line);
    });
  });
}

}  // namespace newsgraph::engine
