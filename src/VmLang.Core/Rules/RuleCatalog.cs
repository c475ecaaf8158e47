namespace VmLang.Rules;

/// <summary>Every rule the checker runs. A new rule is one class here and one descriptor in the table.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<BuiltInPhraseRule> BuiltInPhraseRules { get; } =
    [
        new DeceptiveHookRule(),
        new BeggingRule(),
        new AboutYouRule(),
        new FillerRule(),
        new HardSellRule(),
    ];

    public static IReadOnlyList<TemplateRule> TemplateRules { get; } =
    [
        new PhraseScanRule(),
        new MissingRoleRule(),
        new UnsaidSlotRule(),
        new TooLongRule(),
        new ProspectFirstRule(),
        new GatekeeperPitchRule(),
        new IfYouCouldRule(),
    ];

    public static IReadOnlyList<SequenceRule> SequenceRules { get; } = [new StepsTooCloseRule()];
}
