#!/usr/bin/env bash
# Import throughput: the development corpus replicated (new ids) to at least
# --mb megabytes of article text, imported into a fresh store by one
# `newsgraph import` process (one core), once with the sentence parser on
# and once with --no-parse. Prints MB/s of text and articles/s for each, and
# the parser's figures (share of sentences parsed, median and 99th-percentile
# parse time).
#
#   bench/import_speed.sh [--cli PATH] [--mb 50] [--source FILE.jsonl] [--modes parse,no-parse]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
mb=50
modes="parse,no-parse"
source="${NEWSGRAPH_SHARED:-$root/../shared}/data/articles/dev.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "import_speed.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$source" ] || source="$root/data/sample/articles.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

read -r text_bytes articles < <(python3 "$root/scripts/replicate_corpus.py" "$source" \
  "$work/corpus.jsonl" --mb "$mb")
echo "corpus: $articles articles, $(python3 -c "print(round($text_bytes/1e6,1))") MB of text (from $(basename "$source"))"
for mode in ${modes//,/ }; do
  flag=""
  [ "$mode" = "no-parse" ] && flag="--no-parse"
  rm -rf "$work/db"
  echo "== $mode"
  start=$(date +%s.%N)
  taskset -c 0 "$cli" import -q $flag --db "$work/db" "$work/corpus.jsonl" > "$work/report.txt"
  end=$(date +%s.%N)
  cat "$work/report.txt"
  python3 - "$start" "$end" "$text_bytes" "$articles" "$mode" <<'PY'
import sys
start, end, text, n = map(float, sys.argv[1:5])
s = end - start
print(f"{sys.argv[5]}: wall {s:.2f} s: {text/1e6/s:.2f} MB/s of text, {n/s:.0f} articles/s (one core)")
PY
done
