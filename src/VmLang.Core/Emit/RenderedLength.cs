using VmLang.Configuration;
using VmLang.Rules;

namespace VmLang.Emit;

/// <summary>
/// <see cref="SpokenLength.ScriptSeconds(string, string?, VmLang.Configuration.WorkspaceConfiguration)"/> of the scripts of one lowered template, to the bit, without
/// reading most of the template's literal text again for every row. Only the slot values vary from row to
/// row; the words and sentence breaks deep inside each literal text are counted once, here, and each row
/// reads only its values and the literal text around them.
/// </summary>
/// <remarks>
/// <para>
/// The estimate is a left-to-right count (spec §5): words are runs between whitespace, a run of two or more
/// digit names counts <see cref="SpokenLength.DigitWords"/> a name, a sentence end followed by more text is a
/// pause, and each occurrence of the contact number is read digit by digit. The count here is the same
/// count, token by token (<see cref="Tally"/>); a property test (RenderedLengthTests) compares it with
/// <see cref="SpokenLength.ScriptSeconds(string, string?, VmLang.Configuration.WorkspaceConfiguration)"/> on random templates and values.
/// </para>
/// <para>
/// The part of a literal text that is skipped (its <em>interior</em>) starts at a word that is not a
/// digit name, after whitespace, and ends at whitespace before the text's last word. Whatever comes
/// before it, that first word ends any run of digit names, so the interior adds the same words and pauses
/// and leaves the same run behind every time; the last word, which may run on into a value, is read with
/// the row. An interior that the contact number overlaps is read with the row too.
/// </para>
/// </remarks>
internal sealed class RenderedLength
{
    private readonly WorkspaceConfiguration _configuration;
    private readonly Interior[] _interiors;
    private readonly int[] _literalLengths;

    public RenderedLength(LoweredSay lowered, WorkspaceConfiguration configuration)
    {
        _configuration = configuration;
        _literalLengths = [.. lowered.Literals.Select(l => l.Length)];
        _interiors = [.. lowered.Literals.Select(l => Interior.Of(lowered.LiteralPool.AsSpan(l.Start, l.Length)))];
    }

    /// <summary>
    /// The spoken length of <paramref name="script"/>, rendered by the lowered program this was made for, whose
    /// literal texts landed where <paramref name="literals"/> says; <paramref name="telephone"/> is the contact value.
    /// </summary>
    public double Seconds(string script, string? telephone, ReadOnlySpan<LiteralWrite> literals)
    {
        var number = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        // Sentences.Split steps through a number that starts with half a surrogate pair char by char; leave that rare case to it.
        if (number is not null && char.IsSurrogate(number[0])) return SpokenLength.ScriptSeconds(script, telephone, _configuration);

        var start = 0;
        var end = script.Length;
        while (start < end && char.IsWhiteSpace(script[start])) start++;
        while (end > start && char.IsWhiteSpace(script[end - 1])) end--;

        var tally = new Tally();
        var telephoneAt = Find(script, number, start, end);
        var next = 0;
        var interiorAt = NextInterior(literals, ref next, start);
        var i = start;
        while (i < end)
        {
            if (i == telephoneAt)
            {
                // The number is its own piece: the text before it ends there, and the text after it starts anew.
                tally.EndPiece();
                tally.AddTelephone(script.AsSpan(i, number!.Length));
                i += number.Length;
                telephoneAt = Find(script, number, i, end);
                continue;
            }
            if (char.IsWhiteSpace(script[i]))
            {
                i++;
                continue;
            }
            while (interiorAt >= 0 && interiorAt < i) interiorAt = NextInterior(literals, ref next, i);
            if (interiorAt == i)
            {
                var interior = _interiors[literals[next].Literal];
                var interiorEnd = literals[next].At + interior.End;
                if (telephoneAt < 0 || telephoneAt >= interiorEnd)
                {
                    tally.Add(interior);
                    i = interiorEnd;
                }
                next++;
                interiorAt = NextInterior(literals, ref next, i);
                if (i == interiorEnd) continue;
            }
            i = tally.Token(script, i, telephoneAt < 0 ? end : telephoneAt, end);
        }
        tally.EndPiece();
        return tally.Words * 60.0 / _configuration.WordsPerMinute + tally.Pauses * _configuration.PauseSeconds;
    }

    /// <summary>Where the interior of the next literal text at or after <paramref name="from"/> starts, moving <paramref name="next"/> to it; -1 when none is left.</summary>
    private int NextInterior(ReadOnlySpan<LiteralWrite> literals, ref int next, int from)
    {
        for (; next < literals.Length; next++)
        {
            var literal = literals[next];
            // A literal written in part (never, short of a cut script, which is not estimated here) is read in full.
            if (literal.Length != _literalLengths[literal.Literal]) continue;
            var interior = _interiors[literal.Literal];
            if (interior.IsNone) continue;
            var at = literal.At + interior.Start;
            if (at >= from) return at;
        }
        return -1;
    }

    private const byte Other = 0;
    private const byte Space = 1;
    private const byte Content = 2;

    // char.IsWhiteSpace (Space) and char.IsLetterOrDigit (Content) of each ASCII character, as constant
    // data (no static initialisation to check in the loop); a test compares it with the char methods.
    internal static ReadOnlySpan<byte> AsciiKinds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    ];

    /// <summary>The next occurrence of the number in <c>script[from..end)</c>, as Sentences.Split finds them: leftmost, not overlapping.</summary>
    private static int Find(string script, string? number, int from, int end)
    {
        if (number is null || from >= end) return -1;
        var at = script.AsSpan(from, end - from).IndexOf(number.AsSpan(), StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>
    /// The count in progress, as <see cref="SpokenLength.ScriptSeconds(string, string?, VmLang.Configuration.WorkspaceConfiguration)"/> keeps it: words (halves are exact in a
    /// double, so the order of the sums does not matter), pauses, and the run of digit names not yet counted.
    /// </summary>
    private struct Tally
    {
        public double Words;
        public int Pauses;
        public int DigitRun;

        /// <summary>
        /// Counts the token at <paramref name="i"/> (not whitespace), which runs to whitespace, to
        /// <paramref name="stop"/> (where the number starts) or to the end; returns where it ends.
        /// </summary>
        public int Token(ReadOnlySpan<char> text, int i, int stop, int end)
        {
            var kinds = AsciiKinds;
            var j = i;
            var hasContent = false;
            while (j < stop)
            {
                var c = text[j];
                var kind = c < 128 ? kinds[c] : char.IsWhiteSpace(c) ? Space : char.IsLetterOrDigit(c) ? Content : Other;
                if (kind == Space) break;
                if (kind == Content) hasContent = true;
                j++;
            }
            if (hasContent)
            {
                if (IsDigitName(text[i..j])) DigitRun++;
                else
                {
                    Words += RunWords(DigitRun) + 1;
                    DigitRun = 0;
                }
            }
            // A sentence ends at a mark followed by whitespace, and is a pause when more text follows.
            if (j < end && char.IsWhiteSpace(text[j]) && text[j - 1] is '.' or '!' or '?')
            {
                EndPiece();
                Pauses++;
            }
            return j;
        }

        public void AddTelephone(ReadOnlySpan<char> number)
        {
            var digits = 0;
            foreach (var c in number)
            {
                if (char.IsDigit(c)) digits++;
            }
            Words += digits * SpokenLength.DigitWords;
        }

        /// <summary>A piece of text ends (a sentence, the text before the number, the script): its run of digit names is counted.</summary>
        public void EndPiece()
        {
            Words += RunWords(DigitRun);
            DigitRun = 0;
        }

        /// <summary>An interior: its first word ends the run of digit names in progress (see <see cref="RenderedLength"/>).</summary>
        public void Add(Interior interior)
        {
            Words += RunWords(DigitRun) + interior.Words;
            Pauses += interior.Pauses;
            DigitRun = interior.DigitRun;
        }

        private static double RunWords(int run) => run >= 2 ? run * SpokenLength.DigitWords : run;

        // As word.Trim(",.;:!?") and a length check, without the general trim: this runs for every word of every row.
        private static bool IsDigitName(ReadOnlySpan<char> word)
        {
            if (word.Length < 3) return false;
            var start = 0;
            var end = word.Length;
            while (start < end && word[start] is ',' or '.' or ';' or ':' or '!' or '?') start++;
            while (end > start && word[end - 1] is ',' or '.' or ';' or ':' or '!' or '?') end--;
            return end - start is >= 3 and <= 5 && Filters.IsDigitWord(word[start..end]);
        }
    }

    /// <summary>The part of a literal text counted once (see the remarks on <see cref="RenderedLength"/>): <c>[Start, End)</c> of the text.</summary>
    private readonly record struct Interior(int Start, int End, double Words, int Pauses, int DigitRun)
    {
        public bool IsNone => Start >= End;

        public static Interior Of(ReadOnlySpan<char> text)
        {
            // End: the start of the whitespace before the text's last word.
            var last = text.Length;
            while (last > 0 && char.IsWhiteSpace(text[last - 1])) last--;
            while (last > 0 && !char.IsWhiteSpace(text[last - 1])) last--;
            var end = last;
            while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;

            // Start: the first word after whitespace that has a letter or digit and is not a digit name.
            var i = 0;
            while (i < end)
            {
                var wordStart = i;
                while (i < end && !char.IsWhiteSpace(text[i])) i++;
                if (wordStart > 0 && IsPlainWord(text[wordStart..i])) return Count(text, wordStart, end);
                while (i < end && char.IsWhiteSpace(text[i])) i++;
            }
            return default;
        }

        private static Interior Count(ReadOnlySpan<char> text, int start, int end)
        {
            var tally = new Tally();
            var i = start;
            while (i < end)
            {
                if (char.IsWhiteSpace(text[i])) i++;
                // Every sentence end inside is followed by whitespace and by the text's last word: a pause.
                else i = tally.Token(text, i, end, text.Length);
            }
            return new Interior(start, end, tally.Words, tally.Pauses, tally.DigitRun);
        }

        private static bool IsPlainWord(ReadOnlySpan<char> word)
        {
            var probe = new Tally();
            probe.Token(word, 0, word.Length, word.Length);
            return probe.Words == 1;
        }
    }
}
