using VmLang.Binding;

namespace VmLang.Tests.Syntax;

/// <summary>
/// One line per place a symbol is declared or named, for the <c>.symbols.vml</c> baselines (Bicep's
/// <c>.symbols.bicep</c>): its kind, its name qualified by its template, and what binding found out about it.
/// </summary>
internal static class SymbolDumper
{
    public static string Describe(SymbolOccurrence occurrence) =>
        occurrence.IsDeclaration
            ? Describe(occurrence.Symbol)
            : $"reference to {occurrence.Symbol.Kind.ToString().ToLowerInvariant()} {QualifiedName(occurrence.Symbol)} declared at {Where(occurrence)}";

    private static string Describe(Symbol symbol) => symbol switch
    {
        TemplateSymbol t => $"template {t.Name} for {t.Channel.ToString().ToLowerInvariant()}: {Count(t.Slots.Length, "slot")}"
            + (t.Rulesets.IsEmpty ? "" : ", uses " + string.Join(", ", t.Rulesets.Select(r => r.Name)))
            + (t.MaxSeconds is { } max ? $", max {max}s" : "")
            + (t.Say is null ? ", no say" : ""),
        SlotSymbol s => $"slot {QualifiedName(s)} : {s.Role?.Name ?? "unknown role '" + s.Syntax.Role.Text + "'"}"
            + (s.IsOptional ? " optional" : "")
            + (s.DefaultValue is { } value ? $" = \"{value}\"" : ""),
        RulesetSymbol r => $"ruleset {r.Name}: {Count(r.Rules.Length, "rule")}",
        SequenceSymbol q => $"sequence {q.Name}: days " + string.Join(", ", q.Steps.Select(step => $"{step.Day} {step.Template?.Name ?? "?"}")),
        _ => symbol.ToString(),
    };

    private static string QualifiedName(Symbol symbol) => symbol is SlotSymbol slot ? $"{slot.Template.Name}.{slot.Name}" : symbol.Name;

    /// <summary>Where the symbol is declared: line and column, after the file name when it is another file.</summary>
    private static string Where(SymbolOccurrence reference)
    {
        var declared = reference.Symbol.Location;
        var start = declared.LineSpan.Start;
        var file = reference.Symbol.SyntaxTree == reference.SyntaxTree ? "" : declared.FilePath + " ";
        return $"{file}{start.Line + 1}:{start.Character + 1}";
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
