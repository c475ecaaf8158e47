using BenchmarkDotNet.Attributes;
using VmLang.Emit;
using VmLang.Rendering;

namespace VmLang.Benchmarks;

/// <summary>
/// The whole render row path as `vmlang render --jobs N` runs it — read CSV, check values, render,
/// phrase-check the script, format — on one and on two threads (<see cref="OrderedParallel"/>, one
/// row checker per thread, scripts written in order). Goal: ≥ 300k rows/s on one core, ≥ 1.7× that on two.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShippedGcConfig))]
public class RowPathBenchmark
{
    public const int Rows = 200_000;

    private byte[] _csv = [];
    private Compilation _compilation = null!;
    private VmLang.Binding.TemplateSymbol _template = null!;

    [Params(1, 2)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup() => Setup(Rows);

    internal void Setup(int rows)
    {
        (_compilation, _template) = RenderBenchmark.FirstTouch();
        _csv = ProspectData.Csv(rows);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long RenderRows()
    {
        using var source = DataSource.Create(new MemoryStream(_csv), DataFormat.Csv);
        var formatter = ScriptFormatter.For(ScriptFormat.Text);
        using var sink = new StreamScriptSink(new StreamWriter(Stream.Null), formatter, leaveOpen: false);
        var written = 0L;
        var results = OrderedParallel.Select<DataRecord, (DataRow Row, RowResult Result)>(
            source.ReadRecords(),
            () =>
            {
                var checker = new RowChecker(_compilation, _template);
                return record => ((DataRow)record, checker.Check(((DataRow)record).Values));
            },
            Jobs);
        foreach (var (row, result) in results)
        {
            sink.Write(new RenderedScript(row.Number, _template.Name, result.Prospect, result.Script!, result.Seconds, result.Warnings, result.Contact));
            written++;
        }
        sink.Complete();
        return written;
    }
}
