// libFuzzer entry point for the Cypher front end and executor. Any input
// must come back as a result or an error status: a crash, a sanitizer
// report, a hang or running out of memory is a bug. scripts/fuzz.sh builds and runs it; tests/fuzz/README.md says how.
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "tests/fuzz/cypher_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::cypher::FuzzOneInput(absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
