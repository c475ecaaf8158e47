using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VmLang.LanguageServer.Handlers;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Benchmarks;

/// <summary>
/// Where one keystroke's edit → <c>publishDiagnostics</c> time goes, step by step, in this process: the
/// same workspace as <c>lsp-latency</c>, the same single-character edits, and the steps the server takes
/// for each (new document text, <c>Compilation.WithText</c>, binding, rules and filter, then the
/// publisher's grouping, comparison, conversion and JSON). Medians and p95 per step, the bytes
/// allocated per edit and the collections, so a change can be judged without the noise of two processes.
/// </summary>
public static class LspStepsBenchmark
{
    public static int Run(string[] args)
    {
        var edits = Option(args, "--edits", 300);
        var megabytes = Option(args, "--workspace-mb", 5);
        var at = Array.IndexOf(args, "--at") is var atIndex and >= 0 && atIndex + 1 < args.Length ? args[atIndex + 1] : "middle";
        var text = LspLatencyBenchmark.BigWorkspaceFile(5000, args.Contains("--clean"), at);
        var folder = Path.Combine(Path.GetTempPath(), "vmlang-steps");
        var path = Path.Combine(folder, "big.vml");
        var trees = new List<SyntaxTree> { SyntaxTree.Parse(text, path) };
        foreach (var (file, content) in megabytes > 0 ? GeneratedWorkspace.Create(megabytes * 1024 * 1024, rulesetPhrases: 10) : [])
        {
            trees.Add(SyntaxTree.Parse(content, Path.Combine(folder, file)));
        }
        var compilation = Compilation.Create(trees);
        var all = compilation.GetDiagnostics();
        var inEdited = all.Count(d => d.Location.FilePath == path);
        Console.WriteLine($"{all.Length} diagnostics: {inEdited} in the edited file, {all.Length - inEdited} in {all.Select(d => d.Location.FilePath).Distinct().Count(p => p != path)} other files "
            + $"({string.Join(", ", all.Where(d => d.Location.FilePath != path).GroupBy(d => d.Code).Select(g => $"{g.Key} ×{g.Count()}"))})");
        var publisher = new Publisher(path);
        publisher.Publish(compilation, version: 1);

        var hole = text.IndexOf("{{ nam }}", EditedHoleSearchStart(text, at), StringComparison.Ordinal) + "{{ nam".Length;
        var steps = new Dictionary<string, List<double>>();
        // The thread's CPU time per step as well: on a loaded machine the wall clock mostly measures the other processes.
        var cpu = new Dictionary<string, List<double>>();
        var allocated = new List<double>();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var current = new SourceText(text);
        for (var i = 0; i < edits + 20; i++)
        {
            var measured = i >= 20; // the first twenty warm the JIT up
            if (i == 20) (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var before = GC.GetTotalAllocatedBytes(precise: false);
            var watch = Stopwatch.StartNew();
            var cpuStart = ThreadCpu.Milliseconds();
            void Step(string name)
            {
                var cpuNow = ThreadCpu.Milliseconds();
                if (measured)
                {
                    (steps.TryGetValue(name, out var list) ? list : steps[name] = []).Add(watch.Elapsed.TotalMilliseconds);
                    (cpu.TryGetValue(name, out var cpuList) ? cpuList : cpu[name] = []).Add(cpuNow - cpuStart);
                }
                cpuStart = cpuNow;
                watch.Restart();
            }
            var insert = i % 2 == 0;
            current = new SourceText(insert
                ? string.Concat(current.Text.AsSpan(0, hole), "e", current.Text.AsSpan(hole))
                : string.Concat(current.Text.AsSpan(0, hole), current.Text.AsSpan(hole + 1)));
            Step("1 document text");
            compilation = compilation.WithText(path, current);
            Step("2 WithText (parse from the edit on)");
            _ = compilation.Templates;
            Step("3 bind");
            _ = compilation.GetDiagnostics();
            Step("4 rules + filter");
            publisher.Publish(compilation, i + 2, Step);
            if (measured) allocated.Add((GC.GetTotalAllocatedBytes(precise: false) - before) / 1024.0 / 1024.0);
        }

        Console.WriteLine($"{trees.Count} files, {trees.Sum(t => t.Text.Length) / 1024} KiB; {edits} edits of the {at} template; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, "
            + $"concurrent {AppContext.GetData("System.GC.Concurrent") ?? "default"}, gen0 budget {AppContext.GetData("GCgen0size") ?? "default"}");
        var total = new List<double>();
        var totalCpu = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            total.Add(steps.Values.Sum(s => s[i]));
            totalCpu.Add(cpu.Values.Sum(s => s[i]));
        }
        cpu["total"] = totalCpu;
        foreach (var (name, values) in steps.OrderBy(s => s.Key, StringComparer.Ordinal).Append(new("total", total)))
        {
            values.Sort();
            var cpuValues = cpu[name];
            var cpuMean = cpuValues.Average();
            cpuValues.Sort();
            Console.WriteLine($"  {name,-48} p50 {Percentile(values, 0.5),7:0.000} ms  p95 {Percentile(values, 0.95),7:0.000} ms  max {values[^1],7:0.0} ms"
                + (ThreadCpu.IsAvailable ? $"  cpu p50 {Percentile(cpuValues, 0.5),6:0.000} mean {cpuMean,6:0.000} p95 {Percentile(cpuValues, 0.95),6:0.000} ms" : ""));
        }
        allocated.Sort();
        Console.WriteLine($"  allocated per edit: p50 {Percentile(allocated, 0.5):0.00} MB; collections during the timed edits: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        return 0;
    }

    private static int EditedHoleSearchStart(string text, string at)
    {
        var holes = new List<int>();
        for (var i = text.IndexOf("{{ nam }}", StringComparison.Ordinal); i >= 0; i = text.IndexOf("{{ nam }}", i + 1, StringComparison.Ordinal)) holes.Add(i);
        return holes[at switch { "first" => 0, "last" => holes.Count - 1, _ => holes.Count / 2 }];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>What <see cref="DiagnosticsPublisher"/> does with a compilation's diagnostics, one step at a time.</summary>
    private sealed class Publisher(string editedPath)
    {
        private readonly Dictionary<string, IReadOnlyList<Diagnostics.Diagnostic>> _published = new(StringComparer.Ordinal);

        public void Publish(Compilation compilation, int version, Action<string>? step = null)
        {
            var byFile = new Dictionary<string, List<Diagnostics.Diagnostic>>(StringComparer.Ordinal);
            foreach (var diagnostic in compilation.GetDiagnostics())
            {
                if (!byFile.TryGetValue(diagnostic.Location.FilePath, out var list)) byFile[diagnostic.Location.FilePath] = list = [];
                list.Add(diagnostic);
            }
            step?.Invoke("5 group by file");
            var changed = new List<(string Path, List<Diagnostics.Diagnostic> Found)>();
            foreach (var (path, found) in byFile)
            {
                if (path == editedPath || !_published.TryGetValue(path, out var previous) || !previous.SequenceEqual(found)) changed.Add((path, found));
                _published[path] = found;
            }
            step?.Invoke("6 compare with what was published");
            var messages = new List<PublishDiagnosticsParams>();
            foreach (var (path, found) in changed)
            {
                messages.Add(new PublishDiagnosticsParams
                {
                    Uri = new Uri(path).AbsoluteUri,
                    Version = path == editedPath ? version : null,
                    Diagnostics = [.. found.Select(d => LspConversions.ToLsp(d, JsonSerializer.SerializeToElement(new DiagnosticData { Template = compilation.GetTemplateAt(d.Location)?.Name }, LspJsonContext.Default.DiagnosticData)))],
                });
            }
            step?.Invoke("7 convert to LSP");
            foreach (var message in messages) _ = OutgoingMessage.Notification(LspMethods.TextDocumentPublishDiagnostics, message, LspJsonContext.Default.PublishDiagnosticsParams);
            step?.Invoke("8 JSON");
        }
    }
}

/// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>); zero elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static double Milliseconds()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeClock, out var time) != 0) return 0;
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    // DllImport, not LibraryImport: the struct is blittable, and the benchmarks do not allow unsafe code.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
