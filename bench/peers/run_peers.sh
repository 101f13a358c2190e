#!/usr/bin/env bash
# Runs the traversal workloads of bench/run_suite.sh on peer systems:
# Kùzu (npm package `kuzu`, embedded, Cypher), igraph (Debian's
# python3-igraph) and DuckDB (npm package `@duckdb/node-api`, embedded, SQL),
# installing each when missing.
#
#   bench/peers/run_peers.sh --graph DIR --work DIR [--repeat N]
#       [--peers kuzu,igraph,duckdb] [--workloads hop1,hop2,sp,bfs]
#       [--expect PREFIX] [--timeout SECONDS]
#
# DIR is gen_graph.py's output. For each PEER, writes into WORK:
#   PEER_<workload>.txt  answers, one a line (same definitions as csr_baseline)
#   PEER.json            JSON lines: {"peer": P, "workload": "load", "edges": M, "median_s": S, ..}
#                        then {"peer": P, "workload": W, "queries": Q, "median_s": S} per workload
#                        and {"peer": P, "workload": "first_answer", "first_answer_s": S, ..}: a
#                        fresh process's age at its first hop1 answer (Kùzu, DuckDB: a second
#                        process on the database the first left; igraph: after its CSV load)
#   rss.PEER             peak RSS in KB of the whole peer run (load + workloads)
#   PEER.err             the peer's full stderr
#   PEER.status          "ok", or "not run: <reason>", or "failed: <reason>"
# and prints on stdout "PEER: <status>", the lines of PEER.json, and
# {"peer": P, "peak_rss_kb": N}. With --expect PREFIX, each answer
# file is compared with PREFIX<workload>.txt (e.g. WORK/csr_) and a line
# "PEER WORKLOAD agree|DIFFER" is printed.
#
# Fails soft: a peer that cannot be installed, crashes or times out is
# reported and skipped. Exit status: 0, or 2 on bad arguments.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
graph=""
work=""
repeat=1
peers="kuzu,igraph,duckdb"
workloads="hop1,hop2,sp,bfs"
expect=""
limit=3600
kuzu_version="0.11.3"
duckdb_version="1.5.6-r.1"
usage="usage: $0 --graph DIR --work DIR [--repeat N] [--peers kuzu,igraph,duckdb] \
[--workloads hop1,hop2,sp,bfs] [--expect PREFIX] [--timeout SECONDS]"

while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; echo "$usage" >&2; exit 2; }
  case "$1" in
    --graph) graph="$2" ;;
    --work) work="$2" ;;
    --repeat) repeat="$2" ;;
    --peers) peers="$2" ;;
    --workloads) workloads="$2" ;;
    --expect) expect="$2" ;;
    --timeout) limit="$2" ;;
    *) echo "unknown argument $1" >&2; echo "$usage" >&2; exit 2 ;;
  esac
  shift 2
done
[[ -n "$graph" && -n "$work" ]] || { echo "$usage" >&2; exit 2; }
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat must be a positive integer" >&2; exit 2; }
[[ "$limit" =~ ^[1-9][0-9]*$ ]] || { echo "--timeout must be a positive integer" >&2; exit 2; }
for f in nodes.csv edges.csv; do
  [[ -f "$graph/$f" ]] || { echo "$graph/$f: no such file (run bench/gen_graph.py)" >&2; exit 2; }
done
IFS=, read -ra workload_list <<< "$workloads"
for w in "${workload_list[@]}"; do
  case "$w" in
    hop1|hop2|sp|bfs) [[ -f "$graph/$w.txt" ]] || { echo "$graph/$w.txt: no such file" >&2; exit 2; } ;;
    *) echo "unknown workload $w (hop1, hop2, sp, bfs)" >&2; exit 2 ;;
  esac
done
IFS=, read -ra peer_list <<< "$peers"
for p in "${peer_list[@]}"; do
  case "$p" in kuzu|igraph|duckdb) ;; *) echo "unknown peer $p (kuzu, igraph, duckdb)" >&2; exit 2 ;; esac
done
mkdir -p "$work"
graph="$(cd "$graph" && pwd)"
work="$(cd "$work" && pwd)"

# Both Node peers install their npm package into a directory of their own
# under $work: sets $reason and returns 1 when node or npm is missing,
# otherwise makes the directory $1.
make_npm_dir() {
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    reason="node/npm not installed (apt-get install nodejs npm)"
    return 1
  fi
  mkdir -p "$1"
}

# Sets $reason and returns 1 when Kùzu's Node package cannot be made usable
# in $work/kuzu_node. Tries $kuzu_version, then the newest 0.11.x, then the
# newest release.
kuzu_loads() { NODE_PATH="$work/kuzu_node/node_modules" node -e 'require("kuzu")' 2> /dev/null; }

ensure_kuzu() {
  local dir="$work/kuzu_node" v
  make_npm_dir "$dir" || return 1
  if ! kuzu_loads; then
    for v in "$kuzu_version" "$(npm view kuzu@0.11 version 2> /dev/null | tail -1 | awk '{print $NF}' | tr -d "'")" \
             "$(npm view kuzu version 2> /dev/null)"; do
      [[ -n "$v" ]] || continue
      echo "kuzu: npm install kuzu@$v into $dir" >&2
      (cd "$dir" && npm install --no-audit --no-fund --no-save "kuzu@$v" > "$work/kuzu_npm.log" 2>&1) && break
    done
    # npm may skip install scripts; the package's own one copies its prebuilt binary.
    if ! kuzu_loads && [[ -f "$dir/node_modules/kuzu/install.js" ]]; then
      (cd "$dir/node_modules/kuzu" && node install.js >> "$work/kuzu_npm.log" 2>&1)
    fi
  fi
  if ! kuzu_loads; then
    reason="npm install kuzu failed: $(grep -m1 'npm error' "$work/kuzu_npm.log") (see $work/kuzu_npm.log)"
    return 1
  fi
  v="$(NODE_PATH="$dir/node_modules" node -e 'process.stdout.write(require("kuzu").VERSION)')"
  [[ "$v" == "$kuzu_version" ]] || echo "kuzu: using $v, not $kuzu_version" >&2
  return 0
}

# Sets $reason and returns 1 when Debian's python3-igraph cannot be imported.
igraph_loads() { /usr/bin/python3 -c 'import igraph' 2> /dev/null; }

ensure_igraph() {
  igraph_loads && return 0
  if ! dpkg -s python3-igraph > /dev/null 2>&1; then
    [[ "$(id -u)" == 0 ]] || { reason="python3-igraph not installed and not root"; return 1; }
    echo "igraph: apt-get install -y python3-igraph" >&2
    { apt-get install -y python3-igraph || { apt-get update && apt-get install -y python3-igraph; }; } \
      > "$work/igraph_apt.log" 2>&1
  fi
  igraph_loads || { reason="python3-igraph not importable (see $work/igraph_apt.log)"; return 1; }
}

# Sets $reason and returns 1 when DuckDB's Node package cannot be made usable
# in $work/duckdb_node. The package `@duckdb/node-api` (not the older
# `duckdb`, whose install script downloads its binary from outside the npm
# registry and otherwise compiles DuckDB from source) takes its native
# addon from the npm package @duckdb/node-bindings-linux-x64. Tries
# $duckdb_version, then the newest release.
duckdb_loads() {
  NODE_PATH="$work/duckdb_node/node_modules" node -e 'require("@duckdb/node-api")' 2> /dev/null
}

ensure_duckdb() {
  local dir="$work/duckdb_node" v
  make_npm_dir "$dir" || return 1
  for v in "$duckdb_version" latest; do
    duckdb_loads && break
    echo "duckdb: npm install @duckdb/node-api@$v into $dir" >&2
    (cd "$dir" && npm install --no-audit --no-fund --no-save "@duckdb/node-api@$v" \
      > "$work/duckdb_npm.log" 2>&1)
  done
  if ! duckdb_loads; then
    reason="npm install @duckdb/node-api failed: $(grep -m1 'npm error' "$work/duckdb_npm.log") (see $work/duckdb_npm.log)"
    return 1
  fi
}

# Sets the array `cmd` to the command line of a peer's program.
peer_command() {
  case "$1" in
    kuzu) cmd=(env NODE_PATH="$work/kuzu_node/node_modules" node "$here/kuzu_bench.js") ;;
    igraph) cmd=(/usr/bin/python3 "$here/igraph_bench.py") ;;
    duckdb) cmd=(env NODE_PATH="$work/duckdb_node/node_modules" node "$here/duckdb_bench.js") ;;
  esac
}

# A peer that keeps its database (Kùzu, DuckDB), run once more as a fresh
# process on what the run left: its age at its first hop1 answer, one more
# JSON line in PEER.json. igraph reports its own (it loads in every process).
first_answer() {
  local peer="$1"
  local -a cmd
  [[ "$peer" == kuzu || "$peer" == duckdb ]] || return 0
  peer_command "$peer"
  timeout "$limit" "${cmd[@]}" --graph "$graph" --work "$work" --mode first-answer \
    2> "$work/$peer.first.err"
  grep '^{' "$work/$peer.first.err" | sed "s/^{/{\"peer\": \"$peer\", /" >> "$work/$peer.json"
}

# Runs one peer's program under GNU time (peak RSS) and a time limit.
run_peer() {
  local peer="$1" rc
  local -a cmd
  peer_command "$peer"
  rm -f "$work/$peer".{json,err,status} "$work/rss.$peer" "$work/${peer}"_*.txt
  /usr/bin/time -f "%M" -o "$work/rss.$peer" timeout "$limit" "${cmd[@]}" --graph "$graph" \
    --work "$work" --repeat "$repeat" --workloads "$workloads" 2> "$work/$peer.err"
  rc=$?
  grep '^{' "$work/$peer.err" | sed "s/^{/{\"peer\": \"$peer\", /" > "$work/$peer.json"
  # GNU time appends "Command exited with non-zero status N" before the KB figure.
  tail -1 "$work/rss.$peer" > "$work/rss.$peer.tmp" && mv "$work/rss.$peer.tmp" "$work/rss.$peer"
  if [[ $rc -eq 124 ]]; then
    reason="timed out after ${limit}s"
  elif [[ $rc -ne 0 ]]; then
    reason="exit $rc: $(grep -v '^{' "$work/$peer.err" | grep -v 'exited with' | tail -1)"
  fi
  return $rc
}

for peer in "${peer_list[@]}"; do
  reason=""
  case "$peer" in
    kuzu) ensure_kuzu ;;
    igraph) ensure_igraph ;;
    duckdb) ensure_duckdb ;;
  esac
  # shellcheck disable=SC2181  # the case above is the command
  if [[ $? -ne 0 ]]; then
    status="not run: $reason"
  elif ! run_peer "$peer"; then
    status="failed: $reason"
  else
    status="ok"
    first_answer "$peer"
  fi
  echo "$status" > "$work/$peer.status"
  echo "$peer: $status"
  cat "$work/$peer.json" 2> /dev/null
  [[ -s "$work/rss.$peer" ]] && echo "{\"peer\": \"$peer\", \"peak_rss_kb\": $(cat "$work/rss.$peer")}"
  [[ "$status" == ok ]] || continue
  if [[ -n "$expect" ]]; then
    for w in "${workload_list[@]}"; do
      if cmp -s "$work/${peer}_$w.txt" "$expect$w.txt"; then same=agree; else same=DIFFER; fi
      echo "$peer $w $same"
    done
  fi
done
exit 0
