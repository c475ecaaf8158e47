using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Binding;

/// <summary>
/// The literal text of a <c>say</c> block as spans of the source, split into sentences where
/// <see cref="Text.Sentences.EndsAt"/> says. Holes stay in the sentence they are in. Phrase matching treats indentation
/// and line breaks as the single space they sound like, so the raw source spans can be scanned as they are.
/// </summary>
public sealed class SayText
{
    private readonly TextBlockSyntax _block;
    private ImmutableArray<Sentence> _sentences;
    private Sentence? _first;

    private SayText(TextBlockSyntax block, ImmutableArray<TextSpan> segments)
    {
        _block = block;
        Segments = segments;
    }

    /// <summary>The spans of literal text, in order; a phrase never matches across a hole.</summary>
    public ImmutableArray<TextSpan> Segments { get; }

    /// <summary>The sentences, split when first asked for: most checks of a block need only its segments or its first sentence.</summary>
    public ImmutableArray<Sentence> Sentences
    {
        get
        {
            // Threads that ask at once split alike; whichever result is kept is the same.
            if (_sentences.IsDefault) _sentences = Split(firstOnly: false);
            return _sentences;
        }
    }

    /// <summary>The first sentence (null when the block says nothing), split off without splitting the rest.</summary>
    public Sentence? FirstSentence
    {
        get
        {
            if (!_sentences.IsDefault) return _sentences.IsEmpty ? null : _sentences[0];
            var first = _first ??= Split(firstOnly: true) is [var one, ..] ? one : NoSentence;
            return ReferenceEquals(first, NoSentence) ? null : first;
        }
    }

    private static readonly Sentence NoSentence = new([], []);

    public static SayText From(TextBlockSyntax block)
    {
        var parts = block.Parts;
        var count = 0;
        foreach (var part in parts)
        {
            if (part is TextSyntax) count++;
        }
        var segments = new TextSpan[count];
        count = 0;
        foreach (var part in parts)
        {
            if (part is TextSyntax text) segments[count++] = text.Token.Span;
        }
        return new SayText(block, ImmutableCollectionsMarshal.AsImmutableArray(segments));
    }

    private ImmutableArray<Sentence> Split(bool firstOnly)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        // The spans and holes of the sentence being split, in lists kept per thread: every template is split.
        var text = TextForThread ?? [];
        var holes = HolesForThread ?? [];
        (TextForThread, HolesForThread) = (null, null);
        text.Clear();
        holes.Clear();

        bool EndSentence()
        {
            if (text.Count > 0 || holes.Count > 0) sentences.Add(new Sentence([.. text], [.. holes]));
            text.Clear();
            holes.Clear();
            return firstOnly && sentences.Count > 0;
        }

        try
        {
            foreach (var part in _block.Parts)
            {
                if (part is HoleSyntax hole)
                {
                    holes.Add(hole);
                    continue;
                }
                var token = ((TextSyntax)part).Token;
                var raw = token.TextAsSpan;
                var start = 0;
                for (var i = raw.IndexOfAny(SentenceMarks); i >= 0; i = NextMark(raw, i))
                {
                    if (!Text.Sentences.EndsAt(raw, i)) continue;
                    text.Add(new TextSpan(token.Position + start, i + 1 - start));
                    if (EndSentence()) return sentences.ToImmutable();
                    start = i + 1;
                }
                if (start < raw.Length) text.Add(new TextSpan(token.Position + start, raw.Length - start));
            }
            EndSentence();
            return sentences.ToImmutable();
        }
        finally
        {
            (TextForThread, HolesForThread) = (text, holes);
        }
    }

    [ThreadStatic]
    private static List<TextSpan>? TextForThread;

    [ThreadStatic]
    private static List<HoleSyntax>? HolesForThread;

    // Where a sentence can end (Sentences.EndsAt): the text between them is skipped, vectorized.
    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?");

    private static int NextMark(ReadOnlySpan<char> raw, int after)
    {
        var next = raw[(after + 1)..].IndexOfAny(SentenceMarks);
        return next < 0 ? -1 : after + 1 + next;
    }

    public static IEnumerable<(int Start, int Length)> AsRanges(IEnumerable<TextSpan> spans) =>
        spans.Select(s => (s.Start, s.Length));
}

/// <summary>One sentence: its literal text spans and the holes said in it.</summary>
public sealed record Sentence(ImmutableArray<TextSpan> Text, ImmutableArray<HoleSyntax> Holes)
{
    public IEnumerable<PathSyntax> SaidPaths => Holes.OfType<ExpressionHoleSyntax>().Select(h => h.Expression.Primary).OfType<PathSyntax>();
}
