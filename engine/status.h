// Conversion of RocksDB statuses to absl::Status, the error type of every
// newsgraph API.
#ifndef NEWSGRAPH_ENGINE_STATUS_H_
#define NEWSGRAPH_ENGINE_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rocksdb/status.h"

namespace newsgraph::engine {

// Maps `s` to the nearest absl code, prefixing the message with `context`:
// Corruption -> DataLoss, NotFound -> NotFound, InvalidArgument ->
// InvalidArgument, NotSupported -> Unimplemented, Busy/TimedOut/TryAgain ->
// Unavailable, anything else -> Internal. OK stays OK.
absl::Status FromRocks(const rocksdb::Status& s, absl::string_view context);

// True when `s` is RocksDB's failure to take the LOCK file of a database
// that another writer holds.
bool IsLockError(const rocksdb::Status& s);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_STATUS_H_
