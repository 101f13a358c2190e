// libFuzzer target for the extractor: the input is an article's text,
// read with the shipped knowledge base (sentence parser off: Link Grammar
// is not instrumented, and its one-second budget per sentence would stall
// the fuzzer). Every byte string that is valid UTF-8 must give an
// extraction whose evidence offsets lie inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "importers/extractor.h"
#include "importers/knowledge_base.h"
#include "importers/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsgraph::KnowledgeBase* kb = [] {
    auto loaded = newsgraph::KnowledgeBase::LoadDefault();
    if (!loaded.ok()) __builtin_trap();
    return new newsgraph::KnowledgeBase(*std::move(loaded));
  }();
  static const newsgraph::Extractor* extractor = [] {
    newsgraph::ExtractorOptions options;
    options.parse_sentences = false;
    return new newsgraph::Extractor(kb, options);
  }();
  newsgraph::ArticleInput article;
  article.id = "fuzz";
  article.date = "2023-06-02";
  article.text.assign(reinterpret_cast<const char*>(data), size);
  if (newsgraph::FirstInvalidUtf8(article.text).has_value()) return 0;
  auto extraction = extractor->Extract(article);
  if (!extraction.ok()) return 0;
  for (const auto& event : extraction->events) {
    if (event.sentence_begin > event.sentence_end || event.sentence_end > size) __builtin_trap();
  }
  return 0;
}
