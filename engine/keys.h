// Every key and column-family name of the store, encoded in one place.
//
// Integers are fixed-width big-endian so that RocksDB's bytewise order is
// numeric order; signed days are stored with the sign bit flipped so that
// negative days sort before positive ones. docs/storage.md shows the layout.
#ifndef NEWSGRAPH_ENGINE_KEYS_H_
#define NEWSGRAPH_ENGINE_KEYS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "schema/records.pb.h"

namespace newsgraph::keys {

// Column families, in the order Store::Open opens them.
inline constexpr absl::string_view kCfDefault = "default";  // meta
inline constexpr absl::string_view kCfNode = "node";
inline constexpr absl::string_view kCfName = "name";
inline constexpr absl::string_view kCfOut = "out";
inline constexpr absl::string_view kCfIn = "in";
inline constexpr absl::string_view kCfEvidence = "evidence";
inline constexpr absl::string_view kCfArticle = "article";

// Meta keys in the default column family. User keys (PutMeta) may not
// start with kMetaReservedPrefix.
inline constexpr absl::string_view kMetaReservedPrefix = "meta/";
inline constexpr absl::string_view kMetaCounters = "meta/counters";
// "meta/count/..." rows hold 8-byte big-endian totals kept by Commit so
// that Stats() is a scan of a few rows, not of the whole store.
inline constexpr absl::string_view kMetaCountPrefix = "meta/count/";
std::string NodeCountKey(pb::NodeKind kind);  // meta/count/node/<kind number>
std::string EdgeCountKey(pb::EdgeType type);  // meta/count/edge/<type number>
inline constexpr absl::string_view kArticleCountKey = "meta/count/article";
inline constexpr absl::string_view kEvidenceCountKey = "meta/count/evidence";
// "meta/adjlog/<commit number u64>": the (src, dst) ids of the edges of one
// commit, 16 bytes an edge, numbered in commit order from 0. The delta that
// a memory-mapped adjacency file (engine/adjacency_file.h) does not hold.
inline constexpr absl::string_view kAdjLogPrefix = "meta/adjlog/";
std::string AdjLogKey(uint64_t commit);

// Bytes of the node-id prefix of `out` and `in` keys (the prefix
// extractor's length, so bloom filters are per node).
inline constexpr size_t kNodePrefixLength = 8;
inline constexpr size_t kEdgeKeyLength = 8 + 2 + 4 + 8 + 8;

// ---- fixed-width coding ----
void AppendU16(std::string* out, uint16_t v);
void AppendU32(std::string* out, uint32_t v);
void AppendU64(std::string* out, uint64_t v);
// The day with its sign bit flipped: INT32_MIN -> 0, -1 -> 0x7fffffff, 0 -> 0x80000000.
void AppendDay(std::string* out, int32_t day);
// Readers of the above at `pos`; the caller checks the length.
uint16_t ReadU16(absl::string_view in, size_t pos);
uint32_t ReadU32(absl::string_view in, size_t pos);
uint64_t ReadU64(absl::string_view in, size_t pos);
int32_t ReadDay(absl::string_view in, size_t pos);

// ---- node, evidence: the id ----
std::string NodeKey(uint64_t id);
std::string EvidenceKey(uint64_t id);
std::optional<uint64_t> DecodeIdKey(absl::string_view key);

// ---- article: the article id as given ----
std::string ArticleKey(absl::string_view article_id);

// ---- name: kind u8 · normalised name · 0x00 · node id u64 ----
// The 0x00 ends the name so that "ab" never prefix-matches "ab c"; a
// normalised name has no 0x00 (control characters become spaces).
std::string NamePrefix(pb::NodeKind kind, absl::string_view normalized_name);
std::string NameKey(pb::NodeKind kind, absl::string_view normalized_name, uint64_t node_id);
// The node id at the end of a name key.
std::optional<uint64_t> DecodeNameKeyNode(absl::string_view key);

// ---- out / in: node · type u16 · start day · other node · seq ----
struct EdgeKey {
  uint64_t node = 0;   // src for `out`, dst for `in`
  uint16_t type = 0;
  int32_t start_day = 0;
  uint64_t other = 0;  // dst for `out`, src for `in`
  uint64_t seq = 0;
};
std::string EncodeEdgeKey(const EdgeKey& key);
// Appends the encoding of `key` to `out` (no allocation once `out` has
// grown).
void AppendEdgeKey(std::string* out, const EdgeKey& key);
// Writes the encoding of `key` to out[0, kEdgeKeyLength): the bulk loader
// encodes tens of millions of keys, byte appends would be a tenth of it.
void EncodeEdgeKeyTo(const EdgeKey& key, char* out);
// The first and other node of an edge key of kEdgeKeyLength bytes; the
// caller checks the length. Inline: traversals decode every key they visit.
inline uint64_t EdgeKeyNode(const char* key) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(key[i]);
  return v;
}
inline uint64_t EdgeKeyOther(const char* key) { return EdgeKeyNode(key + 8 + 2 + 4); }
std::optional<EdgeKey> DecodeEdgeKey(absl::string_view key);
// The key of the same edge seen from the other end (out <-> in).
EdgeKey Mirror(const EdgeKey& key);
std::string OutKey(const pb::Edge& edge, uint64_t seq);
std::string InKey(const pb::Edge& edge, uint64_t seq);

// Bounds of an edge range scan, [lower, upper). An empty `upper` means "to
// the end of the node's prefix" (the node id is the largest possible).
std::string NodePrefix(uint64_t node);
std::string EdgeScanLower(uint64_t node, uint16_t type, int32_t from_day);
// The first key after every edge of `node` with `type` and start day <= to_day.
std::string EdgeScanUpper(uint64_t node, uint16_t type, int32_t to_day);
// The first key after every edge of `node`.
std::string NodeScanUpper(uint64_t node);

// Smallest string greater than every string starting with `prefix`, or ""
// when there is none (prefix all 0xff).
std::string PrefixSuccessor(absl::string_view prefix);

}  // namespace newsgraph::keys

#endif  // NEWSGRAPH_ENGINE_KEYS_H_
