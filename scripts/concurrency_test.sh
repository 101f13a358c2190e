#!/usr/bin/env bash
# Two processes on one store: while one imports a large file, readers
# (`stats`, `export`, `ask`) open the store again and again and must never
# fail or see an article half-stored (counts only grow); a second writer
# must be told the store is locked.
#
#   scripts/concurrency_test.sh [--cli PATH] [--copies N]
#
# Imports run with --no-parse: what is tested is the store under kill -9 and
# beside readers; the sentence parser would only make each import slower.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
copies=400
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "concurrency_test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/replicate_corpus.py" "$root/data/sample/articles.jsonl" "$work/big.jsonl" \
  --copies "$copies" > /dev/null
db="$work/db"
"$cli" import -q --no-parse --db "$db" "$root/data/sample/articles.jsonl" > /dev/null  # the store exists
"$cli" import -q --no-parse --db "$db" "$work/big.jsonl" > "$work/writer.out" 2>&1 &
writer=$!

failed=0
locked=0
reads=0
last=0
while kill -0 "$writer" 2>/dev/null; do
  if ! "$cli" stats --db "$db" > "$work/stats.txt" 2> "$work/reader.err"; then
    echo "FAIL: reader error: $(cat "$work/reader.err")"; failed=1; break
  fi
  n=$(sed -n 's/^articles: //p' "$work/stats.txt")
  if [ "$n" -lt "$last" ]; then echo "FAIL: article count went down ($last -> $n)"; failed=1; fi
  last=$n
  if ! "$cli" export --db "$db" > "$work/events.jsonl" 2> "$work/reader.err" ||
     ! python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$work/events.jsonl"; then
    echo "FAIL: export beside a writer: $(cat "$work/reader.err")"; failed=1; break
  fi
  if [ "$locked" = 0 ] && kill -0 "$writer" 2>/dev/null; then
    if "$cli" import -q --no-parse --db "$db" "$root/data/sample/articles.jsonl" > /dev/null 2> "$work/second.err"; then
      kill -0 "$writer" 2>/dev/null && { echo "FAIL: a second writer was let in"; failed=1; }
    elif grep -q "locked" "$work/second.err"; then
      locked=1
    else
      echo "FAIL: second writer: $(cat "$work/second.err")"; failed=1
    fi
  fi
  reads=$((reads + 1))
done
wait "$writer" || { echo "FAIL: the writer failed: $(cat "$work/writer.out")"; failed=1; }
echo "reads beside the writer: $reads (last saw $last articles); second writer told locked: $locked"
[ "$locked" = 1 ] || { echo "NOTE: the writer finished before a second writer was tried; use more --copies"; }
[ "$failed" = 0 ] && echo "concurrency test: passed"
exit "$failed"
