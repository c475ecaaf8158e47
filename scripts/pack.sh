#!/usr/bin/env bash
# Packs VmLang's NuGet packages into one folder (default: artifacts/packages):
#   vmlang               the .NET tool (dotnet tool install vmlang)
#   VmLang.Build         MSBuild props/targets that check a project's templates, with vmlang.dll inside
#   VmLang.CommandLine.<rid>  (with --native RID, e.g. --native linux-x64) the NativeAOT vmlang for one platform
# Usage: scripts/pack.sh [-o DIR] [--version VERSION] [--native RID]...
# --native publishes with scripts/publish-aot.sh, unless VMLANG_AOT names an already published vmlang for that RID.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"
version=""
rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) out="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --native) rids+=("$2"); shift 2 ;;
    *) echo "pack.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
props=(-c Release -nologo -v q -clp:ErrorsOnly)
[ -n "$version" ] && props+=("-p:Version=$version")

# One MSBuild run packs the tool and VmLang.Build, which publishes vmlang (framework-dependent) into itself.
dotnet pack "$root/scripts/packages.slnx" "${props[@]}" -o "$out"

for rid in ${rids[@]+"${rids[@]}"}; do
  native="${VMLANG_AOT:-}"
  [ -n "$native" ] || native="$(bash "$root/scripts/publish-aot.sh" "$rid")"
  dotnet pack "$root/src/VmLang.CommandLine" "${props[@]}" -p:VmLangRuntimeIdentifier="$rid" -p:VmLangNativeDir="$(dirname "$native")/" -o "$out"
done
ls "$out"
