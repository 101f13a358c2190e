// newsgraph::Database (include/newsgraph/newsgraph.h): one Store, the
// Importer made at the first write, the canned-query registry read at
// Open, and the query functions of queries/ behind one handle.
#include "newsgraph/newsgraph.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "newsgraph/cypher.h"
#include "newsgraph/importer.h"
#include "newsgraph/query.h"
#include "newsgraph/store.h"
#include "queries/output/answer_formats.h"
#include "queries/canned/registry.h"
#include "queries/canned/runner.h"
#include "schema/dates.h"

namespace newsgraph {

struct Database::Impl {
  std::string path;
  DatabaseOptions options;
  std::unique_ptr<Store> store;
  queries::CannedRegistry registry;
  // Writers take turns (Store::Commit wants one at a time); readers never
  // take it. Guards `importer` too.
  std::mutex writer_mu;
  std::unique_ptr<Importer> importer;

  // The importer, made (and the KB seeded) at the first write so that a
  // database only queried never pays for the knowledge base.
  absl::StatusOr<Importer*> WritableImporter();
  // A writer's `status`, after syncing what it committed: OK means durable.
  absl::Status Finish(absl::Status status, const ImportReport& report);
};

absl::StatusOr<Importer*> Database::Impl::WritableImporter() {
  if (options.read_only) {
    return absl::FailedPreconditionError(absl::StrCat("database ", path, " is open read-only"));
  }
  if (importer == nullptr) {
    absl::StatusOr<std::unique_ptr<Importer>> made = Importer::Create(store.get(), options.import);
    if (!made.ok()) return made.status();
    importer = *std::move(made);
  }
  return importer.get();
}

absl::Status Database::Impl::Finish(absl::Status status, const ImportReport& report) {
  // Commits are not synced one by one (StoreOptions::sync_commits is off);
  // one sync per call makes all of them durable before we return.
  absl::Status synced = store->Sync();
  if (status.ok()) return synced;
  if (report.imported == 0) return status;
  // Each article is committed whole: those before the error stay usable.
  return absl::Status(status.code(), absl::StrCat(status.message(), " (", report.imported,
                                                  " articles stored before this error)"));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                         const DatabaseOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  // The registry first: a bad query file fails before the store is locked.
  absl::StatusOr<queries::CannedRegistry> registry =
      queries::LoadCannedRegistry(options.query_files, /*env_list=*/"");
  if (!registry.ok()) return registry.status();
  impl->registry = *std::move(registry);
  StoreOptions store_options;
  store_options.read_only = options.read_only;
  store_options.create_if_missing = options.create_if_missing;
  store_options.sync_commits = false;  // see Impl::Finish
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, store_options);
  if (!store.ok()) return store.status();
  impl->store = *std::move(store);
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

const std::string& Database::path() const { return impl_->path; }

absl::StatusOr<ImportReport> Database::Import(const ArticleInput& article) {
  std::lock_guard<std::mutex> lock(impl_->writer_mu);
  absl::StatusOr<Importer*> importer = impl_->WritableImporter();
  if (!importer.ok()) return importer.status();
  ImportReport report;
  absl::Status status = (*importer)->ImportArticle(article, &report);
  if (absl::Status s = impl_->Finish(std::move(status), report); !s.ok()) return s;
  return report;
}

absl::StatusOr<ImportReport> Database::ImportFile(const std::string& file,
                                                  absl::string_view txt_date) {
  const bool text = absl::EndsWith(file, ".txt");
  if (text) {
    if (absl::Status s = ParseIsoDay(txt_date).status(); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          file, ": a .txt article needs its date as YYYY-MM-DD (", s.message(), ")"));
    }
  }
  std::lock_guard<std::mutex> lock(impl_->writer_mu);
  absl::StatusOr<Importer*> importer = impl_->WritableImporter();
  if (!importer.ok()) return importer.status();
  ImportReport report;
  absl::Status status = text ? (*importer)->ImportTextFile(file, std::string(txt_date), &report)
                             : (*importer)->ImportJsonLinesInOrder({file}, &report);
  if (absl::Status s = impl_->Finish(std::move(status), report); !s.ok()) return s;
  return report;
}

int QueryResult::ColumnIndex(absl::string_view name) const {
  auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

absl::StatusOr<QueryResult> Database::Query(absl::string_view cypher, const CypherParams& params,
                                            const QueryOptions& options) const {
  absl::StatusOr<CypherResult> result = RunCypher(*impl_->store, cypher, params, options);
  if (!result.ok()) return result.status();
  QueryResult out;
  static_cast<CypherResult&>(out) = *std::move(result);
  return out;
}

absl::StatusOr<QueryResult> Database::Ask(absl::string_view name,
                                          const std::map<std::string, std::string>& params,
                                          const QueryOptions& options) const {
  const queries::CannedEntry* entry = impl_->registry.Find(name);
  if (entry == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("unknown canned query \"", name, "\" (ListQueries names them)"));
  }
  absl::StatusOr<CypherParams> bound = queries::BindParams(*entry, params);
  if (!bound.ok()) return bound.status();
  // officials-met and contacts-of have C++ twins (the CLI's scored path);
  // here every entry runs its Cypher text, which tests/queries/canned/runner_test.cc holds
  // equal to them, so that every answer has the same shape.
  absl::StatusOr<CypherResult> result =
      queries::RunCannedCypher(*impl_->store, *entry, *bound, options);
  if (!result.ok()) return result.status();
  absl::StatusOr<queries::Answer> answer = queries::ResolveEvidence(
      *std::move(result), queries::StoreEvidenceSource(*impl_->store));
  if (!answer.ok()) return answer.status();
  QueryResult out;
  out.columns = std::move(answer->columns);
  out.rows = std::move(answer->rows);
  out.evidence = std::move(answer->evidence);
  return out;
}

std::vector<QueryInfo> Database::ListQueries() const {
  std::vector<QueryInfo> out;
  for (const queries::CannedEntry& entry : impl_->registry.entries()) {
    QueryInfo info;
    info.name = entry.name;
    info.description = entry.description;
    info.cypher = entry.cypher;
    for (const queries::CannedParam& p : entry.params) {
      info.params.push_back({p.name, p.type_text, !p.default_text.has_value(),
                             p.default_text.value_or(""), p.help});
    }
    out.push_back(std::move(info));
  }
  return out;
}

absl::StatusOr<std::string> Database::Explain(uint64_t event_id) const {
  return ExplainEvent(*impl_->store, event_id);
}

absl::StatusOr<BulkLoadReport> Database::BulkLoad(const std::string& nodes_csv,
                                                  const std::string& edges_csv,
                                                  const BulkLoadOptions& options) {
  std::lock_guard<std::mutex> lock(impl_->writer_mu);
  if (impl_->options.read_only) {
    return absl::FailedPreconditionError(
        absl::StrCat("database ", impl_->path, " is open read-only"));
  }
  return newsgraph::BulkLoad(*impl_->store, nodes_csv, edges_csv, options);
}

}  // namespace newsgraph
