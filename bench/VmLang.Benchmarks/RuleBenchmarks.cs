using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Emit;
using VmLang.Rendering;
using VmLang.Rules;
using VmLang.Syntax;

namespace VmLang.Benchmarks;

/// <summary>
/// The pieces of checking that run per template and per rendered row (issues 10 and 13): the spoken-length
/// estimate of every template of a 1 MB check workspace, the say-block text, the phrase scan of every say
/// block, all template rules, and the length estimate and phrase scan of 1,000 rendered first_touch scripts.
/// Each invocation covers all templates (or all scripts), so compare means, not per-item figures.
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmark
{
    private Compilation _compilation = null!;
    private TemplateSymbol[] _templates = [];
    private TemplateSymbol _firstTouch = null!;
    private PhraseChecker _rowPhrases = null!;
    private Compilation _firstTouchCompilation = null!;
    private (string Script, string Contact)[] _scripts = [];
    private readonly List<Diagnostic> _diagnostics = [];

    [GlobalSetup]
    public void Setup()
    {
        var files = CheckWorkspace.Create(1024 * 1024, rulesetPhrases: 10);
        _compilation = Compilation.Create([.. files.Select(f => SyntaxTree.Parse(f.Text, f.Path))]);
        _templates = [.. _compilation.Templates];
        foreach (var template in _templates) _ = template.Say?.Text;

        (_firstTouchCompilation, _firstTouch) = RenderBenchmark.FirstTouch();
        _rowPhrases = PhraseChecker.Create(_firstTouchCompilation);
        var checker = new RowChecker(_firstTouchCompilation, _firstTouch);
        using var source = DataSource.Create(new MemoryStream(ProspectData.Csv(1000)), DataFormat.Csv);
        _scripts = [.. source.ReadRecords().OfType<DataRow>().Select(row => checker.Check(row.Values)).Where(r => r.Script is not null).Select(r => (r.Script!, r.Contact))];
    }

    [Benchmark]
    public double TemplateEstimates()
    {
        var total = 0.0;
        foreach (var template in _templates) total += SpokenLength.EstimateSeconds(template, _compilation.Configuration);
        return total;
    }

    [Benchmark]
    public int SayTexts()
    {
        var count = 0;
        foreach (var template in _templates)
        {
            if (template.Say is { } say) count += SayText.From(say.Syntax.TextBlock).Segments.Length;
        }
        return count;
    }

    [Benchmark]
    public int TemplateRules()
    {
        var runner = new RuleRunner(_compilation);
        _diagnostics.Clear();
        foreach (var template in _templates) runner.Check(template, _diagnostics);
        return _diagnostics.Count;
    }

    [Benchmark]
    public double ScriptSeconds()
    {
        var total = 0.0;
        foreach (var (script, contact) in _scripts) total += SpokenLength.ScriptSeconds(script, contact, _firstTouchCompilation.Configuration);
        return total;
    }

    [Benchmark]
    public int ScriptPhrases()
    {
        var count = 0;
        foreach (var (script, _) in _scripts) count += _rowPhrases.Find(_firstTouch, script).Count;
        return count;
    }
}

/// <summary>
/// <c>rule-probe [ROUNDS]</c>: <see cref="RuleBenchmark"/>'s methods timed by CPU time, round after round, each
/// method in turn, so that a busy machine slows them alike: CPU ms an invocation (the best round and the
/// median) and bytes allocated an invocation.
/// </summary>
internal static class RuleProbe
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var benchmark = new RuleBenchmark();
        benchmark.Setup();
        (string Name, Func<object> Run)[] methods =
        [
            (nameof(RuleBenchmark.TemplateEstimates), () => benchmark.TemplateEstimates()),
            (nameof(RuleBenchmark.SayTexts), () => benchmark.SayTexts()),
            (nameof(RuleBenchmark.TemplateRules), () => benchmark.TemplateRules()),
            (nameof(RuleBenchmark.ScriptSeconds), () => benchmark.ScriptSeconds()),
            (nameof(RuleBenchmark.ScriptPhrases), () => benchmark.ScriptPhrases()),
        ];
        var times = methods.Select(_ => new List<double>()).ToArray();
        var bytes = new long[methods.Length];
        const int Invocations = 10;
        for (var round = -2; round < rounds; round++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < Invocations; i++) methods[m].Run();
                var spent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Invocations;
                if (round < 0) continue;
                times[m].Add(spent);
                bytes[m] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Invocations;
            }
        }
        for (var m = 0; m < methods.Length; m++)
        {
            var sorted = times[m].Order().ToList();
            Console.WriteLine($"{methods[m].Name,-18} best {sorted[0],8:F3} ms  median {sorted[sorted.Count / 2],8:F3} ms CPU  {bytes[m],10:N0} B");
        }
        return 0;
    }
}
