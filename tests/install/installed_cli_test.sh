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
# newsgraph serve (where built with cpp-httplib) finds the installed page and
# sends it; it prints nothing here unless that fails. (From $work: the
# working directory may be under the hidden tree, where pyenv's python3 fails.)
cd "$work"
$ng serve --db "$work/store" --port 0 >"$work/serve.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "serve" "$work/serve.out" && break; sleep 0.1; done
if ! grep -q "without cpp-httplib" "$work/serve.out"; then
  grep -q "page $work/prefix/bin/../share/newsgraph/web)" "$work/serve.out" || {
    cat "$work/serve.out"; kill $pid; exit 1; }
  port=$(sed -n 's#.*127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.out")
  python3 -c "import http.client, sys
c = http.client.HTTPConnection('127.0.0.1', $port, timeout=10)
for path in sys.argv[1:]:
    c.request('GET', path); r = c.getresponse(); body = r.read()
    if r.status != 200 or not body: sys.exit(f'installed page: GET {path}: {r.status}')" / \
    $(cd "$work/prefix/share/newsgraph/web" && find node_modules -name cytoscape.min.js -printf '/%p\n') || {
    kill $pid; exit 1; }
  kill $pid
  wait $pid || true
fi
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
