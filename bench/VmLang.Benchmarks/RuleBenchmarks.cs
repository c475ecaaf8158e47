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
