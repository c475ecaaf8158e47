#!/usr/bin/env bash
# Whole-process `vmlang check --format json` throughput (issue 13): wall clock of the real process,
# start-up included, on a generated workspace (bench/VmLang.Benchmarks/CheckWorkspace.cs: seeded, files
# of 100 templates, every 20th with a planted ruleset phrase), with 10 and with 1,000 ruleset phrases,
# on one core and on all of them. Prints MB/s from the mean and from the fastest run.
#
#   bench/check-throughput.sh [--mb N] [--runs N] [--vmlang "COMMAND"]
#
# --vmlang: what to run (default: artifacts/aot/linux-x64/vmlang, published with scripts/publish-aot.sh
# when missing); e.g. --vmlang "dotnet src/VmLang.Cli/bin/Release/net10.0/vmlang.dll" for the JIT figure.
# One core means `taskset -c 0` (the whole process, GC included, on CPU 0) and VMLANG_JOBS=1.
# Uses hyperfine when installed (apt-get install -y hyperfine), else a plain loop.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=6 runs=10 vmlang=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --vmlang) vmlang="$2"; shift 2 ;;
    *) echo "usage: $0 [--mb N] [--runs N] [--vmlang COMMAND]" >&2; exit 2 ;;
  esac
done
if [ -z "$vmlang" ]; then
  vmlang="$root/artifacts/aot/linux-x64/vmlang"
  [ -x "$vmlang" ] || vmlang="$(bash "$root/scripts/publish-aot.sh")"
fi
bench_dll="$root/bench/VmLang.Benchmarks/bin/Release/net10.0/VmLang.Benchmarks.dll"
[ -f "$bench_dll" ] || dotnet build "$root/bench/VmLang.Benchmarks" -c Release -nologo -v q -clp:ErrorsOnly >&2

work="${TMPDIR:-/tmp}/vmlang-check-throughput"
mkdir -p "$work"
declare -A bytes
for phrases in 10 1000; do
  bytes[$phrases]="$(dotnet "$bench_dll" gen-check-workspace "$work/p$phrases" "$mb" "$phrases")"
done

one_core=""
command -v taskset >/dev/null 2>&1 && one_core="taskset -c 0"
echo "vmlang: $vmlang"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-6s %10s %10s %10s %10s %10s\n' phrases cores "mean s" "min s" "cpu s" "MB/s mean" "MB/s best"

# Prints "MEAN MIN CPU" in seconds for the command run in the folder (CPU: user + system, mean; "-" without hyperfine).
measure() {
  local folder="$1"; shift
  if command -v hyperfine >/dev/null 2>&1; then
    local csv="$work/run.csv"
    (cd "$folder" && hyperfine -N --warmup 2 --runs "$runs" --ignore-failure --output=null --export-csv "$csv" "$*" >/dev/null 2>&1)
    awk -F, 'NR == 2 { printf "%s %s %.3f\n", $2, $7, $5 + $6 }' "$csv"
  else
    local total=0 best="" start end took
    (cd "$folder" && $* >/dev/null 2>&1 || true)
    for _ in $(seq "$runs"); do
      start=$(date +%s%N); (cd "$folder" && $* >/dev/null 2>&1 || true); end=$(date +%s%N)
      took=$((end - start)); total=$((total + took))
      if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
    done
    awk -v t="$total" -v n="$runs" -v b="$best" 'BEGIN { printf "%.4f %.4f -\n", t / n / 1e9, b / 1e9 }'
  fi
}

declare -A mean
for phrases in 10 1000; do
  for cores in 1 all; do
    if [ "$cores" = 1 ]; then
      read -r m b c < <(VMLANG_JOBS=1 measure "$work/p$phrases" $one_core $vmlang check --format json)
    else
      read -r m b c < <(measure "$work/p$phrases" $vmlang check --format json)
    fi
    mean[$phrases,$cores]=$m
    awk -v p="$phrases" -v c="$cores" -v m="$m" -v b="$b" -v u="$c" -v s="${bytes[$phrases]}" \
      'BEGIN { printf "%-8s %-6s %10.3f %10.3f %10s %10.1f %10.1f\n", p, c, m, b, u, s / 1048576 / m, s / 1048576 / b }'
  done
done
for cores in 1 all; do
  awk -v a="${mean[1000,$cores]}" -v b="${mean[10,$cores]}" -v c="$cores" 'BEGIN { printf "1,000 vs 10 phrases (mean), cores %s: %.2fx\n", c, a / b }'
done
echo "workspace: ${bytes[10]} bytes (10 phrases), ${bytes[1000]} bytes (1,000); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
