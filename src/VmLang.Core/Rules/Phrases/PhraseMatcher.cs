namespace VmLang.Rules.Phrases;

/// <summary>
/// Finds every occurrence of a set of phrases in text in one pass, whatever the number of phrases, with the
/// matching rules of spec §7 (see <see cref="PhraseText"/>). Each phrase carries a payload, such as the rule
/// and severity it belongs to, that comes back with its matches.
/// </summary>
/// <remarks>
/// <para>
/// Matches come in the order they end; matches that end at the same place come longest first, then in the
/// order the phrases were given. Overlapping matches are all reported, including a phrase overlapping itself
/// ("ha ha" twice in "ha ha ha"); a phrase given twice is reported twice, once per payload.
/// </para>
/// <para>
/// An instance is immutable and safe to share between threads. Scanning allocates the list of matches per
/// call (nothing with <see cref="FindInto"/>), never per character; it keeps no record of where the characters
/// it has read were: a match, found when its last character is read, is walked back to where it starts.
/// </para>
/// </remarks>
public sealed partial class PhraseMatcher<TPayload>
{
    private readonly PhraseAutomaton _automaton;
    private readonly string[] _phrases;
    private readonly TPayload[] _payloads;
    private readonly int[] _normalizedLengths;

    /// <summary>Builds the matcher for <paramref name="phrases"/>.</summary>
    /// <exception cref="ArgumentException">A phrase is empty or only whitespace; the message quotes it.</exception>
    public PhraseMatcher(IEnumerable<(string Phrase, TPayload Payload)> phrases)
        : this(phrases, dense: true)
    {
    }

    /// <summary>With <paramref name="dense"/> false, the matcher steps through the trie as it does when a table would be too large (for tests).</summary>
    internal PhraseMatcher(IEnumerable<(string Phrase, TPayload Payload)> phrases, bool dense)
    {
        ArgumentNullException.ThrowIfNull(phrases);

        var given = new List<string>();
        var payloads = new List<TPayload>();
        var normalized = new List<string>();
        foreach (var (phrase, payload) in phrases)
        {
            given.Add(phrase);
            payloads.Add(payload);
            normalized.Add(NormalizeNonBlank(phrase, nameof(phrases)));
        }

        _phrases = [.. given];
        _payloads = [.. payloads];
        _normalizedLengths = [.. normalized.Select(static phrase => phrase.Length)];
        _automaton = PhraseAutomaton.Build(normalized, dense);
    }

    /// <summary>Number of phrases, counting a phrase given twice twice.</summary>
    public int Count => _phrases.Length;

    /// <summary>Finds the phrases in the whole of <paramref name="text"/>.</summary>
    public IEnumerable<PhraseMatch<TPayload>> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scan(text, [(0, text.Length)]);
    }

    /// <summary>
    /// Finds the phrases in <c>text[start .. start + length)</c>. Offsets in the matches are offsets in
    /// <paramref name="text"/>; the edges of the range count as word boundaries.
    /// </summary>
    public IEnumerable<PhraseMatch<TPayload>> Find(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ValidateSegment(text, start, length, nameof(start));
        return Scan(text, [(start, length)]);
    }

    /// <summary>
    /// Finds the phrases in each of several ranges of <paramref name="text"/>, such as the literal parts of a
    /// <c>say</c> block between its holes. The ranges are scanned one by one: no match spans two of them,
    /// even when they are adjacent, and each range's edges count as word boundaries. Offsets in the matches
    /// are offsets in <paramref name="text"/>; matches come range by range, in the order the ranges are given.
    /// </summary>
    public IEnumerable<PhraseMatch<TPayload>> Find(string text, IEnumerable<(int Start, int Length)> segments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(segments);

        // Copied and checked now so a bad range throws here rather than halfway through enumeration.
        (int Start, int Length)[] checkedSegments = [.. segments];
        foreach (var (start, length) in checkedSegments)
        {
            ValidateSegment(text, start, length, nameof(segments));
        }

        return Scan(text, checkedSegments);
    }

    private static string NormalizeNonBlank(string phrase, string parameterName)
    {
        if (phrase is null)
        {
            throw new ArgumentNullException(parameterName, "A phrase is null.");
        }

        string normalized = PhraseText.Normalize(phrase);
        if (normalized.Length == 0)
        {
            throw new ArgumentException($"The phrase \"{phrase}\" is empty or only whitespace.", parameterName);
        }

        return normalized;
    }

    private static void ValidateSegment(string text, int start, int length, string parameterName)
    {
        if (start < 0 || length < 0 || start > text.Length - length)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"The range starting at {start} with length {length} is not inside the text of length {text.Length}.");
        }
    }

    /// <summary>
    /// Appends the matches in each segment to <paramref name="into"/>, as <see cref="Find(string, IEnumerable{ValueTuple{int, int}})"/>
    /// finds them; for callers that scan many texts and keep one list. The segments must lie inside the text.
    /// </summary>
    internal void FindInto(string text, ReadOnlySpan<Text.TextSpan> segments, List<PhraseMatch<TPayload>> into)
    {
        if (Count == 0) return;
        foreach (var segment in segments)
        {
            ValidateSegment(text, segment.Start, segment.Length, nameof(segments));
            ScanSegment(text, segment.Start, segment.Length, into);
        }
    }

    private List<PhraseMatch<TPayload>> Scan(string text, (int Start, int Length)[] segments)
    {
        var matches = new List<PhraseMatch<TPayload>>();
        if (Count == 0) return matches;
        foreach (var (segmentStart, segmentLength) in segments)
        {
            ScanSegment(text, segmentStart, segmentLength, matches);
        }
        return matches;
    }

    private void ScanSegment(string text, int segmentStart, int segmentLength, List<PhraseMatch<TPayload>> into)
    {
        var segment = text.AsSpan(segmentStart, segmentLength);
        if (_automaton.IsDense) ScanDense(segment, segmentStart, into);
        else ScanTrie(segment, segmentStart, into);
    }

    /// <summary>
    /// The table scan. Its inner loop reads ASCII characters that lead to nodes where no phrase ends (and, when
    /// the scan jumps over characters at the root, not to the root): a class lookup, a table lookup and a test a
    /// character, with no call in it, so that its state stays in registers. Everything else is handled outside it.
    /// </summary>
    private void ScanDense(ReadOnlySpan<char> segment, int segmentStart, List<PhraseMatch<TPayload>> into)
    {
        var automaton = _automaton;
        var table = automaton.DenseTable;
        var asciiClasses = automaton.AsciiClasses;
        var skips = automaton.SkipsAtRoot;
        // An entry at or below this ends the inner loop: one that reports (negative), or the root (0) when skipping.
        var stopAt = skips ? 0 : -1;
        var row = 0;
        var offset = 0;
        while (true)
        {
            if (skips && row == 0)
            {
                // Characters that keep the root there change nothing a later match needs (no match starts
                // with them), so they are jumped over.
                var skip = segment[offset..].IndexOfAnyExcept(automaton.RootStays);
                if (skip < 0) return;
                offset += skip;
            }

            var next = 0;
            while (offset < segment.Length)
            {
                var c = segment[offset];
                if (c >= 128) break;
                next = table[row + asciiClasses[c]];
                if (next <= stopAt) break;
                row = next;
                offset++;
            }
            if (offset >= segment.Length) return;

            var character = segment[offset];
            if (character >= 128) next = table[row + automaton.DenseClassOf(character)];
            if (next < 0)
            {
                row = next & ~PhraseAutomaton.Reports;
                Report(segment, segmentStart, offset, row / automaton.ClassCount, into);
            }
            else
            {
                row = next;
            }
            offset++;
        }
    }

    /// <summary>The scan through the trie and its failure links, for automatons too large for a table.</summary>
    private void ScanTrie(ReadOnlySpan<char> segment, int segmentStart, List<PhraseMatch<TPayload>> into)
    {
        var automaton = _automaton;
        var node = PhraseAutomaton.Root;
        var inWhitespace = false;
        for (var offset = 0; offset < segment.Length; offset++)
        {
            var original = segment[offset];
            char label;
            if (char.IsWhiteSpace(original))
            {
                // A run of whitespace reads as one space.
                if (inWhitespace) continue;
                inWhitespace = true;
                label = ' ';
            }
            else
            {
                inWhitespace = false;
                label = PhraseText.Fold(original);
            }

            node = automaton.Step(node, label);
            if (automaton.FirstReportingNode(node) != PhraseAutomaton.NoNode) Report(segment, segmentStart, offset, node, into);
        }
    }

    /// <summary>Adds the matches of the phrases that end at <paramref name="node"/>, reached by reading <c>segment[last]</c>, that cover whole words.</summary>
    private void Report(ReadOnlySpan<char> segment, int segmentStart, int last, int node, List<PhraseMatch<TPayload>> into)
    {
        var automaton = _automaton;
        for (var reporting = automaton.FirstReportingNode(node);
             reporting != PhraseAutomaton.NoNode;
             reporting = automaton.NextReportingNode(reporting))
        {
            var (first, end) = automaton.PhrasesEndingAt(reporting);
            for (var i = first; i < end; i++)
            {
                var phrase = automaton.PhraseAt(i);
                var start = StartOf(segment, last, _normalizedLengths[phrase]);
                if (PhraseText.IsWholeWords(segment, start, last + 1))
                {
                    into.Add(new PhraseMatch<TPayload>(
                        segmentStart + start, last + 1 - start, phrase, _phrases[phrase], _payloads[phrase]));
                }
            }
        }
    }

    /// <summary>
    /// Where a match of a phrase <paramref name="normalizedLength"/> characters long that ends at
    /// <c>segment[last]</c> starts: each character counts one, each run of whitespace one. Phrases neither
    /// start nor end with a space, so both ends are characters of the text that are not whitespace.
    /// </summary>
    private static int StartOf(ReadOnlySpan<char> segment, int last, int normalizedLength)
    {
        var start = last;
        for (var count = 1; count < normalizedLength; count++)
        {
            start--;
            if (!char.IsWhiteSpace(segment[start])) continue;
            while (start > 0 && char.IsWhiteSpace(segment[start - 1])) start--;
        }
        return start;
    }
}
