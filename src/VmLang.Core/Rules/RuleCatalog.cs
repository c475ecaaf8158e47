namespace VmLang.Rules;

/// <summary>Every rule the checker runs. A new rule is one class here and one descriptor in the table.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<TemplateRule> TemplateRules { get; } =
    [
        new MissingRoleRule(),
        new UnsaidSlotRule(),
    ];

    public static IReadOnlyList<SequenceRule> SequenceRules { get; } = [];

    public static IReadOnlyList<CompilationRule> CompilationRules { get; } = [];
}
