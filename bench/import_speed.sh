#!/usr/bin/env bash
# Import throughput: the development corpus replicated (new ids) to at least
# --mb megabytes of article text, imported into a fresh store by one
# `newsgraph import` process (one core). Prints MB/s of text and articles/s.
#
#   bench/import_speed.sh [--cli PATH] [--mb 50] [--source FILE.jsonl]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
mb=50
source="${NEWSGRAPH_SHARED:-$root/../shared}/data/articles/dev.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "import_speed.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$source" ] || source="$root/data/sample/articles.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

read -r text_bytes articles < <(python3 - "$source" "$mb" "$work/corpus.jsonl" <<'PY'
import json, sys
src, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
target, text, n, copy = mb * 1e6, 0, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while text < target:
        for r in rows:
            f.write(json.dumps(dict(r, id=f"{r['id']}~{copy}"), ensure_ascii=False) + "\n")
            text += len(r["text"].encode("utf-8")); n += 1
        copy += 1
print(text, n)
PY
)
echo "corpus: $articles articles, $(python3 -c "print(round($text_bytes/1e6,1))") MB of text (from $(basename "$source"))"
start=$(date +%s.%N)
taskset -c 0 "$cli" import -q --db "$work/db" "$work/corpus.jsonl" > "$work/report.txt"
end=$(date +%s.%N)
cat "$work/report.txt"
python3 - "$start" "$end" "$text_bytes" "$articles" <<'PY'
import sys
start, end, text, n = map(float, sys.argv[1:])
s = end - start
print(f"wall {s:.2f} s: {text/1e6/s:.2f} MB/s of text, {n/s:.0f} articles/s (one core)")
PY
