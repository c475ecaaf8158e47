using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using VmLang.Syntax;

namespace VmLang.Benchmarks;

/// <summary>
/// Runs each benchmark twice: with the runtime's defaults, and with the GC settings that `vmlang`
/// ships with (src/VmLang.Cli/VmLang.Cli.csproj): a 64 MB gen0 budget, no background GC,
/// a 1 MB large-object threshold.
/// </summary>
internal sealed class ShippedGcConfig : ManualConfig
{
    public ShippedGcConfig()
    {
        AddJob(Job.ShortRun.WithId("default-gc"));
        AddJob(Job.ShortRun
            .WithEnvironmentVariables(
                new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000"),
                new EnvironmentVariable("DOTNET_gcConcurrent", "0"),
                new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x100000"))
            .WithId("vmlang-gc"));
    }
}

/// <summary>Parse and bind a ~5 MB workspace on one thread; throughput = size / mean time.</summary>
[MemoryDiagnoser]
[Config(typeof(ShippedGcConfig))]
public class ParseBindBenchmark
{
    private List<(string Path, string Text)> _files = [];

    public static int WorkspaceBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = GeneratedWorkspace.Create(5 * 1024 * 1024, rulesetPhrases: 10);
        WorkspaceBytes = _files.Sum(f => System.Text.Encoding.UTF8.GetByteCount(f.Text));
    }

    [Benchmark]
    public int ParseAndBind()
    {
        var trees = _files.Select(f => SyntaxTree.Parse(f.Text, f.Path)).ToList();
        var compilation = Compilation.Create(trees);
        return compilation.Templates.Length;
    }
}

/// <summary>
/// Full check (parse, bind, every rule) of the issue-13 workspace (<see cref="CheckWorkspace"/>, ~6 MB) with
/// 10 and with 1,000 house phrases, on one thread and on all cores: one automaton per compilation keeps
/// the phrase counts close, and files are checked in parallel. Throughput = size / mean time (printed as MB/s).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShippedGcConfig))]
public class CheckPhrasesBenchmark
{
    private List<(string Path, string Text)> _files = [];

    [Params(10, 1000)]
    public int Phrases { get; set; }

    /// <summary>1, or 0 for every core.</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    public static long WorkspaceBytes(int phrases) =>
        CheckWorkspace.Create(6 * 1024 * 1024, phrases).Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));

    [GlobalSetup]
    public void Setup() => _files = CheckWorkspace.Create(6 * 1024 * 1024, Phrases);

    [Benchmark]
    public int Check()
    {
        using var _ = Threads > 0 ? ParallelWork.Limit(Threads) : null;
        var trees = new SyntaxTree[_files.Count];
        Parallel.For(0, trees.Length, ParallelWork.Options, i => trees[i] = SyntaxTree.Parse(_files[i].Text, _files[i].Path));
        return Compilation.Create(trees).GetDiagnostics().Length;
    }
}
