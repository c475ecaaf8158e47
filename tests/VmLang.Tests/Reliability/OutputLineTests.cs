using System.Text.RegularExpressions;
using VmLang.Tests.Cli;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, row 7: every line of text output is one diagnostic. A ruleset reason with a line break
/// (<c>\n</c> in its string) used to print a diagnostic over three lines, one a forged <c>::error</c>
/// workflow command.
/// </summary>
public partial class OutputLineTests
{
    [Fact]
    public void A_reason_with_line_breaks_and_escape_codes_stays_on_its_diagnostic_line()
    {
        using var workspace = new TempFolder(("r.vml",
            "ruleset house {\n  forbid \"guarantee\" because \"Legal.\\n::error file=x.vml,line=1::forged\\tdone\\u{1B}[31m\" as error\n}\n"
            + "template t for gatekeeper {\n  use house\n  slot p : prospect\n  slot r : caller\n  slot f : company\n  slot n : contact\n"
            + "  say \"\"\"\n    Hi {{ p }}, this is {{ r }} with {{ f }}, I guarantee it. My number is {{ n }}.\n    \"\"\"\n}\n"));
        var root = workspace.Path;

        var result = CliRunner.Run("check", root);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(CanonicalLine(), line));
        var hit = Assert.Single(lines, l => l.Contains("VML1100"));
        Assert.Contains(@"Legal.\n::error file=x.vml,line=1::forged\tdone\u001B[31m", hit);
    }

    [Fact]
    public void A_path_with_a_line_break_stays_on_its_line()
    {
        using var workspace = new TempFolder(("bad\nname.vml", "template t for voicemail {\n  use nope\n}\n"));
        var root = workspace.Path;

        var result = CliRunner.Run("check", root);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(CanonicalLine(), line));
        Assert.Contains(lines, l => l.Contains(@"bad\nname.vml(1,10): error VML0107", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_prints_the_template_diagnostics_one_a_line_too()
    {
        using var workspace = new TempFolder(
            ("r.vml",
                "ruleset house {\n  forbid \"guarantee\" because \"Legal.\\n::error file=x.vml::forged\" as warning\n}\n"
                + "template t for gatekeeper {\n  use house\n  slot p : prospect\n  slot r : caller\n  slot f : company\n  slot n : contact\n"
                + "  say \"\"\"\n    Hi {{ p }}, this is {{ r }} with {{ f }}, I guarantee it. My number is {{ n }}.\n    \"\"\"\n}\n"),
            ("data.csv", "p,r,f,n\nDana Reyes,Sam,Northwind,817 224 9900\n"));
        var root = workspace.Path;

        var result = CliRunner.Run("render", Path.Combine(root, "r.vml"), "--template", "t", "--data", Path.Combine(root, "data.csv"));

        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, line => line.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"r\.vml\(\d+,\d+\): warning VML1100: .*Legal\.\\n::error file=x\.vml::forged"));
    }

    [GeneratedRegex(@"^[^\x00-\x1F\x7F]+\(\d+,\d+\): (error|warning|info) VML\d{4}: [^\x00-\x1F\x7F]*$")]
    private static partial Regex CanonicalLine();
}
