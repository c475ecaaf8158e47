using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static VmLang.Tests.Fuzzing.ReferenceGrammar.Lexical;

namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>How a text block's closing line is recognised.</summary>
internal enum ClosingLineRule
{
    /// <summary>
    /// Spec §3: "a line holding only whitespace and `"""`". A line that starts with `"""` and has more
    /// text after it is content.
    /// </summary>
    Spec,

    /// <summary>
    /// The production lexer's rule until issue 12 row 19 is fixed: any line that starts with whitespace
    /// and `"""` closes the block, and what follows is read as declarations. Used only to recognise that known case.
    /// </summary>
    StartsWithQuotes,
}

/// <summary>
/// Spec §3, text blocks: `"""` then a newline; content lines; a closing line. Inside, `{{ … }}` is a hole
/// (<see cref="Holes"/>) and everything else is literal text. The result is the block's holes in order.
/// </summary>
internal static class TextBlocks
{
    private const string Quotes = "\"\"\"";

    private static readonly Parser<char, Unit> LineSpacing = Token(IsWhitespace).SkipMany();

    // Only whitespace may follow the opening quotes on their line.
    private static readonly Parser<char, Unit> Opening = String(Quotes).Then(LineSpacing).Then(NewLine);

    private static Parser<char, Unit> ClosingLine(ClosingLineRule rule) => rule == ClosingLineRule.Spec
        ? Try(LineSpacing.Then(String(Quotes)).Then(LineSpacing).Then(Lookahead(LineEndOrEnd)))
        : Try(LineSpacing.Then(String(Quotes)).IgnoreResult());

    // Literal text: anything on the line but the `{{` that opens a hole.
    private static readonly Parser<char, Unit> Text =
        OneOf(Token(c => c is not ('{' or '\n' or '\r')).IgnoreResult(), Try(Char('{').Then(Not(Char('{'))))).SkipAtLeastOnce();

    private static readonly Parser<char, IEnumerable<string>> ContentLine =
        OneOf(Holes.Hole.Select(hole => (string?)hole), Text.ThenReturn((string?)null))
            .Many()
            .Before(NewLine) // a block that runs to the end of the file is VML0002
            .Select(parts => parts.OfType<string>());

    public static Parser<char, IReadOnlyList<string>> TextBlock(ClosingLineRule rule) =>
        Opening
            .Then(ContentLine.Until(ClosingLine(rule)))
            .Select(lines => (IReadOnlyList<string>)[.. lines.SelectMany(holes => holes)]);
}
