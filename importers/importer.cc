#include "newsgraph/importer.h"

#include <fstream>
#include <utility>

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

absl::StatusOr<ArticleInput> ParseArticleLine(const std::string& line) {
  nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) {
    // Parse again with exceptions only to get the parser's own message.
    try {
      (void)nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return absl::InvalidArgumentError(absl::StrCat("not JSON: ", e.what()));
    }
    return absl::InvalidArgumentError("not JSON");
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
  absl::Status status;
  while (std::getline(in, line)) {
    ++line_number;
    done += line.size() + 1;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string where = absl::StrCat(path, ":", line_number);
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
