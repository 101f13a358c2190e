#!/usr/bin/env bash
# Builds newsgraph and runs the whole test suite. Tests that need ../shared
# skip (and say so) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600

# Short fuzz runs under ASan + UBSan, where clang and its runtimes are
# installed (scripts/fuzz.sh TARGET SECONDS runs the long form).
cd ..
if [ "${NEWSGRAPH_SKIP_FUZZ:-0}" = 1 ]; then
  echo "fuzz: skipped (NEWSGRAPH_SKIP_FUZZ=1)"
elif command -v clang++ >/dev/null && dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed"; then
  for target in cypher_parser article_reader extractor graph_csv; do
    bash scripts/fuzz.sh --no-install "$target" 20
  done
else
  echo "fuzz: skipped: clang++ and libclang-rt-14-dev are not installed"
fi
