using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>
/// A phrase the sales-practice sources tell reps never to say (spec §1, §7). The phrases of all such
/// rules are matched together by <see cref="PhraseChecker"/> in one pass.
/// </summary>
public abstract class BuiltInPhraseRule : Rule
{
    public abstract DiagnosticDescriptors.PhraseDescriptor Descriptor { get; }

    public abstract IReadOnlyList<string> Phrases { get; }

    /// <summary>What to say instead, offered as a quick fix; null when no one phrase fits.</summary>
    public virtual string? Replacement => null;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Descriptor];
}

/// <summary>VML1001: a mystery hook ("It's personal.") ends trust before it starts.</summary>
public sealed class DeceptiveHookRule : BuiltInPhraseRule
{
    public override DiagnosticDescriptors.PhraseDescriptor Descriptor => DiagnosticDescriptors.DeceptiveHook;
    public override IReadOnlyList<string> Phrases { get; } = ["it's personal", "it is personal", "personal matter"];
}

/// <summary>VML1002: asking for a callback without giving a reason.</summary>
public sealed class BeggingRule : BuiltInPhraseRule
{
    public override DiagnosticDescriptors.PhraseDescriptor Descriptor => DiagnosticDescriptors.BeggingForCallback;
    public override IReadOnlyList<string> Phrases { get; } =
    [
        "please call me back", "please give me a call back", "please return my call",
        "I'd appreciate it if you'd return my call", "call me back at your earliest convenience",
    ];
    public override string Replacement => "if this is of interest, you can reach me at";
}

/// <summary>VML1003: the message is about what the caller wants.</summary>
public sealed class AboutYouRule : BuiltInPhraseRule
{
    public override DiagnosticDescriptors.PhraseDescriptor Descriptor => DiagnosticDescriptors.AboutYou;
    public override IReadOnlyList<string> Phrases { get; } =
    [
        "I'm calling to introduce myself", "I'd like to introduce myself",
        "I'd like to tell you about my services", "just calling to see if you need",
    ];
}

/// <summary>VML1004: words that fill time and give no reason.</summary>
public sealed class FillerRule : BuiltInPhraseRule
{
    public override DiagnosticDescriptors.PhraseDescriptor Descriptor => DiagnosticDescriptors.EmptyFiller;
    public override IReadOnlyList<string> Phrases { get; } = ["just checking in", "touching base", "just following up", "sorry to bother you"];
}

/// <summary>VML1005: selling in a voicemail.</summary>
public sealed class HardSellRule : BuiltInPhraseRule
{
    public override DiagnosticDescriptors.PhraseDescriptor Descriptor => DiagnosticDescriptors.HardSell;
    public override IReadOnlyList<string> Phrases { get; } = ["buy now", "act now", "limited time offer", "special discount"];
}
