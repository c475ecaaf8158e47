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

    /// <summary>File, lexical and syntax errors (VML0001–VML0003, VML0005), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(string text, string filePath = "") => Parse(new SourceText(text), filePath);

    public static SyntaxTree Parse(SourceText text, string filePath = "")
    {
        var diagnostics = new List<Diagnostic>();
        AddEncodingProblem(diagnostics, text, filePath);
        var lexer = new Lexer(text, filePath, diagnostics);
        var root = new Parser(lexer, text, filePath, diagnostics).ParseCompilationUnit();
        return new SyntaxTree(filePath, text, root, Ordered(diagnostics));
    }

    /// <summary>
    /// The tree of <paramref name="newText"/>, an edited copy of this tree's text, as <see cref="Parse(SourceText, string)"/>
    /// gives it, but reusing the declarations that lie wholly before the first changed character: the
    /// language server reparses on every keystroke, and most of a file is usually before the caret.
    /// </summary>
    /// <remarks>
    /// A kept declaration is moved to the new tree (its parent becomes the new root). Its text, and the
    /// character after it that ended its trailing trivia, are the same in both texts, so this tree still
    /// reads the same trivia through it.
    /// </remarks>
    public SyntaxTree WithChangedText(SourceText newText)
    {
        var unchanged = Text.Text.AsSpan().CommonPrefixLength(newText.Text);
        var declarations = Root.Declarations;
        var kept = 0;
        // A declaration closed by its own `}` ends with the lexer back in declaration mode and the parser
        // at a fresh start, so parsing can resume right after it.
        while (kept < declarations.Length && declarations[kept].CloseBrace is { IsMissing: false }
               && declarations[kept].FullSpan.End < unchanged)
        {
            kept++;
        }
        if (kept == 0) return Parse(newText, FilePath);

        var lastKept = declarations[kept - 1];
        var resumeAt = lastKept.FullSpan.End;
        var closeBrace = lastKept.CloseBrace;
        // Diagnostics inside the kept declarations stay; one just after a `}` came from what follows, which is parsed again.
        var diagnostics = new List<Diagnostic>();
        AddEncodingProblem(diagnostics, newText, FilePath);
        foreach (var diagnostic in Diagnostics)
        {
            // The old text's encoding problem belongs to its bytes, not to the declarations kept.
            if (diagnostic.Descriptor == DiagnosticDescriptors.NotUtf8) continue;
            if (diagnostic.Location.Span.Start < closeBrace.Span.End) diagnostics.Add(diagnostic with { Location = new Location(FilePath, newText, diagnostic.Location.Span) });
        }
        var lexer = new Lexer(newText, FilePath, diagnostics, resumeAt);
        var root = new Parser(lexer, newText, FilePath, diagnostics, previous: closeBrace).ParseCompilationUnit(declarations[..kept]);
        return new SyntaxTree(FilePath, newText, root, Ordered(diagnostics));
    }

    /// <summary>VML0005, once, at the first byte that is not UTF-8 (or at the start, for a UTF-16/32 mark).</summary>
    private static void AddEncodingProblem(List<Diagnostic> diagnostics, SourceText text, string filePath)
    {
        if (text.EncodingProblem is { } problem)
        {
            diagnostics.Add(DiagnosticDescriptors.NotUtf8.Create(new Location(filePath, text, problem.Span), problem.Description));
        }
    }

    private static ImmutableArray<Diagnostic> Ordered(List<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)];

    public Location GetLocation(TextSpan span) => new(FilePath, Text, span);

    public Location GetLocation(SyntaxElement element) => GetLocation(element.Span);
}
