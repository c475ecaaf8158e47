using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>One parsed <c>.vml</c> file. Parsing never throws; problems are in <see cref="Diagnostics"/>.</summary>
public sealed class SyntaxTree
{
    private SyntaxTree(string filePath, SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public SourceText Text { get; }

    public CompilationUnitSyntax Root { get; }

    /// <summary>Lexical and syntax errors (VML0001–VML0003), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(string text, string filePath = "") => Parse(new SourceText(text), filePath);

    public static SyntaxTree Parse(SourceText text, string filePath = "")
    {
        var diagnostics = new List<Diagnostic>();
        var lexer = new Lexer(text, filePath, diagnostics);
        var root = new Parser(lexer, text, filePath, diagnostics).ParseCompilationUnit();
        var ordered = diagnostics.OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToImmutableArray();
        return new SyntaxTree(filePath, text, root, ordered);
    }

    public Location GetLocation(TextSpan span) => new(FilePath, Text, span);

    public Location GetLocation(SyntaxElement element) => GetLocation(element.Span);
}
