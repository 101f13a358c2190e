#include "importers/knowledge_base.h"
#include <gtest/gtest.h>
TEST(KnowledgeBase, Mini) {
  newsgraph::KnowledgeBase kb;
  absl::Status s = kb.AddFile("/tmp/kbtest/mini.textproto");
  EXPECT_TRUE(s.ok()) << s;
}
