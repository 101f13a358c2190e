// What a directory given as a store holds, judged before RocksDB may touch
// it. RocksDB opened on a foreign directory deletes files that look like its
// own and adds column families to another program's database; newsgraph
// therefore creates a store only in a missing or empty directory and opens
// only a directory that carries its marker file.
#ifndef NEWSGRAPH_ENGINE_STORE_DIR_H_
#define NEWSGRAPH_ENGINE_STORE_DIR_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgraph::engine {

// The marker's file name inside a store directory. Its text is
// "newsgraph store\nschema_version N\n".
inline constexpr absl::string_view kStoreMarkerName = "NEWSGRAPH";

enum class StoreDirKind {
  kMissing,     // nothing at that path
  kEmpty,       // an empty directory
  kUnfinished,  // the marker without a database: a creation that stopped
  kStore,       // the marker and a database
  kUnmarked,    // a newsgraph database written before markers existed
};

struct StoreDirState {
  StoreDirKind kind = StoreDirKind::kMissing;
  uint32_t schema_version = 0;  // from the marker; 0 without one
};

// Classifies `dir`. Anything that is not one of the kinds above -- a file,
// a non-empty directory without the marker, another program's RocksDB, a
// marker with other text -- is FailedPrecondition with a message that names
// what was found. Reads only: no file in `dir` is created or changed.
absl::StatusOr<StoreDirState> InspectStoreDir(const std::string& dir);

// Writes the marker atomically (a temporary file, fsync, rename, fsync of
// the directory), replacing an older one.
absl::Status WriteStoreMarker(const std::string& dir, uint32_t schema_version);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_STORE_DIR_H_
