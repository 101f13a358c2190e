#!/usr/bin/env bash
# Generates a power-law graph, bulk-loads it with `newsgraph bench load`
# (which also writes the store's adjacency file), runs the four workloads
# with `newsgraph bench run` on the three engines (--engine store: reads of
# the store per query; --engine snapshot: an in-memory CSR built once per
# process; --engine mapped: the memory-mapped adjacency file, nothing
# built), runs the same on the in-memory Boost.Graph CSR (csr_baseline),
# checks that every answer agrees and prints one table of times and ratios
# to the CSR, the snapshot build time, the load time and peak RSS, and one
# of each fresh process: its age at its first answer and its wall time
# minus its query time.
#
#   bench/run_suite.sh [--nodes N] [--edges M] [--repeat R] [--work DIR]
#                      [--build DIR]   (default build-bench; needs the
#                                       newsgraph and csr_baseline targets)
#                      [--peers LIST]  (e.g. kuzu,igraph,duckdb: also runs
#                                       bench/peers/run_peers.sh, if present)
#                      [--delta-sets N] (after the load, commit N small
#                                       write sets with tools/dev/commit_edges,
#                                       as N single-article imports would: the
#                                       mapped engine's delta path; csr_baseline
#                                       reads the CSV files plus those edges)
# Exit status: 0 when every answer agrees, 1 otherwise.
set -euo pipefail

nodes=100000
edges=1000000
repeat=5
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-bench"
work=""
peers=""
delta_sets=0
usage="usage: $0 [--nodes N] [--edges M] [--repeat R] [--work DIR] [--build DIR] [--peers LIST] [--delta-sets N]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --edges) edges="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    --delta-sets) delta_sets="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
work="${work:-/tmp/newsgraph_bench_${nodes}_${edges}}"
[[ "$build" = /* ]] || build="$root/$build"
cli="$build/newsgraph"
csr="$build/csr_baseline"
for tool in "$cli" "$csr"; do
  [[ -x "$tool" ]] || { echo "missing $tool: build targets newsgraph_cli and csr_baseline" >&2; exit 2; }
done
mkdir -p "$work"
graph="$work/graph"

# Peak RSS in KB of a command (GNU time) and its wall seconds (to the
# nanosecond: GNU time's %e has 10 ms steps), kept in $work/rss.<name>.
timed() {
  local name="$1"; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss.$name" "$@"
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", (e - s) / 1e9 }' >> "$work/rss.$name"
}
rss_of() { head -1 "$work/rss.$1"; }
wall_of() { sed -n 2p "$work/rss.$1"; }

if [[ ! -f "$graph/edges.csv" ]]; then
  echo "generating $nodes nodes / $edges edges in $graph" >&2
  python3 "$root/bench/gen_graph.py" --nodes "$nodes" --edges "$edges" --out "$graph"
fi

rm -rf "$work/db"
sync
timed load "$cli" bench load --db "$work/db" --nodes "$graph/nodes.csv" --edges "$graph/edges.csv" \
  > "$work/load.txt" 2> "$work/load.err"
load_s=$(awk '/^seconds:/ {print $2}' "$work/load.txt")

# The delta path: commits after the load, which the adjacency file does not
# hold; the CSR reads the same graph from the CSV files plus the commits.
csr_graph="$graph"
if (( delta_sets > 0 )); then
  [[ -x "$build/commit_edges" ]] || { echo "missing $build/commit_edges: build target commit_edges" >&2; exit 2; }
  csr_graph="$work/graph_with_delta"
  mkdir -p "$csr_graph"
  cp "$graph/nodes.csv" "$csr_graph/nodes.csv"
  cp "$graph/edges.csv" "$csr_graph/edges.csv"
  "$build/commit_edges" --db "$work/db" --sets "$delta_sets" --nodes-csv "$csr_graph/nodes.csv" \
    --edges-csv "$csr_graph/edges.csv" > "$work/delta.txt"
fi

workloads=(hop1 hop2 sp bfs)
engines=(store snapshot mapped)
csr_args=()
for w in "${workloads[@]}"; do
  for e in "${engines[@]}"; do
    timed "${e}_$w" "$cli" bench run --db "$work/db" --workload "$w" --input "$graph/$w.txt" \
      --repeat "$repeat" --engine "$e" > "$work/${e}_$w.txt" 2> "$work/${e}_$w.err"
  done
  csr_args+=("$w:$graph/$w.txt:$work/csr_$w.txt")
done
timed csr "$csr" --nodes "$csr_graph/nodes.csv" --edges "$csr_graph/edges.csv" --repeat "$repeat" \
  "${csr_args[@]}" 2> "$work/csr.err"

# Peers (Kùzu, igraph, ...) through their runner's interface only: it
# writes JSON lines {"peer": P, "workload": W, "median_s": S, ...} and the
# answers of peer P to WORK/peers/P_W.txt.
peer_names=()
if [[ -n "$peers" ]]; then
  runner="$root/bench/peers/run_peers.sh"
  if [[ -x "$runner" || -f "$runner" ]]; then
    mkdir -p "$work/peers"
    bash "$runner" --graph "$graph" --work "$work/peers" --repeat "$repeat" --peers "$peers" \
      > "$work/peers.out" 2> "$work/peers.err" || echo "note: run_peers.sh failed (see $work/peers.err)" >&2
    IFS=, read -r -a peer_names <<< "$peers"
  else
    echo "note: --peers given but $runner does not exist; peers skipped" >&2
  fi
fi

# A JSON field of the last line of file $1 naming workload $2.
field() {
  grep -h "\"workload\": \"$2\"" "$1" 2>/dev/null | tail -1 |
    sed -n "s/.*\"$3\": \"\{0,1\}\([0-9.e+-]*\).*/\1/p"
}
# A peer's median for workload $2 (peer $1), from run_peers.sh's output.
peer_field() {
  cat "$work/peers.out" "$work/peers.err" 2>/dev/null |
    grep "\"peer\": \"$1\"" | grep "\"workload\": \"$2\"" | tail -1 |
    sed -n "s/.*\"$3\": \([0-9.e+-]*\).*/\1/p"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 <= 0) print "-"; else printf "%.2f", a / b }'; }

status=0
header=$(printf '%-8s %8s %12s %12s %12s %12s %9s %9s %10s' workload queries store_s snapshot_s \
  mapped_s csr_s store/csr snap/csr mapped/csr)
for p in "${peer_names[@]}"; do header+=$(printf ' %12s %9s' "${p}_s" "$p/csr"); done
echo "$header answers(store,snapshot,mapped${peers:+,$peers})"
snap_rss=0
store_rss=0
mapped_rss=0
snapshot_builds=()
for w in "${workloads[@]}"; do
  base=$(field "$work/csr.err" "$w" median_s)
  store=$(field "$work/store_$w.err" "$w" median_s)
  snap=$(field "$work/snapshot_$w.err" "$w" median_s)
  mapped=$(field "$work/mapped_$w.err" "$w" median_s)
  snapshot_builds+=("$(field "$work/snapshot_$w.err" "$w" snapshot_s)")
  queries=$(wc -l < "$graph/$w.txt")
  agree=()
  for e in "${engines[@]}"; do
    if cmp -s "$work/${e}_$w.txt" "$work/csr_$w.txt"; then agree+=(agree); else agree+=(DIFFER); status=1; fi
  done
  line=$(printf '%-8s %8d %12.6f %12.6f %12.6f %12.6f %9s %9s %10s' "$w" "$queries" "$store" \
    "$snap" "$mapped" "$base" "$(ratio "$store" "$base")" "$(ratio "$snap" "$base")" \
    "$(ratio "$mapped" "$base")")
  for p in "${peer_names[@]}"; do
    pm=$(peer_field "$p" "$w" median_s)
    line+=$(printf ' %12s %9s' "${pm:--}" "$(ratio "$pm" "$base")")
    if [[ -f "$work/peers/${p}_$w.txt" ]]; then
      if cmp -s "$work/peers/${p}_$w.txt" "$work/csr_$w.txt"; then agree+=(agree); else agree+=(DIFFER); fi
    else
      agree+=(none)
    fi
  done
  echo "$line $(IFS=,; echo "${agree[*]}")"
  for e in "${engines[@]}"; do
    rss=$(rss_of "${e}_$w")
    case $e in
      snapshot) (( rss > snap_rss )) && snap_rss=$rss ;;
      mapped) (( rss > mapped_rss )) && mapped_rss=$rss ;;
      *) (( rss > store_rss )) && store_rss=$rss ;;
    esac
  done
done
csr_load=$(sed -n 's/.*"load_s": \([0-9.]*\).*/\1/p' "$work/csr.err")
printf '%-8s %8s %12s %12s %12s\n' snapshot build "" \
  "$(printf '%s\n' "${snapshot_builds[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
  "(snapshot_s: one ordered scan of out -> CSR, per bench run process, median of 4; not in snapshot_s column above)"
load_line=$(printf '%-8s %8s %12s %12s %12s %9s' load "$edges" "$load_s" "" "$csr_load" \
  "$(ratio "$load_s" "$csr_load")")
for p in "${peer_names[@]}"; do
  pl=$(peer_field "$p" load median_s)
  load_line+=$(printf ' %12s %9s' "${pl:--}" "$(ratio "$pl" "$csr_load")")
done
echo "$load_line (bulk load vs CSV->CSR build; $(cat "$work/load.err" | tail -1))"
if (( delta_sets > 0 )); then
  echo "delta    $(tr '\n' ' ' < "$work/delta.txt")(committed after the load; in the store's edge log, not in its adjacency file)"
fi
csr_rss=$(rss_of csr)
printf '%-8s %8s %12d %12d %12d %12d %9s %9s %10s %s\n' peak_rss KB "$store_rss" "$snap_rss" \
  "$mapped_rss" "$csr_rss" "$(ratio "$store_rss" "$csr_rss")" "$(ratio "$snap_rss" "$csr_rss")" \
  "$(ratio "$mapped_rss" "$csr_rss")" \
  "(largest bench run per engine vs csr_baseline; load: $(rss_of load) KB)"

# Each bench run is a fresh process: its age when it printed nothing yet but
# had its first answer (first_answer_s: program start, store open, engine
# set-up, first query), and its wall time minus the time inside its timed
# queries (all repeats): the cost of starting, which the snapshot engine
# pays in its build.
echo
printf '%-8s %-9s %14s %10s %13s %12s\n' workload engine first_answer_s wall_s query_total_s \
  wall-query_s
for w in "${workloads[@]}"; do
  for e in snapshot mapped; do
    first=$(field "$work/${e}_$w.err" "$w" first_answer_s)
    total=$(field "$work/${e}_$w.err" "$w" query_total_s)
    wall=$(wall_of "${e}_$w")
    printf '%-8s %-9s %14s %10s %13s %12s\n' "$w" "$e" "$first" "$wall" "$total" \
      "$(awk -v a="$wall" -v b="$total" 'BEGIN { printf "%.3f", a - b }')"
  done
done
exit $status
