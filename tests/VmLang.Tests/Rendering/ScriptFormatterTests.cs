using System.Text.Json;
using System.Xml.Linq;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class ScriptFormatterTests
{
    private static readonly RenderedScript DanaReyes = new(
        Row: 3,
        Template: "first_touch",
        Prospect: "Dana Reyes",
        Script: "Hi Dana, this is Sam with Northwind Telecom.\nWe cut call costs by a third. I'll try you again Thursday.\nIf it's of interest before then, you can reach me at (817) 224-9900.",
        Seconds: 21.43,
        Warnings: ["VML1004: \"just checking in\" is empty filler"],
        Contact: "(817) 224-9900");

    [Fact]
    public void Text_Golden()
    {
        const string expected = """
            --- row 3 · Dana Reyes · first_touch · ≈ 21.4 s · 1 warning ---
            Hi Dana, this is Sam with Northwind Telecom.
            We cut call costs by a third. I'll try you again Thursday.
            If it's of interest before then, you can reach me at (817) 224-9900.

            """;

        Assert.Equal(Lf(expected), Format(ScriptFormat.Text, DanaReyes));
    }

    [Fact]
    public void Text_header_stays_on_one_line_and_leaves_out_what_is_missing()
    {
        var script = DanaReyes with { Prospect = "  ", Template = "t", Warnings = [], Seconds = 30, Script = "Hi.\r\n" };

        Assert.Equal("--- row 3 · t · ≈ 30 s ---\nHi.\n", Format(ScriptFormat.Text, script));
        Assert.StartsWith("--- row 3 · Dana Reyes · t", Format(ScriptFormat.Text, script with { Prospect = "Dana\nReyes" }));
    }

    [Theory]
    [InlineData(0.04, "0")]
    [InlineData(0.05, "0.1")]
    [InlineData(9.96, "10")]
    [InlineData(21.43, "21.4")]
    [InlineData(29.95, "30")]
    [InlineData(123456.78, "123456.8")]
    public void Text_seconds_have_one_decimal_at_most(double seconds, string shown) =>
        Assert.StartsWith($"--- row 3 · Dana Reyes · first_touch · ≈ {shown} s ·", Format(ScriptFormat.Text, DanaReyes with { Seconds = seconds }));

    [Fact]
    public void Text_header_and_script_are_normalized_whatever_the_line_breaks()
    {
        var script = DanaReyes with { Prospect = " Dana\u2028 Reyes\t", Warnings = [], Script = "Hi\u2029there.\rBye \uD800 now.\n\n" };

        Assert.Equal("--- row 3 · Dana Reyes · first_touch · ≈ 21.4 s ---\nHi\nthere.\nBye \uFFFD now.\n", Format(ScriptFormat.Text, script));
        Assert.StartsWith("--- row 3 · Dana  Reyes · first_touch", Format(ScriptFormat.Text, script with { Prospect = "\tDana  Reyes " }));
        Assert.Equal(Format(ScriptFormat.Text, script), WriteToOneStream(ScriptFormat.Text, script));
    }

    [Fact]
    public void JsonLines_Golden()
    {
        const string expected =
            """{"row":3,"template":"first_touch","prospect":"Dana Reyes","script":"Hi Dana, this is Sam with Northwind Telecom.\nWe cut call costs by a third. I'll try you again Thursday.\nIf it's of interest before then, you can reach me at (817) 224-9900.","seconds":21.4,"warnings":["VML1004: \"just checking in\" is empty filler"]}"""
            + "\n";

        Assert.Equal(expected, Format(ScriptFormat.JsonLines, DanaReyes));
    }

    [Fact]
    public void Json_lines_parses_back_to_the_same_values()
    {
        var script = DanaReyes with
        {
            Prospect = "Zoë \"Z\" O'Brien <b>&\t\\",
            Script = "Line one\r\nLine two \u0001 end 😀",
            Warnings = [],
            Seconds = 7,
        };

        var line = Format(ScriptFormat.JsonLines, script);

        Assert.EndsWith("\n", line);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["row", "template", "prospect", "script", "seconds", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("row").GetInt32());
        Assert.Equal(script.Prospect, root.GetProperty("prospect").GetString());
        Assert.Equal("Line one\nLine two \u0001 end 😀", root.GetProperty("script").GetString());
        Assert.Equal(7, root.GetProperty("seconds").GetDouble());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        Assert.Contains("Zoë", line);
    }

    [Fact]
    public void Ssml_Golden()
    {
        const string expected =
            """<speak>Hi Dana, this is Sam with Northwind Telecom.<break time="500ms"/>We cut call costs by a third.<break time="500ms"/>I&apos;ll try you again Thursday.<break time="500ms"/>If it&apos;s of interest before then, you can reach me at <say-as interpret-as="telephone">(817) 224-9900</say-as>.</speak>"""
            + "\n";

        Assert.Equal(expected, Format(ScriptFormat.Ssml, DanaReyes));
    }

    [Fact]
    public void Ssml_escapes_all_data_and_is_well_formed()
    {
        var script = DanaReyes with
        {
            Prospect = "<script>&\"",
            Script = "Hi <script>&\", this is Sam. Call 555 <0100> & ask. Bell\u0007 and \uFFFF gone.",
            Contact = "555 <0100>",
        };

        var ssml = Format(ScriptFormat.Ssml, script);

        Assert.Contains("Hi &lt;script&gt;&amp;&quot;, this is Sam.", ssml);
        Assert.Contains("""<say-as interpret-as="telephone">555 &lt;0100&gt;</say-as> &amp; ask.""", ssml);
        Assert.DoesNotContain("<script>", ssml);
        var speak = XDocument.Parse(ssml).Root!;
        Assert.Equal("speak", speak.Name.LocalName);
        Assert.Equal(2, speak.Elements("break").Count());
        Assert.Equal("555 <0100>", speak.Element("say-as")!.Value);
        Assert.StartsWith("Hi <script>&\", this is Sam.", speak.Value);
    }

    [Fact]
    public void Ssml_wraps_every_occurrence_of_the_contact_and_never_breaks_inside_it()
    {
        var script = DanaReyes with { Script = "Call 555. 0100. Again: 555. 0100.", Contact = "555. 0100" };

        Assert.Equal(
            """<speak>Call <say-as interpret-as="telephone">555. 0100</say-as>.<break time="500ms"/>Again: <say-as interpret-as="telephone">555. 0100</say-as>.</speak>""" + "\n",
            Format(ScriptFormat.Ssml, script));
    }

    [Fact]
    public void Ssml_collapses_whitespace_and_splits_only_before_whitespace()
    {
        var script = DanaReyes with { Script = "  Really?!  Yes.\n\n  Costs fell 3.5 percent.\tOK ", Contact = null };

        Assert.Equal(
            """<speak>Really?!<break time="500ms"/>Yes.<break time="500ms"/>Costs fell 3.5 percent.<break time="500ms"/>OK</speak>""" + "\n",
            Format(ScriptFormat.Ssml, script));
    }

    [Fact]
    public void Markdown_Golden()
    {
        const string expected = """
            ## Dana Reyes

            Row 3 · template `first_touch` · ≈ 21.4 s

            > Hi Dana, this is Sam with Northwind Telecom.
            > We cut call costs by a third. I'll try you again Thursday.
            > If it's of interest before then, you can reach me at (817) 224-9900.

            Warnings:

            - VML1004: "just checking in" is empty filler

            """;

        Assert.Equal(Lf(expected), Format(ScriptFormat.Markdown, DanaReyes));
    }

    [Fact]
    public void Markdown_escapes_data_that_would_become_syntax()
    {
        var script = DanaReyes with
        {
            Prospect = "*Dana* [Reyes](http://x) <b>",
            Script = "# not a heading\n- not a list\n1. not numbered\n\n    not code\n_em_ & `code` | pipe ~~del~~",
            Warnings = ["too *long*\nreally"],
        };

        var sheet = Format(ScriptFormat.Markdown, script);

        Assert.StartsWith(@"## \*Dana\* \[Reyes\](http://x) \<b\>" + "\n", sheet);
        Assert.Contains(Lf("""
            > \# not a heading
            > \- not a list
            > 1\. not numbered
            >
            > not code
            > \_em\_ \& \`code\` \| pipe \~\~del\~\~

            """), sheet);
        Assert.EndsWith(@"- too \*long\* really" + "\n", sheet);
    }

    [Fact]
    public void Markdown_without_a_prospect_or_warnings()
    {
        var sheet = Format(ScriptFormat.Markdown, DanaReyes with { Prospect = "", Warnings = [], Script = "Hi." });

        Assert.Equal("## Row 3\n\nRow 3 · template `first_touch` · ≈ 21.4 s\n\n> Hi.\n", sheet);
    }

    [Theory]
    [InlineData(ScriptFormat.Text, "txt")]
    [InlineData(ScriptFormat.JsonLines, "jsonl")]
    [InlineData(ScriptFormat.Ssml, "ssml")]
    [InlineData(ScriptFormat.Markdown, "md")]
    public void Each_format_has_a_file_extension(ScriptFormat format, string extension) =>
        Assert.Equal(extension, ScriptFormatter.For(format).FileExtension);

    [Theory]
    [InlineData("text", ScriptFormat.Text)]
    [InlineData("jsonl", ScriptFormat.JsonLines)]
    [InlineData("SSML", ScriptFormat.Ssml)]
    [InlineData("md", ScriptFormat.Markdown)]
    public void Format_names_parse(string name, ScriptFormat expected)
    {
        Assert.True(ScriptFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.False(ScriptFormats.TryParse("html", out _));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void An_impossible_estimate_is_a_bug_not_output(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Format(ScriptFormat.JsonLines, DanaReyes with { Seconds = seconds }));

    [Fact]
    public void On_one_stream_scripts_are_separated_as_the_format_wants()
    {
        var second = DanaReyes with { Row = 4, Prospect = "Lee", Script = "Hi Lee.", Warnings = [] };

        Assert.Equal(
            Format(ScriptFormat.Text, DanaReyes) + "\n" + Format(ScriptFormat.Text, second),
            WriteToOneStream(ScriptFormat.Text, DanaReyes, second));
        Assert.Equal(
            Format(ScriptFormat.Markdown, DanaReyes) + "\n---\n\n" + Format(ScriptFormat.Markdown, second),
            WriteToOneStream(ScriptFormat.Markdown, DanaReyes, second));

        var lines = WriteToOneStream(ScriptFormat.JsonLines, DanaReyes, second).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([3, 4], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt32()));

        var ssml = WriteToOneStream(ScriptFormat.Ssml, DanaReyes, second).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(ssml, document => XDocument.Parse(document));
    }

    private static string Format(ScriptFormat format, RenderedScript script) =>
        ScriptFormatter.For(format).FormatScript(script);

    private static string WriteToOneStream(ScriptFormat format, params RenderedScript[] scripts)
    {
        var output = new StringWriter();
        using (var sink = new StreamScriptSink(output, ScriptFormatter.For(format)))
        {
            foreach (var script in scripts)
            {
                sink.Write(script);
            }
        }

        return output.ToString();
    }

    private static string Lf(string text) => text.ReplaceLineEndings("\n");
}
