#include "engine/test_env.h"

#include <atomic>

namespace newsgraph::engine {
namespace {

std::atomic<rocksdb::Env*> test_env{nullptr};

}  // namespace

void SetStoreEnvForTesting(rocksdb::Env* env) { test_env.store(env); }

rocksdb::Env* StoreEnvForTesting() { return test_env.load(); }

}  // namespace newsgraph::engine
