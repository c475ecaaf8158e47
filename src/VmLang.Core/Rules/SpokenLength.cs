using System.Collections.Immutable;
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
    public static double ScriptSeconds(ReadOnlySpan<char> script, string? telephone, WorkspaceConfiguration configuration)
    {
        var spoken = Count(script, telephone);
        // Every term is a whole number or a whole number of DigitWords, so the sum is the same in any order.
        var words = spoken.Words + (spoken.DigitNames + spoken.TelephoneDigits) * DigitWords;
        return words * 60.0 / configuration.WordsPerMinute + spoken.Pauses * configuration.PauseSeconds;
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

    /// <summary>What a script says, counted in one pass (see <see cref="Count"/>).</summary>
    private readonly record struct Spoken(int Words, int DigitNames, int TelephoneDigits, int Pauses);

    // What an ASCII character is to the count: whitespace and letter-or-digit as char.IsWhiteSpace and
    // char.IsLetterOrDigit say, a mark that can end a sentence (Sentences.EndsAt), a mark a digit name may
    // carry (IsDigitName trims it), or the first letter of a digit name in either case.
    private const byte Space = 1;
    private const byte Content = 2;
    private const byte SentenceMark = 4;
    private const byte NameMark = 8;
    private const byte NameStart = 16;
    private const string NameMarks = ",.;:!?";

    private static readonly byte[] AsciiKinds = [.. Enumerable.Range(0, 128).Select(c => (byte)(
        (char.IsWhiteSpace((char)c) ? Space : 0)
        | (char.IsLetterOrDigit((char)c) ? Content : 0)
        | (c is '.' or '!' or '?' ? SentenceMark : 0)
        | (NameMarks.Contains((char)c) ? NameMark : 0)
        | ("zotfsenZOTFSEN".Contains((char)c) ? NameStart : 0)))];

    /// <summary>
    /// The words, digit names in runs, digits of the contact number and pauses of <paramref name="text"/>,
    /// in one pass, with no pieces made: the count is the one of the pieces of <see cref="Sentences.Split(string, string?)"/>.
    /// A word is a run without whitespace holding a letter or digit (as <see cref="CountWords(ReadOnlySpan{char})"/>
    /// counts), and a digit name ("nine", "Zero,") in a run of two or more counts <see cref="DigitWords"/>; the
    /// contact number and a sentence end each end a text piece, and so a run; a pause is the whitespace after a
    /// sentence end when more is said after it.
    /// </summary>
    private static Spoken Count(ReadOnlySpan<char> text, string? telephone)
    {
        var number = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        // Trailing whitespace is not spoken: a sentence that ends there has no pause after it.
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        text = text[..end];

        var counts = default(Counts);
        var telephoneDigits = 0;
        var from = 0;
        if (number is not null)
        {
            for (var at = NextNumber(text, number, 0); at != int.MaxValue; at = NextNumber(text, number, from))
            {
                CountStretch(text[from..at], beforeNumber: true, ref counts);
                // The number is said after the pause of a sentence that ends before it, and ends the text piece before it.
                if (counts.Pause) counts.Pauses++;
                counts.Pause = false;
                counts.EndRun();
                telephoneDigits += CountDigits(number);
                from = at + number.Length;
            }
        }
        CountStretch(text[from..], beforeNumber: false, ref counts);
        counts.EndRun();
        return new Spoken(counts.Words, counts.DigitNames, telephoneDigits, counts.Pauses);
    }

    /// <summary>What <see cref="Count"/> has counted so far, and what is pending: a run of digit names, a pause.</summary>
    private struct Counts
    {
        public int Words;
        public int DigitNames;
        public int Run;
        public int Pauses;
        public bool Pause;

        /// <summary>A run of digit names ends (at a plain word, a sentence end, the number): one name is a word, two or more are digit names.</summary>
        public void EndRun()
        {
            if (Run >= 2) DigitNames += Run;
            else Words += Run;
            Run = 0;
        }
    }

    /// <summary>
    /// Counts the words and sentence ends of a stretch of the script with no contact number in it; with
    /// <paramref name="beforeNumber"/>, the number follows it, so a mark at its end ends no sentence.
    /// </summary>
    private static void CountStretch(ReadOnlySpan<char> text, bool beforeNumber, ref Counts counts)
    {
        if (System.Text.Ascii.IsValid(text)) CountAsciiWords(text, beforeNumber, ref counts);
        else CountAnyWords(text, beforeNumber, ref counts);
    }

    /// <summary>
    /// <see cref="CountStretch"/> of ASCII text, the text of nearly every script: a loop with no call in it, so that
    /// its state stays in registers. Must count as <see cref="CountAnyWords"/> does (the tests compare both with
    /// the definition).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "The estimate's hot loop, run on every rendered row: its state lives in locals.")]
    private static void CountAsciiWords(ReadOnlySpan<char> text, bool beforeNumber, ref Counts counts)
    {
        var kinds = AsciiKinds;
        int words = counts.Words, digitNames = counts.DigitNames, run = counts.Run, pauses = counts.Pauses;
        var pause = counts.Pause;
        var i = 0;
        while (true)
        {
            while (i < text.Length && (kinds[text[i]] & Space) != 0) i++;
            if (i >= text.Length) break;
            if (pause)
            {
                pauses++;
                pause = false;
            }

            var start = i;
            var seen = 0;
            while (i < text.Length)
            {
                var kind = kinds[text[i]];
                if ((kind & Space) != 0) break;
                seen |= kind;
                i++;
            }

            if ((seen & Content) != 0)
            {
                // A digit name, trimmed of the marks it may carry, is three to five letters: most words are ruled
                // out by their length or first character before they are compared.
                var isName = false;
                if (i - start >= 3 && (kinds[text[start]] & (NameStart | NameMark)) != 0)
                {
                    var from = start;
                    var to = i;
                    while (from < to && (kinds[text[from]] & NameMark) != 0) from++;
                    while (to > from && (kinds[text[to - 1]] & NameMark) != 0) to--;
                    isName = to - from is >= 3 and <= 5 && IsAsciiDigitName(text[from..to]);
                }
                if (isName)
                {
                    run++;
                }
                else
                {
                    if (run >= 2) digitNames += run;
                    words += run == 1 ? 2 : 1;
                    run = 0;
                }
            }

            // A mark before whitespace or the end ends a sentence; the contact number right after it does not.
            if ((seen & SentenceMark) != 0 && (i < text.Length || !beforeNumber) && text[i - 1] is '.' or '!' or '?')
            {
                if (run >= 2) digitNames += run;
                else words += run;
                run = 0;
                pause = true;
            }
        }
        (counts.Words, counts.DigitNames, counts.Run, counts.Pauses, counts.Pause) = (words, digitNames, run, pauses, pause);
    }

    /// <summary>Whether three to five ASCII letters are a digit's name in any case, as <see cref="Filters.IsDigitWord"/> says, without a call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiDigitName(ReadOnlySpan<char> word)
    {
        var name = Filters.DigitNameFor(word);
        if (name is null) return false;
        // For an ASCII character, setting the 0x20 bit gives a lower-case letter only from that letter in either case.
        for (var k = 1; k < word.Length; k++)
        {
            if ((word[k] | 0x20) != name[k]) return false;
        }
        return true;
    }

    /// <summary><see cref="CountStretch"/> of any text, with char's own tests of whitespace and letters.</summary>
    private static void CountAnyWords(ReadOnlySpan<char> text, bool beforeNumber, ref Counts counts)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            if (counts.Pause)
            {
                counts.Pauses++;
                counts.Pause = false;
            }

            var start = i;
            var hasContent = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) hasContent |= char.IsLetterOrDigit(text[i++]);
            if (hasContent)
            {
                if (IsDigitName(text[start..i]))
                {
                    counts.Run++;
                }
                else
                {
                    counts.EndRun();
                    counts.Words++;
                }
            }

            if ((i < text.Length || !beforeNumber) && text[i - 1] is '.' or '!' or '?')
            {
                counts.EndRun();
                counts.Pause = true;
            }
        }
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

    private static bool IsDigitName(ReadOnlySpan<char> word)
    {
        // Digit names are three to five letters long; most words are not, and need no comparing.
        if (word.Length < 3) return false;
        var bare = word.Trim(NameMarks);
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
