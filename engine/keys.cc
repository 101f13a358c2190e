#include "engine/keys.h"

#include "absl/strings/str_cat.h"

namespace newsgraph::keys {
namespace {

constexpr uint32_t kDaySignBit = 0x80000000u;

// Fully unrolled, so that the compiler merges it into one byte swap and
// store.
template <int kBytes>
void PutBigEndian(uint64_t v, char* out) {
  for (int i = kBytes - 1; i >= 0; --i) {
    out[i] = static_cast<char>(v);
    v >>= 8;
  }
}

}  // namespace

std::string NodeCountKey(pb::NodeKind kind) {
  return absl::StrCat(kMetaCountPrefix, "node/", static_cast<int>(kind));
}

std::string EdgeCountKey(pb::EdgeType type) {
  return absl::StrCat(kMetaCountPrefix, "edge/", static_cast<int>(type));
}

std::string AdjLogKey(uint64_t commit) {
  std::string key(kAdjLogPrefix);
  AppendU64(&key, commit);
  return key;
}

void AppendU16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

void AppendU32(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

void AppendU64(std::string* out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

void AppendDay(std::string* out, int32_t day) {
  AppendU32(out, static_cast<uint32_t>(day) ^ kDaySignBit);
}

uint16_t ReadU16(absl::string_view in, size_t pos) {
  return static_cast<uint16_t>((static_cast<uint8_t>(in[pos]) << 8) |
                               static_cast<uint8_t>(in[pos + 1]));
}

uint32_t ReadU32(absl::string_view in, size_t pos) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

uint64_t ReadU64(absl::string_view in, size_t pos) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

int32_t ReadDay(absl::string_view in, size_t pos) {
  return static_cast<int32_t>(ReadU32(in, pos) ^ kDaySignBit);
}

std::string NodeKey(uint64_t id) {
  std::string key;
  AppendU64(&key, id);
  return key;
}

std::string EvidenceKey(uint64_t id) { return NodeKey(id); }

std::optional<uint64_t> DecodeIdKey(absl::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return ReadU64(key, 0);
}

std::string ArticleKey(absl::string_view article_id) { return std::string(article_id); }

std::string NamePrefix(pb::NodeKind kind, absl::string_view normalized_name) {
  std::string key;
  key.reserve(normalized_name.size() + 2 + 8);
  key.push_back(static_cast<char>(static_cast<uint8_t>(kind)));
  key.append(normalized_name.data(), normalized_name.size());
  key.push_back('\0');
  return key;
}

std::string NameKey(pb::NodeKind kind, absl::string_view normalized_name, uint64_t node_id) {
  std::string key = NamePrefix(kind, normalized_name);
  AppendU64(&key, node_id);
  return key;
}

std::optional<uint64_t> DecodeNameKeyNode(absl::string_view key) {
  // kind + at least the terminating 0x00 + id.
  if (key.size() < 1 + 1 + 8 || key[key.size() - 9] != '\0') return std::nullopt;
  return ReadU64(key, key.size() - 8);
}

std::string EncodeEdgeKey(const EdgeKey& key) {
  std::string out;
  out.reserve(kEdgeKeyLength);
  AppendEdgeKey(&out, key);
  return out;
}

void AppendEdgeKey(std::string* out, const EdgeKey& key) {
  const size_t at = out->size();
  out->resize(at + kEdgeKeyLength);
  EncodeEdgeKeyTo(key, out->data() + at);
}

void EncodeEdgeKeyTo(const EdgeKey& key, char* out) {
  PutBigEndian<8>(key.node, out);
  PutBigEndian<2>(key.type, out + 8);
  PutBigEndian<4>(static_cast<uint32_t>(key.start_day) ^ kDaySignBit, out + 10);
  PutBigEndian<8>(key.other, out + 14);
  PutBigEndian<8>(key.seq, out + 22);
}

std::optional<EdgeKey> DecodeEdgeKey(absl::string_view in) {
  if (in.size() != kEdgeKeyLength) return std::nullopt;
  EdgeKey key;
  key.node = ReadU64(in, 0);
  key.type = ReadU16(in, 8);
  key.start_day = ReadDay(in, 10);
  key.other = ReadU64(in, 14);
  key.seq = ReadU64(in, 22);
  return key;
}

EdgeKey Mirror(const EdgeKey& key) {
  EdgeKey mirrored = key;
  mirrored.node = key.other;
  mirrored.other = key.node;
  return mirrored;
}

std::string OutKey(const pb::Edge& edge, uint64_t seq) {
  return EncodeEdgeKey({edge.src(), static_cast<uint16_t>(edge.type()), edge.time().from_day(),
                        edge.dst(), seq});
}

std::string InKey(const pb::Edge& edge, uint64_t seq) {
  return EncodeEdgeKey({edge.dst(), static_cast<uint16_t>(edge.type()), edge.time().from_day(),
                        edge.src(), seq});
}

std::string NodePrefix(uint64_t node) { return NodeKey(node); }

std::string EdgeScanLower(uint64_t node, uint16_t type, int32_t from_day) {
  std::string key = NodePrefix(node);
  AppendU16(&key, type);
  AppendDay(&key, from_day);
  return key;
}

std::string EdgeScanUpper(uint64_t node, uint16_t type, int32_t to_day) {
  // Every key with this node·type·day prefix is <= to_day; the successor of
  // that prefix is the first key past them, whatever overflows.
  return PrefixSuccessor(EdgeScanLower(node, type, to_day));
}

std::string NodeScanUpper(uint64_t node) { return PrefixSuccessor(NodePrefix(node)); }

std::string PrefixSuccessor(absl::string_view prefix) {
  std::string next(prefix);
  while (!next.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(next.back());
    if (last != 0xff) {
      ++last;
      return next;
    }
    next.pop_back();
  }
  return next;
}

}  // namespace newsgraph::keys
