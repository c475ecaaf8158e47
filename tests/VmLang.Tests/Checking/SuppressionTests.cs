using VmLang.Diagnostics;

namespace VmLang.Tests.Checking;

public class SuppressionTests
{
    private static readonly string Optional = Check.Template(members: "slot note : text optional");

    [Fact]
    public void Allow_suppresses_its_code_in_its_template_only()
    {
        var allowed = Check.Template("a", members: "allow VML0203 because \"Kept for the next revision.\"\n  slot note : text optional");
        var other = Check.Template("b", members: "slot note : text optional");
        var diagnostics = Check.Diagnostics(allowed, other);
        var remaining = Assert.Single(diagnostics);
        Assert.Equal("VML0203", remaining.Code);
        Assert.Equal("file1.vml", remaining.Location.FilePath);
    }

    [Fact]
    public void Stale_and_unknown_allows_are_reported()
    {
        Assert.Equal(["VML0111"], Check.Codes(Check.Template(members: "allow VML1004 because \"x\"")));
        Assert.Equal(["VML0110"], Check.Codes(Check.Template(members: "allow VML9999 because \"x\"")));
    }

    [Fact]
    public void Config_changes_severity_or_turns_a_code_off()
    {
        var promoted = Check.Compile(Check.Config("{ \"rules\": { \"VML0203\": \"error\" } }"), Optional).GetDiagnostics();
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(promoted).Severity);
        Assert.Empty(Check.Compile(Check.Config("{ \"rules\": { \"vml0203\": \"off\" } }"), Optional).GetDiagnostics());
    }

    [Theory]
    [InlineData("{ \"wordsPerMinute\": 0 }", 1, 3)]
    [InlineData("{ \"maxSeconds\": \"thirty\" }", 1, 3)]
    [InlineData("{ \"pauseSeconds\": -0.5 }", 1, 3)]
    [InlineData("{\n  \"pauseSeconds\": 500 }", 2, 3)]
    [InlineData("{ \"pauseSeconds\": \"0.5\" }", 1, 3)]
    [InlineData("{\n  \"rules\": { \"VML0203\": \"loud\" } }", 2, 14)]
    [InlineData("{\n  \"roles\": { \"mood\": { \"estimatedWords\": 2 } } }", 2, 14)]
    [InlineData("{\n  \"roles\": { \"reason\": { \"words\": 2 } } }", 2, 26)]
    [InlineData("[1]", 1, 1)]
    [InlineData("{ \"maxSeconds\": ", 1, 17)]
    public void Invalid_config_is_reported_at_the_key_and_defaults_stay(string json, int line, int column)
    {
        var configuration = Check.Config(json);
        var diagnostic = Assert.Single(configuration.Diagnostics);
        Assert.Equal("VML0301", diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Location.LineSpan.Start.Line + 1, diagnostic.Location.LineSpan.Start.Character + 1));
        Assert.Equal(150, configuration.WordsPerMinute);
        Assert.Equal(30, configuration.MaxSeconds);
        Assert.Equal(0.5, configuration.PauseSeconds);
    }

    [Fact]
    public void A_trailing_comma_is_allowed_and_the_value_before_it_is_read()
    {
        // 45, not the default 30: a file dropped as a whole would leave the default and no diagnostic.
        var configuration = Check.Config("{ \"maxSeconds\": 45, }");
        Assert.Empty(configuration.Diagnostics);
        Assert.Equal(45, configuration.MaxSeconds);
    }

    [Fact]
    public void Pause_seconds_sets_the_pause_between_sentences()
    {
        var configuration = Check.Config("{ \"pauseSeconds\": 0.75 }");
        Assert.Empty(configuration.Diagnostics);
        Assert.Equal(0.75, configuration.PauseSeconds);
        Assert.Equal(0, Check.Config("{ \"pauseSeconds\": 0 }").PauseSeconds);
        Assert.Contains("from 0 to 10", Assert.Single(Check.Config("{ \"pauseSeconds\": 500 }").Diagnostics).Message);
    }

    [Fact]
    public void Schema_key_is_accepted_in_config() =>
        Assert.Empty(Check.Config("{ \"$schema\": \"./vmlang.schema.json\" }").Diagnostics);
}
