namespace VmLang.Text;

/// <summary>
/// The one definition of a sentence for all of VmLang: the rules that look at sentences
/// (VML0205, VML0207) and the SSML writer call it. The spoken-length estimate (<c>SpokenCount</c>, fed
/// whole scripts by <c>SpokenLength</c> and rendered rows piece by piece by <c>RenderedLength</c>) counts
/// the same pieces in one pass without making them,
/// for speed; property tests hold both to <see cref="Split(string, string?)"/>, so the pauses the
/// estimate counts stay exactly the breaks the SSML writes.
/// </summary>
/// <remarks>
/// A sentence ends at ".", "!" or "?" followed by whitespace or the end of the text. "3.5" and
/// "…?!" are not ends. Abbreviations ("Dr. Reyes") are: telling them apart needs a language
/// model, and an extra pause is harmless.
/// </remarks>
public static class Sentences
{
    public static bool EndsAt(ReadOnlySpan<char> text, int index) =>
        text[index] is '.' or '!' or '?' && (index + 1 == text.Length || char.IsWhiteSpace(text[index + 1]));

    /// <summary>
    /// <paramref name="text"/> as it is spoken: runs of text, the telephone number (never split,
    /// never broken by a pause) and a pause for the whitespace between two sentences. Leading and
    /// trailing whitespace is not spoken and is in no piece; a pause is only ever between two
    /// sentences, never after the last.
    /// </summary>
    /// <param name="telephone">The contact value, trimmed here; each occurrence is one <see cref="SpokenPieceKind.Telephone"/>.</param>
    public static IReadOnlyList<SpokenPiece> Split(string text, string? telephone)
    {
        var pieces = new List<SpokenPiece>();
        Split(text, telephone, pieces);
        return pieces;
    }

    /// <summary>
    /// <see cref="Split(string, string?)"/> into <paramref name="pieces"/>, which is cleared first: a caller that
    /// splits every rendered row reuses one list.
    /// </summary>
    public static void Split(string text, string? telephone, List<SpokenPiece> pieces)
    {
        pieces.Clear();
        var number = string.IsNullOrWhiteSpace(telephone) ? null : telephone.Trim();
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var spoken = text.AsSpan(0, end);

        var textStart = start;
        var i = start;
        // Only a sentence mark or the number's first character can end a run of text, so the scan jumps
        // from one to the next (char by char when the number starts with half a surrogate pair, which a
        // jump could land on inside a pair).
        // (The marks live on the stack: this runs for every rendered row.)
        Span<char> stops = ['.', '!', '?', default];
        var jumps = number is null || !char.IsSurrogate(number[0]);
        if (number is null) stops = stops[..3];
        else stops[3] = number[0];
        while (i < end)
        {
            if (jumps)
            {
                var next = spoken[i..].IndexOfAny(stops);
                if (next < 0) break;
                i += next;
            }
            if (number is not null && spoken[i] == number[0] && spoken[i..].StartsWith(number, StringComparison.Ordinal))
            {
                Add(SpokenPieceKind.Text, textStart, i);
                Add(SpokenPieceKind.Telephone, i, i + number.Length);
                i += number.Length;
                textStart = i;
                continue;
            }

            var atSentenceEnd = EndsAt(spoken, i);
            i += char.IsHighSurrogate(spoken[i]) && i + 1 < end && char.IsLowSurrogate(spoken[i + 1]) ? 2 : 1;
            if (atSentenceEnd && i < end)
            {
                // The text is trimmed, so whitespace here is always followed by more text.
                Add(SpokenPieceKind.Text, textStart, i);
                var pauseStart = i;
                while (char.IsWhiteSpace(spoken[i])) i++;
                Add(SpokenPieceKind.Pause, pauseStart, i);
                textStart = i;
            }
        }

        Add(SpokenPieceKind.Text, textStart, end);

        void Add(SpokenPieceKind kind, int from, int to)
        {
            if (to > from) pieces.Add(new SpokenPiece(kind, from, to - from));
        }
    }
}

/// <summary>One piece of a spoken text (see <see cref="Sentences.Split(string, string?)"/>): a range of the text and what it is.</summary>
public readonly record struct SpokenPiece(SpokenPieceKind Kind, int Start, int Length)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

public enum SpokenPieceKind
{
    /// <summary>Words and punctuation, spoken as written.</summary>
    Text,

    /// <summary>The contact number, read digit by digit (SSML <c>say-as interpret-as="telephone"</c>).</summary>
    Telephone,

    /// <summary>The whitespace between two sentences, spoken as a pause of <c>pauseSeconds</c>.</summary>
    Pause,
}
