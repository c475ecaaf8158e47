#!/usr/bin/env bash
# Whole-process timings of what VmLang.Build adds to `dotnet build` (README, "Tests and figures"):
#   1. a no-change incremental build of a class library with six clean templates, with and without the package;
#   2. a templates-only build that checks every template under examples/ (the check runs each time: the
#      bad habits fail it, so no stamp is written), with VmLangCheck=true and false.
# Usage: bench/build-check-figures.sh [FEED]   (FEED: a folder scripts/pack.sh wrote; packed when not given)
# Needs hyperfine (apt-get install -y hyperfine). Set VMLANG_NATIVE_RID to time the native vmlang too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="${1:-$work/feed}"
native_rid="${VMLANG_NATIVE_RID:-}"
[ -n "${1:-}" ] || bash "$root/scripts/pack.sh" -o "$feed" ${native_rid:+--native "$native_rid"} >/dev/null
version="$(sed -nE 's/.*<VersionPrefix>(.*)<\/VersionPrefix>.*/\1/p' "$root/Directory.Build.props")"
export NUGET_PACKAGES="$work/packages" MSBUILDDISABLENODEREUSE=1
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="feed" value="$feed" /></packageSources></configuration>
XML

library() { # NAME PACKAGE-REFERENCES
  mkdir -p "$work/$1"
  cp "$root"/examples/{house,first_touch,second_touch,breakup,front_desk,q4_outbound}.vml "$root/examples/vmlang.json" "$work/$1/"
  echo 'public static class Service { }' > "$work/$1/Service.cs"
  printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>%s</ItemGroup>\n</Project>\n' "$2" > "$work/$1/$1.csproj"
}
examples() { # NAME PACKAGE-REFERENCES
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.Build.NoTargets/3.7.0">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultVmLangTemplateItems>false</EnableDefaultVmLangTemplateItems>
    <VmLangRoot>$root/examples</VmLangRoot>
  </PropertyGroup>
  <ItemGroup>$2<VmLangTemplate Include="$root/examples/**/*.vml" /></ItemGroup>
</Project>
XML
}
reference="<PackageReference Include=\"VmLang.Build\" Version=\"$version\" />"
native_reference="$reference<PackageReference Include=\"VmLang.CommandLine.$native_rid\" Version=\"$version\" />"
library without ""
library with "$reference"
examples checked "$reference"
[ -z "$native_rid" ] || { library with-native "$native_reference"; examples checked-native "$native_reference"; }
for project in "$work"/*/*.csproj; do dotnet build "$project" -nologo -v q >/dev/null 2>&1 || true; done

build="dotnet build --no-restore -nologo -v q -nodeReuse:false"
incremental=(-n 'no-change build, no VmLang.Build' "$build $work/without" -n 'no-change build, VmLang.Build' "$build $work/with")
checking=(-n 'examples, VmLangCheck=false' "$build $work/checked -p:VmLangCheck=false" -n 'examples, checked (vmlang.dll)' "$build $work/checked")
if [ -n "$native_rid" ]; then
  incremental+=(-n 'no-change build, VmLang.Build + native' "$build $work/with-native")
  checking+=(-n 'examples, checked (native vmlang)' "$build $work/checked-native")
fi
hyperfine --warmup 2 --runs "${RUNS:-15}" -i "${incremental[@]}"
hyperfine --warmup 2 --runs "${RUNS:-15}" -i "${checking[@]}"
