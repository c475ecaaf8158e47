using Pidgin;

namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>
/// The spec's grammar (§3, §4, §6) as Pidgin parsers: an oracle for the hand-written production parser.
/// It only decides accept or reject and the shape of what it accepts; it recovers from nothing.
/// </summary>
internal static class ReferenceParser
{
    private static readonly Parser<char, IReadOnlyList<DeclarationShape>> SpecFile = Declarations.File(ClosingLineRule.Spec);
    private static readonly Parser<char, IReadOnlyList<DeclarationShape>> StartsWithQuotesFile = Declarations.File(ClosingLineRule.StartsWithQuotes);

    /// <summary>The file's declarations, or null when the spec's grammar rejects it.</summary>
    public static IReadOnlyList<DeclarationShape>? Parse(string text, ClosingLineRule rule = ClosingLineRule.Spec)
    {
        var result = (rule == ClosingLineRule.Spec ? SpecFile : StartsWithQuotesFile).Parse(text);
        return result.Success ? result.Value : null;
    }
}
