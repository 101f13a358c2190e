// Embedding newsgraph: open a store, import an article, ask who met whom.
//
//   embed_example STORE_DIR
//
// Prints one line per pair of officials and exits 0, or prints the error
// and exits 1.
#include <iostream>

#include "newsgraph/importer.h"
#include "newsgraph/query.h"
#include "newsgraph/store.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: embed_example STORE_DIR\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<newsgraph::Store>> store =
      newsgraph::Store::Open(argv[1], newsgraph::StoreOptions{});
  if (!store.ok()) {
    std::cerr << store.status() << "\n";
    return 1;
  }
  absl::StatusOr<std::unique_ptr<newsgraph::Importer>> importer =
      newsgraph::Importer::Create(store->get(), newsgraph::ImporterOptions{});
  if (!importer.ok()) {
    std::cerr << importer.status() << "\n";
    return 1;
  }

  newsgraph::ArticleInput article;
  article.id = "example-1";
  article.date = "2022-11-15";
  article.title = "Leaders hold first in-person talks";
  article.text =
      "U.S. President Joe Biden met Chinese President Xi Jinping on Monday on the "
      "Indonesian island of Bali, their first face-to-face encounter since Biden took "
      "office. The two leaders spoke for more than three hours.";
  newsgraph::ImportReport report;
  if (absl::Status s = (*importer)->ImportArticle(article, &report); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }

  newsgraph::OfficialsMetParams params;
  params.a = "US";
  params.b = "CN";
  params.from = "2022-01-01";
  params.to = "2023-12-31";
  absl::StatusOr<std::vector<newsgraph::PairRow>> rows = newsgraph::OfficialsMet(**store, params);
  if (!rows.ok()) {
    std::cerr << rows.status() << "\n";
    return 1;
  }
  for (const newsgraph::PairRow& row : *rows) {
    std::cout << row.a.name << " (" << row.a.state << ") met " << row.b.name << " ("
              << row.b.state << ")";
    for (const newsgraph::EventRow& event : row.events) {
      std::cout << " on " << (event.date.empty() ? "an unknown date" : event.date);
      for (const newsgraph::EvidenceInfo& evidence : event.evidence) {
        std::cout << "\n  [" << evidence.article_id << "] " << evidence.sentence;
      }
    }
    std::cout << "\n";
  }
  return 0;
}
