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
/// call (nothing with <see cref="FindInto"/>), never per character.
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
        _automaton = PhraseAutomaton.Build(normalized);
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
        Span<int> ring = stackalloc int[RingSize <= MaxStackRing ? RingSize : 0];
        if (RingSize > MaxStackRing) ring = new int[RingSize];
        foreach (var segment in segments)
        {
            ValidateSegment(text, segment.Start, segment.Length, nameof(segments));
            ScanSegment(text, segment.Start, segment.Length, ring, into);
        }
    }

    private const int MaxStackRing = 256;

    // Where each of the last LongestPhraseLength normalized characters came from in the original text, in a
    // ring of a power of two, so that a match, found when its last character is read, can be mapped back to
    // where it starts.
    private int RingSize => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _automaton.LongestPhraseLength));

    private List<PhraseMatch<TPayload>> Scan(string text, (int Start, int Length)[] segments)
    {
        var matches = new List<PhraseMatch<TPayload>>();
        if (Count == 0) return matches;
        Span<int> ring = stackalloc int[RingSize <= MaxStackRing ? RingSize : 0];
        if (RingSize > MaxStackRing) ring = new int[RingSize];
        foreach (var (segmentStart, segmentLength) in segments)
        {
            ScanSegment(text, segmentStart, segmentLength, ring, matches);
        }
        return matches;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "The scan's hot loop: its state lives in locals, and splitting it would move that state through fields or parameters on every character.")]
    private void ScanSegment(string text, int segmentStart, int segmentLength, Span<int> originalOffsets, List<PhraseMatch<TPayload>> into)
    {
        var automaton = _automaton;
        var mask = originalOffsets.Length - 1;
        int segmentEnd = segmentStart + segmentLength;
        int node = PhraseAutomaton.Root;
        int normalizedIndex = -1;
        bool inWhitespace = false;
        bool dense = automaton.IsDense;
        int spaceClass = automaton.SpaceClass;
        var table = automaton.DenseTable;
        int classCount = automaton.ClassCount;
        var asciiClasses = automaton.AsciiClasses;
        var firstReporting = automaton.FirstReportingNodes;

        var rootStays = automaton.RootStays;
        bool skips = dense && automaton.SkipsAtRoot;

        for (int offset = segmentStart; offset < segmentEnd; offset++)
        {
            if (skips && node == PhraseAutomaton.Root)
            {
                // Characters that keep the root there change nothing a later match needs (no match starts
                // with them), so they are jumped over; whitespace is collapsed as if they had been read.
                int skip = text.AsSpan(offset, segmentEnd - offset).IndexOfAnyExcept(rootStays);
                if (skip < 0)
                {
                    break;
                }

                if (skip > 0)
                {
                    offset += skip;
                    inWhitespace = char.IsWhiteSpace(text[offset - 1]);
                }
            }

            char original = text[offset];
            if (dense)
            {
                // The table path: whitespace collapses to the class of ' ', everything else is looked up folded.
                int characterClass = original < 128 ? asciiClasses[original] : automaton.ClassOf(original);
                if (characterClass == PhraseAutomaton.WhitespaceClass)
                {
                    if (inWhitespace)
                    {
                        continue;
                    }

                    inWhitespace = true;
                    characterClass = spaceClass;
                }
                else
                {
                    inWhitespace = false;
                }

                normalizedIndex++;
                originalOffsets[normalizedIndex & mask] = offset;
                node = table[node * classCount + characterClass];
                if (firstReporting[node] == PhraseAutomaton.NoNode)
                {
                    continue;
                }
            }
            else
            {
                char label;
                if (char.IsWhiteSpace(original))
                {
                    if (inWhitespace)
                    {
                        continue;
                    }

                    inWhitespace = true;
                    label = ' ';
                }
                else
                {
                    inWhitespace = false;
                    label = PhraseText.Fold(original);
                }

                normalizedIndex++;
                originalOffsets[normalizedIndex & mask] = offset;
                node = automaton.Step(node, label);
            }

            for (int reporting = automaton.FirstReportingNode(node);
                 reporting != PhraseAutomaton.NoNode;
                 reporting = automaton.NextReportingNode(reporting))
            {
                var (first, end) = automaton.PhrasesEndingAt(reporting);
                for (int i = first; i < end; i++)
                {
                    int phrase = automaton.PhraseAt(i);

                    // Phrases neither start nor end with a space, so both ends are real characters.
                    int normalizedStart = normalizedIndex - _normalizedLengths[phrase] + 1;
                    int matchStart = originalOffsets[normalizedStart & mask];
                    int matchEnd = offset + 1;
                    if (PhraseText.IsWholeWords(
                            text.AsSpan(segmentStart, segmentLength),
                            matchStart - segmentStart,
                            matchEnd - segmentStart))
                    {
                        into.Add(new PhraseMatch<TPayload>(
                            matchStart, matchEnd - matchStart, phrase, _phrases[phrase], _payloads[phrase]));
                    }
                }
            }
        }
    }
}
