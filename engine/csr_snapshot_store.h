// GraphSnapshot::FromStore at a view the caller holds, for engine code that
// must read other rows of the same state (the adjacency fold reads the edge
// log's bound at the state its snapshot reflects).
#ifndef NEWSGRAPH_ENGINE_CSR_SNAPSHOT_STORE_H_
#define NEWSGRAPH_ENGINE_CSR_SNAPSHOT_STORE_H_

#include "absl/status/statusor.h"
#include "engine/rocks_store.h"
#include "newsgraph/graph_snapshot.h"

namespace newsgraph::engine {

// GraphSnapshot::FromStore(store, options), its scan reading `view`.
absl::StatusOr<GraphSnapshot> SnapshotAtView(const RocksStore& store,
                                             const RocksStore::ReadView& view,
                                             const SnapshotOptions& options);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_CSR_SNAPSHOT_STORE_H_
