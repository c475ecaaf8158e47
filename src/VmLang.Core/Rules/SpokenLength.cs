using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;

namespace VmLang.Rules;

/// <summary>
/// The spoken-length estimate of spec §5 and §7: literal words plus each hole's estimated words
/// (its default's words when it has one, one word under first/last), the longer branch of each if,
/// divided by words per minute.
/// </summary>
public static class SpokenLength
{
    public static int EstimateWords(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        template.Say is null ? 0 : Words(template.Say.Body, configuration);

    public static double EstimateSeconds(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        SecondsFor(EstimateWords(template, configuration), configuration);

    public static double SecondsFor(int words, WorkspaceConfiguration configuration) =>
        words * 60.0 / configuration.WordsPerMinute;

    /// <summary>The template's <c>max</c>, else the workspace's <c>maxSeconds</c>.</summary>
    public static int BudgetSeconds(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        template.MaxSeconds ?? configuration.MaxSeconds;

    /// <summary>Seconds as messages and hovers show them: one decimal at most (<c>21.6</c>, <c>30</c>).</summary>
    public static string Format(double seconds) => seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Words as a listener hears them: runs of text holding a letter or digit.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasContent) count++;
                inWord = wordHasContent = false;
                continue;
            }
            inWord = true;
            wordHasContent |= char.IsLetterOrDigit(c);
        }
        return inWord && wordHasContent ? count + 1 : count;
    }

    // Recursive: the binder bounds a bound tree's depth (SayBinder.MaxIfDepth), so the stack is too.
    private static int Words(ImmutableArray<BoundSayNode> nodes, WorkspaceConfiguration configuration)
    {
        var words = 0;
        foreach (var node in nodes)
        {
            words += node switch
            {
                // The raw source has the same words as the unindented value: only whitespace differs.
                BoundText text => CountWords(text.Syntax.Token.Text),
                BoundStringHole literal => CountWords(literal.Value),
                BoundSlotHole hole => HoleWords(hole, configuration),
                BoundIf branch => Math.Max(Words(branch.Then, configuration), Words(branch.Else, configuration)),
                _ => 0,
            };
        }
        return words;
    }

    private static int HoleWords(BoundSlotHole hole, WorkspaceConfiguration configuration)
    {
        if (hole.Slot is not { } slot) return 0;
        if (hole.IsSingleWord) return Role.SingleWordEstimate;
        if (slot.DefaultValue is { } value) return CountWords(value);
        return slot.Role is { } role ? configuration.EstimatedWords(role) : 0;
    }
}
