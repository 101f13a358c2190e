#!/usr/bin/env bash
# Builds examples/consumer/main.cc as a project that vendors newsgraph
# would: a wrapper CMake project in a temporary directory that does
# add_subdirectory(SOURCE_DIR) and links newsgraph::newsgraph; then runs
# the consumer and checks its answers.
#
#   add_subdirectory_test.sh SOURCE_DIR
#
# Only the consumer and the libraries it links are built (not the CLI,
# the tests or the tools), at -O0 without debug information: the test is
# about the build's wiring, and an optimised build of the whole library
# takes several times longer. CMAKE_BUILD_PARALLEL_LEVEL sets the jobs (default:
# the machine's cores).
#
# Exit 0 pass, 1 fail, 77 skip (cmake missing).
set -euo pipefail
source=$(cd "$1" && pwd)
if ! command -v cmake >/dev/null; then
  echo "SKIP: cmake is not installed"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$work/wrapper"
cat >"$work/wrapper/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.25)
project(vendors_newsgraph LANGUAGES CXX)
set(NEWSGRAPH_BUILD_TESTS OFF CACHE BOOL "" FORCE)
add_subdirectory("$source" newsgraph)
add_executable(consumer "$source/examples/consumer/main.cc")
target_link_libraries(consumer PRIVATE newsgraph::newsgraph)
EOF

start=$SECONDS
cmake -S "$work/wrapper" -B "$work/build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG=-O0 >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"; fail "configuring the wrapper project (add_subdirectory)"; }
# Every core by default: ctest starts this test first, and once the quicker
# tests beside it are done, a one-job build would leave the other cores idle.
cmake --build "$work/build" --target consumer -j "${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
  >"$work/build.log" 2>&1 || {
  tail -50 "$work/build.log"; fail "building the consumer through add_subdirectory"; }
echo "configure and build: $((SECONDS - start)) s"

"$work/build/consumer" "$work/store" >"$work/out" 2>&1 || {
  cat "$work/out"; fail "the consumer failed"; }
for line in 'imported 1 article, 1 event' 'took part: Antony Blinken' 'took part: Wang Yi' \
  'Antony Blinken met Wang Yi'; do
  grep -qxF "$line" "$work/out" || fail "\"$line\" missing in: $(cat "$work/out")"
done
echo "add_subdirectory consumer: ok"
cat "$work/out"
