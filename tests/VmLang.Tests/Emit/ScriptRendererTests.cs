using VmLang.Emit;
using VmLang.Tests.Checking;

namespace VmLang.Tests.Emit;

public class ScriptRendererTests
{
    private static string Render(string say, Dictionary<string, string?> row, string members = "slot note : text optional")
    {
        var compilation = Check.Compile(Check.Template(members: members, say: say));
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == VmLang.Diagnostics.DiagnosticSeverity.Error);
        var template = compilation.Templates.Single();
        return ScriptRenderer.Create(template).Render(new SlotValues(template, new Dictionary<string, string?>(row, StringComparer.OrdinalIgnoreCase)));
    }

    private static readonly Dictionary<string, string?> Row = new()
    {
        ["prospect"] = "Dana Reyes", ["rep"] = "Sam Ortiz", ["firm"] = "Northwind", ["pain"] = "Your churn rose",
        ["gain"] = "cut it by a third", ["when"] = "Thursday", ["number"] = "(817) 224-9900", ["note"] = "  ",
    };

    private const string AllSaid = "{{ prospect | first }} {{ rep }} {{ firm }} {{ pain }} {{ gain }} {{ when }} {{ number }}";

    [Fact]
    public void Holes_filters_and_members_render()
    {
        var script = Render(AllSaid + " {{ prospect.last | upper }} {{ number | spoken }} {{ rep | lower }}", Row);
        Assert.Equal("Dana Sam Ortiz Northwind Your churn rose cut it by a third Thursday (817) 224-9900 REYES eight one seven, two two four, nine nine zero zero sam ortiz", script);
    }

    [Fact]
    public void A_renderer_says_every_row_whole_however_much_it_rendered_before()
    {
        // One renderer serves every row of a run; 20 rows of 1M characters are more than Scriban's output limit counts in one render.
        var compilation = Check.Compile(Check.Template(members: "slot note : text optional", say: AllSaid + " {{ note }}."));
        var template = compilation.Templates.Single();
        var renderer = ScriptRenderer.Create(template);
        var note = new string('n', 1 << 20);
        var values = new SlotValues(template, new Dictionary<string, string?>(Row, StringComparer.OrdinalIgnoreCase) { ["note"] = note });
        for (var row = 0; row < 20; row++)
        {
            Assert.EndsWith(" " + note + ".", renderer.Render(values));
        }
    }

    [Fact]
    public void If_tests_for_a_non_blank_value_and_else_is_taken_otherwise()
    {
        var say = AllSaid + " {{ if note }}[{{ note }}]{{ else }}no note{{ end }}";
        Assert.EndsWith("no note", Render(say, Row));
        Assert.EndsWith("[ref]", Render(say, new(Row) { ["note"] = "ref" }));
    }

    [Theory]
    [InlineData("{{ \"{{\" }} end }}", "{{ end }}")]
    [InlineData("{{ \"{{\" }}~ when ~}}", "{{~ when ~}}")]
    [InlineData("{% if x %}", "{% if x %}")]
    [InlineData("}} ~}}", "}} ~}}")]
    [InlineData("{{ \"{{\" }} for x in 1..1000000 }}x{{ \"{{ end }}\" }}", "{{ for x in 1..1000000 }}x{{ end }}")]
    [InlineData("{{ \"{{ include 'secret' }}\" | upper }}", "{{ INCLUDE 'SECRET' }}")]
    public void Scriban_syntax_in_literal_text_is_said_as_written(string written, string said)
    {
        Assert.EndsWith(" " + said + ".", Render(AllSaid + " " + written + ".", Row));
    }

    [Theory]
    [InlineData("{{ end }}")]
    [InlineData("{{~ rep ~}}")]
    [InlineData("{% include 'x' %}")]
    [InlineData("}} {{")]
    [InlineData("{{ date.now }}{{ this }}")]
    public void Scriban_syntax_in_data_is_said_as_given(string value)
    {
        var script = Render(AllSaid + " {{ if note }}[{{ note | upper }}]{{ end }}", new(Row) { ["pain"] = value, ["note"] = value });
        Assert.Contains(" " + value + " ", script);
        Assert.EndsWith("[" + value.ToUpperInvariant() + "]", script);
    }

    [Theory]
    [InlineData("with")]
    [InlineData("case")]
    [InlineData("func")]
    [InlineData("ret")]
    [InlineData("this")]
    [InlineData("empty")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("include")]
    [InlineData("first")]
    [InlineData("vml_present")]
    [InlineData("has_note")]
    [InlineData("slot_note")]
    [InlineData("while")]
    [InlineData("capture")]
    [InlineData("import")]
    [InlineData("in")]
    // `when` is the callback slot of every template here; for, if, else and end are VmLang keywords, never slot names.
    public void Slot_names_that_are_scriban_keywords_or_functions_are_still_slots(string name)
    {
        var members = $"slot {name} : text optional";
        var script = Render(AllSaid + " {{ if " + name + " }}<{{ " + name + " | upper }}>{{ else }}none{{ end }}", new(Row) { [name] = "value" }, members);
        Assert.EndsWith(" <VALUE>", script);
        Assert.EndsWith(" none", Render(AllSaid + " {{ if " + name + " }}<{{ " + name + " }}>{{ else }}none{{ end }}", new(Row) { [name] = " " }, members));
    }

    [Fact]
    public void Literal_braces_and_backslashes_are_text_not_handlebars()
    {
        var script = Render(AllSaid + " {{ \"{{\" }} x }} \\{{ when }} {{ \"{{#if}}\" }} a\\", Row);
        Assert.EndsWith(" {{ x }} \\Thursday {{#if}} a\\", script);
    }

    [Fact]
    public void Data_can_not_inject_handlebars()
    {
        var script = Render(AllSaid, new(Row) { ["pain"] = "{{rep}} {{#each this}}x{{/each}}" });
        Assert.Contains("{{rep}} {{#each this}}x{{/each}}", script);
    }

    [Fact]
    public void Blank_value_takes_the_default_and_columns_match_case_insensitively()
    {
        var members = "slot note : text optional = \"no referral\"";
        var row = new Dictionary<string, string?>(Row) { ["NOTE"] = "" };
        row.Remove("note");
        Assert.EndsWith("no referral", Render(AllSaid + " {{ note }}", row, members));
    }

    [Theory]
    [InlineData("this")]
    [InlineData("vml_text")]
    [InlineData("lookup")]
    public void Slot_names_that_mean_something_to_handlebars_are_still_slots(string name)
    {
        var script = Render(AllSaid + " {{ if " + name + " }}{{ " + name + " | upper }}{{ end }}", new(Row) { [name] = "value" }, $"slot {name} : text optional");
        Assert.EndsWith(" VALUE", script);
    }

    [Fact]
    public void Text_block_indentation_is_removed()
    {
        Assert.StartsWith("Dana ", Render(AllSaid, Row));
    }
}
