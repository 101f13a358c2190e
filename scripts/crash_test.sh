#!/usr/bin/env bash
# Kills an import with SIGKILL halfway through a large file, then checks that
# the store opens, that a second import completes it, and that the final
# counts equal those of a clean import of the same file.
#
#   scripts/crash_test.sh [--cli PATH] [--copies N] [--source FILE.jsonl]
#
# The large file is FILE.jsonl (default: the bundled sample corpus) repeated
# N times with new ids.
#
# Imports run with --no-parse: what is tested is the store under kill -9 and
# beside readers; the sentence parser would only make each import slower.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
copies=100
source="$root/data/sample/articles.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "crash_test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$root/scripts/replicate_corpus.py" "$source" "$work/big.jsonl" --copies "$copies" > /dev/null
total=$(wc -l < "$work/big.jsonl")

"$cli" import -q --no-parse --db "$work/clean" "$work/big.jsonl" > /dev/null
"$cli" stats --db "$work/clean" > "$work/clean.stats"

"$cli" import -q --no-parse --db "$work/crashed" "$work/big.jsonl" > /dev/null &
pid=$!
# Wait until about half the articles are in, then kill without warning.
for _ in $(seq 1 600); do
  n=$("$cli" stats --db "$work/crashed" 2>/dev/null | sed -n 's/^articles: //p' || true)
  [ -n "$n" ] && [ "$n" -ge $((total / 2)) ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
"$cli" stats --db "$work/crashed" > "$work/after_kill.stats"
killed_at=$(sed -n 's/^articles: //p' "$work/after_kill.stats")
echo "killed after $killed_at of $total articles"

"$cli" import -q --no-parse --db "$work/crashed" "$work/big.jsonl" > "$work/resume.txt"
cat "$work/resume.txt"
"$cli" stats --db "$work/crashed" > "$work/resumed.stats"
if ! diff "$work/clean.stats" "$work/resumed.stats"; then
  echo "FAIL: counts after kill -9 and resume differ from a clean import"
  exit 1
fi
if [ "$killed_at" -ge "$total" ]; then
  echo "NOTE: the import finished before it could be killed; use more --copies"
fi
echo "crash test: counts equal a clean import's"
