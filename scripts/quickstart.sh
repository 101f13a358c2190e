#!/usr/bin/env bash
# The main job on the embedded default: build, import the bundled sample
# corpus into ./data/store, and ask which US officials met Chinese officials
# in 2022-2023, with the sentences that say so. Safe to run twice: the second
# import finds every article already present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/newsgraph import --db data/store data/sample/articles.jsonl
./build/newsgraph import --db data/store --date 2023-06-19 data/sample/2023-06-19-blinken-beijing.txt
echo
echo "== Which US officials met Chinese officials in person in 2022-2023?"
./build/newsgraph ask officials-met --db data/store --a US --b CN \
  --from 2022-01-01 --to 2023-12-31
