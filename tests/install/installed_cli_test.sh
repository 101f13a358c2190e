#!/usr/bin/env bash
# The installed CLI answers the Quick start's question with the source tree
# (and the build tree inside it) out of reach: `cmake --install` into a
# temporary prefix, then, in a mount namespace of its own where an empty
# tmpfs hides SOURCE_DIR, the installed bin/newsgraph imports the sample
# corpus (scripts/quickstart.sh's two imports) and answers
# `ask officials-met --a US --b CN --from 2022-01-01 --to 2023-12-31`.
#
#   installed_cli_test.sh BUILD_DIR SOURCE_DIR
#
# Exit 0 pass, 1 fail, 77 skip (no mount namespace to be had: not root and
# no user namespaces).
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)

# Root makes a mount namespace; anyone else needs a user namespace too.
if [[ $(id -u) == 0 ]] && unshare -m true 2>/dev/null; then
  hide=(unshare -m)
elif unshare -rm true 2>/dev/null; then
  hide=(unshare -rm)
else
  echo "SKIP: hiding the source tree needs a mount namespace (root, or unshare -rm)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
case $work/ in "$source"/*) fail "the temporary directory $work is inside $source" ;; esac

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" || {
  cat "$work/install.log"; fail "cmake --install"; }
cp "$source"/data/sample/articles.jsonl "$source"/data/sample/2023-06-19-blinken-beijing.txt \
  "$work/"

cat >"$work/run.sh" <<'EOF'
set -euo pipefail
source=$1 work=$2
mount -t tmpfs none "$source"
if [[ -e $source/data/kb || -e $source/build ]]; then echo "the source tree is not hidden"; exit 1; fi
ng=$work/prefix/bin/newsgraph
$ng import -q --db "$work/store" "$work/articles.jsonl" >/dev/null
$ng import -q --db "$work/store" --date 2023-06-19 "$work/2023-06-19-blinken-beijing.txt" >/dev/null
$ng ask officials-met --db "$work/store" --a US --b CN --from 2022-01-01 --to 2023-12-31
EOF
env -u NEWSGRAPH_DATA_DIR -u NEWSGRAPH_DATA -u NEWSGRAPH_QUERIES "${hide[@]}" \
  bash "$work/run.sh" "$source" "$work" >"$work/out" 2>&1 || {
  cat "$work/out"; fail "the installed CLI failed with $source hidden"; }

# The same answer as the build tree's binary, run with the tree in view,
# gives on its own store; and it is the Quick start's (README).
"$build/newsgraph" import -q --db "$work/store-in-tree" "$work/articles.jsonl" >/dev/null
"$build/newsgraph" import -q --db "$work/store-in-tree" --date 2023-06-19 \
  "$work/2023-06-19-blinken-beijing.txt" >/dev/null
"$build/newsgraph" ask officials-met --db "$work/store-in-tree" --a US --b CN \
  --from 2022-01-01 --to 2023-12-31 >"$work/expected"
diff -u "$work/expected" "$work/out" || fail "the installed CLI answers differently"
for pair in 'Jake Sullivan (national security adviser, US)  —  Wang Yi' \
  'Joe Biden (President, US)  —  Xi Jinping'; do
  grep -qF "$pair" "$work/out" || fail "\"$pair\" missing in: $(cat "$work/out")"
done
echo "installed CLI with $source hidden: ok"
cat "$work/out"
