#include "newsgraph/importer.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "importers/extractor.h"
#include "importers/graph_writer.h"
#include "importers/internal/article_lines.h"
#include "importers/knowledge_base.h"
#include "importers/stable_hash.h"
#include "importers/utf8.h"
#include "nlohmann/json.hpp"
#include "schema/dates.h"

namespace newsgraph {

using importers_internal::CappedLineReader;
using importers_internal::ParseArticleLine;
using importers_internal::Prefix;
using importers_internal::TooLarge;

struct Importer::Impl {
  Store* store = nullptr;
  KnowledgeBase kb;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<GraphWriter> writer;
  uint64_t max_article_bytes = 0;
};


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

namespace {

// Where a line sits in its file.
struct LinePosition {
  uint64_t number = 0;  // 1-based
  uint64_t offset = 0;  // of its first byte
  uint64_t length = 0;  // without the '\n'
  uint64_t done = 0;    // bytes of the file read so far, this line included
  uint64_t total = 0;   // bytes of the file
};

using ArticleVisitor = std::function<absl::Status(const LinePosition&, ArticleInput)>;

// Checks each non-blank line of `path` -- length, UTF-8, JSON, fields --
// and gives the article to `visit`; the first bad line (or error from
// `visit`) stops the scan with an error naming the file and line.
absl::Status ScanArticleLines(const std::string& path, uint64_t max_article,
                              const ArticleVisitor& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  in.seekg(0, std::ios::end);
  LinePosition at;
  at.total = static_cast<uint64_t>(in.tellg());
  in.seekg(0);
  std::string line;
  // JSON escapes may double the text's bytes; a line longer than that
  // cannot hold an article under the limit.
  CappedLineReader reader(in, 2 * max_article + (1 << 20));
  while (reader.Next(&line, &at.length)) {
    ++at.number;
    at.offset = at.done;
    at.done += at.length + 1;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string where = absl::StrCat(path, ":", at.number);
    if (line.size() < at.length) return Prefix(TooLarge("the line", at.length, max_article), where);
    if (std::optional<size_t> bad = FirstInvalidUtf8(line)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: the line is not valid UTF-8 (column %d)", where, *bad + 1));
    }
    absl::StatusOr<ArticleInput> article = ParseArticleLine(line);
    if (!article.ok()) return Prefix(article.status(), where);
    if (absl::Status s = visit(at, *std::move(article)); !s.ok()) return Prefix(s, where);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Importer::ImportJsonLines(
    const std::string& path, ImportReport* report,
    const std::function<void(uint64_t done, uint64_t total)>& progress) {
  const absl::Time start = absl::Now();
  absl::Status status = ScanArticleLines(
      path, impl_->max_article_bytes, [&](const LinePosition& at, ArticleInput article) {
        absl::Status s = ImportArticle(article, report);
        if (s.ok() && progress) progress(at.done, at.total);
        return s;
      });
  report->seconds += absl::ToDoubleSeconds(absl::Now() - start);
  return status;
}

absl::Status Importer::ImportJsonLinesInOrder(
    const std::vector<std::string>& paths, ImportReport* report,
    const std::function<void(uint64_t done, uint64_t total)>& progress) {
  const absl::Time start = absl::Now();
  struct Entry {
    std::string date, id, text_hash;
    size_t file;
    LinePosition at;
  };
  std::vector<Entry> entries;
  for (size_t f = 0; f < paths.size(); ++f) {
    absl::Status s = ScanArticleLines(
        paths[f], impl_->max_article_bytes, [&](const LinePosition& at, ArticleInput article) {
          absl::StatusOr<absl::CivilDay> day = ParseIsoDay(article.date);
          if (!day.ok()) return absl::InvalidArgumentError(absl::StrCat("\"date\": ", day.status().message()));
          entries.push_back({std::move(article.date), std::move(article.id),
                             StableHash(article.text), f, at});
          return absl::OkStatus();
        });
    if (!s.ok()) return s;
  }
  // The text's hash breaks a tie between two texts under one id, so even
  // which of them is refused does not depend on the order given.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.date, a.id, a.text_hash) < std::tie(b.date, b.id, b.text_hash);
  });
  std::vector<std::ifstream> files;
  for (const std::string& path : paths) files.emplace_back(path, std::ios::binary);
  absl::Status status;
  std::string line;
  for (size_t i = 0; i < entries.size() && status.ok(); ++i) {
    const Entry& e = entries[i];
    const std::string where = absl::StrCat(paths[e.file], ":", e.at.number);
    std::ifstream& in = files[e.file];
    line.resize(e.at.length);
    in.seekg(static_cast<std::streamoff>(e.at.offset));
    if (!in.read(line.data(), static_cast<std::streamsize>(e.at.length))) {
      status = absl::DataLossError(absl::StrCat(where, ": the file changed while it was imported"));
      break;
    }
    absl::StatusOr<ArticleInput> article = ParseArticleLine(line);
    if (!article.ok()) status = Prefix(article.status(), where);
    if (status.ok()) status = ImportArticle(*article, report);
    if (!status.ok()) status = Prefix(status, where);
    if (status.ok() && progress) progress(i + 1, entries.size());
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
