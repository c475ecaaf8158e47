using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Checking;

/// <summary>
/// A file's diagnostics asked for before the workspace's (a hover while typing) are found for that file
/// alone, and are exactly the workspace's diagnostics in that file.
/// </summary>
public class FileDiagnosticsTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("a.vml", Check.Template("a", members: "allow VML0203 because \"Kept.\"\n  slot note : text optional\n  use house")
            + Check.Template("b", members: "allow VML1004 because \"Unused.\"", say: Check.Everything + " Head south. It's personal.")
            + "sequence s {\n  day 1 a\n  day 2 b\n}\n"),
        ("house.vml", "ruleset house { forbid \"south\" because \"We sell north.\" }\n" + Check.Template("b")),
        ("c.vml", Check.Template("c", say: "Hi {{ nobody }}.") + "sequence t {\n  day 1 c\n  day 2 a\n}\n"),
    ];

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Location.FilePath}:{d.Location.Span} {d.Severity} {d.Code} {d.Message}")];

    [Theory]
    [InlineData("a.vml")]
    [InlineData("house.vml")]
    [InlineData("c.vml")]
    public void A_files_diagnostics_alone_are_the_workspaces_in_that_file(string path)
    {
        var created = Compilation.Create(Files.Select(f => SyntaxTree.Parse(f.Text, f.Path)));
        var expected = Describe(created.GetDiagnostics().Where(d => d.Location.FilePath == path));
        Assert.NotEmpty(expected);

        // Edited twice, the first one checked: the second reuses its findings, and its own are not computed yet.
        var first = created.WithText("c.vml", new SourceText(Files[2].Text));
        _ = first.GetDiagnostics();
        var edited = first.WithText("a.vml", new SourceText(Files[0].Text));

        Assert.Equal(expected, Describe(edited.GetSemanticModel(edited.GetSyntaxTree(path)!).GetDiagnostics()));
        var fresh = Compilation.Create(Files.Select(f => SyntaxTree.Parse(f.Text, f.Path)));
        Assert.Equal(expected, Describe(fresh.GetSemanticModel(fresh.GetSyntaxTree(path)!).GetDiagnostics()));
    }
}
