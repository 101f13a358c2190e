#include "newsgraph/importer.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "importers/extractor.h"
#include "importers/graph_writer.h"
#include "importers/knowledge_base.h"
#include "importers/stable_hash.h"
#include "importers/utf8.h"
#include "nlohmann/json.hpp"
#include "schema/dates.h"

namespace newsgraph {

struct Importer::Impl {
  Store* store = nullptr;
  KnowledgeBase kb;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<GraphWriter> writer;
  uint64_t max_article_bytes = 0;
};

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

// Reads lines of any length while keeping at most `cap` bytes of each, so
// that a 100 MB line costs a scan, not 100 MB of memory.
class CappedLineReader {
 public:
  CappedLineReader(std::istream& in, size_t cap) : in_(in), cap_(cap), buffer_(size_t{1} << 20) {}

  // The next line without its '\n'; false at the end. `length` is the
  // line's full length; beyond `cap` bytes `line` holds only the first cap.
  bool Next(std::string* line, uint64_t* length) {
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

 private:
  std::istream& in_;
  const size_t cap_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
};

std::string Megabytes(uint64_t bytes) {
  return absl::StrFormat("%.1f MB", static_cast<double>(bytes) / (1 << 20));
}

absl::Status TooLarge(absl::string_view what, uint64_t bytes, uint64_t limit) {
  return absl::InvalidArgumentError(absl::StrCat(
      what, " is ", Megabytes(bytes), ", over the limit of ", Megabytes(limit),
      " (ImporterOptions::max_article_bytes; newsgraph import --max-article-mb)"));
}

absl::Status Prefix(absl::Status status, absl::string_view where) {
  return absl::Status(status.code(), absl::StrCat(where, ": ", status.message()));
}

}  // namespace

Importer::Importer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Importer::~Importer() = default;

absl::StatusOr<std::unique_ptr<Importer>> Importer::Create(Store* store,
                                                           const ImporterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->store = store;
  impl->max_article_bytes = options.max_article_bytes;
  absl::StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadDefault();
  if (!kb.ok()) return kb.status();
  impl->kb = *std::move(kb);
  for (const std::string& file : options.kb_files) {
    absl::Status s = impl->kb.AddFile(file);
    if (!s.ok()) return s;
  }
  ExtractorOptions extractor_options;
  extractor_options.parse_sentences = options.parse_sentences;
  impl->extractor = std::make_unique<Extractor>(&impl->kb, extractor_options);
  impl->writer = std::make_unique<GraphWriter>(store, &impl->kb);
  absl::Status s = impl->writer->SeedKnowledgeBase();
  if (!s.ok()) return s;
  return std::unique_ptr<Importer>(new Importer(std::move(impl)));
}

absl::Status Importer::ImportArticle(const ArticleInput& article, ImportReport* report) {
  ++report->articles_read;
  if (article.id.empty()) return absl::InvalidArgumentError("empty \"id\"");
  if (article.text.size() > impl_->max_article_bytes) {
    return TooLarge("the article's text", article.text.size(), impl_->max_article_bytes);
  }
  absl::StatusOr<absl::CivilDay> day = ParseIsoDay(article.date);
  if (!day.ok()) return absl::InvalidArgumentError(absl::StrCat("\"date\": ", day.status().message()));
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"text", &article.text},
                                     {"title", &article.title}, {"id", &article.id}}) {
    if (std::optional<size_t> bad = FirstInvalidUtf8(*value)) {
      return absl::InvalidArgumentError(
          absl::StrFormat("\"%s\" is not valid UTF-8 (byte %d)", field, *bad));
    }
  }

  const std::string hash = StableHash(article.text);
  absl::StatusOr<std::optional<pb::Article>> stored = impl_->store->GetArticle(article.id);
  if (!stored.ok()) return stored.status();
  if (stored->has_value()) {
    if ((*stored)->content_hash() == hash) {
      ++report->already_present;
      return absl::OkStatus();
    }
    return absl::AlreadyExistsError(absl::StrFormat(
        "article \"%s\" is already stored with a different text", article.id));
  }

  absl::StatusOr<Extraction> extraction = impl_->extractor->Extract(article);
  if (!extraction.ok()) return extraction.status();
  report->parser_on = impl_->extractor->parsing();
  report->text_bytes += article.text.size();
  report->sentences += extraction->parse.sentences;
  report->parse_candidates += extraction->parse.candidates;
  report->parsed += extraction->parse.parsed;
  report->parse_millis.insert(report->parse_millis.end(), extraction->parse.millis.begin(),
                              extraction->parse.millis.end());

  pb::Article record;
  record.set_id(article.id);
  record.set_title(article.title);
  record.set_date(article.date);
  record.set_source(article.source);
  record.set_url(article.url);
  record.set_content_hash(hash);
  record.set_text_bytes(article.text.size());

  std::unique_ptr<WriteSet> writes = impl_->store->NewWriteSet();
  absl::Status s = impl_->writer->AddArticle(article, record, *extraction, *writes);
  if (s.ok()) s = impl_->store->Commit(*writes);
  if (!s.ok()) {
    impl_->writer->Abandoned();
    return s;
  }
  impl_->writer->Committed();
  ++report->imported;
  report->events += extraction->events.size();
  report->nodes_added += writes->nodes_added();
  report->edges_added += writes->edges_added();
  report->evidence_added += writes->evidence_added();
  return absl::OkStatus();
}

absl::Status Importer::ImportJsonLines(
    const std::string& path, ImportReport* report,
    const std::function<void(uint64_t done, uint64_t total)>& progress) {
  const absl::Time start = absl::Now();
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  in.seekg(0, std::ios::end);
  const uint64_t total = static_cast<uint64_t>(in.tellg());
  in.seekg(0);
  std::string line;
  uint64_t line_number = 0;
  uint64_t done = 0;
  uint64_t length = 0;
  absl::Status status;
  // JSON escapes may double the text's bytes; a line longer than that
  // cannot hold an article under the limit.
  const uint64_t max_article = impl_->max_article_bytes;
  CappedLineReader reader(in, 2 * max_article + (1 << 20));
  while (reader.Next(&line, &length)) {
    ++line_number;
    done += length + 1;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string where = absl::StrCat(path, ":", line_number);
    if (line.size() < length) {
      status = Prefix(TooLarge("the line", length, max_article), where);
      break;
    }
    if (std::optional<size_t> bad = FirstInvalidUtf8(line)) {
      status = absl::InvalidArgumentError(absl::StrFormat(
          "%s: the line is not valid UTF-8 (column %d)", where, *bad + 1));
      break;
    }
    absl::StatusOr<ArticleInput> article = ParseArticleLine(line);
    if (!article.ok()) {
      status = Prefix(article.status(), where);
      break;
    }
    absl::Status s = ImportArticle(*article, report);
    if (!s.ok()) {
      status = Prefix(s, where);
      break;
    }
    if (progress) progress(done, total);
  }
  report->seconds += absl::ToDoubleSeconds(absl::Now() - start);
  return status;
}

absl::Status Importer::ImportTextFile(const std::string& path, const std::string& date,
                                      ImportReport* report) {
  const absl::Time start = absl::Now();
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > impl_->max_article_bytes) {
    return Prefix(TooLarge("the file", size, impl_->max_article_bytes), path);
  }
  ArticleInput article;
  article.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  article.date = date;
  std::string base = path.substr(path.find_last_of('/') + 1);
  article.id = base.substr(0, base.find_last_of('.'));
  for (absl::string_view line : absl::StrSplit(article.text, '\n')) {
    if (!absl::StripAsciiWhitespace(line).empty()) {
      article.title = std::string(absl::StripAsciiWhitespace(line));
      break;
    }
  }
  absl::Status s = ImportArticle(article, report);
  report->seconds += absl::ToDoubleSeconds(absl::Now() - start);
  if (!s.ok()) return Prefix(s, path);
  return absl::OkStatus();
}

}  // namespace newsgraph
