using System.Diagnostics;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>row-path ROWS [JOBS…]</c>: a quick stopwatch run of <see cref="RowPathBenchmark"/>'s row path, printing
/// rows/s by the wall clock and by CPU time, bytes allocated a row and collections per generation. CPU time
/// stays meaningful on a busy machine, where wall-clock figures do not; BenchmarkDotNet gives the figures to quote.
/// </summary>
internal static class RowPathProbe
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        int[] jobs = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [1, 2];
        var benchmark = new RowPathBenchmark();
        benchmark.Setup(rows);
        Console.WriteLine($"GC: server={System.Runtime.GCSettings.IsServerGC} latency={System.Runtime.GCSettings.LatencyMode}");
        foreach (var count in jobs)
        {
            benchmark.Jobs = count;
            benchmark.RenderRows(); // warm-up
            for (var run = 0; run < 3; run++)
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                var clock = Stopwatch.StartNew();
                var written = benchmark.RenderRows();
                clock.Stop();
                process.Refresh();
                var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)written;
                Console.WriteLine(
                    $"jobs {count}: {written / clock.Elapsed.TotalSeconds,9:N0} rows/s wall, {written / cpuSeconds,9:N0} rows/CPU-s, {bytes,6:N0} B/row, " +
                    $"gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
            }
        }
        return 0;
    }
}
