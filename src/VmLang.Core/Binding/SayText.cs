using System.Collections.Immutable;
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
    private SayText(ImmutableArray<TextSpan> segments, ImmutableArray<Sentence> sentences)
    {
        Segments = segments;
        Sentences = sentences;
    }

    /// <summary>The spans of literal text, in order; a phrase never matches across a hole.</summary>
    public ImmutableArray<TextSpan> Segments { get; }

    public ImmutableArray<Sentence> Sentences { get; }

    public static SayText From(TextBlockSyntax block)
    {
        var segments = ImmutableArray.CreateBuilder<TextSpan>();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var text = new List<TextSpan>();
        var holes = new List<HoleSyntax>();

        void EndSentence()
        {
            if (text.Count > 0 || holes.Count > 0) sentences.Add(new Sentence([.. text], [.. holes]));
            text.Clear();
            holes.Clear();
        }

        foreach (var part in block.Parts)
        {
            if (part is HoleSyntax hole)
            {
                holes.Add(hole);
                continue;
            }
            var token = ((TextSyntax)part).Token;
            segments.Add(token.Span);
            var raw = token.Text;
            var start = 0;
            for (var i = raw.AsSpan().IndexOfAny(SentenceMarks); i >= 0; i = NextMark(raw, i))
            {
                if (!Text.Sentences.EndsAt(raw, i)) continue;
                text.Add(new TextSpan(token.Position + start, i + 1 - start));
                EndSentence();
                start = i + 1;
            }
            if (start < raw.Length) text.Add(new TextSpan(token.Position + start, raw.Length - start));
        }
        EndSentence();
        return new SayText(segments.ToImmutable(), sentences.ToImmutable());
    }

    // Where a sentence can end (Sentences.EndsAt): the text between them is skipped, vectorized.
    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?");

    private static int NextMark(string raw, int after)
    {
        var next = raw.AsSpan(after + 1).IndexOfAny(SentenceMarks);
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
