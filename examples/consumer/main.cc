// Embeds newsgraph through its one face: opens (or makes) a store, imports
// one article, asks who took part in its events and runs a canned query
// whose rows come with the sentences behind them.
//
//   consumer STORE_DIR
//
// Prints the answers and exits 0, or prints the error and exits 1.
#include <iostream>

#include "newsgraph/newsgraph.h"

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "consumer: " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer STORE_DIR\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<newsgraph::Database>> db = newsgraph::Database::Open(argv[1]);
  if (!db.ok()) return Fail(db.status());

  newsgraph::ArticleInput article;
  article.id = "consumer-1";
  article.date = "2023-03-09";
  article.text =
      "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Jakarta on "
      "Tuesday. The two men talked about shipping lanes and export rules.";
  absl::StatusOr<newsgraph::ImportReport> report = (*db)->Import(article);
  if (!report.ok()) return Fail(report.status());
  std::cout << "imported " << report->imported << " article, " << report->events << " event\n";

  absl::StatusOr<newsgraph::QueryResult> people = (*db)->Query(
      "MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) WHERE e.date >= $from "
      "RETURN DISTINCT p.name AS name ORDER BY name",
      {{"from", newsgraph::CypherValue::Date(19000)}});  // 2022-01-08
  if (!people.ok()) return Fail(people.status());
  for (const auto& row : people->rows) std::cout << "took part: " << row[0].text << "\n";

  absl::StatusOr<newsgraph::QueryResult> met = (*db)->Ask(
      "officials-met", {{"a", "US"}, {"b", "CN"}, {"from", "2023-01-01"}, {"to", "2023-12-31"}});
  if (!met.ok()) return Fail(met.status());
  const int a = met->ColumnIndex("a"), b = met->ColumnIndex("b");
  for (size_t i = 0; i < met->rows.size(); ++i) {
    std::cout << met->rows[i][a].text << " met " << met->rows[i][b].text << "\n";
    for (const newsgraph::EvidenceInfo& evidence : met->evidence[i]) {
      std::cout << "  [" << evidence.article_id << "] " << evidence.sentence << "\n";
    }
  }
  return 0;
}
