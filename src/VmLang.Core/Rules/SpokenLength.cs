using System.Collections.Immutable;
using System.Text;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Emit;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// The spoken-length estimate of spec §5 and §7: words ÷ words per minute × 60, plus one
/// <c>pauseSeconds</c> between consecutive sentences (<see cref="Sentences"/>, the same breaks the
/// SSML output writes). A digit read on its own — one of the contact number, which SSML marks as a
/// telephone number, or a digit's name in a run such as <c>spoken</c> writes ("eight one seven") —
/// counts <see cref="DigitWords"/> of a word (docs/spoken-length.md has the calibration against
/// espeak-ng).
/// </summary>
/// <remarks>
/// A template is estimated from the script it would give with every hole filled by its estimate:
/// literal words, each hole's estimated words (its default's words when it has one, one word
/// under first/last, else its role's), and the longer branch of each if. A hole is taken to be
/// separated from the text around it, so a mark right before a hole ends a sentence.
/// </remarks>
public static class SpokenLength
{
    /// <summary>
    /// Words per digit read on its own. A digit is a short word, but espeak-ng at 150 words per
    /// minute says ten digits of a telephone number in 3.8 s while it says the other words of a
    /// script faster than 150 a minute; half a word per digit balances the two within 5 % on every
    /// example (see docs/spoken-length.md).
    /// </summary>
    public const double DigitWords = 0.5;

    /// <summary>What a hole stands for in a template's estimated script: a word that is nothing else.</summary>
    private const string EstimatedWord = "w";

    // One list of pieces per thread, reused: the render path estimates every row's script.
    [ThreadStatic]
    private static List<SpokenPiece>? PiecesForThread;

    public static int EstimateWords(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        CountWords(EstimatedScript(template, configuration));

    public static double EstimateSeconds(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        ScriptSeconds(EstimatedScript(template, configuration), telephone: null, configuration);

    /// <summary>The spoken length of a rendered script whose contact value is <paramref name="telephone"/>.</summary>
    public static double ScriptSeconds(string script, string? telephone, WorkspaceConfiguration configuration)
    {
        var words = 0.0;
        var pauses = 0;
        var pieces = PiecesForThread ??= [];
        Sentences.Split(script, telephone, pieces);
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case SpokenPieceKind.Text:
                    words += SpokenWords(piece.In(script));
                    break;
                case SpokenPieceKind.Telephone:
                    words += CountDigits(piece.In(script)) * DigitWords;
                    break;
                case SpokenPieceKind.Pause:
                    pauses++;
                    break;
            }
        }
        return words * 60.0 / configuration.WordsPerMinute + pauses * configuration.PauseSeconds;
    }

    /// <summary>The template's <c>max</c>, else the workspace's <c>maxSeconds</c>.</summary>
    public static int BudgetSeconds(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        template.MaxSeconds ?? configuration.MaxSeconds;

    /// <summary>Seconds as messages and hovers show them: one decimal at most (<c>21.6</c>, <c>30</c>).</summary>
    public static string Format(double seconds) => seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Words as a listener hears them: runs of text holding a letter or digit.</summary>
    public static int CountWords(string text) => CountWords(text.AsSpan());

    public static int CountWords(ReadOnlySpan<char> text)
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

    /// <summary>
    /// The script the template gives with each hole at its estimate (see the remarks), built once
    /// per estimate; ifs take the branch that is longer to say.
    /// </summary>
    private static string EstimatedScript(TemplateSymbol template, WorkspaceConfiguration configuration)
    {
        // One builder a thread, kept between templates: a workspace estimates thousands of them.
        var script = ScriptForThread ?? new StringBuilder();
        ScriptForThread = null;
        script.Clear();
        if (template.Say is not null) Append(script, template.Say.Body, configuration);
        var text = script.ToString();
        if (script.Capacity <= 1 << 16) ScriptForThread = script;
        return text;
    }

    [ThreadStatic]
    private static StringBuilder? ScriptForThread;

    // Recursive: the binder bounds a bound tree's depth (SayBinder.MaxIfDepth), so the stack is too.
    private static void Append(StringBuilder script, ImmutableArray<BoundSayNode> nodes, WorkspaceConfiguration configuration)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                // The raw source has the same words and sentence ends as the unindented value: only whitespace differs.
                case BoundText text:
                    script.Append(text.Syntax.Token.Text);
                    break;
                case BoundStringHole literal:
                    script.Append(' ').Append(literal.Value).Append(' ');
                    break;
                case BoundSlotHole hole:
                    script.Append(' ').Append(HoleText(hole, configuration)).Append(' ');
                    break;
                case BoundIf branch:
                    var then = new StringBuilder();
                    var otherwise = new StringBuilder();
                    Append(then, branch.Then, configuration);
                    Append(otherwise, branch.Else, configuration);
                    var thenText = then.ToString();
                    var elseText = otherwise.ToString();
                    var longer = ScriptSeconds(elseText, null, configuration) > ScriptSeconds(thenText, null, configuration) ? elseText : thenText;
                    script.Append(' ').Append(longer).Append(' ');
                    break;
            }
        }
    }

    private static string HoleText(BoundSlotHole hole, WorkspaceConfiguration configuration)
    {
        if (hole.Slot is not { } slot) return "";
        if (hole.IsSingleWord) return EstimatedWords(Role.SingleWordEstimate);
        if (slot.DefaultValue is { } value) return value;
        return slot.Role is { } role ? EstimatedWords(configuration.EstimatedWords(role)) : "";
    }

    /// <summary>Words of text, a run of two or more digit names ("nine nine zero") counting <see cref="DigitWords"/> a name.</summary>
    private static double SpokenWords(ReadOnlySpan<char> text)
    {
        var words = 0.0;
        var digitRun = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            // A run without whitespace is one word when it holds a letter or digit (as CountWords counts).
            var hasContent = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) hasContent |= char.IsLetterOrDigit(text[i++]);
            if (!hasContent) continue;
            if (IsDigitName(text[start..i])) { digitRun++; continue; }
            words += RunWords(digitRun) + 1;
            digitRun = 0;
        }
        return words + RunWords(digitRun);

        static double RunWords(int run) => run >= 2 ? run * DigitWords : run;
    }

    private static bool IsDigitName(ReadOnlySpan<char> word)
    {
        // Digit names are three to five letters long; most words are not, and need no comparing.
        if (word.Length < 3) return false;
        var bare = word.Trim(",.;:!?");
        return bare.Length is >= 3 and <= 5 && Filters.IsDigitWord(bare);
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c)) count++;
        }
        return count;
    }

    private static string EstimatedWords(int count) =>
        (uint)count < (uint)EstimatedWordRuns.Length ? EstimatedWordRuns[count] : string.Join(' ', Enumerable.Repeat(EstimatedWord, count));

    // Every template says a handful of holes of a few words each: their estimates are made once.
    private static readonly string[] EstimatedWordRuns =
        [.. Enumerable.Range(0, 64).Select(count => string.Join(' ', Enumerable.Repeat(EstimatedWord, count)))];
}
