#!/usr/bin/env bash
# Import time against the size of ONE article: the development corpus's
# texts joined into single articles of 1, 2, 4 and 8 MB, each imported into
# a fresh store by one process on one core. Work per article must grow
# linearly (the line: an 8 MB article in at most 4x the time of a 2 MB
# one), and a 100 MB article must be refused at once.
#
#   bench/article_size.sh [--cli PATH] [--sizes 1,2,4,8] [--repeat N] [--no-parse] [--source FILE.jsonl]
#
# With --repeat N each size is imported N times and the fastest run is
# reported (the usual way to keep other load on the machine out of a figure).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/build/newsgraph"
sizes="1,2,4,8"
flag=""
repeat=1
source="${NEWSGRAPH_SHARED:-$root/../shared}/data/articles/dev.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --no-parse) flag="--no-parse"; shift ;;
    --repeat) repeat="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "article_size.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$source" ] || source="$root/data/sample/articles.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One article of `mb` megabytes of text (UTF-8 bytes) from the corpus texts.
make_article() {
  python3 - "$source" "$1" "$2" <<'PY'
import json, sys
src, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
blob = "\n\n".join(texts).encode("utf-8")
want = int(mb * (1 << 20))
data = (blob * (want // len(blob) + 1))[:want].decode("utf-8", "ignore")
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "size-%g" % mb, "date": "2023-05-01", "title": "one long text",
                        "text": data}) + "\n")
PY
}

printf "%-8s %10s %10s\n" "MB" "seconds" "max RSS MB"
for mb in ${sizes//,/ }; do
  make_article "$mb" "$work/a.jsonl"
  best=""
  for _ in $(seq 1 "$repeat"); do
    rm -rf "$work/db"
    /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$cli" import -q $flag \
      --max-article-mb 64 --db "$work/db" "$work/a.jsonl" > /dev/null
    read -r secs rss < "$work/time"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < $best else 1)"; then
      best=$secs
    fi
  done
  printf "%-8s %10s %10s\n" "$mb" "$best" "$((rss / 1024))"
done

python3 -c "
import json
open('$work/huge.jsonl', 'w').write(json.dumps({'id': 'huge', 'date': '2023-05-01',
    'text': 'word ' * (20 << 20)}) + '\n')"
rm -rf "$work/db"
start=$(date +%s.%N)
if "$cli" import -q --db "$work/db" "$work/huge.jsonl" > /dev/null 2> "$work/err"; then
  echo "a 100 MB article was imported; it should be refused" >&2
  exit 1
fi
end=$(date +%s.%N)
echo "100 MB article: refused in $(python3 -c "print(round($end - $start, 2))") s: $(cat "$work/err")"
