#!/usr/bin/env bash
# Installs the page's JavaScript dependency (Cytoscape.js, pinned by
# web/package-lock.json) into web/node_modules/, from where `newsgraph
# serve` sends it: the page loads nothing from other hosts. Needs npm
# (Debian: npm). Safe to run again.
set -euo pipefail
web="$(cd "$(dirname "$0")/../web" && pwd)"
if [ -f "$web/node_modules/cytoscape/dist/cytoscape.min.js" ] &&
   cmp -s "$web/package-lock.json" "$web/node_modules/.newsgraph-lock" 2>/dev/null; then
  exit 0
fi
# npm where there is none (Debian's; where Node.js came with its own npm,
# Debian's would conflict with it, hence not in install-deps.sh).
if ! command -v npm >/dev/null && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null || true
fi
command -v npm >/dev/null || { echo "install-web-deps: npm is missing (apt install npm)" >&2; exit 1; }
cd "$web"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
# What was installed, so that a second run with the same lock file does nothing.
cp package-lock.json node_modules/.newsgraph-lock
echo "install-web-deps: $(node -p "require('./node_modules/cytoscape/package.json').version" 2>/dev/null || echo '?') cytoscape in $web/node_modules" >&2
