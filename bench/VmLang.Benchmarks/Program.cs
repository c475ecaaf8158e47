using BenchmarkDotNet.Running;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/VmLang.Benchmarks -- --filter '*' --job short</c>.
/// After the run, throughput figures derived from the means are printed (MB/s, rows/s).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } stats) continue;
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var seconds = stats.Mean / 1e9;
            if (name == nameof(ParseBindBenchmark.ParseAndBind) && ParseBindBenchmark.WorkspaceBytes > 0)
            {
                Console.WriteLine($"{name}: {ParseBindBenchmark.WorkspaceBytes / 1048576.0 / seconds:F1} MB/s");
            }
            else if (report.BenchmarkCase.Descriptor.Type == typeof(RenderBenchmark))
            {
                Console.WriteLine($"{name}: {1 / seconds:N0} rows/s");
            }
        }
    }
}
