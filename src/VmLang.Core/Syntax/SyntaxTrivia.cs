using System.Collections.Immutable;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>Text the grammar ignores but the tree keeps, so that every character of the input round-trips.</summary>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, int Position, string Text)
{
    /// <summary>For <see cref="SyntaxKind.SkippedTokensTrivia"/>: the tokens the parser stepped over.</summary>
    public ImmutableArray<SyntaxToken> SkippedTokens { get; init; } = ImmutableArray<SyntaxToken>.Empty;

    public TextSpan Span => new(Position, Text.Length);

    public bool IsComment => Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia;

    public static SyntaxTrivia Skipped(ImmutableArray<SyntaxToken> tokens)
    {
        var text = string.Concat(tokens.Select(t => t.ToFullString()));
        return new SyntaxTrivia(SyntaxKind.SkippedTokensTrivia, tokens[0].FullSpan.Start, text) { SkippedTokens = tokens };
    }
}
