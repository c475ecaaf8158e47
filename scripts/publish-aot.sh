#!/usr/bin/env bash
# Publishes `vmlang` as one NativeAOT executable and prints its path:
#   scripts/publish-aot.sh [RID]      (default: this machine's, e.g. linux-x64)
# Output: artifacts/aot/RID/vmlang. Installs clang and zlib1g-dev with apt when they are missing
# (NativeAOT links with them on Linux). Progress goes to stderr; stdout is the path alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rid="${1:-$(dotnet --info | sed -nE 's/^ *RID: *//p' | head -n 1)}"
out="$root/artifacts/aot/$rid"

if [[ "$rid" == linux-* ]] && { ! command -v clang >/dev/null 2>&1 || ! [ -e /usr/include/zlib.h ]; }; then
  echo "publish-aot: installing clang and zlib1g-dev" >&2
  (apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null) >&2
fi

dotnet publish "$root/src/VmLang.Cli" -c Release -r "$rid" -p:PublishAot=true -nologo -v q -clp:ErrorsOnly -o "$out" >&2
exe="$out/vmlang"; [ -f "$exe" ] || exe="$out/vmlang.exe"
echo "$exe"
