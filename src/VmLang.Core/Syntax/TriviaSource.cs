using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>Which lexer rules produced a run of trivia, so it can be scanned again the same way.</summary>
internal enum TriviaMode : byte
{
    Leading,
    Trailing,
    Hole,
}

/// <summary>
/// Builds a token's trivia on first use. Most trees are parsed, bound and thrown away without anyone
/// looking at a space or a line break, so the lexer keeps only each token's full span and scans the
/// trivia again (deterministically, with the same rules) when the formatter or an editor asks.
/// </summary>
internal sealed class TriviaSource(SourceText text)
{
    public SourceText Text { get; } = text;

    public ImmutableArray<SyntaxTrivia> Scan(int start, int end, TriviaMode mode)
    {
        if (start == end) return ImmutableArray<SyntaxTrivia>.Empty;
        // Problems in trivia were reported by the first scan; the second one's are dropped.
        var trivia = new Lexer(Text, "", new List<Diagnostic>(), start).RescanTrivia(mode);
        return trivia;
    }
}
