using System.Text;
using VmLang.Configuration;
using VmLang.Diagnostics;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, row 17: <c>vmlang.json</c> is read in one pass (positions are counted on from the last key,
/// not from the top of the file for every key: 400,000 keys took 73 s), and a key given twice is a
/// VML0301 warning. The speed itself is measured by <c>ConfigurationBenchmark</c>, not asserted here.
/// </summary>
public class ConfigurationKeyTests
{
    [Fact]
    public void A_duplicate_key_is_a_VML0301_warning_at_the_second_one_and_the_last_value_wins()
    {
        var text = "{\n  \"maxSeconds\": 20,\n  \"rules\": { \"VML1004\": \"off\", \"VML1004\": \"error\" },\n  \"maxSeconds\": 25\n}\n";
        var configuration = ConfigurationParser.Parse(text, "vmlang.json");

        Assert.Equal(25, configuration.MaxSeconds);
        Assert.Equal(DiagnosticSeverity.Error, configuration.EffectiveSeverity("VML1004", DiagnosticSeverity.Warning));
        Assert.Collection(
            configuration.Diagnostics.OrderBy(d => d.Location.Span.Start),
            rule => AssertDuplicate(rule, "VML1004", line: 3, column: 32),
            max => AssertDuplicate(max, "maxSeconds", line: 4, column: 3));
    }

    [Fact]
    public void Positions_stay_exact_after_many_keys_with_multibyte_text()
    {
        var text = new StringBuilder("{\n");
        for (var i = 0; i < 2000; i++) text.Append($"  \"$schema\": \"é{i}€\",\n");
        text.Append("  \"colour\": \"ü\"\n}\n");
        var configuration = ConfigurationParser.Parse(text.ToString(), "vmlang.json");

        var unknown = Assert.Single(configuration.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("unknown key 'colour'", unknown.Message);
        Assert.Equal((2001, 2), (unknown.Location.LineSpan.Start.Line, unknown.Location.LineSpan.Start.Character));
        Assert.StartsWith("\"colour\"", text.ToString()[unknown.Location.Span.Start..]);
    }

    private static void AssertDuplicate(Diagnostic diagnostic, string key, int line, int column)
    {
        Assert.Equal("VML0301", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal($"vmlang.json: '{key}' is given more than once; the last one is used.", diagnostic.Message);
        Assert.Equal((line, column), (diagnostic.Location.LineSpan.Start.Line + 1, diagnostic.Location.LineSpan.Start.Character + 1));
    }
}
