using BenchmarkDotNet.Attributes;
using Scriban;
using Scriban.Runtime;
using VmLang.Emit;
using VmLang.Rendering;

namespace VmLang.Benchmarks;

/// <summary>
/// The cost of one row's render alone: the program the compiler lowers from first_touch against
/// the same template written by hand as Scriban text (the baseline), both with one reused context.
/// Goal: the lowered program within 1.3× of raw Scriban.
/// </summary>
[MemoryDiagnoser]
public class ScribanLoweringBenchmark
{
    private const int Rows = 10_000;

    private ScriptRenderer _lowered = null!;
    private SlotValues[] _values = [];
    private Dictionary<string, string>[] _rawRows = [];
    private Template _raw = null!;
    private TemplateContext _rawContext = null!;
    private ScriptObject _rawGlobals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (_, template) = RenderBenchmark.FirstTouch();
        _lowered = ScriptRenderer.Create(template);
        _rawRows = new Dictionary<string, string>[Rows];
        _values = new SlotValues[Rows];
        using var source = DataSource.Create(new MemoryStream(ProspectData.Csv(Rows)), DataFormat.Csv);
        var i = 0;
        foreach (var record in source.ReadRecords())
        {
            var row = (DataRow)record;
            _values[i] = new SlotValues(template, row.Values);
            _rawRows[i] = new Dictionary<string, string>(StringComparer.Ordinal) { ["firm"] = "Northwind Telecom" };
            foreach (var (key, value) in row.Values) _rawRows[i][key] = value ?? "";
            i++;
        }
        (_raw, _rawContext, _rawGlobals) = RawScriban.Create();
    }

    [Benchmark(OperationsPerInvoke = Rows, Baseline = true)]
    public long RawScribanText()
    {
        long length = 0;
        foreach (var row in _rawRows) length += RawScriban.Render(_raw, _rawContext, _rawGlobals, row).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long LoweredProgram()
    {
        long length = 0;
        foreach (var values in _values) length += _lowered.Render(values).Length;
        return length;
    }
}
