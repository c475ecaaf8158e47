using FsCheck;
using FsCheck.Fluent;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Syntax;

/// <summary>
/// <see cref="SyntaxTree.WithChangedText"/> keeps the declarations before an edit; whatever the edits,
/// the tree it gives is the one a fresh parse gives, and the tree it was made from still reads as before.
/// </summary>
public class IncrementalParseProperties
{
    private static readonly string[] Examples = [.. TestPaths.ExampleSources.Select(e => e.Text)];

    private static readonly string[] Inserts =
        ["", "x", " ", "\n", "\r\n", "}", "{", "\"", "\"\"\"", "\"\"\"\n", "{{", "}}", "/*", "*/", "//", "template", "ruleset r {\n}\n", "\uFEFF", "@"];

    [Fact]
    public void Reparsing_after_edits_gives_the_tree_a_fresh_parse_gives()
    {
        var scenario =
            from example in Gen.Elements(Examples)
            from edits in RandomEdit.Generator(Inserts, maxLength: 8).ListOf().Select(list => list.Take(5).ToArray())
            select (example, edits);
        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var tree = SyntaxTree.Parse(s.example, "f.vml");
            var text = s.example;
            foreach (var e in s.edits)
            {
                var before = tree;
                var beforeDump = SyntaxDumper.Dump(before.Root);
                text = e.ApplyTo(text);
                tree = tree.WithChangedText(new SourceText(text));
                AssertSameAsFresh(tree, text);
                Assert.Equal(beforeDump, SyntaxDumper.Dump(before.Root));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Declarations_before_the_edit_are_kept_and_moved_to_the_new_tree()
    {
        var text = string.Concat(Enumerable.Range(0, 4).Select(i => $"ruleset r{i} {{\n  forbid \"a{i}\" because \"b\"\n}}\n"));
        var tree = SyntaxTree.Parse(text, "f.vml");
        var edited = tree.WithChangedText(new SourceText(text.Replace("\"a2\"", "\"a22\"", StringComparison.Ordinal)));

        Assert.Same(tree.Root.Declarations[0], edited.Root.Declarations[0]);
        Assert.Same(tree.Root.Declarations[1], edited.Root.Declarations[1]);
        Assert.NotSame(tree.Root.Declarations[2], edited.Root.Declarations[2]);
        Assert.Same(edited.Root, edited.Root.Declarations[0].Parent);
    }

    [Theory]
    [InlineData("ruleset a {\n}ruleset b {\n}\n", "}ruleset", 1, " ")]   // the character that ended `}`'s trailing trivia changes
    [InlineData("ruleset a {\n} ruleset b {\n}\n", "} ruleset", 2, "\n")]
    [InlineData("ruleset a {\n}\n/* c */ ruleset b {\n}\n", "/* c", 3, "*/")]
    [InlineData("ruleset a {\n}\nruleset b {\n}", "b {\n}", 5, "\n")]
    public void An_edit_just_after_a_declaration_reparses_what_it_touches(string text, string anchor, int offset, string insert)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal) + offset;
        var edited = text[..at] + insert + text[at..];
        var tree = SyntaxTree.Parse(text, "f.vml");
        var before = SyntaxDumper.Dump(tree.Root);
        AssertSameAsFresh(tree.WithChangedText(new SourceText(edited)), edited);
        Assert.Equal(before, SyntaxDumper.Dump(tree.Root));
    }

    private static void AssertSameAsFresh(SyntaxTree tree, string text)
    {
        var fresh = SyntaxTree.Parse(text, "f.vml");
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal(SyntaxDumper.Dump(fresh.Root), SyntaxDumper.Dump(tree.Root));
        Assert.Equal(Describe(fresh), Describe(tree));
        Assert.All(tree.Diagnostics, d => Assert.Same(tree.Text, d.Location.Text));
        Assert.All(tree.Root.Declarations, d => Assert.Same(tree.Root, d.Parent));
    }

    private static List<string> Describe(SyntaxTree tree) =>
        [.. tree.Diagnostics.Select(d => $"{d.Location.Span} {d.Code} {d.Message}")];
}
