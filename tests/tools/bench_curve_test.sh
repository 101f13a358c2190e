#!/usr/bin/env bash
# bench/run_curve.sh's arguments and report, and the DuckDB peer's answers
# on a tiny graph against csr_baseline's. No timing is checked.
#
#   tests/tools/bench_curve_test.sh SOURCE_DIR CSR_BASELINE WORK_DIR
#
# Exit status: 0 passed, 1 failed, 77 skipped (node, npm or the DuckDB
# package unavailable) after the argument checks passed.
set -uo pipefail

src="$1"
csr="$2"
work="$3"
curve="$src/bench/run_curve.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Arguments: --help is 0, anything malformed is 2 and runs nothing.
bash "$curve" --help > /dev/null || fail "--help did not exit 0"
for bad in "--sizes 1X" "--sizes 0" "--repeat 0" "--peers neo4j" "--timeout soon" "--bogus 1" \
    "--sizes"; do
  # shellcheck disable=SC2086  # each case is several words on purpose
  bash "$curve" $bad --work "$work/never" > /dev/null 2>&1
  rc=$?
  [[ $rc -eq 2 ]] || fail "run_curve.sh $bad exited $rc, not 2"
done
[[ ! -e "$work/never" ]] || fail "a bad argument still made the work directory"

# A size with nothing run prints a row saying so rather than figures.
# (WORK/peers/duckdb_node, the npm install, is kept for the next run.)
rm -rf "$work/empty" "$work/graph" "$work"/csr_*.txt && mkdir -p "$work/empty"
out=$(bash "$curve" --report-only --work "$work/empty" --sizes 1M --peers duckdb) ||
  fail "--report-only exited non-zero"
grep -q '| 1M | 1000000 | all |.*not run' <<< "$out" || fail "no 'not run' row in: $out"

# DuckDB's four answer files against csr_baseline's, through run_peers.sh.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "skipped: node/npm not installed (the DuckDB peer needs them)"
  exit 77
fi
graph="$work/graph"
python3 "$src/bench/gen_graph.py" --nodes 2000 --edges 10000 --out "$graph" > /dev/null ||
  fail "gen_graph.py"
# Fewer queries than the generator writes: DuckDB's fixed cost per
# statement, not the graph, is what takes the time here.
for f in hop1:100 hop2:50 sp:20; do
  head -"${f#*:}" "$graph/${f%:*}.txt" > "$graph/q" && mv "$graph/q" "$graph/${f%:*}.txt"
done
args=()
for w in hop1 hop2 sp bfs; do args+=("$w:$graph/$w.txt:$work/csr_$w.txt"); done
"$csr" --nodes "$graph/nodes.csv" --edges "$graph/edges.csv" --repeat 1 "${args[@]}" 2> /dev/null ||
  fail "csr_baseline"
out=$(bash "$src/bench/peers/run_peers.sh" --graph "$graph" --work "$work/peers" --peers duckdb \
  --expect "$work/csr_" --timeout 120)
status=$(cat "$work/peers/duckdb.status" 2> /dev/null)
if [[ "$status" == "not run:"* ]]; then
  echo "skipped: DuckDB $status"
  exit 77
fi
[[ "$status" == ok ]] || fail "duckdb: $status ($(tail -3 "$work/peers/duckdb.err"))"
for w in hop1 hop2 sp bfs; do
  grep -qx "duckdb $w agree" <<< "$out" || fail "duckdb $w does not agree with csr_baseline"
done
echo "1 passed, 0 failed"
