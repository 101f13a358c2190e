#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + libFuzzer) and
# runs one of them on its checked-in corpus for SECONDS in one process.
#
#   bash scripts/fuzz.sh [--build DIR] [--no-install] [TARGET [SECONDS]]
#
# TARGET: cypher_parser (default), article_reader, extractor, graph_csv.
# SECONDS defaults to 600. Inputs go up to 1 MB. New interesting inputs go
# to DIR/corpus/TARGET (the checked-in folder is only read; see
# tests/fuzz/README.md for merging them back). Crash, timeout and
# out-of-memory inputs are kept under DIR/crashes/TARGET/. Prints one
# summary line and exits 1 when the fuzzer found a crash.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$repo/build-fuzz"
install=1
positional=()

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="${2:?--build needs a directory}"; shift 2 ;;
    --no-install) install=0; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "fuzz.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
target="${positional[0]:-cypher_parser}"
seconds="${positional[1]:-600}"
case "$target" in
  cypher_parser|article_reader|extractor|graph_csv) ;;
  *) echo "fuzz.sh: unknown target '$target' (cypher_parser, article_reader, extractor, graph_csv)" >&2; exit 2 ;;
esac
case "$seconds" in
  ''|*[!0-9]*|0) echo "fuzz.sh: SECONDS wants a whole number above 0, got '$seconds'" >&2; exit 2 ;;
esac
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac

# clang and its sanitizer/libFuzzer runtimes, plus the project's own packages.
[ "$install" -eq 1 ] && bash "$repo/scripts/install-deps.sh"
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && [ "$install" -eq 1 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target "${target}_fuzz" >/dev/null

fuzzer="$build/tests/fuzz/${target}_fuzz"
crashes="$build/crashes/$target"
log="$build/fuzz-$target.log"
mkdir -p "$build/corpus/$target" "$crashes"
dict="$repo/tests/fuzz/$target.dict"
[ "$target" = cypher_parser ] && dict="$repo/tests/fuzz/cypher.dict"
dict_flag=()
[ -f "$dict" ] && dict_flag=(-dict="$dict")

status=0
(cd "$build" && "$fuzzer" "$build/corpus/$target" "$repo/tests/fuzz/corpus/$target" \
  "${dict_flag[@]}" -max_len=1048576 -timeout=20 -rss_limit_mb=2560 \
  -max_total_time="$seconds" -print_final_stats=1 \
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
echo "fuzz $target: ${seconds} s, runs: ${runs:-?}, coverage: ${cov:-?} edges ${ft:-?} features, corpus: $(ls "$build/corpus/$target" | wc -l) new files, crashes found: $found (log: $log)"
if [ "$found" -ne 0 ]; then
  grep -E 'SUMMARY|ERROR|Test unit written' "$log" | head -5 >&2
  exit 1
fi
