using System.Runtime.CompilerServices;
using VmLang.Configuration;
using VmLang.Emit;

namespace VmLang.Rules;

/// <summary>
/// The one place the spoken-length estimate's counting rules live (spec §5): what a word is, when a digit
/// name is read as a digit, where a sentence ends, what the contact number adds. It reads text left to
/// right in pieces and carries what is still open (a run of digit names) from one piece to the next, so a
/// caller may feed it a whole script (<see cref="SpokenLength"/>) or a template's literal text once and
/// then each row's values and the text around them (<see cref="RenderedLength"/>) and get the same count.
/// </summary>
/// <remarks>
/// The text fed in is the spoken text: trailing whitespace is not part of it, so whitespace after a
/// sentence mark means more is said and the break is a pause. The counts are whole numbers of words and of
/// <see cref="SpokenLength.DigitWords"/>, so <see cref="Seconds"/> is the same double whatever the pieces.
/// </remarks>
internal struct SpokenCount
{
    /// <summary>Words said as words: plain words, and a digit name that is not in a run.</summary>
    public int Words;

    /// <summary>Digits read on their own, <see cref="SpokenLength.DigitWords"/> of a word each: digit names in runs of two or more, and the contact number's digits.</summary>
    public int Digits;

    /// <summary>Sentence ends with more said after them.</summary>
    public int Pauses;

    /// <summary>Digit names read since the last word that ended a run: a word, or digits, once the run ends.</summary>
    public int Run;

    /// <summary>The estimate in seconds: words at the workspace's pace and a pause for each sentence break.</summary>
    public readonly double Seconds(WorkspaceConfiguration configuration)
    {
        // Every term is a whole number or a whole number of DigitWords, so the sum is the same in any order.
        var words = Words + Digits * SpokenLength.DigitWords;
        return words * 60.0 / configuration.WordsPerMinute + Pauses * configuration.PauseSeconds;
    }

    /// <summary>
    /// Counts the words and sentence ends of <c>text[from..stop)</c>. A word
    /// is a run without whitespace holding a letter or digit; a digit name ("nine", "Zero,") in a run of two or
    /// more is a digit; a word ending in ".", "!" or "?" ends a sentence when whitespace follows it in
    /// <paramref name="text"/> (which is read at <paramref name="stop"/> for that alone). A word that runs on
    /// past <paramref name="stop"/> ends there: the caller stops at the contact number (which
    /// <see cref="Number"/> counts) or at whitespace.
    /// </summary>
    public void Text(ReadOnlySpan<char> text, int from, int stop)
    {
        // Nearly every script is ASCII: its loop looks characters up in the table alone, with no call in it,
        // so that its state stays in registers. Both loops are made from the one below.
        if (System.Text.Ascii.IsValid(text[from..stop])) Text<AsciiText>(text, from, stop);
        else Text<AnyText>(text, from, stop);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "The estimate's hot loop, run on every rendered row: its state lives in locals.")]
    private void Text<TText>(ReadOnlySpan<char> text, int from, int stop)
        where TText : struct, ICharKinds
    {
        var span = text[..stop];
        // A word cut at the stop ends a sentence if whitespace follows there (not the contact number).
        var spaceAtStop = stop < text.Length && (KindOf(text[stop]) & Space) != 0;
        int words = Words, digits = Digits, pauses = Pauses, run = Run;
        var i = from;
        while (i < span.Length)
        {
            var first = TText.Of(span[i]);
            if ((first & Space) != 0)
            {
                i++;
                continue;
            }

            var start = i++;
            var seen = (int)first;
            while (i < span.Length)
            {
                var kind = TText.Of(span[i]);
                if ((kind & Space) != 0) break;
                seen |= kind;
                i++;
            }

            if ((seen & Content) != 0)
            {
                if (i - start >= 3 && IsDigitName<TText>(span[start..i], first, seen))
                {
                    run++;
                }
                else
                {
                    // A plain word ends the run: one name is a word, two or more are digits.
                    if (run >= 2) digits += run;
                    words += run == 1 ? 2 : 1;
                    run = 0;
                }
            }

            if ((seen & SentenceMark) != 0 && (i < span.Length || spaceAtStop) && span[i - 1] is '.' or '!' or '?')
            {
                if (run >= 2) digits += run;
                else words += run;
                run = 0;
                pauses++;
            }
        }
        (Words, Digits, Pauses, Run) = (words, digits, pauses, run);
    }

    /// <summary>The contact number, said where it stands: it ends the run before it, and each of its digits is read on its own.</summary>
    public void Number(ReadOnlySpan<char> number)
    {
        End();
        foreach (var c in number)
        {
            if (char.IsDigit(c)) Digits++;
        }
    }

    /// <summary>
    /// Adds the count of a stretch counted on its own, which starts with a word that is not a digit name: that
    /// word ends the run in progress, so counting the stretch here would give the same.
    /// </summary>
    public void Add(in SpokenCount stretch)
    {
        End();
        Words += stretch.Words;
        Digits += stretch.Digits;
        Pauses += stretch.Pauses;
        Run = stretch.Run;
    }

    /// <summary>A run of digit names ends (at a sentence end, the number, the end of the text): one name is a word, two or more are digits.</summary>
    public void End()
    {
        if (Run >= 2) Digits += Run;
        else Words += Run;
        Run = 0;
    }

    // What a character is to the count: whitespace and letter-or-digit as char.IsWhiteSpace and
    // char.IsLetterOrDigit say, a mark that can end a sentence (Sentences.EndsAt), a mark a digit name may
    // carry (trimmed before it is compared), the first letter of a digit name in either case, or not ASCII.
    internal const byte Space = 1;
    internal const byte Content = 2;
    internal const byte SentenceMark = 4;
    internal const byte NameMark = 8;
    internal const byte NameStart = 16;
    internal const byte NotAscii = 32;
    private const string NameMarks = ",.;:!?";

    // The kinds of the ASCII characters, as constant data (no static initialisation to check in the loop);
    // a test compares it with the definitions above.
    internal static ReadOnlySpan<byte> AsciiKinds =>
    [
         0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
         1, 12,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  8,  0, 12,  0,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  8,  8,  0,  0,  0, 12,
         0,  2,  2,  2,  2, 18, 18,  2,  2,  2,  2,  2,  2,  2, 18, 18,  2,  2,  2, 18, 18,  2,  2,  2,  2,  2, 18,  0,  0,  0,  0,  0,
         0,  2,  2,  2,  2, 18, 18,  2,  2,  2,  2,  2,  2,  2, 18, 18,  2,  2,  2, 18, 18,  2,  2,  2,  2,  2, 18,  0,  0,  0,  0,  0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte KindOf(char c) => c < 128 ? AsciiKinds[c] : KindOfOther(c);

    /// <summary>How <see cref="Text{TText}"/> tells the kind of a character: one shape of its loop for ASCII text, one for any.</summary>
    private interface ICharKinds
    {
        static abstract bool IsAscii { get; }

        static abstract byte Of(char c);
    }

    private readonly struct AsciiText : ICharKinds
    {
        public static bool IsAscii => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte Of(char c) => AsciiKinds[c];
    }

    private readonly struct AnyText : ICharKinds
    {
        public static bool IsAscii => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte Of(char c) => KindOf(c);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte KindOfOther(char c) =>
        (byte)(NotAscii | (char.IsWhiteSpace(c) ? Space : 0) | (char.IsLetterOrDigit(c) ? Content : 0));

    /// <summary>
    /// Whether a word of three or more characters is a digit's name once the marks it may carry are trimmed,
    /// as <see cref="Filters.IsDigitWord"/> says; <paramref name="first"/> is the kind of its first character,
    /// <paramref name="seen"/> the kinds of all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigitName<TText>(ReadOnlySpan<char> word, byte first, int seen)
        where TText : struct, ICharKinds
    {
        if (!TText.IsAscii && (seen & NotAscii) != 0) return IsAnyDigitName(word);
        // A digit name, trimmed of its marks, is three to five letters: most words are ruled out by their
        // first character or length before they are compared.
        if ((first & (NameStart | NameMark)) == 0) return false;
        var kinds = AsciiKinds;
        var from = 0;
        var to = word.Length;
        while (from < to && (kinds[word[from]] & NameMark) != 0) from++;
        while (to > from && (kinds[word[to - 1]] & NameMark) != 0) to--;
        return to - from is >= 3 and <= 5 && IsAsciiDigitName(word[from..to]);
    }

    /// <summary>Whether three to five ASCII letters are a digit's name in any case, as <see cref="Filters.IsDigitWord"/> says, without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAnyDigitName(ReadOnlySpan<char> word)
    {
        var bare = word.Trim(NameMarks);
        return bare.Length is >= 3 and <= 5 && Filters.IsDigitWord(bare);
    }
}
