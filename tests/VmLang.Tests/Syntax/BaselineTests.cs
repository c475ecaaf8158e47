using System.Text;
using VmLang.Diagnostics;
using VmLang.Formatting;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Syntax;

/// <summary>
/// For every <c>Baselines/NAME.vml</c>, as Bicep does: the syntax tree (<c>NAME.syntax.txt</c>); the source
/// with each diagnostic (<c>NAME.diagnostics.vml</c>) and each declared or referenced symbol
/// (<c>NAME.symbols.vml</c>) written under the line it starts on; and what <c>vmlang fmt</c> makes of it
/// (<c>NAME.formatted.vml</c>). <c>UPDATE_BASELINES=1</c> rewrites them all (<see cref="BaselineAssert"/>).
/// </summary>
public class BaselineTests
{
    private static readonly string Folder = TestPaths.BaselinesFolder;

    public static TheoryData<string> Inputs() => [.. TestPaths.BaselineInputs];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Syntax_tree_matches_baseline(string name)
    {
        var tree = Parse(name);
        BaselineAssert.Matches(Path.Combine(Folder, name + ".syntax.txt"), SyntaxDumper.Dump(tree.Root));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Diagnostics_match_baseline(string name)
    {
        var tree = Parse(name);
        var diagnostics = Compilation.Create([tree]).GetDiagnostics();
        BaselineAssert.Matches(
            Path.Combine(Folder, name + ".diagnostics.vml"),
            Annotate(tree, diagnostics.Select(d => (d.Location.Span, $"{d.Severity.ToText()} {d.Code}: {d.Message}"))));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Symbols_match_baseline(string name)
    {
        var tree = Parse(name);
        var compilation = Compilation.Create([tree]);
        BaselineAssert.Matches(
            Path.Combine(Folder, name + ".symbols.vml"),
            Annotate(tree, compilation.GetOccurrences(tree).Select(o => (o.Span, SymbolDumper.Describe(o)))));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Formatted_text_matches_baseline_and_formats_to_itself(string name)
    {
        var formatted = Formatter.Format(Parse(name));
        BaselineAssert.Matches(Path.Combine(Folder, name + ".formatted.vml"), formatted);
        Assert.Equal(formatted, Formatter.Format(formatted));
    }

    private static SyntaxTree Parse(string name) => SyntaxTree.Parse(File.ReadAllText(TestPaths.BaselineInput(name)), name + ".vml");

    /// <summary>The source, each note under the line its span starts on as <c>//@[line:col-line:col) note</c>, one-based.</summary>
    private static string Annotate(SyntaxTree tree, IEnumerable<(TextSpan Span, string Note)> notes)
    {
        var text = tree.Text;
        var byLine = notes
            .Select(n => (Position: text.GetLinePositionSpan(n.Span), n.Note))
            .ToLookup(n => n.Position.Start.Line);
        var output = new StringBuilder();
        for (var line = 0; line < text.LineCount; line++)
        {
            output.Append(text.ToString(TextSpan.FromBounds(text.GetLineStart(line), text.GetLineContentEnd(line)))).Append('\n');
            foreach (var (span, note) in byLine[line])
            {
                output.Append($"//@[{span.Start.Line + 1}:{span.Start.Character + 1}-{span.End.Line + 1}:{span.End.Character + 1}) ")
                    .Append(note).Append('\n');
            }
        }
        return output.ToString();
    }
}
