// newsgraph.h -- the one header an embedding program needs. A Database is
// one store on disk, opened once: import articles into it, ask it Cypher
// and canned questions, explain its events, bulk-load a graph into it.
//
//   absl::StatusOr<std::unique_ptr<newsgraph::Database>> db =
//       newsgraph::Database::Open("/var/lib/news", {});
//   if (!db.ok()) return db.status();
//   absl::StatusOr<newsgraph::ImportReport> r = (*db)->ImportFile("day.jsonl");
//   absl::StatusOr<newsgraph::QueryResult> q = (*db)->Query(
//       "MATCH (p:Person {name: $who})-[:MET]->(q) RETURN q.name",
//       {{"who", newsgraph::CypherValue::String("Wang Yi")}});
//
// Everything here and in the headers it includes is the standard library,
// Abseil and newsgraph's own types: no protobuf, Boost or RocksDB header
// (the lower-level store.h, importer.h, cypher.h, ... are for code built
// inside the source tree). Errors are absl::Status values; no exception
// leaves the library.
//
// Thread safety: every method may be called from several threads at once.
// Writers (Import, ImportFile, BulkLoad) take turns; readers (Query, Ask,
// Explain, ListQueries) run beside each other and beside a writer, and see
// every write that returned before they began.
#ifndef NEWSGRAPH_NEWSGRAPH_H_
#define NEWSGRAPH_NEWSGRAPH_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/article.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/cypher_result.h"
#include "newsgraph/evidence.h"
#include "newsgraph/import_options.h"

namespace newsgraph {

struct DatabaseOptions {
  // Make the directory and an empty store in it when there is none
  // (ignored when read_only).
  bool create_if_missing = true;
  // Open without the writer's lock: any number of read-only handles, in
  // this process or others, may read a store beside its one writer. Every
  // write then fails with FailedPrecondition. A read-only handle sees the
  // store as it was when it was opened.
  bool read_only = false;
  // How articles are read (knowledge-base files added to the shipped one,
  // the sentence parser, the article size limit).
  ImporterOptions import;
  // Canned-query files (the format of data/queries/canned.cypher) read
  // after the shipped queries; an entry replaces a shipped one of the same
  // name.
  std::vector<std::string> query_files;
};

// The budgets of one query (rows, memory, time, variable-length depth):
// cypher_result.h's CypherOptions. Crossing one fails the query with
// ResourceExhausted or DeadlineExceeded and a message naming the budget.
using QueryOptions = CypherOptions;

// The answer of Query or Ask: column names and rows of values (rows[i] has
// columns.size() values), and for PROFILE the plan with its row counts.
// The cypher_result.h formats (CypherResultToTable, ...) print it.
struct QueryResult : CypherResult {
  // Ask only: for each row, the evidence (article, sentence, rule) that its
  // `evidence` column names, each once, in the order met. Empty for Query
  // and for answers without an `evidence` column.
  std::vector<std::vector<EvidenceInfo>> evidence;

  // The index of column `name`, or -1 when there is none.
  int ColumnIndex(absl::string_view name) const;
};

// One parameter of a canned query.
struct QueryParamInfo {
  std::string name;
  std::string type;  // string, int, float, bool, date, strings; "int[1..3]", "string[a|b]"
  bool required = false;
  std::string default_value;  // as written; "null" for an optional parameter
  std::string help;
};

// One canned query, as ListQueries describes it.
struct QueryInfo {
  std::string name;
  std::string description;
  std::vector<QueryParamInfo> params;
  std::string cypher;  // the text Ask runs
};

class Database {
 public:
  // Opens the store in directory `path`, or makes one there when it is
  // missing or empty and options.create_if_missing. The caller owns the
  // result; destroying it closes the store. Errors: NotFound when there is
  // no store and it may not be made; FailedPrecondition when `path` is a
  // file, a directory holding other files or another program's RocksDB
  // (left untouched), or a store another writer holds ("locked"); DataLoss
  // or Internal for a damaged store; PermissionDenied for a directory it
  // cannot read; InvalidArgument for a canned-query file that does not
  // parse (FILE:LINE: ...), NotFound for a missing one.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                        const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The directory given to Open.
  const std::string& path() const;

  // Imports one article in one atomic write, durable when this returns
  // OK. An article already stored with the same id and text adds nothing
  // (report.already_present). The first write also seeds the knowledge
  // base (states, alliances, officials). Errors: FailedPrecondition on a
  // read-only database; InvalidArgument for a missing or malformed date,
  // text that is not UTF-8, or a text over the article size limit;
  // AlreadyExists for an id stored with a different text. Nothing is
  // written on error.
  absl::StatusOr<ImportReport> Import(const ArticleInput& article);

  // Imports a file: JSON Lines (one {"id","title","date","source","url",
  // "text"} object a line, imported in date-then-id order), or, when it
  // ends in .txt, one plain-text article dated `txt_date` (YYYY-MM-DD) whose
  // id is the file name. Durable when this returns OK. Errors: as Import,
  // naming the file and line ("day.jsonl:17: missing \"date\""); every
  // line of a JSON Lines file is checked before any is imported, so a bad
  // line stores nothing; NotFound for a missing file; InvalidArgument for
  // a .txt file without a valid `txt_date`.
  absl::StatusOr<ImportReport> ImportFile(const std::string& file,
                                          absl::string_view txt_date = "");

  // Runs a read-only Cypher query (the graph of docs/graph-model.md, "Cypher
  // view") with `$name` parameters from `params`, under `options`' budgets.
  // Errors: InvalidArgument for syntax errors ("line 2, column 7: ..."),
  // semantic and runtime errors (openCypher's error name first:
  // "TypeError: ...") and SET, DELETE, MERGE; FailedPrecondition for CREATE
  // (the graph is read-only); ResourceExhausted or DeadlineExceeded when a
  // budget is crossed; the store's read errors.
  absl::StatusOr<QueryResult> Query(absl::string_view cypher, const CypherParams& params = {},
                                    const QueryOptions& options = {}) const;

  // Runs the canned query `name` (ListQueries) with its parameters given
  // as text, as on the command line ({"k", "2"}, {"from", "2023-01-01"},
  // {"types", "MET,SPOKE_WITH"}): each is checked against the declared type
  // and range, and defaults fill the ones not given. Every entry runs its
  // Cypher text, officials-met and contacts-of too (the CLI runs their C++
  // twins, which give the same pairs). Rows come with their evidence resolved
  // (QueryResult::evidence). Errors: NotFound for an
  // unknown name; InvalidArgument naming the parameter that is unknown,
  // missing or malformed; Query's errors, prefixed with the query's name.
  absl::StatusOr<QueryResult> Ask(absl::string_view name,
                                  const std::map<std::string, std::string>& params = {},
                                  const QueryOptions& options = {}) const;

  // The canned queries Ask knows, in registry order: the shipped ones, then
  // those of DatabaseOptions::query_files.
  std::vector<QueryInfo> ListQueries() const;

  // How an event was read, for a person to check: its type, date, place
  // and factuality, each participant, and for each supporting sentence the
  // article, the rule that fired and how date and people were resolved.
  // Errors: NotFound when `event_id` is not an event; the store's errors.
  absl::StatusOr<std::string> Explain(uint64_t event_id) const;

  // Fills this database, which must be empty (no article imported yet),
  // from CSV files, far faster than imports: bulk_load.h's BulkLoad on the
  // open store, with its file formats and errors. Readers see nothing of
  // it until it is complete. Errors: FailedPrecondition on a read-only or
  // non-empty database; bulk_load.h's BulkLoad's.
  absl::StatusOr<BulkLoadReport> BulkLoad(const std::string& nodes_csv,
                                          const std::string& edges_csv,
                                          const BulkLoadOptions& options = {});

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_NEWSGRAPH_H_
