#include "queries/cypher/executor/row_bytes.h"

#include <string>

namespace newsgraph::cypher {
namespace {

// What malloc adds to each block it hands out (glibc: 16 bytes, rounded).
constexpr int64_t kMallocOverhead = 16;

// Heap bytes of a string beyond the object itself (short strings live
// inside it).
int64_t StringHeapBytes(const std::string& s) {
  return s.capacity() > 15 ? static_cast<int64_t>(s.capacity()) + 1 + kMallocOverhead : 0;
}

// Heap bytes a value owns beyond sizeof(Value).
int64_t ValueHeapBytes(const Value& v) {
  int64_t bytes = StringHeapBytes(v.s);
  if (v.list.capacity() > 0) {
    bytes += static_cast<int64_t>(v.list.capacity() * sizeof(Value)) + kMallocOverhead;
    for (const Value& e : v.list) bytes += ValueHeapBytes(e);
  }
  for (const auto& [k, e] : v.map) {
    // A std::map node: three pointers and a colour, the key and the value.
    bytes += 32 + static_cast<int64_t>(sizeof(std::string) + sizeof(Value)) + kMallocOverhead +
             StringHeapBytes(k) + ValueHeapBytes(e);
  }
  return bytes;
}

}  // namespace

int64_t ApproxValueBytes(const Value& v) { return sizeof(Value) + ValueHeapBytes(v); }

// Counted as allocated, not as used: a row's hash table has a slot (and a
// control byte) for each unit of capacity, filled or not. Undercounting
// here let a query's RSS pass its memory budget by a quarter.
int64_t ApproxRowBytes(const Row& row) {
  // The row object itself lives in a std::vector that doubles as it grows:
  // up to twice its size in capacity, and three times while it moves.
  int64_t bytes = 3 * sizeof(Row);
  if (row.capacity() > 0) {
    bytes += static_cast<int64_t>(row.capacity() * (sizeof(Row::slot_type) + 1)) + 16 +
             kMallocOverhead;
  }
  for (const auto& [name, v] : row) bytes += StringHeapBytes(name) + ValueHeapBytes(v);
  return bytes;
}

}  // namespace newsgraph::cypher
