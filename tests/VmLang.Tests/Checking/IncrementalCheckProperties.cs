using FsCheck;
using FsCheck.Fluent;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Tests.Checking;

/// <summary>
/// A compilation made by editing another reuses the rule findings of templates whose text did not
/// change. Whatever the edits, its diagnostics are exactly those of a compilation made from scratch.
/// </summary>
public class IncrementalCheckProperties
{
    private static readonly IReadOnlyList<(string Path, string Text)> Examples = TestPaths.ExampleSources;

    private static readonly WorkspaceConfiguration Configuration =
        ConfigurationParser.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "vmlang.json")), "vmlang.json");

    private static readonly string[] Inserts =
        ["", "x", " ", "\n", "please ", "{{ prospect }}", "{{ nope }}", "}", "slot extra : text\n", "\"", "call me back ", "use house\n", "use r\n", "ruleset r { forbid \"north\" because \"x\" }\n", "ruleset house { }\n",
         "sequence s { day 1 first_touch }\n", "template first_touch for gatekeeper { }\n"];

    [Fact]
    public void Edited_compilations_report_what_fresh_ones_do()
    {
        // One edit: which file, and what changes in it.
        var edit =
            from file in Gen.Choose(0, Examples.Count - 1)
            from change in RandomEdit.Generator(Inserts, maxLength: 12)
            select (File: file, Change: change);
        Prop.ForAll(edit.ListOf().Select(list => list.Take(6).ToArray()).ToArbitrary(), edits =>
        {
            var texts = Examples.Select(e => e.Text).ToArray();
            var compilation = Compilation.Create(Examples.Select(e => SyntaxTree.Parse(e.Text, e.Path)), Configuration);
            _ = compilation.GetDiagnostics();
            foreach (var (e, step) in edits.Select((e, i) => (e, i)))
            {
                texts[e.File] = e.Change.ApplyTo(texts[e.File]);
                compilation = compilation.WithText(Examples[e.File].Path, new VmLang.Text.SourceText(texts[e.File]));
                // Some steps are never checked, as keystrokes inside a burst are not.
                if (step % 2 == 0) _ = compilation.GetDiagnostics();
            }
            var fresh = Compilation.Create(compilation.SyntaxTrees, Configuration);
            Assert.Equal(Describe(fresh.GetDiagnostics()), Describe(compilation.GetDiagnostics()));
            Assert.Equal(DescribeBinding(fresh), DescribeBinding(compilation));
            AssertNoStaleSymbols(compilation);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void An_edit_in_one_template_moves_the_findings_of_those_after_it()
    {
        var text = string.Concat(Enumerable.Range(0, 3).Select(i => Check.Template($"t{i}", say: "It's personal. Please call me back at {{ number }}.")));
        var compilation = Compilation.Create([SyntaxTree.Parse(text, "a.vml")]);
        var before = compilation.GetDiagnostics().Where(d => d.Code.StartsWith("VML10", StringComparison.Ordinal)).ToList();

        var edited = compilation.WithSyntaxTree(SyntaxTree.Parse("// a new first line\n" + text, "a.vml"));
        var after = edited.GetDiagnostics().Where(d => d.Code.StartsWith("VML10", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(before);
        Assert.Equal(before.Select(d => d.Location.LineSpan.Start.Line + 1), after.Select(d => d.Location.LineSpan.Start.Line));
        Assert.All(after, d => Assert.Same(edited.SyntaxTrees[0].Text, d.Location.Text));
        // A fix still replaces the words it was made for.
        static IEnumerable<string> FixedText(IEnumerable<Diagnostic> found, SyntaxTree tree) =>
            found.SelectMany(d => d.Fixes).SelectMany(f => f.Edits).Select(e => tree.Text.ToString(e.Span));
        Assert.NotEmpty(FixedText(after, edited.SyntaxTrees[0]));
        Assert.Equal(FixedText(before, compilation.SyntaxTrees[0]), FixedText(after, edited.SyntaxTrees[0]));
    }

    /// <summary>Every symbol and where it occurs, by name and place: what hover, definition and rename read.</summary>
    private static List<string> DescribeBinding(Compilation compilation) =>
        [.. compilation.SyntaxTrees.SelectMany(tree => compilation.GetOccurrences(tree)
            .Select(o => $"{tree.FilePath}:{o.Span} {o.IsDeclaration} {o.Symbol} in {o.Symbol.SyntaxTree.FilePath}@{o.Symbol.NameToken.Span}")),
         .. compilation.Templates.Select(t => $"{t} uses {string.Join(",", t.Rulesets)} slots {string.Join(",", t.Slots)} max {t.MaxSeconds}"),
         .. compilation.Sequences.Select(s => $"{s} steps {string.Join(",", s.Steps.Select(step => $"{step.Day}:{step.Template}"))}"),
         .. compilation.Bound.Globals.OrderBy(g => g.Key, StringComparer.Ordinal)
             .Select(g => $"{g.Key}: {string.Join(", ", g.Value.Select(s => $"{s} in {s.SyntaxTree.FilePath}@{s.NameToken.Span}"))}")];

    /// <summary>A kept file's binding points only at symbols of this compilation, never at those of the one it was edited from.</summary>
    private static void AssertNoStaleSymbols(Compilation compilation)
    {
        var symbols = new HashSet<Binding.Symbol>(
            [.. compilation.Templates, .. compilation.Rulesets, .. compilation.Sequences, .. compilation.Templates.SelectMany(t => t.Slots)]);
        foreach (var tree in compilation.SyntaxTrees)
        {
            Assert.All(compilation.GetOccurrences(tree), o => Assert.Contains(o.Symbol, symbols));
        }
        Assert.All(compilation.Templates.SelectMany(t => t.Rulesets), r => Assert.Contains(r, symbols));
        Assert.All(compilation.Sequences.SelectMany(s => s.Steps).Where(s => s.Template is not null), s => Assert.Contains(s.Template!, symbols));
        Assert.All(compilation.Templates.Where(t => !t.NameToken.IsMissing), t => Assert.Contains(t, compilation.Bound.Globals[t.Name]));
        Assert.All(compilation.Bound.Globals.Values.SelectMany(g => g), s => Assert.Contains(s, symbols));
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d =>
            $"{d.Location.FilePath}:{d.Location.Span} {d.Severity} {d.Code} {d.Message} "
            + string.Join(";", d.Fixes.SelectMany(f => f.Edits.Select(e => $"{f.Title}@{e.FilePath}:{e.Span}={e.NewText}"))))];
}
