using System.Text;
using BenchmarkDotNet.Attributes;
using Scriban;
using Scriban.Runtime;
using VmLang.Binding;
using VmLang.Emit;
using VmLang.Rendering;
using VmLang.Syntax;

namespace VmLang.Benchmarks;

/// <summary>
/// Rows per second for CSV → text. All three read the same CSV with the same reader and write text:
/// the whole `vmlang render` row path (check values, render, check the script, format), raw
/// Scriban with the equivalent hand-written template, and a hand-written StringBuilder. Each invocation
/// is <see cref="Rows"/> rows, so the mean is per row.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmark
{
    public const int Rows = 100_000;

    private byte[] _csv = [];
    private RowChecker _checker = null!;
    private Template _raw = null!;
    private TemplateContext _rawContext = null!;
    private ScriptObject _rawGlobals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (compilation, template) = FirstTouch();
        _checker = new RowChecker(compilation, template);
        _csv = ProspectData.Csv(Rows);

        (_raw, _rawContext, _rawGlobals) = RawScriban.Create();
    }

    /// <summary>The spec's first_touch example with a ten-phrase house ruleset, checked.</summary>
    internal static (Compilation Compilation, TemplateSymbol Template) FirstTouch()
    {
        var files = GeneratedWorkspace.Create(0, rulesetPhrases: 10);
        var text = files[0].Text + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "first_touch.vml"));
        var compilation = Compilation.Create([SyntaxTree.Parse(text, "bench.vml")]);
        return (compilation, compilation.GetTemplate("first_touch")!);
    }

    private IEnumerable<object> ReadRows()
    {
        using var source = DataSource.Create(new MemoryStream(_csv), DataFormat.Csv);
        foreach (var record in source.ReadRecords())
        {
            if (record is not DataRow row) continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["firm"] = "Northwind Telecom" };
            foreach (var (key, value) in row.Values) values[key] = value ?? "";
            yield return values;
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long VmLangRenderPipeline()
    {
        using var source = DataSource.Create(new MemoryStream(_csv), DataFormat.Csv);
        var formatter = ScriptFormatter.For(ScriptFormat.Text);
        using var output = new StreamWriter(Stream.Null);
        long rows = 0;
        foreach (var record in source.ReadRecords())
        {
            if (record is not DataRow row) continue;
            var result = _checker.Check(row.Values);
            // As `vmlang render` writes to one stream (StreamScriptSink): straight to the writer.
            formatter.WriteScript(output, new RenderedScript(row.Number, "first_touch", result.Prospect, result.Script!, result.Seconds, result.Warnings, result.Contact));
            rows++;
        }
        return rows;
    }

    [Benchmark(OperationsPerInvoke = Rows, Baseline = true)]
    public long RawScribanTemplate()
    {
        long length = 0;
        foreach (var row in ReadRows()) length += RawScriban.Render(_raw, _rawContext, _rawGlobals, (Dictionary<string, string>)row).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long HandWrittenStringBuilder()
    {
        long length = 0;
        var builder = new StringBuilder(256);
        foreach (var values in ReadRows())
        {
            var row = (Dictionary<string, string>)values;
            builder.Clear()
                .Append("Hi ").Append(Filters.First(row["prospect"])).Append(", this is ").Append(row["rep"]).Append(" with ").Append(row["firm"]).Append(".\n");
            if (!string.IsNullOrWhiteSpace(row["referrer"])) builder.Append(row["referrer"]).Append(" suggested I call. ");
            builder.Append(row["pain"]).Append(", and we ").Append(row["outcome"]).Append(".\nI'll try you again ").Append(row["when"])
                .Append(". If it's of interest before then, you can reach me at ").Append(row["number"]).Append('.');
            length += builder.Length;
        }
        return length;
    }
}
