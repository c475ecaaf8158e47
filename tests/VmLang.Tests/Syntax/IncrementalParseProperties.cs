using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Syntax;

/// <summary>
/// <see cref="SyntaxTree.WithChangedText"/> shares the declarations before an edit with the tree it was
/// made from; whatever the edits, the tree it gives is the one a fresh parse gives, and the tree it was
/// made from (and a compilation of it) still reads as before.
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
    public void Declarations_before_the_edit_are_shared_and_each_tree_is_their_parent()
    {
        var text = string.Concat(Enumerable.Range(0, 4).Select(i => $"ruleset r{i} {{\n  forbid \"a{i}\" because \"b\"\n}}\n"));
        var tree = SyntaxTree.Parse(text, "f.vml");
        var edited = tree.WithChangedText(new SourceText(text.Replace("\"a2\"", "\"a22\"", StringComparison.Ordinal)));

        Assert.Same(tree.Root.Declarations[0], edited.Root.Declarations[0]);
        Assert.Same(tree.Root.Declarations[1], edited.Root.Declarations[1]);
        Assert.NotSame(tree.Root.Declarations[2], edited.Root.Declarations[2]);
        // One node, two trees: each answers with its own root (the earlier tree used to be told the new one).
        Assert.Same(edited.Root, edited.GetParent(edited.Root.Declarations[0]));
        Assert.Same(tree.Root, tree.GetParent(tree.Root.Declarations[0]));
        var rule = ((RulesetDeclarationSyntax)tree.Root.Declarations[0]).Rules[0];
        Assert.Equal([tree.Root.Declarations[0], tree.Root], tree.GetAncestors(rule));
        Assert.Equal([edited.Root.Declarations[0], edited.Root], edited.GetAncestors(rule));
        Assert.Throws<ArgumentException>(() => tree.GetParent(edited.Root.Declarations[3]));
    }

    [Fact]
    public void Typing_down_a_file_keeps_only_a_few_copies_of_its_text_alive()
    {
        // Each shared declaration keeps the text it was parsed from: typing in one declaration after
        // another must not leave a copy of the whole file behind for each of them.
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"ruleset r{i} {{\n  forbid \"a{i}\" because \"b\"\n}}\n"));
        var tree = SyntaxTree.Parse(text, "f.vml");
        var editsThatShared = 0;
        for (var i = 1; i < 40; i++)
        {
            text = text.Replace($"\"a{i}\"", $"\"a{i}x\"", StringComparison.Ordinal);
            tree = tree.WithChangedText(new SourceText(text));

            var texts = tree.Root.Declarations.Select(d => d.Source).Where(s => s is not null).Distinct(ReferenceEqualityComparer.Instance).Count();
            Assert.InRange(texts, 1, SyntaxTree.MaxTextsKeptAlive);
            Assert.Equal(SyntaxTree.Parse(text, "f.vml").Root.ToFullString(), tree.Root.ToFullString());
            if (tree.Root.Declarations.Any(d => d.Source is { } source && !ReferenceEquals(source, tree.Text))) editsThatShared++;
        }
        // It still shares most of the time: only every few edits parse afresh.
        Assert.True(editsThatShared >= 39 / 2, $"only {editsThatShared} of 39 edits shared declarations");
    }

    [Fact]
    public void A_tree_asked_for_parents_on_several_threads_at_once_answers_each_correctly()
    {
        // As the language server's requests do: the first questions to a tree may come together.
        foreach (var (_, text) in TestPaths.ExampleSources)
        {
            var tree = SyntaxTree.Parse(text, "f.vml");
            Parallel.For(0, 8, _ => AssertParentsAreTheTreeOwn(tree));
        }
    }

    [Fact]
    public void Edits_leave_the_earlier_tree_and_its_compilation_as_they_were()
    {
        var files = TestPaths.ExampleSources;
        var scenario =
            from file in Gen.Choose(0, files.Count - 1)
            from edits in RandomEdit.Generator(Inserts, maxLength: 8).ListOf().Select(list => list.Take(4).ToArray())
            select (File: file, Edits: edits);
        var shared = 0;
        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var path = files[s.File].Name;
            var text = files[s.File].Text;
            var compilation = Compilation.Create(files.Select(f => SyntaxTree.Parse(f.Text, f.Name)));
            foreach (var e in s.Edits)
            {
                var before = compilation;
                var tree = before.GetSyntaxTree(path)!;
                var treeBefore = DescribeTree(tree);
                // Made before the edit, from texts parsed afresh: what the earlier compilation must still say.
                var expected = DescribeCompilation(Compilation.Create(before.SyntaxTrees.Select(t => SyntaxTree.Parse(t.Text, t.FilePath))));

                text = e.ApplyTo(text);
                compilation = before.WithText(path, new SourceText(text));
                // As in the server: the new compilation is checked first, and a request may still run on the old one.
                _ = compilation.GetDiagnostics();
                var edited = compilation.GetSyntaxTree(path)!;

                Assert.Equal(treeBefore, DescribeTree(tree));
                Assert.Equal(expected, DescribeCompilation(before));
                AssertParentsAreTheTreeOwn(tree);
                AssertParentsAreTheTreeOwn(edited);
                var oldDeclarations = tree.Root.Declarations;
                var newDeclarations = edited.Root.Declarations;
                var kept = 0;
                while (kept < Math.Min(oldDeclarations.Length, newDeclarations.Length) && ReferenceEquals(oldDeclarations[kept], newDeclarations[kept])) kept++;
                // Only a prefix is shared, and nothing else of the old tree is in the new one.
                var oldNodes = new HashSet<SyntaxNode>(tree.Root.DescendantNodes(), ReferenceEqualityComparer.Instance);
                Assert.All(newDeclarations.Skip(kept), d => Assert.DoesNotContain(d, oldNodes));
                shared += kept;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
        Assert.True(shared > 0, "no edit kept a declaration, so sharing was never tested");
    }

    [Theory]
    [InlineData("ruleset a {\n}ruleset b {\n}\n", "}ruleset", 1, " ")]   // the character that ended `}`'s trailing trivia changes
    [InlineData("ruleset a {\n} ruleset b {\n}\n", "} ruleset", 2, "\n")]
    [InlineData("ruleset a {\n}\n/* c */ ruleset b {\n}\n", "/* c", 3, "*/")]
    [InlineData("ruleset a {\n}\nruleset b {\n}", "b {\n}", 5, "\n")]
    [InlineData("ruleset a {\n} /x\n", "/x", 1, "/")]   // `/x` ended `}`'s trailing trivia; `//x` is a comment that continues it
    [InlineData("ruleset a {\n} /x\n", "/x", 1, "*")]
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
        AssertParentsAreTheTreeOwn(tree);
    }

    /// <summary>The tree names each node's parent as a walk down from its root finds it; a token's node is the one that holds it.</summary>
    private static void AssertParentsAreTheTreeOwn(SyntaxTree tree)
    {
        Assert.Null(tree.GetParent(tree.Root));
        var pending = new Stack<SyntaxNode>([tree.Root]);
        while (pending.TryPop(out var node))
        {
            foreach (var child in node.Children)
            {
                if (child.Node is { } inner)
                {
                    Assert.Same(node, tree.GetParent(inner));
                    pending.Push(inner);
                }
                else
                {
                    Assert.Same(node, child.Token!.Value.Parent);
                }
            }
        }
    }

    /// <summary>Every node with its kind, spans and parent in the tree, and every token with its spans, text and trivia.</summary>
    private static List<string> DescribeTree(SyntaxTree tree) =>
        [.. tree.Root.DescendantNodes().Prepend(tree.Root).Select(n =>
                $"{n.Kind} {n.FullSpan} {n.Span} in {tree.GetParent(n)?.Kind} {tree.GetParent(n)?.FullSpan} #{RuntimeHelpers.GetHashCode(tree.GetParent(n))}"),
         .. tree.Root.DescendantTokens().Select(t => $"{t.Kind} {t.FullSpan} {t.Span} {t.ToFullString()} in {t.Parent!.Kind} #{RuntimeHelpers.GetHashCode(t.Parent)}"),
         tree.Root.ToFullString()];

    /// <summary>Diagnostics, and every symbol with where it is declared and occurs.</summary>
    private static List<string> DescribeCompilation(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Select(d => $"{d.Location.FilePath}:{d.Location.Span} {d.Code} {d.Message}"),
         .. compilation.SyntaxTrees.SelectMany(tree => compilation.GetOccurrences(tree)
            .Select(o => $"{tree.FilePath}:{o.Span} {o.IsDeclaration} {o.Symbol} in {o.Symbol.SyntaxTree.FilePath}@{o.Symbol.NameToken.Span}")),
         .. compilation.Templates.Select(t => $"{t} uses {string.Join(",", t.Rulesets)} slots {string.Join(",", t.Slots.Select(s => $"{s}@{s.NameToken.Span}"))} max {t.MaxSeconds}"),
         .. compilation.Sequences.Select(s => $"{s} steps {string.Join(",", s.Steps.Select(step => $"{step.Day}:{step.Template}"))}")];

    private static List<string> Describe(SyntaxTree tree) =>
        [.. tree.Diagnostics.Select(d => $"{d.Location.Span} {d.Code} {d.Message}")];
}
