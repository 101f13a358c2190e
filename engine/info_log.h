// The writer's RocksDB info log (the LOG file in a store directory).
//
// RocksDB's own file logger asserts on the next line after a failed write
// (Debian's librocksdb keeps assertions on), so on a full disk the first
// log line after ENOSPC aborted the process -- during a commit, and again
// inside DB::Open. This logger writes the same lines with stdio and drops
// a line it cannot write: a full disk then surfaces as the write's own
// error, with a message, instead of a SIGABRT.
#ifndef NEWSGRAPH_ENGINE_INFO_LOG_H_
#define NEWSGRAPH_ENGINE_INFO_LOG_H_

#include <memory>
#include <string>

#include "rocksdb/env.h"

namespace newsgraph::engine {

// Appends to `dir`/LOG; a LOG over 1 MiB is first renamed to LOG.old
// (replacing the previous one), so the log stays bounded. Returns null when
// even the file cannot be opened (RocksDB then logs nowhere).
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_INFO_LOG_H_
