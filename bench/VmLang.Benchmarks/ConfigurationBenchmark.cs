using System.Text;
using BenchmarkDotNet.Attributes;
using VmLang.Configuration;

namespace VmLang.Benchmarks;

/// <summary>
/// Reads a <c>vmlang.json</c> of 400,000 keys (issue 12, row 17: it took 73 s when every key's position
/// was counted from the top of the file). Every key is unknown, so every key is also a diagnostic.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShippedGcConfig))]
public class ConfigurationBenchmark
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < 400_000; i++) text.Append(i == 0 ? "" : ", ").Append("\"k").Append(i).Append("\": ").Append(i);
        _text = text.Append('}').ToString();
    }

    [Benchmark]
    public int ParseManyKeys() => ConfigurationParser.Parse(_text, "vmlang.json").Diagnostics.Length;
}
