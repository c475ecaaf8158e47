using VmLang.Syntax;
using VmLang.Tests.Fuzzing.ReferenceGrammar;

namespace VmLang.Tests.Fuzzing;

internal enum VerdictKind { Agree, KnownRow19, Disagree }

internal sealed record Verdict(VerdictKind Kind, IReadOnlyList<DeclarationShape>? Production, IReadOnlyList<DeclarationShape>? Reference)
{
    public bool ReferenceAccepts => Reference is not null;

    public string Explain(string text) =>
        $"The parsers disagree.\nproduction: {Describe(Production)}\nreference:  {Describe(Reference)}\ntext: {System.Text.Json.JsonSerializer.Serialize(text)}";

    private static string Describe(IReadOnlyList<DeclarationShape>? shape) => shape is null ? "rejects" : "accepts " + string.Join(" ", shape);
}

/// <summary>Compares the production parser with the reference grammar on one file.</summary>
internal static class Differential
{
    public static Verdict Compare(string text)
    {
        var tree = SyntaxTree.Parse(text);
        var production = ProductionShape.Accepts(tree) ? ProductionShape.Of(tree) : null;
        var reference = ReferenceParser.Parse(text);
        if (Same(production, reference)) return new Verdict(VerdictKind.Agree, production, reference);
        // Row 19: explained when production reads the file exactly as the grammar does under production's closing rule.
        var known = KnownCases.Row19IsOpen && Same(production, ReferenceParser.Parse(text, ClosingLineRule.StartsWithQuotes));
        return new Verdict(known ? VerdictKind.KnownRow19 : VerdictKind.Disagree, production, reference);
    }

    private static bool Same(IReadOnlyList<DeclarationShape>? a, IReadOnlyList<DeclarationShape>? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Count == b.Count && a.Zip(b).All(pair => pair.First.Kind == pair.Second.Kind && pair.First.Name == pair.Second.Name
                && pair.First.Members.SequenceEqual(pair.Second.Members));
}
