#!/usr/bin/env bash
# Measures newsgraph on the development corpus in ../shared: imports the dev
# and seed articles into a fresh store, checks that a second import adds
# nothing, scores the exported events and the canned-query answers against
# the gold answer keys.
#
#   scripts/eval.sh [--cli PATH] [--check] [--keep DIR]
#
# --check makes it fail when an acceptance threshold is missed. Exits 77
# (ctest's "skipped") when ../shared is absent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
check=0
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --check) check=1; shift ;;
    --keep) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "eval.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
shared="${NEWSGRAPH_SHARED:-$root/../shared}"
if [ ! -f "$shared/data/articles/dev.jsonl" ]; then
  echo "SKIPPED: $shared/data/articles/dev.jsonl not found (../shared is absent)"
  exit 77
fi
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
db="$work/db"
rm -rf "$db"
articles=("$shared/data/articles/dev.jsonl" "$shared/data/articles/seeds.jsonl")

echo "== import"
"$cli" import -q --db "$db" "${articles[@]}" | tee "$work/import1.txt"
"$cli" stats --db "$db" > "$work/stats1.txt"
echo "== import again"
"$cli" import -q --db "$db" "${articles[@]}" | tee "$work/import2.txt"
"$cli" stats --db "$db" > "$work/stats2.txt"
failed=0
if ! cmp -s "$work/stats1.txt" "$work/stats2.txt"; then
  echo "FAIL: the second import changed the store's counts"; failed=1
fi
read1=$(grep -o 'articles read: [0-9]*' "$work/import1.txt" | grep -o '[0-9]*$')
present2=$(grep -o 'already present: [0-9]*' "$work/import2.txt" | grep -o '[0-9]*$')
if [ "$present2" != "$read1" ]; then
  echo "FAIL: second import found $present2 of $read1 articles already present"; failed=1
fi

echo "== events against dev_gold.jsonl"
"$cli" export --db "$db" --format events > "$work/events.jsonl"
python3 "$shared/eval/score_events.py" "$shared/data/gold/dev_gold.jsonl" "$work/events.jsonl"
echo "== the lockbox: tune and check halves (scripts/lockbox.py)"
python3 "$root/scripts/lockbox.py" "$shared/eval/score_events.py" \
  "$shared/data/gold/dev_gold.jsonl" "$work/events.jsonl" | tee "$work/lockbox.txt"

# The answer keys, from the JSON block that answer_key.py prints.
python3 - "$shared/data/gold/answer_key.py" "$work" <<'PY'
import json, re, subprocess, sys
out = subprocess.run([sys.executable, sys.argv[1]], capture_output=True, text=True, check=True).stdout
block = re.search(r"```json\s*(\{.*?\})\s*```", out, re.S) or re.search(r"(\{\s*\"Q1.*\})", out, re.S)
keys = json.loads(block.group(1))
for name, pairs in keys.items():
    q = name.split("_")[0]
    if q == "Q4":  # a list of names: pair each with Wang Yi
        pairs = [[n, "Wang Yi"] for n in pairs]
    json.dump(pairs, open(f"{sys.argv[2]}/{q}.expected.json", "w"))
PY

window=(--from 2022-01-01 --to 2023-12-31 --format json)
declare -A asks=(
  [Q1]="officials-met --a US --b CN"
  [Q2]="officials-met --a US --b CN --mode call"
  [Q3]="officials-met --a US --b CN --factuality happened,planned,possible"
  [Q4]="contacts-of --person Wang_Yi --mode any"
)
for q in Q1 Q2 Q3 Q4; do
  args=${asks[$q]}
  args=${args//Wang_Yi/\"Wang Yi\"}
  echo "== $q: newsgraph ask $args ${window[*]}"
  if ! eval "\"$cli\" ask $args --db \"$db\" ${window[*]}" > "$work/$q.json" 2> "$work/$q.err"; then
    echo "   not answered: $(head -c 300 "$work/$q.err")"
    [ "$q" = Q1 ] && failed=1
    continue
  fi
  if [ "$q" = Q4 ]; then  # rows of contacts-of have a = Wang Yi
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); json.dump([x for x in r], open(sys.argv[1],'w'))" "$work/$q.json"
  fi
  python3 "$shared/eval/score_pairs.py" "$work/$q.expected.json" "$work/$q.json" | tee "$work/$q.score"
  f1=$(grep -o 'F1=[0-9.]*' "$work/$q.score" | tail -1 | cut -d= -f2)
  if [ "$q" = Q1 ] && python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.75 else 1)"; then :; \
  elif [ "$q" = Q1 ]; then echo "FAIL: Q1 F1 $f1 < 0.75"; failed=1; fi
done

if [ "$check" = 1 ] && [ "$failed" = 1 ]; then exit 1; fi
echo "eval: done"
