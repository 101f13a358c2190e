// Small builders of records for the engine tests.
#ifndef NEWSGRAPH_TESTS_ENGINE_TEST_RECORDS_H_
#define NEWSGRAPH_TESTS_ENGINE_TEST_RECORDS_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "schema/records.pb.h"

namespace newsgraph::testing_util {

inline pb::Node MakeNode(uint64_t id, pb::NodeKind kind, const std::string& name,
                         std::initializer_list<std::string> aliases = {}) {
  pb::Node node;
  node.set_id(id);
  node.set_kind(kind);
  node.set_name(name);
  for (const std::string& alias : aliases) node.add_aliases(alias);
  return node;
}

inline pb::Edge MakeEdge(uint64_t src, uint64_t dst, pb::EdgeType type, int32_t from_day,
                         int32_t to_day = 0) {
  pb::Edge edge;
  edge.set_src(src);
  edge.set_dst(dst);
  edge.set_type(type);
  edge.mutable_time()->set_from_day(from_day);
  edge.mutable_time()->set_to_day(to_day == 0 ? from_day : to_day);
  edge.set_confidence(0.5f);
  return edge;
}

inline std::unique_ptr<Store> OpenWriter(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, StoreOptions{});
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

inline std::unique_ptr<Store> OpenReader(const std::string& dir) {
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

}  // namespace newsgraph::testing_util

#endif  // NEWSGRAPH_TESTS_ENGINE_TEST_RECORDS_H_
