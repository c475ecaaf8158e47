using BenchmarkDotNet.Running;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/VmLang.Benchmarks -- --filter '*' --job short</c> runs the
/// BenchmarkDotNet benchmarks and prints throughput derived from the means (MB/s, rows/s);
/// <c>lsp-latency SERVER [--edits N] [--pause-ms N] [--clean] [--at first|middle|last] [--workspace-mb N] [--no-requests] [--memory N]</c> measures the real server (the JIT build's vmlang.dll or the NativeAOT binary) over stdio;
/// <c>lsp-steps [--workspace-mb N] [--edits N] [--clean] [--at first|middle|last]</c> times each step of the server's keystroke path in this process;
/// <c>row-path [ROWS [JOBS…]]</c> times the render row path with a stopwatch (rows/s, CPU rows/s, bytes a row);
/// <c>gen-prospects N</c> writes N good prospect rows as CSV to stdout, for whole-process render runs.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lsp-latency") return await LspLatencyBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "lsp-steps") return LspStepsBenchmark.Run(args[1..]);
        if (args.Length > 0 && args[0] == "row-path") return RowPathProbe.Run(args[1..]);
        if (args.Length > 1 && args[0] == "gen-prospects")
        {
            // CSV for whole-process runs: `gen-prospects 10000000 | vmlang render … --data - --data-format csv`.
            using var stdout = Console.OpenStandardOutput();
            ProspectData.Write(stdout, long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

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
            else if (report.BenchmarkCase.Descriptor.Type == typeof(RenderBenchmark) || report.BenchmarkCase.Descriptor.Type == typeof(RowPathBenchmark)
                || report.BenchmarkCase.Descriptor.Type == typeof(ScribanLoweringBenchmark))
            {
                Console.WriteLine($"{name} {report.BenchmarkCase.Parameters.DisplayInfo} {report.BenchmarkCase.Job.Id}: {1 / seconds:N0} rows/s");
            }
        }
        return 0;
    }
}
