#!/usr/bin/env bash
# Configures and builds newsgraph in Release under ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Cytoscape.js for the page of `newsgraph serve`; without it the page draws
# no graph and its browser test skips, the rest builds and runs.
bash scripts/install-web-deps.sh || echo "build: web/node_modules not installed (npm failed)" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
