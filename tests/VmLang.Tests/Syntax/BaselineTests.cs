using System.Text;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Tests.Syntax;

/// <summary>
/// For every <c>Baselines/NAME.vml</c>: the syntax tree (<c>NAME.syntax.txt</c>) and the source with each
/// diagnostic written under the line it starts on (<c>NAME.diagnostics.vml</c>), as Bicep does.
/// </summary>
public class BaselineTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "VmLang.Tests", "Baselines");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.vml").Where(f => !f.EndsWith(".diagnostics.vml", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Syntax_tree_matches_baseline(string name)
    {
        var tree = SyntaxTree.Parse(File.ReadAllText(Path.Combine(Folder, name + ".vml")), name + ".vml");
        BaselineAssert.Matches(Path.Combine(Folder, name + ".syntax.txt"), SyntaxDumper.Dump(tree.Root));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Diagnostics_match_baseline(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".vml"));
        var tree = SyntaxTree.Parse(text, name + ".vml");
        var diagnostics = Compilation.Create([tree]).GetDiagnostics();
        BaselineAssert.Matches(Path.Combine(Folder, name + ".diagnostics.vml"), Annotate(tree, diagnostics));
    }

    private static string Annotate(SyntaxTree tree, IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = tree.Text;
        var byLine = diagnostics.ToLookup(d => d.Location.LineSpan.Start.Line);
        var output = new StringBuilder();
        for (var line = 0; line < text.LineCount; line++)
        {
            var content = text.ToString(VmLang.Text.TextSpan.FromBounds(text.GetLineStart(line), text.GetLineContentEnd(line)));
            output.Append(content).Append('\n');
            foreach (var diagnostic in byLine[line])
            {
                var span = diagnostic.Location.LineSpan;
                output.Append($"//@[{span.Start.Line + 1}:{span.Start.Character + 1}-{span.End.Line + 1}:{span.End.Character + 1}) ")
                    .Append($"{diagnostic.Severity.ToText()} {diagnostic.Code}: {diagnostic.Message}\n");
            }
        }
        return output.ToString();
    }
}
