// Importer::ImportArticle's contract, as include/newsgraph/importer.h
// states it: repeats are skipped, a second text under one id is refused,
// an article over the size limit is refused, and a refusal writes nothing.
#include "newsgraph/importer.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

ArticleInput Article(const std::string& id, const std::string& text) {
  ArticleInput a;
  a.id = id;
  a.date = "2023-06-02";
  a.text = text;
  return a;
}

TEST(ImporterTest, RepeatsSkipAndConflictsAndOversizeAreRefused) {
  testing_util::TestStoreDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(store.ok()) << store.status();
  ImporterOptions options;
  options.parse_sentences = false;
  options.max_article_bytes = 200;
  absl::StatusOr<std::unique_ptr<Importer>> importer = Importer::Create(store->get(), options);
  ASSERT_TRUE(importer.ok()) << importer.status();
  ImportReport report;
  const std::string text = "Foreign Minister Ola Nordmann met President Kari Virtanen in Oslo.";
  ASSERT_TRUE((*importer)->ImportArticle(Article("a", text), &report).ok());
  ASSERT_TRUE((*importer)->ImportArticle(Article("a", text), &report).ok());
  EXPECT_EQ(report.imported, 1u);
  EXPECT_EQ(report.already_present, 1u);
  const uint64_t articles = (*store)->Stats()->articles;
  const uint64_t evidence = (*store)->Stats()->evidence;

  absl::Status conflict = (*importer)->ImportArticle(Article("a", text + " Again."), &report);
  EXPECT_EQ(conflict.code(), absl::StatusCode::kAlreadyExists) << conflict;
  absl::Status too_big = (*importer)->ImportArticle(Article("b", std::string(201, 'x')), &report);
  EXPECT_EQ(too_big.code(), absl::StatusCode::kInvalidArgument) << too_big;
  EXPECT_NE(too_big.message().find("over the limit"), std::string::npos) << too_big;
  EXPECT_EQ((*store)->Stats()->articles, articles);
  EXPECT_EQ((*store)->Stats()->evidence, evidence);
  EXPECT_EQ(report.imported, 1u);
}

}  // namespace
}  // namespace newsgraph
