using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

public sealed class SyntaxToken : SyntaxElement
{
    private readonly TriviaSource? _triviaSource;
    private readonly int _fullStart;
    private readonly int _fullEnd;
    private readonly TriviaMode _leadingMode;
    private readonly TriviaMode _trailingMode;
    private ImmutableArray<SyntaxTrivia> _leadingTrivia;
    private ImmutableArray<SyntaxTrivia> _trailingTrivia;

    public SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        object? value = null,
        bool isMissing = false)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Value = value;
        IsMissing = isMissing;
        _leadingTrivia = leadingTrivia;
        _trailingTrivia = trailingTrivia;
        _fullStart = leadingTrivia.IsEmpty ? position : leadingTrivia[0].Position;
        _fullEnd = trailingTrivia.IsEmpty ? position + text.Length : trailingTrivia[^1].Span.End;
    }

    /// <summary>A token whose trivia is the text of [fullStart, position) and [end of text, fullEnd), scanned when first read.</summary>
    internal SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        TriviaSource triviaSource,
        int fullStart,
        TriviaMode leadingMode,
        int fullEnd,
        TriviaMode trailingMode,
        object? value)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Value = value;
        _triviaSource = triviaSource;
        _fullStart = fullStart;
        _fullEnd = fullEnd;
        _leadingMode = leadingMode;
        _trailingMode = trailingMode;
        _leadingTrivia = fullStart == position ? ImmutableArray<SyntaxTrivia>.Empty : default;
        _trailingTrivia = fullEnd == position + text.Length ? ImmutableArray<SyntaxTrivia>.Empty : default;
    }

    public override SyntaxKind Kind { get; }

    /// <summary>Where <see cref="Text"/> starts (after the leading trivia).</summary>
    public int Position { get; }

    public string Text { get; }

    /// <summary>The decoded value: a string's content, a number, or a duration in seconds.</summary>
    public object? Value { get; }

    /// <summary>A zero-width token the parser made up where the grammar required one; its error is reported once.</summary>
    public bool IsMissing { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia =>
        _leadingTrivia.IsDefault ? _leadingTrivia = _triviaSource!.Scan(_fullStart, Position, _leadingMode) : _leadingTrivia;

    public ImmutableArray<SyntaxTrivia> TrailingTrivia =>
        _trailingTrivia.IsDefault ? _trailingTrivia = _triviaSource!.Scan(Position + Text.Length, _fullEnd, _trailingMode) : _trailingTrivia;

    public override TextSpan Span => new(Position, Text.Length);

    public override TextSpan FullSpan => TextSpan.FromBounds(_fullStart, _fullEnd);

    public string ValueText => Value as string ?? Text;

    public SyntaxToken WithLeadingTrivia(ImmutableArray<SyntaxTrivia> trivia) =>
        new(Kind, Position, Text, trivia, TrailingTrivia, Value, IsMissing);

    public override void WriteTo(StringBuilder builder)
    {
        if (_triviaSource is not null)
        {
            // Lazy trivia is exactly the source text around the token: copy it without building trivia.
            builder.Append(_triviaSource.Text.Text, _fullStart, _fullEnd - _fullStart);
            return;
        }
        foreach (var trivia in LeadingTrivia) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in TrailingTrivia) builder.Append(trivia.Text);
    }

    public override string ToString() => Text;
}
