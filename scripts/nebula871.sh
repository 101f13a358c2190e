#!/usr/bin/env bash
# The NebulaGraph #871 case (vesoft-inc/nebula-graph#871: OOM at ~16 GB):
#   MATCH (s)-[*1..3]-(e) RETURN count(DISTINCT e)
# over a complete graph of N nodes (default 200), one relationship per
# unordered pair. Prints the answer, the elapsed seconds and the peak RSS of
# the whole run (graph construction included), measured by /usr/bin/time -v.
#
#   scripts/nebula871.sh [BUILD_DIR] [N]      (default build, 200)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
n="${2:-200}"
tool="$build/cypher_run"
if [[ ! -x "$tool" ]]; then
  echo "nebula871.sh: $tool not found; build it: cmake --build $build --target cypher_run" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "nebula871.sh: /usr/bin/time is needed (apt-get install time)" >&2
  exit 2
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
/usr/bin/time -v "$tool" \
  "UNWIND range(1, $n) AS i CREATE (:N {id: i})" \
  "MATCH (a:N), (b:N) WHERE a.id < b.id CREATE (a)-[:R]->(b)" \
  "MATCH (s)-[*1..3]-(e) RETURN count(DISTINCT e)" 2> "$log"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$log" | sed 's/^\s*//'
rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
echo "max RSS: $((rss_kb / 1024)) MB"
