// newsgraph::ArticleInput — one article as the importers read it.
#ifndef NEWSGRAPH_ARTICLE_H_
#define NEWSGRAPH_ARTICLE_H_

#include <string>

namespace newsgraph {

struct ArticleInput {
  std::string id;      // unique; the store's key for the article
  std::string title;   // may be empty
  std::string date;    // ISO publication date "YYYY-MM-DD" (required)
  std::string source;  // may be empty
  std::string url;     // may be empty
  std::string text;    // UTF-8
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_ARTICLE_H_
