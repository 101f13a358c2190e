#!/usr/bin/env bash
# Installs the Debian 12 packages newsgraph builds with. Safe to run again:
# does nothing when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  librocksdb-dev libboost-graph-dev libprotobuf-dev protobuf-compiler libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libutf8proc-dev libre2-dev iso-codes
  liblink-grammar-dev link-grammar-dictionaries-en libedit-dev
  # What the tests load exports and pictures with: Graphviz (`--format
  # dot`), NetworkX (GraphML, JSON Lines), serdi (Turtle).
  graphviz python3-networkx serdi
  # newsgraph serve (cpp-httplib) and the browser its test drives headless
  # (Chromium through chromedriver, from Python). The page's Cytoscape.js
  # comes from npm (scripts/install-web-deps.sh); npm itself is not listed
  # here: Debian's conflicts with the Node.js these machines already have.
  libcpp-httplib-dev chromium chromium-driver
  python3-dev pybind11-dev python3-pandas
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
