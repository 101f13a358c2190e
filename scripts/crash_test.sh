#!/usr/bin/env bash
# The crash campaign: SIGKILL an import of a large file at random moments,
# again and again on ONE store, resuming each time. After every kill the
# store must open, export, and equal a clean import of exactly the articles
# it reports (the import runs in date-then-id order, so those are a prefix
# of that order). At the end a last import completes the store, which must
# then export the same bytes as a clean import of the whole file.
#
#   scripts/crash_test.sh [--cli PATH] [--kills N] [--copies N] [--source FILE.jsonl] [--seed S]
#
# The large file is FILE.jsonl (default: the bundled sample corpus) repeated
# --copies times with new ids. --kills defaults to 1; the test suite runs
# 20 (tests/CMakeLists: CrashCampaign), the long form is --kills 100.
#
# Imports run with --no-parse: what is tested is the store under kill -9;
# the sentence parser would only make each import slower.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
copies=30
kills=1
seed=$$
source="$root/data/sample/articles.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "crash_test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
RANDOM=$seed

python3 "$root/scripts/replicate_corpus.py" "$source" "$work/big.jsonl" --copies "$copies" > /dev/null
total=$(wc -l < "$work/big.jsonl")
# The order an import stores articles in: by date, then id.
python3 - "$work/big.jsonl" "$work/sorted.jsonl" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
lines.sort(key=lambda l: (json.loads(l)["date"], json.loads(l)["id"]))
open(sys.argv[2], "w", encoding="utf-8").writelines(lines)
PY

start=$(date +%s%N)
"$cli" import -q --no-parse --db "$work/clean" "$work/big.jsonl" > /dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$cli" export --db "$work/clean" > "$work/clean.export"

# The export of a clean import of the first $1 articles in import order.
reference() {
  local k=$1
  if [ ! -f "$work/ref_$k.export" ]; then
    head -n "$k" "$work/sorted.jsonl" > "$work/prefix.jsonl"
    rm -rf "$work/ref_db"
    if [ "$k" -gt 0 ]; then
      "$cli" import -q --no-parse --db "$work/ref_db" "$work/prefix.jsonl" > /dev/null
      "$cli" export --db "$work/ref_db" > "$work/ref_$k.export"
    else
      : > "$work/ref_0.export"
    fi
  fi
  echo "$work/ref_$k.export"
}

store="$work/crashed"
mid_write=0
rounds=0
for i in $(seq 1 "$kills"); do
  "$cli" import -q --no-parse --db "$store" "$work/big.jsonl" > /dev/null 2>&1 &
  pid=$!
  delay_ms=$(( 20 + RANDOM % (full_ms + 20) ))
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep "$((delay_ms / 1000))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null && mid_write=$((mid_write + 1))
  fi
  wait "$pid" 2>/dev/null || true
  if [ ! -d "$store" ]; then
    echo "kill $i: before the store was created"
    continue
  fi
  if ! "$cli" stats --db "$store" > "$work/stats" 2> "$work/err"; then
    if grep -q "no store in" "$work/err"; then
      echo "kill $i: during the store's creation, which the next import finishes"
      continue
    fi
    echo "FAIL: kill $i: the store does not open: $(cat "$work/err")"
    exit 1
  fi
  k=$(sed -n 's/^articles: //p' "$work/stats")
  if ! "$cli" export --db "$store" > "$work/export" 2> "$work/err"; then
    echo "FAIL: kill $i: export failed: $(cat "$work/err")"
    exit 1
  fi
  if ! cmp -s "$work/export" "$(reference "$k")"; then
    echo "FAIL: kill $i: the store with $k articles differs from a clean import of the first $k"
    exit 1
  fi
  echo "kill $i after ${delay_ms} ms: $k of $total articles stored, equal to a clean import of them"
  if [ "$k" -eq "$total" ]; then
    # Complete: the next kills start a new store, so they land mid-import.
    "$cli" export --db "$store" > "$work/final.export"
    cmp -s "$work/final.export" "$work/clean.export" || { echo "FAIL: complete store differs"; exit 1; }
    rm -rf "$store"
    rounds=$((rounds + 1))
  fi
done

"$cli" import -q --no-parse --db "$store" "$work/big.jsonl" > /dev/null
"$cli" export --db "$store" > "$work/final.export"
if ! cmp -s "$work/final.export" "$work/clean.export"; then
  echo "FAIL: after the kills and a last import the export differs from a clean import's"
  exit 1
fi
echo "crash campaign: $kills kills ($mid_write while the import ran; $rounds stores completed and started afresh), 0 damaged stores, 0 failed reopens, 0 stores unequal to a clean import of what they hold; final export identical"
