using BenchmarkDotNet.Running;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/VmLang.Benchmarks -- --filter '*' --job short</c> runs the
/// BenchmarkDotNet benchmarks and prints throughput derived from the means (MB/s, rows/s);
/// <c>lsp-latency SERVER [--edits N] [--pause-ms N] [--clean] [--at first|middle|last] [--workspace-mb N] [--no-requests] [--memory N]</c> measures the real server (the JIT build's vmlang.dll or the NativeAOT binary) over stdio;
/// <c>lsp-steps [--workspace-mb N] [--edits N] [--clean] [--at first|middle|last]</c> times each step of the server's keystroke path in this process;
/// <c>rule-probe [ROUNDS]</c> times the rule work of <see cref="RuleBenchmark"/> by CPU time;
/// <c>row-path [ROWS [JOBS…]]</c> times the render row path with a stopwatch (rows/s, CPU rows/s, bytes a row);
/// <c>preview-probe [PHRASES] [ROWS] [EDITS] [sent|known]</c> times a <c>vmlang/preview</c> after each keystroke, whole and by part, by CPU time;
/// <c>gen-prospects N</c> writes N good prospect rows as CSV to stdout, for whole-process render runs;
/// <c>gen-check-workspace DIR [MB] [PHRASES] [SEED] [faults]</c> writes the check benchmark's workspace (<see cref="CheckWorkspace"/>) and prints its size in bytes.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lsp-latency") return await LspLatencyBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "lsp-steps") return LspStepsBenchmark.Run(args[1..]);
        if (args.Length > 0 && args[0] == "row-path") return RowPathProbe.Run(args[1..]);
        if (args.Length > 0 && args[0] == "rule-probe") return RuleProbe.Run(args[1..]);
        if (args.Length > 0 && args[0] == "preview-probe") return PreviewProbe.Run(args[1..]);
        if (args.Length > 1 && args[0] == "gen-prospects")
        {
            // CSV for whole-process runs: `gen-prospects 10000000 | vmlang render … --data - --data-format csv`.
            using var stdout = Console.OpenStandardOutput();
            ProspectData.Write(stdout, long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        if (args.Length > 1 && args[0] == "gen-check-workspace")
        {
            // For whole-process runs of `vmlang check` (bench/check-throughput.sh).
            int Arg(int at, int otherwise) => args.Length > at ? int.Parse(args[at], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
            Console.WriteLine(CheckWorkspace.Write(args[1], Arg(2, 6) * 1024 * 1024, Arg(3, 10), Arg(4, CheckWorkspace.DefaultSeed), faults: args.Length > 5 && args[5] == "faults"));
            return 0;
        }

        if (args.Length > 1 && args[0] == "check-stages") return CheckStages.Run(args[1..]);

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } stats) continue;
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var seconds = stats.Mean / 1e9;
            if (name == nameof(ParseBindBenchmark.ParseAndBind))
            {
                var bytes = GeneratedWorkspace.Create(5 * 1024 * 1024, rulesetPhrases: 10).Sum(f => System.Text.Encoding.UTF8.GetByteCount(f.Text));
                Console.WriteLine($"{name}: {bytes / 1048576.0 / seconds:F1} MB/s");
            }
            else if (name == nameof(CheckPhrasesBenchmark.Check))
            {
                var phrases = (int)report.BenchmarkCase.Parameters["Phrases"];
                Console.WriteLine($"{name} {report.BenchmarkCase.Parameters.DisplayInfo} {report.BenchmarkCase.Job.Id}: {CheckPhrasesBenchmark.WorkspaceBytes(phrases) / 1048576.0 / seconds:F1} MB/s");
            }
            else if (report.BenchmarkCase.Descriptor.Type == typeof(RenderBenchmark) || report.BenchmarkCase.Descriptor.Type == typeof(RowPathBenchmark)
                || report.BenchmarkCase.Descriptor.Type == typeof(ScribanLoweringBenchmark))
            {
                Console.WriteLine($"{name} {report.BenchmarkCase.Parameters.DisplayInfo} {report.BenchmarkCase.Job.Id}: {1 / seconds:N0} rows/s");
            }
        }
        return 0;
    }
}
