#!/usr/bin/env bash
# Builds the Cypher parser fuzzer with clang (ASan + UBSan + libFuzzer) and
# runs it on the checked-in corpus for N minutes in one process.
#
#   bash scripts/fuzz.sh [--minutes N] [--build DIR]
#
# New interesting inputs go to DIR/corpus (the checked-in folder is only
# read; see tests/fuzz/README.md for merging them back). Crash, timeout and
# out-of-memory inputs are kept under DIR/crashes/. Prints one summary line
# and exits 1 when the fuzzer found a crash.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes=10
build="$repo/build-fuzz"

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="${2:?--minutes needs a number}"; shift 2 ;;
    --build) build="${2:?--build needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fuzz.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$minutes" in
  ''|*[!0-9]*|0) echo "fuzz.sh: --minutes wants a whole number above 0, got '$minutes'" >&2; exit 2 ;;
esac
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac

# clang and its sanitizer/libFuzzer runtimes, plus the project's own packages.
bash "$repo/scripts/install-deps.sh"
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target cypher_parser_fuzz >/dev/null

fuzzer="$build/tests/fuzz/cypher_parser_fuzz"
crashes="$build/crashes"
log="$build/fuzz.log"
mkdir -p "$build/corpus" "$crashes"

status=0
(cd "$build" && "$fuzzer" "$build/corpus" "$repo/tests/fuzz/corpus/cypher_parser" \
  -dict="$repo/tests/fuzz/cypher.dict" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time=$((minutes * 60)) -print_final_stats=1 \
  -artifact_prefix="$crashes/") >"$log" 2>&1 || status=$?

# libFuzzer's closing lines: "Done N runs in S second(s)" and the last status
# line with "cov: C ft: F corp: ...".
runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)"
cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')"
ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')"
found=0
if [ "$status" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|SUMMARY: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)' "$log"; then
  found=1
fi
echo "fuzz: ${minutes} min, runs: ${runs:-?}, coverage: ${cov:-?} edges ${ft:-?} features, corpus: $(ls "$build/corpus" | wc -l) new files, crashes found: $found (log: $log)"
if [ "$found" -ne 0 ]; then
  grep -E 'SUMMARY|ERROR|Test unit written' "$log" | head -5 >&2
  exit 1
fi
