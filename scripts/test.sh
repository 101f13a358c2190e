#!/usr/bin/env bash
# Builds newsgraph and runs the whole test suite. Tests that need ../shared
# skip (and say so) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
