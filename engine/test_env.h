// A seam for fault-injection tests: the RocksDB Env every store opened in
// this process uses. Tests install an Env over a failing FileSystem
// (tests/engine/fault_file_system.h) to check that a full disk or an I/O
// error at any point leaves a store that reopens equal to a clean import
// of what was reported stored. Not for production use: the product always
// runs on RocksDB's default Env.
#ifndef NEWSGRAPH_ENGINE_TEST_ENV_H_
#define NEWSGRAPH_ENGINE_TEST_ENV_H_

#include "rocksdb/env.h"

namespace newsgraph::engine {

// Stores opened after this call use `env` (not owned; it must outlive
// them); null restores RocksDB's default.
void SetStoreEnvForTesting(rocksdb::Env* env);

// The Env set above, or null.
rocksdb::Env* StoreEnvForTesting();

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_TEST_ENV_H_
