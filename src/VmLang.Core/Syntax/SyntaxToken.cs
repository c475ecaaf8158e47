using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

public sealed class SyntaxToken : SyntaxElement
{
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
        LeadingTrivia = leadingTrivia;
        TrailingTrivia = trailingTrivia;
        Value = value;
        IsMissing = isMissing;
    }

    public override SyntaxKind Kind { get; }

    /// <summary>Where <see cref="Text"/> starts (after the leading trivia).</summary>
    public int Position { get; }

    public string Text { get; }

    /// <summary>The decoded value: a string's content, a number, or a duration in seconds.</summary>
    public object? Value { get; }

    /// <summary>A zero-width token the parser made up where the grammar required one; its error is reported once.</summary>
    public bool IsMissing { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; }

    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; }

    public override TextSpan Span => new(Position, Text.Length);

    public override TextSpan FullSpan
    {
        get
        {
            var start = LeadingTrivia.IsEmpty ? Position : LeadingTrivia[0].Position;
            var end = TrailingTrivia.IsEmpty ? Span.End : TrailingTrivia[^1].Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    public string ValueText => Value as string ?? Text;

    public SyntaxToken WithLeadingTrivia(ImmutableArray<SyntaxTrivia> trivia) =>
        new(Kind, Position, Text, trivia, TrailingTrivia, Value, IsMissing);

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in TrailingTrivia) builder.Append(trivia.Text);
    }

    public override string ToString() => Text;
}
