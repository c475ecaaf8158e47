using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// The spoken-length estimate of spec §5 and §7: words ÷ words per minute × 60, plus one
/// <c>pauseSeconds</c> between consecutive sentences (<see cref="Sentences"/>, the same breaks the
/// SSML output writes). A digit read on its own — one of the contact number, which SSML marks as a
/// telephone number, or a digit's name in a run such as <c>spoken</c> writes ("eight one seven") —
/// counts <see cref="DigitWords"/> of a word (docs/spoken-length.md has the calibration against
/// espeak-ng). The counting rules are <see cref="SpokenCount"/>'s; this feeds it whole scripts.
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

    public static int EstimateWords(TemplateSymbol template, WorkspaceConfiguration configuration)
    {
        var script = EstimatedScript.Start();
        try
        {
            script.Append(template, configuration);
            return CountWords(script.Text);
        }
        finally
        {
            script.Return();
        }
    }

    public static double EstimateSeconds(TemplateSymbol template, WorkspaceConfiguration configuration)
    {
        var script = EstimatedScript.Start();
        try
        {
            script.Append(template, configuration);
            return ScriptSeconds(script.Text, telephone: null, configuration);
        }
        finally
        {
            script.Return();
        }
    }

    /// <summary>The spoken length of a rendered script whose contact value is <paramref name="telephone"/>.</summary>
    public static double ScriptSeconds(string script, string? telephone, WorkspaceConfiguration configuration) =>
        ScriptSeconds(script.AsSpan(), telephone, configuration);

    /// <summary>
    /// <see cref="ScriptSeconds(string, string?, WorkspaceConfiguration)"/> of a script held in a span (a
    /// buffer the caller reuses): one pass over it, allocating nothing.
    /// </summary>
    public static double ScriptSeconds(ReadOnlySpan<char> script, string? telephone, WorkspaceConfiguration configuration) =>
        Count(script, telephone).Seconds(configuration);

    /// <summary>The template's <c>max</c>, else the workspace's <c>maxSeconds</c>.</summary>
    public static int BudgetSeconds(TemplateSymbol template, WorkspaceConfiguration configuration) =>
        template.MaxSeconds ?? configuration.MaxSeconds;

    /// <summary>Seconds as messages and hovers show them: one decimal at most (<c>21.6</c>, <c>30</c>).</summary>
    public static string Format(double seconds) => seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Words as a listener hears them: runs of text holding a letter or digit.</summary>
    public static int CountWords(string text) => CountWords(text.AsSpan());

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = default(SpokenCount);
        count.Text(text, 0, text.Length);
        count.End();
        // Each word is a word or, in a run of digit names, a digit.
        return count.Words + count.Digits;
    }

    /// <summary>
    /// What <paramref name="text"/> says (<see cref="SpokenCount"/>), in one pass, with no pieces made: the count
    /// is the one of the pieces of <see cref="Sentences.Split(string, string?)"/>. The contact number and a sentence
    /// end each end a text piece, and so a run of digit names.
    /// </summary>
    private static SpokenCount Count(ReadOnlySpan<char> text, string? telephone)
    {
        var number = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        // Trailing whitespace is not spoken: a sentence that ends there has no pause after it.
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        text = text[..end];

        var count = default(SpokenCount);
        var from = 0;
        if (number is not null)
        {
            for (var at = NextNumber(text, number, 0); at != int.MaxValue; at = NextNumber(text, number, from))
            {
                count.Text(text, from, at);
                count.Number(number);
                from = at + number.Length;
            }
        }
        count.Text(text, from, text.Length);
        count.End();
        return count;
    }

    /// <summary>
    /// Where the contact number next starts at or after <paramref name="from"/> (the start of the text or the
    /// end of the number before), as <see cref="Sentences.Split(string, string?)"/> finds it; int.MaxValue when nowhere.
    /// </summary>
    private static int NextNumber(ReadOnlySpan<char> text, string number, int from)
    {
        for (var at = from; at < text.Length;)
        {
            var found = text[at..].IndexOf(number.AsSpan());
            if (found < 0) return int.MaxValue;
            found += at;
            // Sentences.Split steps over a surrogate pair as one, so it never sees a number that starts with
            // a low surrogate right after a high one (unless the number before ends there).
            if (found > from && char.IsLowSurrogate(number[0]) && char.IsHighSurrogate(text[found - 1]))
            {
                at = found + 1;
                continue;
            }
            return found;
        }
        return int.MaxValue;
    }

    private static string HoleText(BoundSlotHole hole, WorkspaceConfiguration configuration)
    {
        if (hole.Slot is not { } slot) return "";
        if (hole.IsSingleWord) return EstimatedWords(Role.SingleWordEstimate);
        if (slot.DefaultValue is { } value) return value;
        return slot.Role is { } role ? EstimatedWords(configuration.EstimatedWords(role)) : "";
    }

    private static string EstimatedWords(int count) =>
        (uint)count < (uint)EstimatedWordRuns.Length ? EstimatedWordRuns[count] : string.Join(' ', Enumerable.Repeat(EstimatedWord, count));

    // Every template says a handful of holes of a few words each: their estimates are made once.
    private static readonly string[] EstimatedWordRuns =
        [.. Enumerable.Range(0, 64).Select(count => string.Join(' ', Enumerable.Repeat(EstimatedWord, count)))];

    /// <summary>
    /// The script a template gives with each hole at its estimate (see the remarks), written into a buffer
    /// kept per thread rather than a string: a workspace estimates thousands of templates. Ifs take the
    /// branch that is longer to say.
    /// </summary>
    private sealed class EstimatedScript
    {
        [ThreadStatic]
        private static EstimatedScript? ForThread;

        private char[] _chars = new char[4096];
        private int _length;
        private WorkspaceConfiguration _configuration = WorkspaceConfiguration.Default;

        public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        public static EstimatedScript Start()
        {
            var script = ForThread ?? new EstimatedScript();
            ForThread = null;
            script._length = 0;
            return script;
        }

        public void Return()
        {
            if (_chars.Length <= 1 << 16) ForThread = this;
        }

        public void Append(TemplateSymbol template, WorkspaceConfiguration configuration)
        {
            _configuration = configuration;
            if (template.Say is not null) Append(template.Say.Body);
        }

        // Recursive: the binder bounds a bound tree's depth (SayBinder.MaxIfDepth), so the stack is too.
        private void Append(ImmutableArray<BoundSayNode> nodes)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    // The raw source has the same words and sentence ends as the unindented value: only whitespace differs.
                    case BoundText text:
                        Append(text.Syntax.Token.TextAsSpan);
                        break;
                    case BoundStringHole literal:
                        Append(' ');
                        Append(literal.Value);
                        Append(' ');
                        break;
                    case BoundSlotHole hole:
                        Append(' ');
                        Append(HoleText(hole, _configuration));
                        Append(' ');
                        break;
                    case BoundIf branch:
                        // Both branches are written after the text so far; the longer is kept there.
                        Append(' ');
                        var then = _length;
                        Append(branch.Then);
                        var otherwise = _length;
                        Append(branch.Else);
                        var end = _length;
                        var elseText = _chars.AsSpan(otherwise, end - otherwise);
                        if (ScriptSeconds(elseText, null, _configuration) > ScriptSeconds(_chars.AsSpan(then, otherwise - then), null, _configuration))
                        {
                            elseText.CopyTo(_chars.AsSpan(then));
                            _length = then + elseText.Length;
                        }
                        else
                        {
                            _length = otherwise;
                        }
                        Append(' ');
                        break;
                }
            }
        }

        private void Append(char c)
        {
            if (_length == _chars.Length) Grow(1);
            _chars[_length++] = c;
        }

        private void Append(ReadOnlySpan<char> text)
        {
            if (_chars.Length - _length < text.Length) Grow(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        private void Grow(int more) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
    }
}
