#!/usr/bin/env bash
# The VS Code end-to-end suite: builds the platform .vsix with the README's command (NativeAOT
# `vmlang` bundled), installs code-server once into a cache outside the repository, then runs the
# UI tests (node --test, TAP) in code-server through headless Chromium.
# Screenshots of failures: ${VMLANG_E2E_ARTIFACTS:-$TMPDIR/vmlang-e2e-artifacts}.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) || { echo "could not install ${missing[*]}" >&2; exit 1; }
fi

bash "$here/install-code-server.sh" >/dev/null || { echo "could not install code-server" >&2; exit 1; }

target="linux-x64"
(cd "$root/vscode-extension" && npm ci --no-audit --no-fund --loglevel=error && npm run build >/dev/null && npm run package:platform -- --target "$target") \
  || { echo "could not build the platform .vsix" >&2; exit 1; }
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || exit 1

export VSIX="$root/vscode-extension/vmlang-$target.vsix"
export VMLANG_CLI="$root/artifacts/aot/linux-x64/vmlang"
cd "$here" && node --test --test-concurrency=1 --test-reporter=tap vscode.test.mjs
