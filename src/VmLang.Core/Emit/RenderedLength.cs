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
/// The estimate is a left-to-right count (spec §5) whose rules live in <see cref="SpokenCount"/>, which
/// carries what is open (a run of digit names) from one piece of text to the next. Each literal text's
/// interior is counted by it once, on its own; a row feeds it the text between interiors (values and the
/// literal words around them) and the contact number, and adds each interior's count where it stands. A
/// property test (RenderedLengthTests) compares the result with
/// <see cref="SpokenLength.ScriptSeconds(string, string?, VmLang.Configuration.WorkspaceConfiguration)"/> on random templates and values.
/// </para>
/// <para>
/// The part of a literal text that is skipped (its <em>interior</em>) starts at a word that is not a
/// digit name, after whitespace, and ends at whitespace before the text's last word. Whatever comes
/// before it, that first word ends any run of digit names, so the interior adds the same words and pauses
/// and leaves the same run behind every time (<see cref="SpokenCount.Add"/>); the last word, which may run on into a value, is read with
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
        // Trailing whitespace is not spoken (see SpokenCount).
        var text = script.AsSpan(0, end);

        var count = default(SpokenCount);
        var telephoneAt = Find(text, number, start);
        var next = 0;
        var i = start;
        while (i < end)
        {
            // Count up to the number or to the next interior that the number does not overlap, whichever comes first.
            var stop = telephoneAt < 0 ? end : telephoneAt;
            var interiorAt = NextInterior(literals, ref next, i);
            var interiorEnd = 0;
            if (interiorAt >= 0 && interiorAt < stop)
            {
                interiorEnd = literals[next].At + _interiors[literals[next].Literal].End;
                if (telephoneAt < 0 || telephoneAt >= interiorEnd) stop = interiorAt;
            }
            count.Text(text, i, stop);
            i = stop;
            if (i == telephoneAt)
            {
                // The number is its own piece: the text before it ends there, and the text after it starts anew.
                count.Number(text.Slice(i, number!.Length));
                i += number.Length;
                telephoneAt = Find(text, number, i);
            }
            else if (i == interiorAt)
            {
                count.Add(_interiors[literals[next].Literal].Count);
                i = interiorEnd;
                next++;
            }
        }
        count.End();
        return count.Seconds(_configuration);
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

    /// <summary>The next occurrence of the number in <c>text[from..)</c>, as Sentences.Split finds them: leftmost, not overlapping.</summary>
    private static int Find(ReadOnlySpan<char> text, string? number, int from)
    {
        if (number is null || from >= text.Length) return -1;
        var at = text[from..].IndexOf(number.AsSpan(), StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>
    /// The part of a literal text counted once (see the remarks on <see cref="RenderedLength"/>): <c>[Start, End)</c> of
    /// the text, and its count, made on its own.
    /// </summary>
    private readonly record struct Interior(int Start, int End, SpokenCount Count)
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
                if (wordStart > 0 && IsPlainWord(text[wordStart..i]))
                {
                    // Every sentence end inside is followed by whitespace and by the text's last word: a pause.
                    var count = default(SpokenCount);
                    count.Text(text, wordStart, end);
                    return new Interior(wordStart, end, count);
                }
                while (i < end && char.IsWhiteSpace(text[i])) i++;
            }
            return default;
        }

        private static bool IsPlainWord(ReadOnlySpan<char> word)
        {
            var probe = default(SpokenCount);
            probe.Text(word, 0, word.Length);
            return probe.Words == 1;
        }
    }
}
