#!/usr/bin/env bash
# Runs every test suite: the .NET tests, then the Node suites that drive the real `vmlang`
# (language server end to end, SARIF and config schema validation), the TextMate grammar tests, the
# NativeAOT build against the JIT build (tests/aot publishes the native binary first), tests/msbuild
# (packs the packages, the native one too, and drives real `dotnet build`, `dotnet tool` and the CI
# recipes), and the VS Code extension in real VS Code (tests/vscode-e2e, with that binary bundled in the .vsix).
# Prints one closing line,
# "N passed, N failed", and exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

passed=0
failed=0
status=0

echo "== dotnet test"
command -v espeak-ng >/dev/null 2>&1 || echo "note: espeak-ng is not installed, so the speech tests are skipped (sudo apt-get install espeak-ng)"
dotnet build VmLang.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
log="$(mktemp)"
dotnet test tests/VmLang.Tests -c Release --no-build -nologo 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
summary="$(grep -E '(Passed|Failed)!' "$log" | tail -n 1)"
p="$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")"
f="$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$summary")"
if [ -z "$p" ]; then status=1; f=1; p=0; fi
passed=$((passed + p)); failed=$((failed + ${f:-0}))

for suite in tests/node tests/lsp-e2e grammar tests/aot tests/msbuild; do
  [ -f "$suite/package.json" ] || continue
  echo "== node --test ($suite)"
  (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error) || { status=1; failed=$((failed + 1)); continue; }
  tests=("$suite"/*.test.mjs "$suite"/tests/*.test.mjs)
  VMLANG_DLL="$root/src/VmLang.Cli/bin/Release/net10.0/vmlang.dll" node --test --test-reporter=tap $(ls "${tests[@]}" 2>/dev/null) 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  p="$(sed -nE 's/^# pass ([0-9]+)/\1/p' "$log" | tail -n 1)"
  f="$(sed -nE 's/^# fail ([0-9]+)/\1/p' "$log" | tail -n 1)"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# Real VS Code (code-server + headless Chromium) with the platform .vsix; run.sh installs what it needs.
echo "== VS Code end to end (tests/vscode-e2e)"
bash tests/vscode-e2e/run.sh 2>&1 | tee "$log"
e2e_status="${PIPESTATUS[0]}"
p="$(sed -nE 's/^# pass ([0-9]+)/\1/p' "$log" | tail -n 1)"
f="$(sed -nE 's/^# fail ([0-9]+)/\1/p' "$log" | tail -n 1)"
if [ -z "$p" ]; then f=1; p=0; fi # it could not set up: count that as a failure
[ "$e2e_status" -eq 0 ] || status=1
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))

rm -f "$log"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
