using System.Diagnostics;
using VmLang.Workspace;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>check-stages DIR [RUNS]</c>: stopwatch probes of one check's stages, in process, after a warm-up run:
/// wall clock and CPU time (all threads) of load (walk, read, parse), bind, rules (with the final filter
/// and sort) and the line positions the output needs. <c>VMLANG_JOBS=1</c> runs it on one thread.
/// </summary>
internal static class CheckStages
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run <= runs; run++)
        {
            var alloc = GC.GetTotalAllocatedBytes(true);
            var gcs = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            var stages = new List<string>();
            var lastWall = 0.0;
            process.Refresh();
            var lastCpu = process.TotalProcessorTime.TotalMilliseconds;
            void Stage(string name)
            {
                process.Refresh();
                var wall = clock.Elapsed.TotalMilliseconds;
                var cpu = process.TotalProcessorTime.TotalMilliseconds;
                stages.Add($"{name} {wall - lastWall:F0}/{cpu - lastCpu:F0}");
                (lastWall, lastCpu) = (wall, cpu);
            }

            var compilation = WorkspaceLoader.LoadWorkspace([args[0]]).Compilation;
            Stage("load");
            _ = compilation.Templates;
            Stage("bind");
            var diagnostics = compilation.GetDiagnostics();
            Stage("rules");
            var lines = 0;
            foreach (var d in diagnostics) lines += d.Location.LineSpan.Start.Line;
            Stage("lines");
            Console.WriteLine($"run {run} (ms wall/cpu): {string.Join(", ", stages)}; total {clock.Elapsed.TotalMilliseconds:F0}; "
                + $"{diagnostics.Length} diagnostics; {(GC.GetTotalAllocatedBytes(true) - alloc) / 1048576.0:F0} MB allocated, {GC.CollectionCount(0) - gcs} GCs");
        }
        return 0;
    }
}
