namespace VmLang.Tests.Checking;

public class BindingTests
{
    [Fact]
    public void The_complete_template_is_clean() => Assert.Empty(Check.Codes(Check.Template()));

    [Fact]
    public void Duplicate_names_across_files_are_reported_at_both_places()
    {
        var diagnostics = Check.Diagnostics(Check.Template("same"), "ruleset same { }");
        var duplicates = diagnostics.Where(d => d.Code == "VML0101").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal(["file0.vml", "file1.vml"], duplicates.Select(d => d.Location.FilePath).Order());
    }

    [Fact]
    public void Duplicate_slot_is_reported_once_on_the_second_declaration()
    {
        var diagnostics = Check.Diagnostics(Check.Template(members: "slot pain : text optional"));
        var duplicate = Assert.Single(diagnostics, d => d.Code == "VML0102");
        Assert.Equal(5, duplicate.Location.LineSpan.Start.Line); // the template's own `slot pain : reason`, after the extra one
    }

    [Theory]
    [InlineData("{{ nope }}", "VML0103")]
    [InlineData("{{ prospect | shout }}", "VML0106")]
    [InlineData("{{ prospect.middle }}", "VML0106")]
    [InlineData("{{ else }}", "VML0109")]
    [InlineData("{{ end }}", "VML0109")]
    [InlineData("{{ if rep }}x", "VML0109")]
    public void Hole_errors(string extra, string code)
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}. " + extra;
        Assert.Contains(code, Check.Codes(Check.Template(say: say)));
    }

    [Fact]
    public void Members_and_filters_that_exist_are_accepted()
    {
        var say = "Hi {{ prospect.first | upper }} {{ prospect.last | lower }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number | spoken }}.";
        Assert.Empty(Check.Codes(Check.Template(say: say)));
    }

    [Fact]
    public void Unknown_ruleset_and_role_are_reported_where_they_are_named()
    {
        var diagnostics = Check.Diagnostics(Check.Template(members: "use nowhere\n  slot extra : mystery optional"));
        Assert.Contains(diagnostics, d => d.Code == "VML0104" && d.Location.Text.ToString(d.Location.Span) == "nowhere");
        Assert.Contains(diagnostics, d => d.Code == "VML0105" && d.Location.Text.ToString(d.Location.Span) == "mystery");
    }

    [Fact]
    public void Sequence_checks_names_and_ascending_days()
    {
        var codes = Check.Codes(Check.Template("a"), "sequence s {\n  day 1 a\n  day 4 ghost\n  day 3 a\n}");
        Assert.Equal(2, codes.Count(c => c == "VML0108"));
        Assert.Empty(Check.Codes(Check.Template("a"), Check.Template("b"), "sequence s {\n  day 1 a\n  day 3 b\n}"));
    }

    [Fact]
    public void Say_count_is_checked()
    {
        var twoSays = Check.Template().Replace("  say \"\"\"", "  say \"\"\"\n    Hi.\n    \"\"\"\n  say \"\"\"");
        Assert.Contains("VML0107", Check.Codes(twoSays));
        Assert.Contains("VML0107", Check.Codes("template empty for voicemail { }"));
    }

    [Fact]
    public void Semantic_model_finds_symbols_and_their_references()
    {
        var compilation = Check.Compile(Check.Template(members: "use house"), "ruleset house {\n  forbid \"x\" because \"y\"\n}");
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var text = tree.Text.ToString();
        var atUse = model.GetSymbolAt(text.IndexOf("use house", StringComparison.Ordinal) + 5);
        Assert.Equal("ruleset house", atUse?.ToString());
        var occurrences = model.FindOccurrences(atUse!);
        Assert.Equal(2, occurrences.Length);
        Assert.Single(occurrences, o => o.IsDeclaration && o.SyntaxTree == compilation.SyntaxTrees[1]);

        var slot = model.GetSymbolAt(text.IndexOf("{{ rep }}", StringComparison.Ordinal) + 4);
        Assert.Equal("slot rep", slot?.ToString());
        Assert.Equal(2, model.FindOccurrences(slot!).Length);
    }
}
