#!/usr/bin/env bash
# Generates a power-law graph, bulk-loads it with `newsgraph bench load`,
# runs the four workloads with `newsgraph bench run`, runs the same on the
# in-memory Boost.Graph CSR (csr_baseline), checks that the answers agree
# and prints one table of times and ratios (newsgraph / CSR).
#
#   bench/run_suite.sh [--nodes N] [--edges M] [--repeat R] [--work DIR]
#                      [--build DIR]   (default build-bench; needs the
#                                       newsgraph and csr_baseline targets)
# Exit status: 0 when every answer agrees, 1 otherwise.
set -euo pipefail

nodes=100000
edges=1000000
repeat=5
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-bench"
work=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --edges) edges="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: $0 [--nodes N] [--edges M] [--repeat R] [--work DIR] [--build DIR]" >&2; exit 2 ;;
  esac
done
work="${work:-/tmp/newsgraph_bench_${nodes}_${edges}}"
cli="$build/newsgraph"
csr="$build/csr_baseline"
for tool in "$cli" "$csr"; do
  [[ -x "$tool" ]] || { echo "missing $tool: build targets newsgraph_cli and csr_baseline" >&2; exit 2; }
done
mkdir -p "$work"
graph="$work/graph"

# Peak RSS in KB of a command (GNU time), kept in $work/rss.<name>.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%M" -o "$work/rss.$name" "$@"
}

if [[ ! -f "$graph/edges.csv" ]]; then
  echo "generating $nodes nodes / $edges edges in $graph" >&2
  python3 "$root/bench/gen_graph.py" --nodes "$nodes" --edges "$edges" --out "$graph"
fi

rm -rf "$work/db"
sync
timed load "$cli" bench load --db "$work/db" --nodes "$graph/nodes.csv" --edges "$graph/edges.csv" \
  > "$work/load.txt"
load_s=$(awk '/^seconds:/ {print $2}' "$work/load.txt")

workloads=(hop1 hop2 sp bfs)
csr_args=()
for w in "${workloads[@]}"; do
  timed "$w" "$cli" bench run --db "$work/db" --workload "$w" --input "$graph/$w.txt" \
    --repeat "$repeat" > "$work/ng_$w.txt" 2> "$work/ng_$w.err"
  csr_args+=("$w:$graph/$w.txt:$work/csr_$w.txt")
done
timed csr "$csr" --nodes "$graph/nodes.csv" --edges "$graph/edges.csv" --repeat "$repeat" \
  "${csr_args[@]}" 2> "$work/csr.err"

median() {  # median_s of workload $2 in JSON lines file $1
  grep "\"workload\": \"$2\"" "$1" | tail -1 | sed 's/.*"median_s": \([0-9.e-]*\).*/\1/'
}

status=0
ng_rss=0
printf '%-8s %8s %12s %12s %8s %s\n' workload queries newsgraph_s csr_s ratio answers
for w in "${workloads[@]}"; do
  ng=$(median "$work/ng_$w.err" "$w")
  base=$(median "$work/csr.err" "$w")
  queries=$(wc -l < "$graph/$w.txt")
  if cmp -s "$work/ng_$w.txt" "$work/csr_$w.txt"; then same=agree; else same=DIFFER; status=1; fi
  rss=$(cat "$work/rss.$w")
  (( rss > ng_rss )) && ng_rss=$rss
  printf '%-8s %8d %12.6f %12.6f %8.2f %s\n' "$w" "$queries" "$ng" "$base" \
    "$(awk -v a="$ng" -v b="$base" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$same"
done
csr_load=$(sed -n 's/.*"load_s": \([0-9.]*\).*/\1/p' "$work/csr.err")
printf '%-8s %8s %12s %12s %8.2f %s\n' load "$edges" "$load_s" "$csr_load" \
  "$(awk -v a="$load_s" -v b="$csr_load" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
  "(bulk load vs CSV->CSR build)"
csr_rss=$(cat "$work/rss.csr")
printf '%-8s %8s %12d %12d %8.2f %s\n' peak_rss KB "$ng_rss" "$csr_rss" \
  "$(awk -v a="$ng_rss" -v b="$csr_rss" 'BEGIN { print a / b }')" \
  "(largest bench run vs csr_baseline; load: $(cat "$work/rss.load") KB)"
exit $status
