#!/usr/bin/env bash
# Installs the build into a temporary prefix, then, as a program outside
# the tree would: checks that every installed header compiles alone with
# only the prefix on the include path and names no protobuf, Boost or
# RocksDB header; builds examples/consumer/ with find_package(newsgraph)
# and, when pkg-config is there, with newsgraph.pc; runs both and checks
# their answers; and, given PYTHON (the build has the Python module), that
# the installed newsgraph package imports from the prefix alone and answers.
#
#   install_consumer_test.sh BUILD_DIR SOURCE_DIR [PYTHON]
#
# Exit 0 pass, 1 fail, 77 skip (a tool it cannot do without is missing).
set -euo pipefail
build=$1
source=$2
cxx=${CXX:-c++}
for tool in cmake "$cxx"; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log"; fail "cmake --install"; }
for f in bin/newsgraph include/newsgraph/newsgraph.h; do
  [[ -e $prefix/$f ]] || fail "$f not installed"
done
config=$(find "$prefix" -name newsgraphConfig.cmake) || true
[[ -n $config ]] || fail "newsgraphConfig.cmake not installed"

# The public face stands alone: each header compiles by itself, and none
# includes a generated, Boost or RocksDB header.
for header in "$prefix"/include/newsgraph/*.h; do
  if grep -nE '#include [<"](schema/|boost/|rocksdb/|google/protobuf)' "$header"; then
    fail "$header includes a header the face must hide"
  fi
  "$cxx" -std=c++17 -fsyntax-only -I "$prefix/include" -x c++ "$header" ||
    fail "$header does not compile alone"
done

expect_answers() {  # the consumer's output in $1
  local out=$1
  grep -qx 'imported 1 article, 1 event' "$out" || fail "no import line in: $(cat "$out")"
  grep -qx 'took part: Antony Blinken' "$out" || fail "Blinken missing in: $(cat "$out")"
  grep -qx 'took part: Wang Yi' "$out" || fail "Wang Yi missing in: $(cat "$out")"
  grep -qx 'Antony Blinken met Wang Yi' "$out" || fail "officials-met row missing in: $(cat "$out")"
  grep -q '^  \[consumer-1\] Secretary of State Antony Blinken met' "$out" ||
    fail "officials-met evidence missing in: $(cat "$out")"
}

cmake -S "$source/examples/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"; fail "configuring the consumer with find_package"; }
cmake --build "$work/consumer" >"$work/build.log" 2>&1 || {
  cat "$work/build.log"; fail "building the consumer"; }
"$work/consumer/consumer" "$work/store-cmake" >"$work/cmake.out" || {
  cat "$work/cmake.out"; fail "the consumer (find_package) failed"; }
expect_answers "$work/cmake.out"
echo "find_package consumer: ok"
cat "$work/cmake.out"

if command -v pkg-config >/dev/null; then
  pc_dir=$(dirname "$(find "$prefix" -name newsgraph.pc)")
  flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs newsgraph) ||
    fail "pkg-config newsgraph"
  # shellcheck disable=SC2086  # the flags are words
  "$cxx" -std=c++17 -O1 "$source/examples/consumer/main.cc" -o "$work/consumer-pc" $flags ||
    fail "building the consumer with pkg-config"
  "$work/consumer-pc" "$work/store-pc" >"$work/pc.out" || {
    cat "$work/pc.out"; fail "the consumer (pkg-config) failed"; }
  expect_answers "$work/pc.out"
  echo "pkg-config consumer: ok"
else
  echo "pkg-config not installed: its consumer not tried"
fi

if [[ -n ${3:-} ]]; then
  init=$(find "$prefix" -path '*/newsgraph/__init__.py' | head -n 1)
  [[ -n $init ]] || fail "the Python package was built but not installed"
  site=$(dirname "$(dirname "$init")")
  compgen -G "$site/newsgraph/_newsgraph*.so" >/dev/null || fail "_newsgraph*.so not installed"
  # From the prefix alone: not the build tree, not the working directory.
  (cd "$work" && PYTHONPATH=$site "$3" -c '
import sys, newsgraph
assert newsgraph.__file__.startswith(sys.argv[1]), newsgraph.__file__
with newsgraph.open(sys.argv[2], read_only=True) as db:
    for row in db.ask("officials-met", a="US", b="CN", from_="2023-01-01", to="2023-12-31"):
        print(row["a"], "met", row["b"])
' "$site" "$work/store-cmake") >"$work/python.out" 2>&1 || {
    cat "$work/python.out"; fail "the installed Python package failed"; }
  grep -qx 'Antony Blinken met Wang Yi' "$work/python.out" ||
    fail "officials-met row missing in: $(cat "$work/python.out")"
  echo "Python package in ${site#"$prefix"/}: ok"
else
  echo "Python module not built: its install not tried"
fi
