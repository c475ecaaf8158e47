#!/usr/bin/env bash
# Runs the end-to-end language-server suites against an already built CLI:
#   tests/lsp-e2e/run.sh path/to/vmlang.dll
# - lsp.test.mjs: vscode-languageserver-protocol drives `dotnet vmlang.dll lsp --stdio`;
# - nvim.test.mjs: headless Neovim 0.7 does the same (needs `apt-get install -y neovim`; skipped
#   locally without it, a failure when CI is set).
# Builds nothing; installs the pinned npm packages (package-lock.json) when they are missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dll="${1:?usage: run.sh path/to/vmlang.dll}"
[ -f "$dll" ] || { echo "run.sh: $dll does not exist; build src/VmLang.Cli first" >&2; exit 2; }
export VMLANG_DLL="$(cd "$(dirname "$dll")" && pwd)/$(basename "$dll")"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
node --test --test-reporter=spec lsp.test.mjs nvim.test.mjs
