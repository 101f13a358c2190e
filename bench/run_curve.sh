#!/usr/bin/env bash
# The cost curve (issue #13): bench/run_suite.sh at several sizes of
# gen_graph.py's power-law graph (nodes = edges / 10), then one markdown
# table of every size and engine (bench/curve_report.py: load, bytes per
# edge on disk, peak RSS of load and of queries, first answer of a fresh
# process, wall minus query time, each workload's median) and one of how
# each figure grows per tenfold step.
#
# Before each size it predicts the peak RSS of the suite and of each peer
# from the largest size already run in this --work (or from the 10M run in
# bench/peers/README.md when there is none) and the disk the size needs: a
# peer that would not fit is left out of that size, a size whose own
# programs would not fit gets a row saying so instead of running.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="1M,10M,100M"
peers="kuzu,igraph,duckdb"
repeat=3
build="build-bench"
work="/tmp/newsgraph_curve"
limit=0
max_rss_mb=""
run=1
usage="usage: $0 [--sizes 1M,10M,100M] [--peers kuzu,igraph,duckdb|none] [--repeat R]
       [--build DIR] [--work DIR] [--timeout SECONDS] [--max-rss-mb MB] [--report-only]

  --sizes        edge counts (k, M, G suffixes); nodes = edges / 10 (default $sizes)
  --peers        peers for run_suite.sh --peers, or none (default $peers)
  --repeat       run_suite.sh --repeat (default $repeat)
  --build        build directory with newsgraph and csr_baseline (default $build)
  --work         one run_suite.sh --work directory per size under it (default $work)
  --timeout      seconds allowed to each size's run_suite.sh (default 0: none)
  --max-rss-mb   memory a process may take (default 80% of MemAvailable)
  --report-only  run nothing: print the tables from what --work holds"

die_usage() { echo "$1" >&2; echo "$usage" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) echo "$usage"; exit 0 ;;
    --report-only) run=0; shift; continue ;;
  esac
  [[ $# -ge 2 ]] || die_usage "$1 needs a value"
  case "$1" in
    --sizes) sizes="$2" ;;
    --peers) peers="$2" ;;
    --repeat) repeat="$2" ;;
    --build) build="$2" ;;
    --work) work="$2" ;;
    --timeout) limit="$2" ;;
    --max-rss-mb) max_rss_mb="$2" ;;
    *) die_usage "unknown argument $1" ;;
  esac
  shift 2
done
[[ "$peers" == none ]] && peers=""
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || die_usage "--repeat must be a positive integer"
[[ "$limit" =~ ^[0-9]+$ ]] || die_usage "--timeout must be a whole number of seconds"
[[ -z "$max_rss_mb" || "$max_rss_mb" =~ ^[1-9][0-9]*$ ]] || die_usage "--max-rss-mb must be a positive integer"
IFS=, read -ra peer_list <<< "$peers"
for p in "${peer_list[@]}"; do
  case "$p" in kuzu|igraph|duckdb) ;; *) die_usage "unknown peer $p (kuzu, igraph, duckdb)" ;; esac
done

# Edges of a size label (100k, 1M, 2500000).
edges_of() {
  [[ "$1" =~ ^([0-9]+)([kKmMgG]?)$ ]] || return 1
  local n="${BASH_REMATCH[1]}"
  case "${BASH_REMATCH[2]}" in
    k|K) n=$((n * 1000)) ;;
    m|M) n=$((n * 1000000)) ;;
    g|G) n=$((n * 1000000000)) ;;
  esac
  (( n >= 10 )) || return 1
  echo "$n"
}
IFS=, read -ra size_list <<< "$sizes"
(( ${#size_list[@]} > 0 )) || die_usage "--sizes is empty"
for s in "${size_list[@]}"; do
  edges_of "$s" > /dev/null || die_usage "bad size $s (e.g. 100k, 1M, 10M; at least 10 edges)"
done
# Sorted by edges, so that each size's prediction can use the one before.
sorted=$(for s in "${size_list[@]}"; do echo "$(edges_of "$s") $s"; done | sort -n -k1,1 -u)
[[ "$build" = /* ]] || build="$root/$build"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
[[ -n "$max_rss_mb" ]] ||
  max_rss_mb=$(awk '/^MemAvailable:/ {printf "%d", $2 * 0.8 / 1024}' /proc/meminfo)

# Peak RSS in bytes per edge when no smaller size has run: csr_baseline and
# the peers from the 10M-edge run in bench/peers/README.md, newsgraph's
# largest `bench run` process from run_suite.sh's at 10M, rounded up.
default_per_edge() {
  case "$1" in
    suite) echo 40 ;;
    kuzu) echo 90 ;;
    igraph) echo 240 ;;
    duckdb) echo 150 ;;
  esac
}

# What Kùzu or DuckDB may hold: the 4 GB cap on their buffers, plus 1 GB
# for the rest (Node, the query's own state).
buffered_cap_mb=5120

# Bytes per edge of a peak RSS measured at the largest smaller size (the
# rss.* file relative to a size directory), else the default.
measured_per_edge() {
  local what="$1" file="$2" below="$3" prev="" e s kb
  while read -r e s; do
    (( e < below )) && [[ -s "$work/$s/$file" ]] && prev="$e $s"
  done <<< "$sorted"
  if [[ -n "$prev" ]]; then
    read -r e s <<< "$prev"
    kb=$(head -1 "$work/$s/$file")
    [[ "$kb" =~ ^[0-9]+$ ]] && { echo $(( (kb * 1024 + e - 1) / e )); return; }
  fi
  default_per_edge "$what"
}

# The larger per-edge RSS of newsgraph's processes and csr_baseline.
suite_per_edge() {
  local below="$1" best=0 f v
  for f in rss.csr rss.load rss.snapshot_bfs rss.mapped_bfs rss.store_bfs; do
    v=$(measured_per_edge suite "$f" "$below")
    (( v > best )) && best=$v
  done
  echo "$best"
}

# Disk a size needs, from the largest smaller size's directory when there is
# one (bytes per edge of everything it holds), else 200 bytes per edge.
disk_need_mb() {
  local edges="$1" per=200 e s
  while read -r e s; do
    (( e < edges )) && [[ -d "$work/$s/db" ]] &&
      per=$(( $(du -sb "$work/$s" | cut -f1) / e + 1 ))
  done <<< "$sorted"
  echo $(( edges * per / 1048576 ))
}

# Runs run_suite.sh for one size (after the checks), leaving curve.status.
run_size() {
  local s="$1" edges="$2" dir="$work/$1" need have per p kept=()
  mkdir -p "$dir"
  echo "$repeat" > "$dir/curve.repeat"
  : > "$dir/peers.skipped"
  per=$(suite_per_edge "$edges")
  need=$(( edges * per / 1048576 ))
  if (( need > max_rss_mb )); then
    echo "skipped: predicted peak RSS ${need} MB (${per} B/edge) > ${max_rss_mb} MB allowed" > "$dir/curve.status"
    return
  fi
  need=$(disk_need_mb "$edges")
  have=$(df -Pm "$work" | awk 'NR == 2 {print $4}')
  if [[ ! -f "$dir/graph/edges.csv" ]] && (( need > have )); then
    echo "skipped: needs about ${need} MB of disk, ${have} MB free in $work" > "$dir/curve.status"
    return
  fi
  for p in "${peer_list[@]}"; do
    per=$(measured_per_edge "$p" "peers/rss.$p" "$edges")
    need=$(( edges * per / 1048576 ))
    # Kùzu's buffer pool and DuckDB's memory_limit are 4 GB (their bench
    # scripts' defaults): past that they spill to disk rather than grow.
    [[ "$p" == igraph ]] || need=$(( need < buffered_cap_mb ? need : buffered_cap_mb ))
    if (( need > max_rss_mb )); then
      echo "$p: predicted peak RSS ${need} MB (${per} B/edge) > ${max_rss_mb} MB allowed" >> "$dir/peers.skipped"
    else
      kept+=("$p")
    fi
  done
  local -a cmd=(bash "$root/bench/run_suite.sh" --nodes $(( edges / 10 )) --edges "$edges"
                --repeat "$repeat" --work "$dir" --build "$build")
  (( ${#kept[@]} > 0 )) && cmd+=(--peers "$(IFS=,; echo "${kept[*]}")")
  (( limit > 0 )) && cmd=(timeout "$limit" "${cmd[@]}")
  echo "== $s: ${cmd[*]}" >&2
  local rc=0
  "${cmd[@]}" > "$dir/suite.out" 2> "$dir/suite.err" || rc=$?
  if (( rc == 124 && limit > 0 )); then
    echo "timed out after ${limit} s (run_suite.sh; figures it had written are kept)" > "$dir/curve.status"
  else
    echo "ran, exit $rc$( (( rc == 1 )) && echo ' (some answer differs)')" > "$dir/curve.status"
  fi
  # Rows of peers left out still say why in the report.
  if [[ -s "$dir/peers.skipped" ]]; then cat "$dir/peers.skipped" >&2; fi
}

if (( run )); then
  while read -r edges s; do run_size "$s" "$edges"; done <<< "$sorted"
fi
python3 "$root/bench/curve_report.py" --work "$work" \
  --sizes "$(awk '{print $2}' <<< "$sorted" | paste -sd,)" --peers "$peers"
