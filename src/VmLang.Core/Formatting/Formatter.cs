using VmLang.Syntax;

namespace VmLang.Formatting;

/// <summary>
/// The canonical layout of a <c>.vml</c> file, shared by <c>vmlang fmt</c> and the language server:
/// one statement per line, members indented two spaces, single spaces between tokens, one blank line
/// between declarations, text blocks re-indented without changing their value, holes spaced as
/// <c>{{ x | f }}</c>, comments kept where they were, the file's line endings, and a final newline.
/// </summary>
/// <remarks>
/// A file with syntax errors is returned unchanged: laying out a tree with missing or skipped tokens
/// is how formatters lose what the user typed.
/// </remarks>
public static class Formatter
{
    public const int IndentSize = 2;

    public static string Format(string text) => Format(SyntaxTree.Parse(text));

    public static string Format(SyntaxTree tree) =>
        CanFormat(tree) ? new FormattingWalker(tree).Format() : tree.Text.Text;

    /// <summary>True when the tree has no syntax errors, so every character of it is in a real token or a comment.</summary>
    public static bool CanFormat(SyntaxTree tree) =>
        tree.Diagnostics.IsEmpty
        && !tree.Root.DescendantTokens().Any(t => t.IsMissing
            || t.LeadingTrivia.Any(IsSkipped)
            || t.TrailingTrivia.Any(IsSkipped));

    private static bool IsSkipped(SyntaxTrivia trivia) =>
        trivia.Kind is SyntaxKind.SkippedTextTrivia or SyntaxKind.SkippedTokensTrivia;
}
